#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the content folder with plain POSIX calls: a big municipality has thousands of files
/// in one folder, and FileManager's per-file `stat` and URL building took a tenth of `check`.
enum LocalFiles {
    /// The entries of a folder, sorted by name (bytes), each with whether it is a folder; nil when it
    /// cannot be read. Uses the entry type `readdir` reports, and `stat` only where the file
    /// system does not report one.
    static func list(_ path: String) -> [(name: String, isFolder: Bool)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var out: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var st = stat()
                isFolder = stat(path + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            out.append((name, isFolder))
        }
        // Byte order, as `LC_ALL=C ls` lists: the same on every machine, and cheaper than
        // String's Unicode-aware comparison over thousands of names.
        return out.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The bytes of a file, or nil when it cannot be read (or is not a regular file).
    static func read(_ path: String) -> [UInt8]? {
        #if canImport(Glibc)
        let sysRead = Glibc.read
        #else
        let sysRead = Darwin.read
        #endif
        let fd = open(path, O_RDONLY)
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
        }
        out.removeLast(out.count - done)
        return out
    }
}
