import ArgumentParser
import Foundation
import TalkootKit

/// The `talkoot` command: one subcommand per file, nothing here but argument handling and printing.
@main
struct Talkoot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talkoot",
        abstract: "Builds the association section (Yhdistystoiminta) of a municipality's website.",
        discussion: HelpText.paragraphs("""
        Reads Markdown files with YAML front matter from content/, applies a theme from themes/
        and writes the section to site/.

        Exit status: 0 success, 1 content errors, 2 usage errors, 3 anything else.
        """),
        // Each subcommand names itself (`commandName`): a name left to ArgumentParser is made from
        // the type with String(describing:), runtime type lookups for every subcommand on every
        // start, some 3 ms before anything is read.
        subcommands: [Build.self, Check.self, Serve.self, New.self, Report.self, Intake.self, Init.self]
    )

    static func main() async {
        Allocator.configure()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as Failure {
            FileHandle.standardError.write(Data("talkoot: \(failure.message)\n".utf8))
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            // Any parse or validation error is a usage error: exit status 2 (cli.md).
            Foundation.exit(2)
        }
    }
}

/// An error with the exit status it stands for.
struct Failure: Error {
    var message: String
    var code: Int32
    static func usage(_ m: String) -> Failure { Failure(message: m, code: 2) }
    static func content(_ m: String) -> Failure { Failure(message: m, code: 1) }
    static func other(_ m: String) -> Failure { Failure(message: m, code: 3) }
}
