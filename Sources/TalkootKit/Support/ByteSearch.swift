import Foundation

extension String {
    /// Calls `body` with the string's UTF-8: in place for a string that keeps it in storage of
    /// its own, else (a short string, kept in the value itself) through `withUTF8` on a copy.
    /// `withUTF8` alone needs a mutable copy of every string, a retain and a release of its
    /// storage, on tables and buffers that every page hashes and writes into.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = self
        return try copy.withUTF8(body)
    }

    /// Where the last `byte` (ASCII) is, found on the bytes from the end: `lastIndex(of:)`
    /// walked back Character by Character, some 3,900 instructions on an output file's path.
    func lastIndex(ofByte byte: UInt8) -> String.Index? {
        let offset = utf8.withContiguousStorageIfAvailable { u -> Int? in
            var i = u.count
            while i > 0 {
                i -= 1
                if u[i] == byte { return i }
            }
            return nil
        }
        guard let offset else { return utf8.lastIndex(of: byte) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the UTF-8 text holds `byte`, with `memchr`: `utf8.contains` walks the view one
    /// index at a time, which showed up when every body of a large corpus is scanned.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? utf8.contains(byte)
    }
}

extension String {
    /// Byte order (as `LC_ALL=C ls` sorts), with `memcmp`: the same order as
    /// `utf8.lexicographicallyPrecedes`, which walks both views one index at a time and was 3% of
    /// `check` when sorting 10,000 file names and slugs.
    func precedesInByteOrder(_ other: String) -> Bool {
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in UnsafeBufferPointer.precedesInByteOrder(a, b) }
        }
        return (fast ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension Array {
    /// Sorted by a text key in byte order (see `String.precedesInByteOrder`), keeping the order
    /// of equal keys. The first 16 bytes of each key are compared as two integers, so `memcmp`
    /// runs only for keys that share them: sorting 10,000 file names by slug, most of which
    /// share a first word, spent 16 ms of `check` in comparisons.
    func sortedInByteOrder(by key: (Element) -> String) -> [Element] {
        let keys = map(key)
        var order = [(high: UInt64, low: UInt64, index: Int)]()
        order.reserveCapacity(count)
        for (i, k) in keys.enumerated() {
            let (high, low) = k.withUTF8Bytes { u in (Self.bigEndianWord(u, from: 0), Self.bigEndianWord(u, from: 8)) }
            order.append((high, low, i))
        }
        order.sort { a, b in
            if a.high != b.high { return a.high < b.high }
            if a.low != b.low { return a.low < b.low }
            if keys[a.index].precedesInByteOrder(keys[b.index]) { return true }
            if keys[b.index].precedesInByteOrder(keys[a.index]) { return false }
            return a.index < b.index
        }
        return order.map { self[$0.index] }
    }

    /// Eight bytes from `start` as a big-endian integer, zeros past the end: integers then
    /// compare as the bytes do, and a shorter text comes first, as with `memcmp`.
    private static func bigEndianWord(_ u: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt64 {
        var word: UInt64 = 0
        for i in start..<start + 8 {
            word = word << 8 | UInt64(i < u.count ? u[i] : 0)
        }
        return word
    }
}

extension Array where Element == UInt8 {
    /// Byte order with `memcmp` (see `String.precedesInByteOrder`).
    func precedesInByteOrder(_ other: [UInt8]) -> Bool {
        withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in UnsafeBufferPointer.precedesInByteOrder(a, b) } }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether `a` sorts before `b` byte by byte (a prefix first), with `memcmp`.
    static func precedesInByteOrder(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = Swift.min(a.count, b.count)
        if common > 0, let x = a.baseAddress, let y = b.baseAddress {
            let order = memcmp(x, y, common)
            if order != 0 { return order < 0 }
        }
        return a.count < b.count
    }

    /// The index of the first `byte` at or after `start`, or `count`: `memchr`, where
    /// `firstIndex(of:)` on a slice tests one byte per step.
    func index(of byte: UInt8, from start: Int) -> Int {
        guard start < count, let base = baseAddress, let hit = memchr(base + start, Int32(byte), count - start) else { return count }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The 8 bytes at `offset` as one word, for `WordBytes`. `offset + 8` must not exceed `count`.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UnsafeRawPointer(baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }
}

/// Tests on eight bytes at once, as one 64-bit word, so that scanners skip runs of bytes that
/// need nothing. Each is the "has a zero byte" trick: exact about whether some byte matches
/// (a result is nonzero then), though not about which.
enum WordBytes {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when a byte of `word` is `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs
    }

    /// Nonzero when a byte of `word` is below `limit` (at most 0x80): subtracting borrows into
    /// that byte's high bit, which was clear.
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }
}

/// Tests on sixteen bytes at once, as one vector (SSE2 on x86-64, NEON on ARM): the compiler
/// turns each comparison into one instruction, so a scanner skips a run of bytes that need
/// nothing at about one instruction a byte, a third of what the word tests take. Used first on
/// long texts (page bodies in JSON, descriptions); `WordBytes` and a byte loop do the rest.
enum VectorBytes {
    /// The 16 bytes at `offset`. `offset + 16` must not exceed `count`.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// The lanes of `v` that are `byte`.
    @inline(__always)
    static func equal(_ v: SIMD16<UInt8>, _ byte: UInt8) -> SIMDMask<SIMD16<Int8>> {
        v .== SIMD16(repeating: byte)
    }

    /// The lanes of `v` below 0x20 (control characters): those whose top three bits are clear.
    /// (`.<` on bytes was compiled lane by lane here.)
    @inline(__always)
    static func control(_ v: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        (v & SIMD16(repeating: 0xE0)) .== SIMD16(repeating: 0)
    }

    /// Whether any lane is set, as two words (the standard library's `any` was compiled as a
    /// call to a generic minimum here).
    @inline(__always)
    static func any(_ mask: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// The first lane that is set (0–15), or 16 when none is: a scanner jumps straight to the
    /// byte it has to look at. A set lane is all ones, so its place is the first set bit over 8
    /// (lane 0 is the lowest byte of the first word on the little-endian machines Swift runs on).
    @inline(__always)
    static func firstSet(_ mask: SIMDMask<SIMD16<Int8>>) -> Int {
        let words = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        if words[0] != 0 { return words[0].trailingZeroBitCount >> 3 }
        return 8 + words[1].trailingZeroBitCount >> 3  // 16 when none: 64 >> 3
    }
}

/// The lines of a text, as `split(separator: "\n", omittingEmptySubsequences: false)` gives
/// them, but one at a time: a reader that needs only the first paragraph of a long body does not
/// split the rest of it.
struct Lines: Sequence, IteratorProtocol {
    private var rest: Substring
    private var done = false

    init(_ text: String) { rest = Substring(text) }

    mutating func next() -> Substring? {
        guard !done else { return nil }
        // The line end found with `memchr` where the text is contiguous (a native string's is):
        // `firstIndex(of:)` on the view stepped through it an index at a time.
        let offset = rest.utf8.withContiguousStorageIfAvailable { $0.index(of: UInt8(ascii: "\n"), from: 0) }
        let found = offset.map { $0 < rest.utf8.count ? rest.utf8.index(rest.utf8.startIndex, offsetBy: $0) : nil }
            ?? rest.utf8.firstIndex(of: UInt8(ascii: "\n"))
        guard let end = found else {
            done = true
            return rest
        }
        let line = rest[..<end]
        rest = rest[rest.utf8.index(after: end)...]
        return line
    }
}
