/// A map from strings, built once and then read by every page: the vocabulary's links and
/// labels (see `Vocabulary`), looked up a dozen times for each association page.
///
/// A `[String: Value]` hashes the key with a seeded SipHash over every byte, some 400
/// instructions a lookup; here a key is hashed eight bytes at a time with a multiply
/// (`StringMap.hash`) into an open-addressing table, and a lookup is that, a probe or two and
/// one comparison.
struct StringMap<Value> {
    /// The table in one object, so that copying the map (a `Vocabulary` taken for each page)
    /// costs one retain; copied before a change when shared.
    private final class Storage {
        var keys: [String] = []
        var values: [Value] = []
        var hashes: [UInt64] = []
        /// Where each key is (see OpenAddressing).
        var slots = [Int32](repeating: 0, count: 8)

        init() {}

        func copy() -> Storage {
            let c = Storage()
            (c.keys, c.values, c.hashes, c.slots) = (keys, values, hashes, slots)
            return c
        }

        func position(_ key: String, hash: UInt64) -> Int? {
            OpenAddressing.position(of: key, hash: hash, slots: slots, keys: keys, hashes: hashes)
        }

        func insert(_ key: String, _ value: Value, hash: UInt64) {
            keys.append(key)
            values.append(value)
            hashes.append(hash)
            if keys.count * 2 > slots.count {
                slots = OpenAddressing.slots(for: hashes)
            } else {
                OpenAddressing.place(keys.count - 1, hash: hash, in: &slots)
            }
        }
    }

    private var storage = Storage()

    init() {}

    var isEmpty: Bool { storage.keys.isEmpty }
    var count: Int { storage.keys.count }

    subscript(key: String) -> Value? {
        get { storage.position(key, hash: StringMap.hash(key)).map { storage.values[$0] } }
        set {
            let hash = StringMap.hash(key)
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            if let i = storage.position(key, hash: hash) {
                // Removing is not needed by its users: a nil leaves the key as it was.
                if let newValue { storage.values[i] = newValue }
            } else if let newValue {
                storage.insert(key, newValue, hash: hash)
            }
        }
    }

    /// Eight bytes at a time, each word mixed in with a multiply and its high half folded down:
    /// the same on every run (no seed), which the table does not need for ids from the content.
    static func hash(_ key: String) -> UInt64 {
        func mix(_ u: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var h = UInt64(truncatingIfNeeded: u.count) &* 0x9E37_79B9_7F4A_7C15
            var i = 0
            while i + 8 <= u.count {
                h = (h ^ UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                i += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < u.count {
                tail |= UInt64(u[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
            return h ^ (h >> 32)
        }
        return key.withUTF8Bytes(mix)
    }
}

extension StringMap: Sequence {
    /// The entries in the order they were first set.
    func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(storage.keys, storage.values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }
}

/// Indices gathered under string keys, the keys in the order first met: the directory's
/// filters put every association under each of its sectors, areas, target groups and languages,
/// tens of thousands of additions under a few dozen keys (a `[String: [Int]]` hashed the key
/// with SipHash at each one).
struct StringGroups {
    private var positions = StringMap<Int>()
    private(set) var keys: [String] = []
    private var members: [[Int]] = []

    mutating func add(_ index: Int, to key: String) {
        if let k = positions[key] {
            members[k].append(index)
        } else {
            positions[key] = keys.count
            keys.append(key)
            members.append([index])
        }
    }

    /// The indices added under `key`, in the order added; nil when there are none.
    subscript(key: String) -> [Int]? { positions[key].map { members[$0] } }
}

/// Strings, each once, in the order first added: `VocabularyTerms` adds every association's
/// ids, tens of thousands of additions of a few dozen strings (a `Set<String>` hashed each with
/// SipHash).
struct StringSet: Sequence {
    private var map = StringMap<Void>()

    /// A member already there stays where it is (the map's setter keeps a known key's place).
    mutating func insert(_ member: String) { map[member] = () }

    func contains(_ member: String) -> Bool { map[member] != nil }

    var count: Int { map.count }

    func makeIterator() -> some IteratorProtocol<String> { map.lazy.map(\.key).makeIterator() }
}

// Changed only through `subscript`'s setter, on a storage of its own (copy on write).
extension StringMap: @unchecked Sendable where Value: Sendable {}

/// The tables of `StringMap` and `TemplateTable`: each slot holds an index + 1 into the keys,
/// 0 when empty; the count is a power of two at least twice the number of keys, so a probe
/// always ends at an empty slot. Collisions go to the next slot.
enum OpenAddressing {
    /// A table for keys with these hashes, at their indices.
    static func slots(for hashes: [UInt64]) -> [Int32] {
        var capacity = 8
        while capacity < hashes.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (i, hash) in hashes.enumerated() { place(i, hash: hash, in: &slots) }
        return slots
    }

    /// Puts the key at index `i` into the table (which has room).
    static func place(_ i: Int, hash: UInt64, in slots: inout [Int32]) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(i + 1)
    }

    /// Where `key` is in `keys`, or nil.
    @inline(__always)
    static func position(of key: String, hash: UInt64, slots: [Int32], keys: [String], hashes: [UInt64]) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }
}
