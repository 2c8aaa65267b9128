/// The templates of a theme by name, so that `{{> name}}` finds its partial.
public struct TemplateLibrary: Sendable {
    /// By name in a `StringMap`: every page includes a dozen partials, each found by its name
    /// (a `[String: Registered]` hashed the name with SipHash at each include).
    private var templates = StringMap<Registered>()

    /// A template, and every name it may look up in the object current where it is included,
    /// its partials' included (see `Template.Lookups`): nil when it reads that object itself
    /// (`{{.}}` outside sections). Kept up to date by `register`; found by one lookup of the
    /// name, as a partial is rendered. A class, never changed once made (`register` makes new
    /// ones): a page takes it with one retain, where the struct's two fields took two, on
    /// objects shared by the pages of both cores.
    final class Registered: @unchecked Sendable {  // `partials` is filled by `register` before the library is used, then only read
        let template: Template
        let lookups: [TemplateKey]?
        /// The registrations of the templates that the template's partial tags include, by the
        /// tag's place in `template.strings`, found once by `register` (nil: not in the
        /// library). A page includes a dozen partials; finding each by its name hashed the name
        /// and retained the map, the registration and its template, objects that the pages of
        /// both cores share, so that every count went back and forth between the cores' caches.
        /// Unretained: the library that holds this registration holds those too (`register`
        /// makes them all anew), and a renderer holds its library.
        let partials: UnsafeMutableBufferPointer<Unmanaged<Registered>?>

        init(template: Template, lookups: [TemplateKey]?) {
            self.template = template
            self.lookups = lookups
            partials = .allocate(capacity: template.strings.count)
            partials.initialize(repeating: nil)
        }

