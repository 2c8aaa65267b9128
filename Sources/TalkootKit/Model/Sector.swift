/// A sector of association life (toimiala). The built-in list follows a real municipal
/// association map; `content/sectors.yml` may replace it.
public struct Sector: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }

    public static let builtIn: [Sector] = [
        ("talous-elinkeinot", "Talous, elinkeinot ja kasvupalvelut", "Ekonomi, näringsliv och tillväxttjänster", "Economy, business and growth services"),
        ("lapset-nuoret", "Lapset ja nuoriso", "Barn och unga", "Children and youth"),
        ("kasvatus-opetus", "Kasvatus ja opetus", "Fostran och undervisning", "Education"),
        ("kylat-asuminen", "Kylät, infra ja asuminen", "Byar, infrastruktur och boende", "Villages, infrastructure and housing"),
        ("sote-vertaistuki", "Sote, vertaistuki ja varautuminen", "Social- och hälsovård, kamratstöd och beredskap", "Health, social care, peer support and preparedness"),
        ("liikunta-urheilu", "Liikunta ja urheilu", "Motion och idrott", "Sports and exercise"),
        ("kulttuuri-perinne", "Kulttuuri ja perinne", "Kultur och tradition", "Culture and heritage"),
        ("luonto-ymparisto", "Luonto, energia ja elinympäristö", "Natur, energi och livsmiljö", "Nature, energy and environment"),
        ("muut-harrastukset", "Muut palvelut ja harrastukset", "Övriga tjänster och hobbyer", "Other services and hobbies"),
        ("hengellinen-aatteet", "Hengellinen elämä ja aatteet", "Andligt liv och ideologier", "Spiritual life and ideologies"),
    ].map { Sector(id: $0.0, name: LocalizedText(values: ["fi": $0.1, "sv": $0.2, "en": $0.3], default: "fi")) }
}

/// Target groups (kohderyhmät): a fixed list in the content model.
public enum TargetGroup {
    public static let ids = ["lapset", "nuoret", "aikuiset", "ikaihmiset", "perheet", "maahanmuuttajat", "erityisryhmat", "kaikki"]
}

/// Accessibility features of facilities: fixed ids, shown as icons with text and filterable.
public enum AccessibilityFeature {
    public static let ids = ["wheelchair", "induction-loop", "accessible-toilet", "parking", "lift"]
}
