/// An association (yhdistys): content model, "Associations".
public struct Association: Sendable {
    public struct Activity: Sendable, Hashable {
        public var name: String
        public var when: String?
        public var place: PlaceRef?
        public var audience: [String]
        public var cost: String?
    }

    public var name: String
    public var summary: String
    public var sectors: [String]
    public var area: String?
    public var registerNumber: String?
    public var founded: Int?
    public var website: String?
    public var email: String?
    public var phone: PhoneNumber?
    /// Kept in the model for the liaison's reports; pages and exports show it only with consent.
    public var contactPerson: ContactPerson?
    /// Ordered as written: (name, URL).
    public var social: [(name: String, url: String)]
    public var targetGroups: [String]
    public var languages: [String]
    public var meetsAt: [String]
    public var activities: [Activity]
    public var membership: String?
    public var volunteersWanted: Bool
    public var volunteerTasks: String?
    public var logo: ImageRef?
    public var updated: Day
    public var extra: [String: String]
    public var body: MarkdownText

    /// The contact person that may be published.
    public var publicContactPerson: ContactPerson? { contactPerson?.consent == true ? contactPerson : nil }

    /// True when a resident has some way to reach the association.
    public var hasContact: Bool {
        website != nil || email != nil || phone != nil || publicContactPerson != nil || !social.isEmpty
    }
}
