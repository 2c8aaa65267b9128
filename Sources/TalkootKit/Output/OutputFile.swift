import Foundation

/// One file of the built site: where it goes (relative to the site root) and what it holds.
public struct OutputFile: Sendable {
    public enum Body: Sendable {
        /// The file's bytes (UTF-8 for text): pages are rendered straight into bytes, so
        /// they reach the disk without a round trip through `String`.
        case bytes([UInt8])
        /// The file's bytes in pieces, written one after another: the exports join one piece
        /// per association, which would otherwise be copied into one more buffer of tens of MB.
        case chunks([[UInt8]])
        /// Pieces that go after what the file already holds: the association exports are
        /// written in blocks, so that their tens of MB never sit in memory at once.
        case appended([[UInt8]])
        /// Copied from a file (theme assets, images).
        case copy(URL)
    }
    public var path: String
    public var body: Body

    public init(path: String, text: String) { self.path = path; body = .bytes(Array(text.utf8)) }
    public init(path: String, bytes: [UInt8]) { self.path = path; body = .bytes(bytes) }
    public init(path: String, copyOf url: URL) { self.path = path; body = .copy(url) }
    public init(path: String, body: Body) { self.path = path; self.body = body }

    /// The bytes of a generated file; nil for a copied one.
    public var bytes: [UInt8]? {
        switch body {
        case let .bytes(b): return b
        case let .chunks(c), let .appended(c): return Array(c.joined())
        case .copy: return nil
        }
    }

    /// Files as one list with each path once: `.appended` pieces join the file before them.
    static func collect(_ batch: [OutputFile], into all: inout [OutputFile]) {
        for file in batch {
            guard case let .appended(more) = file.body else { all.append(file); continue }
            guard let i = all.lastIndex(where: { $0.path == file.path }) else { all.append(OutputFile(path: file.path, body: .chunks(more))); continue }
            switch all[i].body {
            case let .chunks(c): all[i].body = .chunks(c + more)
            case let .bytes(b): all[i].body = .chunks([b] + more)
            default: all[i].body = .chunks(more)
            }
        }
    }

    /// A generated file as text; nil for a copied one.
    public var text: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }
}
