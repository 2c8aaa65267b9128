print("talkoot")
