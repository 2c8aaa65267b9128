/// Machine-readable outputs beside the pages (content model, "Machine-readable exports").
/// Each writer is its own type; this lists them in a fixed order. `sitemap.xml` is added by
/// `SiteBuilder` itself (`Sitemap`).
enum Exports {
    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        let records = AssociationRecord.all(env)
        // The writers are independent: run them side by side, keep their order.
        let writers: [@Sendable () -> [OutputFile]] = [
            { [AssociationsJSON.file(records, generated: env.site.today)] },
            { [AssociationsCSV.file(records)] },
            { ICalendar.files(env) },
            { AtomFeed.files(env) },
        ]
        return writers.parallelMap(minimumCount: 2) { $0() }.flatMap { $0 }
    }
}
