import Dispatch

extension Array where Element: Sendable {
    /// Maps on all cores, keeping the order of the input: output never depends on scheduling.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 16 { return map(transform) }
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
