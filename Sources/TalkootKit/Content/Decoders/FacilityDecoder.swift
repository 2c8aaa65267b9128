/// Content model, "Facilities: content/facilities/<slug>.md".
enum FacilityDecoder {
    static let fields: FieldNames = ["name", "address", "location", "owner", "capacity", "price", "accessibility", "accessibility_features",
                         "opening_hours", "who_may_book", "equipment", "booking", "booking_periods", "rules"]

    static let locationFields: FieldNames = ["lat", "lon"]
    static let bookingFields: FieldNames = ["url", "email", "phone", "instructions"]
    static let bookingPeriodFields: FieldNames = ["label", "date", "end_date"]

    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> Facility? {
        let name = r.text("name", required: true)
        let address = r.text("address", required: true)
        var lat: Double?, lon: Double?
        if var loc = r.mapping("location", allowed: locationFields) {
            lat = loc.double("lat", range: -90...90)
            lon = loc.double("lon", range: -180...180)
            if !loc.has("lat") || !loc.has("lon") { loc.error(at: loc.origin, field: "location", "'location' needs both lat and lon") }
            r.absorb(loc)
        }
        var price: String?
        if let p = r.text("price"), !["free", "maksuton", "ilmainen", "avgiftsfri", "0"].contains(p.lowercased()) { price = p }

        var booking: Facility.Booking?
        if var b = r.mapping("booking", allowed: bookingFields) {
            let bk = Facility.Booking(url: b.webURL("url"), email: b.email("email"), phone: b.phone("phone"), instructions: b.text("instructions"))
            if !b.has("url") && !b.has("email") && !b.has("phone") {
                b.error(at: b.origin, field: "booking", "'booking' needs at least one of url, email or phone")
            }
            booking = bk
            r.absorb(b)
        }
        var periods: [Facility.Period] = []
        if let items = r.list("booking_periods") {
            for (i, item) in items.enumerated() {
                var p = FieldReader(item, prefix: "booking_periods[\(i)].", allowed: bookingPeriodFields)
                let label = p.text("label", required: true)
                let start = p.dateSpec("date", required: true)
                let end = p.dateSpec("end_date")
                if let start, let end { checkOrder(start, end, &p, field: "booking_periods[\(i)].end_date") }
                if let label, let start { periods.append(Facility.Period(label: label, start: start, end: end)) }
                r.absorb(p)
            }
        }
        var rules: Facility.Rules?
        if let raw = r.text("rules") {
            let lower = raw.lowercased()
            if lower.hasPrefix("http") {
                rules = r.webURL("rules").map(Facility.Rules.url)
            } else if lower.contains("://") || lower.hasPrefix("www.") || lower.contains("@") {
                r.error(at: r.position(of: "rules"), field: "rules",
                        "'rules' must be a page such as pages/tilojen-kayttosaannot or a web address starting with https://, found '\(raw)'")
            } else {
                rules = r.reference("rules", kind: .pages, context: context).map(Facility.Rules.page)
            }
        }
        let facility = Facility(
            name: name ?? "", address: address ?? "", latitude: lat, longitude: lon, owner: r.text("owner"),
            capacity: r.int("capacity", range: 1...100_000), price: price, accessibility: r.text("accessibility"),
            accessibilityFeatures: r.ids("accessibility_features", allowed: AccessibilityFeature.ids, what: "accessibility feature"),
            openingHours: r.text("opening_hours"), whoMayBook: r.text("who_may_book"), equipment: r.textList("equipment"),
            booking: booking, bookingPeriods: periods, rules: rules, extra: r.extra(), body: body)
        guard name != nil, address != nil else { return nil }
        return facility
    }

    /// End dates may not come before start dates; a yearly range may cross the new year.
    static func checkOrder(_ start: DateSpec, _ end: DateSpec, _ r: inout FieldReader, field: String) {
        switch (start, end) {
        case let (.once(a), .once(b)) where b < a:
            r.error(at: r.position(of: "end_date"), field: field, "the end date \(b.iso) is before the start date \(a.iso)")
        case (.once, .yearly), (.yearly, .once):
            r.error(at: r.position(of: "end_date"), field: field, "start and end must both be yearly (\"MM-DD\") or both full dates (YYYY-MM-DD)")
        default: break
        }
    }
}
