/// Content model, "Associations: content/associations/<slug>.md".
enum AssociationDecoder {
    static let fields: FieldNames = ["name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone",
                         "contact_person", "social", "target_groups", "languages", "meets_at", "activities", "membership",
                         "volunteers_wanted", "volunteer_tasks", "logo", "updated"]

    // Nested mappings' fields, built once: a literal here would build its set for every file.
    static let contactPersonFields: FieldNames = ["name", "role", "phone", "email", "consent"]
    static let activityFields: FieldNames = ["name", "when", "where", "audience", "cost"]

    static func decode(_ r: inout FieldReader, body: MarkdownText, context: DecodeContext) -> Association? {
        let name = r.text("name", required: true)
        let summary = r.text("summary", required: true, maxLength: 200)
        let sectors = r.ids("sectors", allowed: context.sectorIDs, what: "sector", required: true)
        var area: String?
        if let a = r.text("area") {
            if context.config.areas.isEmpty || context.config.areas.contains(a) {
                area = a
            } else {
                r.error(at: r.position(of: "area"), field: "area", "'\(a)' is not one of the areas in site.yml",
                        hint: Suggestion.hint(for: a, allowed: context.config.areas))
            }
        }
        let registerNumber = r.text("register_number")
        let founded = r.int("founded", range: 1800...(context.today.year + 1))
        let website = r.webURL("website")
        let email = r.email("email")
        let phone = r.phone("phone")

        var contact: ContactPerson?
        if var c = r.mapping("contact_person", allowed: contactPersonFields) {
            let n = c.text("name", required: true)
            let consent = c.bool("consent") ?? false
            contact = n.map { ContactPerson(name: $0, role: c.text("role"), phone: c.phone("phone"), email: c.email("email"), consent: consent) }
            if contact != nil && !c.has("consent") {
                c.warning(at: c.origin, field: "contact_person.consent", "the contact person is not published without 'consent: true'",
                          hint: "add consent: true once the person has agreed to be named on the site")
            }
            r.absorb(c)
        }

        var social: [(String, String)] = []
        for (key, value, pos) in r.textMap("social") {
            if AddressCheck.isWebURL(value) {
                social.append((key, value))
            } else {
                r.error(at: pos, field: "social.\(key)", "'social.\(key)' must be a web address starting with https://, found '\(value)'")
            }
        }

        let targetGroups = r.ids("target_groups", allowed: TargetGroup.ids, what: "target group")
        let languages = r.textList("languages")
        // Language codes become filter pages of the directory (kieli/fi); a name such as "suomi" would not.
        for l in languages where !(2...3).contains(l.count) || !l.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            let names = ["suomi": "fi", "finska": "fi", "finnish": "fi", "ruotsi": "sv", "svenska": "sv", "swedish": "sv",
                         "englanti": "en", "engelska": "en", "english": "en", "saame": "se", "viro": "et", "venäjä": "ru", "arabia": "ar"]
            r.warning(at: r.position(of: "languages"), field: "languages", "'\(l)' is not a language code: the directory cannot offer it as a filter",
                      hint: names[l.lowercased()].map { "write \($0) instead of \(l)" } ?? "use codes such as fi, sv, en, se (saame), ru, ar")
        }
        var meetsAt: [String] = []
        if let items = r.list("meets_at") {
            for (i, item) in items.enumerated() {
                if let s = item.scalarText?.trimmed,
                   let slug = r.checkReference(s, kind: .facilities, context: context, position: item.position, field: "meets_at[\(i)]") {
                    meetsAt.append(slug)
                }
            }
        }

        var activities: [Association.Activity] = []
        if let items = r.list("activities") {
            for (i, item) in items.enumerated() {
                var a = FieldReader(item, prefix: "activities[\(i)].", allowed: activityFields)
                if let n = a.text("name", required: true) {
                    activities.append(Association.Activity(name: n, when: a.text("when"), place: a.place("where", context: context),
                                                           audience: a.ids("audience", allowed: TargetGroup.ids, what: "target group"),
                                                           cost: a.text("cost")))
                }
                r.absorb(a)
            }
        }
        let membership = r.text("membership")
        let volunteersWanted = r.bool("volunteers_wanted") ?? false
        let volunteerTasks = r.text("volunteer_tasks")
        let logo = r.image("logo", context: context)
        let updated = r.day("updated", required: true)
        let extra = r.extra()

        if let updated, updated.days(until: context.today) > context.config.staleAfterDays {
            r.warning(at: r.position(of: "updated"), field: "updated",
                      "the information was last confirmed on \(updated.iso), more than \(context.config.staleAfterDays) days ago",
                      hint: "ask the association to check its information, then update 'updated'")
        }
        if let updated, updated > context.today {
            r.warning(at: r.position(of: "updated"), field: "updated", "'updated' is in the future (\(updated.iso)); is the date right?")
        }

        guard let name, let summary, !sectors.isEmpty, let updated else { return nil }
        let association = Association(
            name: name, summary: summary, sectors: sectors, area: area, registerNumber: registerNumber, founded: founded,
            website: website, email: email, phone: phone, contactPerson: contact, social: social, targetGroups: targetGroups,
            languages: languages, meetsAt: meetsAt, activities: activities, membership: membership,
            volunteersWanted: volunteersWanted, volunteerTasks: volunteerTasks, logo: logo, updated: updated, extra: extra, body: body)
        if !association.hasContact {
            r.warning(at: r.origin, field: "", "residents have no way to contact this association",
                      hint: "add website, email, phone, social or a contact_person with consent: true")
        }
        return association
    }
}
