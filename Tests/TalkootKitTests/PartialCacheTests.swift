import Foundation
import Testing
@testable import TalkootKit

/// Partials copied from a `PartialCache` instead of rendered again (the navigation and footer of
/// every association page): a copy must be exactly what rendering would have written, so a
/// partial is copied only when nothing it can look up is in the page's own context.
@Suite struct PartialCacheTests {
    /// Renders `pages` (each the page's own context) with the same shared context below them,
    /// once with a cache and once without; returns both, and how many partials were cached.
    func renderBoth(_ main: String, partials: [String: String], shared: TemplateObject, pages: [TemplateObject])
        throws -> (cached: [String], plain: [String], kept: Int) {
        var library = TemplateLibrary()
        library.register(try Template(main), named: "main")
        for (name, text) in partials { library.register(try Template(text), named: name) }
        let cache = PartialCache()
        let memo = PartialMemo(cache: cache, scope: 3)
        func text(_ bytes: [UInt8]?) -> String { String(decoding: bytes ?? [], as: UTF8.self) }
        let cached = pages.map { text(library.renderBytes([shared, $0], withTemplate: "main", memo: memo)) }
        let plain = pages.map { text(library.renderBytes([shared, $0], withTemplate: "main")) }
        return (cached, plain, cache.count)
    }

    let shared: TemplateObject = ["site": "Järvikylä", "nav": [["label": "Etusivu", "href": "/"], ["label": "Tilat", "href": "/tilat/", "lang": "fi"]] as [TemplateObject]]

    @Test func aPartialThatReadsOnlySharedContextsIsRenderedOnceAndCopiedUnchanged() throws {
        let r = try renderBoth("<h1>{{title}}</h1>{{> nav}}", partials: ["nav": "{{site}}:{{#nav}}<a href=\"{{href}}\">{{label}}</a>{{/nav}}"],
                               shared: shared, pages: [["title": "A"], ["title": "B & C"]])
        #expect(r.cached == r.plain)
        #expect(r.cached[1] == "<h1>B &amp; C</h1>Järvikylä:<a href=\"/\">Etusivu</a><a href=\"/tilat/\">Tilat</a>")
        #expect(r.kept == 1)
    }

    @Test func aPartialThatLooksUpANameOfThePageIsRenderedForEachPage() throws {
        // `label` inside the section is found in each link, but a link without one would take
        // the page's: the partial depends on the page, wherever the name is.
        let r = try renderBoth("{{> nav}}", partials: ["nav": "{{#nav}}{{label}}{{/nav}}|{{title}}"],
                               shared: shared, pages: [["title": "A"], ["title": "B"], ["label": "x"]])
        #expect(r.cached == r.plain)
        #expect(r.cached[1] == "EtusivuTilat|B")
        #expect(r.kept == 0)
    }

    @Test func namesOfIncludedPartialsCountAsTheIncludingPartials() throws {
        let r = try renderBoth("{{> outer}}", partials: ["outer": "[{{site}}{{> inner}}]", "inner": "{{#nav}}-{{/nav}}{{title}}"],
                               shared: shared, pages: [["title": "A"], ["title": "B"]])
        #expect(r.cached == r.plain)
        #expect(r.cached == ["[Järvikylä--A]", "[Järvikylä--B]"])
        #expect(r.kept == 0)
    }

    @Test func aDottedNameInsideASectionReadsTheSectionsValueNotThePage() throws {
        // The page has `lang` (a page in a fallback language), the links read their own.
        let partial = "{{#nav}}<a{{#.lang}} lang=\"{{lang}}\"{{/.lang}}>{{label}}</a>{{/nav}}"
        let r = try renderBoth("{{> nav}}", partials: ["nav": partial], shared: shared,
                               pages: [["lang": "sv", "title": "A"], ["title": "B"]])
        #expect(r.cached == r.plain)
        #expect(r.cached[0] == "<a>Etusivu</a><a lang=\"fi\">Tilat</a>")
        #expect(r.kept == 1)
    }

