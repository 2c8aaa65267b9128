/// Sorting names the way Finnish and Swedish readers expect: … X Y Z Å Ä Ö.
public enum Collation {
    /// A name's sort key: lowercased, accents dropped, and å, ä, ö as the three characters that
    /// follow "z" in ASCII ("{", "|", "}"), so that "Zeta" sorts before "Åbo" (with "z" and a
    /// control character, as before, every Å-, Ä- and Ö-name came before "Za…").
    public static func key(_ name: String) -> String {
        // Scalar by scalar while every scalar and its lowercase lie below U+0300 (Latin letters;
        // combining marks start there): there each character is one scalar, and `lowercased()`
        // is the scalars' own lowercase mappings one after the other. That covers nearly every
        // name, without lowercasing the whole name first (25,000 instructions a name).
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count)
        for u in name.unicodeScalars {
            if u.isASCII {
                let b = UInt8(u.value)
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                continue
            }
            // Å, Ä and Ö, in either case, the commonest by far: without looking up the scalar's
            // lowercase mapping (a string made for each) and then the key letter (a hashed lookup).
            switch u.value {
            case 0xE5, 0xC5: out.append(UInt8(ascii: "{")); continue
            case 0xE4, 0xC4: out.append(UInt8(ascii: "|")); continue
            case 0xF6, 0xD6: out.append(UInt8(ascii: "}")); continue
            default: break
            }
            guard u.value < 0x300 else { return keyByCharacters(name) }
            for l in u.properties.lowercaseMapping.unicodeScalars {
                guard l.value < 0x300 else { return keyByCharacters(name) }
                if let r = keyLetters[l] { out.append(contentsOf: r.utf8) } else { out.append(contentsOf: String(l).utf8) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `key` for the other names: whole characters, which compare by canonical equivalence (a
    /// decomposed "a\u{308}" is "ä" too).
    static func keyByCharacters(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.unicodeScalars.allSatisfy({ $0.value < 0x300 }) {
            var out = ""
            for u in lower.unicodeScalars {
                if u.isASCII { out.unicodeScalars.append(u) } else if let r = keyLetters[u] { out += r } else { out.unicodeScalars.append(u) }
            }
            return out
        }
        var out = ""
        for c in lower {
            if let r = keyLetters.first(where: { Character($0.key) == c })?.value { out += r } else { out.append(c) }
        }
        return out
    }

    /// The letters a sort key writes differently, lowercase: the rest stand for themselves.
    private static let keyLetters: [Unicode.Scalar: String] = [
        "å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}",
        "é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "â": "a", "ü": "y",
    ]

    /// The letter an item is listed under in an A–Ö index.
    public static func initial(_ name: String) -> String {
        // Most names start with an ASCII letter or digit, or with Ä, Ö or Å, that stands alone as
        // a character (no combining mark follows it): that is the initial, without uppercasing
        // the whole name and walking its characters first (4,000 instructions a name).
        let u = name.utf8
        var i = u.startIndex
        while i != u.endIndex {
            let b = u[i]
            if b >= 0x80 {
                // A Latin-1 letter (C3 xx) that the index lists under a letter of its own.
                guard b == 0xC3, let second = u.index(i, offsetBy: 1, limitedBy: u.endIndex), second != u.endIndex,
                      let letter = latin1Initial(u[second]), standsAlone(u, after: u.index(after: second)) else { break }
                return letter
            }
            let isDigit = b >= 0x30 && b <= 0x39, isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if isDigit || isLetter {
                guard standsAlone(u, after: u.index(after: i)) else { break }
                return isDigit ? "0–9" : String(UnicodeScalar(b & ~0x20))
            }
            i = u.index(after: i)
        }
        return initialByCharacters(name)
    }

    /// Whether the character before `i` ends there: the name ends, or an ASCII character or a
    /// Latin-1 letter (C3 xx, none of which is a combining mark) comes next.
    private static func standsAlone(_ u: String.UTF8View, after i: String.UTF8View.Index) -> Bool {
        i == u.endIndex || u[i] < 0x80 || u[i] == 0xC3
    }

    /// The initial of the Latin-1 letter C3 `second`, as `initialByCharacters` gives it, for the
    /// letters Finnish and Swedish names start with; nil for the others.
    private static func latin1Initial(_ second: UInt8) -> String? {
        switch second {
        case 0x84, 0xA4: return "Ä"
        case 0x96, 0xB6: return "Ö"
        case 0x85, 0xA5: return "Å"
        case 0x89, 0xA9, 0x88, 0xA8: return "E"  // É é È è
        case 0x9C, 0xBC: return "Y"  // Ü ü
        default: return nil
        }
    }

    /// `initial` by whole characters, for names that start otherwise.
    static func initialByCharacters(_ name: String) -> String {
        guard let c = name.uppercased().first(where: { $0.isLetter || $0.isNumber }) else { return "#" }
        if c.isNumber { return "0–9" }
        switch c {
        case "Å", "Ä", "Ö": return String(c)
        case "É", "È": return "E"
        case "Ü": return "Y"
        default: return String(c)
        }
    }
}

/// A `Collation.key` that sorts fast: keys are nearly always ASCII once å, ä and ö are mapped,
/// and comparing their bytes gives the same order as `String`'s `<` (which otherwise
/// normalises Unicode on every comparison). Keys with other characters compare as strings.
public struct CollationKey: Comparable, Sendable {
    let text: String
    let ascii: [UInt8]?

    public init(_ name: String) {
        text = Collation.key(name)
        ascii = text.utf8.allSatisfy { $0 < 0x80 } ? Array(text.utf8) : nil
    }

    public static func == (a: CollationKey, b: CollationKey) -> Bool {
        if let x = a.ascii, let y = b.ascii { return x == y }
        return a.text == b.text
    }

    public static func < (a: CollationKey, b: CollationKey) -> Bool {
        if let x = a.ascii, let y = b.ascii { return x.precedesInByteOrder(y) }
        return a.text < b.text
    }
}

/// Percent-encoding for mailto: and query strings (RFC 3986 unreserved characters pass).
public enum URLEncoding {
    public static func component(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` percent-encoded. Encoding goes byte by byte, so pieces appended one after
    /// the other give the encoding of the whole. Encoded into a scratch buffer on the stack and
    /// appended at once: an `append` per byte cost about fifteen instructions a byte, and every
    /// association page carries a change e-mail link of about a kilobyte.
    static func append(_ s: String, to out: inout [UInt8]) {
        s.withUTF8Bytes { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3) { buffer in
                let n = encode(bytes, into: buffer.baseAddress!)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
            }
        }
    }

    /// The same into a byte buffer, encoded where it ends (the change e-mail link's values).
    static func append(_ s: String, to out: inout ByteBuffer) {
        s.withUTF8Bytes { bytes in
            out.append(atMost: bytes.count * 3) { encode(bytes, into: $0) }
        }
    }

    /// Writes `bytes` percent-encoded at `encoded`, which has room for three bytes each;
    /// returns how many it wrote.
    @inline(__always)
    private static func encode(_ bytes: UnsafeBufferPointer<UInt8>, into encoded: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for b in bytes {
            if isUnreserved(b) {
                encoded[n] = b
                n += 1
            } else {
                encoded[n] = UInt8(ascii: "%")
                encoded[n + 1] = hexDigit(b >> 4)
                encoded[n + 2] = hexDigit(b & 0xF)
                n += 3
            }
        }
        return n
    }

    @inline(__always)
    private static func hexDigit(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x37 + d }

    /// The bytes written as they are (RFC 3986's unreserved characters: letters, digits and
    /// `-._~`), as bits of two words: a shift and a test per byte, with no table to load
    /// (an array of flags cost a bounds check and a check that it was made, per byte).
    @inline(__always)
    static func isUnreserved(_ b: UInt8) -> Bool {
        let low: UInt64 = 0x03FF_6000_0000_0000  // 0-9 (0x30-0x39), '-' (0x2D), '.' (0x2E)
        let high: UInt64 = 0x47FF_FFFE_87FF_FFFE  // A-Z, '_' (0x5F), a-z, '~' (0x7E)
        return b < 64 ? (low >> b) & 1 != 0 : b < 128 && (high >> (b & 63)) & 1 != 0
    }
}
