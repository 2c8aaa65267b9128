/// Everything the content says, validated: the input of rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    public var sectors: [Sector]
    public var landing: Localized<LandingPage>
    /// Each list is sorted by slug, so output order never depends on the file system.
    public var associations: [Localized<Association>]
    public var liaisons: [Localized<Liaison>]
    public var facilities: [Localized<Facility>]
    public var grants: [Localized<Grant>]
    public var clock: [Localized<ClockEntry>]
    public var news: [Localized<NewsItem>]
    public var pages: [Localized<Page>]
    /// Paths relative to `content/`, e.g. `images/martat.png`.
    public var images: [String]
    /// "Now" for deadlines, staleness and the clock's year.
    public var today: Day

    public var clockYear: Int { config.year ?? today.year }

    public func sector(_ id: String) -> Sector? { sectors.first { $0.id == id } }

    /// True when the association's data is older than `stale_after_days`.
    public func isStale(_ association: Association) -> Bool {
        association.updated.days(until: today) > config.staleAfterDays
    }
}
