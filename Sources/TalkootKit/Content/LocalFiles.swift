#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the content folder with plain POSIX calls: a big municipality has thousands of files
/// in one folder, and FileManager's per-file `stat` and URL building took a tenth of `check`.
enum LocalFiles {
    /// One entry of a folder.
    struct Entry: Sendable {
        var name: String
        var isFolder: Bool
        /// A symbolic link: never followed, since it could point outside `content/`.
        var isLink: Bool
    }

    /// The entries of a folder in the order the file system gives them (callers that show or
    /// publish them sort what they keep); nil when it cannot be read. Uses the entry type
    /// `readdir` reports, and `lstat` only where the file system does not report one.
    static func list(_ path: String) -> [Entry]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var st = stat()
                if lstat(path + "/" + name, &st) == 0 {
                    switch st.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: type = Int32(DT_REG)
                    }
                }
            }
            out.append(Entry(name: name, isFolder: type == Int32(DT_DIR), isLink: type == Int32(DT_LNK)))
        }
        return out
    }

    /// Whether `path` itself is a symbolic link (not followed).
    static func isLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// An open folder, for reading the files in it by relative path: the kernel then resolves
    /// only the part below it, where a full path walked every folder from the root again for
    /// each of 10,000 files (a tenth of the time spent opening them).
    final class Folder: Sendable {
        /// Ends in "/".
        let path: String
        /// -1 when the folder could not be opened: files are then opened by full path.
        fileprivate let descriptor: Int32

        init(_ path: String) {
            self.path = path.hasSuffix("/") ? path : path + "/"
            descriptor = LocalFiles.openFolder(path)
        }

        deinit { if descriptor >= 0 { close(descriptor) } }

        /// Opens the file at `relative` for reading, without following a link there.
        fileprivate func openFile(_ relative: String) -> Int32 {
            descriptor >= 0 ? openat(descriptor, relative, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
                            : LocalFiles.openFile(path + relative)
        }
    }

    /// O_NOFOLLOW: a link is not read, whatever the caller checked before.
    fileprivate static func openFile(_ path: String) -> Int32 { open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
    fileprivate static func openFolder(_ path: String) -> Int32 { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }

    /// The bytes of the file at `path` (relative to `folder` when given), or nil when it cannot
    /// be read (or is not a regular file).
    static func read(_ path: String, in folder: Folder? = nil) -> [UInt8]? {
        #if canImport(Glibc)
        let sysRead = Glibc.read
        #else
        let sysRead = Darwin.read
        #endif
        let fd = folder?.openFile(path) ?? openFile(path)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        // One byte more than the size, so that the read that finds the end needs no more room.
        var out = [UInt8](repeating: 0, count: max(Int(st.st_size), 0) + 1)
        var done = 0
        while true {
            // A file that grew since fstat is read to its end.
            if done == out.count { out.append(contentsOf: repeatElement(0, count: 64 * 1024)) }
            let n = out.withUnsafeMutableBytes { sysRead(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            done += n
            // All the bytes fstat promised and room left over: a regular file gives a short read
            // only at its end, so the read that would return 0 is saved (one call per file).
            if done >= Int(st.st_size) && done < out.count { break }
        }
        out.removeLast(out.count - done)
        return out
    }
}
