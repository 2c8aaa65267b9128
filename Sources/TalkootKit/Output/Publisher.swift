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
        let root = try SiteFolder(rootPath)
        var folderMade: Substring?
        for f in files {
            guard SiteFolder.staysInside(f.path) else { throw Failure.io("\(f.path): not a path inside the site") }
            if let slash = f.path.lastIndex(ofByte: UInt8(ascii: "/")) {
                let folder = f.path[..<slash]
                if folder != folderMade {
                    try root.makeDirectory(String(folder))
                    folderMade = folder
                }
            }
            do {
                switch f.body {
                case let .bytes(b): try root.writeFile(f.path, [b])
                case let .chunks(c): try root.writeFile(f.path, c)
                case let .appended(c): try root.writeFile(f.path, c, appending: true)
                case let .copy(src): try FileManager.default.copyItem(atPath: src.path, toPath: concat(rootPath, "/", f.path))
                }
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.io("\(f.path): \(error.localizedDescription)")
            }
        }
    }

    /// Removes a replaced site: its top-level folders on all cores (the per-language trees
    /// hold tens of thousands of pages each).
    static func removeTree(_ url: URL) {
        let fm = FileManager.default
        let entries = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).map { url.appendingPathComponent($0) }
        _ = entries.parallelMap(minimumCount: 2) { try? FileManager.default.removeItem(at: $0) }
        try? fm.removeItem(at: url)
    }
}

/// The staging folder, open for one batch of files: its folders and files are made relative to
/// it (`mkdirat`, `openat`). With full paths the kernel walked all seven or eight parts of every
/// path, from `/` down through the staging folder, twice per page: 1 to 2% of a
/// 10,000-association build.
struct SiteFolder: ~Copyable {
    let path: String
    private let fd: Int32

    init(_ path: String) throws(Publisher.Failure) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .io("\(path): \(String(cString: strerror(errno)))") }
        self.path = path
    }

    deinit { close(fd) }

    /// Whether `relative` names something inside the folder: not absolute (`openat` would
    /// ignore the folder), and no empty, `.` or `..` part. Routes make only such paths from
    /// checked slugs; this keeps the writer from leaving `site/` even if one did not.
    static func staysInside(_ relative: String) -> Bool {
        var part = 0, dots = 0
        for byte in relative.utf8 {
            if byte == UInt8(ascii: "/") {
                if part == 0 || part == dots && dots <= 2 { return false }
                part = 0; dots = 0
            } else {
                part += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return part > 0 && !(part == dots && dots <= 2)
    }

    /// `mkdir -p` with plain POSIX calls: most folders of a site are new and their parent exists,
    /// so the first `mkdirat` usually does it (FileManager stats every component first).
    func makeDirectory(_ relative: String) throws(Publisher.Failure) {
        if mkdirat(fd, relative, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = relative.lastIndex(of: "/"), slash > relative.startIndex else {
            throw failure(relative)
        }
        try makeDirectory(String(relative[..<slash]))
        if mkdirat(fd, relative, 0o755) != 0 && errno != EEXIST { throw failure(relative) }
    }

    /// Plain POSIX write: Foundation's `Data.write` fsyncs every file, which made writing
    /// 20,000 pages take seconds. Durability is not needed here: the swap makes the build
    /// visible at once, and a crash before it leaves the last good site in place.
    /// Chunks go out with `writev`, up to `IOV_MAX` at a time: the exports are a chunk per
    /// association and a separator between them, which one `write` each made 30,000 calls
    /// into the kernel on 10,000 associations.
    func writeFile(_ relative: String, _ chunks: [[UInt8]], appending: Bool = false) throws {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC)
        let file = openat(fd, relative, flags, 0o644)
        guard file >= 0 else { throw failure(relative) }
        defer { close(file) }
        // The chunks stay alive (and their storage put) for the call: `chunks` holds them.
        var vectors: [iovec] = []
        vectors.reserveCapacity(min(chunks.count, Self.maxVectors))
        for chunk in chunks where !chunk.isEmpty {
            chunk.withUnsafeBytes { vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)) }
            if vectors.count == Self.maxVectors {
                try writeAll(file, relative, vectors)
                vectors.removeAll(keepingCapacity: true)
            }
        }
        try withExtendedLifetime(chunks) { try writeAll(file, relative, vectors) }
    }

    /// `IOV_MAX` on Linux and the BSDs (the C macro is not imported).
    private static let maxVectors = 1024

    /// Writes every byte of `vectors`, going on after a short write or an interruption.
    private func writeAll(_ file: Int32, _ relative: String, _ vectors: [iovec]) throws(Publisher.Failure) {
        var vectors = vectors[...]
        while let first = vectors.first {
            if first.iov_len == 0 { vectors = vectors.dropFirst(); continue }
            let n = vectors.withUnsafeBufferPointer { writev(file, $0.baseAddress, Int32($0.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure(relative)
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

    private func failure(_ relative: String) -> Publisher.Failure {
        .io("\(path)/\(relative): \(String(cString: strerror(errno)))")
    }
}
