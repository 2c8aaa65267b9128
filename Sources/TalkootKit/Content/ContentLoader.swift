import Foundation

/// Reads `content/` into a validated `Site`, or the diagnostics that say why it cannot.
///
/// Stages: decode site.yml and sectors → list files → find drafts → parse and decode every item
/// in every language, item by item on all cores (references checked against the slugs known
/// from file names, drafts left out).
public struct ContentLoader: Sendable {
    public var directory: URL
    /// How paths are shown in diagnostics, e.g. `content`.
    public var displayRoot: String
    public var today: Day
    /// `--base-url`: replaces site.yml's base_url (for previews under another address).
    public var baseURLOverride: String?
    /// `http://127.0.0.1:8080`: keeps base_url's path under another origin (the preview server).
    public var baseOriginOverride: String?
    /// Items with `draft: true` are left out unless this is set (`--drafts`).
    public var includeDrafts = false
    /// Told site.yml's settings as soon as they are read, before any item: a build starts
    /// loading the theme then, beside the items (see `SiteBuilder.prepare`).
    var configRead: (@Sendable (SiteConfig) -> Void)?

    /// Threads per core that read and parse the item files of a kind, when it has enough of
    /// them to pay for threads of their own (see `parallelMap(threadsPerCore:)`).
    static let readersPerCore = 2

    public init(directory: URL, displayRoot: String? = nil, today: Day) {
        self.directory = directory
        var root = displayRoot ?? directory.lastPathComponent
        while root.hasSuffix("/") && root.count > 1 { root.removeLast() }
        self.displayRoot = root
        self.today = today
    }

