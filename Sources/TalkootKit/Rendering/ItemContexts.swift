/// Template contexts for single content items, as `TemplateObject`s (written like dictionary
/// literals). Every value from content goes out through `{{ }}` (escaped); only Markdown HTML
/// from libcmark is inserted raw.
extension RenderEnvironment {
    /// The default language when `language` shows an untranslated item, else nil: templates
    /// write `lang="…"` on the item's own text so screen readers pronounce it right.
    public func fallbackLang<T>(_ item: Localized<T>, _ language: String) -> String? {
        item.isFallback(language) && language != item.defaultLanguage ? item.defaultLanguage : nil
    }

    public func associationCard(_ item: Localized<Association>, _ language: String) -> TemplateObject {
        associationCard(item, item.version(language), language)
    }

    /// With the language's version already at hand: an association page builds its card and its
    /// details from one copy of it.
    /// `room`: how many more names the caller adds (the page's details), made room for at once.
    func associationCard(_ item: Localized<Association>, _ a: Association, _ language: String, room: Int = 0) -> TemplateObject {
        let vocabulary = vocabularies[language]
        // Name by name with the names' hashes made once (ContextKeys), room made at once for
        // the optional names below and then the caller's.
        var c = TemplateObject(minimumCapacity: 15 + room)
        c.append(.slug, item.slug)
        c.append(.name, a.name)
        c.append(.summary, a.summary)
        c.append(.href, href(routes.item(.associations, item.slug, language)))
        c.append(.sectors, a.sectors.map { vocabulary?.sectorLinks[$0] ?? sectorLink($0, language) })
        c.append(.volunteers, a.volunteersWanted)
        c.append(.stale, site.isStale(a))
        c.append(.dataSectors, join(a.sectors, separator: " "))
        c.append(.dataGroups, join(a.targetGroups, separator: " "))
        c.append(.dataLanguages, join(a.languages, separator: " "))
        // `{ areaSlug($0) }`, not `map(areaSlug)`: a method passed as a function value captures a
        // copy of the whole environment, once per card.
        c.append(.dataArea, a.area.map { areaSlug($0) } ?? "")
        c.append(.area, ifPresent: a.area)
        c.append(.logo, ifPresent: imageHref(a.logo))
        c.append(.contentLang, ifPresent: fallbackLang(item, language))
        if !a.extra.isEmpty { c.append(.extra, a.extra) }  // free fields for themes: {{extra.key}}
        return c
    }

    public func associationDetail(_ item: Localized<Association>, _ language: String) -> TemplateObject {
        associationDetail(item, item.version(language), language)
    }

