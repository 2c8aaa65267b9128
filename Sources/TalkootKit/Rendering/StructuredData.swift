/// schema.org JSON-LD for a page, serialised so that content cannot leave its `<script>`.
///
/// Every page gets one object: the municipality (`GovernmentOrganization`) on the landing page,
/// `NGO` for associations, `Place` for facilities, `Event` for clock entries (with an
/// `eventSchedule` when the entry repeats), `MonetaryGrant` for grants, `NewsArticle` for news,
/// and `WebPage`/`CollectionPage` for the rest, each published by the municipality.
/// Keys are written in a fixed order; `<`, `>` and `&` are written as `\u` escapes, so no text
/// in the content can close the `<script>` element or open a comment.
extension RenderEnvironment {
    /// As UTF-8 bytes, which is how the page writes it: a String of it was made only to be
    /// written out again.
    /// `address`: the page's own absolute address, when the caller has made it already.
    /// `shared`: an association's pages in every language (see `SharedRendering.associationLD`).
    func jsonLD(_ id: PageID, _ language: String, _ pc: PageContent, address: String? = nil, shared: SharedRendering? = nil) -> [UInt8]? {
        if case let .association(slug) = id, let i = index.associationBySlug[slug] {
            let item = site.associations[i]
            // A language that shows the default language's text gets that language's JSON-LD
            // with its own address and locations (nine in ten associations have no Swedish text).
            guard let shared, language == item.defaultLanguage || item.isFallback(language) else {
                return StructuredData.association(item, language: language, env: self, url: address)
            }
            let url = address ?? routes.absolute(routes.item(.associations, slug, language))
            if let made = shared.associationLD { return StructuredData.association(item, language: language, env: self, url: url, reusing: made) }
            let ld = StructuredData.associationLD(item, language: language, env: self, url: url)
            shared.associationLD = ld
            return ld.bytes
        }
        guard let obj = StructuredData.object(for: id, language: language, title: pc.title, description: pc.description, env: self) else {
            return nil
        }
        var w = JSONWriter(pretty: false, scriptSafe: true)
        w.write(obj)
        return w.bytes
    }
}

/// Builds the schema.org objects.
enum StructuredData {
    static let context: (String, JSONValue) = ("@context", .string("https://schema.org"))

    static func municipality(_ env: RenderEnvironment, _ language: String, full: Bool = false) -> JSONValue {
        let cfg = env.site.config
        var o: [(String, JSONValue)] = []
        if full { o.append(context) }
        o.append(("@type", .string("GovernmentOrganization")))
        o.append(("name", .string(cfg.municipality.text(language))))
        o.append(("email", .string(cfg.contactEmail)))
        if full {
            o.append(("url", .string(env.routes.absolute(env.routes.section(.home, language)))))
            o.append(("department", .object([("@type", .string("GovernmentOrganization")), ("name", .string(cfg.title.text(language))),
                                             ("url", .string(env.routes.absolute(env.routes.section(.home, language))))])))
        }
        return .object(o)
    }

    /// An association's `NGO`, written as it is made: an association page is most of a build's
    /// pages, and building its `JSONValue` first cost as much as writing it. Writes what
    /// `object(for: .association(…))` gives, byte for byte.
    /// `url`: the page's address, made once by its frame (nil: made here).
    static func association(_ item: Localized<Association>, language: String, env: RenderEnvironment, url: String? = nil) -> [UInt8] {
        associationLD(item, language: language, env: env, url: url).bytes
    }

