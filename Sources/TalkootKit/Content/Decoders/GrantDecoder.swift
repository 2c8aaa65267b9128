/// Content model, "Grants: content/grants/<slug>.md".
enum GrantDecoder {
    static let fields: FieldNames = ["name", "provider", "sectors", "eligible", "amount", "budget", "application", "continuous", "apply_url",
                         "decision", "reporting", "contact"]

    static let applicationFields: FieldNames = ["date", "end_date", "time"]

    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> Grant? {
        let name = r.text("name", required: true)
        // `[all]`: open to every sector. Read once, so a bad item is reported once.
        let sectors = r.ids("sectors", allowed: context.sectorIDs + ["all"], what: "sector")
        let all = sectors.contains("all")
        let continuous = r.bool("continuous") ?? false
        var windows: [Grant.Window] = []
        if let items = r.list("application", required: !continuous) {
            for (i, item) in items.enumerated() {
                var w = FieldReader(item, prefix: "application[\(i)].", allowed: applicationFields)
                let start = w.dateSpec("date", required: true)
                let end = w.dateSpec("end_date")
                if let start, let end { FacilityDecoder.checkOrder(start, end, &w, field: "application[\(i)].end_date") }
                let time = w.text("time")
                if let start { windows.append(Grant.Window(start: start, end: end, time: time)) }
                r.absorb(w)
            }
        }
        let grant = Grant(
            name: name ?? "", provider: r.text("provider"), sectors: sectors.filter { $0 != "all" }, allSectors: all || sectors.contains("all"),
            eligible: r.text("eligible"), amount: r.text("amount"), budget: r.int("budget", range: 0...1_000_000_000),
            application: windows, continuous: continuous, applyURL: r.webURL("apply_url"), decision: r.text("decision"),
            reporting: r.text("reporting"), contact: r.reference("contact", kind: .liaisons, context: context), extra: r.extra(), body: body)
        guard name != nil else { return nil }
        return grant
    }
}
