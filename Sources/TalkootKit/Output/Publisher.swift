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
    public func publish(_ produce: (_ write: ([OutputFile]) throws -> Void) throws -> Void) throws(Failure) {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).tmp-\(pid)")
        let old = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fm.removeItem(at: staging)
        try? fm.removeItem(at: old)
        // Each batch is written on a thread of its own while the next one renders; a single-
        // threaded build writes on the calling thread.
        let writer = Parallelism.serial ? nil : BatchWriter()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try produce { files in
                if let writer { try writer.write { try write(files, into: staging) } } else { try write(files, into: staging) }
            }
            try writer?.finish()
        } catch {
            try? writer?.finish()  // no write may go on into the folder being removed
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

    /// The files on all cores, each folder made by the job that writes its files: made first,
    /// one after the other, the folders of a batch (one per association page) left a core idle
    /// while the other made them. `makeDirectory` makes a missing parent itself, and a folder
    /// that another job made meanwhile is no error.
    func write(_ files: [OutputFile], into root: URL) throws {
        let rootPath = root.path
        // The files by folder, in order of first appearance (a folder's files in their order).
        var groupOf: [Substring: Int] = [:]
        var groups: [(folder: Substring?, files: [Int])] = []
        for (i, f) in files.enumerated() {
            let folder = f.path.lastIndex(of: "/").map { f.path[..<$0] }
            let key = folder ?? ""
            if let g = groupOf[key] { groups[g].files.append(i) } else {
                groupOf[key] = groups.count
                groups.append((folder, [i]))
            }
        }
        let errors = groups.parallelMap { group -> String? in
            if let folder = group.folder {
                do { try Publisher.makeDirectory(concat(rootPath, "/", String(folder))) } catch { return "\(error)" }
            }
            for i in group.files {
                let f = files[i]
                let path = concat(rootPath, "/", f.path)
                do {
                    switch f.body {
                    case let .bytes(b): try Publisher.writeFile(path, [b])
                    case let .chunks(c): try Publisher.writeFile(path, c)
                    case let .appended(c): try Publisher.writeFile(path, c, appending: true)
                    case let .copy(src): try FileManager.default.copyItem(atPath: src.path, toPath: path)
                    }
                } catch {
                    return "\(f.path): \(error.localizedDescription)"
                }
            }
            return nil
        }
        if let first = errors.compactMap({ $0 }).first { throw Failure.io(first) }
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
        if chunks.count == 1 {
            try chunks[0].withUnsafeBytes { try writeAll(fd, path, [iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)]) }
            return
        }
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

/// Runs writes one after the other on a thread of its own, so that the build renders the next
/// batch of pages while this one is written: the two stages used to take turns, leaving a core
/// idle at the end of each. At most one write is in flight, so memory holds at most the batch
/// being written and the one being rendered. Writes keep their order (the exports are appended
/// to batch by batch); the first failure is thrown by the next `write` or by `finish`.
final class BatchWriter: @unchecked Sendable {  // `failure` is set by the queue, read after `wait`
    private let queue = DispatchQueue(label: "talkoot.batch-writer")
    private let inFlight = DispatchGroup()
    private var failure: (any Error)?

    /// Waits for the write before, then starts `body`.
    func write(_ body: @escaping @Sendable () throws -> Void) throws {
        try finish()
        queue.async(group: inFlight) {
            do { try body() } catch { self.failure = error }
        }
    }

    /// Waits until every write is done; throws the first failure.
    func finish() throws {
        inFlight.wait()
        if let failure { throw failure }
    }
}
