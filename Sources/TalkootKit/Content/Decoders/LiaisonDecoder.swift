/// Content model, "Liaisons: content/liaisons/<slug>.md".
enum LiaisonDecoder {
    static let fields: FieldNames = ["name", "role", "title", "organisation", "sectors", "phone", "email", "photo", "office_hours", "order"]

    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> Liaison? {
        let name = r.text("name", required: true)
        let role = r.id("role", allowed: Liaison.Role.allCases.map(\.rawValue), what: "role", required: true).flatMap(Liaison.Role.init(rawValue:))
        let liaison = Liaison(
            name: name ?? "", role: role ?? .liaison, title: r.text("title"), organisation: r.text("organisation"),
            sectors: r.ids("sectors", allowed: context.sectorIDs, what: "sector"), phone: r.phone("phone"), email: r.email("email"),
            photo: r.image("photo", context: context), officeHours: r.text("office_hours"), order: r.int("order") ?? 1000,
            extra: r.extra(), body: body)
        if name != nil, liaison.phone == nil, liaison.email == nil {
            r.warning(at: r.origin, field: "", "no phone or email: associations cannot reach this person", hint: "add phone or email")
        }
        guard name != nil, role != nil else { return nil }
        return liaison
    }
}
