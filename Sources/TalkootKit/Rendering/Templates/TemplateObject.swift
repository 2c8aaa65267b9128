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
    /// One bit per name, chosen by its hash: a lookup whose bit is clear misses without
    /// scanning. Most lookups miss in the objects nearest the top of the stack.
    private var names: UInt64 = 0
    /// The names with their hashes and values, in one copy-on-write array: an object costs one
    /// allocation and copying it one retain (hashes in an array of their own cost a second of
    /// each, and building page contexts is mostly building these).
    private var entries: [Entry] = []

    /// A name, the hash a template compares first, and its value. A struct rather than a
    /// tuple: arrays of tuples are destroyed element by element through the runtime's generic
    /// tuple witnesses, which was a tenth of freeing a page's contexts.
    struct Entry {
        var hash: UInt64
        var key: String
        var value: ContextValue {
            didSet {
                table = Entry.table(of: value)
                text = Entry.text(of: value)
                items = Entry.items(of: value)
                plain = Entry.plain(of: value)
            }
        }
        /// The theme's strings when they are the value (`t`), unretained: `{{t.name}}` reads
        /// them through this without the retain and release of copying the value out, on a
        /// table that every page on every core reads. The value keeps the table alive.
        private(set) var table: Unmanaged<TemplateTable>?
        /// The UTF-8 of a text value that keeps it in storage of its own (a string of more than
        /// fifteen bytes, a byte array), which lives as long as the value: written from here,
        /// again without a retain and a release (on the links and labels that pages share).
        private(set) var text: UnsafeBufferPointer<UInt8>?
        /// The objects of a list value, where the list keeps them: a section over the list
        /// renders each in place, without copying the list and every object out of it.
        private(set) var items: UnsafeBufferPointer<TemplateObject>?
        /// A string value with none of `& < > " '`: `{{name}}` copies it instead of scanning it
        /// for entities again. Objects every page shares (the navigation, the vocabulary's
        /// links, the frame's strings) are written on each of them.
        private(set) var plain: Bool

        init(hash: UInt64, key: String, value: ContextValue) {
            self.hash = hash
            self.key = key
            self.value = value
            table = Entry.table(of: value)
            text = Entry.text(of: value)
            items = Entry.items(of: value)
            plain = Entry.plain(of: value)
        }

        /// Whether the value is a text, bytes or a number: truthy in a section, where it
        /// becomes the current object without names of its own.
        var isText: Bool {
            switch value {
            case .string, .bytes, .integer: return true
            default: return false
            }
        }

        private static func plain(of value: ContextValue) -> Bool {
            guard case let .string(s) = value else { return false }
            return s.utf8.withContiguousStorageIfAvailable(HTML.needsNoEscaping) ?? false
        }

        private static func items(of value: ContextValue) -> UnsafeBufferPointer<TemplateObject>? {
            if case let .templates(l) = value { return l.withUnsafeBufferPointer { $0 } }
            return nil
        }

        private static func text(of value: ContextValue) -> UnsafeBufferPointer<UInt8>? {
            switch value {
            // Fifteen bytes or fewer are kept in the string value itself (a pointer to them
            // would point at a copy), and copying such a string costs no reference counting.
            case let .string(s) where s.utf8.count > 15: return s.utf8.withContiguousStorageIfAvailable { $0 }
            case let .bytes(b): return b.withUnsafeBufferPointer { $0 }
            default: return nil
            }
        }

        private static func table(of value: ContextValue) -> Unmanaged<TemplateTable>? {
            if case let .uiStrings(t) = value { return .passUnretained(t) }
            return nil
        }
    }

    public init() {}

    /// An empty object with room for `capacity` names: one allocation for an object filled
    /// name by name (each growth of the entries moved them into new storage).
    public init(minimumCapacity capacity: Int) { entries.reserveCapacity(capacity) }

    /// A literal's names are distinct (the compiler's dictionary literals require it too),
    /// so they are appended without looking for an earlier one.
    public init(dictionaryLiteral elements: (String, Any)...) {
        // Taken from the end, which moves each pair out of the literal's own array (iterating
        // copied every (String, Any) pair through the runtime's generic tuple witnesses, a
        // third of building a literal), into its place in the entries.
        let n = elements.count
        var elements = elements
        var names: UInt64 = 0
        entries = [Entry](unsafeUninitializedCapacity: n) { buffer, initialized in
            var i = n
            while let (key, value) = elements.popLast() {
                i -= 1
                let hash = TemplateObject.hash(key)
                names |= TemplateObject.bit(hash)
                (buffer.baseAddress! + i).initialize(to: Entry(hash: hash, key: key, value: ContextValue(value)))
            }
            initialized = n
        }
        self.names = names
        assert(Set(entries.map(\.key)).count == n, "duplicate name in a TemplateObject literal")
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    public mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    /// The value as it was stored; setting nil removes the name, as with a dictionary.
    public subscript(key: String) -> Any? {
        get { index(of: key, hash: TemplateObject.hash(key)).map { entries[$0].value.raw } }
        set { set(key, newValue.map(ContextValue.init)) }
    }

    /// The same for a value whose type the compiler knows (`c["name"] = "…"`): it is told apart
    /// by that type when this is compiled, not boxed in an `Any` and classified when it runs
    /// (about 400 of the 870 instructions a set cost; a page context sets a few hundred).
    subscript<V: TemplateValue>(key: String) -> V? {
        get { index(of: key, hash: TemplateObject.hash(key)).flatMap { entries[$0].value.raw as? V } }
        set { set(key, newValue.map(\.contextValue)) }
    }

    /// Adds a name this object does not have yet, with its hash made once (`TemplateKey`) and
    /// without looking for it first (an object being built name by name, such as an
    /// association's card: hashing each name and looking it up among the ones before it was
    /// most of setting it). Debug builds check that it is new.
    mutating func append<V: TemplateValue>(_ key: TemplateKey, _ value: V) {
        assert(index(of: key.name, hash: key.hash) == nil, "\(key.name) is already set")
        names |= TemplateObject.bit(key.hash)
        entries.append(Entry(hash: key.hash, key: key.name, value: value.contextValue))
    }

    /// `append` for an optional value: nothing when it is nil.
    mutating func append<V: TemplateValue>(_ key: TemplateKey, ifPresent value: V?) {
        if let value { append(key, value) }
    }

    private mutating func set(_ key: String, _ value: ContextValue?) {
        let hash = TemplateObject.hash(key)
        let i = index(of: key, hash: hash)
        guard let value else {
            if let i {
                entries.remove(at: i)
                names = entries.reduce(0) { $0 | TemplateObject.bit($1.hash) }
            }
            return
        }
        if let i {
            entries[i].value = value
        } else {
            names |= TemplateObject.bit(hash)
            entries.append(Entry(hash: hash, key: key, value: value))
        }
    }

    /// The value named `name`, whose `hash` the caller computed once.
    func value(_ name: String, hash: UInt64) -> ContextValue? {
        index(of: name, hash: hash).map { entries[$0].value }
    }

    /// Its name bits and entries, for the template renderer's walk up the context stack. The
    /// pointer is valid while this object, or a copy of it, is alive and unchanged: it points
    /// into the array's own storage, which a copy shares.
    var storage: (names: UInt64, entries: UnsafePointer<Entry>?, count: Int) {
        (names, entries.withUnsafeBufferPointer { $0.baseAddress }, entries.count)
    }

    /// The same for an object read where it is (an item of a list in an entry).
    static func storage(at object: UnsafePointer<TemplateObject>) -> (names: UInt64, entries: UnsafePointer<Entry>?, count: Int) {
        let names = object.pointee.names
        return object.pointee.entries.withUnsafeBufferPointer { (names, $0.baseAddress, $0.count) }
    }

    @inline(__always)
    static func bit(_ hash: UInt64) -> UInt64 { 1 << (hash >> 58) }

    private func index(of key: String, hash: UInt64) -> Int? {
        guard names & TemplateObject.bit(hash) != 0 else { return nil }
        return entries.withUnsafeBufferPointer { e in
            var i = 0
            while i < e.count {
                if e[i].hash == hash && e[i].key == key { return i }
                i += 1
            }
            return nil
        }
    }

    /// FNV-1a over the UTF-8 bytes: names are short, and the same on every run (the output
    /// never depends on it, but a stable hash keeps the code free of seeds).
    /// Over the contiguous bytes where the string has them (literals and native strings do):
    /// every key of every context object is hashed, and the UTF-8 view's iterator took twice
    /// as long per byte.
    static func hash(_ name: String) -> UInt64 {
        func fnv<S: Sequence<UInt8>>(_ bytes: S) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x100_0000_01b3
            }
            return h
        }
        return name.utf8.withContiguousStorageIfAvailable { fnv($0) } ?? fnv(name.utf8)
    }
}