    /// The same, with where its parts that depend on the page's language lie.
    static func associationLD(_ item: Localized<Association>, language: String, env: RenderEnvironment, url: String? = nil) -> AssociationLD {
        // The version read where it is stored (see Localized.withVersion).
        item.withVersion(language) { a in
            let routes = env.routes
            var w = JSONWriter(pretty: false, scriptSafe: true)
            w.openContainer(constantMembers: #""@context":"https://schema.org","@type":"NGO""#)
            w.member("name", a.name)
            w.member("description", a.summary)
            w.key("url")
            let urlStart = w.count
            w.value(url ?? routes.absolute(routes.item(.associations, item.slug, language)))
            let urlEnd = w.count
            if a.website != nil || !a.social.isEmpty {
                w.key("sameAs")
                w.openContainer(array: true)
                if let site = a.website { w.item(site) }
                for s in a.social { w.item(s.url) }
                w.closeContainer(array: true)
            }
            if let e = a.email { w.member("email", e) }
            if let p = a.phone { w.member("telephone", p.international) }
            if let f = a.founded { w.member("foundingDate", String(f)) }
            if let area = a.area {
                w.key("areaServed")
                w.openContainer(constantMembers: #""@type":"Place""#)
                w.member("name", area)
                w.closeContainer()
            }
            if let logo = a.logo { w.member("logo", routes.absolute(logo.path)) }
            if let r = a.registerNumber {
                w.key("identifier")
                w.openContainer(constantMembers: #""@type":"PropertyValue","propertyID":"yhdistysrekisterinumero""#)
                w.member("value", r)
                w.closeContainer()
            }
            if !a.languages.isEmpty {
                w.key("knowsLanguage")
                w.openContainer(array: true)
                for l in a.languages { w.item(l) }
                w.closeContainer(array: true)
            }
            let locations = w.count
            writeLocations(a.meetsAt, language, env, into: &w)
            w.closeContainer()
            return AssociationLD(bytes: w.bytes, url: urlStart..<urlEnd, locations: locations)
        }
    }

    /// The JSON-LD of an association in a language that shows the same version of it as the
    /// language `made` was written for: `made` with this page's address and the facilities'
    /// names and addresses in this language. The same bytes as `association` writes.
    static func association(_ item: Localized<Association>, language: String, env: RenderEnvironment, url: String,
                            reusing made: AssociationLD) -> [UInt8] {
        made.bytes.withUnsafeBufferPointer { bytes in
            var w = JSONWriter(pretty: false, scriptSafe: true)
            w.continueObject(after: UnsafeBufferPointer(rebasing: bytes[..<made.url.lowerBound]))
            w.value(url)
            w.append(json: UnsafeBufferPointer(rebasing: bytes[made.url.upperBound..<made.locations]))
            item.withVersion(language) { a in writeLocations(a.meetsAt, language, env, into: &w) }
            w.closeContainer()
            return w.bytes
        }
    }

    /// `"location"`: the facilities where the association meets, when it names any.
    private static func writeLocations(_ meetsAt: [String], _ language: String, _ env: RenderEnvironment, into w: inout JSONWriter) {
        let places = meetsAt.compactMap { slug in env.index.facilityBySlug[slug].map { (slug, $0) } }
        guard !places.isEmpty else { return }
        w.key("location")
        w.openContainer(array: true)
        let made = env.vocabularies[language]?.facilityLocations
        for (slug, i) in places {
            w.item(json: made?[slug] ?? location(env.site.facilities[i], language, url: env.routes.absolute(env.routes.item(.facilities, slug, language))))
        }
        w.closeContainer(array: true)
    }

    /// A facility as the JSON-LD `Place` of an association's `location`, written as the
    /// association's JSON-LD is (compact, script-safe).
    static func location(_ f: Localized<Facility>, _ language: String, url: String) -> [UInt8] {
        var w = JSONWriter(pretty: false, scriptSafe: true)
        w.openContainer(constantMembers: #""@type":"Place""#)
        w.member("name", f.field(language, \.name))
        w.member("address", f.field(language, \.address))
        w.member("url", url)
        w.closeContainer()
        return w.bytes
    }

    static func object(for id: PageID, language: String, title: String, description: String, env: RenderEnvironment) -> JSONValue? {
        let routes = env.routes
        let url = routes.absolute(id.path(routes, language))
        func s(_ v: String) -> JSONValue { .string(v) }

        switch id {
        case .home:
            return municipality(env, language, full: true)

        case let .association(slug):
            guard let item = env.association(slug) else { return nil }
            let a = item.version(language)
            var o: [(String, JSONValue)] = [context, ("@type", s("NGO")), ("name", s(a.name)), ("description", s(a.summary)), ("url", s(url))]
            let same = (a.website.map { [$0] } ?? []) + a.social.map(\.url)
            if !same.isEmpty { o.append(("sameAs", .array(same.map(s)))) }
            if let e = a.email { o.append(("email", s(e))) }
            if let p = a.phone { o.append(("telephone", s(p.international))) }
            if let f = a.founded { o.append(("foundingDate", s(String(f)))) }
            if let area = a.area { o.append(("areaServed", .object([("@type", s("Place")), ("name", s(area))]))) }
            if let logo = a.logo { o.append(("logo", s(routes.absolute(logo.path)))) }
            if let r = a.registerNumber {
                o.append(("identifier", .object([("@type", s("PropertyValue")), ("propertyID", s("yhdistysrekisterinumero")), ("value", s(r))])))
            }
            if !a.languages.isEmpty { o.append(("knowsLanguage", .array(a.languages.map(s)))) }
            let places = a.meetsAt.compactMap { env.facility($0) }.map { f -> JSONValue in
                let v = f.version(language)
                return .object([("@type", s("Place")), ("name", s(v.name)), ("address", s(v.address)),
                                ("url", s(routes.absolute(routes.item(.facilities, f.slug, language))))])
            }
            if !places.isEmpty { o.append(("location", .array(places))) }
            return .object(o)

        case let .facility(slug):
            guard let item = env.facility(slug) else { return nil }
            let f = item.version(language)
            var o: [(String, JSONValue)] = [context, ("@type", s("Place")), ("name", s(f.name)), ("description", s(description)),
                                            ("address", s(f.address)), ("url", s(url)), ("isAccessibleForFree", .bool(f.isFree))]
            if let c = f.capacity { o.append(("maximumAttendeeCapacity", .int(c))) }
            if let lat = f.latitude, let lon = f.longitude {
                o.append(("geo", .object([("@type", s("GeoCoordinates")), ("latitude", .double(lat)), ("longitude", .double(lon))])))
            }
            if !f.accessibilityFeatures.isEmpty {
                o.append(("amenityFeature", .array(f.accessibilityFeatures.map {
                    .object([("@type", s("LocationFeatureSpecification")), ("name", s(env.featureLabel($0, language))), ("value", .bool(true))])
                })))
            }
            return .object(o)

        case let .clockEntry(slug):
            guard let item = env.clockEntry(slug) else { return nil }
            return event(item, language: language, url: url, description: description, env: env)

        case let .grant(slug):
            guard let item = env.grant(slug) else { return nil }
            let g = item.version(language)
            var o: [(String, JSONValue)] = [context, ("@type", s("MonetaryGrant")), ("name", s(g.name)), ("description", s(description)),
                                            ("url", s(url)), ("funder", municipality(env, language))]
            if let apply = g.applyURL { o.append(("sameAs", s(apply))) }
            return .object(o)

        case let .newsItem(slug):
            guard let item = env.newsItem(slug) else { return nil }
            let n = item.version(language)
            return .object([context, ("@type", s("NewsArticle")), ("headline", s(n.title)), ("description", s(description)), ("url", s(url)),
                            ("datePublished", s(n.date.iso)), ("inLanguage", s(item.isFallback(language) ? item.defaultLanguage : language)),
                            ("author", municipality(env, language)), ("publisher", municipality(env, language))])

        case .associations, .associationFilter, .liaisons, .facilities, .grants, .clock, .evenings, .news:
            return .object([context, ("@type", s("CollectionPage")), ("name", s(title)), ("description", s(description)), ("url", s(url)),
                            ("inLanguage", s(language)), ("publisher", municipality(env, language))])

        case .page, .friendly, .search:
            return .object([context, ("@type", s("WebPage")), ("name", s(title)), ("description", s(description)), ("url", s(url)),
                            ("inLanguage", s(language)), ("publisher", municipality(env, language))])
        }
    }

    /// A clock entry as an `Event`: dates (with Helsinki times when `time` is a clock time),
    /// an `eventSchedule` for yearly dates and `months:` entries, place and organiser.
    static func event(_ item: Localized<ClockEntry>, language: String, url: String, description: String, env: RenderEnvironment) -> JSONValue {
        let site = env.site
        let e = item.version(language)
        func s(_ v: String) -> JSONValue { .string(v) }
        func stamp(_ d: Day, _ t: TimeText.Time?) -> String {
            guard let t else { return d.iso }
            return d.iso + "T" + t.iso + TimeText.helsinkiOffset(d, t)
        }
        var o: [(String, JSONValue)] = [context, ("@type", s("Event")), ("name", s(e.title)), ("description", s(description)), ("url", s(url)),
                                        ("inLanguage", s(item.isFallback(language) ? item.defaultLanguage : language)),
                                        ("eventStatus", s("https://schema.org/EventScheduled")),
                                        ("eventAttendanceMode", s("https://schema.org/OfflineEventAttendanceMode"))]
        // A repeating entry is dated by its next occurrence that is not over on the build date.
        var anchor = site.today.year
        switch e.when {
        case let .date(start, end):
            if start.isYearly, ICalendar.span(start, end, anchor: anchor).1 < site.today { anchor += 1 }
            let (first, last) = ICalendar.span(start, end, anchor: anchor)
            let times = first == last ? e.time.flatMap(TimeText.parse) : nil
            o.append(("startDate", s(stamp(first, times?.start))))
            if let endTime = times?.end {
                o.append(("endDate", s(stamp(endTime < times!.start ? first.adding(days: 1) : first, endTime))))
            } else if last != first {
                o.append(("endDate", s(last.iso)))
            }
            if start.isYearly {
                var sched: [(String, JSONValue)] = [("@type", s("Schedule")), ("repeatFrequency", s("P1Y")),
                                                    ("byMonth", .int(first.month)), ("byMonthDay", .int(first.day)),
                                                    ("startDate", s(first.iso))]
                if last != first { sched.append(("duration", s("P\(first.days(until: last) + 1)D"))) }
                if let t = times {
                    sched.append(("startTime", s(t.start.iso)))
                    if let et = t.end { sched.append(("endTime", s(et.iso))) }
                    sched.append(("scheduleTimezone", s(ICalendar.timeZone)))
                }
                o.append(("eventSchedule", .object(sched)))
            }
        case let .months(ms):
            // The next month that is not over: this year's, else the first one next year.
            let sorted = ms.sorted()
            let next = sorted.first(where: { $0 >= site.today.month }).map { Day(year: site.today.year, month: $0, day: 1) }
                ?? sorted.first.map { Day(year: site.today.year + 1, month: $0, day: 1) }
            var sched: [(String, JSONValue)] = [("@type", s("Schedule")), ("repeatFrequency", s("P1Y")), ("byMonth", .array(ms.map(JSONValue.int)))]
            if let next {
                o.append(("startDate", s(next.iso)))
                o.append(("endDate", s(Day(year: next.year, month: next.month, day: Day.daysIn(month: next.month, year: next.year)).iso)))
                sched.append(("startDate", s(next.iso)))
            }
            o.append(("eventSchedule", .object(sched)))
        }
        switch e.place {
        case let .facility(fs)?:
            if let f = env.facility(fs)?.version(language) {
                o.append(("location", .object([("@type", s("Place")), ("name", s(f.name)), ("address", s(f.address)),
                                               ("url", s(env.routes.absolute(env.routes.item(.facilities, fs, language))))])))
            }
        case let .text(t)?:
            o.append(("location", .object([("@type", s("Place")), ("name", s(t))])))
        case nil: break
        }
        switch e.organizer {
        case let .text(t)?: o.append(("organizer", .object([("@type", s("Organization")), ("name", s(t))])))
        default: o.append(("organizer", municipality(env, language)))
        }
        if let r = e.registration, let u = r.url {
            var offer: [(String, JSONValue)] = [("@type", s("Offer")), ("url", s(u))]
            if let d = r.deadline { offer.append(("availabilityEnds", s(d.iso))) }
            o.append(("offers", .object(offer)))
        }
        return .object(o)
    }
}

/// An association's JSON-LD (`StructuredData.associationLD`) and where the parts that depend on
/// the page's language lie: the page's address, a JSON string (`url`), and the facilities it
/// meets in, from `locations` to the closing brace. Made once per association and reused for
/// the other languages that show the same version (`SharedRendering`).
struct AssociationLD {
    let bytes: [UInt8]
    let url: Range<Int>
    let locations: Int
}