    @Test func aDottedNameOrTheCurrentObjectOutsideSectionsReadsThePage() throws {
        let dotted = try renderBoth("{{> p}}", partials: ["p": "{{site}}{{#.title}}!{{/.title}}"], shared: shared,
                                    pages: [["title": "A"], [:]])
        #expect(dotted.cached == dotted.plain)
        #expect(dotted.cached == ["Järvikylä!", "Järvikylä"])
        let current = try renderBoth("{{> p}}", partials: ["p": "{{site}}{{#.}}.{{/.}}"], shared: shared, pages: [["x": "1"], ["y": "2"]])
        #expect(current.cached == current.plain)
        #expect(current.kept == 0)
    }

    @Test func partialsInsideSectionsOrIndentedAreRenderedEachTime() throws {
        let inSection = try renderBoth("{{#nav}}{{> item}}{{/nav}}", partials: ["item": "<{{label}}>"], shared: shared,
                                       pages: [["title": "A"]])
        #expect(inSection.cached == inSection.plain)
        #expect(inSection.kept == 0)
        let indented = try renderBoth("<ul>\n  {{> item}}\n</ul>", partials: ["item": "{{site}}\n{{site}}\n"], shared: shared,
                                      pages: [["title": "A"]])
        #expect(indented.cached == indented.plain)
        #expect(indented.cached[0] == "<ul>\n  Järvikylä\n  Järvikylä\n</ul>")
        #expect(indented.kept == 0)
    }

    @Test func scopesKeepTheirOwnRenderings() throws {
        var library = TemplateLibrary()
        library.register(try Template("{{> nav}}"), named: "main")
        library.register(try Template("{{site}}"), named: "nav")
        let cache = PartialCache()
        let fi: TemplateObject = ["site": "Järvikylä"], sv: TemplateObject = ["site": "Järvby"]
        let page: TemplateObject = ["title": "A"]
        let a = library.renderBytes([fi, page], withTemplate: "main", memo: PartialMemo(cache: cache, scope: 0))
        let b = library.renderBytes([sv, page], withTemplate: "main", memo: PartialMemo(cache: cache, scope: 1))
        let c = library.renderBytes([sv, page], withTemplate: "main", memo: PartialMemo(cache: cache, scope: 1))
        #expect(a.map { String(decoding: $0, as: UTF8.self) } == "Järvikylä")
        #expect(b.map { String(decoding: $0, as: UTF8.self) } == "Järvby")
        #expect(c == b)
        #expect(cache.count == 2)
    }

    /// On the demo site every page, in every language, is the same whether its navigation and
    /// footer were copied from the pages rendered before it or rendered for it alone (a fresh
    /// environment, whose cache is empty), and the item pages did share them: with the demo's
    /// "edit in git" link, which differs from page to page, in the footer, and without it.
    @Test(arguments: [true, false]) func sitePagesAreTheSameWithPartialsCopiedOrRenderedAlone(editLinks: Bool) throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        var site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        #expect(site.config.editURL != nil)
        if !editLinks { site.config.editURL = nil }
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let ids = PageID.all(site, filters: env.index.filterList)
        #expect(site.associations.contains { $0.isFallback("sv") })
        var shared: [[UInt8]] = []
        for id in ids { for language in site.config.languages { shared.append(env.renderBytes(id, language)) } }
        // The navigation of each section's item pages in each language, and without edit links
        // the footer of every page of each scope.
        #expect(env.partialCache.count >= (editLinks ? 1 : 2) * site.config.languages.count)
        var k = 0
        for id in ids {
            for language in site.config.languages {
                // Every tenth page alone: a fresh environment per page costs a few milliseconds.
                if k % 10 == 0 || { if case .association = id { return true }; return false }() {
                    let alone = RenderEnvironment(site: site, theme: try #require(theme)).renderBytes(id, language)
                    let same = shared[k] == alone  // not the bytes themselves in a failure
                    #expect(same, "\(id) in \(language) differs from the page rendered alone")
                }
                k += 1
            }
        }
    }
}

