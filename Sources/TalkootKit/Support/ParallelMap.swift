import Dispatch
import Foundation

/// Whether the pipeline may use more than one core. Scoped with `$serial.withValue(true)` by
/// `SiteBuilder` for single-threaded builds, so tests can prove the parallel build gives the
/// same bytes.
public enum Parallelism {
    @TaskLocal public static var serial = false
}

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input: output never depends on scheduling.
    /// Arrays shorter than `minimumCount` are mapped on the calling thread (not worth a hand-off).
    func parallelMap<T: Sendable>(minimumCount: Int = 16, _ transform: @Sendable (Element) -> T) -> [T] {
        if count < minimumCount || Parallelism.serial { return map(transform) }
        // Each worker initialises its own slot of the result in place: nothing is copied and
        // nothing is left behind (a buffer of optionals that was deallocated without being
        // deinitialised once leaked every rendered page).
        return self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let out = buffer.baseAddress!
                DispatchQueue.concurrentPerform(iterations: input.count) { i in
                    (out + i).initialize(to: transform(input[i]))
                }
                initialized = input.count
            }
        }
    }
}

extension Array where Element: Sendable {
    /// `parallelMap` on `threadsPerCore` threads per core, for work that reads files: a thread
    /// that waits for the disk (a file the system has dropped from its cache) leaves its core to
    /// another thread instead of idle. On these machines some content files are read from disk
    /// in every build, and two threads on two cores left a core idle for a tenth of the load.
    /// The order of the output is the input's, as with `parallelMap`.
    /// `transform` escapes into the threads, which may let go of it only after the map returns.
    /// With one thread per core, or fewer than `ownThreadsFrom` elements, the same as
    /// `parallelMap` (on the pool's threads): a thread of its own costs at its end (its
    /// allocator heap handed back, some 0.6 M instructions), more than it saves on a few hundred
    /// files.
    func parallelMap<T: Sendable>(threadsPerCore: Int, ownThreadsFrom: Int = 1_000, minimumCount: Int = 16,
                                  _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        if threadsPerCore <= 1 || count < ownThreadsFrom { return parallelMap(minimumCount: minimumCount, transform) }
        if count < minimumCount || Parallelism.serial { return map(transform) }
        let threads = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount * threadsPerCore)
        return self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                nonisolated(unsafe) let out = buffer.baseAddress!
                let next = ChunkCounter(count: input.count, chunk: 8)
                let work: @Sendable () -> Void = {
                    while let range = next.take() {
                        for i in range { (out + i).initialize(to: transform(input[i])) }
                    }
                }
                let done = DispatchGroup()
                for _ in 1..<threads {
                    done.enter()
                    Thread { work(); done.leave() }.start()
                }
                work()
                done.wait()
                initialized = input.count
            }
        }
    }
}

/// Hands out the indices `0..<count` in chunks, to whichever thread asks first.
private final class ChunkCounter: @unchecked Sendable {  // `next` is only read and written under `lock`
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let chunk: Int

    init(count: Int, chunk: Int) {
        self.count = count
        self.chunk = chunk
    }

    func take() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let start = next
        next = Swift.min(count, next + chunk)
        return start..<next
    }
}

/// Runs two independent pieces of work side by side (one after the other when the build is
/// single-threaded) and returns both results: for the stages of a build that have two parts
/// of similar size, which would otherwise leave a core idle.
func parallelPair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let (first, second, _) = parallelTriple(a, b, {})
    return (first, second)
}

/// The same for three pieces, started in the order given: on two cores the third goes to the
/// core that is done first, so it should be the shortest.
func parallelTriple<A: Sendable, B: Sendable, C: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B,
                                                           _ c: @Sendable () -> C) -> (A, B, C) {
    if Parallelism.serial { return (a(), b(), c()) }
    nonisolated(unsafe) var first: A?
    nonisolated(unsafe) var second: B?
    nonisolated(unsafe) var third: C?
    DispatchQueue.concurrentPerform(iterations: 3) { i in
        switch i {
        case 0: first = a()
        case 1: second = b()
        default: third = c()
        }
    }
    return (first!, second!, third!)
}
