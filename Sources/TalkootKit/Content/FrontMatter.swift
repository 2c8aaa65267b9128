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
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    /// Splits the text, or reports why it cannot.
    public static func split(_ raw: String, path: String, log: inout DiagnosticLog) -> FrontMatterFile? {
        let text = normalise(raw)
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

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
