/// One content item in every language of the site.
///
/// Translations follow the file-suffix convention (`martat.sv.md`); a language without its own
/// file shows the default language's version with a notice (`isFallback`).
public struct Localized<Item: Sendable>: Sendable {
    /// The fields, in one immutable object: a copy of an item costs one retain. Pages, cards,
    /// indexes and exports pass items around by value, and an association copied field by field
    /// cost some thirty retains and releases, on memory the other core was reading too. A
    /// change makes a new object (items are changed only while content is loaded).
    private final class Storage: Sendable {
        let slug: String
        let sourcePath: String
        let primary: Item
        let translations: [String: Item]
        let translated: Set<String>
        let defaultLanguage: String

        init(slug: String, sourcePath: String, primary: Item, translations: [String: Item], translated: Set<String>, defaultLanguage: String) {
            self.slug = slug
            self.sourcePath = sourcePath
            self.primary = primary
            self.translations = translations
            self.translated = translated
            self.defaultLanguage = defaultLanguage
        }
    }
    private var storage: Storage

    public var slug: String {
        get { storage.slug }
        set { storage = Storage(slug: newValue, sourcePath: sourcePath, primary: primary, translations: translations, translated: translated, defaultLanguage: defaultLanguage) }
    }
    /// Content file of the default language, relative to the content folder's parent.
    public var sourcePath: String {
        get { storage.sourcePath }
        set { storage = Storage(slug: slug, sourcePath: newValue, primary: primary, translations: translations, translated: translated, defaultLanguage: defaultLanguage) }
    }
    /// The default language's version. Stored, not looked up, so that `item.primary.name`
    /// reads one field instead of copying the whole item out of a dictionary (the index and
    /// the exports do that for every association).
    public var primary: Item {
        _read { yield storage.primary }
        set { storage = Storage(slug: slug, sourcePath: sourcePath, primary: newValue, translations: translations, translated: translated, defaultLanguage: defaultLanguage) }
    }
    /// Versions of the other languages that have a file of their own, fields merged over the
    /// default file's.
    public var translations: [String: Item] {
        _read { yield storage.translations }
        set { storage = Storage(slug: slug, sourcePath: sourcePath, primary: primary, translations: newValue, translated: translated, defaultLanguage: defaultLanguage) }
    }
    /// Languages with a translation file of their own (the default language is always here).
    public var translated: Set<String> {
        get { storage.translated }
        set { storage = Storage(slug: slug, sourcePath: sourcePath, primary: primary, translations: translations, translated: newValue, defaultLanguage: defaultLanguage) }
    }
    public var defaultLanguage: String {
        get { storage.defaultLanguage }
        set { storage = Storage(slug: slug, sourcePath: sourcePath, primary: primary, translations: translations, translated: translated, defaultLanguage: newValue) }
    }

    public init(slug: String, sourcePath: String, primary: Item, translations: [String: Item], translated: Set<String>, defaultLanguage: String) {
        storage = Storage(slug: slug, sourcePath: sourcePath, primary: primary, translations: translations, translated: translated, defaultLanguage: defaultLanguage)
    }

    public func version(_ language: String) -> Item { language == defaultLanguage ? primary : translations[language] ?? primary }

    /// `body` with `version(language)`, lent where it is stored instead of copied: a copy of an
    /// association retained each of its forty-odd strings and lists (and released them again),
    /// and each association page did that several times.
    public func withVersion<R>(_ language: String, _ body: (borrowing Item) -> R) -> R {
        if language != defaultLanguage, let i = storage.translations.index(forKey: language) {
            return body(storage.translations.values[i])
        }
        return body(storage.primary)
    }

    /// One field of `version(language)`, without copying the whole item (lists of names).
    public func field<Value>(_ language: String, _ keyPath: KeyPath<Item, Value>) -> Value {
        if language != defaultLanguage, let i = translations.index(forKey: language) { return translations.values[i][keyPath: keyPath] }
        return primary[keyPath: keyPath]
    }
    public func isFallback(_ language: String) -> Bool { !translated.contains(language) }
}
