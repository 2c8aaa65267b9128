import Foundation

/// A Markdown content file split into its YAML front matter and its Markdown body.
///
/// Content model, "Files": front matter between two lines of `---`, then the body.
/// A BOM is dropped and CRLF line ends are read as LF.
public struct FrontMatterFile: Sendable {
    public var path: String
    public var yaml: String
    /// Lines before the YAML text (the opening `---`), to turn YAML lines into file lines.
    public var yamlLineOffset: Int
    public var body: String
    /// 1-based line of the body's first line.
    public var bodyLine: Int

    public static func normalise(_ raw: String) -> String {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.containsByte(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Splits the text, or reports why it cannot.
    public static func split(_ raw: String, path: String, log: inout DiagnosticLog) -> FrontMatterFile? {
        let text = normalise(raw)
        return splitFast(text, path: path) ?? splitCarefully(text, path: path, log: &log)
    }

    /// Line by line, naming what is wrong: for text the fast split does not take.
    static func splitCarefully(_ text: String, path: String, log: inout DiagnosticLog) -> FrontMatterFile? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            // Blank lines or spaces before the opening '---' are an easy slip to name exactly.
            if let fence = lines.firstIndex(where: { String($0).trimmed == "---" }),
               lines[..<fence].allSatisfy({ $0.allSatisfy { $0 == " " || $0 == "\t" } }) {
                log.append(Diagnostic(file: path, line: fence + 1, message: "the front matter's '---' must be the very first line of the file",
                                      hint: "remove the empty lines and spaces before it"))
                return nil
            }
            log.append(Diagnostic(file: path, line: 1, message: "the file must start with front matter: a line '---', the fields, and another line '---'",
                                  hint: "see docs/content-format.md"))
            return nil
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { $0.trimmingTrailingSpaces() == "---" }) else {
            log.append(Diagnostic(file: path, line: 1, message: "the front matter is not closed: add a line '---' after the fields"))
            return nil
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatterFile(path: path, yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: end + 3)
    }
}

extension FrontMatterFile {
    /// The common case on bytes: `---` on the first line and a closing `---` line. Anything
    /// unusual (spaces before the fence, no closing line) falls back to the careful path.
    static func splitFast(_ text: String, path: String) -> FrontMatterFile? {
        text.withUTF8Bytes { b -> FrontMatterFile? in
            guard let parts = fences(b) else { return nil }
            return FrontMatterFile(path: path, yaml: String(decoding: UnsafeBufferPointer(rebasing: b[parts.yaml]), as: UTF8.self),
                                   yamlLineOffset: 1, body: String(decoding: UnsafeBufferPointer(rebasing: b[parts.body]), as: UTF8.self),
                                   bodyLine: parts.bodyLine)
        }
    }

    /// The same on a file's bytes as read, when they need no normalising (no BOM, no CR): the
    /// YAML and the body are each checked as UTF-8 once, instead of the whole file first and
    /// each part again. Nil when the bytes need the general path, which also names the problem
    /// (not UTF-8, no fences).
    static func splitFast(bytes: [UInt8], path: String) -> FrontMatterFile? {
        bytes.withUnsafeBufferPointer { b -> FrontMatterFile? in
            guard let parts = parts(b),
                  let yaml = String(validating: UnsafeBufferPointer(rebasing: b[parts.yaml]), as: UTF8.self),
                  let body = String(validating: UnsafeBufferPointer(rebasing: b[parts.body]), as: UTF8.self) else { return nil }
            return FrontMatterFile(path: path, yaml: yaml, yamlLineOffset: 1, body: body, bodyLine: parts.bodyLine)
        }
    }

    /// Where the YAML and the body are in a file's bytes that need no normalising (no CR; a BOM
    /// fails the opening fence): nil for the general path.
    static func parts(_ b: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>, body: Range<Int>, bodyLine: Int)? {
        guard let base = b.baseAddress, memchr(base, 13, b.count) == nil else { return nil }
        return fences(b)
    }

    /// Where the YAML and the body are when the text starts with a `---` line and has a closing
    /// one (trailing spaces and tabs allowed). The fences are ASCII and the parts end at line
    /// ends, so the parts can be decoded on their own.
    private static func fences(_ b: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>, body: Range<Int>, bodyLine: Int)? {
        guard b.count >= 4, b[0] == 45, b[1] == 45, b[2] == 45, b[3] == 10 else { return nil }
        var lineStart = 4
        var line = 2
        while lineStart < b.count {
            let lineEnd = b.index(of: 10, from: lineStart)
            if lineEnd - lineStart >= 3, b[lineStart] == 45, b[lineStart + 1] == 45, b[lineStart + 2] == 45,
               b[(lineStart + 3)..<lineEnd].allSatisfy({ $0 == 32 || $0 == 9 }) {
                // The YAML is everything between the fences, without the newline before the closing one.
                let bodyStart = min(lineEnd + 1, b.count)
                return (4..<max(4, lineStart - 1), bodyStart..<b.count, line + 1)
            }
            if lineEnd == b.count { return nil }
            lineStart = lineEnd + 1
            line += 1
        }
        return nil
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
