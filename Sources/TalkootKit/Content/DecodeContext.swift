/// What a decoder needs to know beyond its own file: the settings, the allowed ids,
/// which items exist (for references) and "today" (for staleness).
public struct DecodeContext: Sendable {
    public var config: SiteConfig
    public var sectorIDs: [String]
    /// Slugs of every item, known from file names before any file is decoded. Drafts are among
    /// them: whether an item is one is known only once its file is read, so a reference to a
    /// draft is found after decoding (see `ItemReference`).
    public var slugs: [ContentKind: SortedSlugs]
    /// Image paths relative to `content/`, e.g. `images/martat.png`.
    public var images: Set<String>
    public var today: Day

    public func exists(_ kind: ContentKind, _ slug: String) -> Bool { slugs[kind]?.contains(slug) ?? false }
}

/// The slugs of one kind's items in byte order, as the folder listing sorts them: a reference
/// is looked up by halving the list, which costs nothing to make (a `Set` of a big folder's
/// 10,000 slugs was hashed on one thread before any file was read).
public struct SortedSlugs: Sendable {
    public let all: [String]

    /// `slugs` must be in byte order (`String.precedesInByteOrder`) and distinct.
    init(sorted slugs: [String]) { all = slugs }

    public func contains(_ slug: String) -> Bool {
        var low = 0, high = all.count
        while low < high {
            let mid = (low + high) / 2
            if all[mid].precedesInByteOrder(slug) { low = mid + 1 } else { high = mid }
        }
        return low < all.count && all[low] == slug
    }
}

/// A field that names another item: an error once that item turns out to be a draft that is
/// left out of the build.
struct ItemReference: Hashable, Sendable {
    var kind: ContentKind
    var slug: String
    var position: SourcePosition
    var field: String
}

extension FieldReader {
    /// A slug of a given kind, written as `slug` or `kind/slug`; reports unknown ones.
    mutating func reference(_ key: String, kind: ContentKind, context: DecodeContext, required: Bool = false) -> String? {
        guard let raw = text(key, required: required) else { return nil }
        return checkReference(raw, kind: kind, context: context, position: position(of: key), field: name(key))
    }

    mutating func checkReference(_ raw: String, kind: ContentKind, context: DecodeContext, position: SourcePosition, field: String) -> String? {
        var slug = raw
        if raw.hasPrefix(kind.rawValue + "/") { slug = String(raw.dropFirst(kind.rawValue.count + 1)) }
        if context.exists(kind, slug) {
            referenced(kind, slug, at: position, field: field)
            return slug
        }
        // `grants/x` where a page is expected: say so rather than look for content/pages/grants/x.md.
        if let slash = raw.firstIndex(of: "/"), let other = ContentKind(rawValue: String(raw[..<slash])), other != kind {
            error(at: position, field: field, "'\(field)' must name a \(kind.singular) (a file in content/\(kind.rawValue)/), not a \(other.singular): found '\(raw)'")
            return nil
        }
        // Already sorted: valid slugs are ASCII, whose byte order is String order.
        let known = context.slugs[kind]?.all ?? []
        let closest = Suggestion.closest(to: slug, in: known).map { "did you mean '\($0)'?" }
        if Slug.isValid(slug) {
            error(at: position, field: field, "no \(kind.singular) '\(slug)' exists (looked for content/\(kind.rawValue)/\(slug).md)", hint: closest)
        } else {
            error(at: position, field: field, "no \(kind.singular) '\(slug)' exists: name it by its file name without .md, e.g. \(Slug.make(from: slug).isEmpty ? "kylaseura" : Slug.make(from: slug))",
                  hint: closest)
        }
        return nil
    }

    /// A facility slug or free text: a value that names a facility links to it.
    mutating func place(_ key: String, context: DecodeContext) -> PlaceRef? {
        guard let raw = text(key) else { return nil }
        let slug = raw.hasPrefix("facilities/") ? String(raw.dropFirst(11)) : raw
        if context.exists(.facilities, slug) {
            referenced(.facilities, slug, at: position(of: key), field: name(key))
            return .facility(slug)
        }
        if raw.hasPrefix("facilities/") || (Slug.isValid(raw) && raw.contains("-") && !raw.contains(" ")) {
            // Looks like a slug but names nothing: most likely a typo.
            _ = checkReference(raw, kind: .facilities, context: context, position: position(of: key), field: name(key))
            return nil
        }
        return .text(raw)
    }

    mutating func person(_ key: String, context: DecodeContext) -> PersonRef? {
        guard let raw = text(key) else { return nil }
        let slug = raw.hasPrefix("liaisons/") ? String(raw.dropFirst(9)) : raw
        if context.exists(.liaisons, slug) {
            referenced(.liaisons, slug, at: position(of: key), field: name(key))
            return .liaison(slug)
        }
        if raw.hasPrefix("liaisons/") || (Slug.isValid(raw) && raw.contains("-")) {
            _ = checkReference(raw, kind: .liaisons, context: context, position: position(of: key), field: name(key))
            return nil
        }
        return .text(raw)
    }

    /// An image under `content/images/` that exists.
    mutating func image(_ key: String, context: DecodeContext) -> ImageRef? {
        guard let raw = text(key) else { return nil }
        let path = raw.hasPrefix("/") ? String(raw.dropFirst()) : raw
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard path.hasPrefix("images/"), !parts.contains(".."), !parts.contains("."), !parts.contains("") else {
            error(at: position(of: key), field: name(key), "'\(name(key))' must name a file under content/images/, e.g. images/logo.png; found '\(raw)'")
            return nil
        }
        guard context.images.contains(path) else {
            error(at: position(of: key), field: name(key), "image '\(path)' does not exist in content/",
                  hint: Suggestion.closest(to: path, in: context.images.sorted()).map { "did you mean '\($0)'?" })
            return nil
        }
        return ImageRef(path: path)
    }
}
