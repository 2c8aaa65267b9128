/// Text given once or per language: `title: Yhdistystoiminta` or `title: {fi: ..., sv: ...}`.
public struct LocalizedText: Sendable, Hashable {
    public var values: [String: String]
    public var fallback: String

    public init(_ single: String) { values = [:]; fallback = single }
    public init(values: [String: String], default language: String) {
        self.values = values
        fallback = values[language] ?? values.values.sorted().first ?? ""
    }

    public func text(_ language: String) -> String { values[language] ?? fallback }
}
