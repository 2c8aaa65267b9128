/// Reads typed fields from a front matter mapping and reports every problem where it is.
///
/// Every decoder of the content model goes through this type, so a rule such as "unknown keys
/// are errors, with a did-you-mean hint" or "URLs are http(s) only" is written once.
public struct FieldReader {
    public private(set) var log = DiagnosticLog()
    /// Every item a field named, for the check against drafts once all items are decoded.
    private(set) var references: [ItemReference] = []
    /// The mapping's entries in written order. A front matter mapping has a few dozen at most,
    /// so a scan beats building a dictionary for every file.
    private var entries: [YAMLEntry] = []
    /// Each entry's key length in bytes, in one flat array: a lookup scans these first.
    private var keyLengths: [Int] = []
    /// Where the mapping starts: missing fields are reported here.
    public let origin: SourcePosition
    /// Dotted path prefix of nested mappings, e.g. `contact_person.`.
    public let prefix: String

    public init(_ value: YAMLValue, prefix: String = "", allowed fieldNames: FieldNames, requiredFile: String? = nil) {
        origin = value.position
        self.prefix = prefix
        switch value.kind {
        case let .mapping(list):
            entries = list
            keyLengths = list.map(\.key.utf8.count)
        default:
            error(at: value.position, field: String(prefix.dropLast()), "expected \(prefix.isEmpty ? "front matter fields" : "a mapping of fields"), found \(value.typeName)")
        }
        let allowed = fieldNames.list
        for i in entries.indices where !fieldNames.contains(entries[i].key) {
            let key = entries[i].key
            error(at: entries[i].keyPosition, field: prefix + key, "unknown field '\(prefix)\(key)'",
                  hint: Suggestion.closest(to: key, in: allowed).map { "did you mean '\($0)'? Fields here: \(allowed.joined(separator: ", ")); free fields go under 'extra:'" }
                      ?? "fields here: \(allowed.joined(separator: ", ")); free fields go under 'extra:'")
        }
    }

    // MARK: reporting

    public mutating func error(at p: SourcePosition, field: String, _ message: String, hint: String? = nil) {
        log.append(Diagnostic(file: p.file, line: p.line, column: p.column, severity: .error, field: field, message: message, hint: hint))
    }
    public mutating func warning(at p: SourcePosition, field: String, _ message: String, hint: String? = nil) {
        log.append(Diagnostic(file: p.file, line: p.line, column: p.column, severity: .warning, field: field, message: message, hint: hint))
    }
    public mutating func absorb(_ other: FieldReader) {
        log.append(contentsOf: other.log.items)
        references.append(contentsOf: other.references)
    }

    /// Notes that the field at `position` names an existing item.
    mutating func referenced(_ kind: ContentKind, _ slug: String, at position: SourcePosition, field: String) {
        references.append(ItemReference(kind: kind, slug: slug, position: position, field: field))
    }

    /// Where the entry for `key` is; the last one if the key is written twice, as a dictionary
    /// would keep. Lengths are compared first: the keys read from a file are never the very
    /// strings the decoders ask with, so `==` compares their bytes, and most keys differ in length.
    /// An index, not a copy of the entry: copying retains its key, value and positions.
    private func index(_ key: String) -> Int? {
        let length = key.utf8.count
        var i = entries.count - 1
        while i >= 0 {
            if keyLengths[i] == length && entries[i].key == key { return i }
            i -= 1
        }
        return nil
    }

    public func has(_ key: String) -> Bool { index(key).map { !entries[$0].value.isNull } ?? false }
    public func position(of key: String) -> SourcePosition { index(key).map { entries[$0].value.position } ?? origin }
    public func name(_ key: String) -> String { prefix + key }

    /// The raw value; reports a missing required field.
    public mutating func value(_ key: String, required: Bool = false) -> YAMLValue? {
        present(key, required: required).map { entries[$0].value }
    }

    /// Where the entry for `key` is when it has a value (not null); reports a missing required
    /// field. For readers that look at the value where it is: copying it out (`value`) retains
    /// its text and its position's file name, and releases them again.
    private mutating func present(_ key: String, required: Bool) -> Int? {
        guard let i = index(key), !entries[i].value.isNull else {
            if required {
                error(at: origin, field: name(key), "required field '\(name(key))' is missing")
            }
            return nil
        }
        return i
    }

    // MARK: scalars

    /// Trimmed text; nil when missing or empty. Most fields of every file are read by this.
    public mutating func text(_ key: String, required: Bool = false, maxLength: Int? = nil) -> String? {
        guard let i = present(key, required: required) else { return nil }
        guard case let .scalar(s, _) = entries[i].value.kind else {
            error(at: entries[i].value.position, field: name(key), "'\(name(key))' must be text, found \(entries[i].value.typeName)")
            return nil
        }
        let t = s.trimmed
        if t.isEmpty {
            if required { error(at: entries[i].value.position, field: name(key), "'\(name(key))' must not be empty") }
            return nil
        }
        if let maxLength, t.utf8.count > maxLength, t.count > maxLength {
            error(at: entries[i].value.position, field: name(key), "'\(name(key))' is \(t.count) characters long; at most \(maxLength) are allowed",
                  hint: "shorten it; the full text belongs in the Markdown body")
        }
        return t
    }

