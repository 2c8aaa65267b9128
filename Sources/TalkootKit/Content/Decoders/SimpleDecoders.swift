/// Content model, "News" and "Pages", and the landing page `index.md`.
enum NewsDecoder {
    static let fields: FieldNames = ["title", "date", "summary"]
    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> NewsItem? {
        let title = r.text("title", required: true)
        let date = r.day("date", required: true)
        let summary = r.text("summary", maxLength: 300)
        guard let title, let date else { return nil }
        return NewsItem(title: title, date: date, summary: summary, extra: r.extra(), body: body)
    }
}

enum PageDecoder {
    static let fields: FieldNames = ["title", "menu", "order"]
    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> Page? {
        let title = r.text("title", required: true)
        let page = Page(title: title ?? "", menu: r.bool("menu") ?? false, order: r.int("order") ?? 1000, extra: r.extra(), body: body)
        return title == nil ? nil : page
    }
}

enum LandingDecoder {
    static let fields: FieldNames = ["title"]
    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> LandingPage? {
        LandingPage(title: r.text("title"), body: body)
    }
}
