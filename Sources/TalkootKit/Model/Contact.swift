/// A phone number as written, with the international form for `tel:` links.
public struct PhoneNumber: Sendable, Hashable {
    public var display: String
    /// `+358401234567`
    public var international: String

    /// Finland's country code, without the `+`.
    private static let finland: [UInt8] = Array("358".utf8)

    /// Accepts `+358 40 123 4567`, `040 123 4567`, `(06) 123 4567`; nil for anything else.
    public static func parse(_ text: String) -> PhoneNumber? {
        let trimmed = text.trimmed
        var digits: [UInt8] = []
        var plus = false
        // Nearly every number is ASCII: its bytes are its characters, read without the Unicode
        // tables. nil: other text, which the loop over characters reads.
        let readAsASCII: Bool? = trimmed.withUTF8Bytes { b in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            digits.reserveCapacity(b.count + 3)
            for (i, c) in b.enumerated() {
                if c == UInt8(ascii: "+") && i == 0 { plus = true; continue }
                if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digits.append(c); continue }
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "-") || c == UInt8(ascii: "(") || c == UInt8(ascii: ")") { continue }
                return false
            }
            return true
        }
        if readAsASCII == false { return nil }
        if readAsASCII == nil {
            for (i, c) in trimmed.enumerated() {
                if c == "+" && i == 0 { plus = true; continue }
                if c.isASCII && c.isNumber, let d = c.asciiValue { digits.append(d); continue }
                if c == " " || c == "-" || c == "(" || c == ")" || c == "\u{00A0}" { continue }
                return nil
            }
        }
        // The international form made on the digits' bytes, and one String of it: the counts,
        // prefixes and joins of Strings took most of the 2,600 instructions a number cost.
        var international: [UInt8] = []
        international.reserveCapacity(digits.count + 4)
        international.append(UInt8(ascii: "+"))
        if plus {
            guard digits.count >= 7, digits.count <= 15 else { return nil }
            // "+358 (0)40 …" and "+358 040 …": the national trunk 0 is not dialled after +358.
            let trunk = digits.starts(with: Self.finland) && digits[3] == UInt8(ascii: "0")
            for (i, d) in digits.enumerated() where !(trunk && i == 3) { international.append(d) }
        } else {
            // National form: a leading 0 (area code or mobile prefix) becomes +358.
            guard digits.first == UInt8(ascii: "0"), digits.count >= 6, digits.count <= 12 else { return nil }
            international += Self.finland
            international += digits.dropFirst()
        }
        return PhoneNumber(display: trimmed, international: String(decoding: international, as: UTF8.self))
    }
}

extension String {
    /// Without spaces, tabs and newlines at either end. The common case (nothing to trim) is
    /// decided on the first and last bytes, read where the string keeps them: `utf8.first` and
    /// `utf8.last` cost some 160 instructions between them, on most fields of every content file.
    var trimmed: String {
        let untouched = withUTF8Bytes { b in
            guard let first = b.first, let last = b.last else { return false }
            return first != 32 && first != 9 && first != 10 && last != 32 && last != 9 && last != 10
        }
        if untouched { return self }
        var s = Substring(self)
        while s.first == " " || s.first == "\t" || s.first == "\n" { s.removeFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\n" { s.removeLast() }
        return String(s)
    }
}

/// Shape checks for addresses (not existence).
public enum AddressCheck {
    public static func isEmail(_ s: String) -> Bool {
        isASCIIEmail(s) ?? isEmailByCharacters(s)
    }

    /// The rules of `isEmail` on characters, for any text.
    static func isEmailByCharacters(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        // Characters that could add recipients or headers to a mailto: link are never part of an address here.
        let bad: Set<Character> = [" ", "<", ">", "(", ")", "[", "]", ",", ";", ":", "\\", "\"", "\t", "?", "&", "%", "/", "#", "="]
        return !s.contains { bad.contains($0) || $0.isNewline || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) }
    }

    /// `isEmail` on the bytes of an ASCII address (nearly all of them), the same rules without
    /// building a set of characters per call; nil for other text, which takes the general path.
    /// `isWebURL` on the bytes of an ASCII address, the same rules; nil for other text.
    static func isASCIIWebURL(_ s: String) -> Bool? {
        return s.withUTF8Bytes { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
            func hasPrefix(_ p: String) -> Bool { b.count >= p.utf8.count && zip(b, p.utf8).allSatisfy { lower($0) == $1 } }
            let start: Int
            if hasPrefix("https://") { start = 8 } else if hasPrefix("http://") { start = 7 } else { return false }
            let host = b[start...].prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            guard !host.isEmpty, host.contains(UInt8(ascii: ".")) else { return false }
            return !b.contains { $0 == 32 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        }
    }

    /// The characters of `isEmail`'s list as a bit set over ASCII (bit c of the pair), with the
    /// control characters: one test per byte instead of a search of the list.
    private static let asciiForbidden: (UInt64, UInt64) = {
        var mask: (UInt64, UInt64) = (0xFFFF_FFFF, 1 << 63)  // 0-31, 127
        for c in " <>()[],;:\\\"\t?&%/#=".utf8 {
            if c < 64 { mask.0 |= 1 << UInt64(c) } else { mask.1 |= 1 << UInt64(c - 64) }
        }
        return mask
    }()

    static func isASCIIEmail(_ s: String) -> Bool? {
        return s.withUTF8Bytes { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let at = b.firstIndex(of: UInt8(ascii: "@")), at > 0,
                  !b[(at + 1)...].contains(UInt8(ascii: "@")) else { return false }
            let domain = b[(at + 1)...]
            guard domain.count >= 3, domain.contains(UInt8(ascii: ".")), domain.first != UInt8(ascii: "."),
                  domain.last != UInt8(ascii: ".") else { return false }
            var previous: UInt8 = 0
            for c in domain {
                if c == UInt8(ascii: ".") && previous == c { return false }
                previous = c
            }
            let forbidden = asciiForbidden
            return !b.contains { c in c < 64 ? forbidden.0 >> UInt64(c) & 1 == 1 : forbidden.1 >> UInt64(c - 64) & 1 == 1 }
        }
    }

    /// An absolute http(s) URL with a host.
    public static func isWebURL(_ s: String) -> Bool {
        isASCIIWebURL(s) ?? isWebURLByCharacters(s)
    }

    /// The rules of `isWebURL` on characters, for any text.
    static func isWebURLByCharacters(_ s: String) -> Bool {
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
