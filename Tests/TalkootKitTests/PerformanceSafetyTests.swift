import Foundation
import Testing
@testable import TalkootKit

/// The shortcuts taken for speed give the same answers as the general code they bypass, and
/// the parallel machinery neither loses nor keeps what it produces.
@Suite struct PerformanceSafetyTests {
    /// Counts its live instances.
    final class Counted: @unchecked Sendable {
        nonisolated(unsafe) private static var count = 0
        private static let lock = NSLock()
        static var live: Int { lock.withLock { count } }
        let value: Int
        init(_ value: Int) { self.value = value; Counted.lock.withLock { Counted.count += 1 } }
        deinit { Counted.lock.withLock { Counted.count -= 1 } }
    }

    /// On the pool's threads and on threads of its own (two per core, as the association files
    /// are read), one after the other: the count of live results is shared.
    @Test func parallelMapKeepsOrderAndFreesEveryResult() {
        for threadsPerCore in [1, 2] {
            let before = Counted.live
            do {
                let mapped = Array(0..<5_000).parallelMap(threadsPerCore: threadsPerCore) { Counted($0 * 2) }
                #expect(mapped.map(\.value) == Array(0..<5_000).map { $0 * 2 })
                #expect(Counted.live == before + 5_000)
            }
            // A buffer deallocated without deinitialising its elements once kept every rendered page.
            #expect(Counted.live == before)
        }
    }

