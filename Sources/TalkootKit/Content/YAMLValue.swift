import Yams

/// Front matter as a plain, position-carrying tree.
///
/// We convert Yams' `Node` into this once, so that validation can name the line and column of
/// every value (Yams' decoder only gives a coding path) and so that the rest of the pipeline
/// never sees YAML features we do not allow (anchors, aliases, tags).
public struct YAMLValue: Sendable {
    public enum Kind: Sendable {
        /// `plain` is false for quoted scalars: `"03-18"` and `'yes'` stay text.
        case scalar(String, plain: Bool)
        case mapping([YAMLEntry])
        case sequence([YAMLValue])
    }
    public var kind: Kind
    public var position: SourcePosition

    public var scalarText: String? {
        if case let .scalar(s, _) = kind { return s }
        return nil
    }
    public var isNull: Bool {
        // Lengths first: nearly every value is longer than "null", and each `==` with a literal
        // is a call into the string comparison.
        guard case let .scalar(s, plain) = kind, plain else { return false }
        switch s.utf8.count {
        case 0: return true
        case 1: return s == "~"
        case 4: return s == "null" || s == "Null" || s == "NULL"
        default: return false
        }
    }
    public var typeName: String {
        switch kind {
        case .scalar: return "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        }
    }
}

public struct YAMLEntry: Sendable {
    public var key: String
    public var keyPosition: SourcePosition
    public var value: YAMLValue
}

/// Parses front matter text into a `YAMLValue`, reporting syntax errors, duplicate keys,
/// anchors, aliases, tags and multi-document streams as diagnostics.
public enum YAMLReader {
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path used in diagnostics.
    ///   - lineOffset: number of lines before the YAML text in the file (the opening `---`).
    public static func parse(_ text: String, file: String, lineOffset: Int, log: inout DiagnosticLog) -> YAMLValue? {
        // Most front matter is plain enough for the fast reader; it gives the same value, and
        // gives up (nil) on anything else, which Yams then reads and reports on.
        if let value = FrontMatterYAML.parse(text, file: file, lineOffset: lineOffset) { return value }
        return parseWithYams(text, file: file, lineOffset: lineOffset, log: &log)
    }

