/// A fast reader for the small part of YAML that front matter is written in.
///
/// Why it exists: reading front matter with Yams (libyaml events, then a `Node` tree, then our
/// `YAMLValue`) was most of the time of `talkoot check` on a large content folder, and almost
/// every file uses only block mappings and lists, one-line plain and quoted values, and one-line
/// `[a, b]` lists and `{key: value, key: [a, b]}` mappings. This reader handles exactly that,
/// on UTF-8 bytes, and builds the very `YAMLValue` the Yams path builds: the same texts, `plain`
/// flags, entry order and positions of values and keys (columns counted in code points, as
/// libyaml counts them).
///
/// Yams remains the reference and the only error reporter. On anything this reader does not
/// fully understand — tabs, control characters, anchors, aliases, tags, block scalars (`|`, `>`),
/// values over several lines, deeper nested flow collections, `?` keys, `---` or `...` inside,
/// directives, duplicate keys, unusual keys, escapes it does not know, every syntax error —
/// `parse` returns nil and `YAMLReader.parse` reads the text with Yams, which gives the result or
/// the diagnostics. This reader never reports anything itself; when in doubt it gives up.
/// `FrontMatterYAMLTests` compare the two readers on many inputs and on the repository's content.
enum FrontMatterYAML {
    /// The front matter as `YAMLReader.parseWithYams` would return it, or nil to let Yams read it.
    static func parse(_ text: String, file: String, lineOffset: Int) -> YAMLValue? {
        text.withUTF8Bytes { parse(bytes: $0, file: file, lineOffset: lineOffset) }
    }

