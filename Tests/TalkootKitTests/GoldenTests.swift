import Foundation
import Testing
@testable import TalkootKit

/// The whole output of a small fixture corpus, compared byte for byte with files checked in
/// under Fixtures/golden/expected. Regenerate on purpose with `scripts/update-golden`.
@Suite struct GoldenTests {
    static let content = TestSupport.fixtures.appendingPathComponent("golden/content")
    static let expected = TestSupport.fixtures.appendingPathComponent("golden/expected")

    static func render() -> [String: Data] {
        let builder = SiteBuilder(options: .init(content: content, themes: TestSupport.themes, output: TestSupport.temporaryDirectory(),
                                                 today: TestSupport.today, contentDisplay: "content", themesDisplay: "themes"))
        let (files, _, diagnostics) = builder.render()
        precondition(!diagnostics.contains { $0.severity == .error }, "golden corpus has errors: \(diagnostics)")
        var out: [String: Data] = [:]
        for f in files {
            // Theme assets are not golden: they are source files themselves.
            if let b = f.bytes { out[f.path] = Data(b) }
        }
        return out
    }

    @Test func wholeOutputOfFixtureCorpusMatchesGoldenFiles() throws {
        let actual = GoldenTests.render()
        if ProcessInfo.processInfo.environment["TALKOOT_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: GoldenTests.expected)
            for (path, data) in actual {
                let url = GoldenTests.expected.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expectedFiles = Set(Theme.files(under: GoldenTests.expected).map(\.0))
        #expect(expectedFiles == Set(actual.keys), "the set of output files changed; run scripts/update-golden if that is intended")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) where expectedFiles.contains(path) {
            let want = try Data(contentsOf: GoldenTests.expected.appendingPathComponent(path))
            #expect(want == data, "\(path) differs from the golden file; run scripts/update-golden if the change is intended")
        }
    }

    @Test func twoRendersOfTheSameContentAreByteIdentical() {
        #expect(GoldenTests.render() == GoldenTests.render())
    }
}

/// The parallel build (files parsed, pages rendered and exports written on all cores) must give
/// exactly the bytes of a single-threaded build (issue: performance must not cost reproducibility).
@Suite struct ParallelBuildTests {
    static func render(_ content: URL, singleThreaded: Bool) -> [String: Data] {
        var options = SiteBuilder.Options(content: content, themes: TestSupport.themes, output: TestSupport.temporaryDirectory(),
                                          today: TestSupport.today, contentDisplay: "content", themesDisplay: "themes")
        options.singleThreaded = singleThreaded
        let (files, _, diagnostics) = SiteBuilder(options: options).render()
        precondition(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.filter { $0.severity == .error })")
        var out: [String: Data] = [:]
        for f in files {
            switch f.body {
            case .bytes, .chunks, .appended: out[f.path] = Data(f.bytes!)
            case let .copy(url): out[f.path] = Data(url.path.utf8)
            }
        }
        return out
    }

    /// The two builds have the same files, of the demo's size, with the same bytes.
    static func expectSameFiles(_ parallel: [String: Data], _ serial: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(parallel.count > 200, sourceLocation: sourceLocation)
        #expect(Set(parallel.keys) == Set(serial.keys), sourceLocation: sourceLocation)
        for (path, data) in parallel where serial[path] != data {
            Issue.record("\(path) differs between the parallel and the single-threaded build", sourceLocation: sourceLocation)
        }
    }

    @Test func demoBuiltInParallelIsByteIdenticalToSingleThreadedBuild() {
        let demo = TestSupport.repository.appendingPathComponent("content")
        let parallel = ParallelBuildTests.render(demo, singleThreaded: false)
        let serial = ParallelBuildTests.render(demo, singleThreaded: true)
        ParallelBuildTests.expectSameFiles(parallel, serial)
    }

    /// The same through `talkoot build`'s writing: a parallel build renders on all cores and
    /// writes each run of pages from whichever thread finished it (`OrderedStream`), a
    /// single-threaded one renders and writes on the calling thread, and the folders they
    /// leave hold the same files with the same bytes.
    @Test func demoWrittenInParallelIsByteIdenticalToSingleThreadedBuild() throws {
        let root = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        func build(_ name: String, singleThreaded: Bool) throws -> [String: Data] {
            var options = SiteBuilder.Options(content: TestSupport.repository.appendingPathComponent("content"), themes: TestSupport.themes,
                                              output: root.appendingPathComponent(name), today: TestSupport.today,
                                              contentDisplay: "content", themesDisplay: "themes")
            options.singleThreaded = singleThreaded
            let report = SiteBuilder(options: options).build()
            #expect(!report.hasErrors && report.ioError == nil)
            var out: [String: Data] = [:]
            let folder = root.appendingPathComponent(name)
            let walker = FileManager.default.enumerator(atPath: folder.path)
            while let path = walker?.nextObject() as? String {
                var isFolder: ObjCBool = false
                let url = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                    out[path] = try Data(contentsOf: url)
                }
            }
            return out
        }
        let parallel = try build("parallel", singleThreaded: false)
        let serial = try build("serial", singleThreaded: true)
        ParallelBuildTests.expectSameFiles(parallel, serial)
    }
}
