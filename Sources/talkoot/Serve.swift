import ArgumentParser
import Foundation
import TalkootKit
import TalkootServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Previews the section: builds, serves, rebuilds on change and reloads the browser.",
        discussion: HelpText.paragraphs("""
        Builds into a temporary folder (never site/) and serves it under base_url's path.
        Open pages reload by themselves after each rebuild. Content errors are printed and the
        last good build stays up.

        Examples:
          talkoot serve
          talkoot serve --port 9000 --today 2027-03-01
        """)
    )

    @OptionGroup var options: ContentOptions

    @Option(help: "The themes folder.")
    var themes: String = "themes"

    @Option(help: "Port to listen on.")
    var port: UInt16 = 8080

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    func run() async throws {
        let opts = SiteBuilder.Options(content: options.contentURL, themes: URL(fileURLWithPath: themes, isDirectory: true).standardizedFileURL,
                                       output: URL(fileURLWithPath: "/nonexistent"), today: try options.todayDay(),
                                       contentDisplay: options.content, themesDisplay: themes)
        let server = PreviewServer(options: opts, host: host, port: port) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        do {
            try await server.run()
        } catch {
            throw Failure.other("could not serve on \(host):\(port): \(error)")
        }
    }
}
