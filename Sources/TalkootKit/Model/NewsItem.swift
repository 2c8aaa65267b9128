/// A news item (ajankohtaista).
public struct NewsItem: Sendable {
    public var title: String
    public var date: Day
    public var summary: String?
    public var extra: [String: String]
    public var body: MarkdownText
}

/// A free page: cooperation agreement, privacy notice, accessibility statement …
public struct Page: Sendable {
    public var title: String
    public var menu: Bool
    public var order: Int
    public var extra: [String: String]
    public var body: MarkdownText
}

/// `content/index.md`: the landing page's title and introduction.
public struct LandingPage: Sendable {
    public var title: String?
    public var body: MarkdownText
}
