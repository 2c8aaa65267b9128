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
    /// disuse. The pages of a run are rendered on one core and freed on the other once written
    /// (`OrderedStream`); at 5 ms, which this was set to once, that memory was handed back
    /// between two runs and faulted in again for the next: twice the page faults of the memory
    /// a build needs (54,000 against 28,000 on the 10,000-association corpus, about 3 µs each on
    /// the machines here), and about 5% more time (bench/README.md). At 100 ms the peak is 123 to
    /// 144 MiB, most often near 130 (at 5 ms, 112 to 123). Delays of 15, 25 (mimalloc's own) and
    /// 50 ms measured the same as 100; the longer one leaves room for a slower machine, whose
    /// runs are handed over further apart. (5 ms was chosen when a build held every page until
    /// the end, and its peak wandered over 150 MiB at 25 ms.) `MIMALLOC_DECOMMIT_DELAY` still
    /// overrides it.
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