    /// The reference reader: Yams, with every diagnostic. `parse` uses it when `FrontMatterYAML`
    /// gives up; the tests compare the two.
    static func parseWithYams(_ text: String, file: String, lineOffset: Int, log: inout DiagnosticLog) -> YAMLValue? {
        // Source lines are needed only for messages and for finding '&' and '!' (anchors, tags);
        // most front matter has neither, so they are split only when needed.
        func sourceLines() -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let mayHaveFeatures = text.containsByte(UInt8(ascii: "&")) || text.containsByte(UInt8(ascii: "!"))
        let node: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            log.append(diagnostic(for: error, file: file, lineOffset: lineOffset, lines: sourceLines()))
            return nil
        } catch {
            log.append(Diagnostic(file: file, line: lineOffset + 1, message: "front matter could not be read: \(error)"))
            return nil
        }
        guard let node else { return YAMLValue(kind: .mapping([]), position: SourcePosition(file: file, line: lineOffset + 1)) }
        var converter = Converter(file: file, lineOffset: lineOffset, lines: mayHaveFeatures ? sourceLines() : [],
                                  checksFeatures: mayHaveFeatures)
        let value = converter.convert(node)
        log.append(contentsOf: converter.diagnostics)
        return converter.diagnostics.isEmpty ? value : nil
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int, lines: [String] = []) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var at = mark
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text))" }
            let sourceLine = mark.line >= 1 && mark.line <= lines.count ? lines[mark.line - 1] : ""
            var help = hint(for: problem, line: sourceLine, column: mark.column)
            let contextText = context?.text ?? ""
            // A second `---` (site.yml) or a `...` followed by more text (front matter).
            if problem.contains("but found another document") || problem.contains("did not find expected <document start>") {
                message = "only one YAML document is allowed in front matter (found a second `---` or `...`)"
            } else if let context, contextText.contains("quoted scalar"), problem.contains("end of stream") {
                // libyaml reports the end of the text; the liaison needs the quote that was opened.
                at = context.mark
                message = "a quoted value is not closed: the quote mark here has no closing pair"
                help = "end the value with the same quote mark (\" or ') it starts with"
            } else if let context, contextText.contains("flow sequence") {
                at = context.mark
                message = "a list in [ ] is not closed, or its items are not separated by commas"
                help = "write a list as [a, b, c] on one line, or as lines starting with '- '"
            } else if let context, contextText.contains("flow mapping") {
                at = context.mark
                message = "a mapping in { } is not closed, or its fields are not separated by commas"
                help = "write it as {key: value, key: value} on one line, or as indented 'key: value' lines"
            }
            return Diagnostic(file: file, line: at.line + lineOffset, column: at.column, message: message, hint: help)
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first occurrence; the liaison needs to find the repeat.
            let key = duplicates.first ?? ""
            let first = context.mark
            let repeatLine = repeatedKeyLine(key, after: first, lines: lines)
            let line = (repeatLine ?? first.line) + lineOffset
            var message = "the key '\(duplicates.joined(separator: "', '"))' appears more than once"
            if repeatLine != nil { message += " (first on line \(first.line + lineOffset))" }
            return Diagnostic(file: file, line: line, column: first.column, field: key, message: message,
                              hint: "keep one of them")
        default:
            return Diagnostic(file: file, line: lineOffset + 1, message: "YAML error: \(error)")
        }
    }

    /// The line (1-based, in `lines`) where `key` appears again in the block mapping whose first
    /// occurrence of it is at `first`: the same column, before the mapping ends. Nil for flow
    /// mappings (`{a: 1, a: 2}`) and anything this simple scan cannot follow.
    static func repeatedKeyLine(_ key: String, after first: Mark, lines: [String]) -> Int? {
        guard !key.isEmpty, first.line >= 1 else { return nil }
        let indent = first.column - 1
        var i = first.line  // index of the line after the first occurrence
        while i < lines.count {
            let chars = Array(lines[i])
            let leading = chars.prefix { $0 == " " }.count
            let rest = String(chars.dropFirst(leading))
            if rest.isEmpty || rest.hasPrefix("#") { i += 1; continue }
            if leading < indent { return nil }  // the mapping has ended
            if leading == indent {
                for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling) {
                    if rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") { return i + 1 }
                }
            }
            i += 1
        }
        return nil
    }

    static func hint(for problem: String, line: String = "", column: Int = 0) -> String? {
        if problem.contains("mapping values are not allowed") {
            if line.first == " " || line.first == "\t" {
                return "check the indentation: this line starts further right than the field above it; a value that contains ': ' must be quoted"
            }
            return "a value that contains ': ' must be quoted, e.g. \"Klo 18: kerho\""
        }
        let chars = Array(line.unicodeScalars)
        let atTab = column >= 1 && column <= chars.count && chars[column - 1] == "\t"
        if problem.contains("tab character") || (atTab && chars.prefix(column - 1).allSatisfy { $0 == " " || $0 == "\t" }) {
            return "indent with spaces, not tabs"
        }
        if problem.contains("found character that cannot start any token") {
            return "values starting with @, ` or a tab must be quoted"
        }
        return nil
    }

    private struct Converter {
        let file: String
        let lineOffset: Int
        let lines: [String]
        let checksFeatures: Bool
        var diagnostics: [Diagnostic] = []

        func position(_ mark: Mark?) -> SourcePosition {
            SourcePosition(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }

        /// The source character where a node starts: `&` means an anchor, `!` a tag.
        /// (Yams resolves aliases to the anchored node, so an anchor is always there to find.)
        func startCharacter(_ mark: Mark?) -> Character? {
            guard let mark, mark.line >= 1, mark.line <= lines.count else { return nil }
            // libyaml counts columns in code points.
            let chars = Array(lines[mark.line - 1].unicodeScalars)
            let index = mark.column - 1
            guard index >= 0, index < chars.count else { return nil }
            return Character(chars[index])
        }

        mutating func checkFeatures(_ node: Node) {
            guard checksFeatures else { return }
            switch startCharacter(node.mark) {
            case "&":
                diagnostics.append(Diagnostic(file: file, line: position(node.mark).line, column: position(node.mark).column,
                                              message: "YAML anchors and aliases (&name, *name) are not allowed",
                                              hint: "write the value out in full"))
            case "!":
                diagnostics.append(Diagnostic(file: file, line: position(node.mark).line, column: position(node.mark).column,
                                              message: "YAML tags (!tag) are not allowed",
                                              hint: "write plain values; quote text that starts with '!'"))
            default: break
            }
        }

        mutating func convert(_ node: Node) -> YAMLValue {
            checkFeatures(node)
            let pos = position(node.mark)
            switch node {
            case let .scalar(s):
                return YAMLValue(kind: .scalar(s.string, plain: s.style == .plain), position: pos)
            case let .sequence(seq):
                return YAMLValue(kind: .sequence(seq.map { convert($0) }), position: pos)
            case let .mapping(map):
                var entries: [YAMLEntry] = []
                for (k, v) in map {
                    checkFeatures(k)
                    let key = k.scalar?.string ?? ""
                    entries.append(YAMLEntry(key: key, keyPosition: position(k.mark), value: convert(v)))
                }
                return YAMLValue(kind: .mapping(entries), position: pos)
            case let .alias(a):
                diagnostics.append(Diagnostic(file: file, line: position(a.mark).line, column: position(a.mark).column,
                                              message: "YAML aliases (*name) are not allowed", hint: "write the value out in full"))
                return YAMLValue(kind: .scalar("", plain: true), position: pos)
            }
        }
    }
}
