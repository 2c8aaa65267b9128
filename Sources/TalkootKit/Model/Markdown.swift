/// Markdown source with the place it came from (for diagnostics and "edit" links).
public struct MarkdownText: Sendable, Hashable {
    /// The body's UTF-8, as read from the file (checked to be UTF-8 then). cmark and the body
    /// checks read these bytes: an association's body is never needed as a `String`, whose
    /// initializer would check every byte again at some ten instructions each.
    public var bytes: [UInt8]
    public var file: String
    public var line: Int

    public init(source: String, file: String, line: Int) {
        self.init(bytes: Array(source.utf8), file: file, line: line)
    }

    /// `bytes` must be valid UTF-8 (`UTF8Check`).
    init(bytes: [UInt8], file: String, line: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
    }

    /// The body as text, made on each use: for the few readers that need a `String`.
    public var source: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the body has nothing but whitespace (`Character.isWhitespace`). Decided on the
    /// bytes when the first byte that is not an ASCII blank is ASCII, as it nearly always is.
    public var isBlank: Bool {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: continue
            case 0x80...: return source.allSatisfy { $0.isWhitespace }
            default: return false
            }
        }
        return true
    }

    /// Whether the body holds `byte` (`memchr`, through `index(of:from:)`).
    func containsByte(_ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { $0.index(of: byte, from: 0) < $0.count }
    }

    /// Calls `body` with the bytes cmark reads: up to the first NUL, as a C string of the text
    /// gave it (cmark would read a NUL as U+FFFD).
    func withCMarkInput<R>(_ body: (UnsafePointer<CChar>, Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return "".withCString { body($0, 0) } }
            let count = b.index(of: 0, from: 0)
            return base.withMemoryRebound(to: CChar.self, capacity: b.count) { body($0, count) }
        }
    }
}

/// An image file under `content/images/`, by its path relative to `content/`.
public struct ImageRef: Sendable, Hashable {
    public var path: String
}

/// A reference to another item, resolved at load time: either a known item or free text.
public enum PlaceRef: Sendable, Hashable {
    case facility(String)
    case text(String)
}

public enum PersonRef: Sendable, Hashable {
    case liaison(String)
    case text(String)
}