        deinit { partials.deallocate() }
    }

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        register([(name, template)])
    }

    /// Several templates at once: what each may look up depends on the others (its partials),
    /// so it is worked out once after all are in, instead of again for every template after
    /// each one (a theme's thirty templates took 3 ms of a build's start).
    public mutating func register(_ named: [(name: String, template: Template)]) {
        for (name, template) in named { templates[name] = Registered(template: template, lookups: nil) }
        for (name, registered) in templates {
            var names = Set<TemplateKey>(), visited = Set<String>()
            let memoizable = collectLookups(name, outside: true, into: &names, visited: &visited)
            templates[name] = Registered(template: registered.template, lookups: memoizable ? names.sorted { $0.name < $1.name } : nil)
        }
        for (_, registered) in templates {
            for (i, partial) in registered.template.strings.enumerated() {
                registered.partials[i] = templates[partial].map { Unmanaged.passUnretained($0) }
            }
        }
    }

    /// Adds the names `name` and its partials may look up in the contexts around the place it
    /// is included: outside every section (`outside`), where its dotted names and `{{.}}` read
    /// the current object, or inside a section, where they read the section's value. False when
    /// it reads the current object itself. A missing partial renders nothing and looks nothing
    /// up; a partial met again (a loop, which renders until `maximumDepth`) adds nothing new.
    private func collectLookups(_ name: String, outside: Bool, into names: inout Set<TemplateKey>,
                                visited: inout Set<String>) -> Bool {
        guard visited.insert("\(outside) \(name)").inserted, let lookups = templates[name]?.template.lookups else { return true }
        names.formUnion(lookups.plain)
        if outside {
            if lookups.readsCurrentOutside { return false }
            names.formUnion(lookups.dottedOutside)
        }
        for partial in lookups.outsidePartials where !collectLookups(partial, outside: outside, into: &names, visited: &visited) { return false }
        for partial in lookups.insidePartials where !collectLookups(partial, outside: false, into: &names, visited: &visited) { return false }
        return true
    }

    /// A partial with the names its output depends on (see `Registered`).
    func registered(_ name: String) -> Registered? { templates[name] }

    public var names: [String] { templates.map(\.key).sorted() }

    /// Partial names that a template includes but the library lacks (they would render as
    /// nothing), sorted: a theme author's typo should not go unnoticed.
    public func missingPartials(in name: String) -> [String] {
        Set((templates[name]?.template.partialNames ?? []).filter { templates[$0] == nil }).sorted()
    }

    /// Renders the named template with `context` (nested `TemplateObject`s or `[String: Any]`
    /// dictionaries, arrays, strings, booleans and numbers); nil when there is no such template.
    public func render(_ context: Any, withTemplate name: String) -> String? {
        renderBytes(context, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The same as UTF-8 bytes, which is what pages are written as. A `[UInt8]` value in the
    /// context is UTF-8 text too (a page body inserted into its layout).
    public func renderBytes(_ context: Any, withTemplate name: String) -> [UInt8]? {
        renderBytes([context], withTemplate: name)
    }

    /// Renders with a stack of contexts, outermost first: a name is looked up in the last one,
    /// then the ones before it, as if they were sections around the template.
    /// `capacity`: about how many bytes the rendering is, the output buffer's first size. A
    /// page's 16 KiB, for a directory card's half a kilobyte, was a block glibc takes from its
    /// large bins, and asking for one first merges every small free block (malloc_consolidate).
    /// `exactSize`: return an array of exactly the rendering's size (a copy), for bytes that are
    /// kept for long (the directory cards). Otherwise the rendering is written into the storage
    /// of the array returned, of `capacity` bytes, and copied only when it outgrew them: a page
    /// is written to a file and freed soon, and copying every page once more was a fiftieth of
    /// a build.
    /// `memo`: copy the partials whose output cannot differ from page to page of the same
    /// scope from where the first page rendered them (see `PartialCache`).
    public func renderBytes(_ contexts: [Any], withTemplate name: String, capacity: Int = 16 * 1024,
                            exactSize: Bool = false, memo: PartialMemo? = nil) -> [UInt8]? {
        guard let registered = templates[name] else { return nil }
        if exactSize {
            var renderer = TemplateRenderer(library: self, contexts: contexts, output: ByteBuffer(capacity: capacity), memo: memo)
            renderer.render(registered)
            return renderer.output.array
        }
        return ByteBuffer.array(capacity: capacity) { output in
            var renderer = TemplateRenderer(library: self, contexts: contexts, output: consume output, memo: memo)
            renderer.render(registered)
            output = renderer.finish()
        }
    }
}

/// Writes one rendering into a byte buffer.
///
/// Values are looked up with casts to concrete types only (`[String: Any]`, `String`, …),
/// which the Swift runtime answers by comparing type metadata; casts to protocols, which need
/// the conformance tables, made swift-mustache spend most of a build in the runtime.
struct TemplateRenderer: ~Copyable {
    let library: TemplateLibrary
    private(set) var output: ByteBuffer
    /// The context stack: the root object, then one entry per open section, each told apart
    /// once when pushed so that name lookups walk it without casts.
    private var stack: [Frame]
    /// What a lookup reads of each frame on `stack`, at the same index, as plain values: the
    /// walk up the stack then costs no reference counting (reading the frames themselves
    /// copied one, a retain and a release, at every step, which was most of a lookup).
    private var probes: [Probe]
    /// The slot tables of the big objects among them (see `Probe.slots`).
    private var slots = SlotTables()
    /// Blanks written before every line of the standalone partial being rendered.
    private var indentation: [UInt8] = []
    private var atLineStart = false
    private var depth = 0
    /// How many frames the caller's contexts are (one each): an `InlineTemplate` renders under
    /// these only.
    private let rootFrames: Int
    /// Where partials that are the same on every page of the scope are kept (`PartialCache`).
    private let memo: PartialMemo?
    /// The registration of the template being rendered, whose `partials` the partial tags
    /// read: set by `render(_: Registered)`, the only way into a template.
    private var current: Unmanaged<TemplateLibrary.Registered>?
    /// Partials nested deeper than this are a loop in the theme: they render nothing.
    static let maximumDepth = 64

    private enum Frame {
        case template(TemplateObject)
        case object([String: Any])
        case table([String: String])
        case uiStrings(TemplateTable)
        /// A string, number or list pushed by a section: it has no named children.
        case leaf(ContextValue)
        /// An item of a list that a section renders where the list keeps it, which outlives
        /// the section (see `TemplateObject.Entry.items`).
        case item(UnsafePointer<TemplateObject>)

        func value(_ name: String, hash: UInt64) -> ContextValue? {
            switch self {
            case let .template(o): return o.value(name, hash: hash)
            case let .item(p): return p.pointee.value(name, hash: hash)
            case let .object(d): return d[name].map(ContextValue.init)
            case let .table(d): return TemplateRenderer.find(name, in: d).map(ContextValue.string)
            case let .uiStrings(table): return table.value(name, hash: hash).map(ContextValue.string)
            case .leaf: return nil
            }
        }
    }

    init(library: TemplateLibrary, contexts: [Any], output: consuming ByteBuffer, memo: PartialMemo? = nil) {
        self.library = library
        self.output = output
        self.memo = memo
        // Room for the sections of a page nested as deep as themes go, without growing.
        stack = []
        stack.reserveCapacity(16)
        probes = []
        probes.reserveCapacity(16)
        rootFrames = contexts.count
        for context in contexts { push(ContextValue(context)) }
    }

    /// Renders a registered template, which becomes `current` (its partial tags read it); the
    /// library must hold `registered` while this runs.
    mutating func render(_ registered: TemplateLibrary.Registered) {
        let saved = current
        current = .passUnretained(registered)
        render(registered.template, 0..<registered.template.ops.count)
        current = saved
    }

    /// The registration of the partial that partial tag `name` of the current template
    /// includes, without retaining it.
    private func partial(_ name: Int) -> Unmanaged<TemplateLibrary.Registered>? {
        guard let current else { return nil }
        return current._withUnsafeGuaranteedRef { $0.partials[name] }
    }

    /// The bytes written, handed back to the caller.
    consuming func finish() -> ByteBuffer { output }

    private mutating func render(_ t: Template, _ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            let lead = t.leads[i]
            if lead.count != 0 { writeTemplateText(t.bytes(lead)) }
            switch t.ops[i] {
            case let .text(ref):
                writeTemplateText(t.bytes(ref))
                i += 1
            case let .variable(path, escaped):
                let ref = t.pathRefs[Int(path)]
                let k = Int(ref.start), names = t.names.baseAddress! + k
                switch ref.count == 1 ? findString(names, hash: t.hashes[k], anchored: ref.anchored)
                    : ref.count == 2 ? findTableString(names, hash: t.hashes[k], anchored: ref.anchored, names + 1, t.hashes[k + 1])
                    : .other {
                case let .string(entry): writeString(entry, escaped: escaped)
                case let .bytes(bytes, plain): writeBytes(bytes, escaped: escaped && !plain)
                case .missing: break
                case .other: if let value = lookup(t, ref) { writeValue(value, escaped: escaped) }
                }
                i += 1
            case let .section(path, inverted, end, readsValue):
                let ref = t.pathRefs[Int(path)], k = Int(ref.start), body = i + 1..<Int(end)
                switch ref.count == 1 ? findEntry(t.names.baseAddress! + k, hash: t.hashes[k], anchored: ref.anchored) : .elsewhere {
                case let .entry(entry):
                    if !inverted, let items = entry.pointee.items {
                        // A list of objects: each is rendered where the list keeps it.
                        for p in 0..<items.count { renderItem(items.baseAddress! + p, t, body) }
                    } else if !inverted && !readsValue && entry.pointee.isText {
                        // A text (or number) is truthy and has no names: with nothing in the
                        // body reading it, the body renders as if it had been pushed.
                        render(t, body)
                    } else {
                        let value = entry.pointee.value
                        if case .optional = value { renderSection(value.unwrapped, inverted: inverted, t, body) }
                        else { renderSection(value, inverted: inverted, t, body) }
                    }
                case .missing: renderSection(nil, inverted: inverted, t, body)
                case .elsewhere: renderSection(lookup(t, ref), inverted: inverted, t, body)
                }
                i = Int(end)
            case let .partial(name, indentation):
                i += 1
                guard depth < Self.maximumDepth, let registered = partial(Int(name)) else { continue }
                registered._withUnsafeGuaranteedRef { renderPartial($0, indentation: t.indentations[Int(indentation)]) }
            }
        }
    }

    /// Renders a partial where its tag is, indented as the tag is when it stands alone on its
    /// line, or copies its bytes when they are the same on every page of the scope.
    private mutating func renderPartial(_ registered: TemplateLibrary.Registered, indentation extra: [UInt8]) {
        let saved = indentation
        if let memo, extra.isEmpty, saved.isEmpty, stack.count == rootFrames, pageContextLacks(registered.lookups) {
            renderMemoized(registered, memo)
            return
        }
        if !extra.isEmpty {
            indentation += extra
            atLineStart = true
        }
        depth += 1
        render(registered)
        depth -= 1
        indentation = saved
    }

    // MARK: partials the same on every page of a scope

    /// Whether the last of the caller's contexts, the page's own, has none of `names` (false
    /// for nil: a partial that reads `{{.}}`), so that a partial looking them up outside every
    /// section finds them in the contexts below it or nowhere.
    private mutating func pageContextLacks(_ names: [TemplateKey]?) -> Bool {
        guard let names, rootFrames > 0 else { return false }
        let probe = probes[rootFrames - 1]
        guard let entries = probe.entries else { return probe.names == 0 }  // another kind of frame may have any name
        for n in names where probe.names & TemplateObject.bit(n.hash) != 0 {
            let found = withUnsafePointer(to: n.name) { TemplateRenderer.entry($0, hash: n.hash, in: probe, entries, slots.base) }
            if found != nil { return false }
        }
        return true
    }

    /// Copies the partial's bytes from the cache, or renders it and keeps them there.
    private mutating func renderMemoized(_ partial: TemplateLibrary.Registered, _ memo: PartialMemo) {
        if let bytes = memo.cache.bytes(partial.template, scope: memo.scope) {
            bytes.withUnsafeBufferPointer { output.append($0) }
            return
        }
        let start = output.count
        depth += 1
        render(partial)
        depth -= 1
        let bytes = output.withBytes { Array(UnsafeBufferPointer(rebasing: $0[start...])) }
        memo.cache.store(bytes, partial.template, scope: memo.scope)
    }

    // MARK: sections

    private mutating func renderSection(_ value: ContextValue?, inverted: Bool, _ t: Template, _ body: Range<Int>) {
        guard let value else {
            if inverted { render(t, body) }
            return
        }
        if inverted {
            switch value {
            case let .bool(b): if !b { render(t, body) }
            case let .templates(l): if l.isEmpty { render(t, body) }
            case let .objects(l): if l.isEmpty { render(t, body) }
            case let .tables(l): if l.isEmpty { render(t, body) }
            case let .texts(l): if l.isEmpty { render(t, body) }
            case let .chunks(l): if l.isEmpty { render(t, body) }
            case let .list(l): if l.isEmpty { render(t, body) }
            default: break
            }
            return
        }
        switch value {
        case let .bool(b): if b { render(t, body) }
        case let .templates(l): for item in l { renderPushed(Frame.template(item), t, body) }
        case let .objects(l): for item in l { renderPushed(Frame.object(item), t, body) }
        case let .tables(l): for item in l { renderPushed(Frame.table(item), t, body) }
        case let .texts(l): for item in l { renderPushed(Frame.leaf(.string(item)), t, body) }
        case let .list(l): for item in l { renderPushed(ContextValue(item), t, body) }
        default:
            // Any other value (a string, an object, a number) is truthy and becomes the
            // current object, as in swift-mustache: even an empty string.
            renderPushed(value, t, body)
        }
    }

    private mutating func renderPushed(_ value: ContextValue, _ t: Template, _ body: Range<Int>) {
        push(value)
        render(t, body)
        pop()
    }

    private mutating func renderItem(_ item: UnsafePointer<TemplateObject>, _ t: Template, _ body: Range<Int>) {
        var probe = Probe(names: 0)
        (probe.names, probe.entries, probe.count) = TemplateObject.storage(at: item)
        if probe.count > Probe.scanLimit { (probe.slots, probe.slotMask) = slots.push(probe.entries!, count: probe.count) }
        probes.append(probe)
        stack.append(.item(item))
        render(t, body)
        pop()
    }

    private mutating func renderPushed(_ frame: Frame, _ t: Template, _ body: Range<Int>) {
        push(frame)
        render(t, body)
        pop()
    }

    private mutating func push(_ value: ContextValue) {
        switch value {
        case let .template(o): push(Frame.template(o))
        case let .object(d): push(Frame.object(d))
        case let .strings(d): push(Frame.table(d))
        case let .uiStrings(table): push(Frame.uiStrings(table))
        default: push(Frame.leaf(value))
        }
    }

    private mutating func push(_ frame: Frame) {
        switch frame {
        case let .template(o):
            var probe = Probe(o)
            if probe.count > Probe.scanLimit { (probe.slots, probe.slotMask) = slots.push(probe.entries!, count: probe.count) }
            probes.append(probe)
        case .leaf: probes.append(Probe(names: 0))
        default: probes.append(Probe(names: ~0))
        }
        stack.append(frame)
    }

    private mutating func pop() {
        stack.removeLast()
        let probe = probes.removeLast()
        if probe.slots >= 0 { slots.pop(probe.slotMask + 1) }
    }

    /// A frame as `lookup` walks past it. For a `TemplateObject` its name bits and where its
    /// entries are: they stay put while the frame, which holds the object, is on the stack, as
    /// the object is not changed while it renders. Other frames say "maybe" to every name
    /// (`names` all ones, no entries) and are asked themselves; a leaf has no names.
    private struct Probe {
        var names: UInt64
        var entries: UnsafePointer<TemplateObject.Entry>? = nil
        var count = 0
        /// For an object of more than `scanLimit` names, where its open-addressing table starts
        /// in `SlotTables`, and the table's size less one: the frame of a page and the item of
        /// an item page have forty names or so, which set most of the 64 name bits, so that
        /// a name that is not there was looked for by scanning all forty hashes.
        var slots = -1
        var slotMask = 0
        static let scanLimit = 8

        init(names: UInt64) { self.names = names }

        init(_ object: TemplateObject) {
            (names, entries, count) = object.storage
        }
    }

    /// The open-addressing tables of the big objects on the context stack, one after another
    /// in the order they were pushed: a table is made when its object is pushed and dropped when
    /// it is popped. Each slot holds an index + 1 into the object's entries, 0 when empty; a
    /// table has at least twice as many slots as names, so a probe ends at an empty one.
    private struct SlotTables: ~Copyable {
        private(set) var base: UnsafeMutablePointer<Int32>
        /// Under a kilobyte at first (a card's one table fits), so that it is a small block
        /// for malloc; a page's grows once.
        private var capacity = 240
        private var top = 0

        init() { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }

        /// A table for `count` entries: where it starts, and its size less one.
        mutating func push(_ entries: UnsafePointer<TemplateObject.Entry>, count: Int) -> (start: Int, mask: Int) {
            var size = 16
            while size < count * 2 { size *= 2 }
            if top + size > capacity {
                var bigger = capacity * 2
                while bigger < top + size { bigger *= 2 }
                let grown = UnsafeMutablePointer<Int32>.allocate(capacity: bigger)
                grown.update(from: base, count: top)
                base.deallocate()
                base = grown
                capacity = bigger
            }
            let table = base + top
            table.initialize(repeating: 0, count: size)
            for k in 0..<count {
                var slot = Int(truncatingIfNeeded: entries[k].hash) & (size - 1)
                while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
                table[slot] = Int32(k + 1)
            }
            top += size
            return (top - size, size - 1)
        }

        mutating func pop(_ size: Int) { top -= size }
    }

    // MARK: lookup

    // The finders are `mutating` though they change nothing: called from the mutating render
    // loop, a non-mutating method of this noncopyable struct got a copy of all of it on the
    // stack at every tag, and reading that copy back stalled on the stores just made.

    private mutating func lookup(_ t: Template, _ path: PathRef) -> ContextValue? {
        guard path.count > 0 else {
            switch stack[stack.count - 1] {
            case let .template(o): return .template(o)
            case let .item(p): return .template(p.pointee)
            case let .object(d): return .object(d)
            case let .table(d): return .strings(d)
            case let .uiStrings(table): return .uiStrings(table)
            case let .leaf(v): return v
            }
        }
        let start = Int(path.start), end = start + Int(path.count)
        let found = find(t.names.baseAddress! + start, hash: t.hashes[start], anchored: path.anchored)
        // Most names have one part: the value found is the value (no copy into a variable).
        if end == start + 1 {
            if case .optional = found { return found?.unwrapped }
            return found
        }
        guard var value = found else { return nil }
        var k = start + 1
        while k < end {
            if case .optional = value, let inner = value.unwrapped { value = inner }
            let name = t.names[k]
            switch value {
            case let .template(o): guard let v = o.value(name, hash: t.hashes[k]) else { return nil }; value = v
            case let .object(d): guard let v = d[name] else { return nil }; value = ContextValue(v)
            case let .strings(d): guard let v = TemplateRenderer.find(name, in: d) else { return nil }; value = .string(v)
            case let .uiStrings(table): guard let v = table.value(name, hash: t.hashes[k]) else { return nil }; value = .string(v)
            default: return nil
            }
            k += 1
        }
        if case .optional = value { return value.unwrapped }
        return value
    }

    /// The value of the first part of a name, from the top of the stack down (only the top
    /// frame when `anchored`). The name is read in place: a copy of it cost a retain and a
    /// release per lookup.
    private mutating func find(_ name: UnsafePointer<String>, hash: UInt64, anchored: Bool) -> ContextValue? {
        let bit = TemplateObject.bit(hash)
        return probes.withUnsafeBufferPointer { probes in
            var i = probes.count - 1
            while i >= 0 {
                let probe = probes[i]
                if probe.names & bit != 0 {
                    if let entries = probe.entries {
                        if let entry = TemplateRenderer.entry(name, hash: hash, in: probe, entries, slots.base) { return entry.pointee.value }
                    } else if let v = stack[i].value(name.pointee, hash: hash) {
                        return v
                    }
                }
                if anchored { return nil }
                i -= 1
            }
            return nil
        }
    }

    /// What `findEntry` found.
    private enum EntrySearch {
        case entry(UnsafePointer<TemplateObject.Entry>)
        /// No frame has the name.
        case missing
        /// A frame that is not a `TemplateObject` may have it: `lookup` decides.
        case elsewhere
    }

    /// The entry of the nearest `TemplateObject` that has the name, when no other kind of
    /// frame stands before it. The same walk as `find`, kept apart on purpose: `find` asks the
    /// other kinds of frame and walks on, and one walk serving both (returning what such a
    /// frame has) cost 1% more instructions per build on this, the renderer's hottest path.
    @inline(__always)
    private mutating func findEntry(_ name: UnsafePointer<String>, hash: UInt64, anchored: Bool) -> EntrySearch {
        let bit = TemplateObject.bit(hash)
        return probes.withUnsafeBufferPointer { probes in
            var i = probes.count - 1
            while i >= 0 {
                let probe = probes[i]
                if probe.names & bit != 0 {
                    guard let entries = probe.entries else { return .elsewhere }
                    if let entry = TemplateRenderer.entry(name, hash: hash, in: probe, entries, slots.base) { return .entry(entry) }
                }
                if anchored { return .missing }
                i -= 1
            }
            return .missing
        }
    }

    /// What `findString` found.
    private enum StringSearch {
        /// The entry whose text (a string, or UTF-8 bytes) the name has.
        case string(UnsafePointer<TemplateObject.Entry>)
        /// The text of a theme string (`{{t.name}}`), where its table keeps it.
        case bytes(UnsafeBufferPointer<UInt8>, plain: Bool)
        /// No frame has the name.
        case missing
        /// A value that is not a string, or a frame that is not a `TemplateObject`: `lookup`.
        case other
    }

    /// `find` for a `{{name}}` whose value is most often a string in a `TemplateObject`: where
    /// that string is, so that it is written in place (a found value copied out cost a retain
    /// and a release per tag).
    private mutating func findString(_ name: UnsafePointer<String>, hash: UInt64, anchored: Bool) -> StringSearch {
        switch findEntry(name, hash: hash, anchored: anchored) {
        case let .entry(entry):
            if entry.pointee.text != nil { return .string(entry) }
            if case .string = entry.pointee.value { return .string(entry) }
            return .other
        case .missing: return .missing
        case .elsewhere: return .other
        }
    }

    /// `find` for `{{t.name}}`: when the nearest holder of the first name is a `TemplateObject`
    /// entry holding the theme's strings, the second name's text there, or `.missing` when the
    /// table lacks it (as `lookup` would find nothing).
    private mutating func findTableString(_ name: UnsafePointer<String>, hash: UInt64, anchored: Bool,
                                 _ second: UnsafePointer<String>, _ secondHash: UInt64) -> StringSearch {
        switch findEntry(name, hash: hash, anchored: anchored) {
        case let .entry(entry):
            guard let table = entry.pointee.table else { return .other }
            return table._withUnsafeGuaranteedRef { $0.bytes(second.pointee, hash: secondHash) }.map { StringSearch.bytes($0.bytes, plain: $0.plain) } ?? .missing
        case .missing: return .missing
        case .elsewhere: return .other
        }
    }

    /// The entry named `name` in the object a probe reads: by its slot table when it has one,
    /// else by scanning its hashes.
    @inline(__always)
    private static func entry(_ name: UnsafePointer<String>, hash: UInt64, in probe: Probe, _ entries: UnsafePointer<TemplateObject.Entry>,
                              _ slotBase: UnsafeMutablePointer<Int32>) -> UnsafePointer<TemplateObject.Entry>? {
        if probe.slots >= 0 {
            let table = slotBase + probe.slots
            var slot = Int(truncatingIfNeeded: hash) & probe.slotMask
            while true {
                let k = Int(table[slot])
                if k == 0 { return nil }
                if entries[k - 1].hash == hash && entries[k - 1].key == name.pointee { return entries + (k - 1) }
                slot = (slot + 1) & probe.slotMask
            }
        }
        var k = 0
        while k < probe.count {
            if entries[k].hash == hash && entries[k].key == name.pointee { return entries + k }
            k += 1
        }
        return nil
    }

    /// `table[name]`, by comparing the names of a small table one by one: the tables of a page
    /// (a link's `href` and `label`) hold two or three names, and hashing the name with the
    /// table's seed cost more than comparing them all.
    @inline(__always)
    static func find(_ name: String, in table: [String: String]) -> String? {
        guard table.count <= 4 else { return table[name] }
        for (key, value) in table where key == name { return value }
        return nil
    }

    // MARK: writing

    private mutating func writeValue(_ value: ContextValue, escaped: Bool) {
        if atLineStart { output.append(indentation); atLineStart = false }
        switch value {
        case let .string(s): write(s, escaped: escaped)
        case let .bytes(b): b.withUnsafeBufferPointer { write($0, escaped: escaped) }
        case let .chunks(list): for b in list { b.withUnsafeBufferPointer { write($0, escaped: escaped) } }
        case let .bool(b): write(b ? "true" : "false", escaped: false)
        case let .integer(n): write(String(n), escaped: false)
        case let .inline(i): renderInline(i, escaped: escaped)
        default: write(String(describing: value.raw), escaped: escaped)
        }
    }

    private mutating func writeBytes(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        if atLineStart { output.append(indentation); atLineStart = false }
        write(bytes, escaped: escaped)
    }

    /// A string value written where it is stored, without copying it out of its entry.
    private mutating func writeString(_ entry: UnsafePointer<TemplateObject.Entry>, escaped: Bool) {
        if atLineStart { output.append(indentation); atLineStart = false }
        let escaped = escaped && !entry.pointee.plain
        if let text = entry.pointee.text { return write(text, escaped: escaped) }
        guard case let .string(s) = entry.pointee.value else { return }
        write(s, escaped: escaped)
    }

    /// Writes an `InlineTemplate` where its tag is, as if it had been rendered on its own with the
    /// caller's contexts and its bytes inserted: the sections open around the tag and the
    /// partial's indentation do not apply. Escaped (`{{content}}`), it is rendered apart first.
    private mutating func renderInline(_ inline: InlineTemplate, escaped: Bool) {
        guard depth < Self.maximumDepth, let registered = library.registered(inline.name) else { return }
        let savedStack = stack, savedProbes = probes, savedIndentation = indentation, savedLineStart = atLineStart
        stack.removeSubrange(rootFrames...)
        probes.removeSubrange(rootFrames...)
        indentation = []
        atLineStart = false
        depth += 1
        if escaped {
            let start = output.count
            render(registered)
            let rendered = output.removeSuffix(from: start)
            rendered.withUnsafeBufferPointer { write($0, escaped: true) }
        } else {
            render(registered)
        }
        depth -= 1
        stack = savedStack
        probes = savedProbes
        indentation = savedIndentation
        atLineStart = savedLineStart
    }

    /// Template text: indented line by line inside a standalone partial. The common case, no
    /// indentation, is inlined into the render loop (a call to all of this, for the few hundred
    /// pieces of text of every page, was about a fiftieth of a build).
    @inline(__always)
    private mutating func writeTemplateText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if indentation.isEmpty { output.append(bytes) } else { writeIndentedText(bytes) }
    }

    @inline(never)
    private mutating func writeIndentedText(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            if atLineStart { output.append(indentation); atLineStart = false }
            output.append(b)
            if b == 10 { atLineStart = true }
        }
    }

    /// `{{x}}` escapes with `HTML.appendEscaped`; `{{{x}}}` copies.
    private mutating func write(_ text: String, escaped: Bool) {
        text.withUTF8Bytes { write($0, escaped: escaped) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        if escaped { HTML.appendEscaped(bytes, to: &output) } else { output.append(bytes) }
    }
}