    public struct Result: Sendable {
        public var site: Site?
        public var diagnostics: [Diagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// One parsed content file.
    struct ParsedFile: Sendable {
        var path: String
        var fields: YAMLValue
        var body: MarkdownText
    }

    /// A content item's files: the default-language file and its translations.
    struct RawItem: Sendable {
        var kind: ContentKind?
        var slug: String
        var defaultFile: String?
        var translations: [String: String] = [:]
        /// The default file (if any) and the translations, in language order.
        var files: [String] { (defaultFile.map { [$0] } ?? []) + translations.keys.sorted().map { translations[$0]! } }
    }

    func display(_ relative: String) -> String { displayRoot == "." ? relative : displayRoot + "/" + relative }

    public func load() -> Result {
        var log = DiagnosticLog()
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            log.append(Diagnostic(file: displayRoot, message: "the content folder '\(displayRoot)' does not exist",
                                  hint: "run talkoot in the folder that holds content/, or pass --content DIR"))
            return Result(site: nil, diagnostics: log.sorted)
        }

        // site.yml first: the languages decide which file names are translations.
        guard let config = loadConfig(&log) else { return Result(site: nil, diagnostics: log.sorted) }
        configRead?(config)
        let sectors = loadSectors(config: config, &log)
        checkTopLevel(languages: config.languages, &log)

        // List every item file.
        // Each kind's items sorted by slug, a file and its translations together.
        var items: [ContentKind: [RawItem]] = [:]
        for kind in ContentKind.allCases {
            items[kind] = listItems(kind: kind, languages: config.languages, &log)
        }
        let images = listImages(&log)

        // Paths joined as text: URL.appendingPathComponent cost more than reading a small file.
        let folder = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let contentFolder = LocalFiles.Folder(folder)

        // Drafts are among the slugs: a file must be read to know it is one. References to them
        // are checked once every item is decoded (`keep`).
        var slugs: [ContentKind: SortedSlugs] = [:]
        for kind in ContentKind.allCases { slugs[kind] = SortedSlugs(sorted: items[kind]!.compactMap { $0.defaultFile != nil ? $0.slug : nil }) }
        let context = DecodeContext(config: config, sectorIDs: sectors.map(\.id), slugs: slugs, images: images, today: today)

        // The landing page.
        var landing: Localized<LandingPage>?
        var landingRaw = RawItem(kind: nil, slug: "index", defaultFile: "index.md")
        for lang in config.languages.dropFirst() where fm.fileExists(atPath: folder + "index.\(lang).md") { landingRaw.translations[lang] = "index.\(lang).md" }
        var decodedLanding = parseAndDecode(landingRaw, in: contentFolder, context: context, fields: LandingDecoder.fields.adding(["draft"]), decode: LandingDecoder.decode)

        func decodeAll<T: Sendable>(_ kind: ContentKind, fields: FieldNames,
                                    _ decode: @escaping @Sendable (inout FieldReader, MarkdownText, DecodeContext) -> T?) -> [DecodedItem<T>] {
            let fields = fields.adding(["draft"])
            return items[kind]!.parallelMap(threadsPerCore: ContentLoader.readersPerCore) { raw in
                self.parseAndDecode(raw, in: contentFolder, context: context, fields: fields, decode: decode)
            }
        }
        var decodedAssociations = decodeAll(.associations, fields: AssociationDecoder.fields, AssociationDecoder.decode)
        var decodedLiaisons = decodeAll(.liaisons, fields: LiaisonDecoder.fields, LiaisonDecoder.decode)
        var decodedFacilities = decodeAll(.facilities, fields: FacilityDecoder.fields, FacilityDecoder.decode)
        var decodedGrants = decodeAll(.grants, fields: GrantDecoder.fields, GrantDecoder.decode)
        var decodedClock = decodeAll(.clock, fields: ClockEntryDecoder.fields, ClockEntryDecoder.decode)
        var decodedNews = decodeAll(.news, fields: NewsDecoder.fields, NewsDecoder.decode)
        var decodedPages = decodeAll(.pages, fields: PageDecoder.fields, PageDecoder.decode)

        // Drafts (`draft: true` in the default-language file) are left out unless asked for.
        var drafts: [ContentKind: Set<String>] = [:]
        if !includeDrafts {
            func note<T>(_ kind: ContentKind, _ decoded: [DecodedItem<T>]) { drafts[kind] = Set(decoded.filter(\.isDraft).map(\.slug)) }
            note(.associations, decodedAssociations)
            note(.liaisons, decodedLiaisons)
            note(.facilities, decodedFacilities)
            note(.grants, decodedGrants)
            note(.clock, decodedClock)
            note(.news, decodedNews)
            note(.pages, decodedPages)
        }
        let hasDrafts = drafts.values.contains { !$0.isEmpty }
        // Moves each item out of `decoded` (`take`): copying 10,000 of them and then freeing the
        // originals, on one thread, was 3% of `check`.
        func keep<T>(_ decoded: inout [DecodedItem<T>]) -> [Localized<T>] {
            var out: [Localized<T>] = []
            out.reserveCapacity(decoded.count)
            for i in decoded.indices {
                // A draft's files are still read, so that a broken draft does not go unnoticed;
                // what its fields say is its own business until it is published.
                log.append(contentsOf: decoded[i].fileDiagnostics)
                if decoded[i].isDraft && !includeDrafts { continue }
                log.append(contentsOf: decoded[i].decodeDiagnostics)
                if hasDrafts {
                    for r in decoded[i].references where drafts[r.kind]?.contains(r.slug) == true { log.append(draftReference(r)) }
                }
                if let item = decoded[i].item.take() { out.append(item) }
            }
            return out
        }
        let associations = keep(&decodedAssociations)
        let liaisons = keep(&decodedLiaisons)
        let facilities = keep(&decodedFacilities)
        let grants = keep(&decodedGrants)
        let clock = keep(&decodedClock)
        let news = keep(&decodedNews)
        let pages = keep(&decodedPages)
        // What is left of the decoded items (their references and slugs) and of the file list:
        // tens of thousands of small allocations, freed on another thread, not before the
        // diagnostics can be printed.
        var listed: [ContentKind: [RawItem]] = [:]
        swap(&listed, &items)  // `items` is captured by `decodeAll`, so it cannot be consumed
        ProcessMemory.freeElsewhere((consume decodedAssociations, consume decodedLiaisons, consume decodedFacilities,
                                     consume decodedGrants, consume decodedClock, consume decodedNews, consume decodedPages,
                                     consume listed))

        // The landing page is never a draft: it is the section's front page.
        decodedLanding.isDraft = false
        var landingDecoded = [decodedLanding]
        let landingItem = keep(&landingDecoded).first
        if fm.fileExists(atPath: folder + "index.md") {
            landing = landingItem
        } else {
            log.append(Diagnostic(file: display("index.md"), message: "index.md is missing: it holds the landing page's introduction",
                                  hint: "create content/index.md with front matter (---, ---) and a few paragraphs"))
        }

        // Each area gets a directory filter page: names must give distinct, non-empty addresses
        // (site.yml's list is checked when it is read; this covers sites without one).
        if config.areas.isEmpty {
            var seen: [String: String] = [:]
            for a in associations {
                guard let area = a.primary.area else { continue }
                let slug = Slug.make(from: area)
                if slug.isEmpty {
                    log.append(Diagnostic(file: a.sourcePath, field: "area", message: "area '\(area)' gives no page address: use Latin letters or digits"))
                } else if let other = seen[slug], other != area {
                    log.append(Diagnostic(file: a.sourcePath, field: "area", message: "area '\(area)' and '\(other)' would share one page address ('\(slug)')",
                                          hint: "write the area the same way everywhere, or list the areas in site.yml"))
                } else {
                    seen[slug] = area
                }
            }
        }
        if !liaisons.contains(where: { $0.primary.role == .liaison }) {
            log.append(Diagnostic(file: display("liaisons"), severity: .warning, message: "no liaison (role: liaison) is named",
                                  hint: "an association-friendly municipality names its liaison: talkoot new liaison \"Name\""))
        }

        let diagnostics = log.sorted
        guard !log.hasErrors, let landing else { return Result(site: nil, diagnostics: diagnostics) }
        let site = Site(config: config, sectors: sectors, landing: landing, associations: associations, liaisons: liaisons,
                        facilities: facilities, grants: grants, clock: clock, news: news, pages: pages,
                        images: images.sorted(), today: today)
        return Result(site: site, diagnostics: diagnostics)
    }

