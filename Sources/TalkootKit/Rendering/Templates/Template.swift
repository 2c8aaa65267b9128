/// A theme template, parsed once into a tree that renders without re-reading the text.
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
public struct Template: Sendable {
    let nodes: [TemplateNode]

    /// Parses `text`; errors carry the 1-based line and column of the offending tag.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parseDocument()
    }
}

/// A name in a tag: `t.title` → ["t", "title"]; `.` → the current object.
struct TemplatePath: Sendable, Equatable {
    /// The dotted parts; empty for `{{.}}`.
    let names: [String]
    /// `{{.x}}`: look in the current object only, do not climb the context stack.
    let anchored: Bool

    init(_ text: String) {
        if text == "." {
            names = []
            anchored = true
        } else {
            anchored = text.hasPrefix(".")
            names = text.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        }
    }
}

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
}

/// A template that cannot be parsed: where, and what is wrong, in words for a theme author.
public struct TemplateSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}