/// A context name with its `TemplateObject.hash`, made once: the names that the builders of
/// page contexts set on every page (`ContextKeys.swift`), and those a template looks up
/// (`Template.Lookups`).
struct TemplateKey: Sendable, Hashable {
    let name: String
    let hash: UInt64

    init(_ name: String) {
        self.name = name
        hash = TemplateObject.hash(name)
    }

    /// With the hash worked out already (a template's parsed names).
    init(_ name: String, hash: UInt64) {
        self.name = name
        self.hash = hash
    }
}

extension TemplateObject: CustomStringConvertible {
    /// Like a dictionary's description, for a template that writes an object as text.
    public var description: String {
        "[" + entries.map { "\(String(reflecting: $0.key)): \(String(reflecting: $0.value.raw))" }.joined(separator: ", ") + "]"
    }
}

/// A type that `TemplateObject`'s typed setter classifies when the program is compiled; each
/// gives the `ContextValue` case that `ContextValue.init` gives its values at run time.
protocol TemplateValue { var contextValue: ContextValue { get } }

extension String: TemplateValue { var contextValue: ContextValue { .string(self) } }
extension Bool: TemplateValue { var contextValue: ContextValue { .bool(self) } }
extension Int: TemplateValue { var contextValue: ContextValue { .integer(self) } }
extension TemplateObject: TemplateValue { var contextValue: ContextValue { .template(self) } }
extension TemplateTable: TemplateValue { var contextValue: ContextValue { .uiStrings(self) } }
extension InlineTemplate: TemplateValue { var contextValue: ContextValue { .inline(self) } }
extension Dictionary: TemplateValue where Key == String, Value == String {
    var contextValue: ContextValue { .strings(self) }
}
extension Array: TemplateValue where Element: TemplateListElement {
    var contextValue: ContextValue { Element.list(self) }
}

/// The element of a list that `TemplateValue` classifies: an array can conform only once.
protocol TemplateListElement { static func list(_ items: [Self]) -> ContextValue }

extension UInt8: TemplateListElement { static func list(_ items: [UInt8]) -> ContextValue { .bytes(items) } }
extension Array: TemplateListElement where Element == UInt8 { static func list(_ items: [[UInt8]]) -> ContextValue { .chunks(items) } }
extension String: TemplateListElement { static func list(_ items: [String]) -> ContextValue { .texts(items) } }
extension TemplateObject: TemplateListElement { static func list(_ items: [TemplateObject]) -> ContextValue { .templates(items) } }
extension Dictionary: TemplateListElement where Key == String, Value == String {
    static func list(_ items: [[String: String]]) -> ContextValue { .tables(items) }
}
