/// A growable run of bytes that the template renderer writes a page into.
///
/// A page is written in about a hundred small appends (template text between tags, escaped
/// values). `Array.append(contentsOf:)` costs about a hundred instructions per call before it
/// copies anything (uniqueness, capacity and count checks through the array's storage); here an
/// append is a capacity check and a `memcpy`. Not copyable, so the memory has one owner and is
/// freed once.
struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Whether the bytes are in memory of the buffer's own, which it frees (see `init(writingInto:)`).
    private var ownsMemory = true

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer that writes into `storage`, which it does not own, until the bytes outgrow it;
    /// then they move into memory of its own (`writesInPlace` turns false). A page rendered into
    /// the uninitialised storage of its array needs no copy into an array of its own at the end.
    init(writingInto storage: UnsafeMutableBufferPointer<UInt8>) {
        base = storage.baseAddress!
        capacity = storage.count
        ownsMemory = false
    }

    /// Whether every byte so far went into the storage given to `init(writingInto:)`.
    var writesInPlace: Bool { !ownsMemory }

    /// The bytes that `write` appends, in an array of `capacity` bytes' storage that they are
    /// written into directly; copied once only if they outgrow it. For big outputs of a known
    /// rough size (the sitemap): a buffer grown by doubling and then copied into an array held
    /// about three times the bytes at once.
    static func array(capacity: Int, _ write: (inout ByteBuffer) -> Void) -> [UInt8] {
        var grown: [UInt8]?
        let inPlace = [UInt8](unsafeUninitializedCapacity: max(capacity, 16)) { storage, initialized in
            var buffer = ByteBuffer(writingInto: storage)
            write(&buffer)
            if buffer.writesInPlace { initialized = buffer.count } else { grown = buffer.array }
        }
        return grown ?? inPlace
    }

    deinit { if ownsMemory { base.deallocate() } }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0 else { return }
        if count + n > capacity { grow(to: count + n) }
        let to = base + count, from = bytes.baseAddress!
        if n <= 16 { ByteBuffer.copySmall(from, to, n) } else { to.update(from: from, count: n) }
        count += n
    }

    /// Copies 1 to 16 bytes with two loads and two stores that may overlap, in place of a call
    /// to `memmove`: most of what a page is written in (template text between tags, short
    /// values) is that short, and the call cost more than the copy.
    @inline(__always)
    static func copySmall(_ from: UnsafePointer<UInt8>, _ to: UnsafeMutablePointer<UInt8>, _ n: Int) {
        let source = UnsafeRawPointer(from), target = UnsafeMutableRawPointer(to)
        if n >= 8 {
            let head = source.loadUnaligned(as: UInt64.self), tail = source.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let head = source.loadUnaligned(as: UInt32.self), tail = source.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else {
            to[0] = from[0]
            to[n / 2] = from[n / 2]
            to[n - 1] = from[n - 1]
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    /// Lets `write` put up to `maximum` bytes at the end, in place; it returns how many it put.
    @inline(__always)
    mutating func append(atMost maximum: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(to: count + maximum) }
        let n = write(base + count)
        precondition(n <= maximum, "wrote past the room asked for")
        count += n
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// A string's UTF-8.
    mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// A literal's UTF-8. Read where the literal is (a string literal always has its bytes;
    /// `withUTF8Buffer` is called through for a single scalar, and was not inlined).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        if text.hasPointerRepresentation {
            append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        } else {
            text.withUTF8Buffer { append($0) }
        }
    }

    /// The bytes from `start` on, which are then dropped (an escaped inline template is
    /// rendered into the buffer first and then written again, escaped).
    mutating func removeSuffix(from start: Int) -> [UInt8] {
        let suffix = Array(UnsafeBufferPointer(start: base + start, count: count - start))
        count = start
        return suffix
    }

    /// Empties the buffer, keeping its memory for what is written next.
    mutating func removeAll() { count = 0 }

    /// The bytes written so far, valid during `body`.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes as an array of exactly their size. Made from a buffer pointer, whose
    /// copy the compiler specialises for bytes: `Array(unsafeUninitializedCapacity:)` allocates
    /// through the standard library's unspecialised code, which looks up the storage's type
    /// metadata on every call (some 400 instructions more, on the JSON of every page).
    var array: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        if ownsMemory { base.deallocate() }
        base = bigger
        capacity = newCapacity
        ownsMemory = true
    }
}
