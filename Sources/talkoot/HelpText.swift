/// Help texts are written in the source as hard-wrapped paragraphs, readable at the source's
/// width. ArgumentParser wraps a discussion to the terminal again but keeps every line break it
/// is given, so an 80-column terminal showed each long source line as a full line and an orphan
/// of one or two words ("… the site is built / into a / temporary folder …").
enum HelpText {
    /// `text` with each paragraph on one line, for ArgumentParser to wrap. Blank lines stay, and
    /// so do indented lines (examples, lists), each on a line of its own.
    static func paragraphs(_ text: String) -> String {
        var out: [String] = []
        var joining = false  // whether the last line of `out` is paragraph text that goes on
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isIndented = line.first == " " || line.first == "\t"
            if line.isEmpty || isIndented {
                out.append(String(line))
                joining = false
            } else if joining {
                out[out.count - 1] += " " + line
            } else {
                out.append(String(line))
                joining = !line.hasSuffix(":")  // "Examples:" heads the indented lines below it
            }
        }
        return out.joined(separator: "\n")
    }
}
