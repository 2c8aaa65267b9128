/// `content/site.yml`: the section's settings (content model, "content/site.yml").
public struct SiteConfig: Sendable {
    public enum Layout: String, Sendable, CaseIterable { case standalone, fragment }

    public var municipality: LocalizedText
    public var title: LocalizedText
    /// Always ends with `/`.
    public var baseURL: String
    /// First is the default language.
    public var languages: [String]
    public var layout: Layout
    public var theme: String
    public var contactEmail: String
    /// With `{path}` standing for the content file path.
    public var editURL: String?
    public var staleAfterDays: Int
    public var areas: [String]
    public var year: Int?
    /// Raw HTML in Markdown is dropped everywhere unless this is true; even then only in `pages/`.
    public var allowRawHTMLInPages: Bool
    /// Statements for the association-friendly municipality page, by criterion id.
    public var statements: [String: LocalizedText]
    /// Free for themes.
    public var extra: [String: String]

    public var defaultLanguage: String { languages.first ?? "fi" }

    /// The path part of base_url, e.g. `/yhdistystoiminta/`.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    public init(municipality: LocalizedText, title: LocalizedText, baseURL: String, languages: [String] = ["fi"],
                layout: Layout = .standalone, theme: String = "default", contactEmail: String, editURL: String? = nil,
                staleAfterDays: Int = 365, areas: [String] = [], year: Int? = nil, allowRawHTMLInPages: Bool = false,
                statements: [String: LocalizedText] = [:], extra: [String: String] = [:]) {
        self.municipality = municipality
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.languages = languages
        self.layout = layout
        self.theme = theme
        self.contactEmail = contactEmail
        self.editURL = editURL
        self.staleAfterDays = staleAfterDays
        self.areas = areas
        self.year = year
        self.allowRawHTMLInPages = allowRawHTMLInPages
        self.statements = statements
        self.extra = extra
    }
}
