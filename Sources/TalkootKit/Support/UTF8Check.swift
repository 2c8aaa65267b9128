/// Whether bytes are valid UTF-8, decided as `String(validating:)` decides it (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF).
///
/// Why it exists: a content file's front matter is read straight from its bytes (see
/// `ContentLoader.parseFast`), and the standard library's check, which the `String` initializers
/// run, goes byte by byte once the text has a letter such as ä: about ten instructions a byte.
/// Here plain ASCII is skipped eight bytes at a time and each multi-byte character is checked
/// where it starts.
enum UTF8Check {
    static func isValid(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = u.baseAddress else { return true }
        let n = u.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let high = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080
                if high == 0 {
                    i += 8
                    continue
                }
                // To the first byte with its high bit set (the word is read little-endian).
                i += high.trailingZeroBitCount >> 3
            } else if p[i] < 0x80 {
                i += 1
                continue
            }
            // A multi-byte character starts at `i`.
            let lead = p[i]
            switch lead {
            case 0xC2...0xDF:
                guard i + 1 < n, isContinuation(p[i + 1]) else { return false }
                i += 2
            case 0xE0...0xEF:
                // E0 would be overlong below A0; ED above 9F would be a surrogate.
                guard i + 2 < n, p[i + 1] >= (lead == 0xE0 ? 0xA0 : 0x80), p[i + 1] <= (lead == 0xED ? 0x9F : 0xBF),
                      isContinuation(p[i + 2]) else { return false }
                i += 3
            case 0xF0...0xF4:
                // F0 would be overlong below 90; F4 above 8F would pass U+10FFFF.
                guard i + 3 < n, p[i + 1] >= (lead == 0xF0 ? 0x90 : 0x80), p[i + 1] <= (lead == 0xF4 ? 0x8F : 0xBF),
                      isContinuation(p[i + 2]), isContinuation(p[i + 3]) else { return false }
                i += 4
            default:
                // A continuation byte with no lead, C0 and C1 (overlong), F5 to FF.
                return false
            }
        }
        return true
    }

    @inline(__always)
    private static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }
}
