import Ccmark
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Markdown to HTML with libcmark, made safe for untrusted association text.
///
/// cmark's default (safe) mode drops raw HTML and blanks `javascript:` links; on top of that we
/// walk the node tree to allow only http(s)/mailto/tel and relative links, to point `images/...`
/// at the published copy, and to move headings one level down (the page title is the `<h1>`).
public struct MarkdownRenderer: Sendable {
    /// Absolute path of the site root, e.g. `/yhdistystoiminta/`.
    public var basePath: String

    public init(basePath: String) { self.basePath = basePath }

    public func html(_ markdown: String, allowRawHTML: Bool = false) -> String {
        render(MarkdownText(source: markdown, file: "", line: 1), allowRawHTML: allowRawHTML) { out, _ in String(cString: out) } ?? ""
    }

    /// A body's HTML as UTF-8 bytes, for a page: cmark writes valid UTF-8 from valid UTF-8, so
    /// the bytes go into the page as they are, where making a String of them validated them again.
    public func htmlBytes(_ text: MarkdownText, allowRawHTML: Bool = false) -> [UInt8] {
        htmlBytesNotingBase(text, allowRawHTML: allowRawHTML).html
    }

    /// The same, and whether the HTML depends on `basePath` (an `images/…` link was pointed at
    /// the published copy): when it does not, the same bytes are right wherever they are shown,
    /// on a page or in the export.
    func htmlBytesNotingBase(_ text: MarkdownText, allowRawHTML: Bool = false) -> (html: [UInt8], usesBase: Bool) {
        render(text, allowRawHTML: allowRawHTML) { out, usesBase in
            ([UInt8](UnsafeRawBufferPointer(start: out, count: strlen(out))), usesBase)
        } ?? ([], false)
    }

    /// Parses, rewrites and renders a body; `take` copies the HTML before it is freed, and
    /// hears whether the rewrite used `basePath`. The bytes are valid UTF-8 already (a String's,
    /// or checked when the file was read), so cmark is not asked to check them
    /// (CMARK_OPT_VALIDATE_UTF8).
    private func render<T>(_ text: MarkdownText, allowRawHTML: Bool, _ take: (UnsafeMutablePointer<CChar>, Bool) -> T) -> T? {
        var options = CMARK_OPT_DEFAULT
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        guard let doc = text.withCMarkInput({ cmark_parse_document($0, $1, options) }) else { return nil }
        defer { cmark_node_free(doc) }
        let usesBase = rewrite(doc)
        guard let out = cmark_render_html(doc, options) else { return nil }
        defer { free(out) }
        return take(out, usesBase)
    }

    /// The first paragraph as plain text, for meta descriptions.
    public static func plainText(_ markdown: String, limit: Int = 160) -> String {
        // The kept text as UTF-8, filtered byte by byte: going Character by Character cost
        // about 900 instructions per character, and a facility's first paragraph is hundreds
        // of characters long.
        var text: [UInt8] = []
        var over = false  // more than `limit` characters: past it, more lines change nothing
        var count: Int?  // the text's Characters, when each scalar is one (`simpleCharacterCount`)
        // Line by line as needed, not `split` first: only the first paragraph is read, and
        // splitting a long body into lines was most of the cost.
        for line in Lines(markdown) where !line.isEmpty {  // as `split` omits empty lines
            let t = line.trimmingWhitespace()
            if t.isEmpty { if !text.isEmpty { break } else { continue } }
            if t.hasPrefix("#") || t.hasPrefix("-") && text.isEmpty { continue }
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            appendWithoutMarkup(t, to: &text)
            count = simpleCharacterCount(text)
            if count.map({ $0 > limit }) ?? String(decoding: text, as: UTF8.self).hasMoreCharacters(than: limit) {
                over = true
                break
            }
        }
        guard over else { return String(decoding: text, as: UTF8.self) }
        if count != nil {
            // The first `limit - 1` scalars: cut before the lead byte of the next one.
            var scalars = 0, end = 0
            while end < text.count {
                if text[end] & 0xC0 != 0x80 {
                    if scalars == limit - 1 { break }
                    scalars += 1
                }
                end += 1
            }
            return String(decoding: text[..<end], as: UTF8.self) + "…"
        }
        return String(String(decoding: text, as: UTF8.self).prefix(limit - 1)) + "…"
    }

