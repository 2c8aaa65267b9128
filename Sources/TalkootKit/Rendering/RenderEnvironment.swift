/// What every page context needs: the site, its theme, its URLs and formatting per language.
///
/// Built once per build; the per-page context builders are pure functions of it.
public struct RenderEnvironment: Sendable {
    public var site: Site
    public var theme: Theme
    public var routes: Routes
    public var markdown: MarkdownRenderer
    /// UI strings per language, already merged over the fallbacks.
    public var strings: [String: [String: String]]
    /// The same as the templates' `t`, per language (see TemplateTable).
    var uiStrings: LanguageMap<TemplateTable> = [:]
    /// Slug of the accessibility statement page, if the content has one.
    public var accessibilityPage: String?
    public var privacyPage: String?
    /// Lookups and orderings computed once per build.
    public var index: SiteIndex
    /// Each association's directory card, rendered once per language (language → by index),
    /// because the directory and its filter pages list the same cards many times over.
    /// As UTF-8 bytes: they are only ever joined into the directory pages.
    public var cardHTML: [String: [[UInt8]]] = [:]
    /// The A–Ö letter each association is listed under, per language (by index).
    public var cardInitial: [String: [String]] = [:]
    /// The section links of the landing page and the navigation, per language.
    var sectionLinkCache: LanguageMap<[TemplateObject]> = [:]
    /// Links and labels of sectors, target groups, languages and facilities, per language.
    var vocabularies: LanguageMap<Vocabulary> = [:]
    /// `frameBase` per language.
    var frameBaseCache: LanguageMap<TemplateObject> = [:]
    /// The navigation of item pages as a context (`nav`), per language by `navigationSlot` of
    /// their section (see `navigationFrame`).
    var navigationCache: LanguageMap<[TemplateObject?]> = [:]
    /// The partials rendered once for many pages (the navigation, the footer) in this build.
    let partialCache = PartialCache()
    /// The breadcrumb trail of a page in one section, per language by the section's ordinal.
    var sectionTrails: LanguageMap<[[TemplateObject]]> = [:]
    /// `fallbackNotice` per language.
    var fallbackNotices: LanguageMap<String> = [:]
    /// `makeChangeMailPieces` per language.
    var changeMailPieces: LanguageMap<[[UInt8]]> = [:]
    /// The context under each directory card: the language's strings as `t` (`cardBytes`).
    var cardStrings: LanguageMap<TemplateObject> = [:]

    /// `cards: false` leaves `cardHTML` empty for the caller to fill: a site build renders each
    /// card in the job that renders its association's pages, from the card context those pages
    /// start from (see `SiteBuilder.files`), instead of building every card's context twice.
    public init(site: Site, theme: Theme, cards: Bool = true) {
        self.site = site
        self.theme = theme
        routes = Routes(config: site.config)
        markdown = MarkdownRenderer(basePath: site.config.basePath)
        var s: [String: [String: String]] = [:]
        for l in site.config.languages { s[l] = theme.strings(for: l) }
        strings = s
        for (l, table) in s { uiStrings[l] = TemplateTable(table) }
        let slugs = Set(site.pages.map(\.slug))
        accessibilityPage = ["saavutettavuusseloste", "accessibility-statement", "tillganglighetsutlatande", "accessibility"].first { slugs.contains($0) }
        privacyPage = ["tietosuojaseloste", "privacy-notice", "dataskyddsbeskrivning", "privacy"].first { slugs.contains($0) }
        // The index, the directory's filters, and the vocabulary's terms with the cards' A–Ö
        // letters, side by side: they all read every association, and the pages cannot start
        // before they are there. The index alone kept one core busy while the other waited;
        // the filters, the shortest, go to the core done first.
        let terms: VocabularyTerms
        let initials: [[String]]
        let directory: DirectoryIndex
        (index, (terms, initials), directory) = parallelTriple({ SiteIndex(lookupsOf: site) }, {
            let terms = VocabularyTerms(site.associations)
            let initials = site.config.languages.map { language in site.associations.map { Collation.initial($0.field(language, \.name)) } }
            return (terms, initials)
        }, { DirectoryIndex(site) })
        index.add(directory)
        for (language, letters) in zip(site.config.languages, initials) { cardInitial[language] = letters }
        for language in site.config.languages {
            sectionLinkCache[language] = makeSectionLinks(language)
            vocabularies[language] = makeVocabulary(language, terms: terms)
            frameBaseCache[language] = frameBase(language)
            var navigation = [TemplateObject?](repeating: nil, count: Routes.Section.allCases.count + 1)
            for id in RenderEnvironment.itemPageKinds {
                // An empty address matches no navigation link, as no item page is one.
                navigation[navigationSlot(id)] = ["nav": makeNavigation(id, language, here: "")]
            }
            navigationCache[language] = navigation
            sectionTrails[language] = Routes.Section.allCases.sorted { Routes.ordinal($0) < Routes.ordinal($1) }.map { makeTrail([$0], language) }
            fallbackNotices[language] = fallbackNotice(language)
            changeMailPieces[language] = makeChangeMailPieces(language)
            cardStrings[language] = makeCardStrings(language)
        }
        let env = self
        for language in site.config.languages {
            if cards { cardHTML[language] = site.associations.parallelMap { env.cardBytes(env.associationCard($0, language), language) } }
        }
    }

