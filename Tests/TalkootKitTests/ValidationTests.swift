import Foundation
import Testing
@testable import TalkootKit

// Every rule of the content contract (shared/spec/content-model.md), each reported where the
// liaison can find it: the file, the line (and column where it matters) and a message that says
// what is wrong in words a liaison understands.
//
// Files in these tests are written out in full so that line numbers can be read off them:
// the opening `---` is line 1, the first field is line 2.

@Suite struct ValidationTests {
    // MARK: - helpers

    /// A content file: front matter, then the Markdown body.
    static func file(_ frontMatter: String, body: String = "Kuvaus.") -> String { "---\n\(frontMatter)\n---\n\(body)\n" }
    func md(_ frontMatter: String, body: String = "Kuvaus.") -> String { Self.file(frontMatter, body: body) }

    /// A small content tree that is valid: every kind, cross-references between them, an image.
    enum ValidTree {
        static let association = file("""
        name: Testilän Martat ry
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        area: Kirkonkylä
        email: martat@example.fi
        phone: "+358 40 123 4567"
        meets_at: [pihlajarinne]
        logo: images/martat.png
        updated: 2026-10-01
        """)

        static let files: [String: String] = [
            "associations/martat.md": association,
            "liaisons/sanna-esimerkki.md": file("""
            name: Sanna Esimerkki
            role: liaison
            email: sanna.esimerkki@testila.fi
            """),
            "facilities/pihlajarinne.md": file("""
            name: Pihlajarinne
            address: Pihlajarinteentie 1, 62500 Testilä
            booking: {email: tilat@testila.fi}
            rules: pages/saannot
            """),
            "grants/kylaraha.md": file("""
            name: Kylien kehittämisraha
            sectors: [kylat-asuminen]
            application:
              - {date: "03-01", end_date: "03-31"}
            contact: sanna-esimerkki
            """),
            "clock/kevatilta.md": file("""
            title: Kevään yhdistysilta
            kind: evening
            date: 2027-03-18
            place: pihlajarinne
            organizer: sanna-esimerkki
            related: [grants/kylaraha]
            """),
            "news/kumppanuuspoyta.md": file("""
            title: Kumppanuuspöytä
            date: 2026-09-01
            """),
            "pages/saannot.md": file("title: Tilojen käyttösäännöt"),
            "images/martat.png": "not really a png",
        ]
    }

    /// Loads the valid tree with some files added or replaced.
    func check(_ files: [String: String], base: [String: String] = ValidTree.files, today: Day = TestSupport.today) -> [Diagnostic] {
        var all = base
        for (k, v) in files { all[k] = v }
        return TestSupport.load(all, today: today).diagnostics
    }

    func describe(_ ds: [Diagnostic]) -> String {
        ds.isEmpty ? "  (no diagnostics)" : ds.map { "  \($0.file):\($0.line):\($0.column): \($0.severity.rawValue) [\($0.field)] \($0.message)\($0.hint.map { " (hint: \($0))" } ?? "")" }.joined(separator: "\n")
    }

    /// Expects a diagnostic in `content/<file>` at `line` whose message contains `message`.
    @discardableResult
    func expectDiagnostic(_ ds: [Diagnostic], _ severity: Diagnostic.Severity = .error, file: String, line: Int, column: Int? = nil,
                          field: String? = nil, message: String, hint: String? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let path = "content/" + file
        let match = ds.first {
            $0.file == path && $0.line == line && $0.severity == severity && $0.message.contains(message)
                && (column == nil || $0.column == column) && (field == nil || $0.field == field)
                && (hint == nil || ($0.hint ?? "").contains(hint!))
        }
        if match == nil {
            Issue.record("""
            expected \(severity.rawValue) at \(path):\(line)\(column.map { ":\($0)" } ?? "") [\(field ?? "*")] containing "\(message)"\(hint.map { ", hint containing \"\($0)\"" } ?? "")
            found:
            \(describe(ds))
            """, sourceLocation: sourceLocation)
        }
        return match
    }

    func expectNoErrors(_ ds: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = ds.filter { $0.severity == .error }
        if !errors.isEmpty { Issue.record("expected no errors, found:\n\(describe(errors))", sourceLocation: sourceLocation) }
    }

    func expectClean(_ ds: [Diagnostic], sourceLocation: SourceLocation = #_sourceLocation) {
        if !ds.isEmpty { Issue.record("expected no diagnostics, found:\n\(describe(ds))", sourceLocation: sourceLocation) }
    }

    // MARK: - the baseline

    @Test func validTreeLoadsWithoutAnyDiagnostic() {
        let result = TestSupport.load(ValidTree.files)
        expectClean(result.diagnostics)
        #expect(result.site?.associations.map(\.slug) == ["martat"])
        #expect(result.site?.facilities.first?.primary.rules == .page("saannot"))
    }

    @Test func everyDiagnosticHasAPositionAndAMessage() {
        let ds = check(["associations/martat.md": md("""
        nimi: X
        sectors: [urheilu]
        updated: 2026-13-01
        """)])
        #expect(!ds.isEmpty)
        for d in ds {
            #expect(d.file.hasPrefix("content/"))
            #expect(d.line >= 1 && d.column >= 1)
            #expect(!d.message.isEmpty)
        }
    }

    // MARK: - YAML syntax and forbidden YAML features

