/// A grant programme (avustus): content model, "Grants".
public struct Grant: Sendable {
    public struct Window: Sendable, Hashable {
        public var start: DateSpec
        public var end: DateSpec?
        /// Closing time on the last day, display text such as "15.00".
        public var time: String?
    }

    public var name: String
    public var provider: String?
    /// Sector ids, or empty with `allSectors`.
    public var sectors: [String]
    public var allSectors: Bool
    public var eligible: String?
    public var amount: String?
    public var budget: Int?
    public var application: [Window]
    public var continuous: Bool
    public var applyURL: String?
    public var decision: String?
    public var reporting: String?
    public var contact: String?
    public var extra: [String: String]
    public var body: MarkdownText
}
