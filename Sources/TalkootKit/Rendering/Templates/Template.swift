/// A theme template, parsed once into a flat program that renders without re-reading the text.
///
/// The language is Mustache (https://mustache.github.io/mustache.5.html, the spec's core
/// modules): `{{x}}` escaped, `{{{x}}}` and `{{&x}}` raw, `{{#x}}…{{/x}}` sections,
/// `{{^x}}…{{/x}}` inverted sections, `{{>name}}` partials (standalone ones indent every line),
/// `{{! comments }}`, `{{=<% %>=}}` delimiters, dotted names and `{{.}}`. A name that starts
/// with a dot (`{{#.logo}}`) is looked up in the current object only, as in swift-mustache,
/// whose behaviour the themes were written against. Lambdas and template inheritance are not
/// part of it: contexts are plain data, and a theme overrides whole templates instead.
///
/// Talkoot renders tens of thousands of pages per build; a general-purpose engine spent most
/// of the build in dynamic protocol casts per lookup (see `TemplateRenderer`).
public final class Template: @unchecked Sendable {  // immutable after init
    /// The program: a section's body is the operations up to its `end`. Kept in buffers of
    /// its own so that the render loop reads it without retaining arrays.
    let ops: UnsafeBufferPointer<TemplateOp>
    /// Every literal byte of the template, which `.text` operations and `leads` slice.
    let text: UnsafeBufferPointer<UInt8>
    /// For each operation, the literal text written just before it (a zero count: none). A
    /// text followed by a tag in the same section is not an operation of its own: the render
    /// loop's jump on the kind of each operation was the costliest step of interpreting a
    /// page, and half of a page's operations were texts.
    let leads: UnsafeBufferPointer<TextRef>
    /// The tags' names, flattened: a tag's `PathRef` says where its dotted parts are in
    /// `names` and `hashes`. Plain buffers of plain values, so that a lookup reads them without
    /// reference counting (a `TemplatePath` per tag cost two retains and releases per lookup).
    let pathRefs: UnsafeBufferPointer<PathRef>
    let names: UnsafeBufferPointer<String>
    let hashes: UnsafeBufferPointer<UInt64>
    /// Partial names, and the indentation of standalone partials.
    let strings: [String]
    let indentations: [[UInt8]]
    /// What the template looks up in the object that is current where it is included, for
    /// `PartialCache`: see `Lookups`.
    let lookups: Lookups