    @Test func yamlSyntaxErrorReportsTheFileLine() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Klo 18: kerho
        sectors: [muut-harrastukset]
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, message: "YAML syntax error", hint: "must be quoted")
    }

    @Test func unclosedListIsReportedWhereTheBracketOpens() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa
        sectors: [muut-harrastukset
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 4, column: 10,
                         message: "a list in [ ] is not closed, or its items are not separated by commas",
                         hint: "write a list as [a, b, c] on one line, or as lines starting with '- '")
    }

    @Test func unclosedMappingIsReportedWhereTheBraceOpens() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi
        capacity: 40
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 4, column: 10, message: "a mapping in { } is not closed")
    }

    @Test func unclosedQuoteIsReportedWhereTheQuoteOpens() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: "Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, column: 10,
                         message: "a quoted value is not closed: the quote mark here has no closing pair")
    }

    @Test func tabIndentationHintsToUseSpaces() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        contact_person:
        \tname: Maija
        """)])
        let d = ds.first { $0.file == "content/associations/martat.md" }
        #expect(d?.line == 8, "\(describe(ds))")
        #expect(d?.hint == "indent with spaces, not tabs", "\(describe(ds))")
    }

    @Test func overIndentedLineHintsAtIndentation() {
        let ds = check(["pages/saannot.md": md("""
        title: Säännöt
        menu: true
          order: 3
        """)])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 4, message: "YAML syntax error: mapping values are not allowed",
                         hint: "check the indentation: this line starts further right than the field above it")
    }

    @Test func yamlSyntaxErrorInSiteYmlReportsItsLine() {
        let site = TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]", with: "areas: [Kirkonkylä, Rantala")
        let ds = check(["site.yml": site])
        expectDiagnostic(ds, file: "site.yml", line: 6, column: 8, message: "a list in [ ] is not closed")
    }

    @Test func duplicateKeyIsAnErrorNamingTheKey() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        name: Testilän Martat
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 7, column: 1, field: "name",
                         message: "the key 'name' appears more than once (first on line 2)", hint: "keep one of them")
    }

    @Test func duplicateKeyInNestedMappingIsAnError() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking:
          email: tilat@testila.fi
          email: varaus@testila.fi
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 6, column: 3, message: "the key 'email' appears more than once (first on line 5)")
    }

    @Test func duplicateKeyInListItemIsReportedAtTheRepeat() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        activities:
          - name: Kerhoilta
            when: tiistaisin
          - name: Retki
            # kommentti
            when: keväällä
            when: syksyllä
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 13, message: "the key 'when' appears more than once (first on line 12)")
    }

    @Test func duplicateKeyInFlowMappingIsReportedAtTheMapping() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi, email: varaus@testila.fi}
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 4, message: "the key 'email' appears more than once")
    }

    @Test func sameKeyInTwoListItemsIsNotADuplicate() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        activities:
          - name: Kerhoilta
          - name: Retki
        """)])
        expectClean(ds)
    }

    @Test func yamlAnchorIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: &s Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        membership: *s
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, column: 10, message: "YAML anchors and aliases (&name, *name) are not allowed",
                         hint: "write the value out in full")
    }

    @Test func yamlAnchorOnAMappingIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        updated: 2026-10-01
        contact_person: &p
          name: Maija
          consent: true
        extra:
          toinen: *p
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, message: "YAML anchors and aliases")
    }

    @Test func yamlTagIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: !!str Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, column: 10, message: "YAML tags (!tag) are not allowed")
    }

    @Test func customYamlTagIsAnError() {
        let ds = check(["news/kumppanuuspoyta.md": md("""
        title: Kumppanuuspöytä
        date: !pvm 2026-09-01
        """)])
        expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 3, message: "YAML tags (!tag) are not allowed")
    }

    @Test func quotedTextStartingWithExclamationMarkIsNotATag() {
        let ds = check(["news/kumppanuuspoyta.md": md("""
        title: "!Tärkeää: kumppanuuspöytä"
        date: 2026-09-01
        """)])
        expectClean(ds)
    }

    @Test func secondYamlDocumentInFrontMatterIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        ...
        name: Toinen
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 8, message: "only one YAML document is allowed in front matter")
    }

    @Test func secondYamlDocumentInSiteYmlIsAnError() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML + "\n---\nmunicipality: Toinen\n"])
        expectDiagnostic(ds, file: "site.yml", line: 8, message: "only one YAML document is allowed")
    }

    // MARK: - file structure

    @Test func fileWithoutFrontMatterIsAnError() {
        let ds = check(["news/uusi.md": "# Otsikko\n\nTekstiä.\n"])
        expectDiagnostic(ds, file: "news/uusi.md", line: 1, message: "the file must start with front matter")
    }

    @Test func unclosedFrontMatterIsAnError() {
        let ds = check(["news/uusi.md": "---\ntitle: Uusi\ndate: 2026-09-01\n\nTekstiä.\n"])
        expectDiagnostic(ds, file: "news/uusi.md", line: 1, message: "the front matter is not closed")
    }

    @Test func frontMatterThatIsNotAMappingIsAnError() {
        let ds = check(["news/uusi.md": md("- title\n- date")])
        expectDiagnostic(ds, file: "news/uusi.md", line: 2, message: "expected front matter fields, found a list")
    }

    @Test func fileThatIsNotUTF8IsAnError() {
        let dir = TestSupport.writeContent(ValidTree.files)
        try! Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE4, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A])
            .write(to: dir.appendingPathComponent("pages/latin1.md"))
        let ds = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load().diagnostics
        expectDiagnostic(ds, file: "pages/latin1.md", line: 1, message: "the file is not UTF-8 text", hint: "save it as UTF-8")
    }

    @Test func blankLinesBeforeTheOpeningFenceAreNamed() {
        let ds = check(["news/uusi.md": "\n  \n---\ntitle: Uusi\ndate: 2026-09-01\n---\nTekstiä.\n"])
        expectDiagnostic(ds, file: "news/uusi.md", line: 3, message: "the front matter's '---' must be the very first line of the file",
                         hint: "remove the empty lines and spaces before it")
    }

    @Test func markdownFileWithAnotherExtensionIsAnError() {
        let ds = check(["associations/sisu.MD": ValidTree.association, "pages/ohje.markdown": md("title: Ohje")])
        expectDiagnostic(ds, file: "associations/sisu.MD", line: 1, message: "content files must end in '.md' (lowercase): 'sisu.MD' would be left out",
                         hint: "rename it to sisu.md")
        expectDiagnostic(ds, file: "pages/ohje.markdown", line: 1, message: "content files must end in '.md'", hint: "rename it to ohje.md")
    }

    @Test func fileThatIsNotMarkdownIsIgnoredWithAWarning() {
        let ds = check(["associations/martat.txt": "name: Martat"])
        expectDiagnostic(ds, .warning, file: "associations/martat.txt", line: 1, message: "not a Markdown file (.md): ignored")
        expectNoErrors(ds)
    }

    @Test func missingSiteYmlIsAnError() {
        let dir = TestSupport.writeContent(ValidTree.files)
        try! FileManager.default.removeItem(at: dir.appendingPathComponent("site.yml"))
        let result = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load()
        #expect(result.site == nil)
        expectDiagnostic(result.diagnostics, file: "site.yml", line: 1, message: "site.yml is missing: it holds the section's settings")
    }

    @Test func missingIndexMdIsAnError() {
        let dir = TestSupport.writeContent(ValidTree.files)
        try! FileManager.default.removeItem(at: dir.appendingPathComponent("index.md"))
        let result = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load()
        #expect(result.site == nil)
        expectDiagnostic(result.diagnostics, file: "index.md", line: 1, message: "index.md is missing")
    }

    @Test func missingContentFolderIsAnError() {
        let dir = TestSupport.temporaryDirectory().appendingPathComponent("content")
        let result = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load()
        #expect(result.site == nil)
        #expect(result.diagnostics.map(\.message) == ["the content folder 'content' does not exist"])
    }

    @Test func misnamedSiteYamlIsNamedInTheHint() {
        let dir = TestSupport.writeContent(ValidTree.files)
        try! FileManager.default.moveItem(at: dir.appendingPathComponent("site.yml"), to: dir.appendingPathComponent("site.yaml"))
        let ds = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load().diagnostics
        expectDiagnostic(ds, file: "site.yml", line: 1, message: "site.yml is missing", hint: "found site.yaml: rename it to site.yml")
    }

    @Test func topLevelFilesAndFoldersThatAreNotReadAreWarnings() {
        let ds = check([
            "sectors.yaml": "- {id: kylat, name: Kylät}\n",
            "association/uusi.md": ValidTree.association,
            "ohjeet.md": md("title: Ohjeet"),
            "associations/arkisto/vanha.md": ValidTree.association,
        ])
        expectDiagnostic(ds, .warning, file: "sectors.yaml", line: 1, message: "sectors.yaml is not read: the file must be called sectors.yml")
        expectDiagnostic(ds, .warning, file: "association", line: 1, message: "the folder 'association' is not read", hint: "did you mean 'associations'?")
        expectDiagnostic(ds, .warning, file: "ohjeet.md", line: 1, message: "ohjeet.md is not read", hint: "move it to pages/ohjeet.md")
        expectDiagnostic(ds, .warning, file: "associations/arkisto", line: 1, message: "folders inside associations/ are not read: 'arkisto' is ignored")
        expectNoErrors(ds)
    }

    @Test func landingPageTranslationFollowsTheLanguageRules() {
        let ds = check(["index.en.md": md("title: Welcome"), "index.fi.md": md("title: Tervetuloa")])
        expectDiagnostic(ds, file: "index.en.md", line: 1, message: "'en' is not one of the site's languages (fi, sv)")
        expectDiagnostic(ds, file: "index.fi.md", line: 1, message: "'fi' is the default language: its text belongs in index.md")
    }

    // MARK: - unknown keys

    @Test func unknownKeySuggestsClosestField() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        webiste: https://martat.example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, column: 1, field: "webiste", message: "unknown field 'webiste'",
                         hint: "did you mean 'website'?")
    }

    @Test func unknownKeyWithoutCloseMatchListsTheFieldsAndExtra() {
        let ds = check(["news/kumppanuuspoyta.md": md("""
        title: Kumppanuuspöytä
        date: 2026-09-01
        kirjoittaja: Sanna
        """)])
        let d = expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 4, message: "unknown field 'kirjoittaja'")
        #expect(d?.hint == "fields here: title, date, summary, draft; free fields go under 'extra:'")
    }

    @Test func unknownKeyInNestedMappingNamesTheWholePath() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        contact_person:
          name: Maija Meikäläinen
          emial: maija@example.fi
          consent: true
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 9, column: 3, field: "contact_person.emial",
                         message: "unknown field 'contact_person.emial'", hint: "did you mean 'email'?")
    }

    @Test func unknownKeyInListItemNamesTheItem() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        activities:
          - name: Kerhoilta
            time: tiistaisin
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 9, field: "activities[0].time",
                         message: "unknown field 'activities[0].time'")
    }

    @Test func unknownKeyInSiteYmlSuggestsClosestSetting() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML + "\nstale_after: 200\n"])
        expectDiagnostic(ds, file: "site.yml", line: 8, message: "unknown field 'stale_after'", hint: "did you mean 'stale_after_days'?")
    }

    @Test func fieldsUnderExtraAreFree() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        extra:
          teeman_vari: punainen
          mita_tahansa: [1, 2]
        """)])
        expectClean(ds)
    }

    // MARK: - required fields and types

    @Test func missingRequiredFieldIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 2, field: "summary", message: "required field 'summary' is missing")
    }

    @Test func everyKindReportsItsRequiredFields() {
        let ds = check([
            "associations/tyhja.md": md("extra: {}"),
            "liaisons/tyhja.md": md("extra: {}"),
            "facilities/tyhja.md": md("extra: {}"),
            "grants/tyhja.md": md("extra: {}"),
            "clock/tyhja.md": md("extra: {}"),
            "news/tyhja.md": md("extra: {}"),
            "pages/tyhja.md": md("extra: {}"),
        ])
        let expected: [(String, [String])] = [
            ("associations", ["name", "summary", "sectors", "updated"]),
            ("liaisons", ["name", "role"]),
            ("facilities", ["name", "address"]),
            ("grants", ["name", "application"]),
            ("clock", ["title", "kind"]),
            ("news", ["title", "date"]),
            ("pages", ["title"]),
        ]
        for (kind, fields) in expected {
            for field in fields {
                expectDiagnostic(ds, file: "\(kind)/tyhja.md", line: 2, field: field, message: "required field '\(field)' is missing")
            }
        }
        expectDiagnostic(ds, file: "clock/tyhja.md", line: 2, field: "date", message: "a clock entry needs 'date' (and optionally 'end_date') or 'months'")
    }

    @Test func emptyFrontMatterReportsMissingFieldsOnTheFirstLine() {
        let ds = check(["news/tyhja.md": "---\n---\nTekstiä.\n"])
        expectDiagnostic(ds, file: "news/tyhja.md", line: 2, field: "title", message: "required field 'title' is missing")
    }

    @Test func emptyRequiredTextIsAnError() {
        let ds = check(["pages/saannot.md": md("title: \"  \"")])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 2, field: "title", message: "'title' must not be empty")
    }

    @Test func listWhereTextIsExpectedIsAnError() {
        let ds = check(["pages/saannot.md": md("title: [Säännöt, Regler]")])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 2, field: "title", message: "'title' must be text, found a list")
    }

    @Test func textWhereListIsExpectedIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: muut-harrastukset
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 4, field: "sectors", message: "'sectors' must be a list")
    }

    @Test func textWhereNumberIsExpectedIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        founded: vuonna 1921
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, field: "founded", message: "'founded' must be a whole number, found 'vuonna 1921'")
    }

    @Test func numberOutsideItsRangeIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        founded: 1021
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, field: "founded", message: "'founded' must be between 1800 and 2027, found 1021")
    }

    @Test func nonBooleanWhereTrueOrFalseIsExpectedIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        volunteers_wanted: kyllä
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, field: "volunteers_wanted", message: "'volunteers_wanted' must be true or false")
    }

    @Test func textWhereMappingIsExpectedIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        contact_person: Maija Meikäläinen
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, field: "contact_person",
                         message: "'contact_person' must be a mapping (key: value lines), found a single value")
    }

    @Test func locationNeedsNumbersInRange() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        location: {lat: 163.4}
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "location.lat", message: "'location.lat' must be a number between -90.0 and 90.0")
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "location", message: "'location' needs both lat and lon")
    }

    @Test func summaryOver200CharactersIsAnError() {
        let long = String(repeating: "a", count: 201)
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: \(long)
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, field: "summary", message: "'summary' is 201 characters long; at most 200 are allowed",
                         hint: "the full text belongs in the Markdown body")
    }

    @Test func summaryOfExactly200CharactersIsAccepted() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: \(String(repeating: "ä", count: 200))
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectClean(ds)
    }

    @Test func newsSummaryOver300CharactersIsAnError() {
        let ds = check(["news/kumppanuuspoyta.md": md("""
        title: Kumppanuuspöytä
        date: 2026-09-01
        summary: \(String(repeating: "x", count: 301))
        """)])
        expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 4, message: "'summary' is 301 characters long; at most 300 are allowed")
    }

    // MARK: - dates

    @Test func impossibleFullDateIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-02-30
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, column: 10, field: "updated", message: "'updated': 2026-02-30 is not a date that exists")
    }

    @Test func dateInFinnishFormIsAnErrorShowingTheISOForm() {
        let ds = check(["news/kumppanuuspoyta.md": md("""
        title: Kumppanuuspöytä
        date: 1.9.2026
        """)])
        expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 3, field: "date", message: "'date' must be a date such as 2027-03-18, found '1.9.2026'")
    }

    @Test func impossibleFullDateInClockIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-32
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 4, field: "date", message: "'date': 2027-03-32 is not a date that exists")
    }

    @Test func impossibleYearlyDateIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: "04-31"
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 4, field: "date", message: "'date': 04-31 is not a date that exists")
    }

    @Test func impossibleYearlyMonthIsAnError() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        application:
          - {date: "13-01", end_date: "03-31"}
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 4, field: "application[0].date", message: "'application[0].date': 13-01 is not a date that exists")
    }

    @Test func yearlyFebruary29IsAnErrorWithAHint() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        booking_periods:
          - {label: Talvikausi, date: "02-01", end_date: "02-29"}
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 6, field: "booking_periods[0].end_date",
                         message: "02-29 is not a date that exists", hint: "a yearly date cannot be 02-29")
    }

    @Test func february29InALeapYearIsAccepted() {
        let ds = check(["clock/karkauspaiva.md": md("""
        title: Karkauspäivän talkoot
        kind: event
        date: 2028-02-29
        """)])
        expectClean(ds)
    }

    @Test func february29InACommonYearIsAnError() {
        let ds = check(["clock/karkauspaiva.md": md("""
        title: Karkauspäivän talkoot
        kind: event
        date: 2027-02-29
        """)])
        expectDiagnostic(ds, file: "clock/karkauspaiva.md", line: 4, message: "'date': 2027-02-29 is not a date that exists")
    }

    @Test func textThatIsNotADateIsAnErrorShowingBothForms() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: maaliskuussa
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 4, field: "date",
                         message: "'date' must be a date such as 2027-03-18 or \"03-18\" (every year), found 'maaliskuussa'")
    }

    @Test func endDateBeforeStartDateIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        end_date: 2027-03-17
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "end_date", message: "the end date 2027-03-17 is before the start date 2027-03-18")
    }

    @Test func endDateBeforeStartDateInListItemIsReportedAtTheItem() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        application:
          - {date: "03-01", end_date: "03-31"}
          - date: 2027-09-30
            end_date: 2027-09-01
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 6, field: "application[1].end_date", message: "the end date 2027-09-01 is before the start date 2027-09-30")
    }

    @Test func yearlyRangeMayCrossTheNewYear() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        booking_periods:
          - {label: Joulukausi, date: "12-01", end_date: "01-15"}
        """)])
        expectClean(ds)
    }

    @Test func mixingYearlyAndFullDatesIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: "03-18"
        end_date: 2027-03-20
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "end_date", message: "start and end must both be yearly")
    }

    @Test func updatedInTheFutureIsAWarning() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2027-01-01
        """)])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 6, field: "updated", message: "'updated' is in the future (2027-01-01)")
    }

    // MARK: - annual clock rules

    @Test func clockEntryWithBothDateAndMonthsIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        months: [3, 9]
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "months", message: "give either 'date' or 'months', not both")
    }

    @Test func clockMonthsMustBe1To12() {
        let ds = check(["clock/verkosto.md": md("""
        title: Kyläverkosto
        kind: network
        months: [3, 13]
        """)])
        expectDiagnostic(ds, file: "clock/verkosto.md", line: 4, field: "months[1]", message: "months are numbers from 1 to 12")
    }

    @Test func clockMonthsWithEndDateIsAnError() {
        let ds = check(["clock/verkosto.md": md("""
        title: Kyläverkosto
        kind: network
        months: [3, 9]
        end_date: 2027-09-30
        """)])
        expectDiagnostic(ds, file: "clock/verkosto.md", line: 5, field: "end_date", message: "'end_date' goes with 'date', not with 'months'")
    }

    @Test func registrationDeadlineAfterTheEventIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        registration:
          url: https://ilmo.testila.fi
          deadline: 2027-03-19
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 7, field: "registration.deadline",
                         message: "the registration deadline 2027-03-19 is after the event (2027-03-18)")
    }

    @Test func registrationDeadlineOnTheEventDayIsAccepted() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        registration: {url: https://ilmo.testila.fi, deadline: 2027-03-18}
        """)])
        expectClean(ds)
    }

    @Test func relatedItemWithoutKindIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        related: [kylaraha]
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "related[0]",
                         message: "write related items as kind/slug, e.g. grants/kylien-kehittamisraha; found 'kylaraha'",
                         hint: "kinds: associations, liaisons, facilities, grants, clock, news, pages")
    }

    @Test func relatedItemThatDoesNotExistIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        related:
          - pages/saannot
          - grants/kylarahat
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 7, field: "related[1]",
                         message: "no grant 'kylarahat' exists (looked for content/grants/kylarahat.md)", hint: "did you mean 'kylaraha'?")
    }

    @Test func relatedItemWithUnknownKindIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        related: [avustukset/kylaraha]
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "related[0]", message: "write related items as kind/slug")
    }

    // MARK: - grants

    @Test func grantApplicationIsRequiredUnlessContinuous() {
        let ds = check([
            "grants/kylaraha.md": md("""
            name: Kylien kehittämisraha
            sectors: [kylat-asuminen]
            """),
            "grants/pienavustus.md": md("""
            name: Pienavustus
            sectors: [all]
            continuous: true
            """),
        ])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 2, field: "application", message: "required field 'application' is missing")
        #expect(!ds.contains { $0.file == "content/grants/pienavustus.md" }, "\(describe(ds))")
    }

    @Test func grantApplicationListMayNotBeEmpty() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        application: []
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 3, field: "application", message: "'application' must list at least one item")
    }

    // MARK: - fixed id lists
    @Test func activityLanguageThatIsNotACodeIsAWarning() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "updated:", with: "languages: [fi, svenska, Viro]\nupdated:")])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 10, field: "languages",
                         message: "'svenska' is not a language code: the directory cannot offer it as a filter", hint: "write sv instead of svenska")
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 10, message: "'Viro' is not a language code", hint: "write et instead of Viro")
        expectNoErrors(ds)
    }

    @Test func areasThatWouldShareAPageAddressAreAnError() {
        let site = TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]", with: "areas: [Kirkonkylä, Rantala, kirkonkyla, \"!!\"]")
        let ds = check(["site.yml": site])
        expectDiagnostic(ds, file: "site.yml", line: 6, field: "areas", message: "the areas 'Kirkonkylä' and 'kirkonkyla' would share the page address 'kirkonkyla'")
        expectDiagnostic(ds, file: "site.yml", line: 6, field: "areas", message: "the area '!!' has no letters or digits for its page address")
    }


    @Test func unknownSectorListsTheAllowedOnesAndSuggestsTheCompoundId() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset, urheilu]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        let d = expectDiagnostic(ds, file: "associations/martat.md", line: 4, column: 30, field: "sectors[1]", message: "unknown sector 'urheilu'")
        #expect(d?.hint?.hasPrefix("did you mean 'liikunta-urheilu'? Allowed: talous-elinkeinot, lapset-nuoret,") == true)
        #expect(d?.hint?.contains("hengellinen-aatteet") == true)
    }

    @Test func unrelatedSectorListsTheAllowedOnesWithoutGuessing() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "[muut-harrastukset]", with: "[sport]")])
        expectDiagnostic(ds, file: "associations/martat.md", line: 4, message: "unknown sector 'sport'",
                         hint: "allowed: talous-elinkeinot, lapset-nuoret, kasvatus-opetus, kylat-asuminen, sote-vertaistuki, liikunta-urheilu, kulttuuri-perinne, luonto-ymparisto, muut-harrastukset, hengellinen-aatteet")
    }

    @Test func misspelledSectorSuggestsTheClosest() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [liikunta-urheilut]
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 4, message: "unknown sector 'liikunta-urheilut'",
                         hint: "did you mean 'liikunta-urheilu'? Allowed: talous-elinkeinot")
    }

    @Test func unknownTargetGroupListsTheAllowedOnes() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        target_groups:
          - seniorit
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 7, field: "target_groups[0]", message: "unknown target group 'seniorit'",
                         hint: "allowed: lapset, nuoret, aikuiset, ikaihmiset, perheet, maahanmuuttajat, erityisryhmat, kaikki")
    }

    @Test func unknownActivityAudienceIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        activities:
          - {name: Kerhoilta, audience: [aikuset]}
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 7, field: "activities[0].audience[0]",
                         message: "unknown target group 'aikuset'", hint: "did you mean 'aikuiset'?")
    }

    @Test func grantSectorsMayBeAllOrSectorIdsEachReportedOnce() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        continuous: true
        sectors: [kylat, {id: x}]
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 4, column: 11, field: "sectors[0]", message: "unknown sector 'kylat'", hint: "did you mean 'kylat-asuminen'? Allowed: talous-elinkeinot")
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 4, column: 18, field: "sectors[1]", message: "items of 'sectors' must be sector ids")
        #expect(ds.count == 2, "\(describe(ds))")
        let all = TestSupport.load(ValidTree.files.merging(["grants/kylaraha.md": md("name: Raha\ncontinuous: true\nsectors: [all]")]) { $1 })
        #expect(all.site?.grants.first?.primary.allSectors == true)
        #expect(all.site?.grants.first?.primary.sectors == [])
    }

    @Test func unknownRoleListsTheAllowedOnes() {
        let ds = check(["liaisons/sanna-esimerkki.md": md("""
        name: Sanna Esimerkki
        role: yhdyshenkilö
        email: sanna.esimerkki@testila.fi
        """)])
        expectDiagnostic(ds, file: "liaisons/sanna-esimerkki.md", line: 3, field: "role", message: "unknown role 'yhdyshenkilö'",
                         hint: "allowed: liaison, agent, sector-contact")
    }

    @Test func unknownClockKindListsTheAllowedOnes() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: iltama
        date: 2027-03-18
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 3, field: "kind", message: "unknown kind 'iltama'",
                         hint: "allowed: evening, event, network, working-group, strategy, deadline, other")
    }

    @Test func unknownAccessibilityFeatureListsTheAllowedOnes() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        accessibility_features: [wheelchair, hissi]
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "accessibility_features[1]",
                         message: "unknown accessibility feature 'hissi'", hint: "allowed: wheelchair, induction-loop, accessible-toilet, parking, lift")
    }

    @Test func areaNotInSiteYmlIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        area: Kirkonkyla
        email: martat@example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 5, field: "area", message: "'Kirkonkyla' is not one of the areas in site.yml",
                         hint: "did you mean 'Kirkonkylä'? Allowed: Kirkonkylä, Rantala")
    }

    @Test func anyAreaIsAcceptedWhenSiteYmlListsNone() {
        let site = TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]\n", with: "")
        let ds = check(["site.yml": site, "associations/martat.md": ValidTree.association.replacingOccurrences(of: "Kirkonkylä", with: "Hakala")])
        expectClean(ds)
    }

    @Test func customSectorsReplaceTheBuiltInList() {
        let ds = check(["sectors.yml": """
        - {id: kylat, name: {fi: Kylät, sv: Byar}}
        - {id: Urheilu, name: Urheilu}
        """])
        expectDiagnostic(ds, file: "sectors.yml", line: 2, field: "[1].id", message: "sector id 'Urheilu' must be lowercase a-z, 0-9 and '-'")
        // martat.md uses a built-in sector that the replacement list does not have.
        expectDiagnostic(ds, file: "associations/martat.md", line: 4, message: "unknown sector 'muut-harrastukset'", hint: "allowed: kylat")
    }

    @Test func sectorsYmlThatIsNotAListIsAnError() {
        let ds = check(["sectors.yml": "kylat: Kylät\n"])
        expectDiagnostic(ds, file: "sectors.yml", line: 1, message: "sectors.yml must be a list")
    }

    // MARK: - references

    @Test func referenceToMissingFacilitySuggestsTheClosest() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        meets_at: [pihlajarinteet]
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, column: 12, field: "meets_at[0]",
                         message: "no facility 'pihlajarinteet' exists (looked for content/facilities/pihlajarinteet.md)",
                         hint: "did you mean 'pihlajarinne'?")
    }

    @Test func placeThatLooksLikeASlugButNamesNoFacilityIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        place: facilities/koulu
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "place", message: "no facility 'koulu' exists")
    }

    @Test func placeInFreeTextIsAccepted() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        place: Kirkonkylän koulu, auditorio
        organizer: Kunnan vapaa-aikatoimi
        """)])
        expectClean(ds)
    }

    @Test func activityPlaceThatLooksLikeASlugIsChecked() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        activities:
          - name: Kerhoilta
            where: pihlaja-rinne
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 8, field: "activities[0].where", message: "no facility 'pihlaja-rinne' exists",
                         hint: "did you mean 'pihlajarinne'?")
    }

    @Test func referenceToMissingLiaisonIsAnError() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        application:
          - {date: "03-01", end_date: "03-31"}
        contact: sanna-esimerkk
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 5, field: "contact", message: "no liaison 'sanna-esimerkk' exists",
                         hint: "did you mean 'sanna-esimerkki'?")
    }

    @Test func organizerThatLooksLikeASlugIsChecked() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        organizer: liaisons/matti
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "organizer", message: "no liaison 'matti' exists")
    }

    @Test func referenceToMissingGrantIsAnError() {
        let ds = check(["clock/kevatilta.md": md("""
        title: Kevään yhdistysilta
        kind: evening
        date: 2027-03-18
        related: [grants/toiminta-avustus]
        """)])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, message: "no grant 'toiminta-avustus' exists")
    }

    @Test func referenceToMissingPageIsAnError() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        rules: pages/kayttosaannot
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "rules",
                         message: "no page 'kayttosaannot' exists (looked for content/pages/kayttosaannot.md)")
    }

    @Test func referenceToADraftIsAnError() {
        let ds = check(["pages/saannot.md": md("title: Säännöt\ndraft: true")])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "rules",
                         message: "'rules' names the page 'saannot', which is a draft (draft: true) and is not published",
                         hint: "removing 'draft: true' from content/pages/saannot.md")
    }

    @Test func referenceOfTheWrongKindIsAnError() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {email: tilat@testila.fi}
        rules: grants/kylaraha
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "rules",
                         message: "'rules' must name a page (a file in content/pages/), not a grant: found 'grants/kylaraha'")
    }

    @Test func referenceWrittenAsANameSuggestsTheSlug() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        continuous: true
        contact: Sanna Esimerkki
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 4, field: "contact",
                         message: "no liaison 'Sanna Esimerkki' exists: name it by its file name without .md, e.g. sanna-esimerkki",
                         hint: "did you mean 'sanna-esimerkki'?")
    }

    @Test func facilityRulesMustBeAPageOrAWebAddress() {
        for (value, message) in [
            ("ftp://testila.fi/saannot.pdf", "'rules' must be a page such as pages/tilojen-kayttosaannot or a web address starting with https://, found 'ftp://testila.fi/saannot.pdf'"),
            ("www.testila.fi/saannot", "'rules' must be a page such as pages/tilojen-kayttosaannot or a web address starting with https://"),
            ("http://", "'rules' must be a web address starting with https:// or http://"),
            ("pages/saanot", "no page 'saanot' exists"),
        ] {
            let ds = check(["facilities/pihlajarinne.md": md("""
            name: Pihlajarinne
            address: Pihlajarinteentie 1
            booking: {email: tilat@testila.fi}
            rules: \(value)
            """)])
            expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "rules", message: message)
        }
        let web = check(["facilities/pihlajarinne.md": md("name: P\naddress: T 1\nbooking: {email: a@testila.fi}\nrules: https://www.testila.fi/saannot")])
        expectClean(web)
    }

    // MARK: - addresses

    @Test func websiteThatIsNotHttpIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        website: www.martat.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 5, field: "website",
                         message: "'website' must be a web address starting with https:// or http://, found 'www.martat.fi'")
    }

    @Test func javascriptUrlInAWebAddressFieldIsAnError() {
        let ds = check(["grants/kylaraha.md": md("""
        name: Kylien kehittämisraha
        continuous: true
        apply_url: javascript:alert(1)
        """)])
        expectDiagnostic(ds, file: "grants/kylaraha.md", line: 4, field: "apply_url", message: "'apply_url' must be a web address")
    }

    @Test func ftpUrlInSocialIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        social:
          facebook: https://facebook.com/martat
          arkisto: ftp://martat.fi/arkisto
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 8, field: "social.arkisto",
                         message: "'social.arkisto' must be a web address starting with https://, found 'ftp://martat.fi/arkisto'")
    }

    @Test func registrationAndBookingUrlsMustBeWebAddresses() {
        let ds = check([
            "clock/kevatilta.md": md("""
            title: Kevään yhdistysilta
            kind: evening
            date: 2027-03-18
            registration: {url: "mailto:ilmo@testila.fi"}
            """),
            "facilities/pihlajarinne.md": md("""
            name: Pihlajarinne
            address: Pihlajarinteentie 1
            booking:
              url: varaus.testila.fi
            """),
        ])
        expectDiagnostic(ds, file: "clock/kevatilta.md", line: 5, field: "registration.url", message: "'registration.url' must be a web address")
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "booking.url", message: "'booking.url' must be a web address")
    }

    @Test func mailtoAndTelAreAcceptedInAddressFields() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: "mailto:martat@example.fi"
        phone: "tel:+358401234567"
        updated: 2026-10-01
        """)])
        expectClean(ds)
    }

    @Test func baseUrlInSiteYmlMustBeAWebAddress() {
        let site = TestSupport.minimalSiteYML.replacingOccurrences(of: "https://www.testila.fi/yhdistykset/", with: "www.testila.fi/yhdistykset/")
        let ds = check(["site.yml": site])
        expectDiagnostic(ds, file: "site.yml", line: 3, field: "base_url", message: "'base_url' must be a web address starting with https:// or http://")
    }

    @Test func malformedEmailIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat(at)example.fi
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 5, field: "email", message: "'email' is not an e-mail address: 'martat(at)example.fi'",
                         hint: "write it as name@example.fi")
    }

    @Test func malformedEmailInNestedMappingIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        contact_person:
          name: Maija Meikäläinen
          email: maija@example
          consent: true
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 7, field: "contact_person.email", message: "'contact_person.email' is not an e-mail address")
    }

    @Test func malformedPhoneNumberIsAnError() {
        let ds = check(["liaisons/sanna-esimerkki.md": md("""
        name: Sanna Esimerkki
        role: liaison
        phone: "puh. 040 123 4567"
        """)])
        expectDiagnostic(ds, file: "liaisons/sanna-esimerkki.md", line: 4, field: "phone", message: "'phone' is not a phone number: 'puh. 040 123 4567'",
                         hint: "write it as +358 40 123 4567 or 040 123 4567")
    }

    @Test func phoneNumberWithoutAreaCodeIsAnError() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking: {phone: "123 4567"}
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 4, field: "booking.phone", message: "'booking.phone' is not a phone number: '123 4567'")
    }

    @Test func phoneNumbersAsWrittenInFinlandAreAccepted() {
        for phone in ["+358 40 123 4567", "040 123 4567", "(06) 123 4567", "040-123 4567", "+358 (0)6 123 4567"] {
            let ds = check(["liaisons/sanna-esimerkki.md": md("name: Sanna Esimerkki\nrole: liaison\nphone: \"\(phone)\"")])
            expectClean(ds)
        }
    }

    @Test func facilityBookingNeedsUrlEmailOrPhone() {
        let ds = check(["facilities/pihlajarinne.md": md("""
        name: Pihlajarinne
        address: Pihlajarinteentie 1
        booking:
          instructions: Soita vahtimestarille.
        """)])
        expectDiagnostic(ds, file: "facilities/pihlajarinne.md", line: 5, field: "booking", message: "'booking' needs at least one of url, email or phone")
    }

    // MARK: - images

    @Test func imageThatDoesNotExistIsAnError() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        logo: images/marta.png
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, file: "associations/martat.md", line: 6, field: "logo", message: "image 'images/marta.png' does not exist in content/",
                         hint: "did you mean 'images/martat.png'?")
    }

    @Test func imageOutsideContentImagesIsAnError() {
        for (path, line) in [("../secret.png", 3), ("images/../site.yml", 3), ("logo.png", 3), ("/etc/passwd", 3), ("images//martat.png", 3)] {
            let ds = check(["liaisons/sanna-esimerkki.md": md("""
            name: Sanna Esimerkki
            photo: "\(path)"
            role: liaison
            email: sanna.esimerkki@testila.fi
            """)])
            expectDiagnostic(ds, file: "liaisons/sanna-esimerkki.md", line: line, field: "photo",
                             message: "'photo' must name a file under content/images/, e.g. images/logo.png; found '\(path)'")
        }
    }

    /// A link in the content repository could publish any file of the machine that builds it.
    @Test func symlinkedContentFilesAndFoldersAreNotRead() throws {
        let outside = TestSupport.temporaryDirectory("outside")
        let secret = outside.appendingPathComponent("secret.md")
        try Data("---\ntitle: Salaisuus\n---\nEi julkinen.\n".utf8).write(to: secret)
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("news"), withIntermediateDirectories: true)
        var files = ValidTree.files
        files["news/kumppanuuspoyta.md"] = nil
        let dir = TestSupport.writeContent(files)
        let fm = FileManager.default
        try fm.createSymbolicLink(at: dir.appendingPathComponent("pages/salainen.md"), withDestinationURL: secret)
        try fm.createSymbolicLink(at: dir.appendingPathComponent("news"), withDestinationURL: outside.appendingPathComponent("news"))
        let result = ContentLoader(directory: dir, displayRoot: "content", today: TestSupport.today).load()
        let ds = result.diagnostics
        expectDiagnostic(ds, file: "pages/salainen.md", line: 1, message: "the file is a link (symlink) and is not read: it could point outside content/")
        expectDiagnostic(ds, file: "news", line: 1, message: "the folder news/ is a link (symlink) and is not read")
        #expect(result.site == nil)
        // The file is not read even when asked for by path.
        var log = DiagnosticLog()
        #expect(ContentLoader.parseFile(atPath: dir.appendingPathComponent("pages/salainen.md").path, display: "content/pages/salainen.md", log: &log) == nil)
        #expect(log.items.first?.message.contains("link (symlink)") == true)
    }

    @Test func imagePathWithLeadingSlashIsAccepted() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "logo: images/martat.png", with: "logo: /images/martat.png")])
        expectClean(ds)
    }

    // MARK: - reporting order

    @Test func diagnosticsAreSortedByPlaceAndRepeatsAreReportedOnce() {
        var log = DiagnosticLog()
        let late = Diagnostic(file: "content/b.md", line: 2, column: 1, message: "late")
        let first = Diagnostic(file: "content/a.md", line: 9, column: 3, message: "first")
        // Same place and message, told apart by field and severity: both stay, in the order found.
        let sameA = Diagnostic(file: "content/a.md", line: 10, column: 1, severity: .warning, field: "x", message: "same")
        let sameB = Diagnostic(file: "content/a.md", line: 10, column: 1, field: "y", message: "same")
        for d in [late, sameA, first, sameB, sameA, late, sameB] { log.append(d) }
        #expect(log.sorted == [first, sameA, sameB, late])
        // The other order of finding them gives the other order at the same place.
        var other = DiagnosticLog()
        for d in [sameB, sameA, sameB] { other.append(d) }
        #expect(other.sorted == [sameB, sameA])
        // Line numbers compare as numbers, not as text.
        let ten = Diagnostic(file: "content/a.md", line: 10, message: "m"), nine = Diagnostic(file: "content/a.md", line: 9, message: "m")
        var lines = DiagnosticLog()
        lines.append(ten)
        lines.append(nine)
        #expect(lines.sorted == [nine, ten])
    }

    // MARK: - slugs and file names

    @Test func fileNameWithCapitalsIsAnInvalidSlugWithARenameHint() {
        let ds = check(["associations/Järvikylän-Martat.md": ValidTree.association])
        expectDiagnostic(ds, file: "associations/Järvikylän-Martat.md", line: 1, field: "slug",
                         message: "file name 'Järvikylän-Martat' is not a valid slug: use lowercase a-z, 0-9 and '-', at most 80 characters",
                         hint: "rename the file to jarvikylan-martat.md")
    }

    @Test func translatedFileNameWithInvalidSlugKeepsTheLanguageInTheHint() {
        let ds = check(["associations/martat_ry.md": ValidTree.association, "associations/martat_ry.sv.md": md("summary: Hushållsrådgivning.")])
        expectDiagnostic(ds, file: "associations/martat_ry.sv.md", line: 1, message: "file name 'martat_ry' is not a valid slug",
                         hint: "rename the file to martat-ry.sv.md")
    }

    @Test func slugLongerThan80CharactersIsAnError() {
        let long = String(repeating: "a", count: 81)
        let ds = check(["pages/\(long).md": md("title: Pitkä")])
        expectDiagnostic(ds, file: "pages/\(long).md", line: 1, message: "is not a valid slug")
    }

    @Test func slugOfExactly80CharactersIsAccepted() {
        let ds = check(["pages/\(String(repeating: "a", count: 80)).md": md("title: Pitkä")])
        expectClean(ds)
    }

    @Test func fileNameWithTooManyDotsIsAnError() {
        let ds = check(["news/syksy.2026.sv.md": md("title: Höst\ndate: 2026-09-01")])
        expectDiagnostic(ds, file: "news/syksy.2026.sv.md", line: 1, message: "file name 'syksy.2026.sv.md' has too many dots: use slug.md or slug.LANG.md")
    }

    @Test func associationSlugThatCollidesWithAFilterPageIsAnError() {
        for slug in ["toimiala", "kieli", "tule-mukaan", "sektor", "volunteer"] {
            let ds = check(["associations/\(slug).md": ValidTree.association])
            expectDiagnostic(ds, file: "associations/\(slug).md", line: 1, field: "slug",
                             message: "the file name '\(slug)' is reserved for a page of the association directory")
        }
    }

    @Test func reservedFilterNamesAreFineForOtherKinds() {
        let ds = check(["pages/kieli.md": md("title: Kielet"), "news/alue.md": md("title: Alue\ndate: 2026-09-01")])
        expectClean(ds)
    }

    // MARK: - translations

    @Test func translationWithoutDefaultFileIsAnError() {
        let ds = check(["associations/sisu.sv.md": md("name: Sisu rf")])
        expectDiagnostic(ds, file: "associations/sisu.sv.md", line: 1,
                         message: "translation without a default-language file: associations/sisu.md does not exist",
                         hint: "create associations/sisu.md, or rename this file")
    }

    @Test func translationForALanguageNotInSiteYmlIsAnError() {
        let ds = check(["associations/martat.en.md": md("summary: Home economics for everyone.")])
        expectDiagnostic(ds, file: "associations/martat.en.md", line: 1, message: "'en' is not one of the site's languages (fi, sv)",
                         hint: "add it to 'languages' in site.yml")
    }

    @Test func translationFileForTheDefaultLanguageIsAnError() {
        let ds = check(["associations/martat.fi.md": md("summary: Kotitalousneuvontaa.")])
        expectDiagnostic(ds, file: "associations/martat.fi.md", line: 1, message: "'fi' is the default language: its text belongs in martat.md")
    }

    @Test func errorInATranslationIsReportedInTheTranslationFile() {
        let ds = check(["associations/martat.sv.md": md("""
        summary: Hushållsrådgivning för alla.
        webbplats: https://martat.fi/sv
        """)])
        expectDiagnostic(ds, file: "associations/martat.sv.md", line: 3, field: "webbplats", message: "unknown field 'webbplats'")
        #expect(!ds.contains { $0.file == "content/associations/martat.md" }, "\(describe(ds))")
    }

    @Test func translationDoesNotRepeatTheDefaultFilesWarnings() {
        // The default file is stale, has an unconsented contact person and no other way to contact:
        // three warnings, all about martat.md. The Swedish file only translates the summary.
        let ds = check([
            "associations/martat.md": md("""
            name: Martat
            summary: Kotitalousneuvontaa kaikille.
            sectors: [muut-harrastukset]
            contact_person: {name: Maija Meikäläinen}
            updated: 2024-01-01
            """),
            "associations/martat.sv.md": md("summary: Hushållsrådgivning för alla."),
        ])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 6, field: "updated", message: "more than 365 days ago")
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 5, field: "contact_person.consent",
                         message: "the contact person is not published without 'consent: true'")
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 2, message: "residents have no way to contact this association")
        #expect(!ds.contains { $0.file == "content/associations/martat.sv.md" }, "\(describe(ds))")
        #expect(ds.count == 3, "\(describe(ds))")
    }

    @Test func translationDoesNotRepeatTheDefaultFilesErrors() {
        let ds = check([
            "associations/martat.md": md("""
            name: Martat
            sectors: [urheilu]
            email: martat@example.fi
            updated: 2026-10-01
            """),
            "associations/martat.sv.md": md("name: Martat rf"),
        ])
        expectDiagnostic(ds, file: "associations/martat.md", line: 2, message: "required field 'summary' is missing")
        expectDiagnostic(ds, file: "associations/martat.md", line: 3, message: "unknown sector 'urheilu'")
        #expect(!ds.contains { $0.file == "content/associations/martat.sv.md" }, "\(describe(ds))")
    }

    @Test func translationThatIntroducesAProblemReportsItInItsOwnFile() {
        let ds = check([
            "associations/martat.sv.md": md("""
            summary: Hushållsrådgivning för alla.
            updated: 2023-01-01
            """),
        ])
        expectDiagnostic(ds, .warning, file: "associations/martat.sv.md", line: 3, field: "updated", message: "more than 365 days ago")
        #expect(!ds.contains { $0.file == "content/associations/martat.md" }, "\(describe(ds))")
    }

    @Test func liaisonTranslationDoesNotRepeatTheNoContactWarning() {
        let ds = check([
            "liaisons/matti.md": md("name: Matti Meikäläinen\nrole: agent"),
            "liaisons/matti.sv.md": md("title: Föreningsagent"),
        ])
        expectDiagnostic(ds, .warning, file: "liaisons/matti.md", line: 2, message: "no phone or email: associations cannot reach this person")
        #expect(!ds.contains { $0.file == "content/liaisons/matti.sv.md" }, "\(describe(ds))")
    }

    // MARK: - warnings

    @Test func staleInformationIsAWarningNotAnError() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2025-11-22")])
        let d = expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 10, column: 10, field: "updated",
                                 message: "the information was last confirmed on 2025-11-22, more than 365 days ago",
                                 hint: "ask the association to check its information")
        #expect(d?.severity == .warning)
        expectNoErrors(ds)
    }

    @Test func informationExactlyStaleAfterDaysOldIsNotStale() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "updated: 2026-10-01", with: "updated: 2025-11-23")])
        expectClean(ds)
    }

    @Test func staleAfterDaysFromSiteYmlIsUsed() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML + "\nstale_after_days: 30\n"])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 10, message: "more than 30 days ago")
    }

    @Test func associationWithNoWayToContactIsAWarning() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        updated: 2026-10-01
        """)])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 2, message: "residents have no way to contact this association",
                         hint: "add website, email, phone, social or a contact_person with consent: true")
        expectNoErrors(ds)
    }

    @Test func contactPersonWithConsentCountsAsAWayToContact() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        contact_person: {name: Maija Meikäläinen, phone: "040 765 4321", consent: true}
        updated: 2026-10-01
        """)])
        expectClean(ds)
    }

    @Test func noLiaisonNamedIsAWarning() {
        var base = ValidTree.files
        base["liaisons/sanna-esimerkki.md"] = md("name: Sanna Esimerkki\nrole: agent\nemail: sanna@testila.fi")
        let ds = check([:], base: base)
        expectDiagnostic(ds, .warning, file: "liaisons", line: 1, message: "no liaison (role: liaison) is named")
        expectNoErrors(ds)
    }

    @Test func warningsAloneStillProduceASite() {
        let result = TestSupport.load(ValidTree.files, today: Day(year: 2030, month: 1, day: 1))
        #expect(result.diagnostics.contains { $0.severity == .warning })
        #expect(!result.hasErrors)
        #expect(result.site != nil)
    }

    // MARK: - Markdown bodies

    @Test func javascriptLinkInBodyIsAnErrorAtTheBodyLine() {
        let ds = check(["associations/martat.md": md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example.fi
        updated: 2026-10-01
        """, body: "Tervetuloa!\n\nKatso [ohjelma](javascript:alert(1)) täältä.")])
        // Body: line 8 is "Tervetuloa!", line 10 has the link.
        expectDiagnostic(ds, file: "associations/martat.md", line: 10, message: "the link 'javascript:alert(1)' is not allowed",
                         hint: "http://, https://, mailto: or tel:")
    }

    @Test func dataAndFileLinksInBodyAreErrors() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: """
        # Säännöt

        ![kuva](data:image/png;base64,AAAA)

        - [paikallinen](file:///etc/passwd)
        """)])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 6, column: 1, message: "the image 'data:image/png;base64,AAAA' is not allowed: it would not show")
        expectDiagnostic(ds, file: "pages/saannot.md", line: 8, column: 3, message: "the link 'file:///etc/passwd' is not allowed: it would lead nowhere")
    }

    @Test func referenceStyleLinkIsReportedWhereItIsUsed() {
        let ds = check(["news/kumppanuuspoyta.md": md("title: Kumppanuuspöytä\ndate: 2026-09-01", body: """
        Lue [lisää][1].

        [1]: vbscript:msgbox
        """)])
        expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 5, message: "the link 'vbscript:msgbox' is not allowed")
    }

    /// An autolink has a '<' and no ']': the check that skips bodies without either must not skip it.
    @Test func autolinkWithAForbiddenSchemeIsAnError() {
        let ds = check(["news/kumppanuuspoyta.md": md("title: Kumppanuuspöytä\ndate: 2026-09-01", body: """
        Lue lisää: <javascript:alert(1)>
        """)])
        expectDiagnostic(ds, file: "news/kumppanuuspoyta.md", line: 5, column: 12, message: "the link 'javascript:alert(1)' is not allowed")
    }

    @Test func allowedLinksInBodyAreAccepted() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: """
        [web](https://www.testila.fi), [posti](mailto:tilat@testila.fi), [soita](tel:+358401234567),
        [suhteellinen](../tilat/), [ankkuri](#osio), [kuva](images/martat.png), <https://example.fi>
        """)])
        expectClean(ds)
    }

    @Test func badLinkInTranslatedBodyIsReportedInTheTranslation() {
        let ds = check(["associations/martat.sv.md": md("summary: Hushållsrådgivning.", body: "Se [här](javascript:void(0)).")])
        expectDiagnostic(ds, file: "associations/martat.sv.md", line: 4, message: "the link 'javascript:void(0)' is not allowed")
        #expect(!ds.contains { $0.file == "content/associations/martat.md" }, "\(describe(ds))")
    }

    @Test func rawHtmlInAssociationBodyIsAWarning() {
        let ds = check(["associations/martat.md": ValidTree.association.replacingOccurrences(of: "Kuvaus.", with: "Kuvaus.\n\n<div class=\"x\">Laatikko</div>\n\nKerho <b>tiistaisin</b>.")])
        expectDiagnostic(ds, .warning, file: "associations/martat.md", line: 14, message: "raw HTML is dropped")
        expectNoErrors(ds)
    }

    @Test func htmlCommentInBodyIsNotWarnedAbout() {
        let ds = check(["news/kumppanuuspoyta.md": md("title: Kumppanuuspöytä\ndate: 2026-09-01", body: "<!-- muistiinpano: tarkista päivä -->\n\nTeksti <!-- tämäkin --> jatkuu.")])
        expectClean(ds)
    }

    @Test func rawHtmlInPagesIsAllowedWhenSiteYmlSaysSo() {
        let page = md("title: Säännöt", body: "<iframe src=\"https://kartta.testila.fi\"></iframe>")
        let warned = check(["pages/saannot.md": page])
        expectDiagnostic(warned, .warning, file: "pages/saannot.md", line: 4, message: "raw HTML is dropped")
        let allowed = check(["pages/saannot.md": page, "site.yml": TestSupport.minimalSiteYML + "\nallow_raw_html_in_pages: true\n"])
        expectClean(allowed)
    }

    @Test func imageInBodyThatDoesNotExistIsAnError() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: "Kartta:\n\n![Kartta](images/kartta.png)")])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 6, column: 1, message: "image 'images/kartta.png' does not exist in content/")
    }

    @Test func imageInBodyOutsideImagesFolderIsAnError() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: """
        ![a](kuva.jpg)
        ![b](images/../site.yml)
        ![c](/images/martat.png)
        """)])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 4, message: "the image 'kuva.jpg' is not under images/: put the file in content/images/ and write images/kuva.jpg")
        expectDiagnostic(ds, file: "pages/saannot.md", line: 5, message: "'images/../site.yml' must name a file under content/images/")
        expectDiagnostic(ds, file: "pages/saannot.md", line: 6, message: "write 'images/martat.png' without the leading '/'")
    }

    @Test func linkToAFileUnderImagesMustExist() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: "[Säännöt PDF:nä](images/saannot.pdf) ja [logo](images/martat.png)")])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 4, column: 1, message: "file 'images/saannot.pdf' does not exist in content/")
        #expect(ds.count == 1, "\(describe(ds))")
    }

    @Test func existingAndWebImagesInBodyAreAccepted() {
        let ds = check(["pages/saannot.md": md("title: Säännöt", body: "![logo](images/martat.png) ![kartta](https://kartta.testila.fi/a.png) [muu sivu](../tilat/)")])
        expectClean(ds)
    }

    @Test func extraThatIsNotAMappingIsAnError() {
        let ds = check(["pages/saannot.md": md("title: Säännöt\nextra: punainen")])
        expectDiagnostic(ds, file: "pages/saannot.md", line: 3, field: "extra", message: "'extra' must be a mapping of free fields")
    }

    // MARK: - site.yml

    @Test func siteYmlRequiresMunicipalityBaseUrlAndContactEmail() {
        let ds = check(["site.yml": "title: Yhdistystoiminta\nlanguages: [fi]\n"])
        for field in ["municipality", "base_url", "contact_email"] {
            expectDiagnostic(ds, file: "site.yml", line: 1, field: field, message: "required field '\(field)' is missing")
        }
    }

    @Test func siteYmlLanguageMustBeATwoLetterCode() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML.replacingOccurrences(of: "languages: [fi, sv]", with: "languages: [fi, svenska]")])
        expectDiagnostic(ds, file: "site.yml", line: 4, field: "languages[1]", message: "'svenska' is not a two-letter language code")
    }

    @Test func siteYmlTitleInAnUnknownLanguageIsAnError() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML.replacingOccurrences(of: "sv: Föreningsverksamhet", with: "de: Vereine")])
        expectDiagnostic(ds, file: "site.yml", line: 2, field: "title.de", message: "'de' is not one of the site's languages")
    }

    @Test func siteYmlUnknownLayoutListsTheAllowedOnes() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML + "\nlayout: sidebar\n"])
        expectDiagnostic(ds, file: "site.yml", line: 8, field: "layout", message: "unknown layout 'sidebar'", hint: "allowed: standalone, fragment")
    }

    @Test func siteYmlEditUrlNeedsAWebAddress() {
        let ds = check(["site.yml": TestSupport.minimalSiteYML + "\nedit_url: git@github.com:testila/content/{path}\n"])
        expectDiagnostic(ds, file: "site.yml", line: 8, field: "edit_url", message: "'edit_url' must be an https:// address with {path}")
    }

    @Test func baseUrlOverrideMustBeAWebAddress() {
        var loader = ContentLoader(directory: TestSupport.writeContent(ValidTree.files), displayRoot: "content", today: TestSupport.today)
        loader.baseURLOverride = "localhost:8000"
        let result = loader.load()
        #expect(result.site == nil)
        #expect(result.diagnostics.contains { $0.file == "--base-url" && $0.message.contains("must start with https:// or http://") })
    }

    // MARK: - line numbers in files with a BOM and CRLF line ends

    @Test func bomAndCrlfFileReportsTheRightLine() {
        let text = "\u{FEFF}" + md("""
        name: Martat
        summary: Kotitalousneuvontaa kaikille.
        sectors: [muut-harrastukset]
        email: martat@example
        updated: 2026-10-01
        """, body: "Rivi yksi.\n\n[linkki](javascript:x)").replacingOccurrences(of: "\n", with: "\r\n")
        let ds = check(["associations/martat.md": text])
        expectDiagnostic(ds, file: "associations/martat.md", line: 5, column: 8, field: "email", message: "'email' is not an e-mail address")
        expectDiagnostic(ds, file: "associations/martat.md", line: 10, message: "the link 'javascript:x' is not allowed")
    }

    @Test func bomAndCrlfSiteYmlReportsTheRightLine() {
        let site = "\u{FEFF}" + (TestSupport.minimalSiteYML + "\nstale_after_dayz: 10\n").replacingOccurrences(of: "\n", with: "\r\n")
        let ds = check(["site.yml": site])
        expectDiagnostic(ds, file: "site.yml", line: 8, column: 1, message: "unknown field 'stale_after_dayz'")
    }
}

extension ValidationTests {
    @Test func markdownTableIsAWarningNamingTheLine() {
        let body = "Rakenteet:\n\n| Rakenne | Kuka |\n|---|---|\n| Ilta | kaikki |\n"
        let result = TestSupport.load(["pages/sopimus.md": "---\ntitle: Sopimus\n---\n" + body])
        let d = result.diagnostics.first { $0.message.contains("tables are not supported") }
        #expect(d?.file == "content/pages/sopimus.md")
        #expect(d?.line == 6)   // the header row, where the table starts
        #expect(d?.severity == .warning)
        #expect(!result.hasErrors)
    }
}

extension ValidationTests {
    @Test func commonMessagesHaveFinnishWording() {
        let d = Diagnostic(file: "content/a.md", line: 3, field: "sektorit", message: "unknown field 'sektorit'",
                           hint: "did you mean 'sectors'? Fields here: name, sectors; free fields go under 'extra:'")
        let fi = FinnishMessages.translate(d)
        #expect(fi.message == "tuntematon kenttä 'sektorit'")
        #expect(fi.hint == "tarkoititko 'sectors'? Tämän kohdan kentät: name, sectors; vapaat kentät kuuluvat 'extra:'-kohtaan")
        #expect(fi.line == 3 && fi.file == "content/a.md")
        #expect(FinnishMessages.translate(Diagnostic(file: "x", message: "required field 'name' is missing")).message
                == "pakollinen kenttä 'name' puuttuu")
        #expect(FinnishMessages.translate(Diagnostic(file: "x", message: "'founded': 2027-02-30 is not a date that exists")).message
                == "'founded': päivämäärää 2027-02-30 ei ole olemassa")
        // A message without a Finnish shape stays as it is.
        #expect(FinnishMessages.translate(Diagnostic(file: "x", message: "something rare")).message == "something rare")
    }
}

extension ValidationTests {
    @Test func emailThatWouldAddRecipientsToMailtoIsRejected() {
        for bad in ["info@evil.fi?bcc=victim@example.com", "a@b.fi&body=x", "a%40b@c.fi", "a@b.fi#x", "a=b@c.fi"] {
            #expect(!AddressCheck.isEmail(bad), "\(bad)")
        }
        #expect(AddressCheck.isEmail("maija.meikalainen+yhdistys@example.fi"))
        let result = TestSupport.load(["associations/martat.md": TestSupport.association(["email": "\"info@evil.fi?bcc=v@example.com\""])])
        #expect(result.diagnostics.contains { $0.file == "content/associations/martat.md" && $0.field == "email" && $0.severity == .error })
    }
}

extension ValidationTests {
    @Test func areasSpelledTwoWaysAreAnErrorWhenSiteYmlListsNoAreas() {
        let site = TestSupport.minimalSiteYML.replacingOccurrences(of: "areas: [Kirkonkylä, Rantala]\n", with: "")
        let result = TestSupport.load([
            "site.yml": site,
            "associations/a.md": TestSupport.association(["area": "Särkikylä"]),
            "associations/b.md": TestSupport.association(["area": "Sarkikyla"]),
        ])
        let d = result.diagnostics.first { $0.message.contains("would share one page address") }
        #expect(d?.file == "content/associations/b.md")
        #expect(d?.field == "area")
        #expect(result.hasErrors)
    }
}
