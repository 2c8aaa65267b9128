import Cmimalloc
#if canImport(Glibc)
import Glibc
#endif

/// The command's memory allocator is mimalloc, not glibc's malloc. Linked into the executable
/// (ahead of the C library), its `malloc` and `free` serve every library of the process, the
/// Swift runtime included. A build allocates and frees millions of small blocks on all cores;
/// with glibc's allocator that took a tenth more time on the 10,000-association corpus
/// (bench/). The library target does not link it: a program embedding TalkootKit keeps its own.
enum Allocator {
    /// Whether `malloc` is mimalloc's: a block it returns lies in mimalloc's heap.
    static var isMimalloc: Bool {
        guard let block = malloc(16) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
