import Foundation

/// `data/associations.json` (content model, "Machine-readable exports"): every association in
/// its default-language version, every published front matter field under its own snake_case
/// key in content-model order, plus `slug`, `url` and `description_html`. The schema is
/// `docs/associations.schema.json`; `docs/open-data.md` explains the fields.
///
/// Every key is always present (absent values are `null`, `[]` or `{}`), so the field order and
/// the set of keys never change between associations or builds. A contact person is exported
/// only with consent, exactly as on the pages.
enum AssociationsJSON {
    static let path = "data/associations.json"

    /// The file's text for one block of records, as pieces: the opening with the first block,
    /// the closing with the last. Records are built on all cores (AssociationRecord.all); the
    /// separators are pieces of their own, so no record is copied.
    static func pieces(_ records: [AssociationRecord], generated: Day, first: Bool, last: Bool) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        chunks.reserveCapacity(records.count * 2 + 4)
        if first { chunks.append(Array("{\n  \"generated\": \"\(generated.iso)\",\n  \"associations\": ".utf8)) }
        if first && last && records.isEmpty {
            chunks.append(Array("[]".utf8))
        } else {
            let opening = Array("[\n    ".utf8), next = Array(",\n    ".utf8)
            for (i, r) in records.enumerated() {
                chunks.append(first && i == 0 ? opening : next)
                chunks.append(r.json)
            }
            if last { chunks.append(Array("\n  ]".utf8)) }
        }
        if last { chunks.append(Array("\n}\n".utf8)) }
        return chunks
    }
}

/// One association as exported: built once, written as JSON and as a CSV row.
struct AssociationRecord: Sendable {
    /// The JSON object, pretty-printed as an item of the `associations` array.
    var json: [UInt8]
    /// The CSV row, columns in `AssociationsCSV.columns` order, with its CRLF.
    var csv: [UInt8]

    /// Records of `associations` (in slug order), built on all cores.
    static func all(_ env: RenderEnvironment, _ associations: ArraySlice<Localized<Association>>) -> [AssociationRecord] {
        // Markdown with images pointing at absolute URLs: the export is read away from the site.
        let markdown = MarkdownRenderer(basePath: env.site.config.baseURL)
        let routes = env.routes
        let language = env.site.config.defaultLanguage
        return Array(associations).parallelMap { item in
            make(item, routes: routes, language: language, markdown: markdown)
        }
    }

