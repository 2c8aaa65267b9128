import ArgumentParser
import Foundation
import TalkootKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Shows what needs the liaison's attention.",
        discussion: HelpText.paragraphs("""
        Stale or incomplete associations, deadlines and events in the next DAYS days, and counts
        per sector and area. With --emails DIR, writes one reminder e-mail (.eml) per stale
        association that has an address, ready to open in a mail program.

        Examples:
          talkoot report
          talkoot report --stale --emails muistutukset/
          talkoot report --upcoming 60 --format markdown > raportti.md
        """)
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @OptionGroup var options: ContentOptions

    @Flag(help: "Only the stale associations.")
    var stale = false

    @Option(help: "How many days ahead count as upcoming.")
    var upcoming: Int = 30

    @Option(help: ArgumentHelp("Write reminder e-mails for stale associations into this folder.", valueName: "DIR"))
    var emails: String?

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    func validate() throws {
        guard upcoming >= 0 && upcoming <= 3660 else { throw ValidationError("--upcoming must be between 0 and 3660 days") }
    }

    func run() throws {
        let result = ContentLoader(directory: options.contentURL, displayRoot: options.content, today: try options.todayDay()).load()
        guard let site = result.site else {
            DiagnosticPrinter.print(result.diagnostics.filter { $0.severity == .error }, format: .text, finnish: options.messages.finnish)
            throw Failure.content(options.messages.pick("the content has errors: run talkoot check", "sisällössä on virheitä: aja talkoot check"))
        }
        let report = AttentionReport(site: site, upcomingDays: upcoming)
        switch format {
        case .text: print(report.text(markdown: false, onlyStale: stale), terminator: "")
        case .markdown: print(report.text(markdown: true, onlyStale: stale), terminator: "")
        case .json: print(report.json())
        }
        if let emails {
            let dir = URL(fileURLWithPath: emails, isDirectory: true)
            let routes = Routes(config: site.config)
            var written = 0
            do {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                for a in site.associations where site.isStale(a.primary) {
                    let link = routes.absolute(routes.item(.associations, a.slug, site.config.defaultLanguage))
                    guard let eml = ReminderEmail.eml(for: a, site: site, changeLink: link) else { continue }
                    try Data(eml.utf8).write(to: dir.appendingPathComponent("\(a.slug).eml"))
                    written += 1
                }
            } catch {
                throw Failure.other("could not write e-mails into \(emails): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data(options.messages.pick("Wrote \(written) reminder e-mails into \(emails)/\n",
                                                                     "Kirjoitettu \(written) muistutusviestiä kansioon \(emails)/\n").utf8))
        }
    }
}
