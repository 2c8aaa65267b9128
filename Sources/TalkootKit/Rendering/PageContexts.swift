/// The context of each page: its own data plus the frame every page shares
/// (navigation, language switcher, footer links, SEO metadata).
extension RenderEnvironment {
    /// Title, meta description and page-specific context of one page.
    struct PageContent {
        var title: String
        var description: String
        var context: TemplateObject
        /// Whether this language shows the default language's text.
        var fallback = false
        /// Content file behind the page, for the "edit in git" link.
        var sourcePath: String?
        var ogType = "website"
        /// The sections the page is in, after the landing page (which every trail starts with):
        /// their links are the same on every page of a language (`sectionTrails`).
        var breadcrumbs: [Routes.Section] = []
    }

    func content(_ id: PageID, _ language: String, shared: SharedRendering? = nil) -> PageContent {
        let cfg = site.config
        let sectionTitle = cfg.title.text(language)
        switch id {
        case .home:
            let landing = site.landing.version(language)
            var c: TemplateObject = ["introHTML": html(landing.body)]
            if let l = site.liaisons.filter({ $0.primary.role == .liaison }).sorted(by: { $0.primary.order < $1.primary.order }).first {
                c["liaison"] = liaisonCard(l, language)
            }
            c["upcoming"] = AnnualClock.upcoming(site, language: language, limit: 3).map { clockItem($0, language) }
            c["sections"] = sectionLinks(language)
            c["latestNews"] = site.news.sorted { ($0.primary.date, $0.slug) > ($1.primary.date, $1.slug) }.prefix(3).map { newsCard($0, language) }
            c["hasLatestNews"] = !site.news.isEmpty
            c["addAssociationHref"] = addAssociationHref(language)
            c["reportChangeHref"] = "mailto:\(cfg.contactEmail)?subject=\(URLEncoding.component(t("reportChange", language)))"
            return PageContent(title: landing.title ?? sectionTitle, description: MarkdownRenderer.plainText(landing.body.source),
                               context: c, fallback: site.landing.isFallback(language), sourcePath: site.landing.sourcePath)

        case .associations, .associationFilter:
            return directory(id, language)

        case let .association(slug):
            let item = association(slug)!
            // The version read where it is stored (see Localized.withVersion).
            return item.withVersion(language) { a in
                PageContent(title: a.name, description: a.summary, context: ["association": associationDetail(item, a, language, shared: shared)],
                            fallback: item.isFallback(language), sourcePath: item.sourcePath, ogType: "profile",
                            breadcrumbs: [.associations])
            }

        case .liaisons:
            let sorted = site.liaisons.sorted { ($0.primary.order, $0.slug) < ($1.primary.order, $1.slug) }
            let groups: [(Liaison.Role, String)] = [(.liaison, "liaisonRoleLiaison"), (.agent, "liaisonRoleAgent"), (.sectorContact, "liaisonRoleSectorContact")]
            let c: TemplateObject = ["groups": groups.compactMap { role, key -> TemplateObject? in
                let people = sorted.filter { $0.primary.role == role }
                return people.isEmpty ? nil : ["id": role.rawValue, "heading": t(key, language), "people": people.map { liaisonCard($0, language) }]
            }]
            return PageContent(title: t("liaisons", language), description: t("sectionsLiaisons", language), context: c)

        case .facilities:
            let list = site.facilities.sorted { Collation.key($0.version(language).name) < Collation.key($1.version(language).name) }
            return PageContent(title: t("facilities", language), description: t("sectionsFacilities", language),
                               context: ["facilities": list.map { facilityCard($0, language) },
                                         "features": AccessibilityFeature.ids.map { ["id": $0, "label": featureLabel($0, language)] }])

        case let .facility(slug):
            let item = facility(slug)!
            let f = item.version(language)
            return PageContent(title: f.name, description: MarkdownRenderer.plainText(f.body.source).isEmpty ? f.address : MarkdownRenderer.plainText(f.body.source),
                               context: ["facility": facilityDetail(item, language)], fallback: item.isFallback(language),
                               sourcePath: item.sourcePath, breadcrumbs: [.facilities])

        case .grants:
            let cards = site.grants.sorted { Collation.key($0.version(language).name) < Collation.key($1.version(language).name) }.map { grantCard($0, language) }
            func state(_ c: TemplateObject) -> String { (c["status"] as? TemplateObject)?["state"] as? String ?? "" }
            let c: TemplateObject = ["open": cards.filter { state($0) == "open" }, "upcoming": cards.filter { state($0) == "upcoming" },
                                    "continuous": cards.filter { state($0) == "continuous" }, "closed": cards.filter { state($0) == "closed" },
                                    "statusGroups": [("openNow", "open"), ("opensNext", "upcoming"), ("continuousApplication", "continuous"), ("closed", "closed")]
                                        .compactMap { key, st -> TemplateObject? in
                                            let list = cards.filter { state($0) == st }
                                            return list.isEmpty ? nil : ["heading": t(key, language), "grants": list, "state": st]
                                        }]
            return PageContent(title: t("grants", language), description: t("sectionsGrants", language), context: c)

        case let .grant(slug):
            let item = grant(slug)!
            let g = item.version(language)
            return PageContent(title: g.name, description: MarkdownRenderer.plainText(g.body.source), context: ["grant": grantDetail(item, language)],
                               fallback: item.isFallback(language), sourcePath: item.sourcePath,
                               breadcrumbs: [.grants])

        case .clock:
            return clockPage(language)

        case let .clockEntry(slug):
            let item = clockEntry(slug)!
            let e = item.version(language)
            return PageContent(title: e.title, description: MarkdownRenderer.plainText(e.body.source), context: ["entry": clockEntryDetail(item, language)],
                               fallback: item.isFallback(language), sourcePath: item.sourcePath,
                               breadcrumbs: [.clock])

        case .evenings:
            let evenings = site.clock.filter { $0.primary.kind == .evening }
            func startDay(_ e: Localized<ClockEntry>) -> Day {
                if case let .date(s, end) = e.primary.when { return (end ?? s).occurrence(in: site.today.year) }
                return site.today
            }
            let upcoming = evenings.filter { startDay($0) >= site.today }.sorted { (startDay($0), $0.slug) < (startDay($1), $1.slug) }
            let past = evenings.filter { startDay($0) < site.today }.sorted { (startDay($0), $0.slug) > (startDay($1), $1.slug) }
            return PageContent(title: t("evenings", language), description: t("eveningsIntro", language),
                               context: ["upcoming": upcoming.map { clockEntryDetail($0, language) }, "past": past.map { clockEntryDetail($0, language) },
                                         "hasUpcoming": !upcoming.isEmpty, "hasPast": !past.isEmpty])

        case .news:
            let list = site.news.sorted { ($0.primary.date, $0.slug) > ($1.primary.date, $1.slug) }
            return PageContent(title: t("news", language), description: t("sectionsNews", language),
                               context: ["news": list.map { newsCard($0, language) }, "feedHref": href(routes.prefix(language) + "feed.xml")])

        case let .newsItem(slug):
            let item = newsItem(slug)!
            let n = item.version(language)
            var c = newsCard(item, language)
            c["bodyHTML"] = html(n.body)
            return PageContent(title: n.title, description: n.summary ?? MarkdownRenderer.plainText(n.body.source), context: ["item": c],
                               fallback: item.isFallback(language), sourcePath: item.sourcePath, ogType: "article",
                               breadcrumbs: [.news])

        case let .page(slug):
            let item = page(slug)!
            let p = item.version(language)
            return PageContent(title: p.title, description: MarkdownRenderer.plainText(p.body.source),
                               context: ["bodyHTML": html(p.body, rawAllowed: cfg.allowRawHTMLInPages), "extra": p.extra],
                               fallback: item.isFallback(language), sourcePath: item.sourcePath)

        case .friendly:
            return friendlyPage(language)

        case .search:
            return PageContent(title: t("search", language), description: t("searchPlaceholder", language),
                               context: ["pagefindHref": href("pagefind/"), "directoryHref": href(routes.section(.associations, language))])
        }
    }

