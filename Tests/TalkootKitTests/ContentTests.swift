import Foundation
import Testing
@testable import TalkootKit

/// The content model's building blocks: slugs, the front matter split (BOM, CRLF), the YAML
/// reader's positions, translations with field-by-field fallback, and dates (ISO and yearly).
@Suite struct ContentTests {
    func md(_ frontMatter: String, body: String = "Kuvaus.") -> String { "---\n\(frontMatter)\n---\n\(body)\n" }

    static let trilingualSite = """
    municipality: {fi: Testilän kunta, sv: Testilä kommun}
    base_url: https://www.testila.fi/yhdistykset/
    languages: [fi, sv, en]
    contact_email: yhdistykset@testila.fi
    """

    // MARK: - slugs

    @Test(arguments: [
        ("Järvikylän Martat ry", "jarvikylan-martat-ry"),
        ("Åminne Öljymäki", "aminne-oljymaki"),
        ("Kylien kehittämisraha 2027", "kylien-kehittamisraha-2027"),
        ("  Pihlajarinne  (sali) ", "pihlajarinne-sali"),
        ("Lions Club Järvikylä/Särkikylä", "lions-club-jarvikyla-sarkikyla"),
        ("Café Ümlaut", "cafe-umlaut"),
        ("Ståhlberg & Co.", "stahlberg-co"),
        ("--Sisu!--", "sisu"),
        ("ABC_def", "abc-def"),
        ("Søren Ærø", "soren-aero"),
        ("Straße", "strasse"),
    ])
    func slugIsMadeFromAName(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test func slugDropsLettersWithoutALatinForm() {
        #expect(Slug.make(from: "Москва") == "")
        #expect(Slug.make(from: "Kylä Москва 2") == "kyla-2")
    }

    @Test func slugFromALongNameIsCutTo80CharactersWithoutATrailingDash() {
        let name = String(repeating: "abcd ", count: 30)
        let slug = Slug.make(from: name)
        #expect(slug.count <= 80)
        #expect(!slug.hasSuffix("-"))
        #expect(Slug.isValid(slug))
        // Cutting at a '-' leaves no dash at the end.
        let dashAt80 = String(repeating: "a", count: 80) + " bbb"
        #expect(Slug.make(from: dashAt80) == String(repeating: "a", count: 80))
        let dashAt81 = String(repeating: "a", count: 79) + " bbb"
        #expect(Slug.make(from: dashAt81) == String(repeating: "a", count: 79))
    }

    @Test func madeSlugsAreAlwaysValidOrEmpty() {
        let names = ["Järvikylän Martat ry", "!!!", "", "ä", "A—B–C", "1921", "x\ty\nz", "Ü-ber--alles", "Ω mega", "a" + String(repeating: "-", count: 100) + "b"]
        for name in names {
            let slug = Slug.make(from: name)
            #expect(slug.isEmpty || Slug.isValid(slug), "\(name) → \(slug)")
        }
    }

    @Test(arguments: ["martat", "a", "kylien-kehittamisraha", "4h-yhdistys", "a--b", String(repeating: "z", count: 80)])
    func validSlugIsAccepted(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "Martat", "martat ry", "martat_ry", "järvikylä", "-martat", "martat-", "martat.sv", "a/b", String(repeating: "z", count: 81)])
    func invalidSlugIsRejected(_ slug: String) {
        #expect(!Slug.isValid(slug))
    }

    // MARK: - front matter split

