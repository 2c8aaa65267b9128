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
        let result = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        result.initialize(repeating: nil)
        defer { result.deallocate() }
        nonisolated(unsafe) let out = result
        self.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: count) { i in
                out[i] = transform(input[i])
            }
        }
        return result.map { $0! }
    }
}
