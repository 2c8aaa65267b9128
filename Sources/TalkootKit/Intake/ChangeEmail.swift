/// Reads a filled "Ilmoita muutos" e-mail back (cli.md, `talkoot intake`).
///
/// The template the site offers is `key: value` lines under a `talkoot-slug:` line. Mail
/// programs quote (`> `), wrap long lines and leave HTML-to-text artefacts; all of that is
/// tolerated: quote markers are stripped, a line that is not `known-key:` continues the previous
/// value, and entities such as `&nbsp;` are decoded.
public struct ChangeEmail: Sendable, Equatable {
    /// Empty for a new association.
    public var slug: String?
    /// In the order written; an empty value means "remove this field".
    public var fields: [(key: String, value: String)]

    public static func == (a: ChangeEmail, b: ChangeEmail) -> Bool {
        a.slug == b.slug && a.fields.map(\.key) == b.fields.map(\.key) && a.fields.map(\.value) == b.fields.map(\.value)
    }

    /// The fields an e-mail may change. Others (contact person consent, activities, logo …)
    /// need the liaison's judgement and are edited in the file.
    public static let keys = ["name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone",
                              "target_groups", "languages", "membership", "volunteers_wanted", "volunteer_tasks"]
    public static let listKeys: Set<String> = ["sectors", "target_groups", "languages"]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noTemplate
        public var description: String {
            "no 'talkoot-slug:' line found: is this the change e-mail of the site's \"Report a change\" link?"
        }
    }

    public static func parse(_ raw: String) throws(Failure) -> ChangeEmail {
        var lines: [String] = []
        for var line in FrontMatterFile.normalise(raw).split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            line = decodeEntities(line)
            // Quote markers: "> ", ">> ", "> > ".
            while let first = line.first, first == ">" || (first == " " && line.dropFirst().first == ">") {
                line.removeFirst()
            }
            line = line.replacingOccurrences(of: "\u{00A0}", with: " ")
            lines.append(line.trimmed)
        }
        guard let start = lines.firstIndex(where: { $0.lowercased().hasPrefix("talkoot-slug:") }) else { throw .noTemplate }
        let slugValue = String(lines[start].dropFirst("talkoot-slug:".count)).trimmed
        var fields: [(String, String)] = []
        var current: Int?
        for line in lines[(start + 1)...] {
            if line == "--" || line.hasPrefix("-- ") { break }   // signature
            if let (key, value) = keyValue(line) {
                if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = value; current = i } else {
                    fields.append((key, value))
                    current = fields.count - 1
                }
            } else if line.isEmpty {
                current = nil
            } else if let c = current {
                // A wrapped line continues the value.
                fields[c].1 += (fields[c].1.isEmpty ? "" : " ") + line
            }
        }
        return ChangeEmail(slug: slugValue.isEmpty ? nil : slugValue, fields: fields)
    }

    static func keyValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = String(line[..<colon]).trimmed.lowercased().replacingOccurrences(of: "*", with: "")
        guard keys.contains(key) else { return nil }
        return (key, String(line[line.index(after: colon)...]).trimmed)
    }

    static func decodeEntities(_ s: String) -> String {
        guard s.contains("&") || s.contains("<") else { return s }
        var t = s
        for (e, r) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("<br>", ""), ("<br/>", ""), ("<br />", "")] {
            t = t.replacingOccurrences(of: e, with: r)
        }
        return t
    }
}

/// Applies a change e-mail to an association file: replaces or adds the fields it gives,
/// removes the ones it empties, sets `updated`, and keeps every other line and the body as is.
public enum FrontMatterEditor {
    public static func apply(_ change: ChangeEmail, to original: String?, today: Day) -> String {
        var head: [String] = []
        var body = "\n"
        if let original, let split = splitLines(original) {
            head = split.head
            body = split.body
        }
        let current = currentValues(head)
        var values = change.fields.map { ($0.key, $0.value) }
        // A value the e-mail repeats unchanged keeps its line exactly as it was written.
        values.removeAll { key, value in
            guard let now = current[key] else { return value.isEmpty }
            return normalised(now, key: key) == normalised(value, key: key)
        }
        values.append(("updated", today.iso))
        for (key, value) in values {
            let range = fieldRange(key, in: head)
            let newLines = value.isEmpty ? [] : ["\(key): \(yaml(value, key: key))"]
            if let range {
                head.replaceSubrange(range, with: newLines)
            } else if !newLines.isEmpty {
                head.append(contentsOf: newLines)
            }
        }
        return "---\n" + head.joined(separator: "\n") + "\n---\n" + body
    }

    /// Top-level values of the original front matter as text (lists joined with ", ").
    static func currentValues(_ head: [String]) -> [String: String] {
        var log = DiagnosticLog()
        guard let value = YAMLReader.parse(head.joined(separator: "\n"), file: "", lineOffset: 0, log: &log),
              case let .mapping(entries) = value.kind else { return [:] }
        var out: [String: String] = [:]
        for e in entries {
            switch e.value.kind {
            case let .scalar(s, _): out[e.key] = s
            case let .sequence(items): out[e.key] = items.compactMap(\.scalarText).joined(separator: ", ")
            case .mapping: continue
            }
        }
        return out
    }

    static func normalised(_ value: String, key: String) -> String {
        if ChangeEmail.listKeys.contains(key) {
            return value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmed.lowercased() }.joined(separator: ",")
        }
        if key == "volunteers_wanted" { return yaml(value, key: key) }
        return value.trimmed
    }

    static func splitLines(_ text: String) -> (head: [String], body: String)? {
        let lines = FrontMatterFile.normalise(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.trimmed == "---", let end = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }) else { return nil }
        return (Array(lines[1..<end]), lines[(end + 1)...].joined(separator: "\n"))
    }

    /// The lines of a top-level field: its key line and the indented or list lines after it.
    static func fieldRange(_ key: String, in lines: [String]) -> Range<Int>? {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return nil }
        var end = start + 1
        while end < lines.count, let c = lines[end].first, c == " " || c == "-" || c == "\t" || c == "#" { end += 1 }
        while end < lines.count, lines[end].isEmpty, end + 1 < lines.count, let c = lines[end + 1].first, c == " " || c == "-" { end += 1 }
        return start..<end
    }

    /// YAML for a value from the e-mail: lists as flow lists, booleans and years as they are,
    /// everything else double-quoted so no text can be read as YAML syntax.
    static func yaml(_ value: String, key: String) -> String {
        if ChangeEmail.listKeys.contains(key) {
            let items = value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0).trimmed.lowercased() }.filter { !$0.isEmpty }
            return "[" + items.map { Slug.isValid($0) ? $0 : quote($0) }.joined(separator: ", ") + "]"
        }
        if key == "volunteers_wanted" {
            return ["true", "yes", "kyllä", "kylla", "ja", "k", "x"].contains(value.lowercased()) ? "true" : "false"
        }
        if key == "founded", Int(value) != nil { return value }
        if key == "updated", Day.parse(value) != nil { return value }
        return quote(value)
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

/// A line diff for showing what `intake` would change (longest common subsequence).
public enum LineDiff {
    public static func unified(_ old: String, _ new: String, path: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out = "--- \(path)\n+++ \(path)\n"
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { out += "  \(a[i])\n"; i += 1; j += 1 }
            else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] { out += "+ \(b[j])\n"; j += 1 }
            else { out += "- \(a[i])\n"; i += 1 }
        }
        return out
    }
}