    func sectionLinks(_ language: String) -> [TemplateObject] { sectionLinkCache[language] ?? makeSectionLinks(language) }

    func makeSectionLinks(_ language: String) -> [TemplateObject] {
        let sections: [(Routes.Section, String, String)] = [
            (.associations, "associations", "sectionsAssociations"), (.liaisons, "liaisons", "sectionsLiaisons"),
            (.facilities, "facilities", "sectionsFacilities"), (.grants, "grants", "sectionsGrants"),
            (.clock, "clock", "sectionsClock"), (.evenings, "evenings", "sectionsEvenings"), (.news, "news", "sectionsNews"),
        ]
        return sections.map { ["label": t($0.1, language), "description": t($0.2, language), "href": href(routes.section($0.0, language)),
                               "section": $0.0.rawValue] }
    }

    func directory(_ id: PageID, _ language: String) -> PageContent {
        var heading = t("associations", language)
        var current: SiteIndex.FilterKey?
        if case let .associationFilter(f, v) = id {
            current = SiteIndex.FilterKey(filter: f, value: v)
            heading = filterLabel(f, v, language)
        }
        let members = index.directory(current, language)
        let cards = cardHTML[language] ?? []
        let initials = cardInitial[language] ?? []

        // A–Ö groups with the cards as pre-rendered HTML (see RenderEnvironment.cardHTML), each
        // group's cards as they are (`ContextValue.chunks`), written into the page one by one.
        var letters: [TemplateObject] = []
        var currentLetter = ""
        var group: [[UInt8]] = []
        for (k, i) in members.enumerated() {
            let l = initials[i]
            if l != currentLetter {
                if !group.isEmpty { letters.append(["letter": currentLetter, "cardsHTML": group]) }
                currentLetter = l
                var count = 0
                for j in members[k...] {
                    if initials[j] != l { break }
                    count += 1
                }
                group = []
                group.reserveCapacity(count)
            }
            group.append(cards[i])
        }
        if !group.isEmpty { letters.append(["letter": currentLetter, "cardsHTML": group]) }

        // The sector overview only on the unfiltered directory: filter pages list one selection.
        var bySector: [TemplateObject] = []
        if current == nil {
            for sector in site.sectors {
                let ids = index.directory(SiteIndex.FilterKey(filter: .sector, value: sector.id), language)
                if !ids.isEmpty {
                    bySector.append(["id": sector.id, "name": sector.name.text(language), "count": ids.count,
                                     "href": href(routes.filter(.sector, value: sector.id, language))])
                }
            }
        }

        // Filter groups: links to static filter pages (work without JavaScript).
        let dims: [(Routes.Filter, String)] = [(.sector, "sector"), (.area, "area"), (.targetGroup, "targetGroups"), (.language, "activityLanguages")]
        let groups: [TemplateObject] = dims.compactMap { f, key in
            let opts = index.filterList.filter { $0.filter == f }.map { k -> TemplateObject in
                ["label": filterLabel(f, k.value, language), "href": href(routes.filter(f, value: k.value, language)), "value": k.value ?? "",
                 "current": current == k, "count": index.filters[k]?.count ?? 0]
            }
            return opts.isEmpty ? nil : ["label": t(key, language), "dimension": f.rawValue, "options": opts]
        }
        var c: TemplateObject = ["heading": heading, "count": members.count, "bySector": bySector, "hasBySector": !bySector.isEmpty,
                                "letters": letters, "filterGroups": groups, "allHref": href(routes.section(.associations, language)),
                                "isFiltered": current != nil, "addAssociationHref": addAssociationHref(language)]
        let volunteers = SiteIndex.FilterKey(filter: .volunteers, value: nil)
        if let list = index.filters[volunteers] {
            c["volunteersHref"] = href(routes.filter(.volunteers, value: nil, language))
            c["volunteersCurrent"] = current == volunteers
            c["volunteersCount"] = list.count
        }
        return PageContent(title: heading, description: t("sectionsAssociations", language), context: c,
                           breadcrumbs: current == nil ? [] : [.associations])
    }

