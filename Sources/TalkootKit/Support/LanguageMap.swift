/// Values per site language, found by comparing the language codes in turn.
///
/// A site has one to three languages, and page contexts ask for a language's strings, links,
/// routes and caches tens of times a page: hashing the code for a dictionary (SipHash, then a
/// probe) cost more than most of the lookups it served. Comparing two short codes costs a
/// word comparison when they are equal.
struct LanguageMap<Value>: ExpressibleByDictionaryLiteral {
    private var languages: [String] = []
    private var values: [Value] = []

    init() {}

    init(dictionaryLiteral elements: (String, Value)...) {
        for (language, value) in elements { self[language] = value }
    }

    subscript(language: String) -> Value? {
        get { position(of: language).map { values[$0] } }
        set {
            switch (position(of: language), newValue) {
            case let (i?, value?): values[i] = value
            case let (i?, nil):
                languages.remove(at: i)
                values.remove(at: i)
            case let (nil, value?):
                languages.append(language)
                values.append(value)
            case (nil, nil): break
            }
        }
    }

    @inline(__always)
    private func position(of language: String) -> Int? {
        var i = 0
        while i < languages.count {
            if languages[i] == language { return i }
            i += 1
        }
        return nil
    }
}

extension LanguageMap: Sendable where Value: Sendable {}
