/// A place in a content file, for diagnostics. Lines and columns are 1-based.
public struct SourcePosition: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }
}
