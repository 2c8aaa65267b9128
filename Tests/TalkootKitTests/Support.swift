import Foundation
@testable import TalkootKit

/// Test helpers: fixtures live beside the tests (found through #filePath, no bundle needed),
/// and small content trees are written to temporary folders.
enum TestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let repository = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let themes = repository.appendingPathComponent("themes")
    static let today = Day(year: 2026, month: 11, day: 23)

    /// A fresh temporary folder.
    static func temporaryDirectory(_ name: String = "talkoot") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let minimalSiteYML = """
    municipality: Testilän kunta
    title: {fi: Yhdistystoiminta, sv: Föreningsverksamhet}
    base_url: https://www.testila.fi/yhdistykset/
    languages: [fi, sv]
    contact_email: yhdistykset@testila.fi
    areas: [Kirkonkylä, Rantala]
    year: 2027
    """

    /// Writes a content tree: paths relative to the content folder → file text.
    /// `site.yml` and `index.md` are added unless given.
    @discardableResult
    static func writeContent(_ files: [String: String], into root: URL? = nil) -> URL {
        let dir = (root ?? temporaryDirectory()).appendingPathComponent("content")
        var all = files
        if all["site.yml"] == nil { all["site.yml"] = minimalSiteYML }
        if all["index.md"] == nil { all["index.md"] = "---\ntitle: Tervetuloa\n---\nYhdistykset ja kunta yhdessä.\n" }
        for (path, text) in all {
            let url = dir.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
        return dir
    }

    static func load(_ files: [String: String], today: Day = today) -> ContentLoader.Result {
        ContentLoader(directory: writeContent(files), displayRoot: "content", today: today).load()
    }

    /// A valid association file with some fields replaced or added (`nil` removes a field).
    static func association(_ overrides: [String: String?] = [:], body: String = "Kuvaus.") -> String {
        var fields: [(String, String)] = [
            ("name", "Testilän Martat ry"),
            ("summary", "Kotitalousneuvontaa kaikille."),
            ("sectors", "[muut-harrastukset]"),
            ("email", "martat@example.fi"),
            ("updated", "2026-10-01"),
        ]
        for (k, v) in overrides {
            if let i = fields.firstIndex(where: { $0.0 == k }) {
                if let v { fields[i].1 = v } else { fields.remove(at: i) }
            } else if let v {
                fields.append((k, v))
            }
        }
        return "---\n" + fields.map { "\($0.0): \($0.1)" }.joined(separator: "\n") + "\n---\n" + body + "\n"
    }
}
