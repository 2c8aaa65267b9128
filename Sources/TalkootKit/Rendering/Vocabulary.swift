/// The links and labels that cards and association pages repeat, for one language: a sector,
/// a target group, an activity language or a facility is shown the same way wherever it is
/// listed. Made once per build for the values the content uses (a few dozen), so that each of
/// the tens of thousands of cards and pages copies them instead of building them again (the
/// labels, links and small tables were about a sixth of an association page's context).
/// A class, made once per language and then only read: a page takes it with one retain of a
/// shared object, where copying six tables took six (on objects that both cores' pages count).
final class Vocabulary: Sendable {
    /// Sector id → `id`, `name`, `href` (its directory filter page). Context objects, not
    /// string dictionaries: a template reads their names by the hashes it made when parsed,
    /// where a dictionary hashed each name again on every page. Keyed in `StringMap`s, which
    /// an association page looks up a dozen times.
    let sectorLinks: StringMap<TemplateObject>
    /// Target group id → `name`, `href`.
    let targetGroupLinks: StringMap<TemplateObject>
    let targetGroupLabels: StringMap<String>
    /// Language code → `name`.
    let languageNames: StringMap<TemplateObject>
    /// Facility slug → `name`, `href`: where an activity meets.
    let facilityPlaces: StringMap<TemplateObject>
    /// Facility slug → its JSON-LD `Place` as written (an association page's `location`):
    /// the same on every page that names the facility, so written once per language.
    let facilityLocations: StringMap<[UInt8]>
    /// A social media service's name as shown ("facebook" → "Facebook").
    let socialNames: StringMap<String>

    init(sectorLinks: StringMap<TemplateObject>, targetGroupLinks: StringMap<TemplateObject>, targetGroupLabels: StringMap<String>,
         languageNames: StringMap<TemplateObject>, facilityPlaces: StringMap<TemplateObject>, facilityLocations: StringMap<[UInt8]>,
         socialNames: StringMap<String>) {
        self.sectorLinks = sectorLinks
        self.targetGroupLinks = targetGroupLinks
        self.targetGroupLabels = targetGroupLabels
        self.languageNames = languageNames
        self.facilityPlaces = facilityPlaces
        self.facilityLocations = facilityLocations
        self.socialNames = socialNames
    }
}

/// The ids a `Vocabulary` has entries for: those the associations use, in any language
/// version. The same for every language, so gathered once per build; the fields are read where
/// they are stored (taking each association as a value copied all its fields, a retain each,
/// and the loop ran once per language over every association).
struct VocabularyTerms {
    var sectors = StringSet()
    var targetGroups = StringSet()
    /// Target groups named by activities (`audience`).
    var audiences = StringSet()
    var languages = StringSet()
    var social = StringSet()

    init(_ associations: [Localized<Association>]) {
        for item in associations {
            item.withVersion(item.defaultLanguage) { add($0) }
            for language in item.translations.keys { item.withVersion(language) { add($0) } }
        }
    }

    private mutating func add(_ a: borrowing Association) {
        for id in a.sectors { sectors.insert(id) }
        for id in a.targetGroups { targetGroups.insert(id) }
        for k in a.activities.indices {
            for id in a.activities[k].audience { audiences.insert(id) }
        }
        for code in a.languages { languages.insert(code) }
        for k in a.social.indices { social.insert(a.social[k].name) }
    }
}

extension RenderEnvironment {
    func makeVocabulary(_ language: String, terms: VocabularyTerms) -> Vocabulary {
        var sectorLinks = StringMap<TemplateObject>(), targetGroupLinks = StringMap<TemplateObject>(), languageNames = StringMap<TemplateObject>()
        var targetGroupLabels = StringMap<String>(), socialNames = StringMap<String>()
        var facilityPlaces = StringMap<TemplateObject>(), facilityLocations = StringMap<[UInt8]>()
        for id in terms.sectors { sectorLinks[id] = sectorLink(id, language) }
        for id in terms.targetGroups { targetGroupLinks[id] = targetGroupLink(id, language) }
        for id in terms.audiences { targetGroupLabels[id] = targetGroupLabel(id, language) }
        for code in terms.languages { languageNames[code] = languageName(code, language) }
        for name in terms.social { socialNames[name] = RenderEnvironment.socialName(name) }
        for f in site.facilities {
            facilityPlaces[f.slug] = facilityPlace(f.slug, language)
            facilityLocations[f.slug] = StructuredData.location(f, language, url: routes.absolute(routes.item(.facilities, f.slug, language)))
        }
        return Vocabulary(sectorLinks: sectorLinks, targetGroupLinks: targetGroupLinks, targetGroupLabels: targetGroupLabels,
                          languageNames: languageNames, facilityPlaces: facilityPlaces, facilityLocations: facilityLocations,
                          socialNames: socialNames)
    }

    func sectorLink(_ id: String, _ language: String) -> TemplateObject {
        ["id": id, "name": sectorName(id, language), "href": href(routes.filter(.sector, value: id, language))]
    }

    func targetGroupLink(_ id: String, _ language: String) -> TemplateObject {
        ["name": targetGroupLabel(id, language), "href": href(routes.filter(.targetGroup, value: id, language))]
    }

    func languageName(_ code: String, _ language: String) -> TemplateObject { ["name": languageLabel(code, language)] }

    func facilityPlace(_ slug: String, _ language: String) -> TemplateObject {
        // By index, so that no copy of the facility is made just to read its name.
        let name = index.facilityBySlug[slug].map { site.facilities[$0].field(language, \.name) } ?? slug
        return ["name": name, "href": href(routes.item(.facilities, slug, language))]
    }

    static func socialName(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}
