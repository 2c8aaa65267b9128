/// The shared frame of every page: navigation, language switcher, footer, metadata.
extension RenderEnvironment {
    /// The frame values that are the same on every page of a language (strings, site names,
    /// footer and feed links). Built once per build; a page renders with it as the outermost
    /// context, under its own values (see `render`).
    func frameBase(_ language: String) -> TemplateObject {
        let cfg = site.config
        var c: TemplateObject = [:]
        c["lang"] = language
        c["t"] = uiStrings[language] ?? TemplateTable([:])
        c["siteTitle"] = cfg.title.text(language)
        c["municipality"] = cfg.municipality.text(language)
        c["homeHref"] = href(routes.section(.home, language))
        c["assetsHref"] = href("assets/")
        c["basePath"] = routes.basePath
        c["hasLanguages"] = cfg.languages.count > 1
        if let a = accessibilityPage { c["accessibilityHref"] = href(routes.item(.pages, a, language)) }
        if let p = privacyPage { c["privacyHref"] = href(routes.item(.pages, p, language)) }
        c["feedbackHref"] = "mailto:\(cfg.contactEmail)?subject=\(URLEncoding.component(t("feedback", language)))"
        c["contactEmail"] = cfg.contactEmail
        c["friendlyHref"] = href(routes.section(.friendly, language))
        c["feedHref"] = href(routes.prefix(language) + "feed.xml")
        c["icsHref"] = href(routes.prefix(language) + "vuosikello.ics")
        c["dataJSONHref"] = href("data/associations.json")
        c["dataCSVHref"] = href("data/associations.csv")
        c["searchHref"] = href(routes.section(.search, language))
        c["generated"] = site.today.iso
        c["siteExtra"] = cfg.extra  // site.yml's extra: free for themes, {{siteExtra.key}}
        return c
    }

    /// The frame values of one page: metadata, language versions, navigation state.
    /// `shared`: what the pages of one association have in common (see `renderAssociation`).
    func frame(_ id: PageID, _ language: String, _ pc: PageContent, shared: SharedRendering? = nil) -> TemplateObject {
        let cfg = site.config
        var c = pc.context
        c.reserveCapacity(c.count + 24)  // the frame's keys, without growing the table on the way
        // Appended: no page's own context uses a frame name (checked in debug builds, which
        // the tests run); names hashed once (ContextKeys).
        c.append(.title, pc.title)
        c.append(.isHome, id == .home)
        c.append(.fullTitle, id == .home ? concat(pc.title, " – ", cfg.municipality.text(language))
            : concat(pc.title, " – ", cfg.title.text(language), " – ", cfg.municipality.text(language)))
        c.append(.description, pc.description)
        // The page's path, address and link in every language, and its `alternates`: the same on
        // the page in each language, so an association's are made by its first page only.
        let links = shared?.pageLinks ?? makePageLinks(id)
        if let shared, shared.pageLinks == nil { shared.pageLinks = links }
        let here = cfg.languages.firstIndex(of: language)
        c.append(.canonical, here.map { links.addresses[$0] } ?? routes.absolute(id.path(routes, language)))
        c.append(.ogType, pc.ogType)
        c.append(.alternates, links.alternates)
        var languageLinks: [TemplateObject] = []
        if cfg.languages.count > 1 {
            languageLinks.reserveCapacity(links.hrefs.count)
            for (l, h) in zip(cfg.languages, links.hrefs) {
                var o = TemplateObject(minimumCapacity: 4)
                o.append(.code, l)
                o.append(.label, uiStrings[l]?.value("languageName", hash: RenderEnvironment.languageNameHash) ?? l)
                o.append(.href, h)
                o.append(.current, l == language)
                languageLinks.append(o)
            }
        }
        c.append(.languageLinks, languageLinks)
        // An item page's navigation is the same on every page of its section: it comes in a
        // context of its own under the page's (`renderBytes`), so that the navigation partial
        // is rendered once per section and language (PartialCache).
        if navigationFrame(id, language) == nil {
            c.append(.nav, makeNavigation(id, language, here: here.map { links.hrefs[$0] } ?? href(id.path(routes, language))))
        }
        if pc.fallback && language != cfg.defaultLanguage {
            c.append(.fallbackNotice, fallbackNotices[language] ?? fallbackNotice(language))
            // The page's own text is in the default language: templates mark it with lang.
            c.append(.contentLang, cfg.defaultLanguage)
        }
        if let edit = cfg.editURL, let source = pc.sourcePath { c.append(.editHref, edit.replacingOccurrences(of: "{path}", with: source)) }
        c.append(.breadcrumbs, trail(pc.breadcrumbs, language))
        c.append(.hasBreadcrumbs, !pc.breadcrumbs.isEmpty)
        if let ld = jsonLD(id, language, pc, address: here.map { links.addresses[$0] }, shared: shared) { c.append(.jsonLD, ld) }
        return c
    }

