/// Machine-readable outputs beside the pages (content model, "Machine-readable exports").
/// Each writer is its own type; this lists them in a fixed order. `sitemap.xml` is added by
/// `SiteBuilder` itself (`Sitemap`).
enum Exports {
    /// Associations per block of the JSON and CSV exports.
    static let block = 1000

    /// Every export, each path once (for callers that keep the site in memory).
    static func files(_ env: RenderEnvironment) -> [OutputFile] {
        var all = feeds(env)
        associationFiles(env) { OutputFile.collect($0, into: &all) }
        return all
    }

    /// The calendars and news feeds of every language, built side by side.
    static func feeds(_ env: RenderEnvironment) -> [OutputFile] {
        let (calendars, feeds) = parallelPair({ ICalendar.files(env) }, { AtomFeed.files(env) })
        return calendars + feeds
    }

    /// `data/associations.json` and `.csv`, handed to `sink` a block of associations at a time:
    /// the first block creates the files, the others are `.appended`. The records of 10,000
    /// associations are 50 MB, which the build held at once on top of everything else.
    /// `SiteBuilder` makes the same files from the records its association pages make; this is
    /// the exports on their own.
    static func associationFiles(_ env: RenderEnvironment, sink: ([OutputFile]) throws -> Void) rethrows {
        let associations = env.site.associations
        var start = 0
        repeat {
            let end = min(start + block, associations.count)
            let records = AssociationRecord.all(env, associations[start..<end])
            try sink(associationBlock(records, generated: env.site.today, first: start == 0, last: end == associations.count))
            start = end
        } while start < associations.count
    }

    /// One block of records as the two export files: created by the first block, `.appended`
    /// by the others; the last closes the JSON.
    static func associationBlock(_ records: [AssociationRecord], generated: Day, first: Bool, last: Bool) -> [OutputFile] {
        let json = AssociationsJSON.pieces(records, generated: generated, first: first, last: last)
        let csv = AssociationsCSV.pieces(records, first: first)
        return [OutputFile(path: AssociationsJSON.path, body: first ? .chunks(json) : .appended(json)),
                OutputFile(path: AssociationsCSV.path, body: first ? .chunks(csv) : .appended(csv))]
    }
}
