import Foundation

extension String {
    /// Whether the UTF-8 text holds `byte`, with `memchr`: `utf8.contains` walks the view one
    /// index at a time, which showed up when every body of a large corpus is scanned.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? utf8.contains(byte)
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes: `memchr` finds each candidate first byte.
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return withUnsafeBufferPointer { hay in
            guard let base = hay.baseAddress else { return false }
            var offset = 0
            while hay.count - offset >= needle.count {
                guard let hit = memchr(base + offset, Int32(first), hay.count - offset) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard hay.count - at >= needle.count else { return false }
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }
}