    /// How many Characters UTF-8 `text` has, when each of its Unicode scalars is one Character
    /// of its own: ASCII other than CR (which joins a following LF) and the two-byte scalars
    /// below U+0300, where the combining marks begin (Latin letters such as ä, ö, å, é). No
    /// rule of grapheme clusters joins such a scalar with its neighbour. Nil when the text has
    /// anything else: `Character` decides then. Counting Characters walked the grapheme rules,
    /// some 200 instructions a character, twice for every description cut at its limit.
    static func simpleCharacterCount(_ text: [UInt8]) -> Int? {
        text.withUnsafeBufferPointer(simpleCharacterCount)
    }

    static func simpleCharacterCount(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var count = 0
        for b in text {
            if b < 0x80 {
                if b == 0x0D { return nil }
                count += 1
            } else if b >= 0xC0 {
                guard b <= 0xCB else { return nil }
                count += 1
            }
        }
        return count
    }

    /// Appends `line` without the markup characters `* _ ` # > [ ]`. They are single ASCII
    /// bytes, which never occur inside a multi-byte character, so the bytes are tested one by
    /// one; but a markup byte that a neighbour joins into one Character (`*` + U+0301) is
    /// another character and stays, as it did when this went Character by Character.
    private static func appendWithoutMarkup(_ line: String, to text: inout [UInt8]) {
        line.withUTF8Bytes { u in
            for i in 0..<u.count {
                let b = u[i]
                if isMarkup(b) && standsAlone(u, at: i) { continue }
                text.append(b)
            }
        }
    }

    private static func isMarkup(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"): return true
        default: return false
        }
    }

    /// Whether the ASCII byte at `i` is a Character of its own. Only a non-ASCII neighbour can
    /// join it (a combining mark after it, a prepended mark before it), and whether one does
    /// depends on that pair alone.
    static func standsAlone(_ u: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        func oneCharacter(_ range: Range<Int>) -> Bool {
            String(decoding: UnsafeBufferPointer(rebasing: u[range]), as: UTF8.self).count == 1
        }
        if i + 1 < u.count && u[i + 1] >= 0x80 {
            var end = i + 2
            while end < u.count && u[end] & 0xC0 == 0x80 { end += 1 }  // the rest of the next scalar
            if oneCharacter(i..<end) { return false }
        }
        if i > 0 && u[i - 1] >= 0x80 {
            var start = i - 1
            while start > 0 && u[start] & 0xC0 == 0x80 { start -= 1 }  // back to the scalar's first byte
            if oneCharacter(start..<i + 1) { return false }
        }
        return true
    }

    /// Schemes a link may use; anything else becomes an empty link target.
    static func isAllowed(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return true }
        let scheme = lower[..<colon]
        // A ':' after '/', '?' or '#' is part of a relative path, not a scheme.
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return ["http", "https", "mailto", "tel"].contains(String(scheme))
    }

    /// Returns whether a URL was pointed at `basePath`.
    private func rewrite(_ doc: OpaquePointer) -> Bool {
        guard let iter = cmark_iter_new(doc) else { return false }
        defer { cmark_iter_free(iter) }
        var usesBase = false
        while true {
            let ev = cmark_iter_next(iter)
            if ev == CMARK_EVENT_DONE { break }
            guard ev == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let level = cmark_node_get_heading_level(node)
                cmark_node_set_heading_level(node, min(6, level + 1))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let raw = cmark_node_get_url(node) else { continue }
                let url = String(cString: raw)
                if !MarkdownRenderer.isAllowed(url) {
                    cmark_node_set_url(node, "")
                } else if url.hasPrefix("images/") && !url.contains("..") {
                    cmark_node_set_url(node, basePath + url)
                    usesBase = true
                }
            default: break
            }
        }
        return usesBase
    }
}

extension String {
    /// `count > limit`, without counting past the limit: counting Characters walks them one
    /// by one.
    func hasMoreCharacters(than limit: Int) -> Bool {
        index(startIndex, offsetBy: limit, limitedBy: endIndex).map { $0 < endIndex } ?? false
    }
}