    /// A directory card as HTML, from its context (`associationCard`): rendered on its own, with
    /// the UI strings as its `t`.
    func cardBytes(_ card: TemplateObject, _ language: String) -> [UInt8] {
        // The strings in a frame of their own under the card: setting `t` on the card copied
        // the card (its entries, a retain each), which its page goes on to extend. The frame is
        // made once per language (`cardStrings`).
        let strings = cardStrings[language] ?? makeCardStrings(language)
        return theme.library.renderBytes([strings, card], withTemplate: "association-card", capacity: 960, exactSize: true) ?? []
    }

    /// The context under a directory card (`cardStrings`).
    func makeCardStrings(_ language: String) -> TemplateObject { ["t": uiStrings[language] ?? TemplateTable([:])] }

    // MARK: lookups through the index

    public func association(_ slug: String) -> Localized<Association>? { index.associationBySlug[slug].map { site.associations[$0] } }
    public func facility(_ slug: String) -> Localized<Facility>? { index.facilityBySlug[slug].map { site.facilities[$0] } }
    public func liaison(_ slug: String) -> Localized<Liaison>? { index.liaisonBySlug[slug].map { site.liaisons[$0] } }
    public func grant(_ slug: String) -> Localized<Grant>? { index.grantBySlug[slug].map { site.grants[$0] } }
    public func clockEntry(_ slug: String) -> Localized<ClockEntry>? { index.clockBySlug[slug].map { site.clock[$0] } }
    public func newsItem(_ slug: String) -> Localized<NewsItem>? { index.newsBySlug[slug].map { site.news[$0] } }
    public func page(_ slug: String) -> Localized<Page>? { index.pageBySlug[slug].map { site.pages[$0] } }

    /// Read from the templates' table of the language (`uiStrings`, made of `strings`), which
    /// finds a string by a cheaper hash than the dictionary's.
    public func t(_ key: String, _ language: String) -> String {
        uiStrings[language]?.value(key, hash: TemplateObject.hash(key)) ?? key
    }

    /// `{name}` placeholders in UI strings.
    public func t(_ key: String, _ language: String, _ values: [String: String]) -> String {
        RenderEnvironment.fill(t(key, language), values)
    }

