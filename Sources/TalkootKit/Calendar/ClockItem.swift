/// One thing on the annual clock in one language: a clock entry, a grant application period
/// or a facility booking period (content model: "Each grant application period and facility
/// booking period is already in the clock").
public struct ClockItem: Sendable, Hashable {
    /// Stable across builds: `clock/<slug>`, `grants/<slug>/<n>`, `facilities/<slug>/<n>`, plus `/m<month>` for monthly items.
    public var id: String
    public var kind: ClockEntry.Kind
    public var title: String
    public var start: Day
    /// Inclusive last day; equal to `start` for one-day items.
    public var end: Day
    public var yearly: Bool
    /// True for `months:` entries, which last the whole month.
    public var wholeMonth: Bool
    public var time: String?
    /// Where the item comes from, for links.
    public var sourceKind: ContentKind
    public var sourceSlug: String

    public var isOneDay: Bool { start == end }
}

/// Expands the clock entries, grants and facilities of a site into dated items.
public enum AnnualClock {
    /// Items that happen in `year`, sorted by start date, then kind, then title.
    public static func items(_ site: Site, language: String, year: Int) -> [ClockItem] {
        var out: [ClockItem] = []
        func add(_ id: String, _ kind: ClockEntry.Kind, _ title: String, _ start: DateSpec, _ end: DateSpec?, _ time: String?,
                 _ sourceKind: ContentKind, _ slug: String) {
            let (s, e) = range(start, end, endingIn: year)
            guard s.year == year || e.year == year else { return }
            out.append(ClockItem(id: id, kind: kind, title: title, start: s, end: e, yearly: start.isYearly, wholeMonth: false,
                                 time: time, sourceKind: sourceKind, sourceSlug: slug))
        }
        for item in site.clock {
            let e = item.version(language)
            switch e.when {
            case let .date(start, end):
                add("clock/\(item.slug)", e.kind, e.title, start, end, e.time, .clock, item.slug)
            case let .months(months):
                for m in months {
                    let s = Day(year: year, month: m, day: 1)
                    out.append(ClockItem(id: "clock/\(item.slug)/m\(m)", kind: e.kind, title: e.title, start: s,
                                         end: Day(year: year, month: m, day: Day.daysIn(month: m, year: year)), yearly: true,
                                         wholeMonth: true, time: e.time, sourceKind: .clock, sourceSlug: item.slug))
                }
            }
        }
        for item in site.grants {
            let g = item.version(language)
            for (i, w) in g.application.enumerated() {
                add("grants/\(item.slug)/\(i)", .application, g.name, w.start, w.end, w.time, .grants, item.slug)
            }
        }
        for item in site.facilities {
            let f = item.version(language)
            for (i, p) in f.bookingPeriods.enumerated() {
                add("facilities/\(item.slug)/\(i)", .booking, "\(f.name): \(p.label)", p.start, p.end, nil, .facilities, item.slug)
            }
        }
        return out.sorted(by: order)
    }

    /// A date range as it falls in `year`. A yearly range over the new year (11-15 … 01-15)
    /// starts in the previous year and ends in this one.
    static func range(_ start: DateSpec, _ end: DateSpec?, endingIn year: Int) -> (Day, Day) {
        let s = start.occurrence(in: year)
        let e = end?.occurrence(in: year) ?? s
        if start.isYearly, let end, e < s { return (start.occurrence(in: year - 1), end.occurrence(in: year)) }
        return (s, e)
    }

    static func order(_ a: ClockItem, _ b: ClockItem) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.kind != b.kind { return a.kind.rawValue < b.kind.rawValue }
        if a.title != b.title { return a.title < b.title }
        return a.id < b.id
    }

    /// Items not yet over on `today`, from this year and the next, soonest first.
    public static func upcoming(_ site: Site, language: String, limit: Int? = nil) -> [ClockItem] {
        let today = site.today
        var seen = Set<String>()
        var list: [ClockItem] = []
        for item in items(site, language: language, year: today.year) + items(site, language: language, year: today.year + 1)
        where item.end >= today && !seen.contains(item.id + item.start.iso) {
            seen.insert(item.id + item.start.iso)
            list.append(item)
        }
        list.sort(by: order)
        if let limit { return Array(list.prefix(limit)) }
        return list
    }

    /// Whether a grant takes applications on `today`, and when it next opens.
    public enum GrantStatus: Sendable, Hashable {
        case continuous
        case open(until: Day, time: String?)
        case opens(Day)
        case closed
    }

    public static func status(of grant: Grant, today: Day) -> GrantStatus {
        if grant.continuous { return .continuous }
        var next: Day?
        for w in grant.application {
            for year in [today.year - 1, today.year, today.year + 1] {
                let (s, e) = range(w.start, w.end, endingIn: year)
                if s <= today && today <= e { return .open(until: e, time: w.time) }
                if s > today && (next == nil || s < next!) { next = s }
                if !w.start.isYearly { break }
            }
        }
        return next.map(GrantStatus.opens) ?? .closed
    }
}
