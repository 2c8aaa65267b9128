import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TalkootKit

/// The machine-readable outputs: JSON and CSV of associations, iCalendar, Atom, JSON-LD, and the
/// small writers under them (JSON escaping, CSV cells, iCalendar folding, clock times).
@Suite struct ExportsTests {
    // MARK: - helpers

    static func file(_ frontMatter: String, body: String = "Kuvaus.") -> String { "---\n\(frontMatter)\n---\n\(body)\n" }

    /// A small bilingual corpus with the awkward cases: markup in names, formula-like text,
    /// a contact person without consent, a yearly range over the new year, a timed evening.
    static let corpus: [String: String] = [
        "associations/hostile.md": file("""
        name: "</script><script>alert(1)</script> & Co ry"
        summary: "=HYPERLINK(\\"https://evil.example\\",\\"click\\")"
        sectors: [muut-harrastukset]
        area: Kirkonkylä
        email: hostile@example.fi
        phone: "+358 40 123 4567"
        contact_person:
          name: Salainen Henkilö
          email: salainen@example.fi
          phone: "040 999 8888"
          consent: false
        updated: 2026-10-01
        """, body: "Line with \"quotes\", commas; and\n\n<b>raw</b> html."),
        "associations/martat.md": file("""
        name: Testilän Martat ry
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset, kulttuuri-perinne]
        area: Rantala
        founded: 1921
        contact_person:
          name: Maija Meikäläinen
          role: puheenjohtaja
          consent: true
        social: {facebook: "https://facebook.example/martat", instagram: "https://instagram.example/martat"}
        activities:
          - name: Kerhoilta
            when: "Tiistaisin 18–20"
            where: seurantalo
            audience: [aikuiset]
        volunteers_wanted: true
        updated: 2026-10-01
        extra: {y_tunnus: "1234567-8", "jäsenmäärä": "120"}
        """),
        "associations/martat.sv.md": file("name: Marthorna i Testilä rf"),
        "facilities/seurantalo.md": file("""
        name: Seurantalo
        address: Kylätie 1, 99999 Testilä
        booking: {email: tilat@testila.fi}
        booking_periods:
          - {label: Talvivuorot, date: "11-15", end_date: "01-15"}
        """),
        "grants/kylaraha.md": file("""
        name: Kylien kehittämisraha
        sectors: [kylat-asuminen]
        application:
          - {date: "03-01", end_date: "03-31"}
          - {date: 2027-09-01, end_date: 2027-09-30, time: "15.00"}
        """),
        "clock/kevatilta.md": file("""
        title: "Kevään ilta; \\"paras\\", eikö?"
        kind: evening
        date: 2027-03-18
        time: "17.30–20.00"
        place: seurantalo
        """),
        "clock/verkosto.md": file("""
        title: Verkosto
        kind: network
        months: [2, 12]
        time: "ke 13–15"
        """),
        "images/x.png": "not really a PNG",
        "news/uutinen.md": file("""
        title: "Uutinen <tärkeä> & kiireellinen"
        date: 2026-11-01
        """, body: "Katso [tilat](../tilat/) ja ![kuva](images/x.png)."),
    ]

    static func render(_ files: [String: String] = corpus) -> [String: String] {
        let content = TestSupport.writeContent(files)
        let builder = SiteBuilder(options: .init(content: content, themes: TestSupport.themes, output: TestSupport.temporaryDirectory(),
                                                 today: TestSupport.today, contentDisplay: "content", themesDisplay: "themes"))
        let (out, _, diagnostics) = builder.render()
        precondition(!diagnostics.contains { $0.severity == .error }, "corpus has errors: \(diagnostics)")
        var texts: [String: String] = [:]
        for f in out {
            if let text = f.text { texts[f.path] = text }
        }
        return texts
    }

    static func jsonLD(_ page: String) -> String? {
        guard let open = page.range(of: "<script type=\"application/ld+json\">"),
              let close = page.range(of: "</script>", range: open.upperBound..<page.endIndex) else { return nil }
        return String(page[open.upperBound..<close.lowerBound])
    }