    /// `shared` holds what the languages of one association have in common (see SharedRendering).
    func associationDetail(_ item: Localized<Association>, _ a: Association, _ language: String, shared: SharedRendering? = nil) -> TemplateObject {
        var c = associationCard(item, a, language, room: 28)
        if let shared, shared.collectsCards { shared.cards[language] = cardBytes(c, language) }
        let vocabulary = vocabularies[language]
        // The card's names and these are distinct (checked by `append` in debug builds).
        c.append(.descriptionHTML, shared?.html(a.body, markdown).html ?? html(a.body))
        c.append(.targetGroups, a.targetGroups.map { vocabulary?.targetGroupLinks[$0] ?? targetGroupLink($0, language) })
        c.append(.languages, a.languages.map { vocabulary?.languageNames[$0] ?? languageName($0, language) })
        c.append(.registerNumber, ifPresent: a.registerNumber)
        c.append(.founded, ifPresent: a.founded.map { String($0) })
        c.append(.website, ifPresent: a.website)
        c.append(.email, ifPresent: a.email)
        c.append(.phone, ifPresent: phone(a.phone))
        if let p = a.publicContactPerson {
            var cp = TemplateObject(minimumCapacity: 4)
            cp.append(.name, p.name)
            cp.append(.role, ifPresent: p.role)
            cp.append(.email, ifPresent: p.email)
            cp.append(.phone, ifPresent: phone(p.phone))
            c.append(.contactPerson, cp)
        }
        c.append(.hasActivities, !a.activities.isEmpty)
        c.append(.hasTargetGroups, !a.targetGroups.isEmpty)
        c.append(.hasActivityLanguages, !a.languages.isEmpty)
        c.append(.hasMeetsAt, !a.meetsAt.isEmpty)
        c.append(.social, a.social.map { s -> TemplateObject in
            var o = TemplateObject(minimumCapacity: 2)
            o.append(.name, vocabulary?.socialNames[s.name] ?? RenderEnvironment.socialName(s.name))
            o.append(.url, s.url)
            return o
        })
        c.append(.hasSocial, !a.social.isEmpty)
        c.append(.meetsAt, a.meetsAt.compactMap { place(.facility($0), language) })
        c.append(.activities, a.activities.map { act -> TemplateObject in
            var d = TemplateObject(minimumCapacity: 5)
            d.append(.name, act.name)
            d.append(.when, ifPresent: act.when)
            d.append(.where, ifPresent: place(act.place, language))
            if !act.audience.isEmpty {
                d.append(.audience, join(act.audience.map { vocabulary?.targetGroupLabels[$0] ?? targetGroupLabel($0, language) }, separator: ", "))
            }
            d.append(.cost, ifPresent: act.cost)
            return d
        })
        c.append(.membership, ifPresent: a.membership)
        c.append(.volunteerTasks, ifPresent: a.volunteerTasks)
        c.append(.updated, date(a.updated))
        c.append(.updatedISO, a.updated.iso)
        // As bytes: the link is ASCII (percent-encoded), and a String of it was made only to be
        // written out again.
        c.append(.reportChangeHref, changeMailHref(item, language, body: shared?.changeMailBody(item, self) ?? changeMailBody(item)))
        return c
    }

    /// The "Ilmoita muutos" e-mail: the association's current fields as `key: value` lines,
    /// which the association edits and `talkoot intake` reads back.
    public func changeMailHref(_ item: Localized<Association>, _ language: String) -> String {
        String(decoding: changeMailHref(item, language, body: changeMailBody(item)), as: UTF8.self)
    }

