import ArgumentParser
import Foundation
import TalkootKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Writes a new content file from a template with every field commented.",
        discussion: HelpText.paragraphs("""
        KIND is one of: association, liaison, facility, grant, clock, news, page.
        The file name (slug) is made from NAME: ä→a, ö→o, å→a, other characters dropped or
        turned into '-'. An existing file is never overwritten.

        Examples:
          talkoot new association "Järvikylän Martat ry"
          talkoot new clock "Kevään yhdistysilta 2027"
        """)
    )

    @Argument(help: "association, liaison, facility, grant, clock, news or page")
    var kind: String

    @Argument(help: "The name or title of the new item.")
    var name: String

    @OptionGroup var options: ContentOptions

    func validate() throws {
        guard ContentKind(singular: kind) != nil else {
            throw ValidationError("unknown KIND '\(kind)': use association, liaison, facility, grant, clock, news or page")
        }
        guard !Slug.make(from: name).isEmpty else { throw ValidationError("NAME '\(name)' gives an empty file name: use letters or digits") }
    }

    func run() throws {
        let k = ContentKind(singular: kind)!
        let slug = Slug.make(from: name)
        let folder = options.contentURL.appendingPathComponent(k.rawValue)
        let file = folder.appendingPathComponent(slug + ".md")
        let display = "\(options.content)/\(k.rawValue)/\(slug).md"
        if FileManager.default.fileExists(atPath: file.path) {
            throw Failure.usage(options.messages.pick("\(display) already exists: not overwritten", "\(display) on jo olemassa: ei korvattu"))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(NewItemTemplate.text(kind: k, name: name, today: try options.todayDay()).utf8).write(to: file, options: .withoutOverwriting)
        } catch let e as ValidationError {
            throw e
        } catch {
            throw Failure.other("could not write \(display): \(error.localizedDescription)")
        }
        print(options.messages.pick("Wrote \(display)", "Kirjoitettu \(display)"))
    }
}
