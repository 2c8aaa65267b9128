import Foundation

/// `vuosikello.ics` per language (content model, "Machine-readable exports"): the annual clock
/// as an RFC 5545 calendar that calendar apps subscribe to (the clock page links it as
/// `webcal:`).
///
/// One VEVENT per clock item, in the same ids as the clock page (`ClockItem.id`): every clock
/// entry (one per month for `months:` entries), every grant application window and every
/// facility booking period, whatever year it falls in.
/// * Yearly dates (`"03-01"`) start in the earlier of the build year and the clock year and
///   repeat with an explicit `RRULE:FREQ=YEARLY;BYMONTH=m;BYMONTHDAY=d`.
/// * All-day items are `VALUE=DATE` with an exclusive `DTEND` (the day after the last day).
/// * A one-day item whose `time` reads as clock times (`"17.30–20.00"`, `"10–15"`, `"klo 18"`)
///   is timed in `Europe/Helsinki` (VTIMEZONE included); any other time text
///   (`"ke 13–15"`) goes into the description and the item stays all-day.
/// * UIDs are `<language>/<clock item id>@<host>`: stable while the content keeps its slugs.
/// * `DTSTAMP` is the build date (`--today`), never the wall clock: the same content gives the
///   same bytes. Text is escaped, lines end in CRLF and are folded at 75 octets.
enum ICalendar {
    static let fileName = "vuosikello.ics"
    static let timeZone = "Europe/Helsinki"