    func filterLabel(_ f: Routes.Filter, _ v: String?, _ language: String) -> String {
        switch f {
        case .sector: return sectorName(v ?? "", language)
        case .area: return v.flatMap { index.areaBySlug[$0] } ?? v ?? ""
        case .targetGroup: return targetGroupLabel(v ?? "", language)
        case .language: return languageLabel(v ?? "", language)
        case .volunteers: return t("volunteersFilter", language)
        }
    }

    func clockPage(_ language: String) -> PageContent {
        let year = site.clockYear
        let items = AnnualClock.items(site, language: language, year: year)
        let months: [TemplateObject] = (1...12).map { m in
            let inMonth = items.filter { $0.start.year == year && $0.start.month == m || ($0.start < Day(year: year, month: m, day: 1) && $0.end >= Day(year: year, month: m, day: 1) && m == 1) }
            return ["number": m, "name": t("month\(m)", language), "items": inMonth.map { clockItem($0, language) }, "empty": inMonth.isEmpty,
                    "anchor": "m\(m)"]
        }
        let kinds = ClockEntry.Kind.allCases.filter { k in items.contains { $0.kind == k } }
        let wheel = ClockWheel(year: year, today: site.today, items: items, monthNames: (1...12).map { t("month\($0)", language) },
                               kindLabels: Dictionary(uniqueKeysWithValues: kinds.map { ($0, kindLabel($0, language)) }),
                               title: "\(t("clockWheel", language)) \(year)", todayLabel: t("today", language)).svg()
        let icsPath = routes.prefix(language) + "vuosikello.ics"
        let c: TemplateObject = ["year": String(year), "months": months, "wheelSVG": wheel,
                                "legend": kinds.map { ["kind": $0.rawValue, "label": kindLabel($0, language)] },
                                "icsHref": href(icsPath), "webcalHref": Routes.webcal(routes.absolute(icsPath))]
        return PageContent(title: "\(t("clock", language)) \(year)", description: t("clockIntro", language), context: c)
    }

