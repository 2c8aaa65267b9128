import Foundation
import Testing
@testable import TalkootKit

/// Rendering rules that protect residents from untrusted association text.
@Suite struct RenderingTests {
    func build(_ files: [String: String]) throws -> [String: String] {
        let content = TestSupport.writeContent(files)
        let builder = SiteBuilder(options: .init(content: content, themes: TestSupport.themes, output: TestSupport.temporaryDirectory(),
                                                 today: TestSupport.today))
        let (out, _, diagnostics) = builder.render()
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        var pages: [String: String] = [:]
        for f in out { if let s = f.text { pages[f.path] = s } }
        return pages
    }

    @Test func rawHTMLIsDroppedEverywhereByDefault() throws {
        let pages = try build([
            "associations/martat.md": TestSupport.association(body: "Hei <b onclick=\"x()\">lihava</b>"),
            "pages/sivu.md": "---\ntitle: Sivu\n---\n<div class=\"x\">raaka</div>\n",
        ])
        #expect(!pages["yhdistykset/martat/index.html"]!.contains("onclick"))
        #expect(!pages["sivut/sivu/index.html"]!.contains("<div class=\"x\">"))
    }

    /// The heading of an area's filter page is the area's name: from site.yml when it lists the
    /// areas, else as the associations write it.
    @Test func areaFilterPageIsHeadedByTheAreaName() throws {
        let listed = try build(["associations/martat.md": TestSupport.association(["area": "Kirkonkylä"])])
        let page = try #require(listed["yhdistykset/alue/kirkonkyla/index.html"])
        #expect(page.contains("<h1>Kirkonkylä"))
        let unlisted = try build([
            "site.yml": TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]\n", with: ""),
            "associations/martat.md": TestSupport.association(["area": "Yläpää-Östra"]),
        ])
        let other = try #require(unlisted["yhdistykset/alue/ylapaa-ostra/index.html"])
        #expect(other.contains("<h1>Yläpää-Östra"))
        #expect(unlisted["yhdistykset/index.html"]!.contains(">Yläpää-Östra<"))
    }

    /// The directory's filters come in display order (sectors as site.yml's sector list has
    /// them, areas by name, target groups in their fixed order, languages sorted, volunteering
    /// last), each with its associations in site order.
    @Test func directoryFiltersListValuesInDisplayOrderWithMembersInSiteOrder() throws {
        let loaded = TestSupport.load([
            "site.yml": TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]\n", with: ""),
            "associations/a.md": TestSupport.association(["area": "Rantala", "sectors": "[muut-harrastukset, lapset-nuoret]",
                                                          "target_groups": "[nuoret, lapset]", "languages": "[sv, fi]"]),
            "associations/b.md": TestSupport.association(["area": "Yläpää-Östra", "volunteers_wanted": "true"]),
            "associations/c.md": TestSupport.association(["area": "Yläpää-Östra", "languages": "[fi]", "target_groups": "[lapset]"]),
        ])
        let site = try #require(loaded.site, "\(loaded.diagnostics)")
        let index = SiteIndex(site: site)
        let slug = { (i: Int) in site.associations[i].slug }
        let listed = index.filterList.map { "\($0.filter.rawValue)=\($0.value ?? "")" }
        let sectorOrder = site.sectors.map(\.id).filter { ["muut-harrastukset", "lapset-nuoret"].contains($0) }
        #expect(listed == sectorOrder.map { "sector=\($0)" } + ["area=rantala", "area=ylapaa-ostra", "targetGroup=lapset", "targetGroup=nuoret",
                                                               "language=fi", "language=sv", "volunteers="])
        func members(_ filter: Routes.Filter, _ value: String?) -> [String] {
            (index.filters[SiteIndex.FilterKey(filter: filter, value: value)] ?? []).map(slug)
        }
        #expect(members(.area, "ylapaa-ostra") == ["b", "c"])
        #expect(index.areaBySlug["ylapaa-ostra"] == "Yläpää-Östra")
        #expect(members(.sector, "muut-harrastukset") == ["a", "b", "c"])
        #expect(members(.targetGroup, "lapset") == ["a", "c"])
        #expect(members(.language, "fi") == ["a", "c"])
        #expect(members(.volunteers, nil) == ["b"])
    }

    @Test func siteSwitchAllowsRawHTMLInPagesOnly() throws {
        let pages = try build([
            "site.yml": TestSupport.minimalSiteYML + "\nallow_raw_html_in_pages: true\n",
            "associations/martat.md": TestSupport.association(body: "Hei <b onclick=\"x()\">lihava</b>"),
            "pages/sivu.md": "---\ntitle: Sivu\n---\n<div class=\"x\">raaka</div>\n",
        ])
        #expect(pages["sivut/sivu/index.html"]!.contains("<div class=\"x\">raaka</div>"))
        #expect(!pages["yhdistykset/martat/index.html"]!.contains("onclick"))
    }

    @Test func frontMatterTextIsEscaped() throws {
        let pages = try build(["associations/martat.md": TestSupport.association(["name": "\"<script>alert(1)</script> & co\""])])
        let html = pages["yhdistykset/martat/index.html"]!
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    }

    @Test func markdownLinksWithOtherSchemesAreBlanked() {
        let html = MarkdownRenderer(basePath: "/y/").html("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://ok.fi) [d](images/x.png)")
        #expect(html.contains("<a href=\"\">a</a>"))
        #expect(html.contains("<a href=\"\">b</a>"))
        #expect(html.contains("<a href=\"https://ok.fi\">c</a>"))
        #expect(html.contains("<a href=\"/y/images/x.png\">d</a>"))
    }

    @Test func bodyHeadingsMoveOneLevelDownUnderThePageTitle() {
        #expect(MarkdownRenderer(basePath: "/").html("# Otsikko\n\n###### Pieni") == "<h2>Otsikko</h2>\n<h6>Pieni</h6>\n")
    }

    @Test func scriptSafeJSONCannotCloseItsElement() {
        #expect(HTML.scriptSafeJSON("{\"a\":\"</script><!--\"}") == "{\"a\":\"\\u003c/script\\u003e\\u003c!--\"}")
    }

    /// Mail links and query strings percent-encode everything but RFC 3986's unreserved
    /// characters, as Foundation does, in pieces or at once alike.
    @Test func percentEncodingIsFoundationsForUnreservedCharacters() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let samples = ["", "Kylän 4H-yhdistys ry", "a&b=c?d#e/f g+h%i", "Ääni ja öljy – “lainaus” 😀\n\t",
                       String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }), String(repeating: "ö~_.-", count: 200)]
        for sample in samples {
            #expect(URLEncoding.component(sample) == sample.addingPercentEncoding(withAllowedCharacters: unreserved))
        }
        var pieces: [UInt8] = []
        for sample in samples { URLEncoding.append(sample, to: &pieces) }
        #expect(String(decoding: pieces, as: UTF8.self) == URLEncoding.component(samples.joined()))
    }

    /// A page path names its file: folders get index.html, a fragment is cut off, any letters pass.
    @Test func pagePathsNameTheirFiles() {
        #expect(Routes.file(for: "yhdistykset/kylan-martat/") == "yhdistykset/kylan-martat/index.html")
        #expect(Routes.file(for: "") == "index.html")
        #expect(Routes.file(for: "feed.xml") == "feed.xml")
        #expect(Routes.file(for: "sivut/ohje/#osio") == "sivut/ohje/index.html")
        #expect(Routes.file(for: "sv/föreningar/å/#a#b") == "sv/föreningar/å/index.html")
        #expect(Routes.file(for: "vuosikello.ics#x") == "vuosikello.ics")
    }
}