    public mutating func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let v = value(key, required: required) else { return nil }
        guard let s = v.scalarText, let n = Int(s.trimmed) else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a whole number, found \(v.scalarText.map { "'\($0)'" } ?? v.typeName)")
            return nil
        }
        if let range, !range.contains(n) {
            error(at: v.position, field: name(key), "'\(name(key))' must be between \(range.lowerBound) and \(range.upperBound), found \(n)")
            return nil
        }
        return n
    }

    public mutating func double(_ key: String, range: ClosedRange<Double>) -> Double? {
        guard let v = value(key) else { return nil }
        guard let s = v.scalarText, let n = Double(s.trimmed), range.contains(n) else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a number between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return n
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let i = present(key, required: false) else { return nil }
        switch entries[i].value.scalarText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(at: entries[i].value.position, field: name(key), "'\(name(key))' must be true or false")
            return nil
        }
    }

    /// An ISO date `2027-03-18`.
    public mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let v = value(key, required: required) else { return nil }
        return day(v, field: name(key))
    }

    public mutating func day(_ v: YAMLValue, field: String) -> Day? {
        guard let s = v.scalarText?.trimmed else {
            error(at: v.position, field: field, "'\(field)' must be a date such as 2027-03-18")
            return nil
        }
        if let d = Day.parse(s) { return d }
        if Day.looksLikeISO(s) {
            error(at: v.position, field: field, "'\(field)': \(s) is not a date that exists")
        } else {
            error(at: v.position, field: field, "'\(field)' must be a date such as 2027-03-18, found '\(s)'")
        }
        return nil
    }

    /// A date once (`2027-03-18`) or every year (`"03-18"`).
    public mutating func dateSpec(_ key: String, required: Bool = false) -> DateSpec? {
        guard let v = value(key, required: required) else { return nil }
        guard let s = v.scalarText?.trimmed else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a date such as 2027-03-18 or \"03-18\" (every year)")
            return nil
        }
        if let d = Day.parse(s) { return .once(d) }
        if let md = MonthDay.parse(s) { return .yearly(md) }
        if Day.looksLikeISO(s) || MonthDay.looksLikeMonthDay(s) {
            error(at: v.position, field: name(key), "'\(name(key))': \(s) is not a date that exists",
                  hint: s.hasSuffix("02-29") ? "a yearly date cannot be 02-29" : nil)
        } else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a date such as 2027-03-18 or \"03-18\" (every year), found '\(s)'")
        }
        return nil
    }

    public mutating func webURL(_ key: String, required: Bool = false) -> String? {
        guard let s = text(key, required: required) else { return nil }
        guard AddressCheck.isWebURL(s) else {
            error(at: position(of: key), field: name(key), "'\(name(key))' must be a web address starting with https:// or http://, found '\(s)'")
            return nil
        }
        return s
    }

    public mutating func email(_ key: String, required: Bool = false) -> String? {
        guard var s = text(key, required: required) else { return nil }
        if s.hasASCIIPrefixIgnoringCase("mailto:") { s = String(s.dropFirst(7)) }
        guard AddressCheck.isEmail(s) else {
            error(at: position(of: key), field: name(key), "'\(name(key))' is not an e-mail address: '\(s)'", hint: "write it as name@example.fi")
            return nil
        }
        return s
    }

    public mutating func phone(_ key: String) -> PhoneNumber? {
        guard let v = value(key) else { return nil }
        guard var s = v.scalarText?.trimmed else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a phone number")
            return nil
        }
        if s.hasASCIIPrefixIgnoringCase("tel:") { s = String(s.dropFirst(4)) }
        guard let p = PhoneNumber.parse(s) else {
            error(at: v.position, field: name(key), "'\(name(key))' is not a phone number: '\(s)'",
                  hint: "write it as +358 40 123 4567 or 040 123 4567, in quotes")
            return nil
        }
        return p
    }

    // MARK: lists and mappings

    /// A list; a single value is an error (write `[a]` or `- a`).
    public mutating func list(_ key: String, required: Bool = false) -> [YAMLValue]? {
        guard let i = present(key, required: required) else { return nil }
        guard case let .sequence(items) = entries[i].value.kind else {
            error(at: entries[i].value.position, field: name(key), "'\(name(key))' must be a list, e.g. [a, b] or lines starting with '- '")
            return nil
        }
        if required && items.isEmpty { error(at: entries[i].value.position, field: name(key), "'\(name(key))' must list at least one item") }
        return items
    }

    public mutating func textList(_ key: String, required: Bool = false) -> [String] {
        guard let items = list(key, required: required) else { return [] }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.scalarText?.trimmed, !s.isEmpty else {
                error(at: item.position, field: "\(name(key))[\(i)]", "items of '\(name(key))' must be text")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// A list of ids from a fixed set; unknown ids are errors that list the allowed ones.
    public mutating func ids(_ key: String, allowed: [String], what: String, required: Bool = false) -> [String] {
        guard let items = list(key, required: required) else { return [] }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard let s = item.scalarText?.trimmed else {
                error(at: item.position, field: "\(name(key))[\(i)]", "items of '\(name(key))' must be \(what) ids")
                continue
            }
            if allowed.contains(s) {
                if !out.contains(s) { out.append(s) }
            } else {
                error(at: item.position, field: "\(name(key))[\(i)]", "unknown \(what) '\(s)'", hint: Suggestion.hint(for: s, allowed: allowed))
            }
        }
        return out
    }

    /// One id from a fixed set.
    public mutating func id(_ key: String, allowed: [String], what: String, required: Bool = false) -> String? {
        guard let s = text(key, required: required) else { return nil }
        guard allowed.contains(s) else {
            error(at: position(of: key), field: name(key), "unknown \(what) '\(s)'", hint: Suggestion.hint(for: s, allowed: allowed))
            return nil
        }
        return s
    }

    public mutating func mapping(_ key: String, allowed: FieldNames, required: Bool = false) -> FieldReader? {
        guard let v = value(key, required: required) else { return nil }
        guard case .mapping = v.kind else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a mapping (key: value lines), found \(v.typeName)")
            return nil
        }
        return FieldReader(v, prefix: name(key) + ".", allowed: allowed)
    }

    /// A mapping of free names to text, in written order (`social:`, `extra:`).
    public mutating func textMap(_ key: String) -> [(key: String, value: String, position: SourcePosition)] {
        guard let v = value(key) else { return [] }
        guard case let .mapping(list) = v.kind else {
            error(at: v.position, field: name(key), "'\(name(key))' must be a mapping (key: value lines)")
            return []
        }
        var out: [(String, String, SourcePosition)] = []
        for e in list {
            guard let s = e.value.scalarText else {
                error(at: e.value.position, field: "\(name(key)).\(e.key)", "'\(name(key)).\(e.key)' must be text")
                continue
            }
            out.append((e.key, s.trimmed, e.value.position))
        }
        return out
    }

    /// `extra:` is free for themes: kept as text values, never validated beyond that.
    public mutating func extra() -> [String: String] {
        guard let i = present("extra", required: false) else { return [:] }
        guard case let .mapping(list) = entries[i].value.kind else {
            error(at: entries[i].value.position, field: name("extra"),
                  "'\(name("extra"))' must be a mapping of free fields (key: value lines), found \(entries[i].value.typeName)")
            return [:]
        }
        var out: [String: String] = [:]
        for e in list { if let s = e.value.scalarText { out[e.key] = s } }
        return out
    }

    /// A mapping given per language or a single string (`title: {fi: ..., sv: ...}`).
    public mutating func localizedText(_ key: String, languages: [String], required: Bool = false) -> LocalizedText? {
        guard let v = value(key, required: required) else { return nil }
        switch v.kind {
        case let .scalar(s, _):
            return LocalizedText(s.trimmed)
        case let .mapping(list):
            var values: [String: String] = [:]
            for e in list {
                if !languages.contains(e.key) {
                    error(at: e.keyPosition, field: "\(name(key)).\(e.key)", "'\(e.key)' is not one of the site's languages",
                          hint: "languages: \(languages.joined(separator: ", "))")
                }
                guard let s = e.value.scalarText else {
                    error(at: e.value.position, field: "\(name(key)).\(e.key)", "'\(name(key)).\(e.key)' must be text")
                    continue
                }
                values[e.key] = s.trimmed
            }
            return LocalizedText(values: values, default: languages.first ?? "fi")
        case .sequence:
            error(at: v.position, field: name(key), "'\(name(key))' must be text, or text per language such as {fi: ..., sv: ...}")
            return nil
        }
    }
}

