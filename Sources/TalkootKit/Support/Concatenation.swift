/// Strings joined in one allocation: `concat(section, slug, "/")`.
///
/// Addresses and titles are joined from parts tens of times per page (`basePath + path`,
/// `baseURL + path`, a section's path + slug + "/"). Each `+` grows the left string into new
/// storage and copies it, about 450 instructions an append; here the parts are measured, the
/// result is allocated once at its final size and each part copied into it.
@inline(__always)
func concat(_ a: String, _ b: String) -> String {
    joinUTF8(a.utf8.count + b.utf8.count) { p in
        append(b, at: append(a, at: p))
    }
}

@inline(__always)
func concat(_ a: String, _ b: String, _ c: String) -> String {
    joinUTF8(a.utf8.count + b.utf8.count + c.utf8.count) { p in
        append(c, at: append(b, at: append(a, at: p)))
    }
}

@inline(__always)
func concat(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
    joinUTF8(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count) { p in
        append(d, at: append(c, at: append(b, at: append(a, at: p))))
    }
}

@inline(__always)
func concat(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
    joinUTF8(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count) { p in
        append(e, at: append(d, at: append(c, at: append(b, at: append(a, at: p)))))
    }
}

/// `parts.joined(separator: separator)` in one allocation: the standard library's `joined`
/// went its generic way over the sequence, growing the result as it went, some 550
/// instructions for a card's two or three ids (each association's cards and export record join
/// half a dozen such lists).
func join(_ parts: [String], separator: String) -> String {
    guard let first = parts.first else { return "" }
    if parts.count == 1 { return first }
    var count = separator.utf8.count * (parts.count - 1)
    for part in parts { count += part.utf8.count }
    return joinUTF8(count) { start in
        var p = append(first, at: start)
        for part in parts.dropFirst() { p = append(part, at: append(separator, at: p)) }
        return p
    }
}

/// A string of `count` UTF-8 bytes that `fill` writes (and returns the end of). The parts are
/// valid UTF-8, so the result is; the initializer checks it again, which for these short,
/// mostly ASCII strings costs a few instructions per eight bytes.
@inline(__always)
private func joinUTF8(_ count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>) -> String {
    if count == 0 { return "" }
    return String(unsafeUninitializedCapacity: count) { buffer in
        let end = fill(buffer.baseAddress!)
        return end - buffer.baseAddress!
    }
}

/// Copies the UTF-8 of `s` to `p`; returns where it ends.
@inline(__always)
private func append(_ s: String, at p: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    let n = s.utf8.count
    if n == 0 { return p }
    s.withUTF8Bytes { p.update(from: $0.baseAddress!, count: n) }
    return p + n
}