    /// With the body (`changeMailBody`) made already: it is the same in every language.
    func changeMailHref(_ item: Localized<Association>, _ language: String, body: [UInt8]) -> [UInt8] {
        let pieces = changeMailPieces[language] ?? makeChangeMailPieces(language)
        var name: [UInt8] = []
        URLEncoding.append(item.primary.name, to: &name)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + name.count + 160)
        for (k, piece) in pieces.enumerated() {
            if k > 0 { out += name }
            out += piece
        }
        out += body
        return out
    }

    /// The change e-mail link up to its body, percent-encoded, in the pieces between the places
    /// of the association's name: `mailto:…?subject=` and the subject's text around `{name}`
    /// (`changeMailSubject`). Percent-encoding goes byte by byte, so the pieces joined with the
    /// encoded name are the encoded subject; made once per language (`changeMailPieces`).
    func makeChangeMailPieces(_ language: String) -> [[UInt8]] {
        var pieces = t("changeMailSubject", language).components(separatedBy: "{name}").map { part -> [UInt8] in
            var encoded: [UInt8] = []
            URLEncoding.append(part, to: &encoded)
            return encoded
        }
        pieces[0] = Array("mailto:\(site.config.contactEmail)?subject=".utf8) + pieces[0]
        return pieces
    }

    /// `&body=` and the association's fields, percent-encoded. Encoded as it is appended, into
    /// one buffer: a body string built first and encoded afterwards cost 54 string appends per
    /// link, and every association page (in every language) carries this link.
    func changeMailBody(_ item: Localized<Association>) -> [UInt8] {
        let a = item.primary
        // Into a ByteBuffer, whose appends are a capacity check and a copy (an array's were
        // some ninety instructions each, 26 per link), the values encoded in place.
        var out = ByteBuffer(capacity: 1536)
        // The fixed parts as static bytes (appending a string literal's UTF-8 view went
        // through the generic sequence append, 160 instructions each).
        func raw(_ s: StaticString) { out.append(s) }
        // `key` is the field name with ": " encoded ("name%3A%20"): field names need no encoding.
        func line(_ key: StaticString, _ value: String) {
            raw(key)
            URLEncoding.append(value, to: &out)
            raw("%0A")  // "\n"
        }
        raw("&body=")
        line("talkoot-slug%3A%20", item.slug)
        raw("%0A")
        line("name%3A%20", a.name)
        line("summary%3A%20", a.summary)
        line("website%3A%20", a.website ?? "")
        line("email%3A%20", a.email ?? "")
        line("phone%3A%20", a.phone?.display ?? "")
        line("area%3A%20", a.area ?? "")
        line("sectors%3A%20", join(a.sectors, separator: ", "))
        line("target_groups%3A%20", join(a.targetGroups, separator: ", "))
        line("membership%3A%20", a.membership ?? "")
        line("volunteers_wanted%3A%20", a.volunteersWanted ? "true" : "false")
        line("volunteer_tasks%3A%20", a.volunteerTasks ?? "")
        return out.array
    }

    public func addAssociationHref(_ language: String) -> String {
        let fields = ["name", "summary", "sectors", "area", "website", "email", "phone", "target_groups",
                      "membership", "volunteers_wanted", "volunteer_tasks"]
        let body = (["talkoot-slug: "] + [""] + fields.map { "\($0): " } + [""]).joined(separator: "\n")
        return "mailto:\(site.config.contactEmail)?subject=\(URLEncoding.component(t("addMailSubject", language)))&body=\(URLEncoding.component(body))"
    }

    public func liaisonCard(_ item: Localized<Liaison>, _ language: String) -> TemplateObject {
        let l = item.version(language)
        var c: TemplateObject = ["slug": item.slug, "name": l.name, "descriptionHTML": html(l.body),
                                "href": href(routes.item(.liaisons, item.slug, language))]
        if !l.extra.isEmpty { c["extra"] = l.extra }
        switch l.role {
        case .liaison: c["roleLabel"] = t("liaisonRoleLiaison", language)
        case .agent: c["roleLabel"] = t("liaisonRoleAgent", language)
        case .sectorContact: c["roleLabel"] = t("liaisonRoleSectorContact", language)
        }
        if let v = l.title { c["title"] = v }
        if let v = l.organisation { c["organisation"] = v }
        if let v = l.email { c["email"] = v }
        if let v = phone(l.phone) { c["phone"] = v }
        if let v = imageHref(l.photo) { c["photo"] = v }
        if let v = l.officeHours { c["officeHours"] = v }
        c["sectors"] = l.sectors.map { ["name": sectorName($0, language)] }
        return c
    }

    public func facilityCard(_ item: Localized<Facility>, _ language: String) -> TemplateObject {
        let f = item.version(language)
        var c: TemplateObject = ["slug": item.slug, "name": f.name, "address": f.address, "free": f.isFree,
                                "href": href(routes.item(.facilities, item.slug, language)),
                                "features": f.accessibilityFeatures.map { ["id": $0, "label": featureLabel($0, language)] },
                                "dataFeatures": f.accessibilityFeatures.joined(separator: " "), "hasFeatures": !f.accessibilityFeatures.isEmpty]
        if let p = f.price { c["price"] = p }
        if let cap = f.capacity { c["capacity"] = String(cap) }
        if let l = fallbackLang(item, language) { c["contentLang"] = l }
        if !f.extra.isEmpty { c["extra"] = f.extra }  // free fields for themes: {{extra.key}}
        return c
    }

    public func facilityDetail(_ item: Localized<Facility>, _ language: String) -> TemplateObject {
        let f = item.version(language)
        var c = facilityCard(item, language)
        c["descriptionHTML"] = html(f.body)
        if let v = f.owner { c["owner"] = v }
        if let v = f.accessibility { c["accessibility"] = v }
        if let v = f.openingHours { c["openingHours"] = v }
        if let v = f.whoMayBook { c["whoMayBook"] = v }
        c["equipment"] = f.equipment
        c["hasEquipment"] = !f.equipment.isEmpty
        if let b = f.booking {
            var d: TemplateObject = [:]
            if let v = b.url { d["url"] = v }
            if let v = b.email { d["email"] = v }
            if let v = phone(b.phone) { d["phone"] = v }
            if let v = b.instructions { d["instructions"] = v }
            c["booking"] = d
        }
        c["bookingPeriods"] = f.bookingPeriods.map { ["label": $0.label, "dates": spec($0.start, $0.end, language)] }
        switch f.rules {
        case let .page(slug)?:
            c["rules"] = ["name": page(slug)?.version(language).title ?? slug, "href": href(routes.item(.pages, slug, language))]
        case let .url(u)?:
            c["rules"] = ["name": t("rules", language), "href": u]
        case nil: break
        }
        if let lat = f.latitude, let lon = f.longitude {
            c["mapHref"] = "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)"
        } else {
            c["mapHref"] = "https://www.openstreetmap.org/search?query=\(URLEncoding.component(f.address))"
        }
        c["hasPeriods"] = !f.bookingPeriods.isEmpty
        // Objects with their names hashed once (`append`), not string dictionaries hashed per
        // entry: a facility of a big site lists hundreds of associations, on each of its pages.
        let users = (index.facilityUsers[item.slug] ?? []).map { i -> TemplateObject in
            var o = TemplateObject(minimumCapacity: 2)
            o.append(.name, site.associations[i].field(language, \.name))
            o.append(.href, href(routes.item(.associations, site.associations[i].slug, language)))
            return o
        }
        c["usedBy"] = users
        c["hasUsers"] = !users.isEmpty
        return c
    }

    public func grantStatus(_ g: Grant, _ language: String) -> TemplateObject {
        switch AnnualClock.status(of: g, today: site.today) {
        case .continuous: return ["label": t("continuousApplication", language), "state": "continuous", "open": true]
        case let .open(until, time):
            return ["label": "\(t("openUntil", language)) \(date(until))\(time.map { " \($0)" } ?? "")", "state": "open", "open": true]
        case let .opens(d): return ["label": "\(t("opensNext", language)) \(date(d))", "state": "upcoming", "open": false]
        case .closed: return ["label": t("closed", language), "state": "closed", "open": false]
        }
    }

    public func grantCard(_ item: Localized<Grant>, _ language: String) -> TemplateObject {
        let g = item.version(language)
        var c: TemplateObject = ["slug": item.slug, "name": g.name, "href": href(routes.item(.grants, item.slug, language)),
                                "status": grantStatus(g, language)]
        if let v = g.amount { c["amount"] = v }
        if let v = g.provider { c["provider"] = v }
        if let l = fallbackLang(item, language) { c["contentLang"] = l }
        if !g.extra.isEmpty { c["extra"] = g.extra }  // free fields for themes: {{extra.key}}
        return c
    }

    public func grantDetail(_ item: Localized<Grant>, _ language: String) -> TemplateObject {
        let g = item.version(language)
        var c = grantCard(item, language)
        c["descriptionHTML"] = html(g.body)
        c["sectors"] = g.allSectors ? [["name": t("allSectors", language)]] : g.sectors.map { ["name": sectorName($0, language)] }
        if let v = g.eligible { c["eligible"] = v }
        if let v = g.budget { c["budget"] = euros(v) }
        if let v = g.applyURL { c["applyURL"] = v }
        if let v = g.decision { c["decision"] = v }
        if let v = g.reporting { c["reporting"] = v }
        c["periods"] = g.application.map { w in
            ["dates": spec(w.start, w.end, language) + (w.time.map { ", \(t("time", language).lowercased()) \($0)" } ?? "")]
        }
        c["hasPeriods"] = !g.application.isEmpty
        if let slug = g.contact, let l = liaison(slug) { c["contact"] = liaisonCard(l, language) }
        return c
    }

    /// `30 000` with a no-break space, as Finnish and Swedish write thousands.
    public func euros(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "\u{00A0}" }
            out.append(ch)
        }
        return out
    }

    public func clockItem(_ i: ClockItem, _ language: String) -> TemplateObject {
        var c: TemplateObject = ["id": i.id, "title": i.title, "kind": i.kind.rawValue, "kindLabel": kindLabel(i.kind, language),
                                "start": i.start.iso, "end": i.end.iso,
                                "dates": i.wholeMonth ? t("month\(i.start.month)", language) : range(i.start, i.end)]
        if let tm = i.time { c["time"] = tm }
        switch i.sourceKind {
        case .grants:
            c["href"] = href(routes.item(.grants, i.sourceSlug, language))
            if let g = grant(i.sourceSlug), let l = fallbackLang(g, language) { c["contentLang"] = l }
        case .facilities:
            c["href"] = href(routes.item(.facilities, i.sourceSlug, language))
            if let f = facility(i.sourceSlug), let l = fallbackLang(f, language) { c["contentLang"] = l }
        case .clock:
            c["href"] = href(routes.item(.clock, i.sourceSlug, language))
            if let e = site.clock.first(where: { $0.slug == i.sourceSlug }), let l = fallbackLang(e, language) { c["contentLang"] = l }
        default: break
        }
        return c
    }

    public func clockEntryDetail(_ item: Localized<ClockEntry>, _ language: String) -> TemplateObject {
        let e = item.version(language)
        var c: TemplateObject = ["slug": item.slug, "title": e.title, "kindLabel": kindLabel(e.kind, language),
                                "descriptionHTML": html(e.body)]
        switch e.when {
        case let .date(s, end): c["dates"] = spec(s, end, language)
        case let .months(ms): c["dates"] = ms.map { t("month\($0)", language) }.joined(separator: ", ")
        }
        if let v = e.time { c["time"] = v }
        if let p = place(e.place, language) { c["place"] = p }
        if let o = person(e.organizer, language) { c["organizer"] = o }
        if let r = e.registration {
            var d: TemplateObject = [:]
            if let u = r.url { d["url"] = u }
            if let dl = r.deadline { d["deadline"] = date(dl) }
            c["registration"] = d
        }
        c["href"] = href(routes.item(.clock, item.slug, language))
        if let l = fallbackLang(item, language) { c["contentLang"] = l }
        if !e.extra.isEmpty { c["extra"] = e.extra }  // free fields for themes: {{extra.key}}
        c["hasRelated"] = !e.related.isEmpty
        c["related"] = e.related.compactMap { ref -> TemplateObject? in
            let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ContentKind(rawValue: parts[0]) else { return nil }
            let name: String
            switch kind {
            case .grants: name = grant(parts[1])?.version(language).name ?? parts[1]
            case .facilities: name = facility(parts[1])?.version(language).name ?? parts[1]
            case .pages: name = page(parts[1])?.version(language).title ?? parts[1]
            case .associations: name = association(parts[1])?.version(language).name ?? parts[1]
            case .liaisons: name = liaison(parts[1])?.version(language).name ?? parts[1]
            case .news: name = newsItem(parts[1])?.version(language).title ?? parts[1]
            case .clock: name = clockEntry(parts[1])?.version(language).title ?? parts[1]
            }
            return ["name": name, "href": href(routes.item(kind, parts[1], language))]
        }
        return c
    }

    public func newsCard(_ item: Localized<NewsItem>, _ language: String) -> TemplateObject {
        let n = item.version(language)
        var c: TemplateObject = ["slug": item.slug, "title": n.title, "date": date(n.date), "dateISO": n.date.iso,
                                "href": href(routes.item(.news, item.slug, language))]
        if let s = n.summary { c["summary"] = s }
        if let l = fallbackLang(item, language) { c["contentLang"] = l }
        if !n.extra.isEmpty { c["extra"] = n.extra }  // free fields for themes: {{extra.key}}
        return c
    }
}
