import ArgumentParser
import Foundation
import TalkootKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Starts a municipality's own content repository.",
        discussion: HelpText.paragraphs("""
        Writes a content skeleton with one example of each kind, CI workflows for GitHub Actions
        and GitLab CI that check and publish, a pull-request template and a CONTRIBUTING.md for
        associations (fi, sv). Refuses a folder that is not empty.

        Examples:
          talkoot init jarvikyla-yhdistykset
        """)
    )

    @Argument(help: "The folder to create (must be missing or empty).")
    var directory: String

    @Option(help: ArgumentHelp("The date used in the examples (YYYY-MM-DD).", valueName: "YYYY-MM-DD"))
    var today: String?

    func run() throws {
        let fm = FileManager.default
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
            throw Failure.usage("\(directory) is not empty: choose a new folder")
        }
        var day = ContentOptions.helsinkiToday()
        if let today {
            guard let d = Day.parse(today) else { throw Failure.usage("--today must be a date such as 2027-03-18") }
            day = d
        }
        do {
            for (path, text) in ProjectTemplate.files(today: day) {
                let url = root.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            throw Failure.other("could not write \(directory): \(error.localizedDescription)")
        }
        print("Started \(directory)/: edit content/site.yml first, then run talkoot check in \(directory)/")
    }
}