    static func path(_ routes: Routes, _ language: String) -> String { routes.prefix(language) + fileName }

    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        env.site.config.languages.parallelMap(minimumCount: 2) { file(env, language: $0) }
    }

    /// The calendar of one language.
    static func file(_ env: RenderEnvironment, language: String) -> OutputFile {
        OutputFile(path: path(env.routes, language), text: text(env, language: language))
    }

    /// One event before it is written.
    struct Event {
        var uid: String
        var summary: String
        var start: Day
        /// Inclusive last day.
        var end: Day
        var yearly: Bool
        var times: TimeText.Range?
        var description: [String]
        var location: String?
        var url: String
        var category: String
    }

    /// The year yearly items start in: the earlier of the build year and the clock's year, so a
    /// subscriber sees this year's remaining dates as well as the clock year's.
    static func anchorYear(_ site: Site) -> Int { min(site.today.year, site.clockYear) }

    /// First and last day of a content date range; yearly ranges over the new year end the next year.
    static func span(_ start: DateSpec, _ end: DateSpec?, anchor: Int) -> (Day, Day) {
        switch start {
        case let .yearly(md):
            let s = md.inYear(anchor)
            var e = end?.occurrence(in: anchor) ?? s
            if e < s, let end, end.isYearly { e = end.occurrence(in: anchor + 1) }
            return (s, max(s, e))
        case let .once(d):
            let e = end?.occurrence(in: d.year) ?? d
            return (d, max(d, e))
        }
    }

    static func events(_ env: RenderEnvironment, language: String) -> [Event] {
        let site = env.site
        let routes = env.routes
        let anchor = anchorYear(site)
        let host = ICalendar.host(site.config.baseURL)
        let s = ICalendar.strings(language)
        var out: [Event] = []
        func uid(_ id: String) -> String { "\(language)/\(id)@\(host)" }

        for item in site.clock {
            let e = item.version(language)
            let url = routes.absolute(routes.item(.clock, item.slug, language))
            var location: String?
            switch e.place {
            case let .facility(slug)?:
                if let f = env.facility(slug)?.version(language) { location = "\(f.name), \(f.address)" } else { location = slug }
            case let .text(t)?: location = t
            case nil: break
            }
            var details: [String] = []
            if let o = env.person(e.organizer, language)?["name"] as? String { details.append("\(env.t("organizer", language)): \(o)") }
            if let r = e.registration {
                if let d = r.deadline { details.append("\(env.t("registerBy", language)): \(d.nordic)") }
                if let u = r.url { details.append("\(env.t("registration", language)): \(u)") }
            }
            let body = plainText(e.body.source)
            if !body.isEmpty { details.append(body) }
            let category = env.kindLabel(e.kind, language)
            switch e.when {
            case let .date(start, end):
                let (first, last) = span(start, end, anchor: anchor)
                let times = first == last ? e.time.flatMap(TimeText.parse) : nil
                var d = details
                if times == nil, let t = e.time { d.insert("\(env.t("time", language)): \(t)", at: 0) }
                out.append(Event(uid: uid("clock/\(item.slug)"), summary: e.title, start: first, end: last, yearly: start.isYearly,
                                 times: times, description: d + [url], location: location, url: url, category: category))
            case let .months(months):
                for m in months {
                    let first = Day(year: anchor, month: m, day: 1)
                    let last = Day(year: anchor, month: m, day: Day.daysIn(month: m, year: anchor))
                    var d = details
                    if let t = e.time { d.insert("\(env.t("time", language)): \(t)", at: 0) }
                    out.append(Event(uid: uid("clock/\(item.slug)/m\(m)"), summary: e.title, start: first, end: last, yearly: true,
                                     times: nil, description: d + [url], location: location, url: url, category: category))
                }
            }
        }

        for item in site.grants {
            let g = item.version(language)
            let url = routes.absolute(routes.item(.grants, item.slug, language))
            let category = env.kindLabel(.application, language)
            for (i, w) in g.application.enumerated() {
                let (first, last) = span(w.start, w.end, anchor: anchor)
                var d: [String] = []
                if let t = w.time {
                    d.append(s.closes.replacingOccurrences(of: "{time}", with: t))
                }
                if let p = g.provider { d.append("\(env.t("provider", language)): \(p)") }
                if let a = g.amount { d.append("\(env.t("amount", language)): \(a)") }
                let body = plainText(g.body.source)
                if !body.isEmpty { d.append(body) }
                if let apply = g.applyURL { d.append("\(env.t("howToApply", language)): \(apply)") }
                d.append(url)
                out.append(Event(uid: uid("grants/\(item.slug)/\(i)"), summary: "\(category): \(g.name)", start: first, end: last,
                                 yearly: w.start.isYearly, times: nil, description: d, location: nil, url: url, category: category))
            }
        }

        for item in site.facilities {
            let f = item.version(language)
            let url = routes.absolute(routes.item(.facilities, item.slug, language))
            let category = env.kindLabel(.booking, language)
            for (i, p) in f.bookingPeriods.enumerated() {
                let (first, last) = span(p.start, p.end, anchor: anchor)
                var d: [String] = []
                if let b = f.booking {
                    if let ins = b.instructions { d.append(ins) }
                    if let u = b.url { d.append("\(env.t("bookOnline", language)): \(u)") }
                    if let e = b.email { d.append("\(env.t("email", language)): \(e)") }
                    if let ph = b.phone { d.append("\(env.t("phone", language)): \(ph.display)") }
                }
                d.append(url)
                out.append(Event(uid: uid("facilities/\(item.slug)/\(i)"), summary: "\(f.name): \(p.label)", start: first, end: last,
                                 yearly: p.start.isYearly, times: nil, description: d, location: "\(f.name), \(f.address)",
                                 url: url, category: category))
            }
        }
        return out
    }

    static func text(_ env: RenderEnvironment, language: String) -> String {
        let site = env.site
        let cfg = site.config
        let events = events(env, language: language)
        var w = ContentLines()
        let name = "\(env.t("clock", language)) – \(cfg.title.text(language)) – \(cfg.municipality.text(language))"
        w.line("BEGIN:VCALENDAR")
        w.line("VERSION:2.0")
        w.line("PRODID:-//Talkoot//Talkoot annual clock//\(language.uppercased())")
        w.line("CALSCALE:GREGORIAN")
        w.line("METHOD:PUBLISH")
        w.line("NAME:" + escape(name))
        w.line("X-WR-CALNAME:" + escape(name))
        w.line("X-WR-CALDESC:" + escape(env.t("clockIntro", language)))
        w.line("X-WR-TIMEZONE:\(timeZone)")
        w.line("SOURCE;VALUE=URI:" + env.routes.absolute(path(env.routes, language)))
        w.line("REFRESH-INTERVAL;VALUE=DURATION:P1D")
        w.line("X-PUBLISHED-TTL:P1D")
        if events.contains(where: { $0.times != nil }) { w.lines(helsinkiTimeZone) }
        let stamp = "DTSTAMP:" + compact(site.today) + "T000000Z"
        for e in events {
            w.line("BEGIN:VEVENT")
            w.line("UID:" + escape(e.uid))
            w.line(stamp)
            if let t = e.times {
                w.line("DTSTART;TZID=\(timeZone):" + compact(e.start) + "T" + t.start.compact)
                if let end = t.end {
                    let endDay = end < t.start ? e.start.adding(days: 1) : e.start
                    w.line("DTEND;TZID=\(timeZone):" + compact(endDay) + "T" + end.compact)
                }
            } else {
                w.line("DTSTART;VALUE=DATE:" + compact(e.start))
                w.line("DTEND;VALUE=DATE:" + compact(e.end.adding(days: 1)))
            }
            if e.yearly { w.line("RRULE:FREQ=YEARLY;BYMONTH=\(e.start.month);BYMONTHDAY=\(e.start.day)") }
            w.line("SUMMARY:" + escape(e.summary))
            if !e.description.isEmpty { w.line("DESCRIPTION:" + escape(e.description.joined(separator: "\n"))) }
            if let l = e.location { w.line("LOCATION:" + escape(l)) }
            w.line("URL;VALUE=URI:" + e.url)
            w.line("CATEGORIES:" + escape(e.category))
            w.line("CLASS:PUBLIC")
            if e.times == nil { w.line("TRANSP:TRANSPARENT") }
            w.line("END:VEVENT")
        }
        w.line("END:VCALENDAR")
        return w.text
    }

    /// Markdown as plain text for a DESCRIPTION: paragraphs kept, list items on their own lines,
    /// emphasis marks dropped, links as `text (url)`; cut at a paragraph after about `limit` characters.
    static func plainText(_ markdown: String, limit: Int = 600) -> String {
        var paragraphs: [String] = []
        var current = ""
        // Characters of the paragraphs so far joined, and whether that already reached `limit`:
        // then one more paragraph only adds "…", and the rest of the body need not be read.
        var joinedCount = 0
        var full = false
        /// Ends the paragraph; true when reading can stop.
        func flush() -> Bool {
            defer { current = "" }
            guard !current.isEmpty else { return false }
            paragraphs.append(current)
            if full { return true }
            joinedCount += (paragraphs.count > 1 ? 2 : 0) + characterCount(current)
            full = joinedCount >= limit
            return false
        }
        for raw in Lines(markdown) {
            var line = raw.trimmingWhitespace()
            if line.isEmpty { if flush() { break } else { continue } }
            var isItem = false
            if line.hasPrefix("#") { line = line.drop { $0 == "#" }.trimmingWhitespace() }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = "– " + line.dropFirst(2); isItem = true }
            if line.hasPrefix(">") { line = line.dropFirst().trimmingWhitespace() }
            line = inline(line)
            if current.isEmpty { current = line } else { current += (isItem ? "\n" : " ") + line }
        }
        _ = flush()
        var out = ""
        for p in paragraphs {
            if characterCount(out) >= limit { out += "\n\n…"; break }
            out += (out.isEmpty ? "" : "\n\n") + p
        }
        return out
    }

    /// Inline Markdown to text: `[text](url)` becomes `text (url)`; `*`, `_` and backticks go.
    static func inline(_ s: String) -> String {
        // Each step is skipped when the bytes it looks for are absent: it would change nothing,
        // and its Character-by-Character walk cost some 1,700 instructions per character.
        var out = ""
        guard s.containsByte(UInt8(ascii: "[")) else { return ICalendar.dropEmphasis(s) }
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.range(of: "]("), let end = after[close.upperBound...].firstIndex(of: ")") {
                let text = after[..<close.lowerBound]
                let url = after[close.upperBound..<end]
                out += text + (url.isEmpty || url == text ? "" : " (\(url))")
                rest = after[after.index(after: end)...]
            } else {
                out += "["
                rest = after
            }
        }
        out += rest
        return dropEmphasis(out)
    }

    /// Without the Characters `*` and backtick, and then without each `__`, left to right.
    /// On the bytes: `*` and backtick are ASCII bytes that are Characters of their own unless a
    /// neighbour joins them (`MarkdownRenderer.standsAlone`: `*` + U+0301 is another Character
    /// and stays). Foundation's `__` replacement skips a match that a combining mark follows,
    /// so a text with a non-ASCII byte right after a `_` is still handed to it. Filtering
    /// Character by Character and replacing took some 36,000 instructions a clock text line.
    private static func dropEmphasis(_ s: String) -> String {
        let star = UInt8(ascii: "*"), tick = UInt8(ascii: "`"), underscore = UInt8(ascii: "_")
        guard s.containsByte(star) || s.containsByte(tick) || s.containsByte(underscore) else { return s }
        return s.withUTF8Bytes { u -> String in
            var kept: [UInt8] = []
            kept.reserveCapacity(u.count)
            for i in 0..<u.count where !((u[i] == star || u[i] == tick) && MarkdownRenderer.standsAlone(u, at: i)) {
                kept.append(u[i])
            }
            return kept.withUnsafeBufferPointer { k -> String in
                func byFoundation() -> String { String(decoding: k, as: UTF8.self).replacingOccurrences(of: "__", with: "") }
                var out: [UInt8] = []
                out.reserveCapacity(k.count)
                var i = 0
                while i < k.count {
                    if k[i] == underscore && i + 1 < k.count {
                        if k[i + 1] >= 0x80 { return byFoundation() }
                        if k[i + 1] == underscore {
                            if i + 2 < k.count && k[i + 2] >= 0x80 { return byFoundation() }
                            i += 2
                            continue
                        }
                    }
                    out.append(k[i])
                    i += 1
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `s.count`, without walking the grapheme rules when every scalar is a Character of its
    /// own (`MarkdownRenderer.simpleCharacterCount`, which Finnish and Swedish text is).
    private static func characterCount(_ s: String) -> Int {
        s.withUTF8Bytes(MarkdownRenderer.simpleCharacterCount) ?? s.count
    }

    /// `YYYYMMDD`
    static func compact(_ d: Day) -> String {
        var s = d.iso
        s.removeAll { $0 == "-" }
        return s
    }

    /// TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.
    static func escape(_ s: String) -> String {
        // On the bytes: every character the rule changes is ASCII, and the bytes of other
        // characters are never ASCII, so they are copied as they are.
        return s.withUTF8Bytes { u in
            var out: [UInt8] = []
            out.reserveCapacity(u.count + 8)
            var lastWasCR = false
            for b in u {
                switch b {
                case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case 13:
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "n"))
                case 10:
                    if !lastWasCR {
                        out.append(UInt8(ascii: "\\"))
                        out.append(UInt8(ascii: "n"))
                    }
                default:
                    // Other control characters are not allowed in TEXT.
                    out.append(b < 0x20 && b != 9 || b == 0x7F ? 32 : b)
                }
                lastWasCR = b == 13
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func host(_ baseURL: String) -> String {
        guard let r = baseURL.range(of: "://") else { return baseURL }
        let rest = baseURL[r.upperBound...]
        return String(rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" })
    }

    struct Strings { var closes: String }

    /// The few phrases the calendar needs beyond the theme's strings.
    static func strings(_ language: String) -> Strings {
        switch language {
        case "sv": return Strings(closes: "Ansökningstiden går ut kl. {time} den sista dagen.")
        case "en": return Strings(closes: "Applications close at {time} on the last day.")
        default: return Strings(closes: "Hakuaika päättyy viimeisenä päivänä klo {time}.")
        }
    }

    /// Europe/Helsinki as EU rules define it since 1996: EET (+02:00), EEST (+03:00) from the last
    /// Sunday of March 03:00 to the last Sunday of October 04:00 local time.
    static let helsinkiTimeZone = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Helsinki",
        "X-LIC-LOCATION:Europe/Helsinki",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0300",
        "TZNAME:EEST",
        "DTSTART:19700329T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0300",
        "TZOFFSETTO:+0200",
        "TZNAME:EET",
        "DTSTART:19701025T040000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

/// iCalendar content lines: CRLF after each, folded so no line is longer than 75 octets
/// (RFC 5545 3.1), never inside a UTF-8 sequence.
struct ContentLines {
    private(set) var bytes: [UInt8] = []

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func lines(_ ls: [String]) { for l in ls { line(l) } }

    mutating func line(_ s: String) {
        let u = Array(s.utf8)
        var start = 0
        var limit = 75
        while u.count - start > limit {
            var cut = start + limit
            // Step back to the first byte of a character (continuation bytes are 10xxxxxx).
            while cut > start && (u[cut] & 0xC0) == 0x80 { cut -= 1 }
            bytes.append(contentsOf: u[start..<cut])
            bytes.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = cut
            limit = 74 // the leading space counts
        }
        bytes.append(contentsOf: u[start...])
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}

/// Clock times in content time text (content model: "Times are free text for display"). Only
/// text that is nothing but a time or a time range is read; everything else stays display text.
enum TimeText {
    struct Time: Sendable, Hashable, Comparable {
        var hour: Int
        var minute: Int
        /// `HHMMSS`
        var compact: String { pad(hour) + pad(minute) + "00" }
        /// `HH:MM:SS`
        var iso: String { pad(hour) + ":" + pad(minute) + ":00" }
        private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        static func < (a: Time, b: Time) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
    }
    struct Range: Sendable, Hashable {
        var start: Time
        var end: Time?
    }

    /// `17.30–20.00`, `17:30-20`, `10–15`, `klo 18`, `kl. 18.30`; nil for `ke 13–15`, `iltaisin`.
    static func parse(_ text: String) -> Range? {
        var s = Substring(text.lowercased())
        func trim() { while s.first == " " { s.removeFirst() }; while s.last == " " { s.removeLast() } }
        trim()
        for prefix in ["klo ", "kl. ", "kl ", "at "] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            trim()
            break
        }
        let parts = s.split(omittingEmptySubsequences: false) { $0 == "–" || $0 == "—" || $0 == "-" }
        guard parts.count == 1 || parts.count == 2, let start = time(parts[0]) else { return nil }
        if parts.count == 1 { return Range(start: start, end: nil) }
        guard let end = time(parts[1]), end != start else { return nil }
        return Range(start: start, end: end)
    }

    static func time(_ text: Substring) -> Time? {
        let t = text.trimmingWhitespace()
        let parts = t.split(omittingEmptySubsequences: false) { $0 == "." || $0 == ":" }
        guard parts.count == 1 || parts.count == 2,
              (1...2).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              let h = Int(parts[0]), h < 24 else { return nil }
        var m = 0
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let mm = Int(parts[1]), mm < 60 else { return nil }
            m = mm
        }
        return Time(hour: h, minute: m)
    }

    /// Offset of Europe/Helsinki at a local date and time: `+03:00` in summer time, else `+02:00`.
    static func helsinkiOffset(_ day: Day, _ time: Time) -> String {
        func lastSunday(_ month: Int) -> Day {
            let last = Day(year: day.year, month: month, day: Day.daysIn(month: month, year: day.year))
            return last.adding(days: -(last.weekday % 7))
        }
        let start = lastSunday(3), end = lastSunday(10)
        let afterStart = day > start || (day == start && time.hour >= 3)
        let beforeEnd = day < end || (day == end && time.hour < 4)
        return afterStart && beforeEnd ? "+03:00" : "+02:00"
    }
}
