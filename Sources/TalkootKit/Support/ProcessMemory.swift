import Dispatch

/// Memory a command still holds when it is about to end.
public enum ProcessMemory {
    /// Keeps `value` alive until the process exits, so that it is never freed piece by piece:
    /// the operating system takes a process's memory back at once. For what a command holds
    /// until its very end (`check`'s loaded site): freeing a site of 10,000 items took
    /// a tenth of a second.
    public static func leaveToSystem<T>(_ value: T) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    /// Frees `value` on a background thread: for big temporaries whose freeing, piece by piece,
    /// would otherwise delay what the caller does next. `value` must not be used afterwards
    /// (pass it with `consume`).
    public static func freeElsewhere<T: Sendable>(_ value: consuming T) {
        let kept = Kept(value)
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(kept) {} }
    }

    fileprivate final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}

extension ProcessMemory.Kept: Sendable where T: Sendable {}