    // MARK: - writers

    @Test func jsonWriterEscapesControlCharactersQuotesAndLineSeparators() {
        var w = JSONWriter(pretty: false)
        w.write(.object([("a\"b", .string("x\\y\n\t\u{01}\u{2028}ä")), ("n", .null), ("i", .int(-3)), ("d", .double(63.392)), ("t", .bool(true))]))
        #expect(w.string == #"{"a\"b":"x\\y\n\t\u0001\u2028ä","n":null,"i":-3,"d":63.392,"t":true}"#)
        let data = Data(w.string.utf8)
        let back = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(back?["a\"b"] as? String == "x\\y\n\t\u{01}\u{2028}ä")
    }

    @Test func scriptSafeJSONCannotCloseTheScriptElement() {
        var w = JSONWriter(pretty: false, scriptSafe: true)
        w.write(.string("</script><!-- & -->"))
        #expect(!w.string.contains("<") && !w.string.contains(">") && !w.string.contains("&"))
        let back = try? JSONSerialization.jsonObject(with: Data(w.string.utf8), options: .fragmentsAllowed) as? String
        #expect(back == "</script><!-- & -->")
    }

    @Test func csvCellsAreNeutralisedAndQuoted() {
        #expect(AssociationsCSV.field("=SUM(A1)") == "'=SUM(A1)")
        #expect(AssociationsCSV.field("+358 40 1") == "'+358 40 1")
        #expect(AssociationsCSV.field("-1") == "'-1")
        #expect(AssociationsCSV.field("@cmd") == "'@cmd")
        #expect(AssociationsCSV.field("\tx") == "'\tx")
        #expect(AssociationsCSV.field("a,b") == "\"a,b\"")
        #expect(AssociationsCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(AssociationsCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(AssociationsCSV.field("=a,b") == "\"'=a,b\"")
        #expect(AssociationsCSV.field("plain") == "plain")
        #expect(AssociationsCSV.field("") == "")
        #expect(AssociationsCSV.field("\"") == "\"\"\"\"")
        #expect(AssociationsCSV.field("\"\"a\"") == "\"\"\"\"\"a\"\"\"")
        #expect(AssociationsCSV.field("carriage\rreturn") == "\"carriage\rreturn\"")
        #expect(AssociationsCSV.field(" padded") == "\" padded\"" && AssociationsCSV.field("padded ") == "\"padded \"")
        #expect(AssociationsCSV.field("<p>Ääni, \"laulu\"</p>") == "\"<p>Ääni, \"\"laulu\"\"</p>\"")
    }

