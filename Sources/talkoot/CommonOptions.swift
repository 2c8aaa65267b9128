import ArgumentParser
import Foundation
import TalkootKit

/// `--content` and `--today`, shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: ArgumentHelp("The date that counts as today (YYYY-MM-DD): upcoming deadlines, staleness and the clock's year. Default: SOURCE_DATE_EPOCH, else the system clock.", valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(help: ArgumentHelp("Language of messages: en or fi (default from LANG).", valueName: "en|fi"))
    var lang: String?

    func todayDay() throws -> Day {
        if let today {
            guard let d = Day.parse(today) else { throw ValidationError("--today must be a date such as 2027-03-18, found '\(today)'") }
            return d
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let n = Int(epoch) else { throw ValidationError("SOURCE_DATE_EPOCH must be a number of seconds, found '\(epoch)'") }
            return Day(unixTime: n)
        }
        return ContentOptions.helsinkiToday()
    }

    /// Today's date where the municipality is: between midnight and 02:00/03:00 Helsinki time the
    /// UTC date would still be yesterday.
    static func helsinkiToday() -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? TimeZone(secondsFromGMT: 7200)!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    func validate() throws {
        if let today, Day.parse(today) == nil { throw ValidationError("--today must be a date such as 2027-03-18, found '\(today)'") }
        if let lang, !["en", "fi"].contains(lang) { throw ValidationError("--lang must be en or fi") }
    }

    var contentURL: URL { URL(fileURLWithPath: content, isDirectory: true).standardizedFileURL }

    var messages: Messages { Messages(language: lang) }
}

/// The few messages the CLI itself writes, in English or Finnish (cli.md).
struct Messages {
    var finnish: Bool
    init(language: String?) {
        if let language { finnish = language == "fi"; return }
        let env = ProcessInfo.processInfo.environment
        let lang = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        finnish = lang.hasPrefix("fi")
    }
    func pick(_ en: String, _ fi: String) -> String { finnish ? fi : en }
}

/// Prints diagnostics in the formats of `talkoot check`.
enum DiagnosticPrinter {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, github, json }

    static func text(_ d: Diagnostic, finnish: Bool) -> String {
        // The severity word stays `error`/`warning` in every language: editors and CI parse it.
        var s = "\(d.file):\(d.line):\(d.column): \(d.severity.rawValue): \(d.message)"
        if let hint = d.hint { s += "\n    " + (finnish ? "vihje: " : "hint: ") + hint }
        return s
    }

    static func github(_ d: Diagnostic) -> String {
        func esc(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func prop(_ s: String) -> String { esc(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        let title = d.field.isEmpty ? "" : ",title=\(prop(d.field))"
        let message = d.message + (d.hint.map { " (hint: \($0))" } ?? "")
        return "::\(d.severity == .error ? "error" : "warning") file=\(prop(d.file)),line=\(d.line),col=\(d.column)\(title)::\(esc(message))"
    }

    static func json(_ ds: [Diagnostic]) -> String {
        struct Out: Encodable {
            var errors: Int
            var warnings: Int
            var diagnostics: [Diagnostic]
        }
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let out = Out(errors: ds.filter { $0.severity == .error }.count, warnings: ds.filter { $0.severity == .warning }.count, diagnostics: ds)
        return String(data: (try? enc.encode(out)) ?? Data(), encoding: .utf8) ?? "{}"
    }

    static func print(_ ds: [Diagnostic], format: Format, finnish: Bool) {
        let ds = finnish ? ds.map(FinnishMessages.translate) : ds
        switch format {
        case .text: printLines(ds) { text($0, finnish: finnish) }
        case .github: printLines(ds, github)
        case .json: Swift.print(json(ds))
        }
    }

    /// One line per diagnostic, joined and written at once: a big site's thousands of warnings,
    /// printed one by one after the build, kept one core busy for some 5 ms with the other idle.
    private static func printLines(_ ds: [Diagnostic], _ line: (Diagnostic) -> String) {
        var out = ""
        out.reserveCapacity(ds.count * 200)
        for d in ds {
            out += line(d)
            out += "\n"
        }
        Swift.print(out, terminator: "")
    }
}
