/// Every page the section has, independent of language. A page is a `PageID` in a language.
public enum PageID: Sendable, Hashable {
    case home
    case associations
    case associationFilter(Routes.Filter, String?)
    case association(String)
    case liaisons
    case facilities
    case facility(String)
    case grants
    case grant(String)
    case clock
    case clockEntry(String)
    case evenings
    case news
    case newsItem(String)
    case page(String)
    case friendly
    case search

    /// The template that renders this page.
    public var template: String {
        switch self {
        case .home: return "home"
        case .associations, .associationFilter: return "associations"
        case .association: return "association"
        case .liaisons: return "liaisons"
        case .facilities: return "facilities"
        case .facility: return "facility"
        case .grants: return "grants"
        case .grant: return "grant"
        case .clock: return "clock"
        case .clockEntry: return "clock-entry"
        case .evenings: return "evenings"
        case .news: return "news"
        case .newsItem: return "news-item"
        case .page: return "page"
        case .friendly: return "friendly"
        case .search: return "search"
        }
    }

    public func path(_ routes: Routes, _ language: String) -> String {
        switch self {
        case .home: return routes.section(.home, language)
        case .associations: return routes.section(.associations, language)
        case let .associationFilter(f, v): return routes.filter(f, value: v, language)
        case let .association(s): return routes.item(.associations, s, language)
        case .liaisons: return routes.section(.liaisons, language)
        case .facilities: return routes.section(.facilities, language)
        case let .facility(s): return routes.item(.facilities, s, language)
        case .grants: return routes.section(.grants, language)
        case let .grant(s): return routes.item(.grants, s, language)
        case .clock: return routes.section(.clock, language)
        case let .clockEntry(s): return routes.item(.clock, s, language)
        case .evenings: return routes.section(.evenings, language)
        case .news: return routes.section(.news, language)
        case let .newsItem(s): return routes.item(.news, s, language)
        case let .page(s): return routes.item(.pages, s, language)
        case .friendly: return routes.section(.friendly, language)
        case .search: return routes.section(.search, language)
        }
    }

    /// Every page of a site (per language), with the directory's filter pages as the site's
    /// index lists them (`SiteIndex.filterList`): finding them reads every association.
    public static func all(_ site: Site, filters: [SiteIndex.FilterKey]) -> [PageID] {
        var ids: [PageID] = [.home, .associations, .liaisons, .facilities, .grants, .clock, .evenings, .news, .friendly, .search]
        ids += filters.map { PageID.associationFilter($0.filter, $0.value) }
        ids += site.associations.map { .association($0.slug) }
        ids += site.facilities.map { .facility($0.slug) }
        ids += site.grants.map { .grant($0.slug) }
        ids += site.clock.map { .clockEntry($0.slug) }
        ids += site.news.map { .newsItem($0.slug) }
        ids += site.pages.map { .page($0.slug) }
        return ids
    }
}
