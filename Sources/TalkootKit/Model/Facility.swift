/// Premises that associations may use (tila): content model, "Facilities".
public struct Facility: Sendable {
    public struct Booking: Sendable, Hashable {
        public var url: String?
        public var email: String?
        public var phone: PhoneNumber?
        public var instructions: String?
    }
    public struct Period: Sendable, Hashable {
        public var label: String
        public var start: DateSpec
        public var end: DateSpec?
    }
    public enum Rules: Sendable, Hashable {
        case page(String)
        case url(String)
    }

    public var name: String
    public var address: String
    public var latitude: Double?
    public var longitude: Double?
    public var owner: String?
    public var capacity: Int?
    /// nil when free of charge.
    public var price: String?
    public var isFree: Bool { price == nil }
    public var accessibility: String?
    public var accessibilityFeatures: [String]
    public var openingHours: String?
    public var whoMayBook: String?
    public var equipment: [String]
    public var booking: Booking?
    public var bookingPeriods: [Period]
    public var rules: Rules?
    public var extra: [String: String]
    public var body: MarkdownText
}
