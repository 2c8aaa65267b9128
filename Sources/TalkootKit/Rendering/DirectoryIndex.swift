/// The directory's filters (sector, area, target group, language, volunteers), each with the
/// associations it keeps, and the page addresses of the area names: the part of `SiteIndex`
/// that reads every association's vocabulary.
///
/// Made in one pass over the associations, each value's members gathered as it is met: a pass
/// to find the values and another to gather the members hashed every value twice. Made on its
/// own so that a build can make it beside the rest of the index (see `RenderEnvironment.init`).
struct DirectoryIndex: Sendable {
    /// Every filter with the associations it keeps (indices in site order, an association once
    /// per time it names the value).
    var filters: [SiteIndex.FilterKey: [Int]] = [:]
    /// Filters in display order: sectors in site.yml's order, areas in site.yml's order (or
    /// sorted when it lists none), target groups in their fixed order, languages sorted, and
    /// volunteering last; only values some association has.
    var filterList: [SiteIndex.FilterKey] = []
    /// Page address part of every area name in site.yml or in an association.
    var areaSlugs: [String: String] = [:]
    /// The area name a filter address stands for: site.yml's first, else the first association's.
    var areaBySlug: [String: String] = [:]

    init(_ site: Site) {
        var sectors = StringGroups()
        var areas = StringGroups()  // by area name
        var groups = StringGroups()
        var languages = StringGroups()
        var volunteers: [Int] = []
        // Fields read where they are (see SiteIndex.init).
        let associations = site.associations
        for i in associations.indices {
            for s in associations[i].primary.sectors { sectors.add(i, to: s) }
            if let area = associations[i].primary.area { areas.add(i, to: area) }
            for g in associations[i].primary.targetGroups { groups.add(i, to: g) }
            for l in associations[i].primary.languages { languages.add(i, to: l) }
            if associations[i].primary.volunteersWanted { volunteers.append(i) }
        }

        func add(_ filter: Routes.Filter, _ value: String?, _ members: [Int]) {
            let key = SiteIndex.FilterKey(filter: filter, value: value)
            guard filters[key] == nil else { return }
            filterList.append(key)
            filters[key] = members
        }
        for sector in site.sectors { if let members = sectors[sector.id] { add(.sector, sector.id, members) } }
        // site.yml's names first, so that each names its address; validation makes sure that
        // no two area names make the same one.
        let used = areas.keys.sorted()
        for name in site.config.areas + used where areaSlugs[name] == nil {
            let slug = Slug.make(from: name)
            areaSlugs[name] = slug
            if areaBySlug[slug] == nil { areaBySlug[slug] = name }
        }
        let areaNames = site.config.areas.isEmpty ? used : site.config.areas.filter { areas[$0] != nil }
        for name in areaNames { add(.area, areaSlugs[name]!, areas[name]!) }
        for id in TargetGroup.ids { if let members = groups[id] { add(.targetGroup, id, members) } }
        for code in languages.keys.sorted() where Slug.isValid(code) { add(.language, code, languages[code]!) }
        if !volunteers.isEmpty { add(.volunteers, nil, volunteers) }
    }
}
