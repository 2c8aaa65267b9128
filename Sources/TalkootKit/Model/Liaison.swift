/// A person who helps associations: the municipal liaison, a volunteer agent or a sector contact.
public struct Liaison: Sendable {
    public enum Role: String, Sendable, CaseIterable { case liaison, agent, sectorContact = "sector-contact" }

    public var name: String
    public var role: Role
    public var title: String?
    public var organisation: String?
    public var sectors: [String]
    public var phone: PhoneNumber?
    public var email: String?
    public var photo: ImageRef?
    public var officeHours: String?
    public var order: Int
    public var extra: [String: String]
    public var body: MarkdownText
}
