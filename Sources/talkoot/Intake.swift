import ArgumentParser
import Foundation
import TalkootKit

struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Turns a filled change e-mail into the association's file.",
        discussion: HelpText.paragraphs("""
        Reads the e-mail that the site's "Report a change" (Ilmoita muutos) link prepares, as
        pasted from any mail program: quoted '>' lines, wrapped lines and HTML-to-text leftovers
        are fine. Creates or updates content/associations/<slug>.md: fields the e-mail gives are
        replaced, emptied fields are removed, 'updated' becomes today, and the Markdown body and
        every other field are kept. Shows a diff and asks before writing.

        Examples:
          talkoot intake viesti.txt
          pbpaste | talkoot intake - --dry-run
          talkoot intake viesti.txt --yes
        """)
    )

    @Argument(help: "The e-mail as text, or - for standard input.")
    var file: String = "-"

    @OptionGroup var options: ContentOptions

    @Flag(help: "Write without asking.")
    var yes = false

    @Flag(name: .customLong("dry-run"), help: "Only show the diff.")
    var dryRun = false

    func run() throws {
        let m = options.messages
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure.usage("cannot read \(file)") }
            text = String(decoding: data, as: UTF8.self)
        }
        let change: ChangeEmail
        do { change = try ChangeEmail.parse(text) } catch { throw Failure.content(error.description) }

        let today = try options.todayDay()
        var slug = change.slug ?? ""
        if slug.isEmpty {
            guard let name = change.fields.first(where: { $0.key == "name" })?.value, !Slug.make(from: name).isEmpty else {
                throw Failure.content(m.pick("a new association needs 'name:' in the e-mail", "uusi yhdistys tarvitsee viestiin rivin 'name:'"))
            }
            slug = Slug.make(from: name)
        }
        guard Slug.isValid(slug) else { throw Failure.content("'\(slug)' is not a valid slug") }
        let folder = options.contentURL.appendingPathComponent("associations")
        let target = folder.appendingPathComponent(slug + ".md")
        let display = "\(options.content)/associations/\(slug).md"
        let original = FileManager.default.contents(atPath: target.path).map { String(decoding: $0, as: UTF8.self) }
        let updated = FrontMatterEditor.apply(change, to: original, today: today)
        print(LineDiff.unified(original ?? "", updated, path: display), terminator: "")

        // Check the result with the rest of the content before writing anything.
        let errors = try validate(updated, slug: slug, today: today)
        if !errors.isEmpty {
            DiagnosticPrinter.print(errors, format: .text, finnish: m.finnish)
            throw Failure.content(m.pick("the changed file would not pass talkoot check: not written", "muutettu tiedosto ei läpäisisi tarkistusta: ei kirjoitettu"))
        }
        if dryRun { return }
        if !yes {
            print(m.pick("Write \(display)? [y/N] ", "Kirjoitetaanko \(display)? [k/E] "), terminator: "")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard ["y", "yes", "k", "kyllä", "kylla", "j", "ja"].contains(answer) else {
                print(m.pick("Not written.", "Ei kirjoitettu."))
                return
            }
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(updated.utf8).write(to: target)
        } catch {
            throw Failure.other("could not write \(display): \(error.localizedDescription)")
        }
        print(m.pick("Wrote \(display)", "Kirjoitettu \(display)"))
    }

    /// Loads a copy of the content with the changed file in place; only this file's errors count.
    func validate(_ text: String, slug: String, today: Day) throws -> [Diagnostic] {
        let fm = FileManager.default
        let temp = fm.temporaryDirectory.appendingPathComponent("talkoot-intake-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? fm.removeItem(at: temp) }
        let copy = temp.appendingPathComponent("content")
        do {
            try? fm.removeItem(at: temp)
            try fm.createDirectory(at: temp, withIntermediateDirectories: true)
            try fm.copyItem(at: options.contentURL, to: copy)
            try fm.createDirectory(at: copy.appendingPathComponent("associations"), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: copy.appendingPathComponent("associations/\(slug).md"))
        } catch {
            throw Failure.other("could not check the change: \(error.localizedDescription)")
        }
        let result = ContentLoader(directory: copy, displayRoot: options.content, today: today).load()
        return result.diagnostics.filter { $0.severity == .error && $0.file == "\(options.content)/associations/\(slug).md" }
    }
}
