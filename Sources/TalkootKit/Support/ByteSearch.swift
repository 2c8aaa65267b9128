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
