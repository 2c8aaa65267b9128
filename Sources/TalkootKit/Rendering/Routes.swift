/// Every URL of the section, localised (content model: "Page URLs are the project's choice …
/// must stay stable between versions").
///
/// The default language lives at the root of `base_url`, the others under `sv/`, `en/`.
/// Paths here are relative to the site root and end in `/` (a folder with `index.html`).
public struct Routes: Sendable {
    public enum Section: String, Sendable, CaseIterable {
        case home, associations, liaisons, facilities, grants, clock, evenings, news, pages, friendly, search
    }
    /// Filter dimensions of the association directory: static pages, so filters work without JavaScript.
    public enum Filter: String, Sendable, CaseIterable {
        case sector, area, targetGroup, language, volunteers
    }

    public var baseURL: String
    public var basePath: String
    public var defaultLanguage: String

    /// Every section's and filter's path per site language, made once: pages ask for them tens of
    /// thousands of times, and each answer was two dictionary lookups and two concatenations.
    private var sectionPaths: LanguageMap<[String]> = [:]
    private var filterPaths: LanguageMap<[String]> = [:]

    public init(config: SiteConfig) {
        baseURL = config.baseURL
        basePath = config.basePath
        defaultLanguage = config.defaultLanguage
        for language in config.languages {
            sectionPaths[language] = Section.allCases.map { makeSection($0, language) }
            filterPaths[language] = Filter.allCases.map { makeFilter($0, language) }
        }
    }

    static let segments: [String: [Section: String]] = [
        "fi": [.associations: "yhdistykset", .liaisons: "yhteyshenkilot", .facilities: "tilat", .grants: "avustukset",
               .clock: "vuosikello", .evenings: "yhdistysillat", .news: "ajankohtaista", .pages: "sivut",
               .friendly: "jarjestoystavallinen-kunta", .search: "haku"],
        "sv": [.associations: "foreningar", .liaisons: "kontaktpersoner", .facilities: "lokaler", .grants: "understod",
               .clock: "arshjul", .evenings: "foreningskvallar", .news: "aktuellt", .pages: "sidor",
               .friendly: "foreningsvanlig-kommun", .search: "sok"],
        "en": [.associations: "associations", .liaisons: "contacts", .facilities: "facilities", .grants: "grants",
               .clock: "annual-clock", .evenings: "association-evenings", .news: "news", .pages: "pages",
               .friendly: "association-friendly-municipality", .search: "search"],
    ]
    static let filterSegments: [String: [Filter: String]] = [
        "fi": [.sector: "toimiala", .area: "alue", .targetGroup: "kohderyhma", .language: "kieli", .volunteers: "tule-mukaan"],
        "sv": [.sector: "sektor", .area: "omrade", .targetGroup: "malgrupp", .language: "sprak", .volunteers: "kom-med"],
        "en": [.sector: "sector", .area: "area", .targetGroup: "target-group", .language: "language", .volunteers: "volunteer"],
    ]

    /// Association slugs that would collide with a filter page.
    public static let reservedAssociationSlugs: Set<String> = Set(filterSegments.values.flatMap { $0.values })

    public func prefix(_ language: String) -> String { language == defaultLanguage ? "" : language + "/" }

    public func segment(_ section: Section, _ language: String) -> String {
        Routes.segments[language]?[section] ?? Routes.segments["en"]![section]!
    }

    public func section(_ section: Section, _ language: String) -> String {
        sectionPaths[language]?[Routes.ordinal(section)] ?? makeSection(section, language)
    }

    private func makeSection(_ section: Section, _ language: String) -> String {
        section == .home ? prefix(language) : prefix(language) + segment(section, language) + "/"
    }

    /// The position in `allCases`, without searching it.
    static func ordinal(_ s: Section) -> Int {
        switch s {
        case .home: 0
        case .associations: 1
        case .liaisons: 2
        case .facilities: 3
        case .grants: 4
        case .clock: 5
        case .evenings: 6
        case .news: 7
        case .pages: 8
        case .friendly: 9
        case .search: 10
        }
    }

    static func ordinal(_ f: Filter) -> Int {
        switch f {
        case .sector: 0
        case .area: 1
        case .targetGroup: 2
        case .language: 3
        case .volunteers: 4
        }
    }

    public func item(_ kind: ContentKind, _ slug: String, _ language: String) -> String {
        let s: Section
        switch kind {
        case .associations: s = .associations
        case .liaisons: return concat(self.section(.liaisons, language), "#", slug)
        case .facilities: s = .facilities
        case .grants: s = .grants
        case .clock: s = .clock
        case .news: s = .news
        case .pages: s = .pages
        }
        return concat(self.section(s, language), slug, "/")
    }

    public func filter(_ filter: Filter, value: String?, _ language: String) -> String {
        let path = filterPaths[language]?[Routes.ordinal(filter)] ?? makeFilter(filter, language)
        guard let value else { return path }
        return concat(path, value, "/")
    }

    private func makeFilter(_ filter: Filter, _ language: String) -> String {
        let seg = Routes.filterSegments[language]?[filter] ?? Routes.filterSegments["en"]![filter]!
        return makeSection(.associations, language) + seg + "/"
    }

    /// Root-relative URL for links: `/yhdistystoiminta/yhdistykset/`.
    public func href(_ path: String) -> String { concat(basePath, path) }
    /// Absolute URL for feeds, sitemaps and canonical links.
    public func absolute(_ path: String) -> String { concat(baseURL, path) }

    /// The file a page path is written to.
    /// Cut at the first `#` by bytes: splitting the String by Characters cost some 20,000
    /// instructions a page (grapheme breaking over the whole path). No path of a page has one,
    /// so `memchr` says so first (`firstIndex(of:)` on the view took some 1,300 instructions).
    public static func file(for path: String) -> String {
        let clean = !path.containsByte(UInt8(ascii: "#")) ? path
            : path.utf8.firstIndex(of: UInt8(ascii: "#")).map { String(path[..<$0]) } ?? path
        return clean.isEmpty || clean.hasSuffix("/") ? concat(clean, "index.html") : clean
    }

    /// `webcal://host/path` for an `https://host/path` calendar, so calendar apps subscribe.
    public static func webcal(_ absolute: String) -> String {
        guard let r = absolute.range(of: "://") else { return absolute }
        return "webcal://" + absolute[r.upperBound...]
    }
}
