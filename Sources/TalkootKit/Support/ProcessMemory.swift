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
    /// (pass it with `consume`). The background block empties the box itself: had it only held
    /// the last reference, the caller's release of the box could come last (the block often
    /// ran first) and free everything on the caller's thread after all.
    public static func freeElsewhere<T: Sendable>(_ value: consuming T) {
        let box = Emptied(value)
        DispatchQueue.global(qos: .utility).async { box.empty() }
    }

    fileprivate final class Kept<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// A value that one thread hands to another to be freed there.
    private final class Emptied<T: Sendable>: @unchecked Sendable {  // `value` is touched by the receiving thread only
        private var value: T?
        init(_ value: consuming T) { self.value = value }
        func empty() { value = nil }
    }
}
