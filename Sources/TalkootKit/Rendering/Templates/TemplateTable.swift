/// A theme's UI strings for one language (`{{t.name}}`), in an open-addressing table keyed by
/// `TemplateObject.hash`, the hash each template computed for its names when it was parsed.
///
/// A page looks up about forty of these strings in a table of some 150. A `[String: String]`
/// hashed every name again with its own seed, about 360 instructions a lookup; here a lookup is
/// a probe or two and one comparison of the name. Read-only once built, so a class: putting it
/// into a page context costs one retain.
public final class TemplateTable: @unchecked Sendable {  // immutable after init
    /// The strings as given, for `{{t}}` written out.
    public let strings: [String: String]
    private let keys: [String]
    private let values: [String]
    private let hashes: [UInt64]
    /// Where each name is (see OpenAddressing).
    private let slots: [Int32]
    /// Every value's UTF-8, one after another, and where each starts (count + 1 offsets): the
    /// renderer writes `{{t.name}}` from here, without copying the string out, a retain and a
    /// release on an object that the pages rendered on both cores share.
    private let utf8: UnsafeMutableBufferPointer<UInt8>
    private let offsets: [Int]
    /// Whether each value needs no escaping (`HTML.needsNoEscaping`): `{{t.name}}` is then copied.
    private let plain: [Bool]

    public init(_ strings: [String: String]) {
        self.strings = strings
        let sorted = strings.sorted { $0.key < $1.key }  // the same table on every run
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
        hashes = keys.map(TemplateObject.hash)
        slots = OpenAddressing.slots(for: hashes)
        var bytes: [UInt8] = [], offsets = [0]
        for v in values {
            bytes += v.utf8
            offsets.append(bytes.count)
        }
        utf8 = .allocate(capacity: max(bytes.count, 1))
        _ = utf8.initialize(from: bytes)
        self.offsets = offsets
        let utf8 = self.utf8
        plain = (0..<values.count).map { HTML.needsNoEscaping(UnsafeBufferPointer(rebasing: utf8[offsets[$0]..<offsets[$0 + 1]])) }
    }

    deinit { utf8.deallocate() }

    /// The UTF-8 of the string named `name`, valid while the table lives, and whether it needs
    /// no escaping.
    func bytes(_ name: String, hash: UInt64) -> (bytes: UnsafeBufferPointer<UInt8>, plain: Bool)? {
        guard let k = slot(name, hash: hash) else { return nil }
        return (UnsafeBufferPointer(rebasing: utf8[offsets[k]..<offsets[k + 1]]), plain[k])
    }

    /// The string named `name`, whose `TemplateObject.hash` is `hash`.
    func value(_ name: String, hash: UInt64) -> String? { slot(name, hash: hash).map { values[$0] } }

    /// Where the string named `name` is in `keys` and `values`.
    private func slot(_ name: String, hash: UInt64) -> Int? {
        OpenAddressing.position(of: name, hash: hash, slots: slots, keys: keys, hashes: hashes)
    }
}

extension TemplateTable: CustomStringConvertible, CustomDebugStringConvertible {
    /// Written as the dictionary it was made of (`{{t}}` writes what it wrote before).
    public var description: String { strings.description }
    public var debugDescription: String { strings.debugDescription }
}
