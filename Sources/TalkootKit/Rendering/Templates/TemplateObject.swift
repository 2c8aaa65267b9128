/// A template context object: named values, written like a dictionary literal.
///
/// A page's context is built once and read by a few hundred tags, and most names are looked
/// up through several objects on the context stack before one has them. With `[String: Any]`
/// every step hashed the name again (each dictionary has its own hash seed) and every found
/// value was told apart by its dynamic type again. Here the values are told apart once, when
/// they are stored, and a name is found by comparing a hash the template computed when it was
/// parsed (`TemplatePath.hashes`) against the hashes stored beside the keys.
///
/// Built by one thread and then only read, which is what makes sharing it safe.
public struct TemplateObject: ExpressibleByDictionaryLiteral, @unchecked Sendable {
    /// One reference, copied on write: a context value that holds an object is then one pointer
    /// wide, and copying it (the renderer does, per lookup) is one retain.
    private final class Storage {
        var keys: [String] = []
        var hashes: [UInt64] = []
        var values: [ContextValue] = []
        init() {}
        init(copying other: Storage) {
            keys = other.keys
            hashes = other.hashes
            values = other.values
        }
    }
    private var storage = Storage()

    public init() {}

    /// A literal's names are distinct (the compiler's dictionary literals require it too),
    /// so they are appended without looking for an earlier one.
    public init(dictionaryLiteral elements: (String, Any)...) {
        var keys: [String] = [], hashes: [UInt64] = [], values: [ContextValue] = []
        keys.reserveCapacity(elements.count)
        hashes.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            assert(!keys.contains(key), "duplicate name '\(key)' in a TemplateObject literal")
            keys.append(key)
            hashes.append(TemplateObject.hash(key))
            values.append(ContextValue(value))
        }
        storage.keys = keys
        storage.hashes = hashes
        storage.values = values
    }

    public var count: Int { storage.keys.count }
    public var isEmpty: Bool { storage.keys.isEmpty }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    public mutating func reserveCapacity(_ n: Int) {
        let s = unique()
        s.keys.reserveCapacity(n)
        s.hashes.reserveCapacity(n)
        s.values.reserveCapacity(n)
    }

    /// The value as it was stored; setting nil removes the name, as with a dictionary.
    public subscript(key: String) -> Any? {
        get { index(of: key, hash: TemplateObject.hash(key)).map { storage.values[$0].raw } }
        set {
            let hash = TemplateObject.hash(key)
            let i = index(of: key, hash: hash)
            let s = unique()
            switch (i, newValue) {
            case let (i?, value?): s.values[i] = ContextValue(value)
            case let (i?, nil):
                s.keys.remove(at: i)
                s.hashes.remove(at: i)
                s.values.remove(at: i)
            case let (nil, value?):
                s.keys.append(key)
                s.hashes.append(hash)
                s.values.append(ContextValue(value))
            case (nil, nil): break
            }
        }
    }

    /// The value named `name`, whose `hash` the caller computed once.
    func value(_ name: String, hash: UInt64) -> ContextValue? {
        index(of: name, hash: hash).map { storage.values[$0] }
    }

    private func index(of key: String, hash: UInt64) -> Int? {
        // Local copies: each access to a class's stored property is checked for exclusivity.
        let hashes = storage.hashes
        return hashes.withUnsafeBufferPointer { h in
            var i = 0
            while i < h.count {
                if h[i] == hash {
                    let keys = storage.keys
                    if keys[i] == key { return i }
                }
                i += 1
            }
            return nil
        }
    }

    /// FNV-1a over the UTF-8 bytes: names are short, and the same on every run (the output
    /// never depends on it, but a stable hash keeps the code free of seeds).
    static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}

extension TemplateObject: CustomStringConvertible {
    /// Like a dictionary's description, for a template that writes an object as text.
    public var description: String {
        "[" + zip(storage.keys, storage.values).map { "\(String(reflecting: $0)): \(String(reflecting: $1.raw))" }.joined(separator: ", ") + "]"
    }
}