    /// `descriptionHTML`: the body's HTML when the caller has it already and it does not
    /// depend on where it is shown; otherwise `markdown` renders it.
    static func make(_ item: Localized<Association>, routes: Routes, language: String, markdown: MarkdownRenderer,
                     descriptionHTML: [UInt8]? = nil) -> AssociationRecord {
        let a = item.primary
        let url = routes.absolute(routes.item(.associations, item.slug, language))
        let logo = a.logo.map { routes.absolute($0.path) }
        let extra = a.extra.sorted { $0.key < $1.key }
        // As UTF-8 bytes (cmark's, valid): a String of a whole body's HTML was validated again
        // only to be written out as bytes.
        let description = descriptionHTML ?? markdown.htmlBytes(a.body)

        // The nested values (contact person, social links, activities, extra) are written as
        // they are read, by the same functions into the JSON record and, compact, into their CSV
        // cells: a JSONValue tree of each, made only to be written twice, was a third of a record.
        func text(_ w: inout JSONWriter, _ key: StaticString, _ value: String?, base: Int) {
            if let value { w.member(key, value, base: base) } else { w.member(key, .null, base: base) }
        }
        func texts(_ w: inout JSONWriter, _ key: StaticString, _ values: [String], base: Int) {
            w.key(key, base: base)
            w.openContainer(array: true)
            for v in values { w.item(v, base: base) }
            w.closeContainer(array: true, base: base)
        }
        func contact(_ w: inout JSONWriter, _ p: ContactPerson, base: Int) {
            w.openContainer()
            text(&w, "name", p.name, base: base)
            text(&w, "role", p.role, base: base)
            text(&w, "phone", p.phone?.display, base: base)
            text(&w, "email", p.email, base: base)
            w.closeContainer(base: base)
        }
        func social(_ w: inout JSONWriter, base: Int) {
            w.openContainer()
            for k in a.social.indices {
                w.key(text: a.social[k].name, base: base)
                w.value(a.social[k].url)
            }
            w.closeContainer(base: base)
        }
        func activities(_ w: inout JSONWriter, base: Int) {
            w.openContainer(array: true)
            for k in a.activities.indices {
                let act = a.activities[k]
                w.nextItem(base: base)
                w.openContainer()
                text(&w, "name", act.name, base: base)
                text(&w, "when", act.when, base: base)
                text(&w, "where", act.place.map(placeText), base: base)
                texts(&w, "audience", act.audience, base: base)
                text(&w, "cost", act.cost, base: base)
                w.closeContainer(base: base)
            }
            w.closeContainer(array: true, base: base)
        }
        func extras(_ w: inout JSONWriter, base: Int) {
            w.openContainer()
            for (key, value) in extra {
                w.key(text: key, base: base)
                w.value(value)
            }
            w.closeContainer(base: base)
        }
        /// A CSV cell with the compact JSON of a nested value; empty for an empty list or object.
        /// As the writer's bytes: a String of them checked every byte again (the activities of
        /// an association are a kilobyte or more).
        func cell(_ isEmpty: Bool, _ write: (inout JSONWriter) -> Void) -> AssociationsCSV.Cell {
            if isEmpty { return .text("") }
            var w = JSONWriter(pretty: false)
            write(&w)
            return .bytes(w.bytes)
        }

        let p = a.publicContactPerson
        func joined(_ l: [String]) -> String { join(l, separator: "; ") }
        let cells: [AssociationsCSV.Cell] = [
            .text(item.slug), .text(url), .text(a.name), .text(a.summary), .text(joined(a.sectors)), .text(a.area ?? ""),
            .text(a.registerNumber ?? ""), .text(a.founded.map(String.init) ?? ""), .text(a.website ?? ""), .text(a.email ?? ""),
            .text(a.phone?.display ?? ""), .text(p?.name ?? ""), .text(p?.role ?? ""), .text(p?.phone?.display ?? ""), .text(p?.email ?? ""),
            cell(a.social.isEmpty) { social(&$0, base: 0) }, .text(joined(a.targetGroups)), .text(joined(a.languages)), .text(joined(a.meetsAt)),
            cell(a.activities.isEmpty) { activities(&$0, base: 0) },
            .text(a.membership ?? ""), .text(a.volunteersWanted ? "true" : "false"), .text(a.volunteerTasks ?? ""), .text(logo ?? ""),
            .text(a.updated.iso), cell(extra.isEmpty) { extras(&$0, base: 0) },
        ]
        // The object, written as it is made (no JSONValue of the whole record first), as an item
        // of the `associations` array: two levels deep.
        var w = JSONWriter(pretty: true)
        w.openContainer()
        text(&w, "slug", item.slug, base: 2)
        text(&w, "url", url, base: 2)
        text(&w, "name", a.name, base: 2)
        text(&w, "summary", a.summary, base: 2)
        texts(&w, "sectors", a.sectors, base: 2)
        text(&w, "area", a.area, base: 2)
        text(&w, "register_number", a.registerNumber, base: 2)
        w.member("founded", a.founded.map(JSONValue.int) ?? .null, base: 2)
        text(&w, "website", a.website, base: 2)
        text(&w, "email", a.email, base: 2)
        text(&w, "phone", a.phone?.display, base: 2)
        w.key("contact_person", base: 2)
        if let p { contact(&w, p, base: 2) } else { w.value(.null) }
        w.key("social", base: 2)
        social(&w, base: 2)
        texts(&w, "target_groups", a.targetGroups, base: 2)
        texts(&w, "languages", a.languages, base: 2)
        texts(&w, "meets_at", a.meetsAt, base: 2)
        w.key("activities", base: 2)
        activities(&w, base: 2)
        text(&w, "membership", a.membership, base: 2)
        w.member("volunteers_wanted", .bool(a.volunteersWanted), base: 2)
        text(&w, "volunteer_tasks", a.volunteerTasks, base: 2)
        text(&w, "logo", logo, base: 2)
        text(&w, "updated", a.updated.iso, base: 2)
        w.key("extra", base: 2)
        extras(&w, base: 2)
        w.member("description_html", utf8: description, base: 2)
        w.closeContainer(base: 2)
        let row = ByteBuffer.array(capacity: w.count) { AssociationsCSV.row(cells, last: description, into: &$0) }
        return AssociationRecord(json: w.bytes, csv: row)
    }