/// The fields a mapping may have (`extra:` always may), listed once per decoder: the table that
/// answers "is this key known?" is built once, not for every file read.
public struct FieldNames: ExpressibleByArrayLiteral, Sendable {
    /// In the documented order, for "fields here: …" hints.
    public let list: [String]
    /// The known names by their length in bytes: a key is compared with the one or two names of
    /// its length. Hashing every key of 10,000 files into a set cost more than that.
    private let byLength: [[String]]

    public init(_ list: [String]) {
        self.list = list
        let names = list + ["extra"]
        var table = [[String]](repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for name in names where !table[name.utf8.count].contains(name) { table[name.utf8.count].append(name) }
        byLength = table
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    public func contains(_ key: String) -> Bool {
        let length = key.utf8.count
        guard length < byLength.count else { return false }
        for i in byLength[length].indices where byLength[length][i] == key { return true }
        return false
    }

    public func adding(_ names: [String]) -> FieldNames { FieldNames(list + names) }
}

extension String {
    /// `lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, on the first bytes:
    /// lowercasing every e-mail address and phone number of the content made a copy of each.
    func hasASCIIPrefixIgnoringCase(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: n)
        var k = 0
        for b in utf8 {
            if k == n { return true }
            // ASCII letters differ from their capitals by 0x20 alone; others must be equal.
            let lower = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
            if lower != p[k] { return false }
            k += 1
        }
        return k == n
    }
}
