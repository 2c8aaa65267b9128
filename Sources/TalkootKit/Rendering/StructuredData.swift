import Foundation

/// schema.org JSON-LD for a page, serialised so that content cannot leave its `<script>`.
extension RenderEnvironment {
    func jsonLD(_ id: PageID, _ language: String, _ pc: PageContent) -> String? {
        let obj = StructuredData.object(for: id, language: language, env: self)
        guard let obj, let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]),
              let json = String(data: data, encoding: .utf8) else { return nil }
        return HTML.scriptSafeJSON(json)
    }
}

/// Builds the schema.org objects (NGO, Place, Event, GovernmentOrganization).
enum StructuredData {
    static func object(for id: PageID, language: String, env: RenderEnvironment) -> [String: Any]? {
        let site = env.site
        let routes = env.routes
        let municipality: [String: Any] = ["@type": "GovernmentOrganization", "name": site.config.municipality.text(language),
                                           "email": site.config.contactEmail]
        switch id {
        case .home:
            var o = municipality
            o["@context"] = "https://schema.org"
            o["url"] = routes.absolute(routes.section(.home, language))
            return o
        case let .association(slug):
            guard let item = site.associations.first(where: { $0.slug == slug }) else { return nil }
            let a = item.version(language)
            var o: [String: Any] = ["@context": "https://schema.org", "@type": "NGO", "name": a.name, "description": a.summary,
                                    "url": routes.absolute(routes.item(.associations, slug, language))]
            if let w = a.website { o["sameAs"] = [w] + a.social.map(\.url) } else if !a.social.isEmpty { o["sameAs"] = a.social.map(\.url) }
            if let e = a.email { o["email"] = e }
            if let p = a.phone { o["telephone"] = p.international }
            if let f = a.founded { o["foundingDate"] = String(f) }
            if let area = a.area { o["areaServed"] = area }
            if let logo = a.logo { o["logo"] = routes.absolute(logo.path) }
            return o
        case let .facility(slug):
            guard let item = site.facility(slug) else { return nil }
            let f = item.version(language)
            var o: [String: Any] = ["@context": "https://schema.org", "@type": "Place", "name": f.name, "address": f.address,
                                    "url": routes.absolute(routes.item(.facilities, slug, language)),
                                    "isAccessibleForFree": f.isFree]
            if let c = f.capacity { o["maximumAttendeeCapacity"] = c }
            if let lat = f.latitude, let lon = f.longitude { o["geo"] = ["@type": "GeoCoordinates", "latitude": lat, "longitude": lon] }
            return o
        case let .clockEntry(slug):
            guard let item = site.clock.first(where: { $0.slug == slug }) else { return nil }
            let e = item.version(language)
            var o: [String: Any] = ["@context": "https://schema.org", "@type": "Event", "name": e.title,
                                    "url": routes.absolute(routes.item(.clock, slug, language)), "organizer": municipality,
                                    "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"]
            switch e.when {
            case let .date(.once(s), end):
                o["startDate"] = s.iso
                if case let .once(d)? = end { o["endDate"] = d.iso }
            case let .date(.yearly(md), end):
                var sched: [String: Any] = ["@type": "Schedule", "repeatFrequency": "P1Y", "byMonth": md.month, "byMonthDay": md.day]
                sched["startDate"] = md.inYear(site.clockYear).iso
                if case let .yearly(e)? = end { sched["endDate"] = e.inYear(site.clockYear).iso }
                o["eventSchedule"] = sched
                o["startDate"] = md.inYear(site.clockYear).iso
            case let .months(ms):
                o["eventSchedule"] = ["@type": "Schedule", "repeatFrequency": "P1Y", "byMonth": ms]
                if let first = ms.first { o["startDate"] = Day(year: site.clockYear, month: first, day: 1).iso }
            }
            if case let .facility(fs)? = e.place, let f = site.facility(fs) {
                o["location"] = ["@type": "Place", "name": f.version(language).name, "address": f.version(language).address]
            } else if case let .text(t)? = e.place {
                o["location"] = ["@type": "Place", "name": t]
            }
            return o
        default:
            return nil
        }
    }
}
