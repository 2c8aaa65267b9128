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
    /// Called first thing: memory that a build freed goes back to the system after 100 ms of
    /// disuse instead of mimalloc's 25. The pages of a run are rendered on one core and freed
    /// on the other once written (`OrderedStream`); with a short delay that memory was handed
    /// back between two runs and faulted in again for the next, twice the page faults of the
    /// memory a build needs (54,000 against 28,000 on the 10,000-association corpus, about
    /// 3 µs each on the machines here). At 100 ms a 10,000 build takes about 5% less time
    /// (bench/README.md) and peaks at 128 to 139 MiB (5 ms: 112 to 122 MiB; before the pages
    /// were streamed, the peak at 25 ms wandered from 141 to 163 MB, which once set 5 ms here).
    /// `MIMALLOC_DECOMMIT_DELAY` still overrides it.
    static func configure() {
        mi_option_set_default(mi_option_decommit_delay, 100)
    }

    /// Whether `malloc` is mimalloc's: a block it returns lies in mimalloc's heap.
    static var isMimalloc: Bool {
        guard let block = malloc(16) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
    }
}
