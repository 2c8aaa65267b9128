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
    /// Called first thing: memory that a build freed goes back to the system after 5 ms instead
    /// of mimalloc's 25. Written pages are freed by one thread while another allocates the next
    /// ones, and with the default delay the peak of a 10,000-association build once wandered
    /// from 141 to 163 MB between runs, over the 150 MiB it must stay under; at 5 ms it was 131
    /// to 138 MB and as fast. Since the pages are rendered as a stream (`OrderedStream`), the
    /// peak is about 125 MB at 5 ms and about 135 MB at 50 to 1,000 ms, with no measurable gain
    /// in time. `MIMALLOC_DECOMMIT_DELAY` still overrides it.
    static func configure() {
        mi_option_set_default(mi_option_decommit_delay, 5)
    }

    /// Whether `malloc` is mimalloc's: a block it returns lies in mimalloc's heap.
    static var isMimalloc: Bool {
        guard let block = malloc(16) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