    /// Parses `text`; errors carry the 1-based line and column of the offending tag.
    public init(_ source: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source)
        var compiler = Compiler()
        compiler.compile(try parser.parseDocument())
        ops = Template.copy(compiler.ops)
        text = Template.copy(compiler.text)
        leads = Template.copy(compiler.leads)
        var refs: [PathRef] = [], names: [String] = [], hashes: [UInt64] = []
        for p in compiler.paths {
            refs.append(PathRef(start: Int32(names.count), count: Int32(p.names.count), anchored: p.anchored))
            names += p.names
            hashes += p.hashes
        }
        pathRefs = Template.copy(refs)
        self.names = Template.copy(names)
        self.hashes = Template.copy(hashes)
        strings = compiler.strings
        indentations = compiler.indentations
        lookups = Lookups(ops: compiler.ops, paths: compiler.paths, partials: compiler.strings)
    }

    /// The names a template may look up in the contexts around the place it is included, by
    /// the first part of each (`a` of `a.b`), as far as its tags tell. A name without a leading
    /// dot is looked up in every context on the stack; `{{.x}}` and `{{.}}` only in the current
    /// object: outside the template's sections, the one current where it is included.
    struct Lookups: Sendable {
        /// Names without a leading dot, inside sections or not.
        var plain: Set<TemplateKey> = []
        /// Names with a leading dot outside every section.
        var dottedOutside: Set<TemplateKey> = []
        /// Whether a tag outside every section is `{{.}}`.
        var readsCurrentOutside = false
        /// Partials included outside every section, and inside sections.
        var outsidePartials: [String] = []
        var insidePartials: [String] = []

        init(ops: [TemplateOp], paths: [TemplatePath], partials: [String]) {
            // The sections open at each operation: where each ends, and the name that a
            // `{{#.x}}` section found in the object around it. Inside such a section a plain
            // `{{x}}` is found there at the latest (`{{#.lang}} lang="{{lang}}"{{/.lang}}`), so it
            // looks nothing up further out.
            var open: [(end: Int, found: String?)] = []
            for (i, op) in ops.enumerated() {
                while let last = open.last, last.end <= i { open.removeLast() }
                let outside = open.isEmpty
                let path: TemplatePath
                switch op {
                case .text: continue
                case let .variable(p, _), let .section(p, _, _, _): path = paths[Int(p)]
                case let .partial(name, _):
                    if outside { outsidePartials.append(partials[Int(name)]) } else { insidePartials.append(partials[Int(name)]) }
                    continue
                }
                if let first = path.names.first {
                    let name = TemplateKey(first, hash: path.hashes[0])
                    if path.anchored {
                        if outside { dottedOutside.insert(name) }
                    } else if !open.contains(where: { $0.found == first }) {
                        plain.insert(name)
                    }
                } else if outside {
                    readsCurrentOutside = true
                }
                // A section's own name is looked up before it opens; its body, after.
                if case let .section(_, inverted, end, _) = op {
                    open.append((Int(end), path.anchored && !inverted ? path.names.first : nil))
                }
            }
        }
    }

    /// The literal bytes that `ref` names.
    func bytes(_ ref: TextRef) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(ref.start)..<Int(ref.start + ref.count)])
    }

    deinit {
        ops.deallocate()
        text.deallocate()
        leads.deallocate()
        pathRefs.deallocate()
        UnsafeMutableBufferPointer(mutating: names).deinitialize()
        names.deallocate()
        hashes.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    /// The partials this template includes, in order of appearance.
    var partialNames: [String] {
        ops.compactMap { if case let .partial(name, _) = $0 { return strings[Int(name)] }; return nil }
    }

    /// Flattens the parsed tree: a flat array of plain values renders with no reference
    /// counting in the inner loop, which a tree of enum payloads cannot.
    private struct Compiler {
        var ops: [TemplateOp] = []
        var leads: [TextRef] = []
        var text: [UInt8] = []
        var paths: [TemplatePath] = []
        var strings: [String] = []
        var indentations: [[UInt8]] = []

        /// A text followed by a tag of the same body becomes that tag's lead (see `leads`); a
        /// text last in its body (before `{{/x}}`, or at the end) stays an operation.
        mutating func compile(_ nodes: [TemplateNode]) {
            var lead = TextRef(start: 0, count: 0)
            func append(_ op: TemplateOp) {
                ops.append(op)
                leads.append(lead)
                lead = TextRef(start: 0, count: 0)
            }
            for (k, node) in nodes.enumerated() {
                switch node {
                case let .text(bytes):
                    let ref = TextRef(start: Int32(text.count), count: Int32(bytes.count))
                    text += bytes
                    if k + 1 < nodes.count, !nodes[k + 1].isText { lead = ref } else { append(.text(ref)) }
                case let .variable(path, escaped):
                    paths.append(path)
                    append(.variable(path: Int32(paths.count - 1), escaped: escaped))
                case let .section(path, inverted, children):
                    paths.append(path)
                    let pathIndex = Int32(paths.count - 1), at = ops.count
                    append(.section(path: pathIndex, inverted: inverted, end: 0, readsValue: true))
                    compile(children)
                    ops[at] = .section(path: pathIndex, inverted: inverted, end: Int32(ops.count),
                                       readsValue: readsCurrentObject(ops[(at + 1)...]))
                case let .partial(name, indentation):
                    strings.append(name)
                    indentations.append(indentation)
                    append(.partial(name: Int32(strings.count - 1), indentation: Int32(indentations.count - 1)))
                }
            }
        }

        /// Whether a section's body may read the object that is current in it, the section's
        /// own value: a `{{.}}` or a name with a leading dot anywhere in it (an inverted or
        /// boolean section inside does not change the current object), or a partial.
        func readsCurrentObject(_ body: ArraySlice<TemplateOp>) -> Bool {
            body.contains { op in
                switch op {
                case .text: return false
                case .partial: return true
                case let .variable(p, _), let .section(p, _, _, _): return paths[Int(p)].anchored
                }
            }
        }
    }
}

/// One step of a compiled template; indices point into the template's tables.
enum TemplateOp: Sendable {
    case text(TextRef)
    case variable(path: Int32, escaped: Bool)
    /// The body is the operations after this one, up to `end` (exclusive). `readsValue`: the
    /// body may read the section's value as the current object (`Compiler.readsCurrentObject`);
    /// when it does not, a text or number value is not pushed (it has no names to look up).
    case section(path: Int32, inverted: Bool, end: Int32, readsValue: Bool)
    case partial(name: Int32, indentation: Int32)
}

/// Bytes of a template's `text`: `count` from `start`.
struct TextRef: Sendable {
    var start: Int32
    var count: Int32
}

/// Where a tag's name is in its template's tables: `count` parts from `start`; none for `{{.}}`.
struct PathRef {
    var start: Int32
    var count: Int32
    /// `{{.x}}`: look in the current object only.
    var anchored: Bool
}

/// A name in a tag: `t.title` → ["t", "title"]; `.` → the current object.
struct TemplatePath: Sendable, Equatable {
    /// The dotted parts; empty for `{{.}}`.
    let names: [String]
    /// `{{.x}}`: look in the current object only, do not climb the context stack.
    let anchored: Bool
    /// `TemplateObject.hash` of each name, computed once here rather than at every lookup.
    let hashes: [UInt64]

    init(_ text: String) {
        if text == "." {
            names = []
            anchored = true
        } else {
            anchored = text.hasPrefix(".")
            names = text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        }
        hashes = names.map(TemplateObject.hash)
    }
}

/// The parser's output, before it is flattened into `TemplateOp`s.
indirect enum TemplateNode: Sendable {
    /// Literal text, stored as the bytes it writes.
    case text([UInt8])
    /// `{{x}}` (escaped) or `{{{x}}}` / `{{&x}}` (raw).
    case variable(TemplatePath, escaped: Bool)
    /// `{{#x}}…{{/x}}`, or `{{^x}}…{{/x}}` when inverted.
    case section(TemplatePath, inverted: Bool, [TemplateNode])
    /// `{{>name}}`; `indentation` is the whitespace before a standalone partial tag, written
    /// before every line of the partial.
    case partial(String, indentation: [UInt8])

    var isText: Bool { if case .text = self { true } else { false } }
}

/// A template that cannot be parsed: where, and what is wrong, in words for a theme author.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}