    /// Replaces each `{name}` in `template` whose name is in `values`; other braces stay.
    /// One pass over the template, so a value that contains "{name}" is never replaced again
    /// (and the result does not depend on the dictionary's order). On the UTF-8 bytes, where
    /// braces are single bytes: walking Characters cost 480 instructions per character, 2% of
    /// a build (the change e-mail of every association is such a template).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        return template.withUTF8Bytes { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 64)
            var i = 0
            while i < u.count {
                let open = u.index(of: UInt8(ascii: "{"), from: i)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<open]))
                guard open < u.count else { break }
                let close = u.index(of: UInt8(ascii: "}"), from: open + 1)
                if close < u.count, let value = values[String(decoding: UnsafeBufferPointer(rebasing: u[open + 1..<close]), as: UTF8.self)] {
                    out.append(contentsOf: value.utf8)
                    i = close + 1
                } else {
                    out.append(UInt8(ascii: "{"))
                    i = open + 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    public func href(_ path: String) -> String { routes.href(path) }

    /// A body as HTML, in bytes: it goes into the page as it is (`{{{descriptionHTML}}}`).
    public func html(_ text: MarkdownText, rawAllowed: Bool = false) -> [UInt8] {
        markdown.htmlBytes(text, allowRawHTML: rawAllowed)
    }

    // MARK: formatting

    public func date(_ d: Day) -> String { d.nordic }

    /// `1.3.–31.3.2027`, `30.11.2026–15.1.2027` or `18.3.2027`.
    public func range(_ s: Day, _ e: Day) -> String {
        if s == e { return s.nordic }
        if s.year == e.year { return "\(s.day).\(s.month).–\(e.nordic)" }
        return "\(s.nordic)–\(e.nordic)"
    }

    /// A date spec as text: yearly dates without the year and with "every year".
    public func spec(_ s: DateSpec, _ e: DateSpec?, _ language: String) -> String {
        switch (s, e) {
        case let (.yearly(a), .yearly(b)?): return "\(a.day).\(a.month).–\(b.day).\(b.month). (\(t("everyYear", language)))"
        case let (.yearly(a), _): return "\(a.day).\(a.month). (\(t("everyYear", language)))"
        case let (.once(a), .once(b)?): return range(a, b)
        case let (.once(a), _): return a.nordic
        }
    }

    public func kindLabel(_ k: ClockEntry.Kind, _ language: String) -> String {
        switch k {
        case .evening: return t("kindEvening", language)
        case .event: return t("kindEvent", language)
        case .network: return t("kindNetwork", language)
        case .workingGroup: return t("kindWorkingGroup", language)
        case .strategy: return t("kindStrategy", language)
        case .deadline: return t("kindDeadline", language)
        case .other: return t("kindOther", language)
        case .application: return t("kindApplication", language)
        case .booking: return t("kindBooking", language)
        }
    }

    public func targetGroupLabel(_ id: String, _ language: String) -> String {
        t("tg" + id.prefix(1).uppercased() + id.dropFirst(), language)
    }

    public func languageLabel(_ code: String, _ language: String) -> String {
        let key = "lang" + code.prefix(1).uppercased() + code.dropFirst()
        let s = t(key, language)
        return s == key ? code : s
    }

    public func featureLabel(_ id: String, _ language: String) -> String {
        let key = "feature" + id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return t(key, language)
    }

    public func sectorName(_ id: String, _ language: String) -> String {
        site.sector(id)?.name.text(language) ?? id
    }

    public func phone(_ p: PhoneNumber?) -> TemplateObject? {
        p.map {
            var o = TemplateObject(minimumCapacity: 2)
            o.append(.display, $0.display)
            o.append(.href, concat("tel:", $0.international))
            return o
        }
    }

    public func place(_ p: PlaceRef?, _ language: String) -> TemplateObject? {
        switch p {
        case let .facility(slug)?:
            return vocabularies[language]?.facilityPlaces[slug] ?? facilityPlace(slug, language)
        case let .text(s)?:
            var o = TemplateObject(minimumCapacity: 1)
            o.append(.name, s)
            return o
        case nil: return nil
        }
    }

    public func person(_ p: PersonRef?, _ language: String) -> TemplateObject? {
        switch p {
        case let .liaison(slug)?:
            let name = index.liaisonBySlug[slug].map { site.liaisons[$0].field(language, \.name) } ?? slug
            return ["name": name, "href": href(routes.item(.liaisons, slug, language))]
        case let .text(s)?: return ["name": s]
        case nil: return nil
        }
    }

    public func areaSlug(_ area: String) -> String { index.areaSlugs[area] ?? Slug.make(from: area) }

    public func imageHref(_ i: ImageRef?) -> String? { i.map { href($0.path) } }
}