    @Test func icalendarLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        var w = ContentLines()
        let long = "DESCRIPTION:" + String(repeating: "äö€x", count: 60)
        w.line(long)
        w.line("END:VEVENT")
        let bytes = Array(w.text.utf8)
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { lines.append(current); current = []; i += 2; continue }
            current.append(bytes[i]); i += 1
        }
        #expect(current.isEmpty, "the text ends in CRLF")
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "no line ends inside a UTF-8 sequence")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.first == 0x20 })
        let unfolded = w.text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded == long + "\r\nEND:VEVENT\r\n")
    }

    @Test func icalendarTextEscaping() {
        #expect(ICalendar.escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func clockTimesAreReadOnlyWhenTheyAreTimes() {
        let t = TimeText.parse("17.30–20.00")
        #expect(t?.start == .init(hour: 17, minute: 30) && t?.end == .init(hour: 20, minute: 0))
        #expect(TimeText.parse("10–15")?.end == .init(hour: 15, minute: 0))
        #expect(TimeText.parse("klo 18")?.start == .init(hour: 18, minute: 0))
        #expect(TimeText.parse("kl. 9:15 - 11")?.start == .init(hour: 9, minute: 15))
        #expect(TimeText.parse("ke 13–15") == nil)
        #expect(TimeText.parse("iltaisin") == nil)
        #expect(TimeText.parse("25.00") == nil)
        #expect(TimeText.parse("18.5") == nil)
    }

    @Test func helsinkiOffsetFollowsEUSummerTime() {
        let noon = TimeText.Time(hour: 12, minute: 0)
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 1, day: 10), noon) == "+02:00")
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 7, day: 10), noon) == "+03:00")
        // 2027: summer time from Sunday 28 March 03:00 to Sunday 31 October 04:00 local time.
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 3, day: 28), .init(hour: 2, minute: 59)) == "+02:00")
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 3, day: 28), .init(hour: 4, minute: 0)) == "+03:00")
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 10, day: 31), .init(hour: 3, minute: 0)) == "+03:00")
        #expect(TimeText.helsinkiOffset(Day(year: 2027, month: 10, day: 31), .init(hour: 4, minute: 0)) == "+02:00")
    }

    // MARK: - whole outputs

    @Test func associationsJSONHasContentValuesInFieldOrderAndWithholdsContactsWithoutConsent() throws {
        let out = ExportsTests.render()
        let json = try #require(out["data/associations.json"])
        #expect(!json.contains("Salainen") && !json.contains("salainen@example.fi") && !json.contains("040 999 8888"))
        let csv = try #require(out["data/associations.csv"])
        #expect(!csv.contains("Salainen") && !csv.contains("salainen@example.fi"))
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(root["generated"] as? String == "2026-11-23")
        let list = try #require(root["associations"] as? [[String: Any]])
        #expect(list.map { $0["slug"] as? String } == ["hostile", "martat"])
        let martat = list[1]
        #expect(martat["name"] as? String == "Testilän Martat ry", "the default language's version")
        #expect(martat["url"] as? String == "https://www.testila.fi/yhdistykset/yhdistykset/martat/")
        #expect((martat["contact_person"] as? [String: Any])?["name"] as? String == "Maija Meikäläinen")
        #expect(list[0]["contact_person"] is NSNull)
        #expect(martat["founded"] as? Int == 1921)
        #expect(martat["volunteers_wanted"] as? Bool == true)
        // Keys in content-model order, the same for every association.
        let keys = AssociationsCSV.columns.filter { !$0.hasPrefix("contact_person_") }
        var positions: [String.Index] = []
        let first = json.range(of: "\"slug\": \"martat\"")!.lowerBound
        for k in keys where k != "slug" {
            positions.append(json.range(of: "\"\(k)\":", range: first..<json.endIndex)!.lowerBound)
        }
        #expect(positions == positions.sorted())
        // Social links keep the order written.
        #expect(json.range(of: "\"facebook\"")!.lowerBound < json.range(of: "\"instagram\"")!.lowerBound)
    }

    /// The nested values of a record (contact person, social links, activities, extra) are
    /// written as they are read, pretty in the JSON and compact in their CSV cells: exactly
    /// these bytes, keys of `extra` in sorted order, the written order elsewhere.
    @Test func nestedRecordValuesAreWrittenPrettyInJSONAndCompactInCSV() throws {
        let out = ExportsTests.render()
        let json = try #require(out["data/associations.json"])
        #expect(json.contains("""
              "contact_person": {
                "name": "Maija Meikäläinen",
                "role": "puheenjohtaja",
                "phone": null,
                "email": null
              },
              "social": {
                "facebook": "https://facebook.example/martat",
                "instagram": "https://instagram.example/martat"
              },
        """))
        #expect(json.contains("""
              "activities": [
                {
                  "name": "Kerhoilta",
                  "when": "Tiistaisin 18–20",
                  "where": "seurantalo",
                  "audience": [
                    "aikuiset"
                  ],
                  "cost": null
                }
              ],
        """))
        #expect(json.contains("""
              "extra": {
                "jäsenmäärä": "120",
                "y_tunnus": "1234567-8"
              },
        """))
        #expect(json.contains("\"social\": {},\n") && json.contains("\"activities\": [],\n") && json.contains("\"extra\": {},\n"),
                "the association without them has empty containers")
        let csv = try #require(out["data/associations.csv"])
        #expect(csv.contains(#""{""facebook"":""https://facebook.example/martat"",""instagram"":""https://instagram.example/martat""}""#))
        #expect(csv.contains(#""[{""name"":""Kerhoilta"",""when"":""Tiistaisin 18–20"",""where"":""seurantalo"",""audience"":[""aikuiset""],""cost"":null}]""#))
        #expect(csv.contains(#""{""jäsenmäärä"":""120"",""y_tunnus"":""1234567-8""}""#))
    }

    @Test func associationsCSVStartsWithBOMAndNeutralisesFormulas() throws {
        let csv = try #require(ExportsTests.render()["data/associations.csv"])
        #expect(csv.hasPrefix("\u{FEFF}slug,url,name,summary,"))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\","))
        #expect(csv.contains(",'+358 40 123 4567,"))
        #expect(!csv.contains(",=") && !csv.contains(",+"))
        #expect(csv.components(separatedBy: "\r\n").count == 4, "header, two rows, and the final line end")
    }

    @Test func jsonLDOfHostileContentStaysInsideItsScriptAndParses() throws {
        let out = ExportsTests.render()
        let page = try #require(out["yhdistykset/hostile/index.html"])
        let ld = try #require(ExportsTests.jsonLD(page))
        #expect(!ld.contains("<") && !ld.contains(">"))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any])
        #expect(obj["@type"] as? String == "NGO")
        #expect(obj["name"] as? String == "</script><script>alert(1)</script> & Co ry")
        #expect(page.components(separatedBy: "<script>alert(1)</script>").count == 1, "no live script from content")
    }

    @Test func jsonLDTypesPerPage() throws {
        let out = ExportsTests.render()
        func type(_ path: String) throws -> String? {
            let page = try #require(out[path])
            let ld = try #require(ExportsTests.jsonLD(page))
            return (try JSONSerialization.jsonObject(with: Data(ld.utf8)) as? [String: Any])?["@type"] as? String
        }
        #expect(try type("index.html") == "GovernmentOrganization")
        #expect(try type("yhdistykset/martat/index.html") == "NGO")
        #expect(try type("sv/foreningar/martat/index.html") == "NGO")
        #expect(try type("tilat/seurantalo/index.html") == "Place")
        #expect(try type("vuosikello/kevatilta/index.html") == "Event")
        #expect(try type("avustukset/kylaraha/index.html") == "MonetaryGrant")
        #expect(try type("ajankohtaista/uutinen/index.html") == "NewsArticle")
        #expect(try type("yhdistykset/index.html") == "CollectionPage")
        let evening = try #require(ExportsTests.jsonLD(out["vuosikello/kevatilta/index.html"]!))
        #expect(evening.contains("\"startDate\":\"2027-03-18T17:30:00+02:00\""))
        let network = try #require(ExportsTests.jsonLD(out["vuosikello/verkosto/index.html"]!))
        #expect(network.contains("\"eventSchedule\":{\"@type\":\"Schedule\",\"repeatFrequency\":\"P1Y\",\"byMonth\":[2,12]"))
        #expect(network.contains("\"startDate\":\"2026-12-01\""), "the next month not yet over on 2026-11-23")
    }

    @Test func icalendarPerLanguageWithYearlyRulesTimedItemsAndStableUIDs() throws {
        let out = ExportsTests.render()
        let fi = try #require(out["vuosikello.ics"]).replacingOccurrences(of: "\r\n ", with: "")
        let sv = try #require(out["sv/vuosikello.ics"]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(fi.components(separatedBy: "BEGIN:VEVENT").count - 1 == 1 + 2 + 2 + 1, "evening, 2 months, 2 grant windows, 1 booking period")
        // A yearly range over the new year: starts in the anchor year (2026), ends in the next.
        #expect(fi.contains("UID:fi/facilities/seurantalo/0@www.testila.fi\r\nDTSTAMP:20261123T000000Z\r\nDTSTART;VALUE=DATE:20261115\r\nDTEND;VALUE=DATE:20270116\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15\r\n"))
        #expect(fi.contains("DTSTART;TZID=Europe/Helsinki:20270318T173000\r\nDTEND;TZID=Europe/Helsinki:20270318T200000\r\n"))
        #expect(fi.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki\r\n"))
        #expect(fi.contains("UID:fi/clock/verkosto/m12@www.testila.fi\r\nDTSTAMP:20261123T000000Z\r\nDTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20270101\r\nRRULE:FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=1\r\n"))
        #expect(fi.contains("DTSTART;VALUE=DATE:20270901\r\nDTEND;VALUE=DATE:20271001\r\nSUMMARY:"), "a one-off window has no RRULE")
        #expect(fi.contains("SUMMARY:Kevään ilta\\; \"paras\"\\, eikö?\r\n"))
        #expect(fi.contains("Aika: ke 13–15"), "time text that is not a clock time goes to the description")
        #expect(fi.contains("klo 15.00"), "a grant's closing time is in the description")
        #expect(sv.contains("UID:sv/clock/kevatilta@www.testila.fi\r\n"))
        #expect(!fi.contains("\n\n") && !fi.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func atomFeedPerLanguageIsWellFormed() throws {
        let out = ExportsTests.render()
        for path in ["feed.xml", "sv/feed.xml"] {
            let xml = try #require(out[path])
            let doc = try XMLDocument(data: Data(xml.utf8))
            let root = try #require(doc.rootElement())
            #expect(root.name == "feed" && root.uri == "http://www.w3.org/2005/Atom")
            let entries = root.elements(forName: "entry")
            #expect(entries.count == 1)
            #expect(entries.first?.elements(forName: "title").first?.stringValue == "Uutinen <tärkeä> & kiireellinen")
            #expect(entries.first?.elements(forName: "updated").first?.stringValue == "2026-11-01T00:00:00+02:00")
            let content = entries.first?.elements(forName: "content").first?.stringValue ?? ""
            #expect(content.contains("src=\"https://www.testila.fi/yhdistykset/images/x.png\""), "images as absolute URLs")
        }
        #expect(out["sv/feed.xml"]!.contains("<entry xml:lang=\"fi\">"), "an untranslated item keeps its own language")
    }

    @Test func sitemapListsEveryPageWithAlternatesAndXDefault() throws {
        let out = ExportsTests.render()
        let xml = try #require(out["sitemap.xml"])
        let pages = out.keys.filter { $0.hasSuffix("index.html") }
        #expect(xml.components(separatedBy: "<url>").count - 1 == pages.count)
        for p in pages {
            let url = "https://www.testila.fi/yhdistykset/" + p.dropLast("index.html".count)
            #expect(xml.contains("<loc>\(url)</loc>"), "\(p)")
        }
        #expect(xml.contains("hreflang=\"x-default\" href=\"https://www.testila.fi/yhdistykset/yhdistykset/martat/\""))
    }

    /// A big site's sitemap is made in parts side by side and appended in order: the parts,
    /// wherever the site is cut, join to the sitemap made whole, a valid document.
    @Test func sitemapPartsJoinToTheWholeSitemap() throws {
        let site = try #require(TestSupport.load(ExportsTests.corpus).site)
        let routes = Routes(config: site.config)
        let ids = PageID.all(site, filters: SiteIndex(site: site).filterList)
        let languages = site.config.languages
        let whole = Sitemap.part(ids[...], routes: routes, languages: languages, first: true, last: true)
        for cuts in [[ids.count / 2], [1, 2, ids.count - 1], Array(stride(from: 3, to: ids.count, by: 3))] {
            let bounds = [0] + cuts + [ids.count]
            var joined: [UInt8] = []
            for k in 0..<bounds.count - 1 {
                joined += Sitemap.part(ids[bounds[k]..<bounds[k + 1]], routes: routes, languages: languages,
                                       first: k == 0, last: k == bounds.count - 2)
            }
            #expect(joined == whole, "cut at \(cuts)")
        }
        #expect(try XMLDocument(data: Data(whole)).rootElement()?.name == "urlset")
    }

    @Test func outputsAreByteIdenticalBetweenBuilds() {
        let a = ExportsTests.render(), b = ExportsTests.render()
        for path in ["data/associations.json", "data/associations.csv", "vuosikello.ics", "sv/vuosikello.ics", "feed.xml", "sitemap.xml"] {
            #expect(a[path] != nil && a[path] == b[path], "\(path)")
        }
    }

    /// The build makes the association exports from the records its association pages make,
    /// reusing each page's body HTML when it does not depend on where it is shown; the files are
    /// the same bytes as the exports made on their own (images/ links, a Swedish translation,
    /// blocks of one association each).
    @Test func exportsMadeBesideTheAssociationPagesAreTheExportsOnTheirOwn() throws {
        var files = ExportsTests.corpus
        files["associations/kuvat.md"] = TestSupport.association(["name": "Kuvaseura ry"], body: "Kuva: ![kuva](images/x.png)\n\n## Lisää\n\nTeksti.")
        let content = TestSupport.writeContent(files)
        let loaded = ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load()
        let site = try #require(loaded.site)
        #expect(site.associations.contains { $0.primary.body.source.contains("images/") })
        #expect(site.associations.contains { !$0.translations.isEmpty })
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let alone = Exports.files(env)
        for batch in [1, 128] {
            var built: [OutputFile] = []
            var timings = StageTimings()
            _ = SiteBuilder.files(site: site, theme: try #require(theme), batch: batch, timings: &timings) { OutputFile.collect($0, into: &built) }
            for path in [AssociationsJSON.path, AssociationsCSV.path] {
                let a = try #require(built.first { $0.path == path }?.text), b = try #require(alone.first { $0.path == path }?.text)
                #expect(a == b, "\(path), batch \(batch)")
            }
        }
    }

    // MARK: - scale

    /// Exports of 10,000 associations (built in parallel, written in blocks of 1,000) keep every
    /// association, in slug order. How long they take is measured in bench/, not here.
    @Test func exportsOfTenThousandAssociationsKeepEveryAssociationInOrder() throws {
        let content = TestSupport.writeContent(["associations/a.md": ExportsTests.corpus["associations/martat.md"]!])
        let loaded = ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load()
        var site = try #require(loaded.site)
        let template = site.associations[0]
        site.associations = (0..<10_000).map { i in
            var item = template
            item.slug = "yhdistys-\(String(i + 100_000))"
            var a = item.primary
            a.name = "Yhdistys \(i) ry"
            a.body = MarkdownText(source: "Kuvaus **\(i)**, [linkki](https://example.fi/\(i)).\n\nToinen kappale.", file: "x", line: 1)
            item.primary = a
            item.translations = [:]
            return item
        }
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let files = Exports.files(env)
        #expect(files.count == 6)
        // Written block by block (the first block creates the files, the others append), the
        // files on disk are the same bytes as the files joined in memory.
        let folder = TestSupport.temporaryDirectory().appendingPathComponent("site")
        try Publisher(output: folder).publish { write in try Exports.associationFiles(env) { try write($0) } }
        for path in [AssociationsJSON.path, AssociationsCSV.path] {
            let written = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(written == Data(try #require(files.first { $0.path == path }?.bytes)), "\(path)")
        }
        let json = try #require(files.first { $0.path == AssociationsJSON.path }?.bytes)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
        let slugs = (object["associations"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } ?? []
        #expect(slugs == (0..<10_000).map { "yhdistys-\(String($0 + 100_000))" })
        let csv = try #require(files.first { $0.path == AssociationsCSV.path }?.text)
        #expect(csv.split(separator: "\r\n").count == 10_001)
    }
}