    static func placeText(_ p: PlaceRef) -> String {
        switch p {
        case let .facility(slug): return slug
        case let .text(s): return s
        }
    }
}

// MARK: - A small JSON writer

/// A JSON value whose objects keep their keys in the order given: the exports and the JSON-LD
/// are written in a fixed, documented field order, byte for byte the same on every build.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])
}

/// Writes `JSONValue`s as UTF-8 JSON (RFC 8259). Non-ASCII text is written as is; control
/// characters, U+2028 and U+2029 are escaped. With `scriptSafe`, `<`, `>` and `&` are escaped too,
/// so the text can sit inside an HTML `<script>` element whatever the content says.
///
/// Into a `ByteBuffer`, not an array: a record or a page's JSON-LD is some hundred small writes
/// (a quote, a colon, two spaces of indentation), and each `Array.append` checked the array's
/// uniqueness and capacity through its storage first.
struct JSONWriter: ~Copyable {
    var pretty: Bool
    var scriptSafe = false
    private var out = ByteBuffer(capacity: 1024)

    init(pretty: Bool, scriptSafe: Bool = false) {
        self.pretty = pretty
        self.scriptSafe = scriptSafe
    }

    /// What was written, as an array of exactly its size.
    var bytes: [UInt8] { out.array }
    var count: Int { out.count }

    var string: String { out.withBytes { String(decoding: $0, as: UTF8.self) } }

    mutating func write(_ v: JSONValue) { write(v, depth: 0) }

    /// Writes a value that sits `depth` levels deep in a pretty-printed document.

    private mutating func raw(_ s: StaticString) {
        out.append(s)
    }

    /// A line break and two spaces per level, copied at once from a line of them (the export
    /// is 30 MB at 10,000 associations, most lines indented five or six levels).
    private mutating func indent(_ depth: Int) {
        guard pretty else { return }
        let line: StaticString = "\n                                "
        let n = 1 + 2 * depth
        if n <= line.utf8CodeUnitCount {
            out.append(UnsafeBufferPointer(start: line.utf8Start, count: n))
        } else {
            out.append(0x0A)
            for _ in 0..<depth { out.append(0x20); out.append(0x20) }
        }
    }