    /// The same on bytes, which must be valid UTF-8 (`UTF8Check`): a file's front matter read
    /// where it lies in the file's bytes, with no `String` of it made first.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) -> YAMLValue? {
        var reader = Reader(bytes: bytes, file: file, lineOffset: lineOffset)
        return try? reader.document()
    }

    /// Anything outside the supported part of YAML: the caller falls back to Yams.
    private struct Bail: Error {}

    private struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        let file: String
        let lineOffset: Int
        /// Byte offsets of every line's start and end (exclusive, before its "\n").
        var starts: [Int] = []
        var ends: [Int] = []
        /// The line where the next block item is looked for.
        var li = 0

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, lineOffset: Int) {
            self.b = bytes
            self.file = file
            self.lineOffset = lineOffset
        }

        // MARK: - bytes

        static let space = UInt8(ascii: " "), hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), dash = UInt8(ascii: "-")
        static let dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
        static let comma = UInt8(ascii: ","), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")

        static func isAlphanumeric(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
        }

        /// The first byte of a plain key: a letter, digit, `_` or any non-ASCII character.
        static func isKeyStart(_ c: UInt8) -> Bool { isAlphanumeric(c) || c == UInt8(ascii: "_") || c >= 0x80 }

        /// The other bytes of a plain key: letters, digits, `_ - . / ( ) +`, a space and any
        /// non-ASCII byte; anything else (`:`, `#`, quotes, brackets …) gives up. As bits of two
        /// words, a shift and a test per byte (every byte of every key is checked).
        @inline(__always)
        static func isKeyByte(_ c: UInt8) -> Bool {
            let low: UInt64 = 0x03FF_EB01_0000_0000  // space ( ) + - . / 0-9 (0x20-0x3F)
            let high: UInt64 = 0x07FF_FFFE_87FF_FFFE  // A-Z _ a-z (0x40-0x7F)
            return c < 64 ? (low >> c) & 1 != 0 : c >= 128 || (high >> (c & 63)) & 1 != 0
        }

        /// The first `:` or `#` at or after `start` on a line that ends at `e` (`e` when there is
        /// none): plain keys and values end only at one of them, so the bytes before it need no
        /// look of their own. Sixteen bytes at a time, the line's last few one by one.
        @inline(__always)
        func colonOrHash(from start: Int, end e: Int) -> Int {
            var i = start
            while i + 16 <= e {
                let v = VectorBytes.load(b, at: i)
                let k = VectorBytes.firstSet(VectorBytes.equal(v, Self.colon) .| VectorBytes.equal(v, Self.hash))
                if k < 16 { return i + k }
                i += 16
            }
            while i < e && b[i] != Self.colon && b[i] != Self.hash { i += 1 }
            return i
        }

        /// Where the first byte that `splitLines` must look at is in the sixteen bytes at `i`
        /// (16: none): a line end or another control character, DEL, or the first byte of a
        /// character that may be a line break or a byte order mark (C2, E2, EF). Other text,
        /// ä and ö included, is passed over sixteen bytes at a time.
        @inline(__always)
        func lineStop(at i: Int) -> Int {
            let v = VectorBytes.load(b, at: i)
            return VectorBytes.firstSet(VectorBytes.control(v) .| VectorBytes.equal(v, 0x7F) .| VectorBytes.equal(v, 0xC2)
                                            .| VectorBytes.equal(v, 0xE2) .| VectorBytes.equal(v, 0xEF))
        }

        /// Ends a plain scalar inside `[ ]` or `{ }` (`#` then gives up; see `flowScalar` for `:`).
        static func isFlowStop(_ c: UInt8) -> Bool {
            switch c {
            case comma, openBracket, closeBracket, openBrace, closeBrace, colon, hash: return true
            default: return false
            }
        }

        /// Whether a plain scalar may start at `p`: not at a YAML indicator, except `-` before a
        /// letter or digit (`-5`).
        func isPlainStart(_ p: Int, end e: Int) -> Bool {
            switch b[p] {
            case Self.dash:
                return p + 1 < e && Self.isAlphanumeric(b[p + 1])
            case UInt8(ascii: "?"), Self.colon, Self.comma, Self.openBracket, Self.closeBracket, Self.openBrace,
                 Self.closeBrace, Self.hash, UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                 UInt8(ascii: ">"), Self.squote, Self.dquote, UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"),
                 Self.space:
                return false
            default:
                return true
            }
        }

        func skipSpaces(_ p: Int, _ e: Int) -> Int {
            var i = p
            while i < e && b[i] == Self.space { i += 1 }
            return i
        }

        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
        }

        /// libyaml's mark: the line, and the column in code points, both 1-based.
        func position(_ p: Int, line l: Int) -> SourcePosition {
            // Every key and value asks: eight bytes at a time, the continuation bytes
            // (10xxxxxx) of each word are counted with a mask and a population count.
            var i = starts[l]
            var continuations = 0
            while i + 8 <= p {
                let w = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                // Bit 7 set and bit 6 clear, at each byte's top bit.
                continuations += (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < p {
                if b[i] & 0xC0 == 0x80 { continuations += 1 }
                i += 1
            }
            return SourcePosition(file: file, line: l + 1 + lineOffset, column: p - starts[l] - continuations + 1)
        }

        func indent(_ l: Int) -> Int { skipSpaces(starts[l], ends[l]) - starts[l] }

        func isSequenceEntry(_ p: Int, line l: Int) -> Bool {
            b[p] == Self.dash && (p + 1 == ends[l] || b[p + 1] == Self.space)
        }

        func empty(_ at: SourcePosition) -> YAMLValue { YAMLValue(kind: .scalar("", plain: true), position: at) }

        // MARK: - lines

        /// Splits the text into lines, giving up on tabs, carriage returns, control characters,
        /// the other line breaks libyaml knows (NEL, LS, PS) and byte order marks.
        mutating func splitLines() throws(Bail) {
            let n = b.count
            starts.reserveCapacity(n / 24 + 2)
            ends.reserveCapacity(n / 24 + 2)
            var lineStart = 0
            var i = 0
            while i < n {
                // Sixteen bytes at a time to the next byte to look at; the front matter's last
                // fifteen bytes or fewer one by one.
                if i + 16 <= n {
                    let stop = lineStop(at: i)
                    i += stop
                    if stop == 16 { continue }
                }
                let c = b[i]
                if c == Self.newline {
                    starts.append(lineStart)
                    ends.append(i)
                    lineStart = i + 1
                } else if c < 0x20 || c == 0x7F {
                    throw Bail()
                } else if c >= 0xC2 {
                    // The text is valid UTF-8, so the continuation bytes are there.
                    switch c {
                    case 0xC2: if b[i + 1] < 0xA0 { throw Bail() }  // C1 controls, NEL
                    case 0xE2: if b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { throw Bail() }  // LS, PS
                    case 0xEF:
                        if (b[i + 1] == 0xBB && b[i + 2] == 0xBF) || (b[i + 1] == 0xBF && b[i + 2] >= 0xBE) { throw Bail() }
                    default: break
                    }
                }
                i += 1
            }
            starts.append(lineStart)
            ends.append(n)
        }

        /// Moves `li` to the next line that is neither blank nor a comment; nil at the end.
        mutating func nextContentLine() throws(Bail) -> Int? {
            while li < starts.count {
                let s = starts[li], e = ends[li]
                let i = skipSpaces(s, e)
                if i < e && b[i] != Self.hash {
                    // A document marker, or anything like one, is for Yams.
                    if i == s && e - s >= 3 && (b[s] == Self.dash || b[s] == UInt8(ascii: ".")) && b[s + 1] == b[s] && b[s + 2] == b[s] {
                        throw Bail()
                    }
                    return li
                }
                li += 1
            }
            return nil
        }

        // MARK: - block structure

        mutating func document() throws(Bail) -> YAMLValue {
            try splitLines()
            guard let l = try nextContentLine() else {
                // Yams gives no node for an empty text; `YAMLReader` makes that an empty mapping.
                return YAMLValue(kind: .mapping([]), position: SourcePosition(file: file, line: lineOffset + 1))
            }
            // Front matter is a mapping starting at the left edge; anything else is for Yams.
            guard indent(l) == 0, try isEntryKey(at: starts[l], line: l) else { throw Bail() }
            let root = try mapping(indent: 0, first: starts[l])
            guard try nextContentLine() == nil else { throw Bail() }
            return root
        }

        /// A block mapping whose keys are at column `m` (0-based); its first key is at byte `first`
        /// on line `li` (after `- ` when the mapping is a list item).
        mutating func mapping(indent m: Int, first: Int) throws(Bail) -> YAMLValue {
            // Room for a content file's fields (a nested mapping, such as a contact person or an
            // activity, has a handful): grown from one by doubling, the entries of every file
            // were moved five times over.
            var entries: [YAMLEntry] = []
            entries.reserveCapacity(m == 0 ? 24 : 6)
            var p = first
            while true {
                let l = li
                let e = ends[l]
                guard let key = try entryKey(at: p, line: l) else { throw Bail() }
                // Yams reports duplicate keys; `<<` is a merge key in some readers.
                // Lengths first, and by index: copying an entry retains its strings.
                let keyLength = key.text.utf8.count
                if keyLength == 2 && key.text == "<<" { throw Bail() }
                for i in entries.indices where entries[i].key.utf8.count == keyLength && entries[i].key == key.text { throw Bail() }
                let keyPosition = position(p, line: l)
                let q = skipSpaces(key.afterColon, e)
                let value: YAMLValue
                if q == e || b[q] == Self.hash {
                    // Nothing after the ':' on this line: a nested block, or an empty value that
                    // libyaml places right after the ':'.
                    let emptyAt = position(key.afterColon, line: l)
                    li = l + 1
                    if let n = try nextContentLine() {
                        let ni = indent(n)
                        if ni > m {
                            value = try blockNode(line: n, indent: ni)
                        } else if ni == m && isSequenceEntry(starts[n] + m, line: n) {
                            value = try sequence(indent: m, line: n, indentless: true)
                        } else {
                            value = empty(emptyAt)
                        }
                    } else {
                        value = empty(emptyAt)
                    }
                } else {
                    value = try inlineValue(at: q, line: l)
                    li = l + 1
                }
                entries.append(YAMLEntry(key: key.text, keyPosition: keyPosition, value: value))
                guard let n = try nextContentLine() else { break }
                let ni = indent(n)
                if ni < m { break }
                if ni > m { throw Bail() }  // a continuation line, or an indentation error
                p = starts[n] + m
            }
            return YAMLValue(kind: .mapping(entries), position: entries[0].keyPosition)
        }

        /// A block mapping or list that starts on its own line `n`, at column `ni`.
        mutating func blockNode(line n: Int, indent ni: Int) throws(Bail) -> YAMLValue {
            let p = starts[n] + ni
            li = n
            if isSequenceEntry(p, line: n) { return try sequence(indent: ni, line: n, indentless: false) }
            if try isEntryKey(at: p, line: n) { return try mapping(indent: ni, first: p) }
            throw Bail()  // e.g. a value on the line after its key
        }

        /// A block list whose `-` are at column `s` (0-based), the first on line `n`. An
        /// indentless list (`key:` then `- item` at the key's column) ends at the next key.
        mutating func sequence(indent s: Int, line n: Int, indentless: Bool) throws(Bail) -> YAMLValue {
            li = n
            let sequencePosition = position(starts[n] + s, line: n)
            var items: [YAMLValue] = []
            while true {
                let l = li
                let e = ends[l]
                let after = starts[l] + s + 1
                let q = skipSpaces(after, e)
                if q == e || b[q] == Self.hash {
                    let emptyAt = position(after, line: l)
                    li = l + 1
                    if let n2 = try nextContentLine(), indent(n2) > s {
                        items.append(try blockNode(line: n2, indent: indent(n2)))
                    } else {
                        items.append(empty(emptyAt))
                    }
                } else if isSequenceEntry(q, line: l) {
                    items.append(try sequence(indent: q - starts[l], line: l, indentless: false))
                } else if try isEntryKey(at: q, line: l) {
                    items.append(try mapping(indent: q - starts[l], first: q))
                } else {
                    items.append(try inlineValue(at: q, line: l))
                    li = l + 1
                }
                guard let n2 = try nextContentLine() else { break }
                let ni = indent(n2)
                if ni < s { break }
                if ni > s { throw Bail() }
                if !isSequenceEntry(starts[n2] + s, line: n2) {
                    if indentless { break }
                    throw Bail()
                }
            }
            return YAMLValue(kind: .sequence(items), position: sequencePosition)
        }

        /// If a `key:` (followed by a space or the line end) starts at `p`: the key and the byte
        /// after its ':'. Nil when the line holds a single value instead; gives up on keys that
        /// are unusual (indicators, ':' or '#' inside, very long).
        func entryKey(at p: Int, line l: Int) throws(Bail) -> (text: String, afterColon: Int)? {
            try keyExtent(at: p, line: l).map { ($0.quoted ?? string(p, $0.end), $0.afterColon) }
        }

        /// Whether a `key:` starts at `p`, as `entryKey` decides it, without making the key's
        /// text: a mapping is told apart from a value this way before `mapping` reads its keys.
        func isEntryKey(at p: Int, line l: Int) throws(Bail) -> Bool {
            try keyExtent(at: p, line: l) != nil
        }

        /// `entryKey`'s work: where a plain key ends, or a quoted key's text; and the byte after
        /// the ':'.
        func keyExtent(at p: Int, line l: Int) throws(Bail) -> (quoted: String?, end: Int, afterColon: Int)? {
            let e = ends[l]
            let c = b[p]
            if c == Self.dquote || c == Self.squote {
                let (text, after) = try quoted(at: p, end: e)
                let j = skipSpaces(after, e)
                guard j < e, b[j] == Self.colon, j + 1 == e || b[j + 1] == Self.space else { return nil }
                guard j - p < 1000 else { throw Bail() }  // libyaml's simple keys are at most 1024 characters
                return (text, j, j + 1)
            }
            if c == Self.openBracket || c == Self.openBrace { return nil }
            var i = colonOrHash(from: p, end: e)
            while i < e {
                let ch = b[i]
                if ch == Self.colon && (i + 1 == e || b[i + 1] == Self.space) { break }
                if ch == Self.hash && i > p && b[i - 1] == Self.space { return nil }  // a comment
                i = colonOrHash(from: i + 1, end: e)
            }
            if i == e { return nil }
            var t = i
            while t > p && b[t - 1] == Self.space { t -= 1 }
            guard t > p, t - p < 1000, Self.isKeyStart(b[p]) else { throw Bail() }
            for k in p..<t where !Self.isKeyByte(b[k]) { throw Bail() }
            return (nil, t, i + 1)
        }

        /// A value that starts at `q` and must end on line `l`: a plain or quoted scalar or a
        /// one-line flow collection, then only spaces and perhaps a comment.
        func inlineValue(at q: Int, line l: Int) throws(Bail) -> YAMLValue {
            let e = ends[l]
            switch b[q] {
            case Self.dquote, Self.squote:
                let at = position(q, line: l)
                let (text, after) = try quoted(at: q, end: e)
                try expectLineEnd(after, e)
                return YAMLValue(kind: .scalar(text, plain: false), position: at)
            case Self.openBracket:
                var i = q
                let value = try flowSequence(&i, line: l)
                try expectLineEnd(i, e)
                return value
            case Self.openBrace:
                var i = q
                let value = try flowMapping(&i, line: l)
                try expectLineEnd(i, e)
                return value
            default:
                guard isPlainStart(q, end: e) else { throw Bail() }
                var stop = e
                var i = colonOrHash(from: q, end: e)
                while i < e {
                    let ch = b[i]
                    // `a: b: c` is an error; Yams says so.
                    if ch == Self.colon && (i + 1 == e || b[i + 1] == Self.space) { throw Bail() }
                    if ch == Self.hash && b[i - 1] == Self.space { stop = i; break }
                    i = colonOrHash(from: i + 1, end: e)
                }
                var t = stop
                while b[t - 1] == Self.space { t -= 1 }
                return YAMLValue(kind: .scalar(string(q, t), plain: true), position: position(q, line: l))
            }
        }

        /// After a value: spaces, then the line end or a comment.
        func expectLineEnd(_ i: Int, _ e: Int) throws(Bail) {
            let j = skipSpaces(i, e)
            if j == e || (b[j] == Self.hash && j > i) { return }
            throw Bail()
        }

        // MARK: - flow collections (one line, single values only)

        /// `[a, "b", 'c']` starting at `i`; moves `i` past the `]`.
        func flowSequence(_ i: inout Int, line l: Int) throws(Bail) -> YAMLValue {
            let e = ends[l]
            let at = position(i, line: l)
            var items: [YAMLValue] = []
            i = skipSpaces(i + 1, e)
            if i < e && b[i] == Self.closeBracket {
                i += 1
                return YAMLValue(kind: .sequence([]), position: at)
            }
            items.reserveCapacity(4)  // a list of ids or languages: grown from one, moved twice
            while true {
                items.append(try flowScalar(&i, line: l).value)
                i = skipSpaces(i, e)
                guard i < e else { throw Bail() }
                if b[i] == Self.comma {
                    i = skipSpaces(i + 1, e)
                    guard i < e, b[i] != Self.closeBracket else { throw Bail() }  // a trailing comma
                    continue
                }
                guard b[i] == Self.closeBracket else { throw Bail() }
                i += 1
                return YAMLValue(kind: .sequence(items), position: at)
            }
        }

        /// `{key: value, key: "value", key: [a, b]}` starting at `i`; moves `i` past the `}`.
        func flowMapping(_ i: inout Int, line l: Int) throws(Bail) -> YAMLValue {
            let e = ends[l]
            let at = position(i, line: l)
            var entries: [YAMLEntry] = []
            i = skipSpaces(i + 1, e)
            if i < e && b[i] == Self.closeBrace {
                i += 1
                return YAMLValue(kind: .mapping([]), position: at)
            }
            while true {
                let keyStart = i
                let (key, plainKey) = try flowScalar(&i, line: l)
                guard case let .scalar(text, _) = key.kind else { throw Bail() }
                if plainKey {
                    guard Self.isKeyStart(b[keyStart]) else { throw Bail() }
                    for k in keyStart..<i where !Self.isKeyByte(b[k]) { throw Bail() }
                }
                if text == "<<" { throw Bail() }
                for entry in entries where entry.key == text { throw Bail() }
                i = skipSpaces(i, e)
                guard i + 1 < e, b[i] == Self.colon, b[i + 1] == Self.space else { throw Bail() }
                i = skipSpaces(i + 1, e)
                // A value may be a list of single values: `{audience: [a, b]}`.
                let value = i < e && b[i] == Self.openBracket ? try flowSequence(&i, line: l) : try flowScalar(&i, line: l).value
                entries.append(YAMLEntry(key: text, keyPosition: key.position, value: value))
                i = skipSpaces(i, e)
                guard i < e else { throw Bail() }
                if b[i] == Self.comma {
                    i = skipSpaces(i + 1, e)
                    guard i < e, b[i] != Self.closeBrace else { throw Bail() }
                    continue
                }
                guard b[i] == Self.closeBrace else { throw Bail() }
                i += 1
                return YAMLValue(kind: .mapping(entries), position: at)
            }
        }

        /// A quoted or plain scalar inside a flow collection; a plain one ends before
        /// `, [ ] { } #` and before a `:` followed by a space or the line end (so `: ` after a
        /// value, and `#`, give up at the caller).
        func flowScalar(_ i: inout Int, line l: Int) throws(Bail) -> (value: YAMLValue, plain: Bool) {
            let e = ends[l]
            guard i < e else { throw Bail() }
            let at = position(i, line: l)
            if b[i] == Self.dquote || b[i] == Self.squote {
                let (text, after) = try quoted(at: i, end: e)
                i = after
                return (YAMLValue(kind: .scalar(text, plain: false), position: at), false)
            }
            guard isPlainStart(i, end: e) else { throw Bail() }
            let s = i
            while i < e && !Self.isFlowStop(b[i]) { i += 1 }
            // libyaml keeps a ':' that is not followed by a space inside the scalar (`{url: https://x}`);
            // before `, ? [ ] { }` it is an error.
            while i + 1 < e && b[i] == Self.colon && b[i + 1] != Self.space {
                switch b[i + 1] {
                case Self.comma, UInt8(ascii: "?"), Self.openBracket, Self.closeBracket, Self.openBrace, Self.closeBrace:
                    throw Bail()
                default:
                    i += 1
                    while i < e && !Self.isFlowStop(b[i]) { i += 1 }
                }
            }
            var t = i
            while b[t - 1] == Self.space { t -= 1 }
            return (YAMLValue(kind: .scalar(string(s, t), plain: true), position: at), true)
        }

        // MARK: - quoted scalars (one line)

        /// The text of the quoted scalar at `p` and the byte after its closing quote. Gives up
        /// when it does not close on the line and on escapes other than libyaml's everyday ones.
        func quoted(at p: Int, end e: Int) throws(Bail) -> (String, Int) {
            let quote = b[p]
            var i = p + 1
            // The common case: no escapes, the text is the bytes as they are.
            while i < e {
                let c = b[i]
                if c == quote {
                    if quote == Self.squote && i + 1 < e && b[i + 1] == Self.squote { break }
                    return (string(p + 1, i), i + 1)
                }
                if c == Self.backslash && quote == Self.dquote { break }
                i += 1
            }
            guard i < e else { throw Bail() }
            var out = Array(UnsafeBufferPointer(rebasing: b[(p + 1)..<i]))
            while true {
                guard i < e else { throw Bail() }
                let c = b[i]
                if c == quote {
                    if quote == Self.squote && i + 1 < e && b[i + 1] == Self.squote {
                        out.append(Self.squote)
                        i += 2
                        continue
                    }
                    return (String(decoding: out, as: UTF8.self), i + 1)
                }
                if c == Self.backslash && quote == Self.dquote {
                    guard i + 1 < e else { throw Bail() }  // a line continuation
                    let x = b[i + 1]
                    i += 2
                    switch x {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: " "): out.append(x)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "a"): out.append(0x07)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "v"): out.append(0x0B)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "e"): out.append(0x1B)
                    case UInt8(ascii: "N"): Self.appendUTF8(0x85, to: &out)
                    case UInt8(ascii: "_"): Self.appendUTF8(0xA0, to: &out)
                    case UInt8(ascii: "L"): Self.appendUTF8(0x2028, to: &out)
                    case UInt8(ascii: "P"): Self.appendUTF8(0x2029, to: &out)
                    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let count = x == UInt8(ascii: "x") ? 2 : x == UInt8(ascii: "u") ? 4 : 8
                        guard i + count <= e else { throw Bail() }
                        var value: UInt32 = 0
                        for k in i..<(i + count) {
                            let h = b[k]
                            let digit: UInt8
                            switch h {
                            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = h - UInt8(ascii: "0")
                            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = h - UInt8(ascii: "a") + 10
                            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = h - UInt8(ascii: "A") + 10
                            default: throw Bail()
                            }
                            value = value << 4 | UInt32(digit)
                        }
                        i += count
                        // NUL, surrogates, out of range, and a BOM (which a string reader may drop).
                        guard value != 0, value != 0xFEFF, !(0xD800...0xDFFF).contains(value), value <= 0x10FFFF else { throw Bail() }
                        Self.appendUTF8(value, to: &out)
                    default:
                        throw Bail()  // `\0`, an escaped tab, or an error Yams reports
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
        }

        static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
            switch v {
            case 0..<0x80:
                out.append(UInt8(v))
            case 0x80..<0x800:
                out.append(UInt8(0xC0 | (v >> 6)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            case 0x800..<0x10000:
                out.append(UInt8(0xE0 | (v >> 12)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            default:
                out.append(UInt8(0xF0 | (v >> 18)))
                out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
                out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (v & 0x3F)))
            }
        }
    }
}
