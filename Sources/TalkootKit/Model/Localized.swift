/// One content item in every language of the site.
///
/// Translations follow the file-suffix convention (`martat.sv.md`); a language without its own
/// file shows the default language's version with a notice (`isFallback`).
public struct Localized<Item: Sendable>: Sendable {
    public var slug: String
    /// Content file of the default language, relative to the content folder's parent.
    public var sourcePath: String
    /// The default language's version. Stored, not looked up, so that `item.primary.name`
    /// reads one field instead of copying the whole item out of a dictionary (the index and
    /// the exports do that for every association).
    public var primary: Item
    /// Versions of the other languages that have a file of their own, fields merged over the
    /// default file's.
    public var translations: [String: Item]
    /// Languages with a translation file of their own (the default language is always here).
    public var translated: Set<String>
    public var defaultLanguage: String

    public init(slug: String, sourcePath: String, primary: Item, translations: [String: Item], translated: Set<String>, defaultLanguage: String) {
        self.slug = slug
        self.sourcePath = sourcePath
        self.primary = primary
        self.translations = translations
        self.translated = translated
        self.defaultLanguage = defaultLanguage
    }

    public func version(_ language: String) -> Item { language == defaultLanguage ? primary : translations[language] ?? primary }

    /// One field of `version(language)`, without copying the whole item (lists of names).
    public func field<Value>(_ language: String, _ keyPath: KeyPath<Item, Value>) -> Value {
        if language != defaultLanguage, let i = translations.index(forKey: language) { return translations.values[i][keyPath: keyPath] }
        return primary[keyPath: keyPath]
    }
    public func isFallback(_ language: String) -> Bool { !translated.contains(language) }
}