    /// A page in every language of the site: its path, address and link, and the `alternates`
    /// of its `<head>` (the default language's address twice, the second as x-default).
    struct PageLinks {
        var addresses: [String]
        var hrefs: [String]
        /// Small objects, not string dictionaries: the renderer reads an object's entries in
        /// place, while a dictionary was copied (a retain and a release) for every name looked
        /// up past it.
        var alternates: [TemplateObject]
    }

    func makePageLinks(_ id: PageID) -> PageLinks {
        let cfg = site.config
        let paths = cfg.languages.map { id.path(routes, $0) }
        let addresses = paths.map { routes.absolute($0) }
        func alternate(_ hreflang: String, _ address: String) -> TemplateObject {
            var o = TemplateObject(minimumCapacity: 2)
            o.append(.hreflang, hreflang)
            o.append(.href, address)
            return o
        }
        // Made at its final size (joining two lists with `+` made a third).
        var alternates: [TemplateObject] = []
        alternates.reserveCapacity(paths.count + 1)
        for (l, a) in zip(cfg.languages, addresses) { alternates.append(alternate(l, a)) }
        alternates.append(alternate("x-default", addresses.first ?? routes.absolute(id.path(routes, cfg.defaultLanguage))))
        return PageLinks(addresses: addresses, hrefs: paths.map { href($0) }, alternates: alternates)
    }

    /// The notice on a page that shows the default language's text (`fallbackNotice`): the same
    /// on every such page of a language, so made once per build (`fallbackNotices`).
    func fallbackNotice(_ language: String) -> String {
        t("fallbackNotice", language, ["language": languageLabel(site.config.defaultLanguage, language)])
    }

    /// The breadcrumb links of a page in `sections`, from the landing page on; none for a page in
    /// none. A page in one section (every item page) gets the trail made once per build.
    func trail(_ sections: [Routes.Section], _ language: String) -> [TemplateObject] {
        if sections.isEmpty { return [] }
        if sections.count == 1, let made = sectionTrails[language]?[Routes.ordinal(sections[0])] { return made }
        return makeTrail(sections, language)
    }

    func makeTrail(_ sections: [Routes.Section], _ language: String) -> [TemplateObject] {
        ([.home] + sections).map { s -> TemplateObject in
            ["label": t(s == .home ? "home" : s.rawValue, language), "href": href(routes.section(s, language))]
        }
    }

    /// `TemplateObject.hash("languageName")`, for every page's language links.
    static let languageNameHash = TemplateObject.hash("languageName")

    /// The context that holds the navigation (`nav`) of an item page (an association, a
    /// facility, …), or nil for other pages. An item page is never itself a navigation target,
    /// so its navigation depends only on its section: built once per build.
    func navigationFrame(_ id: PageID, _ language: String) -> TemplateObject? {
        switch id {
        case .association, .associationFilter, .facility, .grant, .clockEntry, .newsItem:
            return navigationCache[language]?[navigationSlot(id)]
        default: return nil
        }
    }

    /// Item pages of every section, for `navigationCache`.
    static let itemPageKinds: [PageID] = [.association(""), .facility(""), .grant(""), .clockEntry(""), .newsItem("")]

    func makeNavigation(_ id: PageID, _ language: String, here: String) -> [TemplateObject] {
        var nav: [TemplateObject] = [["label": t("home", language), "href": href(routes.section(.home, language)), "current": id == .home]]
        let current = currentSection(id)
        nav += sectionLinks(language).map { l in
            var l = l
            l["current"] = (l["section"] as? String) == current?.rawValue
            return l
        }
        let menuPages = site.pages.filter { $0.primary.menu }.sorted { ($0.primary.order, $0.slug) < ($1.primary.order, $1.slug) }
        nav += menuPages.map { p -> TemplateObject in
            var current = false
            if case let .page(s) = id { current = s == p.slug }
            var item: TemplateObject = ["label": p.version(language).title, "href": href(routes.item(.pages, p.slug, language)), "current": current]
            if let l = fallbackLang(p, language) { item["contentLang"] = l }
            return item
        }
        nav.append(["label": t("search", language), "href": href(routes.section(.search, language)), "current": id == .search])
        // aria-current: "page" on the link to this very page, "true" on the section it belongs to.
        return nav.map { l -> TemplateObject in
            var l = l
            if l["current"] as? Bool == true { l["ariaCurrent"] = (l["href"] as? String) == here ? "page" : "true" }
            return l
        }
    }

    /// Where `navigationCache` keeps the navigation of a page's section: the section's ordinal,
    /// or the last slot for a page of no section.
    func navigationSlot(_ id: PageID) -> Int {
        currentSection(id).map(Routes.ordinal) ?? Routes.Section.allCases.count
    }