    @Test func frontMatterIsSplitFromTheBody() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("---\nname: A\nsummary: B\n---\n# Otsikko\n\nTeksti.\n", path: "x.md", log: &log))
        #expect(f.yaml == "name: A\nsummary: B")
        #expect(f.yamlLineOffset == 1)
        #expect(f.body == "# Otsikko\n\nTeksti.\n")
        #expect(f.bodyLine == 5)
        #expect(log.items.isEmpty)
    }

    @Test func frontMatterFencesMayHaveTrailingSpaces() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("--- \nname: A\n---\t\nTeksti.", path: "x.md", log: &log))
        #expect(f.yaml == "name: A")
        #expect(f.body == "Teksti.")
        #expect(f.bodyLine == 4)
    }

    @Test func emptyFrontMatterAndEmptyBodyAreFine() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("---\n---\n", path: "x.md", log: &log))
        #expect(f.yaml == "")
        #expect(f.body == "")
        #expect(f.bodyLine == 3)
    }

    @Test func aThirdFenceBelongsToTheBody() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("---\ntitle: A\n---\nYlä\n\n---\n\nAla\n", path: "x.md", log: &log))
        #expect(f.yaml == "title: A")
        #expect(f.body == "Ylä\n\n---\n\nAla\n")
    }

    @Test func fileWithoutOpeningFenceIsReported() {
        var log = DiagnosticLog()
        #expect(FrontMatterFile.split("title: A\n---\nTeksti", path: "content/x.md", log: &log) == nil)
        #expect(log.items.count == 1)
        #expect(log.items.first?.file == "content/x.md")
        #expect(log.items.first?.message.contains("must start with front matter") == true)
    }

    @Test func fileWithoutClosingFenceIsReported() {
        var log = DiagnosticLog()
        #expect(FrontMatterFile.split("---\ntitle: A\nTeksti", path: "content/x.md", log: &log) == nil)
        #expect(log.items.first?.message.contains("not closed") == true)
    }

    @Test func byteOrderMarkIsDropped() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("\u{FEFF}---\nname: A\n---\nTeksti.\n", path: "x.md", log: &log))
        #expect(f.yaml == "name: A")
        #expect(f.bodyLine == 4)
        #expect(FrontMatterFile.normalise("\u{FEFF}a: b") == "a: b")
    }

    @Test func crlfAndCrLineEndsAreReadAsLf() throws {
        var log = DiagnosticLog()
        let f = try #require(FrontMatterFile.split("---\r\nname: A\r\nsummary: B\r\n---\r\nRivi 1\r\nRivi 2\r\n", path: "x.md", log: &log))
        #expect(f.yaml == "name: A\nsummary: B")
        #expect(f.body == "Rivi 1\nRivi 2\n")
        #expect(f.bodyLine == 5)
        #expect(FrontMatterFile.normalise("a\rb\r\nc\n") == "a\nb\nc\n")
    }

    @Test func bomAndCrlfFileDecodesWithCorrectLines() throws {
        let text = "\u{FEFF}---\r\nname: Martat\r\nsummary: Kotitalousneuvontaa.\r\nsectors: [muut-harrastukset]\r\nemail: martat@example.fi\r\nupdated: 2026-10-01\r\n---\r\nEnsimmäinen rivi.\r\n\r\nToinen kappale.\r\n"
        let result = TestSupport.load(["associations/martat.md": text])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let martat = try #require(result.site?.associations.first?.primary)
        #expect(martat.name == "Martat")
        #expect(martat.summary == "Kotitalousneuvontaa.")
        #expect(martat.body.line == 8)
        #expect(martat.body.source == "Ensimmäinen rivi.\n\nToinen kappale.\n")
        #expect(!martat.body.source.contains("\r"))
    }

    // MARK: - the YAML reader

    @Test func yamlValuesCarryFileLinesAndColumns() throws {
        var log = DiagnosticLog()
        let yaml = "name: Martat\ncontact_person:\n  name: Maija\nsectors:\n  - a\n  - b\n"
        let value = try #require(YAMLReader.parse(yaml, file: "f.md", lineOffset: 1, log: &log))
        guard case let .mapping(entries) = value.kind else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.key) == ["name", "contact_person", "sectors"])
        #expect(entries[0].keyPosition == SourcePosition(file: "f.md", line: 2, column: 1))
        #expect(entries[0].value.position == SourcePosition(file: "f.md", line: 2, column: 7))
        guard case let .mapping(inner) = entries[1].value.kind else { Issue.record("not a mapping"); return }
        #expect(inner[0].value.position == SourcePosition(file: "f.md", line: 4, column: 9))
        guard case let .sequence(items) = entries[2].value.kind else { Issue.record("not a list"); return }
        #expect(items.map(\.position.line) == [6, 7])
        #expect(items.map(\.position.column) == [5, 5])
    }

    @Test func quotedScalarsStayTextAndNullIsRecognised() throws {
        var log = DiagnosticLog()
        let value = try #require(YAMLReader.parse("a: \"03-18\"\nb: 03-18\nc: ~\nd: 'null'\ne:\n", file: "f", lineOffset: 0, log: &log))
        guard case let .mapping(e) = value.kind else { Issue.record("not a mapping"); return }
        #expect(e[0].value.scalarText == "03-18")
        if case let .scalar(_, plain) = e[0].value.kind { #expect(!plain) }
        #expect(e[1].value.scalarText == "03-18")
        #expect(e[2].value.isNull)
        #expect(!e[3].value.isNull)
        #expect(e[4].value.isNull)
    }

    @Test func emptyYamlIsAnEmptyMapping() throws {
        var log = DiagnosticLog()
        let value = try #require(YAMLReader.parse("", file: "f", lineOffset: 1, log: &log))
        guard case let .mapping(e) = value.kind else { Issue.record("not a mapping"); return }
        #expect(e.isEmpty)
        #expect(value.position.line == 2)
    }

    // MARK: - translations

    func bilingual(_ files: [String: String], site: String = ContentTests.trilingualSite) -> ContentLoader.Result {
        var all = files
        all["site.yml"] = site
        all["liaisons/sanna.md"] = md("name: Sanna Esimerkki\nrole: liaison\nemail: sanna@testila.fi")
        return TestSupport.load(all)
    }

    @Test func translationOverridesOnlyTheFieldsItGives() throws {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(["website": "https://martat.example.fi"], body: "Suomeksi."),
            "associations/martat.sv.md": md("summary: Hushållsrådgivning för alla.", body: "På svenska."),
        ])
        #expect(!result.hasErrors, "\(result.diagnostics)")
        let martat = try #require(result.site?.associations.first)
        let fi = martat.version("fi"), sv = martat.version("sv")
        #expect(fi.summary == "Kotitalousneuvontaa kaikille.")
        #expect(sv.summary == "Hushållsrådgivning för alla.")
        // Everything else comes from the default-language file.
        #expect(sv.name == fi.name)
        #expect(sv.website == "https://martat.example.fi")
        #expect(sv.sectors == ["muut-harrastukset"])
        #expect(sv.updated == fi.updated)
        #expect(fi.body.source == "Suomeksi.\n")
        #expect(sv.body.source == "På svenska.\n")
        #expect(sv.body.file == "content/associations/martat.sv.md")
        #expect(martat.sourcePath == "content/associations/martat.md")
    }

    @Test func translationWithEmptyBodyUsesTheDefaultBody() throws {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(body: "Suomeksi."),
            "associations/martat.sv.md": "---\nname: Martat rf\n---\n\n",
        ])
        let martat = try #require(result.site?.associations.first)
        #expect(martat.version("sv").name == "Martat rf")
        #expect(martat.version("sv").body.source == "Suomeksi.\n")
        #expect(martat.version("sv").body.file == "content/associations/martat.md")
    }

    @Test func languageWithoutTranslationFallsBackToTheDefault() throws {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(),
            "associations/martat.sv.md": md("summary: Hushållsrådgivning."),
        ])
        let martat = try #require(result.site?.associations.first)
        #expect(martat.translated == ["fi", "sv"])
        #expect(!martat.isFallback("fi"))
        #expect(!martat.isFallback("sv"))
        #expect(martat.isFallback("en"))
        #expect(martat.version("en").summary == "Kotitalousneuvontaa kaikille.")
        #expect(martat.version("de").summary == "Kotitalousneuvontaa kaikille.")
    }

    @Test func translatedListReplacesTheWholeList() throws {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(["target_groups": "[aikuiset, perheet]"]),
            "associations/martat.sv.md": md("target_groups: [kaikki]"),
        ])
        let martat = try #require(result.site?.associations.first)
        #expect(martat.version("fi").targetGroups == ["aikuiset", "perheet"])
        #expect(martat.version("sv").targetGroups == ["kaikki"])
    }

    @Test func translatedMappingReplacesTheWholeMapping() throws {
        // Field-by-field means top-level fields: a translated contact_person is complete on its own.
        let result = bilingual([
            "associations/martat.md": md("""
            name: Martat
            summary: Kotitalousneuvontaa.
            sectors: [muut-harrastukset]
            contact_person: {name: Maija, role: puheenjohtaja, email: maija@example.fi, consent: true}
            updated: 2026-10-01
            """),
            "associations/martat.sv.md": md("contact_person: {name: Maija, role: ordförande, consent: true}"),
        ])
        let martat = try #require(result.site?.associations.first)
        #expect(martat.version("fi").contactPerson?.email == "maija@example.fi")
        #expect(martat.version("sv").contactPerson?.role == "ordförande")
        #expect(martat.version("sv").contactPerson?.email == nil)
    }

    @Test func everyKindIsTranslatable() throws {
        let result = bilingual([
            "facilities/sali.md": md("name: Sali\naddress: Tie 1\nbooking: {phone: \"040 123 4567\"}"),
            "facilities/sali.sv.md": md("name: Salen"),
            "grants/raha.md": md("name: Raha\ncontinuous: true"),
            "grants/raha.sv.md": md("name: Pengar"),
            "clock/ilta.md": md("title: Ilta\nkind: evening\ndate: \"03-18\""),
            "clock/ilta.sv.md": md("title: Kväll"),
            "news/uutinen.md": md("title: Uutinen\ndate: 2026-09-01"),
            "news/uutinen.sv.md": md("title: Nyhet"),
            "pages/sivu.md": md("title: Sivu"),
            "pages/sivu.sv.md": md("title: Sida"),
            "liaisons/sanna.sv.md": md("title: Föreningskoordinator"),
            "index.sv.md": md("title: Välkommen", body: "Föreningar och kommunen."),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        #expect(site.facilities[0].version("sv").name == "Salen")
        #expect(site.grants[0].version("sv").name == "Pengar")
        #expect(site.clock[0].version("sv").title == "Kväll")
        #expect(site.clock[0].version("sv").when == .date(.yearly(MonthDay(month: 3, day: 18)), end: nil))
        #expect(site.news[0].version("sv").title == "Nyhet")
        #expect(site.pages[0].version("sv").title == "Sida")
        #expect(site.liaisons[0].version("sv").title == "Föreningskoordinator")
        #expect(site.liaisons[0].version("sv").name == "Sanna Esimerkki")
        #expect(site.landing.version("sv").title == "Välkommen")
        #expect(site.landing.version("fi").title == "Tervetuloa")
        #expect(site.landing.isFallback("en"))
    }

    @Test func landingTranslationForALanguageNotInSiteYmlIsAnError() {
        let result = TestSupport.load(["index.de.md": md("title: Willkommen")])
        #expect(result.diagnostics.contains {
            $0.file == "content/index.de.md" && $0.severity == .error && $0.message.contains("'de' is not one of the site's languages (fi, sv)")
        }, "\(result.diagnostics)")
    }

    @Test func draftIsLeftOutWithItsTranslations() throws {
        let files = [
            "associations/martat.md": TestSupport.association(),
            "associations/uusi.md": TestSupport.association(["draft": "true", "name": "Uusi"]),
            "associations/uusi.sv.md": md("name: Ny"),
        ]
        let result = bilingual(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.associations.map(\.slug) == ["martat"])

        var all = files
        all["site.yml"] = ContentTests.trilingualSite
        all["liaisons/sanna.md"] = md("name: Sanna\nrole: liaison\nemail: sanna@testila.fi")
        var loader = ContentLoader(directory: TestSupport.writeContent(all), displayRoot: "content", today: TestSupport.today)
        loader.includeDrafts = true
        let withDrafts = loader.load()
        #expect(withDrafts.site?.associations.map(\.slug) == ["martat", "uusi"])
        #expect(withDrafts.site?.associations.last?.version("sv").name == "Ny")
    }

    /// Whether an item is a draft is read from the same parse as its fields, so a reference to a
    /// draft is found after decoding: it fails with its own message, and the draft's own files
    /// are still checked.
    @Test func referenceToADraftIsAnErrorAndABrokenDraftIsStillReported() {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(["meets_at": "[sali]"]),
            "facilities/sali.md": md("name: Sali\naddress: Tie 1\ndraft: true"),
            "facilities/sali.sv.md": "---\nname: [unclosed\n---\n",
        ])
        #expect(result.diagnostics.contains { $0.file == "content/associations/martat.md" && $0.severity == .error && $0.field == "meets_at[0]"
            && $0.message.contains("the facility 'sali', which is a draft") }, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.file == "content/facilities/sali.sv.md" && $0.severity == .error }, "\(result.diagnostics)")
    }

    /// A nested field (an activity's place) and a liaison named as a grant's contact count as
    /// references too; with `--drafts` the drafts are built and the references are fine.
    @Test func referencesToDraftsFromNestedFieldsFailUnlessDraftsAreBuilt() {
        var files = [
            "associations/martat.md": TestSupport.association(["activities": "[{name: Kerho, where: sali}]"]),
            "facilities/sali.md": md("name: Sali\naddress: Tie 1\ndraft: true"),
            "liaisons/sanna.md": md("name: Sanna\nrole: liaison\nemail: sanna@testila.fi"),
            "liaisons/ville.md": md("name: Ville\nrole: agent\nemail: ville@testila.fi\ndraft: yes"),
            "grants/kylaraha.md": md("name: Kyläraha\ncontinuous: true\ncontact: ville"),
        ]
        let result = TestSupport.load(files)
        #expect(result.site == nil)
        #expect(result.diagnostics.contains { $0.file == "content/associations/martat.md" && $0.field == "activities[0].where"
            && $0.message.contains("facility 'sali', which is a draft") }, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.file == "content/grants/kylaraha.md" && $0.field == "contact"
            && $0.message.contains("liaison 'ville', which is a draft") }, "\(result.diagnostics)")

        var loader = ContentLoader(directory: TestSupport.writeContent(files), displayRoot: "content", today: TestSupport.today)
        loader.includeDrafts = true
        let withDrafts = loader.load()
        #expect(!withDrafts.hasErrors, "\(withDrafts.diagnostics)")
        #expect(withDrafts.site?.facilities.map(\.slug) == ["sali"])
    }

    /// A draft is work in progress: a missing required field in it is not an error until it is
    /// published, but it is once the draft is built.
    @Test func draftsFieldsAreCheckedOnlyWhenItIsBuilt() {
        let files = ["associations/martat.md": TestSupport.association(),
                     "associations/kesken.md": md("name: Kesken\ndraft: true")]
        let result = TestSupport.load(files)
        #expect(!result.hasErrors, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.file == "content/associations/kesken.md" }, "\(result.diagnostics)")
        #expect(result.site?.associations.map(\.slug) == ["martat"])

        var loader = ContentLoader(directory: TestSupport.writeContent(files), displayRoot: "content", today: TestSupport.today)
        loader.includeDrafts = true
        #expect(loader.load().diagnostics.contains { $0.file == "content/associations/kesken.md" && $0.severity == .error })
    }

    /// Only `draft: true` makes a draft: a file that merely mentions drafts, or says `draft: false`, is published.
    @Test func fileThatMentionsDraftsIsNotADraft() {
        let result = bilingual([
            "associations/martat.md": TestSupport.association(body: "Our draft plan for the year."),
            "associations/kuoro.md": TestSupport.association(["name": "Kuoro", "draft": "false"]),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.site?.associations.map(\.slug) == ["kuoro", "martat"])
    }

    @Test func itemsAreSortedBySlug() {
        let result = TestSupport.load([
            "pages/c.md": md("title: C"), "pages/a.md": md("title: A"), "pages/b.md": md("title: B"),
        ])
        #expect(result.site?.pages.map(\.slug) == ["a", "b", "c"])
    }

    /// Files are grouped by slug after sorting: a slug that is a prefix of another ("a", "a-b")
    /// keeps its own translations, whatever order the folder lists the files in.
    @Test func translationsStayWithTheirItemWhenSlugsShareAPrefix() {
        let result = bilingual([
            "pages/a-b.sv.md": md("title: A-B sv"), "pages/a.en.md": md("title: A en"), "pages/a-b.md": md("title: A-B"),
            "pages/a.md": md("title: A"), "pages/a.sv.md": md("title: A sv"), "pages/b.md": md("title: B"),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let pages = result.site?.pages ?? []
        #expect(pages.map(\.slug) == ["a", "a-b", "b"])
        #expect(pages.map { $0.translated.sorted() } == [["en", "fi", "sv"], ["fi", "sv"], ["fi"]])
        #expect(pages.first?.translations["sv"]?.title == "A sv")
        #expect(pages.dropFirst().first?.translations["sv"]?.title == "A-B sv")
    }

    // MARK: - dates

    @Test func isoDateIsParsed() {
        #expect(Day.parse("2027-03-18") == Day(year: 2027, month: 3, day: 18))
        #expect(Day.parse("2028-02-29") == Day(year: 2028, month: 2, day: 29))
        #expect(Day.parse("2000-02-29") != nil)
    }

    @Test(arguments: ["2027-02-29", "1900-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00", "2027-3-18", "27-03-18", "2027/03/18", "18.3.2027", "2027-03-18T10:00", "",
                       "+202-03-18", "2027-+3-18", "2027-03-+8", "２０２７-03-18", "2027-03-1٨"])
    func impossibleOrMalformedDateIsRejected(_ text: String) {
        #expect(Day.parse(text) == nil)
    }

    @Test func impossibleDateStillLooksLikeISO() {
        #expect(Day.looksLikeISO("2027-02-30"))
        #expect(Day.looksLikeISO("2027-13-45"))
        #expect(!Day.looksLikeISO("18.3.2027"))
        #expect(!Day.looksLikeISO("2027-3-18"))
        #expect(MonthDay.looksLikeMonthDay("02-30"))
        #expect(!MonthDay.looksLikeMonthDay("2-30"))
    }

    @Test func leapYearsFollowTheGregorianRules() {
        #expect(Day.isLeap(2028))
        #expect(Day.isLeap(2000))
        #expect(!Day.isLeap(1900))
        #expect(!Day.isLeap(2027))
        #expect(Day.daysIn(month: 2, year: 2028) == 29)
        #expect(Day.daysIn(month: 2, year: 2100) == 28)
        #expect((1...12).map { Day.daysIn(month: $0, year: 2027) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test func dayNumberCountsFromTheUnixEpoch() {
        #expect(Day(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(Day(year: 1969, month: 12, day: 31).dayNumber == -1)
        #expect(Day(year: 2000, month: 3, day: 1).dayNumber == 11017)
        #expect(Day(dayNumber: 0) == Day(year: 1970, month: 1, day: 1))
    }

    @Test func dayNumberRoundTripsOverManyYears() {
        var d = Day(year: 1899, month: 12, day: 25)
        var n = d.dayNumber
        for _ in 0..<(366 * 210) {
            #expect(Day(dayNumber: n) == d)
            n += 1
            d = d.day < Day.daysIn(month: d.month, year: d.year) ? Day(year: d.year, month: d.month, day: d.day + 1)
                : d.month < 12 ? Day(year: d.year, month: d.month + 1, day: 1) : Day(year: d.year + 1, month: 1, day: 1)
            if d.dayNumber != n { Issue.record("dayNumber of \(d) is \(d.dayNumber), expected \(n)"); return }
        }
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(Day(year: 2027, month: 1, day: 31).adding(days: 1) == Day(year: 2027, month: 2, day: 1))
        #expect(Day(year: 2027, month: 12, day: 31).adding(days: 1) == Day(year: 2028, month: 1, day: 1))
        #expect(Day(year: 2028, month: 2, day: 28).adding(days: 1) == Day(year: 2028, month: 2, day: 29))
        #expect(Day(year: 2027, month: 2, day: 28).adding(days: 1) == Day(year: 2027, month: 3, day: 1))
        #expect(Day(year: 2027, month: 3, day: 1).adding(days: -1) == Day(year: 2027, month: 2, day: 28))
        #expect(Day(year: 2026, month: 11, day: 23).adding(days: 365) == Day(year: 2027, month: 11, day: 23))
        #expect(Day(year: 2027, month: 11, day: 23).adding(days: 366) == Day(year: 2028, month: 11, day: 23))
    }

    @Test func daysUntilCountsWholeDays() {
        let a = Day(year: 2025, month: 11, day: 23), b = Day(year: 2026, month: 11, day: 23)
        #expect(a.days(until: b) == 365)
        #expect(b.days(until: a) == -365)
        #expect(a.days(until: a) == 0)
        #expect(Day(year: 2028, month: 1, day: 1).days(until: Day(year: 2029, month: 1, day: 1)) == 366)
    }

    @Test func weekdayIsISO() {
        #expect(Day(year: 1970, month: 1, day: 1).weekday == 4)   // Thursday
        #expect(Day(year: 2027, month: 3, day: 18).weekday == 4)  // Thursday
        #expect(Day(year: 2026, month: 11, day: 23).weekday == 1) // Monday
        #expect(Day(year: 2027, month: 3, day: 21).weekday == 7)  // Sunday
        #expect(Day(year: 1969, month: 12, day: 28).weekday == 7) // Sunday, before the epoch
    }

    @Test func unixTimeIsReadInUTC() {
        #expect(Day(unixTime: 0) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(unixTime: 86399) == Day(year: 1970, month: 1, day: 1))
        #expect(Day(unixTime: 86400) == Day(year: 1970, month: 1, day: 2))
        #expect(Day(unixTime: -1) == Day(year: 1969, month: 12, day: 31))
        #expect(Day(unixTime: 1_805_328_000) == Day(year: 2027, month: 3, day: 18))
    }

    @Test func dayIsWrittenInISOAndNordicForm() {
        #expect(Day(year: 2027, month: 3, day: 8).iso == "2027-03-08")
        #expect(Day(year: 987, month: 1, day: 2).iso == "0987-01-02")
        #expect(Day(year: 2027, month: 3, day: 8).nordic == "8.3.2027")
        #expect("\(Day(year: 2027, month: 12, day: 24))" == "2027-12-24")
        // Every day of some years, against the plain padded form.
        func padded(_ n: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(n).count)) + String(n) }
        for year in [1, 99, 1970, 2026, 2028, 9999] {
            for day in (0..<366).map({ Day(dayNumber: Day(year: year, month: 1, day: 1).dayNumber + $0) }) where day.year == year {
                #expect(day.iso == "\(padded(day.year, 4))-\(padded(day.month, 2))-\(padded(day.day, 2))")
                #expect(day.nordic == "\(day.day).\(day.month).\(day.year)")
            }
        }
        #expect(Day(year: 12345, month: 1, day: 2).iso == "12345-01-02")
        #expect(Day(year: 12345, month: 1, day: 2).nordic == "2.1.12345")
        #expect(Day(year: 123_456, month: 10, day: 31).nordic == "31.10.123456")
        #expect(Day(year: 0, month: 1, day: 9).nordic == "9.1.0")
    }

    @Test func daysAreOrderedByDate() {
        let days = [Day(year: 2027, month: 3, day: 18), Day(year: 2026, month: 12, day: 31), Day(year: 2027, month: 1, day: 5)]
        #expect(days.sorted().map(\.iso) == ["2026-12-31", "2027-01-05", "2027-03-18"])
    }

    @Test func yearlyDateIsParsed() {
        #expect(MonthDay.parse("03-18") == MonthDay(month: 3, day: 18))
        #expect(MonthDay.parse("12-31") == MonthDay(month: 12, day: 31))
        #expect(MonthDay.parse("02-28") == MonthDay(month: 2, day: 28))
    }

    @Test(arguments: ["02-29", "02-30", "04-31", "13-01", "00-10", "01-00", "3-18", "03-8", "0318", "03/18", "2027-03-18", "+3-18", "03-+8", " 3-18"])
    func impossibleOrMalformedYearlyDateIsRejected(_ text: String) {
        #expect(MonthDay.parse(text) == nil)
    }

    @Test func yearlyDateFallsOnTheSameDayEveryYear() {
        let md = MonthDay(month: 3, day: 1)
        #expect(md.inYear(2027) == Day(year: 2027, month: 3, day: 1))
        #expect(md.inYear(2028) == Day(year: 2028, month: 3, day: 1))
        #expect(md.text == "03-01")
        #expect(MonthDay(month: 11, day: 15).text == "11-15")
        #expect(MonthDay(month: 1, day: 31) < MonthDay(month: 2, day: 1))
    }

    @Test func dateSpecOccursOnceOrEveryYear() {
        let once = DateSpec.once(Day(year: 2027, month: 9, day: 30))
        let yearly = DateSpec.yearly(MonthDay(month: 3, day: 18))
        #expect(!once.isYearly)
        #expect(yearly.isYearly)
        #expect(once.occurrence(in: 2030) == Day(year: 2027, month: 9, day: 30))
        #expect(yearly.occurrence(in: 2030) == Day(year: 2030, month: 3, day: 18))
        #expect(once.text == "2027-09-30")
        #expect(yearly.text == "03-18")
    }

    @Test func yearlyAndOnceDatesLoadIntoTheModel() throws {
        let result = TestSupport.load([
            "liaisons/sanna.md": md("name: Sanna\nrole: liaison\nemail: sanna@testila.fi"),
            "grants/raha.md": md("""
            name: Raha
            application:
              - {date: "03-01", end_date: "03-31"}
              - {date: 2027-09-01, end_date: 2027-09-30, time: "15.00"}
            """),
            "clock/verkosto.md": md("title: Verkosto\nkind: network\nmonths: [9, 3, 3]"),
            "facilities/sali.md": md("""
            name: Sali
            address: Tie 1
            booking: {url: https://varaus.testila.fi}
            booking_periods:
              - {label: Syyskausi, date: 05-01, end_date: "05-31"}
            """),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let site = try #require(result.site)
        let windows = site.grants[0].primary.application
        #expect(windows.map(\.start) == [.yearly(MonthDay(month: 3, day: 1)), .once(Day(year: 2027, month: 9, day: 1))])
        #expect(windows.map(\.end) == [.yearly(MonthDay(month: 3, day: 31)), .once(Day(year: 2027, month: 9, day: 30))])
        #expect(windows[1].time == "15.00")
        #expect(site.clock[0].primary.when == .months([3, 9]))
        // An unquoted 05-01 is read as the yearly date too.
        #expect(site.facilities[0].primary.bookingPeriods.first?.start == .yearly(MonthDay(month: 5, day: 1)))
    }

    // MARK: - addresses and suggestions

    @Test func phoneNumbersGetTheirInternationalForm() {
        #expect(PhoneNumber.parse("+358 40 123 4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("040 123 4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("(06) 123 4567")?.international == "+35861234567")
        #expect(PhoneNumber.parse("040-123 4567")?.display == "040-123 4567")
        #expect(PhoneNumber.parse("+46 8 123 456 78")?.international == "+46812345678")
        #expect(PhoneNumber.parse("+358 (0)40 123 4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("+358 040 123 4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("+358 (0)40 123 4567")?.display == "+358 (0)40 123 4567")
        // Non-breaking spaces, as pasted from a web page: read Character by Character.
        #expect(PhoneNumber.parse("040\u{00A0}123\u{00A0}4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("+358\u{00A0}(0)40 123 4567")?.international == "+358401234567")
        #expect(PhoneNumber.parse("+46\u{00A0}8 123 456 78")?.international == "+46812345678")
        #expect(PhoneNumber.parse("+358 50 123 4567")?.international == "+358501234567")
    }

    @Test(arguments: ["", "123 4567", "puh. 040 123", "+358 40 123 4567 tai 050 1", "040 123 4567 ext. 5", "+1 23", "0401234567890123"])
    func malformedPhoneNumberIsRejected(_ text: String) {
        #expect(PhoneNumber.parse(text) == nil)
    }

    @Test func emailShapeIsChecked() {
        #expect(AddressCheck.isEmail("martat@example.fi"))
        #expect(AddressCheck.isEmail("etu.suku+tag@kunta.example.fi"))
        for bad in ["martat", "martat@", "@example.fi", "martat@example", "a@b@c.fi", "martat @example.fi", "martat@example..fi", "martat@.example.fi", "<a@b.fi>"] {
            #expect(!AddressCheck.isEmail(bad), "\(bad)")
        }
    }

    @Test func webAddressMustBeHttpWithAHost() {
        #expect(AddressCheck.isWebURL("https://www.testila.fi/yhdistykset/"))
        #expect(AddressCheck.isWebURL("HTTP://testila.fi"))
        for bad in ["www.testila.fi", "ftp://testila.fi", "javascript:alert(1)", "https://", "https://localhost/", "https://a b.fi", "mailto:a@b.fi", "//testila.fi"] {
            #expect(!AddressCheck.isWebURL(bad), "\(bad)")
        }
    }

    @Test func suggestionFindsTyposButNotUnrelatedWords() {
        #expect(Suggestion.closest(to: "summmary", in: ["name", "summary"]) == "summary")
        #expect(Suggestion.closest(to: "Sectors", in: ["sectors"]) == "sectors")
        #expect(Suggestion.closest(to: "kirjoittaja", in: ["title", "date", "summary"]) == nil)
        #expect(Suggestion.closest(to: "x", in: []) == nil)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "urheilu", in: ["liikunta-urheilu", "kulttuuri-perinne"]) == "liikunta-urheilu")
        #expect(Suggestion.closest(to: "kylat", in: ["kylat-asuminen", "kylat-muut"]) == nil)
    }

    @Test func diagnosticsAreSortedAndRepeatsRemoved() {
        var log = DiagnosticLog()
        let a = Diagnostic(file: "content/b.md", line: 3, message: "x")
        let b = Diagnostic(file: "content/a.md", line: 9, message: "y")
        let c = Diagnostic(file: "content/b.md", line: 2, severity: .warning, message: "z")
        log.append(contentsOf: [a, b, c, a])
        #expect(log.sorted == [b, c, a])
        #expect(log.errors.count == 3)
        #expect(log.warnings == [c])
        #expect(log.hasErrors)
    }
}
