/// What the pages of one association in every language have in common, worked out once by the
/// job that renders them all: nine in ten associations of a bilingual municipality have no
/// Swedish text, so their pages show the same body, every page carries the same change e-mail
/// but for its subject line, and the same links to itself in every language. The export record
/// wants the body's HTML again too (unless an `images/` link made it depend on where it is shown).
///
/// Belongs to one job on one thread; never shared between jobs.
final class SharedRendering {
    private var bodies: [(bytes: [UInt8], html: [UInt8], usesBase: Bool)] = []
    private var mailBody: [UInt8]?
    /// Set by a job that also renders the association's directory cards: each page's context
    /// starts from the card's, which is rendered into `cards` (by language) on the way.
    let collectsCards: Bool
    var cards: LanguageMap<[UInt8]> = [:]
    /// The JSON-LD of the first page that shows the default language's version, which the
    /// other such pages reuse but for their address and locations (`RenderEnvironment.jsonLD`).
    var associationLD: AssociationLD?
    /// The association page's path, address and link in every language and its `alternates`,
    /// made by its first page (`RenderEnvironment.frame`).
    var pageLinks: RenderEnvironment.PageLinks?

    init(collectsCards: Bool = false) { self.collectsCards = collectsCards }

    /// The page HTML of `text`, rendered on first use.
    func html(_ text: MarkdownText, _ markdown: MarkdownRenderer) -> (html: [UInt8], usesBase: Bool) {
        if let r = bodies.first(where: { $0.bytes == text.bytes }) { return (r.html, r.usesBase) }
        let r = markdown.htmlBytesNotingBase(text)
        bodies.append((text.bytes, r.html, r.usesBase))
        return r
    }

    /// The change e-mail's body (`RenderEnvironment.changeMailBody`), made on first use.
    func changeMailBody(_ item: Localized<Association>, _ env: RenderEnvironment) -> [UInt8] {
        if let mailBody { return mailBody }
        let body = env.changeMailBody(item)
        mailBody = body
        return body
    }
}
