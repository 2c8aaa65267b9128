import Foundation

/// Partials rendered once and then copied, for the parts of a page that are the same on many
/// pages: the section navigation and the footer of twenty thousand association pages, which
/// the renderer otherwise interpreted anew on each (about a twentieth of a build).
///
/// A partial is copied only when its output cannot differ: it is included outside every
/// section and without indentation, no name it or its own partials look up is in the page's
/// own context (the last one given to the renderer) and none of them reads `{{.}}`. Its output
/// is then made of the contexts below the page's alone, which the caller names by `scope`:
/// pages given the same scope must be rendered on the same contexts below their own.
/// Shared by the rendering threads of a build.
public final class PartialCache: @unchecked Sendable {  // `rendered` is read and written under `lock`
    private let lock = NSLock()
    /// By scope, the partials rendered in it: a handful each, told apart by identity (hashing
    /// a partial's name for a dictionary cost more than all the rest of a copy).
    private var rendered: [[(partial: ObjectIdentifier, bytes: [UInt8])]] = []

    public init() {}

    func bytes(_ partial: Template, scope: Int) -> [UInt8]? {
        let id = ObjectIdentifier(partial)
        return lock.withLock {
            guard scope < rendered.count else { return nil }
            return rendered[scope].first { $0.partial == id }?.bytes
        }
    }

    func store(_ bytes: [UInt8], _ partial: Template, scope: Int) {
        lock.withLock {
            if scope >= rendered.count { rendered += Array(repeating: [], count: scope + 1 - rendered.count) }
            rendered[scope].append((ObjectIdentifier(partial), bytes))
        }
    }

    /// How many renderings are kept (for tests).
    var count: Int { lock.withLock { rendered.reduce(0) { $0 + $1.count } } }
}

/// A `PartialCache` and the scope of the page being rendered (see `PartialCache`).
public struct PartialMemo: Sendable {
    public var cache: PartialCache
    public var scope: Int
    public init(cache: PartialCache, scope: Int) {
        self.cache = cache
        self.scope = scope
    }
}