    func currentSection(_ id: PageID) -> Routes.Section? {
        switch id {
        case .associations, .associationFilter, .association: return .associations
        case .liaisons: return .liaisons
        case .facilities, .facility: return .facilities
        case .grants, .grant: return .grants
        case .clock, .clockEntry: return .clock
        case .evenings: return .evenings
        case .news, .newsItem: return .news
        default: return nil
        }
    }

    /// Renders one page in one language to its final HTML, as UTF-8 bytes: the layout writes the
    /// body where it says `{{{content}}}` (an `InlineTemplate`). Both render with the context
    /// stack of the language's frame base, then the page's own values, so a page never copies the
    /// two dozen values every page shares. No page context defines a base key.
    public func renderBytes(_ id: PageID, _ language: String) -> [UInt8] {
        renderBytes(id, language, shared: nil)
    }

    func renderBytes(_ id: PageID, _ language: String, shared: SharedRendering?) -> [UInt8] {
        let pc = content(id, language, shared: shared)
        var c = frame(id, language, pc, shared: shared)
        let base: Any = frameBaseCache[language] ?? frameBase(language)
        // The body is rendered where the layout writes `{{{content}}}`, with the same contexts.
        c.append(.content, InlineTemplate(id.template))
        let layout = site.config.layout == .fragment ? "fragment" : "layout"
        // Pages with the same contexts under their own share the partials rendered on them
        // alone (the navigation, the footer): a scope per language and navigation.
        let navigation = navigationFrame(id, language)
        let contexts: [Any] = navigation.map { [base, $0, c] } ?? [base, c]
        let slots = Routes.Section.allCases.count + 2
        let memo = site.config.languages.firstIndex(of: language).map { l in
            PartialMemo(cache: partialCache, scope: l * slots + (navigation == nil ? slots - 1 : navigationSlot(id)))
        }
        // The renderer hands back exactly the bytes (ByteBuffer.array): a buffer that grew by
        // doubling is not kept until the page is written.
        let capacity = renderCapacity(id, language)
        return theme.library.renderBytes(contexts, withTemplate: layout, capacity: capacity, memo: memo)
            ?? theme.library.renderBytes(contexts, withTemplate: id.template, capacity: capacity, memo: memo) ?? []
    }

    /// About how many bytes a page renders to, a little more rather than less: the renderer
    /// writes into storage of this size and copies only a page that outgrows it. A directory
    /// page is its cards (megabytes on a big site): grown from 16 KiB by doubling and then
    /// copied, the two listings rendered side by side held some 20 MB more at the build's peak.
    func renderCapacity(_ id: PageID, _ language: String) -> Int {
        guard let cards = cardHTML[language] else { return 16 * 1024 }
        let bytes: Int
        switch id {
        case .associations: bytes = cards.reduce(0) { $0 + $1.count }
        case let .associationFilter(filter, value):
            bytes = (index.filters[SiteIndex.FilterKey(filter: filter, value: value)] ?? []).reduce(0) { $0 + cards[$1].count }
        default: return 16 * 1024
        }
        return bytes + bytes / 32 + 64 * 1024
    }

    /// An association's page in every language of the site and its export record, working out
    /// once what the languages share (see SharedRendering). `export` renders Markdown for the
    /// export, with absolute image URLs (AssociationRecord). With `cards`, also its directory
    /// card in every language (else `cards` is empty).
    func renderAssociation(_ item: Localized<Association>, export: MarkdownRenderer, cards: Bool = false)
        -> (pages: [[UInt8]], record: AssociationRecord, cards: [[UInt8]]) {
        let shared = SharedRendering(collectsCards: cards)
        let pages = site.config.languages.map { renderBytes(.association(item.slug), $0, shared: shared) }
        let cardBytes = cards ? site.config.languages.map { shared.cards[$0] ?? [] } : []
        let primary = shared.html(item.primary.body, markdown)
        let description = primary.usesBase ? nil : primary.html
        let record = AssociationRecord.make(item, routes: routes, language: site.config.defaultLanguage, markdown: export,
                                            descriptionHTML: description)
        return (pages, record, cardBytes)
    }

    /// About how many item pages' worth of bytes a page is: a directory page holds a card
    /// (a twentieth of an item page) per association it lists. Used to size the runs of pages
    /// written together (`OrderedStream`).
    func pageWeight(_ id: PageID) -> Int {
        switch id {
        case .associations: return 1 + site.associations.count / 20
        case let .associationFilter(filter, value):
            return 1 + (index.filters[SiteIndex.FilterKey(filter: filter, value: value)]?.count ?? 0) / 20
        default: return 1
        }
    }
}
