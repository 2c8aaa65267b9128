import Testing
@testable import TalkootKit

@Suite struct IntakeTests {
    @Test func quotedAndWrappedMailIsReadBack() throws {
        let mail = """
        Hei!
        > talkoot-slug: martat
        >
        > name: Martat ry
        > summary: Pitkä kuvaus joka
        > jatkuu seuraavalla rivillä.
        > phone: 040&nbsp;123 4567
        > membership:
        -- 
        Maija
        """
        let change = try ChangeEmail.parse(mail)
        #expect(change.slug == "martat")
        #expect(change.fields.map(\.key) == ["name", "summary", "phone", "membership"])
        #expect(change.fields[1].value == "Pitkä kuvaus joka jatkuu seuraavalla rivillä.")
        #expect(change.fields[2].value == "040 123 4567")
        #expect(change.fields[3].value == "")
    }

    @Test func mailWithoutTemplateLineIsRejected() {
        #expect(throws: ChangeEmail.Failure.noTemplate) { try ChangeEmail.parse("name: Martat\n") }
    }

    @Test func editorKeepsBodyAndUntouchedFieldsAndRemovesEmptiedOnes() {
        let original = "---\nname: Martat ry\nsummary: Vanha\nmembership: 10 €\ncontact_person:\n  name: Maija\n  consent: true\nupdated: 2025-01-01\n---\nRunko säilyy.\n"
        let change = ChangeEmail(slug: "martat", fields: [("name", "Martat ry"), ("summary", "Uusi: kuvaus"), ("membership", ""),
                                                           ("sectors", "Kulttuuri-perinne, muut-harrastukset")])
        let out = FrontMatterEditor.apply(change, to: original, today: Day(year: 2026, month: 11, day: 23))
        #expect(out == "---\nname: Martat ry\nsummary: \"Uusi: kuvaus\"\ncontact_person:\n  name: Maija\n  consent: true\nupdated: 2026-11-23\nsectors: [kulttuuri-perinne, muut-harrastukset]\n---\nRunko säilyy.\n")
    }

    @Test func lineDiffMarksChangedLines() {
        let diff = LineDiff.unified("a\nb\nc", "a\nB\nc", path: "x.md")
        #expect(diff == "--- x.md\n+++ x.md\n  a\n+ B\n- b\n  c\n")
    }
}
