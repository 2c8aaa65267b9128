/// An entry of the cooperation annual clock (vuosikello): content model, "Annual clock".
public struct ClockEntry: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case evening, event, network
        case workingGroup = "working-group"
        case strategy, deadline, other
        /// Added by Talkoot from grants and facilities, never written in clock files.
        case application, booking
        public static let writable: [Kind] = [.evening, .event, .network, .workingGroup, .strategy, .deadline, .other]
    }
    public enum When: Sendable, Hashable {
        case date(DateSpec, end: DateSpec?)
        case months([Int])
    }
    public struct Registration: Sendable, Hashable {
        public var url: String?
        public var deadline: Day?
    }

    public var title: String
    public var kind: Kind
    public var when: When
    public var time: String?
    public var place: PlaceRef?
    public var organizer: PersonRef?
    public var registration: Registration?
    /// `kind/slug` references, e.g. `grants/kylien-kehittamisraha`.
    public var related: [String]
    public var extra: [String: String]
    public var body: MarkdownText
}