    // MARK: - stages

    func loadConfig(_ log: inout DiagnosticLog) -> SiteConfig? {
        let url = directory.appendingPathComponent("site.yml")
        if LocalFiles.isLink(url.path) {
            log.append(ContentLoader.linkNotRead(display("site.yml"), "site.yml", hint: "copy the file itself into content/"))
            return nil
        }
        guard let raw = try? String(contentsOf: url, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            log.append(Diagnostic(file: display("site.yml"), message: exists ? "site.yml is not valid UTF-8 text" : "site.yml is missing: it holds the section's settings",
                                  hint: exists ? nil : FileManager.default.fileExists(atPath: directory.appendingPathComponent("site.yaml").path)
                                      ? "found site.yaml: rename it to site.yml" : "create content/site.yml with at least municipality, base_url and contact_email (see docs/content-format.md), or start a new content repository with talkoot init DIR"))
            return nil
        }
        guard let value = YAMLReader.parse(FrontMatterFile.normalise(raw), file: display("site.yml"), lineOffset: 0, log: &log) else { return nil }
        let (decoded, ds) = SiteConfigDecoder.decode(value)
        log.append(contentsOf: ds)
        guard var config = decoded else { return nil }
        if let origin = baseOriginOverride {
            // `talkoot serve`: same path as base_url, served from this origin.
            config.baseURL = origin + config.basePath
        }
        if let override = baseURLOverride {
            guard AddressCheck.isWebURL(override) else {
                log.append(Diagnostic(file: "--base-url", message: "--base-url must start with https:// or http://, found '\(override)'"))
                return nil
            }
            config.baseURL = override.hasSuffix("/") ? override : override + "/"
        }
        return config
    }

