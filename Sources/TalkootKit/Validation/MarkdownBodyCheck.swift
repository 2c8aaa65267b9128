import Ccmark
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Checks a Markdown body the way the renderer will treat it, so that `talkoot check` says what
/// the published page would silently lose.
///
/// * A link or image whose target has a scheme other than http, https, mailto or tel
///   (`javascript:`, `data:`, `file:` …) is an error: the renderer blanks it (`MarkdownRenderer.isAllowed`).
/// * An image or link under `images/` must name a file that exists in `content/images/`, and an
///   image must be there or on the web (`https://`): any other relative path would be broken.
/// * Raw HTML is a warning where the renderer drops it (everywhere except pages, when site.yml
///   sets `allow_raw_html_in_pages: true`).
enum MarkdownBodyCheck {
    static func check(_ body: MarkdownText, rawHTMLAllowed: Bool, images: Set<String>) -> [Diagnostic] {
        guard !body.isBlank else { return [] }
        // Split into lines only when a finding needs a column (most bodies have none).
        var splitLines: [Substring]?
        func lines() -> [Substring] {
            if let l = splitLines { return l }
            let l = body.source.split(separator: "\n", omittingEmptySubsequences: false)
            splitLines = l
            return l
        }

        var out: [Diagnostic] = []
        // CommonMark (libcmark) has no tables: a GitHub-style table would show as '|' text.
        if body.containsByte(UInt8(ascii: "|")) {
            for (i, line) in lines().enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix("|") && t.contains("---") && t.allSatisfy({ "|-: ".contains($0) }) {
                    out.append(Diagnostic(file: body.file, line: body.line + max(0, i - 1), column: 1, severity: .warning,
                                          message: "tables are not supported: the table would show as text with '|' characters",
                                          hint: "write it as a list: - **Name**: text"))
                }
            }
        }
        // Links and images need a ']' ([text](url), [text][ref], [ref]: url) and raw HTML and
        // autolinks a '<': a body without either has nothing more to check, and most have neither.
        guard body.containsByte(UInt8(ascii: "]")) || body.containsByte(UInt8(ascii: "<")) else { return out }
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        guard let doc = body.withCMarkInput({ cmark_parse_document($0, $1, options) }) else { return out }
        defer { cmark_node_free(doc) }
        guard let iter = cmark_iter_new(doc) else { return out }
        defer { cmark_iter_free(iter) }
        var htmlLines: Set<Int> = []
        /// The node's place in the file; cmark counts lines from the body's start and columns in bytes.
        func position(_ node: OpaquePointer) -> (line: Int, column: Int) {
            let line = max(1, Int(cmark_node_get_start_line(node)))
            let byteColumn = max(1, Int(cmark_node_get_start_column(node)))
            var column = byteColumn
            let all = lines()
            if line <= all.count {
                let bytes = Array(all[line - 1].utf8.prefix(byteColumn - 1))
                column = String(decoding: bytes, as: UTF8.self).count + 1
            }
            return (body.line + line - 1, column)
        }

        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let raw = cmark_node_get_url(node) else { continue }
                let url = String(cString: raw)
                let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
                guard !MarkdownRenderer.isAllowed(url) else {
                    if let problem = localFileProblem(url, isImage: isImage, images: images) {
                        let p = position(node)
                        out.append(Diagnostic(file: body.file, line: p.line, column: p.column, severity: .error, message: problem.message, hint: problem.hint))
                    }
                    continue
                }
                let p = position(node)
                let message = isImage
                    ? "the image '\(shorten(url))' is not allowed: it would not show on the published page"
                    : "the link '\(shorten(url))' is not allowed: it would lead nowhere on the published page"
                out.append(Diagnostic(file: body.file, line: p.line, column: p.column, severity: .error, message: message,
                                      hint: "links and images may use http://, https://, mailto: or tel:, or a path such as images/kuva.jpg"))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard !rawHTMLAllowed else { continue }
                // A comment is meant to stay out of the page: dropping it is what the writer wants.
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if literal.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" }).hasPrefix("<!--") { continue }
                let p = position(node)
                guard htmlLines.insert(p.line).inserted else { continue }
                out.append(Diagnostic(file: body.file, line: p.line, column: p.column, severity: .warning,
                                      message: "raw HTML is dropped from the published page",
                                      hint: "write it in Markdown: **bold**, [link](https://...), lists with '- '"))
            default: break
            }
        }
        return out
    }

    /// A file of this site that a link or image names but that would not be published.
    static func localFileProblem(_ url: String, isImage: Bool, images: Set<String>) -> (message: String, hint: String?)? {
        let lower = url.lowercased()
        if url.isEmpty || lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:")
            || lower.hasPrefix("tel:") || url.hasPrefix("#") { return nil }
        var path = url
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("/images/") {
            return ("write '\(shorten(String(url.dropFirst())))' without the leading '/': the published images are under the section's address",
                    nil)
        }
        if path.hasPrefix("images/") {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.contains("..") || parts.contains(".") || parts.contains("") {
                return ("'\(shorten(url))' must name a file under content/images/, e.g. images/kuva.jpg", nil)
            }
            if images.contains(path) { return nil }
            return ("\(isImage ? "image" : "file") '\(shorten(path))' does not exist in content/",
                    Suggestion.closest(to: path, in: images.sorted()).map { "did you mean '\($0)'?" })
        }
        // Links to other pages of the section are relative paths; only images must be files we publish.
        guard isImage else { return nil }
        return ("the image '\(shorten(url))' is not under images/: put the file in content/images/ and write images/\(url.split(separator: "/").last.map(String.init) ?? url)",
                "images in the text come from content/images/ or from an https:// address")
    }

    static func shorten(_ url: String) -> String {
        url.count > 60 ? String(url.prefix(57)) + "..." : url
    }
}
