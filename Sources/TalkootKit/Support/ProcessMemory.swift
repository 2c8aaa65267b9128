/// Memory a command still holds when it is about to end.
public enum ProcessMemory {
    /// Keeps `value` alive until the process exits, so that it is never freed piece by piece:
    /// the operating system takes a process's memory back at once. For what a command holds
    /// until its very end (`check`'s loaded site): freeing a site of 10,000 items took
    /// a tenth of a second.
    public static func leaveToSystem<T>(_ value: T) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