    func loadSectors(config: SiteConfig, _ log: inout DiagnosticLog) -> [Sector] {
        let url = directory.appendingPathComponent("sectors.yml")
        if LocalFiles.isLink(url.path) {
            log.append(ContentLoader.linkNotRead(display("sectors.yml"), "sectors.yml", hint: "copy the file itself into content/"))
            return Sector.builtIn
        }
        guard FileManager.default.fileExists(atPath: url.path) else { return Sector.builtIn }
        guard let raw = try? String(contentsOf: url, encoding: .utf8),
              let value = YAMLReader.parse(FrontMatterFile.normalise(raw), file: display("sectors.yml"), lineOffset: 0, log: &log) else { return Sector.builtIn }
        let (sectors, ds) = SiteConfigDecoder.decodeSectors(value, languages: config.languages)
        log.append(contentsOf: ds)
        return sectors.isEmpty ? Sector.builtIn : sectors
    }

    /// Files and folders at the top of `content/` that talkoot would not read: a landing page
    /// translation for a language the site does not have is an error (as for items); a misnamed
    /// settings file or folder is a warning, so that nothing is left out without a word.
    func checkTopLevel(languages: [String], _ log: inout DiagnosticLog) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        let folders = ContentKind.allCases.map(\.rawValue) + ["images"]
        for name in names.sorted() where !name.hasPrefix(".") {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDir)
            if isDir.boolValue {
                guard !folders.contains(name) else { continue }
                log.append(Diagnostic(file: display(name), severity: .warning, message: "the folder '\(name)' is not read: its files are ignored",
                                      hint: Suggestion.closest(to: name, in: folders).map { "did you mean '\($0)'?" }
                                          ?? "content folders: \(folders.joined(separator: ", "))"))
                continue
            }
            if name.hasPrefix("index.") && name.hasSuffix(".md") && name != "index.md" {
                let language = String(name.dropFirst(6).dropLast(3))
                if language == languages[0] {
                    log.append(Diagnostic(file: display(name), message: "'\(language)' is the default language: its text belongs in index.md"))
                } else if !languages.contains(language) {
                    log.append(Diagnostic(file: display(name), message: "'\(language)' is not one of the site's languages (\(languages.joined(separator: ", ")))",
                                          hint: "add it to 'languages' in site.yml or rename the file"))
                }
            } else if name == "sectors.yaml" || name == "site.yaml" {
                let right = String(name.dropLast(5)) + ".yml"
                log.append(Diagnostic(file: display(name), severity: .warning, message: "\(name) is not read: the file must be called \(right)",
                                      hint: "rename it to \(right)"))
            } else if name.hasSuffix(".md") && name != "index.md" {
                log.append(Diagnostic(file: display(name), severity: .warning, message: "\(name) is not read: content files go in a folder such as pages/",
                                      hint: "move it to pages/\(name) to publish it as a page"))
            }
        }
    }

    func listItems(kind: ContentKind, languages: [String], _ log: inout DiagnosticLog) -> [RawItem] {
        let folder = directory.appendingPathComponent(kind.rawValue)
        if LocalFiles.isLink(folder.path) {
            log.append(ContentLoader.linkNotRead(display(kind.rawValue), "the folder \(kind.rawValue)/",
                                                 hint: "keep the \(kind.singular) files themselves in content/\(kind.rawValue)/"))
            return []
        }
        guard let entries = LocalFiles.list(folder.path) else { return [] }
        // Each name is looked at on its own, on all cores for a big folder (the listing runs
        // before any file is read, with the other core idle: ten thousand names took 20 ms),
        // and the findings are gathered in the listing's order.
        let reserved = kind == .associations ? Routes.reservedAssociationSlugs : []
        let listed = entries.parallelMap(minimumCount: 1_000) { self.classify($0, kind: kind, languages: languages, reserved: reserved) }
        // The files first, then grouped by slug: a sorted list keeps a file and its translations
        // side by side without a dictionary of items that would be sorted again anyway.
        var files: [ListedFile] = []
        files.reserveCapacity(listed.count)
        for entry in listed {
            switch entry {
            case let .file(file): files.append(file)
            case let .finding(d): log.append(d)
            case .ignored: break
            }
        }
        // Slugs are ASCII, where byte order is String order; comparing bytes skips the Unicode rules.
        var items: [RawItem] = []
        items.reserveCapacity(files.count)
        for file in files.sortedInByteOrder(by: \.slug) {
            if items.isEmpty || items[items.count - 1].slug != file.slug { items.append(RawItem(kind: kind, slug: file.slug)) }
            if let language = file.language { items[items.count - 1].translations[language] = file.path } else { items[items.count - 1].defaultFile = file.path }
        }
        for item in items where item.defaultFile == nil {
            for (_, path) in item.translations.sorted(by: { $0.key < $1.key }) {
                log.append(Diagnostic(file: display(path), message: "translation without a default-language file: \(kind.rawValue)/\(item.slug).md does not exist",
                                      hint: "create \(kind.rawValue)/\(item.slug).md, or rename this file"))
            }
        }
        return items
    }

    /// A file of an item folder that is read: its slug, its language (nil for the default one)
    /// and its path under content/.
    struct ListedFile: Sendable {
        var slug: String
        var language: String?
        var path: String
    }

    /// What one entry of an item folder is: a file to read, something to tell the liaison, or
    /// nothing (hidden files).
    enum ListedEntry: Sendable {
        case file(ListedFile)
        case finding(Diagnostic)
        case ignored
    }

    /// Looks at one entry of `kind`'s folder on its bytes: file names are checked as bytes
    /// anyway, and a suffix test or cut on Characters went through the grapheme rules.
    func classify(_ entry: LocalFiles.Entry, kind: ContentKind, languages: [String], reserved: Set<String>) -> ListedEntry {
        let name = entry.name
        if name.utf8.first == UInt8(ascii: ".") { return .ignored }
        let rel = concat(kind.rawValue, "/", name)
        if entry.isLink {
            return .finding(ContentLoader.linkNotRead(display(rel), "the file", hint: "copy the file itself into content/\(kind.rawValue)/"))
        }
        if entry.isFolder {
            return .finding(Diagnostic(file: display(rel), severity: .warning, message: "folders inside \(kind.rawValue)/ are not read: '\(name)' is ignored",
                                       hint: "put each \(kind.singular) file directly in \(kind.rawValue)/"))
        }
        guard name.utf8.count > 3, name.utf8.suffix(3).elementsEqual(".md".utf8) else {
            let lower = name.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") {
                // Clearly meant as content: leaving it out silently would lose an item.
                let stem = name.prefix(upTo: name.lastIndex(of: ".")!)
                return .finding(Diagnostic(file: display(rel), message: "content files must end in '.md' (lowercase): '\(name)' would be left out",
                                           hint: "rename it to \(stem).md"))
            }
            return .finding(Diagnostic(file: display(rel), severity: .warning, message: "not a Markdown file (.md): ignored"))
        }
        let stem = String(Substring(name.utf8.dropLast(3)))
        // Most names have no other dot: no need to split them (on the bytes: a split on
        // Characters cost some 15,000 instructions a name).
        let parts = stem.containsByte(UInt8(ascii: "."))
            ? stem.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { String(Substring($0)) }
            : [stem]
        var slug = stem
        var language: String?
        if parts.count == 2 {
            slug = parts[0]
            language = parts[1]
        } else if parts.count > 2 {
            return .finding(Diagnostic(file: display(rel), message: "file name '\(name)' has too many dots: use slug.md or slug.LANG.md"))
        }
        guard Slug.isValid(slug) else {
            return .finding(Diagnostic(file: display(rel), field: "slug",
                                       message: "file name '\(slug)' is not a valid slug: use lowercase a-z, 0-9 and '-', at most 80 characters",
                                       hint: "rename the file to \(Slug.make(from: slug).isEmpty ? "a valid slug" : Slug.make(from: slug) + (language.map { ".\($0)" } ?? "") + ".md")"))
        }
        // The association directory's filter pages live beside the association pages.
        if !reserved.isEmpty && reserved.contains(slug) {
            return .finding(Diagnostic(file: display(rel), field: "slug",
                                       message: "the file name '\(slug)' is reserved for a page of the association directory (its filter pages use it)",
                                       hint: "rename the file, e.g. to \(slug)-ry\(language.map { ".\($0)" } ?? "").md"))
        }
        if let language {
            guard languages.contains(language) else {
                return .finding(Diagnostic(file: display(rel), message: "'\(language)' is not one of the site's languages (\(languages.joined(separator: ", ")))",
                                           hint: "add it to 'languages' in site.yml or rename the file"))
            }
            if language == languages[0] {
                return .finding(Diagnostic(file: display(rel), message: "'\(language)' is the default language: its text belongs in \(slug).md"))
            }
        }
        return .file(ListedFile(slug: slug, language: language, path: rel))
    }

    /// Image types that are published. Anything else under images/ (HTML, SVG with scripts,
    /// documents) could run on the municipality's own domain, so it is an error.
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "webp", "gif", "avif"]

    func listImages(_ log: inout DiagnosticLog) -> Set<String> {
        let root = directory.appendingPathComponent("images")
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: Set<String> = []
        while let p = e.nextObject() as? String {
            guard !p.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            let url = root.appendingPathComponent(p)
            let values = try? url.resourceValues(forKeys: [.isSymbolicLinkKey, .isDirectoryKey])
            if values?.isSymbolicLink == true {
                log.append(Diagnostic(file: display("images/" + p), message: "a link (symlink) is not published: it could point outside content/",
                                      hint: "copy the picture itself into content/images/"))
                continue
            }
            if values?.isDirectory == true { continue }
            guard ContentLoader.imageExtensions.contains(url.pathExtension.lowercased()) else {
                log.append(Diagnostic(file: display("images/" + p), message: "only pictures are published from images/: png, jpg, jpeg, webp, gif or avif",
                                      hint: "link documents from their own address, or convert the picture"))
                continue
            }
            out.insert("images/" + p)
        }
        return out
    }

    /// Links are not followed: a link in the content repository could publish any file of the
    /// machine that builds it (images/ has its own message, as a picture there is published).
    static func linkNotRead(_ file: String, _ what: String, hint: String) -> Diagnostic {
        Diagnostic(file: file, message: "\(what) is a link (symlink) and is not read: it could point outside content/", hint: hint)
    }

    static func parseFile(atPath path: String, in folder: LocalFiles.Folder? = nil, display: String, log: inout DiagnosticLog) -> ParsedFile? {
        guard let data = LocalFiles.read(path, in: folder) else {
            log.append(LocalFiles.isLink(folder.map { $0.path + path } ?? path)
                ? linkNotRead(display, "the file", hint: "copy the file itself into content/")
                : Diagnostic(file: display, message: "the file cannot be read"))
            return nil
        }
        return parse(data, display: display, log: &log)
    }

    /// A file's bytes as front matter and body. Most files split on their bytes as read; the
    /// others (a BOM, CRLF line ends, a misplaced fence, bytes that are not UTF-8) take the
    /// general path, which also says what is wrong.
    static func parse(_ data: [UInt8], display: String, log: inout DiagnosticLog) -> ParsedFile? {
        if let parsed = parseFast(data, display: display) { return parsed }
        var split = FrontMatterFile.splitFast(bytes: data, path: display)
        if split == nil {
            guard let raw = String(validating: data, as: UTF8.self) else {
                log.append(Diagnostic(file: display, message: "the file is not UTF-8 text", hint: "save it as UTF-8 in your editor"))
                return nil
            }
            split = FrontMatterFile.split(raw, path: display, log: &log)
        }
        guard let split, let value = YAMLReader.parse(split.yaml, file: display, lineOffset: split.yamlLineOffset, log: &log) else { return nil }
        return ParsedFile(path: display, fields: value, body: MarkdownText(source: split.body, file: display, line: split.bodyLine))
    }

    /// The common case, with nothing to report: the front matter read by the fast reader where
    /// it lies in the file's bytes and the body kept as bytes, both checked as UTF-8 by
    /// `UTF8Check` (no `String` of either is made, whose initializer checks every byte again at
    /// some ten instructions each). Nil for anything else (no fences, CR line ends, bytes that
    /// are not UTF-8, YAML the fast reader leaves to Yams): `parse` then takes the general
    /// path, which gives the same value or the diagnostics.
    static func parseFast(_ data: [UInt8], display: String) -> ParsedFile? {
        data.withUnsafeBufferPointer { b -> ParsedFile? in
            guard let parts = FrontMatterFile.parts(b) else { return nil }
            let yaml = UnsafeBufferPointer(rebasing: b[parts.yaml])
            let body = UnsafeBufferPointer(rebasing: b[parts.body])
            guard UTF8Check.isValid(yaml), UTF8Check.isValid(body),
                  let fields = FrontMatterYAML.parse(bytes: yaml, file: display, lineOffset: 1) else { return nil }
            return ParsedFile(path: display, fields: fields, body: MarkdownText(bytes: Array(body), file: display, line: parts.bodyLine))
        }
    }

    /// One item as read from its files, before drafts are left out.
    struct DecodedItem<T: Sendable>: Sendable {
        var slug: String
        var item: Localized<T>?
        /// `draft: true` in the default-language file.
        var isDraft: Bool
        /// Problems reading and parsing the files: reported for drafts too.
        var fileDiagnostics: [Diagnostic]
        /// Problems in the fields and bodies: not reported for a draft that is left out.
        var decodeDiagnostics: [Diagnostic]
        /// The items its fields name.
        var references: [ItemReference]
    }

    /// Parses an item's files (paths relative to `folder`) and decodes them. Each item's YAML
    /// trees live only while it is decoded, on the thread that built them: holding every tree until
    /// all items were decoded took 70 MB for 10,000 associations, and their freed pages stayed
    /// with the build. Each file is read once: whether the item is a draft is read from the same tree.
    func parseAndDecode<T: Sendable>(_ raw: RawItem, in folder: LocalFiles.Folder, context: DecodeContext, fields: FieldNames,
                                     decode: (inout FieldReader, MarkdownText, DecodeContext) -> T?) -> DecodedItem<T> {
        var fileLog = DiagnosticLog()
        var parsed: [String: ParsedFile] = [:]
        for file in raw.files {
            if let p = ContentLoader.parseFile(atPath: file, in: folder, display: display(file), log: &fileLog) { parsed[file] = p }
        }
        let isDraft = raw.defaultFile.flatMap { parsed[$0] }.map { ContentLoader.isDraft($0.fields) } ?? false
        let decoded = decodeItem(raw, parsed: parsed, context: context, fields: fields, decode: decode)
        return DecodedItem(slug: raw.slug, item: decoded.item, isDraft: isDraft, fileDiagnostics: fileLog.items,
                           decodeDiagnostics: decoded.diagnostics, references: decoded.references)
    }

    /// An item decoded in every language, with what its fields said and named.
    struct Decoded<T: Sendable>: Sendable {
        var item: Localized<T>?
        var diagnostics: [Diagnostic]
        var references: [ItemReference]
    }

    /// The error for a field that names a draft: the draft is not published, so the link would
    /// lead nowhere.
    func draftReference(_ r: ItemReference) -> Diagnostic {
        let file = display("\(r.kind.rawValue)/\(r.slug).md")
        return Diagnostic(file: r.position.file, line: r.position.line, column: r.position.column, severity: .error, field: r.field,
                          message: "'\(r.field)' names the \(r.kind.singular) '\(r.slug)', which is a draft (draft: true) and is not published",
                          hint: "publish it by removing 'draft: true' from \(file), or leave it out of '\(r.field)' until then")
    }

    /// Decodes one item in every language: a translation overrides the default file field by field.
    /// `fields` includes `draft`, which every item file may have.
    func decodeItem<T: Sendable>(_ raw: RawItem, parsed: [String: ParsedFile], context: DecodeContext, fields: FieldNames,
                                 decode: (inout FieldReader, MarkdownText, DecodeContext) -> T?) -> Decoded<T> {
        var log = DiagnosticLog()
        guard let defaultPath = raw.defaultFile, let base = parsed[defaultPath] else { return Decoded(item: nil, diagnostics: [], references: []) }
        let languages = context.config.languages
        var versions: [String: T] = [:]
        var translated: Set<String> = [languages[0]]
        var failed = false

        var r = FieldReader(base.fields, allowed: fields)
        _ = r.bool("draft")
        let primary = decode(&r, base.body, context)
        log.append(contentsOf: r.log.items)
        var references = r.references
        if primary == nil { failed = true }
        let rawHTMLAllowed = raw.kind == .pages && context.config.allowRawHTMLInPages
        log.append(contentsOf: MarkdownBodyCheck.check(base.body, rawHTMLAllowed: rawHTMLAllowed, images: context.images))
        // Findings that are about the whole item (a missing field, "no way to contact"), by what they say.
        let itemFindings = Set(r.log.items.filter { $0.line == base.fields.position.line && $0.column == base.fields.position.column }
            .map { [$0.severity.rawValue, $0.field, $0.message] })

        for lang in languages.dropFirst() {
            guard let path = raw.translations[lang] else { continue }
            guard let t = parsed[path] else { failed = true; continue }
            translated.insert(lang)
            let merged = ContentLoader.overlay(base.fields, with: t.fields)
            let body = t.body.isBlank ? base.body : t.body
            var tr = FieldReader(merged, allowed: fields)
            let version = decode(&tr, body, context)
            // Findings about the default file were reported above; keep the translation's own. A finding
            // about the whole item that the default file has too is placed at the translation's first
            // line only because the merged fields start there: it belongs to the default file.
            let start = t.fields.position
            log.append(contentsOf: tr.log.items.filter { d in
                if d.file != t.path { return d.severity == .error }
                let atStart = d.line == start.line && d.column == start.column
                return !(atStart && itemFindings.contains([d.severity.rawValue, d.field, d.message]))
            })
            if !t.body.isBlank { log.append(contentsOf: MarkdownBodyCheck.check(t.body, rawHTMLAllowed: rawHTMLAllowed, images: context.images)) }
            references += tr.references
            if version == nil { failed = true }
            versions[lang] = version
        }
        guard !failed, let primary else { return Decoded(item: nil, diagnostics: log.items, references: references) }
        // The versions go into the item as they are: storing the primary among them for a moment
        // and filtering them again copied every association whole twice.
        let item = Localized(slug: raw.slug, sourcePath: base.path, primary: primary, translations: versions,
                             translated: translated, defaultLanguage: languages[0])
        return Decoded(item: item, diagnostics: log.items, references: references)
    }

    /// Whether a default-language file's fields mark it `draft: true`.
    static func isDraft(_ fields: YAMLValue) -> Bool {
        guard case let .mapping(entries) = fields.kind, let e = entries.first(where: { $0.key == "draft" }) else { return false }
        return ["true", "yes", "on"].contains(e.value.scalarText?.lowercased() ?? "")
    }

    /// The default file's fields with the translation's top-level fields put over them.
    static func overlay(_ base: YAMLValue, with translation: YAMLValue) -> YAMLValue {
        guard case var .mapping(entries) = base.kind, case let .mapping(overrides) = translation.kind else { return translation }
        for o in overrides {
            if let i = entries.firstIndex(where: { $0.key == o.key }) { entries[i] = o } else { entries.append(o) }
        }
        return YAMLValue(kind: .mapping(entries), position: translation.position)
    }
}
