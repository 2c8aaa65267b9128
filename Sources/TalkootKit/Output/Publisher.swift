import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site atomically: everything goes into a temporary folder beside the output,
/// which then replaces the output in two renames. Whatever fails, `site/` is the last good build.
public struct Publisher: Sendable {
    public var output: URL

    /// A symlinked output folder (site -> /var/www/...) is replaced at its target, so the link keeps working.
    public init(output: URL) { self.output = output.resolvingSymlinksInPath() }

    public enum Failure: Error, CustomStringConvertible {
        case io(String)
        public var description: String { if case let .io(s) = self { return s }; return "" }
    }

    public func publish(_ files: [OutputFile]) throws(Failure) {
        try publish { write in try write(files) }
    }

    /// Publishes what `produce` writes: it gets a function that writes a batch of files into
    /// the staging folder, and may call it many times (the build streams pages in batches, so
    /// the whole site never sits in memory). Then the staging folder replaces the output.
    /// Each batch is written on the thread that hands it over, before `write` returns: the
    /// build hands batches over from the threads that render (`OrderedStream`), so one core
    /// writes while the other renders, and a failure stops the build at once.
    public func publish(_ produce: (_ write: ([OutputFile]) throws -> Void) throws -> Void) throws(Failure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            let root = staging.path
            try produce { files in try Publisher.write(files, into: root) }
        } catch {
            try? fm.removeItem(at: staging)
            throw .io("could not write the site into \(staging.path): \(error)")
        }
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: output.path, isDirectory: &isDir)
        if exists && !isDir.boolValue {
            try? fm.removeItem(at: staging)
            throw .io("\(output.path) exists and is not a folder")
        }
        do {
            if exists { try fm.moveItem(at: output, to: old) }
            try fm.moveItem(at: staging, to: output)
        } catch {
            if exists && !fm.fileExists(atPath: output.path) { try? fm.moveItem(at: old, to: output) }
            try? fm.removeItem(at: staging)
            throw .io("could not replace \(output.path): \(error.localizedDescription)")
        }
        Publisher.removeTree(old)
    }

    /// The files in order, each folder made (with its parents) before the first file in it:
    /// a batch's files come folder by folder (an association's page in each language).
    static func write(_ files: [OutputFile], into rootPath: String) throws {
        var folderMade: Substring?
        for f in files {
            if let slash = f.path.lastIndex(ofByte: UInt8(ascii: "/")) {
                let folder = f.path[..<slash]
                if folder != folderMade {
                    try makeDirectory(concat(rootPath, "/", String(folder)))
                    folderMade = folder
                }
            }
            let path = concat(rootPath, "/", f.path)
            do {
                switch f.body {
                case let .bytes(b): try writeFile(path, [b])
                case let .chunks(c): try writeFile(path, c)
                case let .appended(c): try writeFile(path, c, appending: true)
                case let .copy(src): try FileManager.default.copyItem(atPath: src.path, toPath: path)
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.io("\(f.path): \(error.localizedDescription)")
            }
        }
    }

    /// `mkdir -p` with plain POSIX calls: most folders of a site are new and their parent exists,
    /// so the first `mkdir` usually does it (FileManager stats every component first).
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw Failure.io("\(path): \(String(cString: strerror(errno)))")
        }
        try makeDirectory(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure.io("\(path): \(String(cString: strerror(errno)))") }
    }

    /// Removes a replaced site: its top-level folders on all cores (the per-language trees
    /// hold tens of thousands of pages each).
    static func removeTree(_ url: URL) {
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).map { url.appendingPathComponent($0) }
        _ = entries.parallelMap(minimumCount: 2) { try? FileManager.default.removeItem(at: $0) }
        try? fm.removeItem(at: url)
    }

    /// Plain POSIX write: Foundation's `Data.write` fsyncs every file, which made writing
    /// 20,000 pages take seconds. Durability is not needed here: the swap makes the build
    /// visible at once, and a crash before it leaves the last good site in place.
    /// Chunks go out with `writev`, up to `IOV_MAX` at a time: the exports are a chunk per
    /// association and a separator between them, which one `write` each made 30,000 calls
    /// into the kernel on 10,000 associations.
    static func writeFile(_ path: String, _ chunks: [[UInt8]], appending: Bool = false) throws {
        let fd = appending ? open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644) : creat(path, 0o644)
        guard fd >= 0 else { throw Failure.io("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        // The chunks stay alive (and their storage put) for the call: `chunks` holds them.
        var vectors: [iovec] = []
        vectors.reserveCapacity(min(chunks.count, maxVectors))
        for chunk in chunks where !chunk.isEmpty {
            chunk.withUnsafeBytes { vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)) }
            if vectors.count == maxVectors {
                try writeAll(fd, path, vectors)
                vectors.removeAll(keepingCapacity: true)
            }
        }
        try withExtendedLifetime(chunks) { try writeAll(fd, path, vectors) }
    }

    /// `IOV_MAX` on Linux and the BSDs (the C macro is not imported).
    private static let maxVectors = 1024

    /// Writes every byte of `vectors`, going on after a short write or an interruption.
    private static func writeAll(_ fd: Int32, _ path: String, _ vectors: [iovec]) throws {
        var vectors = vectors[...]
        while let first = vectors.first {
            if first.iov_len == 0 { vectors = vectors.dropFirst(); continue }
            let n = vectors.withUnsafeBufferPointer { writev(fd, $0.baseAddress, Int32($0.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io("\(path): \(String(cString: strerror(errno)))")
            }
            // Past the vectors written whole, into the one written in part.
            var left = n
            while left > 0, let v = vectors.first {
                if left >= v.iov_len {
                    left -= v.iov_len
                    vectors = vectors.dropFirst()
                } else {
                    let i = vectors.startIndex
                    vectors[i].iov_base = vectors[i].iov_base.map { $0 + left }
                    vectors[i].iov_len -= left
                    left = 0
                }
            }
        }
    }
}
