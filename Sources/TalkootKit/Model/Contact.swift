/// A phone number as written, with the international form for `tel:` links.
public struct PhoneNumber: Sendable, Hashable {
    public var display: String
    /// `+358401234567`
    public var international: String

    /// Accepts `+358 40 123 4567`, `040 123 4567`, `(06) 123 4567`; nil for anything else.
    public static func parse(_ text: String) -> PhoneNumber? {
        let trimmed = text.trimmingCharacters(in: " ")
        var digits = ""
        var plus = false
        for (i, c) in trimmed.enumerated() {
            if c == "+" && i == 0 { plus = true; continue }
            if c.isASCII && c.isNumber { digits.append(c); continue }
            if c == " " || c == "-" || c == "(" || c == ")" || c == "\u{00A0}" { continue }
            return nil
        }
        var international: String
        if plus {
            guard digits.count >= 7, digits.count <= 15 else { return nil }
            international = "+" + digits
            // "+358 (0)40 …" and "+358 040 …": the national trunk 0 is not dialled after +358.
            if international.hasPrefix("+3580") { international = "+358" + international.dropFirst(5) }
        } else {
            // National form: a leading 0 (area code or mobile prefix) becomes +358.
            guard digits.hasPrefix("0"), digits.count >= 6, digits.count <= 12 else { return nil }
            international = "+358" + digits.dropFirst()
        }
        return PhoneNumber(display: trimmed, international: international)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set || s.first == "\t" || s.first == "\n" { s.removeFirst() }
        while s.last == set || s.last == "\t" || s.last == "\n" { s.removeLast() }
        return String(s)
    }
    var trimmed: String { trimmingCharacters(in: " ") }
}

/// Shape checks for addresses (not existence).
public enum AddressCheck {
    public static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        // Characters that could add recipients or headers to a mailto: link are never part of an address here.
        let bad: Set<Character> = [" ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", "\t", "?", "&", "%", "/", "#", "="]
        return !s.contains { bad.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
    }

    /// An absolute http(s) URL with a host.
    public static func isWebURL(_ s: String) -> Bool {
        let lower = s.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = s.dropFirst(8) } else if lower.hasPrefix("http://") { rest = s.dropFirst(7) } else { return false }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, host.contains("."), !s.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else { return false }
        return true
    }
}

/// A person named by an association: published only with consent (content model).
public struct ContactPerson: Sendable, Hashable {
    public var name: String
    public var role: String?
    public var phone: PhoneNumber?
    public var email: String?
    public var consent: Bool
}
