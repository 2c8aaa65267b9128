/// Content model, "Annual clock: content/clock/<slug>.md".
enum ClockEntryDecoder {
    static let fields: FieldNames = ["title", "kind", "date", "end_date", "time", "months", "place", "organizer", "registration", "related"]

    static let registrationFields: FieldNames = ["url", "deadline"]

    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> ClockEntry? {
        let title = r.text("title", required: true)
        let kind = r.id("kind", allowed: ClockEntry.Kind.writable.map(\.rawValue), what: "kind", required: true).flatMap(ClockEntry.Kind.init(rawValue:))
        var when: ClockEntry.When?
        if r.has("date") && r.has("months") {
            r.error(at: r.position(of: "months"), field: "months", "give either 'date' or 'months', not both")
        } else if r.has("months") {
            var months: [Int] = []
            for (i, item) in (r.list("months") ?? []).enumerated() {
                if let s = item.scalarText, let m = Int(s), (1...12).contains(m) {
                    if !months.contains(m) { months.append(m) }
                } else {
                    r.error(at: item.position, field: "months[\(i)]", "months are numbers from 1 to 12")
                }
            }
            if !months.isEmpty { when = .months(months.sorted()) }
            if r.has("end_date") { r.error(at: r.position(of: "end_date"), field: "end_date", "'end_date' goes with 'date', not with 'months'") }
        } else if let start = r.dateSpec("date") {
            let end = r.dateSpec("end_date")
            if let end { FacilityDecoder.checkOrder(start, end, &r, field: "end_date") }
            when = .date(start, end: end)
        } else if !r.has("date") {
            r.error(at: r.origin, field: "date", "a clock entry needs 'date' (and optionally 'end_date') or 'months'",
                    hint: "date: 2027-03-18, date: \"03-18\" for every year, or months: [3, 9]")
        }
        var registration: ClockEntry.Registration?
        if var reg = r.mapping("registration", allowed: registrationFields) {
            registration = ClockEntry.Registration(url: reg.webURL("url"), deadline: reg.day("deadline"))
            if case let .date(.once(start), _)? = when, let dl = registration?.deadline, dl > start {
                reg.error(at: reg.position(of: "deadline"), field: "registration.deadline", "the registration deadline \(dl.iso) is after the event (\(start.iso))")
            }
            r.absorb(reg)
        }
        var related: [String] = []
        for (i, item) in (r.list("related") ?? []).enumerated() {
            guard let s = item.scalarText?.trimmed else { continue }
            let parts = s.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, let kind = ContentKind(rawValue: parts[0]) {
                if r.checkReference(parts[1], kind: kind, context: context, position: item.position, field: "related[\(i)]") != nil { related.append(s) }
            } else {
                r.error(at: item.position, field: "related[\(i)]", "write related items as kind/slug, e.g. grants/kylien-kehittamisraha; found '\(s)'",
                        hint: "kinds: \(ContentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let entry = ClockEntry(title: title ?? "", kind: kind ?? .other, when: when ?? .months([]), time: r.text("time"),
                               place: r.place("place", context: context), organizer: r.person("organizer", context: context),
                               registration: registration, related: related, extra: r.extra(), body: body)
        guard title != nil, kind != nil, when != nil else { return nil }
        return entry
    }
}
