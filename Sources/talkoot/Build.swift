import ArgumentParser
import Foundation
import TalkootKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Checks the content, then builds the whole section.",
        discussion: HelpText.paragraphs("""
        On any content error nothing in the output folder changes: the site is built into a
        temporary folder and swapped in only when complete.

        Examples:
          talkoot build
          talkoot build --today 2027-01-15 --output public
          talkoot build --base-url https://preview.example.fi/yhdistykset/
        """)
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "The themes folder.")
    var themes: String = "themes"

    @Option(help: "The output folder.")
    var output: String = "site"

    @Option(name: .customLong("base-url"), help: "Replaces base_url of site.yml, e.g. for a preview.")
    var baseURL: String?

    @Flag(help: "Also build items marked draft: true.")
    var drafts = false

    @Flag(help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let m = options.messages
        let started = Date()
        var opts = SiteBuilder.Options(content: options.contentURL, themes: URL(fileURLWithPath: themes, isDirectory: true).standardizedFileURL,
                                       output: URL(fileURLWithPath: output, isDirectory: true).standardizedFileURL,
                                       today: try options.todayDay(), baseURL: baseURL, contentDisplay: options.content, themesDisplay: themes)
        opts.includeDrafts = drafts
        if let conflict = SiteBuilder.outputConflict(opts, workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
            throw Failure.usage(conflict)
        }
        let report = SiteBuilder(options: opts).build()
        ProcessMemory.leaveToSystem(report)  // freeing the site value by value took 50 ms
        DiagnosticPrinter.print(report.diagnostics, format: .text, finnish: m.finnish)
        if report.hasErrors {
            let n = report.diagnostics.filter { $0.severity == .error }.count
            throw Failure.content(m.pick("\(n) error\(n == 1 ? "" : "s") in the content: nothing was written to \(output)/",
                                         "sisällössä \(n) virhe\(n == 1 ? "" : "ttä"): kansioon \(output)/ ei kirjoitettu mitään"))
        }
        if let io = report.ioError { throw Failure.other(io) }
        if timings {
            func label(_ s: String) -> String { "  " + s.padding(toLength: 20, withPad: " ", startingAt: 0) }
            for t in report.timings { print(label(t.stage) + String(format: "%.3f s", t.seconds)) }
            // Which allocator served the build: it changes the timings by a tenth (Allocator.swift).
            print(label("memory allocator") + (Allocator.isMimalloc ? "mimalloc" : "malloc of the C library"))
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print(m.pick("Built \(report.pages) pages (\(report.files) files) into \(output)/ in \(seconds) s",
                     "Rakennettu \(report.pages) sivua (\(report.files) tiedostoa) kansioon \(output)/ \(seconds) sekunnissa"))
    }
}