    mutating func write(_ v: JSONValue, depth: Int) {
        switch v {
        case .null: raw("null")
        case let .bool(b): if b { raw("true") } else { raw("false") }
        case let .int(i): out.append(String(i))
        case let .double(d):
            // Swift prints the shortest text that reads back as the same Double.
            if d.isFinite { out.append(d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) } else { raw("null") }
        case let .string(s): writeString(s)
        case let .array(items):
            if items.isEmpty { raw("[]"); return }
            out.append(0x5B)
            // Items and pairs are read in place: `enumerated()` copied each one (its strings and
            // nested arrays retained and released again).
            items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    if i > 0 { out.append(0x2C) }
                    indent(depth + 1)
                    write(items[i], depth: depth + 1)
                }
            }
            indent(depth)
            out.append(0x5D)
        case let .object(pairs):
            if pairs.isEmpty { raw("{}"); return }
            out.append(0x7B)
            pairs.withUnsafeBufferPointer { pairs in
                for i in pairs.indices {
                    if i > 0 { out.append(0x2C) }
                    indent(depth + 1)
                    writeString(pairs[i].0)
                    out.append(0x3A)
                    if pretty { out.append(0x20) }
                    write(pairs[i].1, depth: depth + 1)
                }
            }
            indent(depth)
            out.append(0x7D)
        }
    }

    // MARK: streaming

    /// How many containers are open, and whether each has a member yet (bit `d` for the one at
    /// depth `d`): `open`/`member`/`close` write an object as it is made, the same bytes as
    /// `write` writes for its `JSONValue`, without building the value first (pages and records
    /// are made tens of thousands of times). Bits rather than an array of flags, which cost a
    /// uniqueness check at every member; the exports nest five deep, far from the 64 there are.
    private var openCount = 0
    private var hasMember: UInt64 = 0

    /// `{`, or `[` with `array`. The container sits at `base` plus the open ones' depth.
    mutating func openContainer(array: Bool = false) {
        precondition(openCount < 64, "JSON nested deeper than 64 containers")
        out.append(array ? 0x5B : 0x7B)
        hasMember &= ~(1 << UInt64(openCount))
        openCount += 1
    }

    /// `{` and members given as their whole text (`"@type":"Place"`), for compact JSON only:
    /// constant members written at once rather than key by key and value by value (an
    /// association page's JSON-LD has up to eight).
    mutating func openContainer(constantMembers: StaticString) {
        precondition(!pretty, "constant members are written without indentation")
        openContainer()
        raw(constantMembers)
        hasMember |= 1 << UInt64(openCount - 1)
    }

    mutating func closeContainer(array: Bool = false, base: Int = 0) {
        openCount -= 1
        if hasMember & (1 << UInt64(openCount)) != 0 { indent(base + openCount) }
        out.append(array ? 0x5D : 0x7D)
    }

    /// Starts the next member of the open object (or item, with no `key`, of the open array).
    private mutating func next(base: Int) {
        let bit: UInt64 = 1 << UInt64(openCount - 1)
        if hasMember & bit != 0 { out.append(0x2C) } else { hasMember |= bit }
        if pretty { indent(base + openCount) }
    }

    /// `"key": ` of the next member; a key is plain ASCII that needs no escape. Written in one
    /// piece: four appends, each checking for room, were most of writing a key, and the
    /// JSON-LD and export records of a build write some six hundred thousand.
    mutating func key(_ key: StaticString, base: Int = 0) {
        next(base: base)
        // A string literal always has its bytes (`utf8Start` checks that it does), one
        // character long or not.
        let n = key.utf8CodeUnitCount, pretty = self.pretty
        out.append(atMost: n + 4) { p in
            p[0] = 0x22
            if n <= 16 { ByteBuffer.copySmall(key.utf8Start, p + 1, n) } else { (p + 1).update(from: key.utf8Start, count: n) }
            p[n + 1] = 0x22
            p[n + 2] = 0x3A
            if pretty { p[n + 3] = 0x20 }
            return pretty ? n + 4 : n + 3
        }
    }

    /// The same for a key from content, escaped. Labelled: with two `key(_:)`, a string
    /// literal picked this one (String is the literal's default type), escaping constant keys.
    mutating func key(text key: String, base: Int = 0) {
        next(base: base)
        writeString(key)
        out.append(0x3A)
        if pretty { out.append(0x20) }
    }

    mutating func member(_ key: StaticString, _ value: String, base: Int = 0) {
        self.key(key, base: base)
        writeString(value)
    }

    /// A string member given as its UTF-8 bytes.
    mutating func member(_ key: StaticString, utf8 value: [UInt8], base: Int = 0) {
        self.key(key, base: base)
        value.withUnsafeBufferPointer { writeUTF8($0) }
    }

    /// A member whose value is written as `JSONValue` (nested objects made elsewhere).
    mutating func member(_ key: StaticString, _ value: JSONValue, base: Int = 0) {
        self.key(key, base: base)
        write(value, depth: base + openCount)
    }

    /// Goes on from `bytes`, the start of a compact document written by a writer of the same
    /// kind that ends inside its outermost object, after at least one member (the JSON-LD of an
    /// association, reused in another language: `StructuredData.association(…reusing:)`).
    mutating func continueObject(after bytes: UnsafeBufferPointer<UInt8>) {
        precondition(!pretty && out.count == 0 && openCount == 0, "continued only from the start of a compact document")
        out.append(bytes)
        openCount = 1
        hasMember = 1
    }

    /// JSON written already, where the document stands (between members the caller wrote).
    mutating func append(json: UnsafeBufferPointer<UInt8>) { out.append(json) }

    /// A string value after its `key`.
    mutating func value(_ value: String) { writeString(value) }

    /// A scalar value after its `key` (`null`, a number, a boolean).
    mutating func value(_ value: JSONValue) { write(value, depth: openCount) }

    /// Starts an item of the open array that is a container (`openContainer` next).
    mutating func nextItem(base: Int = 0) { next(base: base) }

    /// An item of the open array given as JSON already written, by a writer of the same kind
    /// (a value that many documents share, written once).
    mutating func item(json: [UInt8], base: Int = 0) {
        next(base: base)
        out.append(json)
    }

    /// An item of the open array.
    mutating func item(_ value: String, base: Int = 0) {
        next(base: base)
        writeString(value)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escapeUnicode(_ code: UInt32) {
        raw("\\u")
        for shift in stride(from: 12, through: 0, by: -4) { out.append(JSONWriter.hex[Int((code >> UInt32(shift)) & 0xF)]) }
    }

    private mutating func writeString(_ s: String) {
        s.withUTF8Bytes { writeUTF8($0) }
    }

    /// Whether one of the eight bytes of `word` is one that `writeUTF8` looks at: a quote, a
    /// backslash, a control character, the lead byte of U+2028/U+2029, and `< > &` in script-safe
    /// mode.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64, scriptSafe: Bool) -> Bool {
        var found = WordBytes.below(word, 0x20) | WordBytes.equal(word, 0x22) | WordBytes.equal(word, 0x5C) | WordBytes.equal(word, 0xE2)
        if scriptSafe { found |= WordBytes.equal(word, 0x3C) | WordBytes.equal(word, 0x3E) | WordBytes.equal(word, 0x26) }
        return found != 0
    }

    /// The same for sixteen bytes.
    @inline(__always)
    static func mayNeedEscape(_ v: SIMD16<UInt8>, scriptSafe: Bool) -> Bool {
        let found = VectorBytes.control(v) .| VectorBytes.equal(v, 0x22) .| VectorBytes.equal(v, 0x5C) .| VectorBytes.equal(v, 0xE2)
        if !scriptSafe { return VectorBytes.any(found) }
        return VectorBytes.any(found .| VectorBytes.equal(v, 0x3C) .| VectorBytes.equal(v, 0x3E) .| VectorBytes.equal(v, 0x26))
    }

    /// Copies runs that need no escaping in one go.
    private mutating func writeUTF8(_ u: UnsafeBufferPointer<UInt8>) {
        out.append(0x22)
        let n = u.count
        var run = 0
        var i = 0
        while i < n {
            // Sixteen, then eight bytes at a time while none of them can need an escape.
            if i + 16 <= n && !JSONWriter.mayNeedEscape(VectorBytes.load(u, at: i), scriptSafe: scriptSafe) {
                i += 16
                continue
            }
            if i + 8 <= n && !JSONWriter.mayNeedEscape(u.word(at: i), scriptSafe: scriptSafe) {
                i += 8
                continue
            }
            let b = u[i]
            var width = 1
            switch b {
            case 0x22, 0x5C, 0x00..<0x20: break
            case 0x3C, 0x3E, 0x26: if !scriptSafe { i += 1; continue }
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript.
                guard i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 else { i += 1; continue }
                width = 3
            default: i += 1; continue
            }
            if run < i { out.append(UnsafeBufferPointer(rebasing: u[run..<i])) }
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0xE2: escapeUnicode(u[i + 2] == 0xA8 ? 0x2028 : 0x2029)
            default: escapeUnicode(UInt32(b))
            }
            i += width
            run = i
        }
        if run < n { out.append(UnsafeBufferPointer(rebasing: u[run..<n])) }
        out.append(0x22)
    }
}
