/// Escaping for the few places where Swift, not Mustache, writes markup.
public enum HTML {
    public static func escape(_ s: String) -> String {
        // Most text has nothing to escape: return it without copying.
        if s.withUTF8Bytes(needsNoEscaping) { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        s.withUTF8Bytes { appendEscaped($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `bytes` (UTF-8) with `& < > " '` as entities, so the text is safe in element
    /// content and in quoted attributes alike; runs without them are copied at once.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        escapedRuns(bytes) { out.append(contentsOf: $0) }
    }

    /// The same into the template renderer's buffer: the engine writes every `{{value}}` here.
    @inline(__always)
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout ByteBuffer) {
        escapedRuns(bytes) { out.append($0) }
    }

    /// Hands `emit` the escaped text of `bytes` as runs: unchanged stretches and entities.
    @inline(__always)
    private static func escapedRuns(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0, i = 0
        let n = bytes.count
        while i < n {
            // Sixteen, then eight bytes at a time while none of them needs an entity: most text
            // has none.
            if i + 16 <= n && !mayNeedEntity(VectorBytes.load(bytes, at: i)) {
                i += 16
                continue
            }
            if i + 8 <= n && !mayNeedEntity(bytes.word(at: i)) {
                i += 8
                continue
            }
            let entity: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                i += 1
                continue
            }
            if i > start { emit(UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            emit(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            i += 1
            start = i
        }
        if start < n { emit(UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    /// Whether `bytes` has none of `& < > " '`: text that is written escaped as it is. Worked out
    /// once for the strings every page shares (the theme's strings, the navigation, the
    /// vocabulary's links), instead of on every page that writes them.
    static func needsNoEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i + 16 <= n {
            if mayNeedEntity(VectorBytes.load(bytes, at: i)) { return false }
            i += 16
        }
        while i + 8 <= n {
            if mayNeedEntity(bytes.word(at: i)) { return false }
            i += 8
        }
        while i < n {
            switch bytes[i] {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return false
            default: i += 1
            }
        }
        return true
    }

    /// Whether one of the eight bytes of `word` is `& < > " '`.
    @inline(__always)
    static func mayNeedEntity(_ word: UInt64) -> Bool {
        WordBytes.equal(word, 0x26) | WordBytes.equal(word, 0x3C) | WordBytes.equal(word, 0x3E)
            | WordBytes.equal(word, 0x22) | WordBytes.equal(word, 0x27) != 0
    }

    /// The same for sixteen bytes.
    @inline(__always)
    static func mayNeedEntity(_ v: SIMD16<UInt8>) -> Bool {
        VectorBytes.any(VectorBytes.equal(v, 0x26) .| VectorBytes.equal(v, 0x3C) .| VectorBytes.equal(v, 0x3E)
            .| VectorBytes.equal(v, 0x22) .| VectorBytes.equal(v, 0x27))
    }

    /// JSON text that is safe inside `<script>`: `<`, `>` and `&` as \u escapes, so no
    /// content can close the element or open a comment.
    public static func scriptSafeJSON(_ json: String) -> String {
        var out = ""
        for c in json.unicodeScalars {
            switch c {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