    func friendlyPage(_ language: String) -> PageContent {
        let f = FriendlyFigures(site: site)
        func statement(_ id: String) -> String? { site.config.statements[id]?.text(language) }
        let proofs: [String: String?] = [
            "liaison": f.liaisonName.map { t("proofLiaison", language, ["name": $0, "count": String(f.eveningsPerYear)]) },
            "facilities": f.freeFacilities > 0 ? t("proofFacilities", language, ["count": String(f.freeFacilities)]) : nil,
            "grants": f.grantProgrammes > 0 ? t("proofGrants", language, ["count": String(f.grantProgrammes), "sum": euros(f.grantBudget)]) : nil,
            "communication": t("proofCommunication", language, ["associations": String(site.associations.count), "news": String(site.news.count)]),
        ]
        let criteria: [TemplateObject] = FriendlyCriteria.ids.map { id in
            let proof = proofs[id] ?? nil
            var c: TemplateObject = ["id": id, "label": t("criterion" + id.prefix(1).uppercased() + id.dropFirst(), language)]
            if let proof { c["proof"] = proof }
            if let s = statement(id) { c["statement"] = s }
            if proof == nil && statement(id) == nil { c["notDescribed"] = t("notDescribed", language) }
            return c
        }
        let c: TemplateObject = [
            "criteria": criteria, "total": site.associations.count, "volunteers": f.lookingForVolunteers, "updatedLastYear": f.updatedLastYear,
            "perSector": f.perSector.map { ["name": sectorName($0.0, language), "count": $0.1, "href": href(routes.filter(.sector, value: $0.0, language))] },
            "perArea": f.perArea.map { ["name": $0.0, "count": $0.1] },
        ]
        return PageContent(title: t("friendly", language), description: t("friendlyIntro", language), context: c)
    }
}

/// Figures of the association field for the association-friendly municipality page.
public struct FriendlyFigures: Sendable {
    public var liaisonName: String?
    public var eveningsPerYear: Int
    public var freeFacilities: Int
    public var grantProgrammes: Int
    public var grantBudget: Int
    public var lookingForVolunteers: Int
    public var updatedLastYear: Int
    public var perSector: [(String, Int)]
    public var perArea: [(String, Int)]

    public init(site: Site) {
        liaisonName = site.liaisons.filter { $0.primary.role == .liaison }.sorted { $0.primary.order < $1.primary.order }.first?.primary.name
        eveningsPerYear = AnnualClock.items(site, language: site.config.defaultLanguage, year: site.clockYear).filter { $0.kind == .evening }.count
        freeFacilities = site.facilities.filter { $0.primary.isFree }.count
        grantProgrammes = site.grants.count
        grantBudget = site.grants.compactMap { $0.primary.budget }.reduce(0, +)
        // One pass over the associations (there may be tens of thousands), each read where it
        // is stored. Sectors are counted by their place in site.sectors (a hashed count per
        // sector name, and a set per association to count it once, were most of the page).
        var volunteers = 0, updated = 0
        var sectorCounts = [Int](repeating: 0, count: site.sectors.count)
        // Looked up in `StringMap`s: three times per association, on both pages (fi, sv).
        var sectorPlace = StringMap<Int>()
        for (k, sector) in site.sectors.enumerated() where sectorPlace[sector.id] == nil { sectorPlace[sector.id] = k }
        var areas = StringMap<Int>()
        let all = site.associations
        for i in all.indices {
            all[i].withVersion(all[i].defaultLanguage) { a in
                if a.volunteersWanted { volunteers += 1 }
                if a.updated.days(until: site.today) <= 365 { updated += 1 }
                let sectors = a.sectors
                for k in sectors.indices {
                    // An association that names a sector twice counts once for it.
                    guard !sectors[..<k].contains(sectors[k]), let place = sectorPlace[sectors[k]] else { continue }
                    sectorCounts[place] += 1
                }
                if let ar = a.area { areas[ar] = (areas[ar] ?? 0) + 1 }
            }
        }
        lookingForVolunteers = volunteers
        updatedLastYear = updated
        perSector = site.sectors.map { ($0.id, sectorPlace[$0.id].map { sectorCounts[$0] } ?? 0) }.filter { $0.1 > 0 }
        let order = site.config.areas
        perArea = areas.map { ($0.key, $0.value) }
            .sorted { (order.firstIndex(of: $0.0) ?? Int.max, $0.0) < (order.firstIndex(of: $1.0) ?? Int.max, $1.0) }
    }
}
