import ArgumentParser
import Foundation
import TalkootKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validates the content without writing anything.",
        discussion: HelpText.paragraphs("""
        Prints every error and warning as FILE:LINE:COLUMN: error: MESSAGE (text), as GitHub
        Actions annotations (github) or as JSON. Exits 1 when there are errors, or warnings
        with --strict.

        Examples:
          talkoot check
          talkoot check --format github --today 2027-01-15
          talkoot check --content ../jarvikyla/content --strict
        """)
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, github or json.")
    var format: DiagnosticPrinter.Format = .text

    @Flag(help: "Fail on warnings too (stale data, missing optional but expected fields).")
    var strict = false

    func run() throws {
        let m = options.messages
        let loader = ContentLoader(directory: options.contentURL, displayRoot: options.content, today: try options.todayDay())
        let result = loader.load()
        ProcessMemory.leaveToSystem(result)
        DiagnosticPrinter.print(result.diagnostics, format: format, finnish: m.finnish)
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if format == .text {
            let summary = m.pick("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
                                 "\(errors) virhe\(errors == 1 ? "" : "ttä"), \(warnings) varoitus\(warnings == 1 ? "" : "ta")")
            print(summary)
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
