/// Content model, "content/site.yml" and "Sectors" (`content/sectors.yml`).
enum SiteConfigDecoder {
    static let fields: FieldNames = ["municipality", "title", "base_url", "languages", "layout", "theme", "contact_email", "edit_url",
                         "stale_after_days", "areas", "year", "allow_raw_html_in_pages", "statements"]
    /// Languages the default theme has strings for; others need a theme that provides them.
    static let knownLanguages = ["fi", "sv", "en"]

    static func decode(_ value: YAMLValue) -> (SiteConfig?, [Diagnostic]) {
        var r = FieldReader(value, allowed: fields)
        var languages = r.textList("languages")
        if languages.isEmpty { languages = ["fi"] }
        for (i, l) in languages.enumerated() where !(l.count == 2 && l.allSatisfy { $0.isASCII && $0.isLowercase }) {
            r.error(at: r.position(of: "languages"), field: "languages[\(i)]", "'\(l)' is not a two-letter language code such as fi, sv or en")
        }
        if Set(languages).count != languages.count {
            r.error(at: r.position(of: "languages"), field: "languages", "a language is listed twice")
        }
        let municipality = r.localizedText("municipality", languages: languages, required: true)
        let title = r.localizedText("title", languages: languages) ?? LocalizedText(values: ["fi": "Yhdistystoiminta", "sv": "Föreningsverksamhet", "en": "Associations"], default: languages[0])
        var baseURL = r.webURL("base_url", required: true)
        if let b = baseURL, b.contains("?") || b.contains("#") {
            r.error(at: r.position(of: "base_url"), field: "base_url", "'base_url' may not contain '?' or '#'")
            baseURL = nil
        }
        let layout: SiteConfig.Layout? = r.has("layout")
            ? r.id("layout", allowed: SiteConfig.Layout.allCases.map(\.rawValue), what: "layout").flatMap(SiteConfig.Layout.init(rawValue:))
            : .standalone
        var theme = r.text("theme") ?? "default"
        if !Slug.isValid(theme) && !theme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            r.error(at: r.position(of: "theme"), field: "theme", "'theme' must be a folder name under themes/, found '\(theme)'")
            theme = "default"
        }
        let contactEmail = r.email("contact_email", required: true)
        let editURL = r.text("edit_url")
        if let e = editURL, !AddressCheck.isWebURL(e.replacingOccurrences(of: "{path}", with: "x")) {
            r.error(at: r.position(of: "edit_url"), field: "edit_url", "'edit_url' must be an https:// address with {path} where the file path goes")
        }
        let stale = r.int("stale_after_days", range: 1...3650) ?? 365
        let areas = r.textList("areas")
        // Each area gets a filter page named after it (alue/sarkikyla): the names must give distinct addresses.
        var areaSlugs: [String: String] = [:]
        for area in areas {
            let slug = Slug.make(from: area)
            if slug.isEmpty {
                r.error(at: r.position(of: "areas"), field: "areas", "the area '\(area)' has no letters or digits for its page address",
                        hint: "write the area's name with Latin letters, e.g. Kirkonkylä")
            } else if let other = areaSlugs[slug] {
                r.error(at: r.position(of: "areas"), field: "areas", "the areas '\(other)' and '\(area)' would share the page address '\(slug)'",
                        hint: other == area ? "remove the repeat" : "give the areas names that differ in more than accents and case")
            } else {
                areaSlugs[slug] = area
            }
        }
        let year = r.int("year", range: 2000...2100)
        let allowRaw = r.bool("allow_raw_html_in_pages") ?? false
        var statements: [String: LocalizedText] = [:]
        if let v = r.value("statements"), case let .mapping(list) = v.kind {
            for e in list {
                var sub = FieldReader(YAMLValue(kind: .mapping([e]), position: e.keyPosition), prefix: "statements.", allowed: FieldNames(FriendlyCriteria.ids))
                if let t = sub.localizedText(e.key, languages: languages) { statements[e.key] = t }
                r.absorb(sub)
            }
        } else if r.has("statements") {
            r.error(at: r.position(of: "statements"), field: "statements", "'statements' must be a mapping of criterion ids to text",
                    hint: "criteria: \(FriendlyCriteria.ids.joined(separator: ", "))")
        }
        let extra = r.extra()
        guard let municipality, let baseURL, let contactEmail, let layout else { return (nil, r.log.items) }
        return (SiteConfig(municipality: municipality, title: title, baseURL: baseURL, languages: languages, layout: layout, theme: theme,
                           contactEmail: contactEmail, editURL: editURL, staleAfterDays: stale, areas: areas, year: year,
                           allowRawHTMLInPages: allowRaw, statements: statements, extra: extra), r.log.items)
    }

    static func decodeSectors(_ value: YAMLValue, languages: [String]) -> ([Sector], [Diagnostic]) {
        var log = DiagnosticLog()
        guard case let .sequence(items) = value.kind else {
            log.append(Diagnostic(file: value.position.file, line: value.position.line, message: "sectors.yml must be a list of '- {id: ..., name: {fi: ..., sv: ...}}' items"))
            return ([], log.items)
        }
        var sectors: [Sector] = []
        for (i, item) in items.enumerated() {
            var r = FieldReader(item, prefix: "[\(i)].", allowed: ["id", "name"])
            let id = r.text("id", required: true)
            if let id, !Slug.isValid(id) {
                r.error(at: r.position(of: "id"), field: "[\(i)].id", "sector id '\(id)' must be lowercase a-z, 0-9 and '-'")
            }
            if let id, sectors.contains(where: { $0.id == id }) {
                r.error(at: r.position(of: "id"), field: "[\(i)].id", "sector id '\(id)' is listed twice")
            }
            let name = r.localizedText("name", languages: languages + ["en"], required: true)
            if let id, let name { sectors.append(Sector(id: id, name: name)) }
            log.append(contentsOf: r.log.items)
        }
        return (sectors, log.items)
    }
}

/// The seven criteria of an association-friendly municipality (järjestöystävällinen kunta).
public enum FriendlyCriteria {
    public static let ids = ["liaison", "facilities", "grants", "participation", "partnership", "experiences", "communication"]
}
