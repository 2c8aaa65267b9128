import Foundation

/// What needs the liaison's attention (cli.md, `talkoot report`): stale or incomplete
/// associations, deadlines coming up, and counts per sector and area.
public struct AttentionReport: Sendable, Encodable {
    public struct Item: Sendable, Encodable {
        public var slug: String
        public var name: String
        public var file: String
        public var updated: String
        public var reasons: [String]
        public var email: String?
    }
    public struct Deadline: Sendable, Encodable {
        public var date: String
        public var endDate: String
        public var kind: String
        public var title: String
        public var daysLeft: Int
    }
    public struct Count: Sendable, Encodable {
        public var name: String
        public var count: Int
    }

    public var today: String
    public var stale: [Item]
    public var incomplete: [Item]
    public var upcoming: [Deadline]
    public var perSector: [Count]
    public var perArea: [Count]
    public var total: Int

    public init(site: Site, upcomingDays: Int) {
        today = site.today.iso
        total = site.associations.count
        var stale: [Item] = []
        var incomplete: [Item] = []
        for a in site.associations {
            let p = a.primary
            let email = p.email ?? p.contactPerson?.email
            if site.isStale(p) {
                stale.append(Item(slug: a.slug, name: p.name, file: a.sourcePath, updated: p.updated.iso,
                                  reasons: ["updated \(p.updated.iso), \(p.updated.days(until: site.today)) days ago"], email: email))
            }
            var missing: [String] = []
            if !p.hasContact { missing.append("no way to contact") }
            if p.area == nil && !site.config.areas.isEmpty { missing.append("no area") }
            if p.targetGroups.isEmpty { missing.append("no target groups") }
            if p.body.isBlank { missing.append("no description") }
            if p.contactPerson != nil && p.contactPerson?.consent != true { missing.append("contact person without consent") }
            if !missing.isEmpty {
                incomplete.append(Item(slug: a.slug, name: p.name, file: a.sourcePath, updated: p.updated.iso, reasons: missing, email: email))
            }
        }
        self.stale = stale
        self.incomplete = incomplete
        let horizon = site.today.adding(days: upcomingDays)
        upcoming = AnnualClock.upcoming(site, language: site.config.defaultLanguage)
            .filter { $0.start <= horizon || ($0.end <= horizon && $0.end >= site.today) }
            .map { Deadline(date: $0.start.iso, endDate: $0.end.iso, kind: $0.kind.rawValue, title: $0.title,
                            daysLeft: max(0, site.today.days(until: $0.start))) }
        let figures = FriendlyFigures(site: site)
        perSector = figures.perSector.map { id, n in Count(name: site.sector(id)?.name.text(site.config.defaultLanguage) ?? id, count: n) }
        perArea = figures.perArea.map { Count(name: $0.0, count: $0.1) }
    }

    public func text(markdown: Bool, onlyStale: Bool) -> String {
        var out = ""
        func heading(_ s: String) { out += markdown ? "\n## \(s)\n\n" : "\n\(s)\n\(String(repeating: "=", count: s.count))\n" }
        out += markdown ? "# Talkoot report \(today)\n" : "Talkoot report \(today)\n"
        heading("Stale associations (\(stale.count))")
        for i in stale { out += "- \(i.name) (\(i.file)): \(i.reasons.joined(separator: "; "))\(i.email == nil ? ", no e-mail address" : "")\n" }
        if onlyStale { return out }
        heading("Incomplete associations (\(incomplete.count))")
        for i in incomplete { out += "- \(i.name) (\(i.file)): \(i.reasons.joined(separator: "; "))\n" }
        heading("Coming up (\(upcoming.count))")
        for d in upcoming {
            let range = d.date == d.endDate ? d.date : "\(d.date)–\(d.endDate)"
            out += "- \(range) \(d.kind): \(d.title)\(d.daysLeft > 0 ? " (in \(d.daysLeft) days)" : " (now)")\n"
        }
        heading("Associations per sector (\(total) in all)")
        for c in perSector { out += "- \(c.name): \(c.count)\n" }
        heading("Associations per area")
        for c in perArea { out += "- \(c.name): \(c.count)\n" }
        return out
    }

    public func json() -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(data: (try? enc.encode(self)) ?? Data(), encoding: .utf8) ?? "{}"
    }
}

/// A reminder e-mail (RFC 5322, UTF-8) asking a stale association to check its information.
public enum ReminderEmail {
    public static func eml(for association: Localized<Association>, site: Site, changeLink: String) -> String? {
        let a = association.primary
        guard let to = a.email ?? a.contactPerson?.email else { return nil }
        let municipality = site.config.municipality.text(site.config.defaultLanguage)
        let subject = "Tarkistathan yhdistyksenne tiedot / Vänligen kontrollera föreningens uppgifter: \(a.name)"
        let body = """
        Hei,

        \(a.name) on mukana kunnan yhdistyshakemistossa (\(municipality)). Tiedot on tarkistettu viimeksi \(a.updated.nordic).
        Tarkistattehan, ovatko ne yhä ajan tasalla:

        \(changeLink)

        Muutokset voi lähettää vastaamalla tähän viestiin tai sivun "Ilmoita muutos" -linkillä.

        Hej,

        Föreningens uppgifter kontrollerades senast \(a.updated.nordic). Vänligen kontrollera att de fortfarande stämmer.

        Ystävällisin terveisin / Med vänlig hälsning
        \(municipality)
        \(site.config.contactEmail)
        """
        let date = rfc5322Date(site.today)
        var lines = [
            "From: \(encodedWord(municipality)) <\(site.config.contactEmail)>",
            "To: \(encodedWord(a.name)) <\(to)>",
            "Subject: \(encodedWord(subject))",
            "Date: \(date)",
            "Message-ID: <talkoot-\(association.slug)-\(site.today.iso)@\(site.config.contactEmail.split(separator: "@").last ?? "localhost")>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
        ]
        lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// RFC 2047 encoded-word for non-ASCII header text.
    /// Long text is split into several encoded words of at most 75 characters, on character
    /// boundaries, folded onto continuation lines.
    static func encodedWord(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 128 }) && !s.contains("\"") { return s }
        var words: [String] = []
        var chunk = Data()
        for ch in s {
            let bytes = Data(String(ch).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: "\r\n ")
    }

    static func rfc5322Date(_ d: Day) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[d.weekday - 1]), \(d.day) \(months[d.month - 1]) \(d.year) 09:00:00 +0200"
    }
}