    /// Jobs rendered side by side reach the consumer once each, in job order, in runs that weigh
    /// at least the batch (but the last), one run at a time, and every result is freed; with
    /// one thread the runs are the same. Finished results waiting for the consumer stay near
    /// the limit (four batches, plus a job per core), so memory does not grow with the site.
    @Test(arguments: [false, true])
    func orderedStreamHandsOverEveryResultInOrderOneRunAtATime(serial: Bool) {
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var produced = 0, consumed = 0, mostWaiting = 0, live = 0
        }
        /// Counts its live instances in the test's own log (other tests count `Counted`).
        final class Result: @unchecked Sendable {
            let value: Int, log: Log
            init(_ value: Int, _ log: Log) { self.value = value; self.log = log; log.lock.withLock { log.live += 1 } }
            deinit { log.lock.withLock { log.live -= 1 } }
        }
        let log = Log()
        var seen: [Int] = [], runs: [Int] = []
        var inConsumer = false, overlapped = false
        let weight: @Sendable (Int) -> Int = { i in i % 97 == 0 ? 40 : 1 + i % 3 }
        Parallelism.$serial.withValue(serial) {
            OrderedStream.run(count: 3_000, batch: 50, weight: weight, produce: { i -> Result in
                log.lock.withLock {
                    log.produced += weight(i)
                    log.mostWaiting = max(log.mostWaiting, log.produced - log.consumed)
                }
                return Result(i, log)
            }, consume: { run in
                if inConsumer { overlapped = true }
                inConsumer = true
                seen += run.map(\.value)
                runs.append(run.map { weight($0.value) }.reduce(0, +))
                log.lock.withLock { log.consumed += runs.last! }
                inConsumer = false
            })
        }
        #expect(seen == Array(0..<3_000))
        #expect(!overlapped)
        #expect(runs.dropLast().allSatisfy { $0 >= 50 })
        #expect(log.mostWaiting <= 4 * 50 + ProcessInfo.processInfo.activeProcessorCount * 40 + 50)
        #expect(log.live == 0)
    }

    /// The consumer's first error is thrown, and the jobs not started by then are not rendered.
    @Test func orderedStreamStopsAtTheFirstFailure() {
        struct Stop: Error {}
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var value = 0
        }
        let produced = Count()
        var runs = 0
        #expect(throws: Stop.self) {
            try OrderedStream.run(count: 10_000, batch: 10, weight: { _ in 1 }, produce: { i in
                produced.lock.withLock { produced.value += 1 }
                return i
            }, consume: { (_: [Int]) throws(Stop) in
                runs += 1
                if runs == 3 { throw Stop() }
            })
        }
        #expect(runs == 3)
        #expect(produced.value < 10_000)
    }

    /// Big outputs are written into the storage of the array returned (ByteBuffer.array); one
    /// that outgrows its guess is copied, and either way the bytes are exactly those written.
    @Test func byteBufferArrayHoldsExactlyTheBytesWrittenWhetherOrNotTheyFit() {
        let text = Array("Yhdistystoiminta – Föreningsverksamhet\n".utf8)
        for capacity in [0, 16, text.count, 10 * text.count, 100 * text.count] {
            let bytes = ByteBuffer.array(capacity: capacity) { out in
                for _ in 0..<10 { text.withUnsafeBufferPointer { out.append($0) } }
            }
            #expect(bytes == Array(repeating: text, count: 10).flatMap { $0 }, "capacity \(capacity)")
        }
    }

    /// Appends of every length from 0 to 40 bytes, after every length of what is there, land
    /// whole and in order: the short ones are copied with overlapping loads and stores.
    @Test func shortAppendsCopyEveryByte() {
        let source = (0..<40).map { UInt8(0x41 + $0) }
        for before in 0..<20 {
            for length in 0...40 {
                let bytes = ByteBuffer.array(capacity: 16) { out in
                    source.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[..<before])) }
                    source.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[..<length])) }
                    out.append(0x2E)
                }
                #expect(bytes == Array(source[..<before]) + Array(source[..<length]) + [0x2E], "\(before) + \(length)")
            }
        }
    }

    /// A directory page is rendered into storage sized from its cards (renderCapacity): the
    /// guess covers the page, so that its megabytes are neither grown by doubling nor copied.
    @Test func directoryPagesFitTheStorageGuessedFromTheirCards() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let directories = PageID.all(site, filters: env.index.filterList).filter {
            if case .associations = $0 { return true }
            if case .associationFilter = $0 { return true }
            return false
        }
        #expect(directories.count > 5)
        for id in directories {
            for language in site.config.languages {
                let page = env.renderBytes(id, language)
                let guess = env.renderCapacity(id, language)
                #expect(page.count <= guess, "\(id) in \(language): \(page.count) bytes, guessed \(guess)")
            }
        }
        #expect(env.renderCapacity(.home, "fi") == 16 * 1024)
    }

    @Test func asciiEmailCheckAgreesWithTheCharacterRules() {
        let samples = ["a@b.fi", "etunimi.sukunimi@kunta.fi", "x@y", "@kunta.fi", "a@@b.fi", "a@b..fi", "a@.b.fi", "a@b.fi.",
                       "a b@c.fi", "a@c.fi?bcc=x@y.fi", "a@c.fi&x", "a%40@c.fi", "a@c.fi\n", "a@c.fi\t", "<a@c.fi>", "a@c.f",
                       "a@bc", "a@b.c", "a;b@c.fi", "a:b@c.fi", "a/b@c.fi", "a#b@c.fi", "a=b@c.fi", "\"a\"@c.fi", "a\\b@c.fi",
                       "a@c.fi\u{7F}", "martat+info@kunta.fi", "a@b.fi@c.fi", ""]
        for s in samples {
            #expect(AddressCheck.isASCIIEmail(s) == AddressCheck.isEmailByCharacters(s), "\(s.debugDescription)")
        }
        #expect(AddressCheck.isASCIIEmail("päivi@kunta.fi") == nil)
        #expect(AddressCheck.isEmail("päivi@kunta.fi") == AddressCheck.isEmailByCharacters("päivi@kunta.fi"))
    }

    @Test func asciiWebAddressCheckAgreesWithTheCharacterRules() {
        let samples = ["https://kunta.fi", "HTTPS://Kunta.FI/x", "http://a.b", "http://", "https://localhost", "ftp://a.fi",
                       "https://a.fi/x y", "https://a.fi/\"", "https://a.fi/<", "https://a.fi?q=1", "https://.fi", "https://a.fi#x",
                       "https:/a.fi", "www.kunta.fi", "", "https://a/b.c", "https://a?b.c"]
        for s in samples {
            #expect(AddressCheck.isASCIIWebURL(s) == AddressCheck.isWebURLByCharacters(s), "\(s.debugDescription)")
        }
        #expect(AddressCheck.isASCIIWebURL("https://järvi.fi") == nil)
    }

    @Test func trimmingKeepsCleanTextAndTrimsTheRest() {
        #expect("Martat ry".trimmed == "Martat ry")
        #expect("  Martat ry \t".trimmed == "Martat ry")
        #expect("\nx\n".trimmed == "x")
        #expect(" ".trimmed == "")
        #expect("".trimmed == "")
        #expect(" a\t".trimmingWhitespace() == "a")
        #expect("a b".trimmingWhitespace() == "a b")
        #expect("\u{00A0}a\u{2003}".trimmingWhitespace() == "a")
        #expect(Substring("  x ").trimmingWhitespace() == "x")
    }

    /// The last index of an ASCII byte is the last index of that Character, in short and long
    /// texts, with other characters around it or none there.
    @Test func lastIndexOfByteIsLastIndexOfTheCharacter() {
        let long = "yhdistykset/kylän-martat-ry/" + String(repeating: "ä", count: 20)
        for t in ["", "/", "a/b", "ä/ö/å", "no slash", "/lead", "trail/", long, long + "/index.html", "sv/föreningar/å/index.html"] {
            #expect(t.lastIndex(ofByte: UInt8(ascii: "/")) == t.lastIndex(of: "/"), "\(t)")
        }
    }

    /// `Lines` gives what splitting the bytes at every newline gives, empty lines and the last
    /// one included (a CR stays on its line), for short texts (kept in the string value) and
    /// long ones (found with memchr).
    @Test func linesAreTheLinesThatSplitGives() {
        let long = String(repeating: "Rivi, jossa on ääkkösiä. ", count: 8)
        let texts = ["", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "ä\n\nö\n", long, long + "\n" + long, "\n" + long + "\n\n" + long + "\n",
                     String(repeating: "\n", count: 40), "\r\n" + long + "\r\n"]
        for t in texts {
            let expected = t.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
            #expect(Array(Lines(t)) == expected, "\(t.debugDescription)")
        }
    }

    /// `MarkdownRenderer.plainText` before it read lines lazily and tested markup by ASCII value.
    static func plainTextAsBefore(_ markdown: String, limit: Int = 160) -> String {
        var text = ""
        var count = 0
        for line in markdown.split(separator: "\n") {
            let t = line.trimmingWhitespace()
            if t.isEmpty { if !text.isEmpty { break } else { continue } }
            if t.hasPrefix("#") || t.hasPrefix("-") && text.isEmpty { continue }
            let kept = t.filter { !"*_`#>[]".contains($0) }
            if !text.isEmpty { text += " " }
            text += kept
            count = text.count
            if count > limit { break }
        }
        if count > limit { text = String(text.prefix(limit - 1)) + "…" }
        return text
    }

    @Test(arguments: [
        "", "\n\n", "Yksi rivi.", "# Otsikko\n\nKappale *korostettu* ja __vahva__.\n\nToinen kappale.",
        "- lista\n- toinen\n\nTeksti [linkki](https://example.fi) `koodi` > lainaus",
        "Rivi yksi\nrivi kaksi\n   \nkolmas", "\n\n  \nAlku jälkeen tyhjien\n\n\nloppu",
        String(repeating: "Pitkä lause, jossa on ääkkösiä ja *merkkejä*. ", count: 20),
        "Ensin\n# otsikko keskellä\n- ja lista\nsitten", "e\u{301}*\u{301} yhdistyvä merkki", "\u{00A0}sitova välilyönti\u{00A0}\nja rivi",
        "*äänestys* ja __öljy__ ä_ ö`koodi`ä [ä](x)", "\u{0600}*x ja \u{0600}_", "#\u{FE0F}\u{20E3} näppäin *\u{200D}",
        String(repeating: "Ääkköset *ja* merkit [x] ", count: 12) + "\n" + String(repeating: "ö", count: 200),
        String(repeating: "a", count: 160), String(repeating: "a", count: 161), String(repeating: "ä", count: 159) + "e\u{301}",
        // Counted by scalars (each one Character): cuts inside runs of two-byte letters.
        String(repeating: "ä", count: 200), String(repeating: "x", count: 158) + "éÿ\u{00A0}ĳǿ" + String(repeating: "y", count: 9),
        String(repeating: "ö", count: 18) + "\u{2FF}\u{300}" + String(repeating: "z", count: 170), "a\rb " + String(repeating: "c", count: 170),
    ])
    func plainTextIsTheSameAsBefore(_ markdown: String) {
        #expect(MarkdownRenderer.plainText(markdown) == Self.plainTextAsBefore(markdown))
        #expect(MarkdownRenderer.plainText(markdown, limit: 20) == Self.plainTextAsBefore(markdown, limit: 20))
    }

    /// `ICalendar.plainText` before it stopped reading once the limit was reached.
    static func calendarTextAsBefore(_ markdown: String, limit: Int = 600) -> String {
        var paragraphs: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingWhitespace()
            if line.isEmpty { flush(); continue }
            var isItem = false
            if line.hasPrefix("#") { line = line.drop { $0 == "#" }.trimmingWhitespace() }
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { line = "– " + line.dropFirst(2); isItem = true }
            if line.hasPrefix(">") { line = line.dropFirst().trimmingWhitespace() }
            line = ICalendar.inline(line)
            if current.isEmpty { current = line } else { current += (isItem ? "\n" : " ") + line }
        }
        flush()
        var out = ""
        for p in paragraphs {
            if out.count >= limit { out += "\n\n…"; break }
            out += (out.isEmpty ? "" : "\n\n") + p
        }
        return out
    }

    @Test(arguments: [
        "", "\n", "a\n", "\n\nb\n\n", "# Otsikko\n\nKappale *korostettu* ja [linkki](https://example.fi).\n- kohta\n- toinen\n\n> lainaus",
        (0..<12).map { "Kappale \($0) jossa on sanoja ja ääkkösiä, hieman pidempi rivi tekstiä." }.joined(separator: "\n\n"),
        (0..<40).map { "rivi \($0) samaa kappaletta" }.joined(separator: "\n"),
        String(repeating: "x", count: 30) + "\n\n" + String(repeating: "y", count: 30) + "\n\n\n" + "z",
    ])
    func calendarTextIsTheSameAsBefore(_ markdown: String) {
        for limit in [0, 1, 30, 31, 32, 62, 63, 64, 100, 600] {
            #expect(ICalendar.plainText(markdown, limit: limit) == Self.calendarTextAsBefore(markdown, limit: limit), "limit \(limit)")
        }
    }

    /// The calendar's text escaping and inline-Markdown stripping, on bytes or with their
    /// shortcuts, give what the Character-by-Character code gave.
    @Test func calendarEscapingAndInlineTextAreTheSameAsBefore() {
        func escapeAsBefore(_ s: String) -> String {
            var out = "", lastWasCR = false
            for c in s.unicodeScalars {
                switch c {
                case "\\": out += "\\\\"
                case ";": out += "\\;"
                case ",": out += "\\,"
                case "\r": out += "\\n"
                case "\n": if !lastWasCR { out += "\\n" }
                default: if c.value < 0x20 && c != "\t" || c.value == 0x7F { out += " " } else { out.unicodeScalars.append(c) }
                }
                lastWasCR = c == "\r"
            }
            return out
        }
        func inlineAsBefore(_ s: String) -> String {
            var out = "", rest = Substring(s)
            while let open = rest.firstIndex(of: "[") {
                out += rest[..<open]
                let after = rest[rest.index(after: open)...]
                if let close = after.range(of: "]("), let end = after[close.upperBound...].firstIndex(of: ")") {
                    let text = after[..<close.lowerBound], url = after[close.upperBound..<end]
                    out += text + (url.isEmpty || url == text ? "" : " (\(url))")
                    rest = after[after.index(after: end)...]
                } else {
                    out += "["
                    rest = after
                }
            }
            out += rest
            return out.filter { $0 != "*" && $0 != "`" }.replacingOccurrences(of: "__", with: "")
        }
        let texts = ["", "plain text", "a,b;c\\d\ne\r\nf\r\rg\n\n", "tab\there\u{1}\u{7F}del", "ääkköset, ja €; ok",
                     "*korostus* ja `koodi` ja __vahva__ ja ___kolme", "[linkki](https://example.fi) ja [sama](sama) ja [tyhjä]()",
                     "[ei loppua](https://x", "[ei linkki] (x)", "*\u{301}yhdistyvä* `\u{301}` _\u{301}_", "e\u{301}[a](b)\r\n",
                     "[*a*](b) __[c](d)__", "\u{1F44D}\u{1F3FD}, 👍; \\",
                     // Joined by a neighbour or not, and `__` formed once `*` is gone.
                     "\u{0600}*x ja \u{0600}_ ja \u{0600}__", "__\u{301}_ ja _\u{301}__", "\r*\n", "_*_ ja a__*__b", "`_`_", "____ _____",
                     "ä*ö `ä` _ä_ __ä__", "#\u{FE0F}\u{20E3}* ja *\u{200D}_", "*", "_", "__", "`",
                     "__\u{200D} ja ___\u{301} ja __\r\n ja a__b__c", "__\u{FE0F}_ ja _\u{20E3}__",
                     "__\u{301}", "x__\u{FE0F}", "__\u{20E3} ja", "*__\u{301}"]
        for text in texts {
            #expect(ICalendar.escape(text) == escapeAsBefore(text), "\(text)")
            #expect(ICalendar.inline(text) == inlineAsBefore(text), "\(text)")
        }
    }

    /// HTML escaping that skips sixteen bytes at a time escapes what a byte-by-byte escaper
    /// does, wherever in a block or tail the special character falls, and for every byte value.
    @Test func blockAtATimeEscapingAgreesWithByteByByte() {
        func plain(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = []
            for b in bytes {
                switch b {
                case 0x26: out += Array("&amp;".utf8)
                case 0x3C: out += Array("&lt;".utf8)
                case 0x3E: out += Array("&gt;".utf8)
                case 0x22: out += Array("&quot;".utf8)
                case 0x27: out += Array("&#39;".utf8)
                default: out.append(b)
                }
            }
            return out
        }
        var inputs: [[UInt8]] = [[], Array("plain text with ääkköset".utf8)]
        for special in Array("&<>\"'".utf8) {
            // Blocks of sixteen and the tails after them, with one entity or with a second one
            // in the last byte (which the overlapping last block reads again).
            for length in 1...40 {
                for at in 0..<length {
                    let one = (0..<length).map { $0 == at ? special : UInt8(ascii: "a") + UInt8($0 % 26) }
                    inputs.append(one)
                    inputs.append(one.dropLast() + [UInt8(ascii: "<")])
                }
            }
        }
        inputs.append((0...255).map { UInt8($0) })
        inputs.append((0...255).map { UInt8(255 - $0) } + Array("&<>".utf8))
        for input in inputs {
            var out: [UInt8] = Array("x".utf8)
            input.withUnsafeBufferPointer { HTML.appendEscaped($0, to: &out) }
            #expect(out == Array("x".utf8) + plain(input), "\(input)")
        }
    }

    /// The JSON writer's eight-byte test says "maybe" exactly when one of the bytes is one it
    /// escapes (or the lead byte of U+2028/U+2029), for every byte value at every place.
    @Test func jsonWordTestAgreesWithTheBytes() {
        func word(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } }
        for bytes in sampleBlocks(width: 8) {
            for scriptSafe in [false, true] {
                #expect(JSONWriter.mayNeedEscape(word(bytes), scriptSafe: scriptSafe) == bytes.contains { jsonEscapes($0, scriptSafe) }, "\(bytes) \(scriptSafe)")
            }
        }
    }

    /// The bytes the JSON writer escapes, or looks at for U+2028 and U+2029 (their lead byte).
    func jsonEscapes(_ b: UInt8, _ scriptSafe: Bool) -> Bool {
        b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 || (scriptSafe && (b == 0x3C || b == 0x3E || b == 0x26))
    }

    /// Blocks of `width` bytes for testing a block-at-a-time test against the bytes: every
    /// byte value in every place (the others 'a'), every value filling a block, and 5,000
    /// pseudo-random blocks.
    func sampleBlocks(width: Int) -> [[UInt8]] {
        var blocks: [[UInt8]] = []
        for value in 0...255 {
            for at in 0..<width { blocks.append((0..<width).map { $0 == at ? UInt8(value) : 0x61 }) }
            blocks.append([UInt8](repeating: UInt8(value), count: width))
        }
        var seed: UInt64 = 7
        for _ in 0..<5000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            blocks.append((0..<width).map { UInt8(truncatingIfNeeded: (seed >> UInt64(4 * $0)) &* 37) | ($0 % 3 == 0 ? 0x20 : 0) })
        }
        return blocks
    }

    /// The sixteen-byte tests (VectorBytes) of the JSON writer and the HTML escaper say "maybe"
    /// exactly when one of the bytes is one they act on, for every byte value in every lane.
    @Test func vectorTestsAgreeWithTheBytes() {
        func needsEntity(_ b: UInt8) -> Bool { b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 }
        for bytes in sampleBlocks(width: 16) {
            let v = bytes.withUnsafeBufferPointer { VectorBytes.load($0, at: 0) }
            for scriptSafe in [false, true] {
                #expect(JSONWriter.mayNeedEscape(v, scriptSafe: scriptSafe) == bytes.contains { jsonEscapes($0, scriptSafe) }, "\(bytes) \(scriptSafe)")
            }
            #expect(HTML.mayNeedEntity(v) == bytes.contains(where: needsEntity), "\(bytes)")
        }
        // Whole strings through the writer, read back by Foundation's JSON reader: an escape at
        // every place of texts of 1 to 40 bytes, where blocks of sixteen, words of eight and the
        // byte loop take turns.
        for special in ["\"", "\\", "\n", "<", ">", "&", "\u{1}", "\u{2028}", "–", "ä"] {
            for length in 1...40 {
                for at in 0..<length {
                    let plain = (0..<length).map { Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) }
                    let text = String(plain[..<at]) + special + String(plain[(at + 1)...])
                    for scriptSafe in [false, true] {
                        var w = JSONWriter(pretty: false, scriptSafe: scriptSafe)
                        w.write(.string(text))
                        let decoded = try? JSONSerialization.jsonObject(with: Data(w.bytes), options: [.fragmentsAllowed]) as? String
                        #expect(decoded == text, "\(text.debugDescription) \(scriptSafe)")
                        if scriptSafe { #expect(!w.bytes.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) }
                    }
                }
            }
        }
    }

    /// Routes keeps section and filter paths in arrays by case position.
    @Test func routeTablesFollowTheCaseOrder() throws {
        #expect(Routes.Section.allCases.enumerated().allSatisfy { Routes.ordinal($0.element) == $0.offset })
        #expect(Routes.Filter.allCases.enumerated().allSatisfy { Routes.ordinal($0.element) == $0.offset })
        let routes = Routes(config: try #require(TestSupport.load([:]).site).config)
        #expect(routes.section(.home, "fi") == "" && routes.section(.home, "sv") == "sv/")
        #expect(routes.section(.grants, "sv") == "sv/understod/")
        #expect(routes.filter(.targetGroup, value: "nuoret", "fi") == "yhdistykset/kohderyhma/nuoret/")
        #expect(routes.filter(.volunteers, value: nil, "sv") == "sv/foreningar/kom-med/")
        // A language the site does not have is still answered.
        #expect(routes.section(.news, "en") == "en/news/")
    }

    @Test func folderListingTellsFilesFoldersAndLinksApart() throws {
        let root = TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("b-folder"), withIntermediateDirectories: true)
        try "x".write(to: root.appendingPathComponent("c.md"), atomically: true, encoding: .utf8)
        try "yy".write(to: root.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("d.md"), withDestinationURL: root.appendingPathComponent("a.md"))
        // In directory order: the loader sorts what it keeps.
        let entries = try #require(LocalFiles.list(root.path)).sorted { $0.name < $1.name }
        #expect(entries.map(\.name) == ["a.md", "b-folder", "c.md", "d.md"])
        #expect(entries.map(\.isFolder) == [false, true, false, false])
        #expect(entries.map(\.isLink) == [false, false, false, true])
        #expect(LocalFiles.read(root.appendingPathComponent("a.md").path) == Array("yy".utf8))
        #expect(LocalFiles.read(root.appendingPathComponent("d.md").path) == nil)
        #expect(LocalFiles.read(root.appendingPathComponent("b-folder").path) == nil)
        #expect(LocalFiles.read(root.appendingPathComponent("missing.md").path) == nil)
        #expect(LocalFiles.list(root.appendingPathComponent("missing").path) == nil)
        // Relative to an open folder, with the same rules; a folder that cannot be opened falls
        // back to full paths.
        let folder = LocalFiles.Folder(root.path)
        #expect(LocalFiles.read("a.md", in: folder) == Array("yy".utf8))
        #expect(LocalFiles.read("d.md", in: folder) == nil)
        #expect(LocalFiles.read("b-folder", in: folder) == nil)
        #expect(LocalFiles.read("missing.md", in: folder) == nil)
        try "z".write(to: root.appendingPathComponent("b-folder/e.md"), atomically: true, encoding: .utf8)
        #expect(LocalFiles.read("b-folder/e.md", in: folder) == Array("z".utf8))
        let later = root.appendingPathComponent("later")
        let unopened = LocalFiles.Folder(later.path)  // does not exist yet
        try FileManager.default.createDirectory(at: later, withIntermediateDirectories: true)
        try "w".write(to: later.appendingPathComponent("f.md"), atomically: true, encoding: .utf8)
        #expect(LocalFiles.read("f.md", in: unopened) == Array("w".utf8))
        let parent = LocalFiles.Folder(root.deletingLastPathComponent().path + "/")
        #expect(LocalFiles.read(root.lastPathComponent + "/c.md", in: parent) == Array("x".utf8))
    }

    @Test func frontMatterSplitOnBytesMatchesTheCarefulSplit() {
        let texts = ["---\ntitle: x\n---\nBody\n", "---\n---\n", "---\na: 1\nb: 2\n---   \n\nText", "---\na: ä\n---",
                     "---\na: 1\n--- x\n---\nb\n", "---\na: 1\n"]
        for t in texts {
            var log = DiagnosticLog()
            let fast = FrontMatterFile.splitFast(t, path: "p")
            let careful = FrontMatterFile.splitCarefully(t, path: "p", log: &log)
            #expect(fast?.yaml == careful?.yaml, "\(t.debugDescription)")
            #expect(fast?.body == careful?.body, "\(t.debugDescription)")
            #expect(fast?.bodyLine == careful?.bodyLine, "\(t.debugDescription)")
            // The split on the bytes as read gives the same parts.
            let bytes = FrontMatterFile.splitFast(bytes: Array(t.utf8), path: "p")
            #expect(bytes?.yaml == fast?.yaml && bytes?.body == fast?.body && bytes?.bodyLine == fast?.bodyLine, "\(t.debugDescription)")
        }
    }

    /// Files the byte split must leave to the general path: it normalises a BOM and CRLF, and
    /// reports bytes that are not UTF-8, wherever they are.
    @Test func byteSplitLeavesUnusualFilesToTheGeneralPath() {
        let unusual: [[UInt8]] = [
            Array("\u{FEFF}---\na: 1\n---\nText".utf8),
            Array("---\r\na: 1\r\n---\r\nText".utf8),
            Array("---\na: 1\n---\nText".utf8).replacing([UInt8(ascii: "T")], with: [0xFF]),
            Array("---\na: \u{E4}\n---\nText".utf8).replacing([0xC3, 0xA4], with: [0xC3]),
        ]
        for bytes in unusual { #expect(FrontMatterFile.splitFast(bytes: bytes, path: "p") == nil, "\(bytes)") }

        var log = DiagnosticLog()
        #expect(ContentLoader.parse(unusual[2], display: "x.md", log: &log) == nil)
        #expect(log.items.map(\.message) == ["the file is not UTF-8 text"])
        log = DiagnosticLog()
        let crlf = ContentLoader.parse(unusual[1], display: "x.md", log: &log)
        #expect(crlf?.body.source == "Text" && log.items.isEmpty, "\(log.items)")
    }

    /// `UTF8Check` accepts exactly what `String(validating:)` accepts: every two-byte sequence,
    /// every three-byte one with a lead of E0 to EF, four-byte ones with each second byte and
    /// the edges of the others, each alone and placed at every offset of ASCII text (so that
    /// the eight-byte skip, the tail and a sequence cut off by the end all meet it), and
    /// random mixes of ASCII, letters such as ä, emoji and stray bytes.
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        func agree(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { UTF8Check.isValid($0) } == (String(validating: bytes, as: UTF8.self) != nil)
        }
        var sequences: [[UInt8]] = []
        for a in 0...255 { for b in 0...255 { sequences.append([UInt8(a), UInt8(b)]) } }
        for a in 0xE0...0xEF { for b in 0...255 { for c in [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xFF] { sequences.append([UInt8(a), UInt8(b), UInt8(c)]) } } }
        let edges: [UInt8] = [0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for a in 0xF0...0xFF { for b in 0...255 { for c in edges { for d in edges { sequences.append([UInt8(a), UInt8(b), c, d]) } } } }
        var disagreements = 0
        for q in sequences where !agree(q) { disagreements += 1 }
        #expect(disagreements == 0)
        // Placed at every offset of 0 to 17 ASCII bytes before and after, and cut short.
        let samples: [[UInt8]] = [[0xC3, 0xA4], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x91, 0x8D], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
                                  [0xF4, 0x90, 0x80, 0x80], [0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x91], [0xFF]]
        for sample in samples {
            for before in 0...17 {
                for after in 0...17 {
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: before) + sample + Array(repeating: UInt8(ascii: "b"), count: after)
                    if !agree(bytes) { disagreements += 1 }
                }
            }
        }
        #expect(disagreements == 0)
        // Random texts, from a fixed seed.
        var rng = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [Array("kylä ".utf8), Array("Yhdistys ry, ".utf8), Array("🎉".utf8), Array("€".utf8), [0x80], [0xC3], [0xED, 0xBF, 0xBF], [0xF4, 0x8F, 0xBF, 0xBF]]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 12) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            if !agree(bytes) { disagreements += 1 }
        }
        #expect(disagreements == 0)
    }

    /// The front matter read from the file's bytes gives what the general path (a `String` of
    /// the YAML, then the reader or Yams) gives, or leaves the file to it.
    @Test func frontMatterFromBytesIsWhatTheGeneralPathReads() {
        let files = ["---\nname: Kylän Martat ry\nsectors: [a, b]\n---\nTeksti ä.\n",
                     "---\nname: \"Lainattu: arvo\"\nactivities:\n  - name: Kerho\n    when: maanantaisin\n---\n",
                     "---\n---\n", "---\nname: x\n---", "---\nkey: |\n  lohko\n---\nteksti", "---\nname: &a x\nother: *a\n---\n",
                     "---\nname: 🎉 juhla\n# kommentti ä\n---\n\n# Otsikko\n"]
        for file in files {
            let fast = ContentLoader.parseFast(Array(file.utf8), display: "f.md")
            var log = DiagnosticLog()
            let split = FrontMatterFile.splitFast(bytes: Array(file.utf8), path: "f.md")
            let general = split.flatMap { YAMLReader.parse($0.yaml, file: "f.md", lineOffset: $0.yamlLineOffset, log: &log) }
            if let fast {
                #expect(String(describing: fast.fields) == general.map { String(describing: $0) }, "\(file)")
                #expect(fast.body.source == split?.body && fast.body.line == split?.bodyLine, "\(file)")
            } else {
                #expect(file.contains("|") || file.contains("&"), "only YAML for Yams is left to it: \(file)")
            }
        }
        // Not UTF-8 in the front matter: left to the general path, which reports it.
        let broken = Array("---\nname: x".utf8) + [0xFF] + Array("\n---\n".utf8)
        #expect(ContentLoader.parseFast(broken, display: "f.md") == nil)
    }

    /// A body kept as bytes is blank exactly when its text is all whitespace Characters, and
    /// cmark reads it up to a NUL, as it read the C string of the text.
    @Test func bodyBytesAreReadAsTheTextWas() {
        for t in ["", " ", "\n\n", " \t\r\n\u{0B}\u{0C}", "a", "  a", "\u{A0}", " \u{2028}\n", "\u{A0}x", "\u{1C}", "\r\n", "ä", " \u{3000} "] {
            #expect(MarkdownText(source: t, file: "f", line: 1).isBlank == t.allSatisfy { $0.isWhitespace }, "\(t.debugDescription)")
        }
        let renderer = MarkdownRenderer(basePath: "/")
        for t in ["Teksti ja *korostus*.", "ennen\u{0}jälkeen", "\u{0}", "", "# Otsikko\n\n[linkki](https://example.fi)"] {
            let cString = t.withCString { String(cString: $0) }
            #expect(renderer.htmlBytes(MarkdownText(source: t, file: "f", line: 1)) == Array(renderer.html(cString).utf8), "\(t.debugDescription)")
        }
    }

    /// The byte search used to skip work (line-end and table checks) agrees with the plain
    /// definition, at the edges too.
    @Test func byteSearchAgreesWithPlainSearch() {
        for text in ["", "d", "draf", "draft", "xdraft", "drafdraft", "dr aft", "ääkkösdraftää", "ddddraft", "draftd"] {
            #expect(text.containsByte(UInt8(ascii: "t")) == text.utf8.contains(UInt8(ascii: "t")), "\(text)")
        }
    }

    /// Sorting by the 16-byte integer prefix gives the order of comparing the whole UTF-8 text,
    /// for keys that share long prefixes, are prefixes of each other, are equal, or are not ASCII;
    /// equal keys keep their order.
    @Test func byteOrderSortAgreesWithComparingTheWholeText() {
        var keys = ["", "a", "a-b", "ab", "alapaan-4h-yhdistys-ry", "alapaan-4h-yhdistys-ry-2", "alapaan-4h-yhdistys", "alapaan-4h-yhdistys-rx",
                    "alapaan-4h-yhdistys-ry", "zz", "é", "e\u{301}", "ääkköset", "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaab", "a\u{0}"]
        var seed: UInt64 = 42
        for _ in 0..<300 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 59) + 10
            keys.append(String((0..<length).map { i in "ab-ä"[("ab-ä".index("ab-ä".startIndex, offsetBy: Int((seed >> UInt64(i % 60)) & 3)))] }))
        }
        let items = keys.enumerated().map { (key: $0.element, position: $0.offset) }
        let sorted = items.sortedInByteOrder(by: \.key)
        let expected = items.sorted { a, b in
            a.key.utf8.lexicographicallyPrecedes(b.key.utf8) || (a.key.utf8.elementsEqual(b.key.utf8) && a.position < b.position)
        }
        #expect(sorted.map(\.position) == expected.map(\.position))
    }

    /// UI-string placeholders filled on bytes give what the Character-by-Character fill gave.
    @Test func placeholderFillIsTheSameAsBefore() {
        func fillAsBefore(_ template: String, _ values: [String: String]) -> String {
            var out = "", rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                let after = rest[rest.index(after: open)...]
                if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                    out += value
                    rest = after[after.index(after: close)...]
                } else {
                    out += "{"
                    rest = after
                }
            }
            return out + rest
        }
        let values = ["name": "Märta {name} & co", "n": "3", "": "empty", "ä": "ae"]
        for template in ["", "plain", "{name}", "Hei {name}!", "{n} of {n}", "{missing} {name}", "{", "}", "{{name}}", "{name", "name}",
                         "ääk {ä} ö{}ö", "{n}{n}{", "line\n{name}\n", "€{n}€", "{nam{name}}"] {
            #expect(RenderEnvironment.fill(template, values) == fillAsBefore(template, values), "\(template)")
        }
    }

    /// Batches land in order (a later batch appends to an earlier one's file), and a batch that
    /// fails stops the publish at once, leaves the last site in place and no staging folder.
    @Test func batchesKeepTheirOrderAndAFailedOneStopsThePublish() throws {
        let root = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try Publisher(output: site).publish { write in
            try write([OutputFile(path: "data/x.json", bytes: Array("[1".utf8))])
            for i in 2...40 { try write([OutputFile(path: "data/x.json", body: .appended([Array(",\(i)".utf8)]))]) }
            try write([OutputFile(path: "data/x.json", body: .appended([Array("]".utf8)]))])
        }
        let written = try String(contentsOf: site.appendingPathComponent("data/x.json"), encoding: .utf8)
        #expect(written == "[" + (1...40).map(String.init).joined(separator: ",") + "]")

        var later = false
        #expect(throws: Publisher.Failure.self) {
            try Publisher(output: site).publish { write in
                try write([OutputFile(path: "a", bytes: [1])])
                try write([OutputFile(path: "a/b", bytes: [2])])  // "a" is a file: cannot be a folder
                try write([OutputFile(path: "c", bytes: [3])])
                try write([OutputFile(path: "d", bytes: [4])])
                later = true
            }
        }
        #expect(!later, "the failure stops the build at the batch that failed")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("data/x.json").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["site"])
    }

    /// A batch's folders are made by the jobs that write their files, side by side: nested
    /// folders listed before their parents, folders that several jobs need, and files that
    /// share a folder all land, each file whole, in a folder of the same name.
    @Test func foldersMadeSideBySideHoldEveryFileOfTheBatch() throws {
        let root = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        var files: [OutputFile] = []
        for i in 0..<300 {
            files.append(OutputFile(path: "sv/foreningar/yhdistys-\(i)/sivu/index.html", bytes: Array("sivu \(i)".utf8)))
            files.append(OutputFile(path: "sv/foreningar/yhdistys-\(i)/index.html", bytes: Array("yhdistys \(i)".utf8)))
            files.append(OutputFile(path: "data/tiedosto-\(i).txt", bytes: Array("data \(i)".utf8)))
        }
        files.append(OutputFile(path: "index.html", bytes: Array("etusivu".utf8)))
        try Publisher(output: site).publish(files)
        for f in files {
            guard case let .bytes(expected) = f.body else { continue }
            let written = try [UInt8](Data(contentsOf: site.appendingPathComponent(f.path)))
            #expect(written == expected, "\(f.path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("sv/foreningar").path).count == 300)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("data").path).count == 300)
    }

    /// A file in many chunks (more than one `writev` takes, empty ones among them), created
    /// and then appended to, holds every byte in order.
    @Test func chunkedFilesAreWrittenWholeAndInOrder() throws {
        let root = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first: [[UInt8]] = (0..<2500).map { i in i % 7 == 0 ? [] : Array("osa \(i);".utf8) }
        let more: [[UInt8]] = (0..<1500).map { i in Array(repeating: UInt8(65 + i % 26), count: i % 300) }
        let folder = try SiteFolder(root.path)
        try folder.writeFile("vienti.json", first)
        try folder.writeFile("vienti.json", more, appending: true)
        try folder.writeFile("tyhja", [])
        #expect(try [UInt8](Data(contentsOf: root.appendingPathComponent("vienti.json"))) == Array((first + more).joined()))
        #expect(try Data(contentsOf: root.appendingPathComponent("tyhja")).isEmpty)
    }

    /// A file written again without appending holds only the new bytes (the staging folder is
    /// new on every build, but the writer must not depend on it).
    @Test func fileWrittenAgainIsReplacedNotExtended() throws {
        let root = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = try SiteFolder(root.path)
        try folder.writeFile("sivu.html", [Array("pitkä vanha sisältö".utf8)])
        try folder.writeFile("sivu.html", [Array("uusi".utf8)])
        #expect(try String(contentsOf: root.appendingPathComponent("sivu.html"), encoding: .utf8) == "uusi")
    }

    /// The writer makes files relative to the staging folder, where an absolute path or a `..`
    /// part would leave it: such a path is refused, and nothing is written outside.
    @Test func outputPathsThatWouldLeaveTheSiteAreRefused() throws {
        for path in ["yhdistykset/seura/index.html", "a", "a/.../b", ".well-known/x", "kuva..png"] {
            #expect(SiteFolder.staysInside(path), "\(path)")
        }
        for path in ["", "/etc/passwd", "../ulos.html", "yhdistykset/../../ulos", "a/./b", "a//b", "a/", ".", ".."] {
            #expect(!SiteFolder.staysInside(path), "\(path)")
        }
        let parent = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: parent) }
        let site = parent.appendingPathComponent("site")
        let outside = parent.appendingPathComponent("ulos.html")
        for path in ["../ulos.html", outside.path] {
            #expect(throws: Publisher.Failure.self) {
                try Publisher(output: site).publish([OutputFile(path: "index.html", text: "ok"), OutputFile(path: path, text: "ulos")])
            }
            #expect(!FileManager.default.fileExists(atPath: outside.path))
            #expect(!FileManager.default.fileExists(atPath: site.path), "nothing published")
        }
    }

    /// Export blocks that append to a file join the file before them, once per path.
    @Test func appendedPiecesJoinTheirFile() {
        var all: [OutputFile] = []
        OutputFile.collect([OutputFile(path: "a", bytes: [1]), OutputFile(path: "b", body: .chunks([[2]]))], into: &all)
        OutputFile.collect([OutputFile(path: "a", body: .appended([[3], [4]])), OutputFile(path: "b", body: .appended([[5]]))], into: &all)
        #expect(all.map(\.path) == ["a", "b"])
        #expect(all.map(\.bytes) == [[1, 3, 4], [2, 5]])
    }

    /// The scalar fast path of `Collation.key` (names below U+0300) gives the keys the
    /// character-by-character path gives: decomposed "a\u{308}" takes the slow path and must
    /// sort with precomposed "ä", and Finnish names sort … Z Å Ä Ö, "Zeta" before "Åbo".
    @Test func collationKeysAreTheSameOnBothPaths() {
        #expect(Collation.key("Äänekoski") == Collation.key("A\u{308}a\u{308}nekoski"))
        #expect(Collation.key("Åbo Öljy") == "{bo }ljy")
        #expect(Collation.key("Café Über") == "cafe yber")
        let names = ["Öljy", "Zeta", "Äänekoski", "Ålands", "Aapo", "Ärrä", "Øst", "Æble"]
        #expect(names.sorted { CollationKey($0) < CollationKey($1) } == ["Aapo", "Zeta", "Ålands", "Æble", "Ärrä", "Äänekoski", "Öljy", "Øst"])
    }

    /// `Collation.key` and `Collation.initial` read most names byte by byte or scalar by
    /// scalar; whatever the name, they give what the whole-character versions give. The names
    /// reach every edge: a mark after an ASCII letter, a lowercase above U+0300 (İ), scalars above
    /// it whose lowercase is below (the Kelvin and Ångström signs), ß, digits, punctuation first.
    @Test func collationFastPathsAgreeWithTheCharacterPaths() {
        let names = ["Aapo", "alapään 4H-yhdistys ry", "ÄÄNEKOSKEN Seura", "A\u{308}a\u{308}nekoski", "A\u{308}",
                     "e\u{301}lan", "İstanbul-seura", "\u{212A}elvin", "\u{212B}bo", "Straße", "ǅemal", "Øst", "Æble",
                     "1. Kerho", "9", "'Lainaus' ry", "  Välilyönti", "«Kulma»", "\u{201C}Lainattu\u{201D}", "", "#!?", "🎉 Juhla",
                     "x\u{300}", "Zeta", "Über", "Élan", "Èva", "ü", "ö", "r\r\nx", "Q\u{20DD}",
                     "Pääskyn Seura", "Kärkölän", "Öljy", "öljy", "Åbo", "åland", "Ääni", "ä", "Ä\u{308}x", "Pä\u{301}",
                     "P\u{E4}\u{308}", "Éa", "èa", "Üb", "üb", "Ñandú", "Ça", "ßa", "1ä", "Ö\u{20DD}", "Åa\u{300}"]
        for name in names {
            #expect(Collation.key(name) == Collation.keyByCharacters(name), "key of \(name.debugDescription)")
            #expect(Collation.initial(name) == Collation.initialByCharacters(name), "initial of \(name.debugDescription)")
        }
    }

    /// `concat` joins exactly as `+` does, whatever the parts: empty, short enough to be kept
    /// inline (15 bytes or fewer), long, non-ASCII, substrings made into strings.
    @Test func concatenationIsPlusInOneAllocation() {
        let parts = ["", "/", "yhdistykset/", "Ääneskosken Martat ry – ", "https://www.example.fi/yhdistystoiminta/", "å", String("xslugx".dropFirst().dropLast())]
        for a in parts {
            for b in parts {
                #expect(concat(a, b) == a + b)
                for c in parts {
                    #expect(concat(a, b, c) == a + b + c)
                    #expect(concat(a, b, c, a) == a + b + c + a)
                    #expect(concat(a, b, c, a, b) == a + b + c + a + b)
                }
            }
        }
    }

    /// `join`, which allocates once, gives what `joined(separator:)` gives: no parts, one,
    /// several, empty parts and separators, inline and allocated strings, non-ASCII text.
    @Test func joinGivesWhatJoinedGives() {
        let parts = ["", "lapset", "Ääneskosken Martat ry", "https://www.example.fi/yhdistystoiminta/", "å"]
        for separator in ["", " ", ", ", "; ", " – "] {
            #expect(join([], separator: separator) == "")
            for a in parts {
                #expect(join([a], separator: separator) == a)
                for b in parts {
                    #expect(join([a, b], separator: separator) == [a, b].joined(separator: separator))
                    for c in parts {
                        #expect(join([a, b, c, a], separator: separator) == [a, b, c, a].joined(separator: separator))
                    }
                }
            }
        }
    }

    /// `withVersion` lends the very version `version` copies: the default language's, a
    /// translation's, and the default's again for a language without a file (the demo has all).
    @Test func versionsLentInPlaceAreTheVersionsCopied() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        #expect(site.associations.contains { !$0.translations.isEmpty } && site.associations.contains { $0.translations.isEmpty })
        for item in site.associations {
            for language in site.config.languages + ["xx"] {
                let copied = item.version(language)
                let lent = item.withVersion(language) { a in [a.name, a.summary, a.body.source, a.sectors.joined(separator: ","), a.area ?? "-"] }
                #expect(lent == [copied.name, copied.summary, copied.body.source, copied.sectors.joined(separator: ","), copied.area ?? "-"],
                        "\(item.slug) in \(language)")
            }
        }
    }

    /// `mailto:` and `tel:` are recognised in any case, as lowercasing the whole value did.
    @Test func schemePrefixesIgnoreCaseAsLowercasingDid() {
        let samples = ["mailto:a@b.fi", "MAILTO:a@b.fi", "MailTo:x", "mailto", "mailto:", "mail:to", "mäilto:x", "İmailto:", "tel:040", "TEL:+358", "te:l", "", "t", "Tel:"]
        for s in samples {
            #expect(s.hasASCIIPrefixIgnoringCase("mailto:") == s.lowercased().hasPrefix("mailto:"), "\(s)")
            #expect(s.hasASCIIPrefixIgnoringCase("tel:") == s.lowercased().hasPrefix("tel:"), "\(s)")
        }
    }

    /// The per-language tables (`LanguageMap`) answer as the dictionaries they replace: set,
    /// overwritten, removed and missing languages, codes that share a prefix.
    @Test func languageMapAnswersAsADictionary() {
        var map: LanguageMap<Int> = ["fi": 1, "sv": 2]
        var dictionary: [String: Int] = ["fi": 1, "sv": 2]
        let steps: [(String, Int?)] = [("en", 3), ("fi", 10), ("sv", nil), ("se", 4), ("sv", 5), ("s", 6), ("en", nil), ("xx", nil)]
        for (language, value) in steps {
            map[language] = value
            dictionary[language] = value
            for code in ["fi", "sv", "en", "se", "s", "xx", "", "fin"] { #expect(map[code] == dictionary[code], "\(code) after \(language)") }
        }
    }

    /// Cards and association pages copy their sector, target group, language and facility
    /// links from a table made once per language (Vocabulary); each entry is what the builders
    /// make on demand, in every language, translations included (the demo has them all).
    @Test func vocabularyEntriesAreWhatTheBuildersMake() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        for language in site.config.languages {
            let v = try #require(env.vocabularies[language])
            let used = site.associations.flatMap { [$0.primary] + $0.translations.values }
            // Every id some version uses has its entry (gathered once for all languages).
            #expect(Set(v.sectorLinks.map(\.key)) == Set(used.flatMap(\.sectors)))
            #expect(Set(v.targetGroupLinks.map(\.key)) == Set(used.flatMap(\.targetGroups)))
            #expect(Set(v.targetGroupLabels.map(\.key)) == Set(used.flatMap { $0.activities.flatMap(\.audience) }))
            #expect(Set(v.languageNames.map(\.key)) == Set(used.flatMap(\.languages)))
            #expect(Set(v.socialNames.map(\.key)) == Set(used.flatMap { $0.social.map(\.name) }))
            #expect(!v.sectorLinks.isEmpty && !v.targetGroupLinks.isEmpty && !v.languageNames.isEmpty && !v.facilityPlaces.isEmpty)
            for (id, link) in v.sectorLinks { #expect(link.description == env.sectorLink(id, language).description) }
            for (id, link) in v.targetGroupLinks { #expect(link.description == env.targetGroupLink(id, language).description) }
            for (id, label) in v.targetGroupLabels { #expect(label == env.targetGroupLabel(id, language)) }
            for (code, name) in v.languageNames { #expect(name.description == env.languageName(code, language).description) }
            #expect(v.facilityLocations.count == site.facilities.count)
            for f in site.facilities {
                // The JSON-LD Place written once per language is the one a page would write.
                let written = StructuredData.location(f, language, url: env.routes.absolute(env.routes.item(.facilities, f.slug, language)))
                #expect(v.facilityLocations[f.slug] == written)
                let place = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: String])
                #expect(place == ["@type": "Place", "name": f.field(language, \.name), "address": f.field(language, \.address),
                                  "url": env.routes.absolute(env.routes.item(.facilities, f.slug, language))])
            }
            for (slug, place) in v.facilityPlaces {
                let made = env.facilityPlace(slug, language)
                #expect(place["name"] as? String == made["name"] as? String && place["href"] as? String == made["href"] as? String)
            }
            for (name, shown) in v.socialNames { #expect(shown == RenderEnvironment.socialName(name)) }
        }
    }

    /// Breadcrumb trails of pages in one section and the "not translated" notice are made once
    /// per language (RenderEnvironment.sectionTrails, fallbackNotices); each is what the
    /// builders make for a single page, and a trail through two sections is made on demand.
    @Test func sectionTrailsAndFallbackNoticesAreWhatTheBuildersMake() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        func links(_ trail: [TemplateObject]) -> [[String]] { trail.map { [$0["label"] as? String ?? "", $0["href"] as? String ?? ""] } }
        for language in site.config.languages {
            #expect(env.fallbackNotices[language] == env.fallbackNotice(language))
            #expect(env.trail([], language).isEmpty)
            for section in Routes.Section.allCases {
                #expect(links(env.trail([section], language)) == links(env.makeTrail([section], language)), "\(section) in \(language)")
            }
            let home = env.href(env.routes.section(.home, language)), associations = env.href(env.routes.section(.associations, language))
            #expect(links(env.trail([.associations], language)) == [[env.t("home", language), home], [env.t("associations", language), associations]])
            #expect(links(env.trail([.associations, .facilities], language)).map(\.[1])
                    == [home, associations, env.href(env.routes.section(.facilities, language))])
        }
    }

    /// The change e-mail link is built from pieces encoded once per language around the
    /// association's name; it is the subject filled in and then percent-encoded, whatever the
    /// name holds and however often the subject names it.
    @Test func changeMailLinksAreTheSubjectFilledInAndEncoded() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        var env = RenderEnvironment(site: site, theme: try #require(theme))
        let body = Array("&body=x%3A%20y".utf8)
        func expected(_ item: Localized<Association>, _ language: String) -> [UInt8] {
            var out = Array("mailto:\(site.config.contactEmail)?subject=".utf8)
            URLEncoding.append(env.t("changeMailSubject", language, ["name": item.primary.name]), to: &out)
            return out + body
        }
        let a = try #require(site.associations.first)
        var names = site.associations.map(\.primary.name) + ["{name} & {other} ä/ö?=#", "", "100 % – \u{1F44D}"]
        names.append(String(repeating: "Kylä ", count: 40))
        for language in site.config.languages {
            for name in names {
                var primary = a.primary
                primary.name = name
                let item = Localized(slug: a.slug, sourcePath: a.sourcePath, primary: primary, translations: [:], translated: [],
                                     defaultLanguage: a.defaultLanguage)
                #expect(env.changeMailHref(item, language, body: body) == expected(item, language), "\(name) in \(language)")
            }
        }
        // A subject that names the association twice, or not at all.
        for subject in ["{name}: muutos ({name})", "Muutos", "{name}", "{nimi} {name}{name}"] {
            env.uiStrings["fi"] = TemplateTable(env.strings["fi", default: [:]].merging(["changeMailSubject": subject]) { $1 })
            env.changeMailPieces["fi"] = env.makeChangeMailPieces("fi")
            #expect(env.changeMailHref(a, "fi", body: body) == expected(a, "fi"), "\(subject)")
        }
    }

    /// A site build renders each directory card in the job of its association's pages (from the
    /// card context those pages start with); the cards are the ones rendered on their own, in
    /// every language, fallbacks included, and the pages are the same either way.
    @Test func cardsRenderedWithTheirPagesAreTheCardsRenderedAlone() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let export = MarkdownRenderer(basePath: site.config.baseURL)
        #expect(site.associations.contains { $0.isFallback("sv") } && site.associations.contains { !$0.isFallback("sv") })
        for (i, item) in site.associations.enumerated() {
            let withCards = env.renderAssociation(item, export: export, cards: true)
            let alone = env.renderAssociation(item, export: export)
            #expect(withCards.pages == alone.pages && alone.cards.isEmpty)
            for (l, language) in site.config.languages.enumerated() {
                #expect(withCards.cards[l] == env.cardHTML[language]?[i], "\(item.slug) in \(language)")
                #expect(!withCards.cards[l].isEmpty)
            }
        }
    }

    /// An association page's JSON-LD is written as it is made (StructuredData.association); it
    /// is byte for byte the `JSONValue` that `StructuredData.object` builds, written. The demo's
    /// associations between them have every optional field.
    @Test func associationJSONLDWrittenAsMadeIsTheValueWritten() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let all = site.associations.map(\.primary)
        #expect(all.contains { $0.registerNumber != nil } && all.contains { $0.logo != nil } && all.contains { !$0.meetsAt.isEmpty })
        #expect(all.contains { !$0.social.isEmpty } && all.contains { $0.website == nil } && all.contains { $0.area != nil })
        for item in site.associations {
            for language in site.config.languages {
                let value = try #require(StructuredData.object(for: .association(item.slug), language: language, title: "", description: "", env: env))
                var w = JSONWriter(pretty: false, scriptSafe: true)
                w.write(value)
                #expect(StructuredData.association(item, language: language, env: env) == w.bytes, "\(item.slug) \(language)")
            }
        }
    }

    /// The JSON-LD of an association's page in a language that shows the default language's
    /// text is the default language's, reused but for the page's address and the facilities it
    /// meets in (named in the page's language): the same bytes as written from scratch, in
    /// either order of the languages. The demo has such associations that meet in facilities
    /// whose Swedish names differ from the Finnish ones.
    @Test func associationJSONLDReusedAcrossLanguagesIsTheJSONLDWritten() throws {
        let content = TestSupport.repository.appendingPathComponent("content")
        let site = try #require(ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load().site)
        let (theme, _) = Theme.load(themesDirectory: TestSupport.themes, name: "default")
        let env = RenderEnvironment(site: site, theme: try #require(theme))
        let routes = env.routes
        let shown = site.associations.filter { $0.isFallback("sv") }
        let meeting = shown.filter { !$0.primary.meetsAt.isEmpty }
        #expect(!meeting.isEmpty)
        #expect(meeting.contains { item in
            item.primary.meetsAt.contains { slug in
                site.facilities.first { $0.slug == slug }.map { $0.field("fi", \.name) != $0.field("sv", \.name) } ?? false
            }
        })
        for item in shown {
            for (from, to) in [("fi", "sv"), ("sv", "fi")] {
                let made = StructuredData.associationLD(item, language: from, env: env)
                let url = routes.absolute(routes.item(.associations, item.slug, to))
                let reused = StructuredData.association(item, language: to, env: env, url: url, reusing: made)
                #expect(reused == StructuredData.association(item, language: to, env: env), "\(item.slug) \(from) → \(to)")
                #expect(made.bytes != reused, "\(item.slug): the address differs")
            }
        }
    }

    /// The streaming writer's containers, pretty or not, at any depth, empty or not, are what
    /// `write` gives for the same value.
    @Test func jsonWrittenAsMadeIsTheValueWritten() {
        let value = JSONValue.object([("a", .string("x\"y")), ("empty", .object([])), ("list", .array([.string("1"), .string("<2>")])),
                                      ("none", .array([])), ("nested", .object([("k", .string("v")), ("deeper", .array([.object([("z", .string(""))])]))]))])
        for pretty in [false, true] {
            for depth in [0, 2] {
                var a = JSONWriter(pretty: pretty, scriptSafe: true)
                a.write(value, depth: depth)
                var b = JSONWriter(pretty: pretty, scriptSafe: true)
                b.openContainer()
                b.member("a", "x\"y", base: depth)
                b.key("empty", base: depth); b.openContainer(); b.closeContainer(base: depth)
                b.key("list", base: depth); b.openContainer(array: true); b.item("1", base: depth); b.item("<2>", base: depth)
                b.closeContainer(array: true, base: depth)
                b.key("none", base: depth); b.openContainer(array: true); b.closeContainer(array: true, base: depth)
                b.key("nested", base: depth); b.openContainer()
                b.member("k", "v", base: depth)
                b.key("deeper", base: depth); b.openContainer(array: true)
                b.nextItem(base: depth); b.openContainer(); b.member("z", "", base: depth); b.closeContainer(base: depth)
                b.closeContainer(array: true, base: depth)
                b.closeContainer(base: depth)
                b.closeContainer(base: depth)
                #expect(a.bytes == b.bytes, "pretty \(pretty), depth \(depth): \(String(decoding: b.bytes, as: UTF8.self))")
            }
        }
    }

    /// A constant key is written with its quotes and colon in one piece, from the literal's bytes:
    /// one character (non-ASCII too), sixteen bytes (copied in two words) and more (copied
    /// whole), compact or pretty.
    @Test func constantKeysAreWrittenWholeWhateverTheirLength() {
        for pretty in [false, true] {
            var w = JSONWriter(pretty: pretty)
            w.openContainer()
            w.key("ä"); w.value("1")
            w.key("a"); w.value("2")
            w.key("exactly_sixteen_"); w.value("3")
            w.key("volunteers_wanted_and_more"); w.value("4")
            w.closeContainer()
            let text = String(decoding: w.bytes, as: UTF8.self)
            let expected = pretty ? "{\n  \"ä\": \"1\",\n  \"a\": \"2\",\n  \"exactly_sixteen_\": \"3\",\n  \"volunteers_wanted_and_more\": \"4\"\n}"
                : #"{"ä":"1","a":"2","exactly_sixteen_":"3","volunteers_wanted_and_more":"4"}"#
            #expect(text == expected)
        }
    }

    /// Atom feed escaping on bytes gives what escaping Unicode scalar by scalar gave: the five
    /// escapes, tabs and newlines kept, other controls and U+FFFE/U+FFFF dropped, the rest
    /// (U+FFFD, whose bytes start the same way, and everything beyond ASCII) kept.
    @Test func feedEscapingOnBytesIsTheSameAsBefore() {
        func escapeAsBefore(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\t", "\n", "\r": out.unicodeScalars.append(c)
                default:
                    if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { continue }
                    out.unicodeScalars.append(c)
                }
            }
            return out
        }
        let texts = ["", "plain https://example.fi/a/", "<p class=\"x\">Tom &amp; Jerry's</p>", "a\u{0}b\u{1F}c\td\ne\rf\u{7F}",
                     "\u{FFFE}x\u{FFFF}y\u{FFFD}z\u{FEFF}", "äöå € 🎉 \u{2028}", "&&<<>>\"\"", "\u{EF}\u{BF}", "end\u{FFFF}"]
        for t in texts { #expect(AtomFeed.escape(t) == escapeAsBefore(t), "\(t.debugDescription)") }
        // Each such character at every place of a text long enough for the sixteen-byte scan,
        // in its first block, its second and the tail after them.
        for special in ["&", "<", ">", "\"", "\u{1}", "\n", "\u{FFFF}", "\u{FFFD}", "ä"] {
            for at in 0...40 {
                let t = String(repeating: "a", count: at) + special + String(repeating: "b", count: 40 - at)
                #expect(AtomFeed.escape(t) == escapeAsBefore(t), "\(t.debugDescription)")
            }
        }
    }

    /// `HTML.escape` turns each of `& < > " '` into its entity wherever it is in a text shorter
    /// or longer than the sixteen bytes its check reads at a time, and gives other text as it is.
    @Test func htmlEscapingFindsEverySpecialCharacter() {
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for (special, entity) in entities {
            for at in 0...40 {
                let before = String(repeating: "ä", count: at / 2) + String(repeating: "a", count: at % 2)
                let after = String(repeating: "b", count: 40 - at)
                #expect(HTML.escape(before + String(special) + after) == before + entity + after, "\(special) at \(at)")
            }
        }
        for plain in ["", "Kylän Martat ry", String(repeating: "Yhdistys ry, ", count: 5)] { #expect(HTML.escape(plain) == plain) }
    }

    /// The vocabulary's `StringMap` finds every key it was given, of any length, after growing,
    /// and no other: keys that differ in one byte or only in length are told apart.
    @Test func stringMapFindsExactlyTheKeysItHolds() {
        var map = StringMap<Int>()
        var keys = (0..<300).map { "id-\($0)" } + ["", "a", "ä", "abcdefgh", "abcdefgh1", "abcdefghi", "Åland-östra-yhteinen-ry"]
        keys += (0...24).map { String(repeating: "x", count: $0) }
        keys = Array(Set(keys)).sorted()
        for (i, key) in keys.enumerated() { map[key] = i }
        #expect(map.count == keys.count)
        for (i, key) in keys.enumerated() { #expect(map[key] == i, "\(key)") }
        for missing in ["id-300", "abcdefgh2", "abcdefg", "x" + String(repeating: "x", count: 25), "Aland"] { #expect(map[missing] == nil, "\(missing)") }
        map["a"] = -1
        map["b-not-there"] = nil
        #expect(map["a"] == -1 && map["b-not-there"] == nil && map.count == keys.count)
        #expect(map.map(\.key) == keys, "iterated in the order first set")
    }


    /// `StringGroups` keeps each key's indices in the order added and its keys in the order
    /// first met; `StringSet` holds each string once, in the order first added.
    @Test func stringGroupsAndSetsKeepOrderAndHoldEachKeyOnce() {
        var groups = StringGroups()
        let adds: [(Int, String)] = [(0, "luonto"), (1, "kulttuuri"), (2, "luonto"), (3, ""), (4, "kulttuuri"), (5, "luonto"), (5, "luonto")]
        for (i, key) in adds { groups.add(i, to: key) }
        #expect(groups.keys == ["luonto", "kulttuuri", ""])
        #expect(groups["luonto"] == [0, 2, 5, 5] && groups["kulttuuri"] == [1, 4] && groups[""] == [3])
        #expect(groups["liikunta"] == nil)

        var set = StringSet()
        for s in ["fi", "sv", "fi", "en", "sv", "Åland-östra"] { set.insert(s) }
        #expect(Array(set) == ["fi", "sv", "en", "Åland-östra"] && set.count == 4)
        #expect(set.contains("en") && !set.contains("se"))
    }

    /// A folder of a thousand files or more is looked at on all cores: the items and the
    /// findings about bad file names are the same as on one thread, in the same order.
    @Test func bigFolderListsTheSameItemsAndFindingsOnAllCoresAsOnOne() {
        var files: [String: String] = [:]
        for i in 0..<1_100 { files["associations/yhdistys-\(i).md"] = TestSupport.association(["name": "Yhdistys \(i) ry"]) }
        files["associations/yhdistys-7.sv.md"] = "---\nname: Förening 7 rf\n---\nBeskrivning.\n"
        files["associations/muistiinpanot.txt"] = "ei sisältöä"
        func load(_ files: [String: String], serial: Bool) -> ContentLoader.Result {
            let content = TestSupport.writeContent(files)
            return Parallelism.$serial.withValue(serial) { ContentLoader(directory: content, displayRoot: "content", today: TestSupport.today).load() }
        }
        // Warnings only: the site is made, from the same items.
        var one = load(files, serial: true), all = load(files, serial: false)
        #expect(one.site?.associations.count == 1_100)
        #expect(all.site?.associations.map(\.slug) == one.site?.associations.map(\.slug))
        #expect(all.site?.associations.first { $0.slug == "yhdistys-7" }?.translations.keys.sorted() == ["sv"])
        #expect(all.diagnostics == one.diagnostics && all.diagnostics.contains { $0.file == "content/associations/muistiinpanot.txt" })
        // Errors in file names: the same findings.
        files["associations/Iso-Kirjain.md"] = TestSupport.association()
        files["associations/liian.monta.pistetta.md"] = TestSupport.association()
        files["associations/toimiala.md"] = TestSupport.association()
        files["associations/orpo.sv.md"] = "---\nname: Föräldralös\n---\n"
        (one, all) = (load(files, serial: true), load(files, serial: false))
        #expect(all.diagnostics == one.diagnostics)
        for name in ["Iso-Kirjain.md", "liian.monta.pistetta.md", "toimiala.md", "orpo.sv.md"] {
            #expect(all.diagnostics.contains { $0.file == "content/associations/\(name)" && $0.severity == .error }, "\(name)")
        }
    }

    /// A reference is found among the slugs by halving their byte-ordered list: every slug of
    /// the list is found, and nothing else (a prefix, a longer slug, one between two).
    @Test func sortedSlugsFindExactlyTheirSlugs() {
        let slugs = ["a", "a-1", "a1", "kyla", "kyla-seura", "kylaseura", "martat", "z"].sortedInByteOrder(by: { $0 })
        let list = SortedSlugs(sorted: slugs)
        for s in slugs { #expect(list.contains(s), "\(s)") }
        for s in ["", "0", "a-", "a-2", "kyl", "kyla-", "kylaseurat", "m", "zz"] { #expect(!list.contains(s), "\(s)") }
        #expect(!SortedSlugs(sorted: []).contains("a"))
    }
}

/// A small seeded generator (SplitMix64), so that random test inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
