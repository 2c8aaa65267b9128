/// Machine-readable outputs beside the pages (content model, "Machine-readable exports").
/// Each writer is its own type; this lists them in a fixed order. `sitemap.xml` is added by
/// `SiteBuilder` itself (`Sitemap`).
enum Exports {
    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        let records = AssociationRecord.all(env)
        var files: [OutputFile] = []
        files.append(AssociationsJSON.file(records, generated: env.site.today))
        files.append(AssociationsCSV.file(records))
        files += ICalendar.files(env)
        files += AtomFeed.files(env)
        return files
    }
}
