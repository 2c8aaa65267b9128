/// The links and labels that cards and association pages repeat, for one language: a sector,
/// a target group, an activity language or a facility is shown the same way wherever it is
/// listed. Made once per build for the values the content uses (a few dozen), so that each of
/// the tens of thousands of cards and pages copies them instead of building them again (the
/// labels, links and small tables were about a sixth of an association page's context).
struct Vocabulary: Sendable {
    /// Sector id → `id`, `name`, `href` (its directory filter page).
    var sectorLinks: [String: [String: String]] = [:]
    /// Target group id → `name`, `href`.
    var targetGroupLinks: [String: [String: String]] = [:]
    var targetGroupLabels: [String: String] = [:]
    /// Language code → `name`.
    var languageNames: [String: [String: String]] = [:]
    /// Facility slug → `name`, `href`: where an activity meets.
    var facilityPlaces: [String: TemplateObject] = [:]
    /// A social media service's name as shown ("facebook" → "Facebook").
    var socialNames: [String: String] = [:]
}

extension RenderEnvironment {
    func makeVocabulary(_ language: String) -> Vocabulary {
        var v = Vocabulary()
        func add(_ a: Association) {
            for id in a.sectors where v.sectorLinks[id] == nil { v.sectorLinks[id] = sectorLink(id, language) }
            for id in a.targetGroups where v.targetGroupLinks[id] == nil { v.targetGroupLinks[id] = targetGroupLink(id, language) }
            for act in a.activities {
                for id in act.audience where v.targetGroupLabels[id] == nil { v.targetGroupLabels[id] = targetGroupLabel(id, language) }
            }
            for code in a.languages where v.languageNames[code] == nil { v.languageNames[code] = ["name": languageLabel(code, language)] }
            for s in a.social where v.socialNames[s.name] == nil { v.socialNames[s.name] = RenderEnvironment.socialName(s.name) }
        }
        for item in site.associations {
            add(item.primary)
            for version in item.translations.values { add(version) }
        }
        for f in site.facilities { v.facilityPlaces[f.slug] = facilityPlace(f.slug, language) }
        return v
    }

    func sectorLink(_ id: String, _ language: String) -> [String: String] {
        ["id": id, "name": sectorName(id, language), "href": href(routes.filter(.sector, value: id, language))]
    }

    func targetGroupLink(_ id: String, _ language: String) -> [String: String] {
        ["name": targetGroupLabel(id, language), "href": href(routes.filter(.targetGroup, value: id, language))]
    }

    func facilityPlace(_ slug: String, _ language: String) -> TemplateObject {
        // By index, so that no copy of the facility is made just to read its name.
        let name = index.facilityBySlug[slug].map { site.facilities[$0].field(language, \.name) } ?? slug
        return ["name": name, "href": href(routes.item(.facilities, slug, language))]
    }

    static func socialName(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}
