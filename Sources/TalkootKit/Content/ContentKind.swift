/// The folders of `content/` that hold one item per file.
public enum ContentKind: String, Sendable, CaseIterable {
    case associations, liaisons, facilities, grants, clock, news, pages

    /// The word used in messages and in `talkoot new`.
    public var singular: String {
        switch self {
        case .associations: return "association"
        case .liaisons: return "liaison"
        case .facilities: return "facility"
        case .grants: return "grant"
        case .clock: return "clock"
        case .news: return "news"
        case .pages: return "page"
        }
    }

    public init?(singular: String) {
        guard let k = ContentKind.allCases.first(where: { $0.singular == singular || $0.rawValue == singular }) else { return nil }
        self = k
    }
}

/// Slug rules (content model, "Files"): lowercase a-z, 0-9 and '-', at most 80 characters.
public enum Slug {
    public static func isValid(_ s: String) -> Bool {
        // On the bytes: every file name is checked, and a valid slug is ASCII.
        return s.withUTF8Bytes { u in
            guard !u.isEmpty, u.count <= 80, u[0] != 45, u[u.count - 1] != 45 else { return false }
            for b in u where !((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45) { return false }
            return true
        }
    }

    /// Makes a slug from a name: ä→a, ö→o, å→a, other letters lose their accents,
    /// anything else becomes '-'.
    public static func make(from name: String) -> String {
        var out = ""
        for ch in name.lowercased() {
            let mapped: String
            switch ch {
            case "ä", "å", "á", "à", "â", "ã": mapped = "a"
            case "ö", "ó", "ò", "ô", "õ", "ø": mapped = "o"
            case "ü", "ú", "ù", "û": mapped = "u"
            case "é", "è", "ê", "ë": mapped = "e"
            case "í", "ì", "î", "ï": mapped = "i"
            case "š": mapped = "s"
            case "ž": mapped = "z"
            case "æ": mapped = "ae"
            case "ß": mapped = "ss"
            default:
                if ch.isASCII && (ch.isLetter || ch.isNumber) { mapped = String(ch) } else if ch.isLetter { mapped = "" } else { mapped = "-" }
            }
            out += mapped
        }
        // Collapse runs of '-' and trim them from the ends.
        var collapsed = ""
        for c in out {
            if c == "-" && (collapsed.isEmpty || collapsed.hasSuffix("-")) { continue }
            collapsed.append(c)
        }
        while collapsed.hasSuffix("-") { collapsed.removeLast() }
        if collapsed.count > 80 {
            collapsed = String(collapsed.prefix(80))
            while collapsed.hasSuffix("-") { collapsed.removeLast() }
        }
        return collapsed
    }
}
