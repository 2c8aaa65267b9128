import Dispatch

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

/// Runs two independent pieces of work side by side (one after the other when the build is
/// single-threaded) and returns both results: for the stages of a build that have two parts
/// of similar size, which would otherwise leave a core idle.
func parallelPair<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    if Parallelism.serial { return (a(), b()) }
    nonisolated(unsafe) var first: A?
    nonisolated(unsafe) var second: B?
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { first = a() } else { second = b() }
    }
    return (first!, second!)
}
