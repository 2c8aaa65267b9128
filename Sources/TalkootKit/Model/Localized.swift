/// One content item in every language of the site.
///
/// Translations follow the file-suffix convention (`martat.sv.md`); a language without its own
/// file shows the default language's version with a notice (`isFallback`).
public struct Localized<Item: Sendable>: Sendable {
    public var slug: String
    /// Content file of the default language, relative to the content folder's parent.
    public var sourcePath: String
    public var versions: [String: Item]
    /// Languages with a translation file of their own (the default language is always here).
    public var translated: Set<String>
    public var defaultLanguage: String

    public var primary: Item { versions[defaultLanguage]! }
    public func version(_ language: String) -> Item { versions[language] ?? primary }
    public func isFallback(_ language: String) -> Bool { !translated.contains(language) }
}
