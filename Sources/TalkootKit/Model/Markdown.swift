/// Markdown source with the place it came from (for diagnostics and "edit" links).
public struct MarkdownText: Sendable, Hashable {
    public var source: String
    public var file: String
    public var line: Int
    public init(source: String, file: String, line: Int) {
        self.source = source
        self.file = file
        self.line = line
    }
    public var isBlank: Bool { source.allSatisfy { $0.isWhitespace } }
}

/// An image file under `content/images/`, by its path relative to `content/`.
public struct ImageRef: Sendable, Hashable {
    public var path: String
}

/// A reference to another item, resolved at load time: either a known item or free text.
public enum PlaceRef: Sendable, Hashable {
    case facility(String)
    case text(String)
}

public enum PersonRef: Sendable, Hashable {
    case liaison(String)
    case text(String)
}