/// What a context value is, told by its exact dynamic type.
///
/// `as? [String: String]` on a `[String: Any]` (or the other way round) does not fail fast:
/// the runtime converts the whole dictionary element by element to find out. Comparing the
/// type first and then casting to that very type costs a pointer comparison.
enum ContextValue {
    case string(String)
    /// UTF-8 text, such as a rendered page body.
    case bytes([UInt8])
    /// UTF-8 texts written one after another: a directory letter's cards, each where it was
    /// rendered (joined into one array first, every card of a big directory was copied twice).
    case chunks([[UInt8]])
    /// A template rendered where the value is written (`InlineTemplate`).
    case inline(InlineTemplate)
    case bool(Bool)
    /// A count or a year: written in decimal, truthy in sections (as any number is). Told apart
    /// here, as other numbers are not, because pages count things: a number classified by
    /// reflection and written with `String(describing:)` cost about 5,000 instructions.
    case integer(Int)
    /// Objects and lists of them built for templates (`TemplateObject`).
    case template(TemplateObject)
    case templates([TemplateObject])
    case object([String: Any])
    case strings([String: String])
    /// The theme's UI strings (`{{t.name}}`), in a table that finds a name by its template hash.
    case uiStrings(TemplateTable)
    /// Arrays: of objects, of string tables, of strings, of anything else.
    case objects([[String: Any]])
    case tables([[String: String]])
    case texts([String])
    case list([Any])
    /// An `Optional` that ended up inside an `Any`. Boxed (`indirect`), as is `other`, so that
    /// the enum stays as small as its other payloads and copies cheaply.
    indirect case optional(Any)
    /// Numbers and anything else: written with `String(describing:)`, truthy in sections.
    indirect case other(Any)

