/// The association bodies one rendering job has turned into HTML, so that each is rendered
/// once: an untranslated association shows the same body in every language, and its export
/// record wants the same HTML again (unless an `images/` link made it depend on where it is
/// shown). Nine in ten associations of a bilingual municipality have no Swedish text.
///
/// Belongs to one job on one thread; never shared.
final class BodyHTML {
    private var rendered: [(source: String, html: [UInt8], usesBase: Bool)] = []

    /// The page HTML of `text`, rendered on first use.
    func html(_ text: MarkdownText, _ markdown: MarkdownRenderer) -> (html: [UInt8], usesBase: Bool) {
        if let r = rendered.first(where: { $0.source == text.source }) { return (r.html, r.usesBase) }
        let r = markdown.htmlBytesNotingBase(text.source)
        rendered.append((text.source, r.html, r.usesBase))
        return r
    }
}
