/// Lookups and orderings computed once per build, so that rendering a page never scans the
/// whole site (10,000 associations × 20,000 pages would be quadratic).
public struct SiteIndex: Sendable {
    public var associationBySlug: [String: Int] = [:]
    public var facilityBySlug: [String: Int] = [:]
    public var liaisonBySlug: [String: Int] = [:]
    public var grantBySlug: [String: Int] = [:]
    public var clockBySlug: [String: Int] = [:]
    public var newsBySlug: [String: Int] = [:]
    public var pageBySlug: [String: Int] = [:]
    /// Association indices in A–Ö order of their names, per language.
    public var associationOrder: [String: [Int]] = [:]
    /// Where each association is in `associationOrder`, per language (by index): a filter page
    /// sorts its few members by it instead of sifting the whole order through a set.
    var associationRank: LanguageMap<[Int32]> = [:]
    /// Association indices meeting at each facility.
    public var facilityUsers: [String: [Int]] = [:]
    /// Every directory filter with the associations it keeps (indices, unordered).
    public var filters: [FilterKey: [Int]] = [:]
    /// Filters in display order.
    public var filterList: [FilterKey] = []
    /// Page address part of every area name in site.yml or in an association (`data-area`, filter links).
    public var areaSlugs: [String: String] = [:]
    /// The area name a filter address stands for: site.yml's first, else the first association's
    /// (filter page headings; scanning the associations for it made the filter pages quadratic).
    public var areaBySlug: [String: String] = [:]

    public struct FilterKey: Sendable, Hashable {
        public var filter: Routes.Filter
        public var value: String?
    }

    public init(site: Site) {
        self.init(lookupsOf: site)
        add(DirectoryIndex(site))
    }

    /// Everything but the directory's filters, which are `add`ed: a build makes them on another
    /// core (see RenderEnvironment.init).
    init(lookupsOf site: Site) {
        func index<T>(_ items: [Localized<T>]) -> [String: Int] {
            // By index: `enumerated()` copied every item whole to read its slug.
            Dictionary(uniqueKeysWithValues: items.indices.map { (items[$0].slug, $0) })
        }
        associationBySlug = index(site.associations)
        facilityBySlug = index(site.facilities)
        liaisonBySlug = index(site.liaisons)
        grantBySlug = index(site.grants)
        clockBySlug = index(site.clock)
        newsBySlug = index(site.news)
        pageBySlug = index(site.pages)
        let associations = site.associations
        let defaultLanguage = site.config.defaultLanguage
        // Most names are the same in every language (untranslated): their keys are made once.
        let primaryKeys = associations.parallelMap { CollationKey($0.primary.name) }
        let orders = site.config.languages.parallelMap(minimumCount: 2) { language -> [Int] in
            let keys = language == defaultLanguage ? primaryKeys : associations.indices.map { i in
                let name = associations[i].field(language, \.name)
                return name == associations[i].primary.name ? primaryKeys[i] : CollationKey(name)
            }
            return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : associations[$0].slug < associations[$1].slug }
        }
        for (language, order) in zip(site.config.languages, orders) {
            associationOrder[language] = order
            var rank = [Int32](repeating: 0, count: order.count)
            for (position, i) in order.enumerated() { rank[i] = Int32(position) }
            associationRank[language] = rank
        }
        for i in site.associations.indices {
            for f in site.associations[i].primary.meetsAt { facilityUsers[f, default: []].append(i) }
        }
    }

    mutating func add(_ directory: DirectoryIndex) {
        filters = directory.filters
        filterList = directory.filterList
        areaSlugs = directory.areaSlugs
        areaBySlug = directory.areaBySlug
    }

    /// The associations a directory page lists, in A–Ö order for the language.
    public func directory(_ filter: FilterKey?, _ language: String) -> [Int] {
        guard let filter else { return associationOrder[language] ?? [] }
        let members = filters[filter] ?? []
        guard let rank = associationRank[language] else { return [] }
        var sorted = members.sorted { rank[$0] < rank[$1] }
        // An association that named a value twice is listed once.
        var last = -1
        sorted.removeAll { i in defer { last = i }; return i == last }
        return sorted
    }
}
