/// Turns Mustache text into `TemplateNode`s in three steps: scan into tokens line by line,
/// drop the lines that hold nothing but one section, comment, partial or delimiter tag
/// ("standalone" lines, so templates can be laid out on lines of their own without leaving
/// blank lines in the HTML), then nest the sections.
struct TemplateParser {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ text: String) { bytes = Array(text.utf8) }

    private enum TagKind { case variable, raw, section, inverted, close, comment, partial, delimiters }

    private struct Tag {
        var kind: TagKind
        var name = ""
        var line: Int, column: Int
        /// Blanks before a standalone partial tag.
        var indentation: [UInt8] = []
    }

    private enum Token {
        case text(Range<Int>)
        case newline(Range<Int>)
        case tag(Tag)
    }

    mutating func parseDocument() throws(TemplateSyntaxError) -> [TemplateNode] {
        var lines = try scan()
        for i in lines.indices { lines[i] = standalone(lines[i]) ?? lines[i] }
        return try nest(lines.flatMap { $0 })
    }

    // MARK: scanning

    private static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    private func matches(_ delimiter: [UInt8], at i: Int) -> Bool {
        guard i + delimiter.count <= bytes.count else { return false }
        for k in 0..<delimiter.count where bytes[i + k] != delimiter[k] { return false }
        return true
    }

    /// How far `position` has counted lines and columns: tags are found in order, so each count
    /// goes on from the one before (counting from the start for every tag made parsing a theme
    /// quadratic, a hundredth of a 1,000-association build).
    private var counted = (offset: 0, line: 1, column: 1)

    private mutating func position(of offset: Int) -> (line: Int, column: Int) {
        if offset < counted.offset { counted = (0, 1, 1) }
        var line = counted.line, column = counted.column
        for b in bytes[counted.offset..<offset] {
            if b == 10 { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        counted = (offset, line, column)
        return (line, column)
    }

    private mutating func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let p = position(of: offset)
        return TemplateSyntaxError(line: p.line, column: p.column, message: message)
    }

    /// Tokens grouped by source line; each line ends with its `.newline` token (but the last).
    private mutating func scan() throws(TemplateSyntaxError) -> [[Token]] {
        var lines: [[Token]] = []
        var line: [Token] = []
        var i = 0
        var textStart = 0
        func flushText(_ end: Int) {
            if end > textStart { line.append(.text(textStart..<end)) }
        }
        while i < bytes.count {
            if bytes[i] == 10 || (bytes[i] == 13 && i + 1 < bytes.count && bytes[i + 1] == 10) {
                flushText(i)
                let end = bytes[i] == 10 ? i + 1 : i + 2
                line.append(.newline(i..<end))
                lines.append(line)
                line = []
                i = end
                textStart = i
            } else if matches(open, at: i) {
                flushText(i)
                let (token, end) = try tag(at: i)
                line.append(token)
                i = end
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(i)
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Reads one tag starting at `start` (at its opening delimiter); returns it and the offset after it.
    private mutating func tag(at start: Int) throws(TemplateSyntaxError) -> (Token, Int) {
        var i = start + open.count
        let sigil: UInt8? = i < bytes.count ? bytes[i] : nil
        var kind = TagKind.variable
        var closing = close
        switch sigil {
        case UInt8(ascii: "{"): kind = .raw; closing = [UInt8(ascii: "}")] + close; i += 1
        case UInt8(ascii: "&"): kind = .raw; i += 1
        case UInt8(ascii: "#"): kind = .section; i += 1
        case UInt8(ascii: "^"): kind = .inverted; i += 1
        case UInt8(ascii: "/"): kind = .close; i += 1
        case UInt8(ascii: "!"): kind = .comment; i += 1
        case UInt8(ascii: ">"): kind = .partial; i += 1
        case UInt8(ascii: "="): kind = .delimiters; i += 1
        case UInt8(ascii: "<"), UInt8(ascii: "$"):
            throw error("template inheritance ({{<…}}, {{$…}}) is not supported: override the whole template in your theme instead", at: start)
        case UInt8(ascii: "%"):
            throw error("pragmas ({{%…}}) are not supported", at: start)
        default: break
        }
        var end = i
        while end < bytes.count, !matches(closing, at: end) { end += 1 }
        guard end < bytes.count else {
            let shown = String(decoding: open, as: UTF8.self), expected = String(decoding: closing, as: UTF8.self)
            throw error("'\(shown)' is never closed with '\(expected)'", at: start)
        }
        let after = end + closing.count
        var inner = String(decoding: bytes[i..<end], as: UTF8.self)
        let (line, column) = position(of: start)
        switch kind {
        case .comment:
            return (.tag(Tag(kind: .comment, line: line, column: column)), after)
        case .delimiters:
            guard inner.hasSuffix("=") else { throw error("a delimiter tag must end with '=': {{=<% %>=}}", at: start) }
            inner.removeLast()
            let parts = inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw error("a delimiter tag names two delimiters: {{=<% %>=}}", at: start)
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
            return (.tag(Tag(kind: .delimiters, line: line, column: column)), after)
        default:
            let name = inner.trimmingBlanks()
            if name.isEmpty { throw error("a tag without a name", at: start) }
            if name.contains(where: { $0 == "(" || $0 == ")" || $0 == " " || $0 == "\n" || $0 == "\t" }) {
                throw error("'\(name)' is not a name: write a plain or dotted name such as 'title' or 't.home' (transforms are not supported)", at: start)
            }
            return (.tag(Tag(kind: kind, name: name, line: line, column: column)), after)
        }
    }

    // MARK: standalone lines

    /// A line holding only blanks and one section, inverted, close, comment, partial or
    /// delimiter tag renders as nothing (the tag keeps working); a standalone partial keeps the
    /// blanks before it as its indentation. Nil when the line is not standalone.
    private func standalone(_ line: [Token]) -> [Token]? {
        var found: Tag?
        var indentation: [UInt8] = []
        for token in line {
            switch token {
            case let .text(r):
                guard bytes[r].allSatisfy(Self.isBlank) else { return nil }
                if found == nil { indentation += bytes[r] }
            case .newline: break
            case let .tag(tag):
                guard found == nil, tag.kind != .variable, tag.kind != .raw else { return nil }
                found = tag
            }
        }
        guard var tag = found else { return nil }
        if tag.kind == .partial { tag.indentation = indentation }
        return [.tag(tag)]
    }

    // MARK: nesting

    private func nest(_ tokens: [Token]) throws(TemplateSyntaxError) -> [TemplateNode] {
        // Each open section: its name, kind, where it opened and the nodes so far.
        var stack: [(open: Tag, nodes: [TemplateNode])] = [(Tag(kind: .section, line: 1, column: 1), [])]
        func add(_ node: TemplateNode) { stack[stack.count - 1].nodes.append(node) }
        var pending: [UInt8] = []
        func flush() {
            if !pending.isEmpty { add(.text(pending)); pending = [] }
        }
        for token in tokens {
            switch token {
            case let .text(r), let .newline(r):
                pending += bytes[r]
            case let .tag(tag):
                if tag.kind == .comment || tag.kind == .delimiters { continue }
                flush()
                switch tag.kind {
                case .variable: add(.variable(TemplatePath(tag.name), escaped: true))
                case .raw: add(.variable(TemplatePath(tag.name), escaped: false))
                case .partial: add(.partial(tag.name, indentation: tag.indentation))
                case .section, .inverted: stack.append((tag, []))
                case .close:
                    guard stack.count > 1 else {
                        throw TemplateSyntaxError(line: tag.line, column: tag.column, message: "{{/\(tag.name)}} closes a section that was never opened")
                    }
                    let (open, nodes) = stack.removeLast()
                    guard open.name == tag.name else {
                        throw TemplateSyntaxError(line: tag.line, column: tag.column,
                                                  message: "{{/\(tag.name)}} closes '\(open.name)', opened on line \(open.line): write {{/\(open.name)}}")
                    }
                    add(.section(TemplatePath(open.name), inverted: open.kind == .inverted, nodes))
                case .comment, .delimiters: break
                }
            }
        }
        flush()
        if stack.count > 1, let open = stack.last?.open {
            throw TemplateSyntaxError(line: open.line, column: open.column,
                                      message: "section '\(open.name)' is never closed: add {{/\(open.name)}}")
        }
        return stack[0].nodes
    }
}

private extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