    init(_ value: Any) { self = ContextValue.classify(value) }

    /// Told apart with the value's dynamic type opened as `T`: once `T` is known to be, say,
    /// `String`, the value is that very type and is reinterpreted as it. `as!` from `Any` went
    /// through the runtime's general cast (about 250 instructions a value), and a page's
    /// context stores a few hundred values.
    private static func classify<T>(_ value: T) -> ContextValue {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == TemplateObject.self { return .template(unsafeBitCast(value, to: TemplateObject.self)) }
        if T.self == [TemplateObject].self { return .templates(unsafeBitCast(value, to: [TemplateObject].self)) }
        if T.self == [String: Any].self { return .object(unsafeBitCast(value, to: [String: Any].self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int.self { return .integer(unsafeBitCast(value, to: Int.self)) }
        if T.self == [UInt8].self { return .bytes(unsafeBitCast(value, to: [UInt8].self)) }
        if T.self == [[UInt8]].self { return .chunks(unsafeBitCast(value, to: [[UInt8]].self)) }
        if T.self == InlineTemplate.self { return .inline(unsafeBitCast(value, to: InlineTemplate.self)) }
        if T.self == [String: String].self { return .strings(unsafeBitCast(value, to: [String: String].self)) }
        if T.self == TemplateTable.self { return .uiStrings(unsafeBitCast(value, to: TemplateTable.self)) }
        if T.self == [[String: Any]].self { return .objects(unsafeBitCast(value, to: [[String: Any]].self)) }
        if T.self == [[String: String]].self { return .tables(unsafeBitCast(value, to: [[String: String]].self)) }
        if T.self == [String].self { return .texts(unsafeBitCast(value, to: [String].self)) }
        if T.self == [Any].self { return .list(unsafeBitCast(value, to: [Any].self)) }
        if Mirror(reflecting: value).displayStyle == .optional { return .optional(value) }
        if let a = value as? [Any] { return .list(a) }
        return .other(value)
    }

    /// The content of an `.optional`, classified; nil when it holds nil.
    var unwrapped: ContextValue? {
        guard case let .optional(value) = self else { return self }
        guard let inner = Mirror(reflecting: value).children.first?.value else { return nil }
        return ContextValue(inner).unwrapped
    }

    /// The value as it came, for `String(describing:)`.
    var raw: Any {
        switch self {
        case let .string(v): return v
        case let .bytes(v): return v
        case let .chunks(v): return v
        case let .inline(v): return v
        case let .bool(v): return v
        case let .integer(v): return v
        case let .template(v): return v
        case let .templates(v): return v
        case let .object(v): return v
        case let .strings(v): return v
        case let .uiStrings(v): return v
        case let .objects(v): return v
        case let .tables(v): return v
        case let .texts(v): return v
        case let .list(v): return v
        case let .optional(v): return v
        case let .other(v): return v
        }
    }
}

/// A context value that renders the named template in its place, with the contexts the
/// rendering started with: a page's body goes into its layout this way (`{{{content}}}`)
/// without being rendered into a buffer of its own and copied.
public struct InlineTemplate: Sendable, Equatable {
    public var name: String
    public init(_ name: String) { self.name = name }
}
