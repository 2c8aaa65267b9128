import Dispatch
import Foundation

/// The whole build: load and validate content, load the theme, render every page in every
/// language, add feeds and exports, and publish atomically. The library never prints: the
/// caller gets a report.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var content: URL
        public var themes: URL
        public var output: URL
        public var today: Day
        public var baseURL: String?
        public var contentDisplay: String?
        public var themesDisplay: String?
        /// Build items marked `draft: true` too (`--drafts`).
        public var includeDrafts = false
        /// Keeps base_url's path but serves from this origin (`talkoot serve`).
        public var baseOrigin: String?
        /// Use one core only (the output must be the same bytes either way).
        public var singleThreaded = false
        public init(content: URL, themes: URL, output: URL, today: Day, baseURL: String? = nil,
                    contentDisplay: String? = nil, themesDisplay: String? = nil) {
            self.content = content
            self.themes = themes
            self.output = output
            self.today = today
            self.baseURL = baseURL
            self.contentDisplay = contentDisplay
            self.themesDisplay = themesDisplay
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var pages = 0
        public var files = 0
        public var ioError: String?
        public var timings: [(stage: String, seconds: Double)] = []
        /// The validated site that was built, for a caller that goes on using it, or that leaves
        /// it to the operating system at exit (`ProcessMemory.leaveToSystem`) rather than have
        /// ten thousand associations freed one value at a time.
        public var site: Site?
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public var options: Options
    public init(options: Options) { self.options = options }

    /// Validates and renders without touching the disk.
    public func render() -> (files: [OutputFile], pages: Int, diagnostics: [Diagnostic]) {
        let r = renderTimed()
        return (r.files, r.pages, r.diagnostics)
    }

    /// The rendered site with how long each stage took (for `talkoot build --timings` and bench/).
    public struct Rendered: Sendable {
        public var files: [OutputFile] = []
        public var pages = 0
        public var diagnostics: [Diagnostic] = []
        public var timings: [(stage: String, seconds: Double)] = []
    }

    public func renderTimed() -> Rendered {
        Parallelism.$serial.withValue(options.singleThreaded || Parallelism.serial) {
            var (out, prepared) = prepare()
            var clock = StageClock()
            if let (site, theme) = prepared {
                (out.files, out.pages) = SiteBuilder.files(site: site, theme: theme)
                out.timings.append(("render", clock.lap()))
            }
            return out
        }
    }

    /// Loads and validates the content and loads the theme; no site when either has errors.
    func prepare() -> (Rendered, (Site, Theme)?) {
        var out = Rendered()
        var clock = StageClock()
        var loader = ContentLoader(directory: options.content, displayRoot: options.contentDisplay, today: options.today)
        loader.baseURLOverride = options.baseURL
        loader.includeDrafts = options.includeDrafts
        loader.baseOriginOverride = options.baseOrigin
        // The theme (its thirty templates parsed, some 6 ms) loads on another thread while the
        // items do, as soon as site.yml has named it, instead of after them with one core idle.
        let themes = options.themes, themesDisplay = options.themesDisplay ?? options.themes.lastPathComponent
        let themeLoad = ThemeLoad()
        if !Parallelism.serial {
            loader.configRead = { config in themeLoad.start { Theme.load(themesDirectory: themes, name: config.theme, displayRoot: themesDisplay) } }
        }
        let loaded = loader.load()
        out.timings.append(("load and validate", clock.lap()))
        out.diagnostics = loaded.diagnostics
        let started = themeLoad.wait()
        guard let site = loaded.site else { return (out, nil) }
        let (theme, themeDiagnostics) = started ?? Theme.load(themesDirectory: themes, name: site.config.theme, displayRoot: themesDisplay)
        out.diagnostics += themeDiagnostics
        guard let theme, !themeDiagnostics.contains(where: { $0.severity == .error }) else { return (out, nil) }
        return (out, (site, theme))
    }

    /// A theme loading on a thread of its own (`prepare`).
    private final class ThemeLoad: @unchecked Sendable {  // `result` is written before `done` is left and read after waiting
        private let done = DispatchGroup()
        private var result: (Theme?, [Diagnostic])?
        private var started = false

        func start(_ load: @escaping @Sendable () -> (Theme?, [Diagnostic])) {
            started = true
            DispatchQueue.global().async(group: done) { self.result = load() }
        }

        /// The theme and its messages, once loaded; nil when it was never started.
        func wait() -> (Theme?, [Diagnostic])? {
            guard started else { return nil }
            done.wait()
            return result
        }
    }

    /// Every output file of a validated site, in a fixed order.
    public static func files(site: Site, theme: Theme) -> ([OutputFile], Int) {
        var all: [OutputFile] = []
        var timings = StageTimings()
        let pages = files(site: site, theme: theme, timings: &timings) { OutputFile.collect($0, into: &all) }
        return (all, pages)
    }

    /// Renders every output file of a validated site in a fixed order and hands them to `sink`
    /// in runs of about `batch` item pages' worth of bytes (see `RenderEnvironment.pageWeight`),
    /// so a caller that writes them need not hold the whole site in memory. The association
    /// exports (`data/associations.*`) grow run by run beside the association pages. The pages
    /// are rendered on all cores and handed over in order, by whichever thread finds a run
    /// finished (`OrderedStream`); `sink` is never called by two threads at once.
    /// Returns the number of HTML pages; `timings` gets the stages (`--timings`).
    /// `batch`: 128 pages (some 1.5 MB) per run. Up to four runs of output wait in memory
    /// (`OrderedStream`); with 256 that was 18 MiB more at the peak of 10,000 associations and
    /// 3,400 more first touches of fresh memory (page faults), and the build was 2% slower.
    public static func files<E: Error>(site: Site, theme: Theme, batch: Int = 128, timings: inout StageTimings,
                                       sink: ([OutputFile]) throws(E) -> Void) throws(E) -> Int {
        var clock = StageClock()
        // The directory cards are rendered by the association jobs, which come first; the
        // directory pages after them find them in `env.cardHTML`.
        var env = RenderEnvironment(site: site, theme: theme, cards: false)
        timings.add("index and cards", clock.lap())
        let ids = PageID.all(site, filters: env.index.filterList)
        let languages = site.config.languages
        let associationIDs = ids.compactMap { id -> String? in if case let .association(slug) = id { slug } else { nil } }
        let export = MarkdownRenderer(basePath: site.config.baseURL)  // absolute image URLs

        // The associations, each in every language with its cards and its export record. Their
        // cards go into the directory in the site's association order, which the runs keep.
        var cards = [[[UInt8]]](repeating: [], count: languages.count)
        var exported = 0
        let associationEnv = env
        try OrderedStream.run(count: associationIDs.count, batch: batch, weight: { _ in languages.count }, produce: { i in
            let slug = associationIDs[i]
            let (pages, record, cards) = associationEnv.renderAssociation(associationEnv.association(slug)!, export: export, cards: true)
            let files = zip(languages, pages).map { language, page in
                OutputFile(path: Routes.file(for: PageID.association(slug).path(associationEnv.routes, language)), bytes: page)
            }
            return (files, record, cards)
        }, consume: { (run: [([OutputFile], AssociationRecord, [[UInt8]])]) throws(E) in
            for r in run {
                for l in languages.indices { cards[l].append(r.2[l]) }
            }
            let records = run.map(\.1)
            var files = run.flatMap(\.0)
            files += Exports.associationBlock(records, generated: site.today, first: exported == 0,
                                              last: exported + records.count == site.associations.count)
            exported += records.count
            try sink(files)
        })
        for (l, language) in languages.enumerated() { env.cardHTML[language] = cards[l] }
        cards = []

        // The other pages, each in every language, and the sitemap, calendars and news feeds:
        // the heaviest first, so that the last jobs, which one core may finish alone, are small.
        let pageEnv = env
        let sitemapParts = OtherJob.sitemapParts(pages: ids.count)
        let others: [OtherJob] = (0..<sitemapParts).map { .sitemap(part: $0, of: sitemapParts) }
            + languages.flatMap { [OtherJob.calendar($0), .feed($0)] } + ids.flatMap { id -> [OtherJob] in
            if case .association = id { return [] }
            return languages.map { .page(id, $0) }
        }
        let weights = others.map { $0.weight(pageEnv, pages: ids.count) }
        let order = others.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        try OrderedStream.run(count: order.count, batch: batch, weight: { weights[order[$0]] }, produce: { k in
            switch others[order[k]] {
            case let .page(id, language):
                return OutputFile(path: Routes.file(for: id.path(pageEnv.routes, language)), bytes: pageEnv.renderBytes(id, language))
            case let .sitemap(part, parts):
                // Appended in order: the parts are next to each other in `others` and weigh the
                // same, so they keep their order in `order`.
                let pages = ids[ids.count * part / parts..<ids.count * (part + 1) / parts]
                let bytes = Sitemap.part(pages, routes: pageEnv.routes, languages: languages, first: part == 0, last: part == parts - 1)
                return OutputFile(path: "sitemap.xml", body: part == 0 ? .bytes(bytes) : .appended([bytes]))
            case let .calendar(language):
                return ICalendar.file(pageEnv, language: language)
            case let .feed(language):
                return AtomFeed.file(pageEnv, language: language)
            }
        }, consume: { (run: [OutputFile]) throws(E) in try sink(run) })
        timings.add("render and write", clock.lap())

        var files: [OutputFile] = []
        if site.associations.isEmpty { files += Exports.associationBlock([], generated: site.today, first: true, last: true) }
        for (path, url) in theme.assets.sorted(by: { $0.key < $1.key }) { files.append(OutputFile(path: path, copyOf: url)) }
        try sink(files)
        timings.add("write assets", clock.lap())
        // The environment holds every card in every language (20,000 arrays on a big site):
        // freed on another thread, while the caller swaps the site in and reports.
        ProcessMemory.freeElsewhere((consume env, consume pageEnv))
        return ids.count * languages.count
    }

    /// A file of the build other than an association's pages.
    private enum OtherJob: Sendable {
        case page(PageID, String)
        /// A run of the sitemap's listings (see `Sitemap.part`).
        case sitemap(part: Int, of: Int)
        case calendar(String)
        case feed(String)

        /// How many parts the sitemap of a site of `pages` pages is made in: about 2,500 pages
        /// each (some 1.5 MB of listings in two languages).
        static func sitemapParts(pages: Int) -> Int { 1 + pages / 2500 }

        /// About its size in item pages (`RenderEnvironment.pageWeight`): a sitemap entry is a
        /// twentieth of a page. Every part of the sitemap weighs the same, the last one too.
        func weight(_ env: RenderEnvironment, pages: Int) -> Int {
            switch self {
            case let .page(id, _): return env.pageWeight(id)
            case let .sitemap(_, parts): return 1 + pages * env.site.config.languages.count / 20 / parts
            case .calendar, .feed: return 1 + (env.site.clock.count + env.site.news.count) / 20
            }
        }
    }

    /// Why the output folder may not be used, or nil. Publishing replaces the whole folder, so it
    /// must not be, contain or lie inside the content or themes, nor hold the working directory.
    public static func outputConflict(_ options: Options, workingDirectory: URL) -> String? {
        func path(_ u: URL) -> String { u.standardizedFileURL.resolvingSymlinksInPath().path }
        func inside(_ a: String, _ b: String) -> Bool { a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/") }
        let out = path(options.output)
        if out == "/" { return "the output folder cannot be /" }
        for (name, url) in [("content", options.content), ("themes", options.themes)] {
            let other = path(url)
            if inside(other, out) || inside(out, other) {
                return "the output folder \(options.output.path) would replace the \(name) folder \(url.path): choose another --output"
            }
        }
        if inside(path(workingDirectory), out) {
            return "the output folder \(options.output.path) holds the current folder, which building would replace: choose another --output"
        }
        return nil
    }

    /// Validates, then renders and writes in runs into a staging folder that replaces the
    /// output only when everything is written.
    public func build() -> Report {
        Parallelism.$serial.withValue(options.singleThreaded || Parallelism.serial) {
            let (prepared, ready) = prepare()
            var report = Report(diagnostics: prepared.diagnostics)
            report.timings = prepared.timings
            guard !report.hasErrors, let (site, theme) = ready else { return report }
            report.site = site
            if let conflict = SiteBuilder.outputConflict(options, workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
                report.ioError = conflict
                return report
            }
            var clock = StageClock()
            var written = 0
            var stages = StageTimings()
            do {
                try Publisher(output: options.output).publish { write in
                    report.pages = try SiteBuilder.files(site: site, theme: theme, timings: &stages) { batch in
                        try write(batch)
                        // A block appended to an export is not a file of its own.
                        written += batch.count { if case .appended = $0.body { false } else { true } }
                    }
                    let images = imageFiles(site)
                    try write(images)
                    written += images.count
                    _ = clock.lap()
                }
            } catch {
                report.ioError = (error as? Publisher.Failure)?.description ?? "\(error)"
            }
            stages.add("swap into place", clock.lap())
            report.files = written
            report.timings += stages.stages
            return report
        }
    }

    /// The validated pictures of `content/images/` (see ContentLoader.imageExtensions).
    func imageFiles(_ site: Site) -> [OutputFile] {
        site.images.map { OutputFile(path: $0, copyOf: options.content.appendingPathComponent($0)) }
    }
}

/// Seconds per named stage, summed when a stage runs in several turns, in the order the stages
/// first ran.
public struct StageTimings: Sendable {
    public private(set) var stages: [(stage: String, seconds: Double)] = []
    public init() {}
    public mutating func add(_ stage: String, _ seconds: Double) {
        if let i = stages.firstIndex(where: { $0.stage == stage }) { stages[i].seconds += seconds } else { stages.append((stage, seconds)) }
    }
}

/// Measures stages of a build in seconds.
struct StageClock {
    var last = DispatchTime.now().uptimeNanoseconds
    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}
