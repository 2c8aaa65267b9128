import Foundation

/// Finnish wording of the most common diagnostics, for `--lang fi` (cli.md: messages are
/// English by default and Finnish on request). Diagnostics are made in English in one place
/// each; this maps their shapes to Finnish. A message without a Finnish shape stays English.
public enum FinnishMessages {
    /// (English pattern, Finnish template with $1, $2 …)
    static let messages: [(String, String)] = [
        ("^unknown field '(.+)'$", "tuntematon kenttä '$1'"),
        ("^required field '(.+)' is missing$", "pakollinen kenttä '$1' puuttuu"),
        ("^'(.+)' must not be empty$", "'$1' ei saa olla tyhjä"),
        ("^'(.+)' must be text, found .+$", "'$1' pitää olla tekstiä"),
        ("^'(.+)' must be a list, .+$", "'$1' pitää olla luettelo, esim. [a, b] tai rivejä, jotka alkavat '- '"),
        ("^'(.+)' must be a date such as 2027-03-18 or \"03-18\" \\(every year\\)(, found '(.*)')?$",
         "'$1' pitää olla päivämäärä, esim. 2027-03-18, tai joka vuosi toistuva \"03-18\""),
        ("^'(.+)' must be a date such as 2027-03-18(, found '(.*)')?$", "'$1' pitää olla päivämäärä, esim. 2027-03-18"),
        ("^'(.+)': (.+) is not a date that exists$", "'$1': päivämäärää $2 ei ole olemassa"),
        ("^the end date (.+) is before the start date (.+)$", "päättymispäivä $1 on ennen alkamispäivää $2"),
        ("^'(.+)' is not an e-mail address: '(.*)'$", "'$1' ei ole sähköpostiosoite: '$2'"),
        ("^'(.+)' is not a phone number: '(.*)'$", "'$1' ei ole puhelinnumero: '$2'"),
        ("^'(.+)' must be a web address starting with https:// or http://, found '(.*)'$",
         "'$1' pitää olla verkko-osoite, joka alkaa https:// tai http://; nyt '$2'"),
        ("^'(.+)' must be true or false$", "'$1' pitää olla true tai false"),
        ("^'(.+)' must be a whole number, found (.+)$", "'$1' pitää olla kokonaisluku; nyt $2"),
        ("^'(.+)' must be between (.+) and (.+), found (.+)$", "'$1' pitää olla väliltä $2–$3; nyt $4"),
        ("^'(.+)' is (\\d+) characters long; at most (\\d+) are allowed$", "'$1' on $2 merkkiä pitkä; enintään $3 sallitaan"),
        ("^unknown sector '(.+)'$", "tuntematon toimiala '$1'"),
        ("^unknown target group '(.+)'$", "tuntematon kohderyhmä '$1'"),
        ("^unknown role '(.+)'$", "tuntematon rooli '$1'"),
        ("^unknown kind '(.+)'$", "tuntematon laji '$1'"),
        ("^unknown accessibility feature '(.+)'$", "tuntematon saavutettavuusominaisuus '$1'"),
        ("^no (association|liaison|facility|grant|clock|news|page) '(.+)' exists.*$", "kohdetta '$2' ei ole ($1)"),
        ("^'(.+)' is not one of the areas in site.yml$", "'$1' ei ole site.yml:n alueissa (areas)"),
        ("^image '(.+)' does not exist in content/$", "kuvaa '$1' ei ole content/-kansiossa"),
        ("^YAML syntax error: (.+)$", "YAML-syntaksivirhe: $1"),
        ("^the information was last confirmed on (\\S+), more than (\\d+) days ago$",
         "tiedot on vahvistettu viimeksi $1, yli $2 päivää sitten"),
        ("^residents have no way to contact this association$", "asukkailla ei ole keinoa ottaa yhteyttä yhdistykseen"),
        ("^the contact person is not published without 'consent: true'$", "yhteyshenkilöä ei julkaista ilman merkintää 'consent: true'"),
        ("^translation without a default-language file: (.+) does not exist$", "käännös ilman oletuskielistä tiedostoa: $1 puuttuu"),
    ]
    static let hints: [(String, String)] = [
        ("did you mean '([^']+)'\\?", "tarkoititko '$1'?"),
        ("Allowed: ", "Sallitut: "),
        ("^allowed: ", "sallitut: "),
        ("Fields here: ", "Tämän kohdan kentät: "),
        ("^fields here: ", "tämän kohdan kentät: "),
        ("; free fields go under 'extra:'", "; vapaat kentät kuuluvat 'extra:'-kohtaan"),
        ("^ask the association to check its information, then update 'updated'$",
         "pyydä yhdistystä tarkistamaan tietonsa ja päivitä sitten 'updated'"),
    ]

    static let compiled: [(NSRegularExpression, String)] = messages.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
    static let compiledHints: [(NSRegularExpression, String)] = hints.map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    public static func translate(_ d: Diagnostic) -> Diagnostic {
        var out = d
        let range = NSRange(d.message.startIndex..., in: d.message)
        for (re, template) in compiled where re.firstMatch(in: d.message, range: range) != nil {
            out.message = re.stringByReplacingMatches(in: d.message, range: range, withTemplate: template)
            break
        }
        if var hint = d.hint {
            for (re, template) in compiledHints {
                hint = re.stringByReplacingMatches(in: hint, range: NSRange(hint.startIndex..., in: hint), withTemplate: template)
            }
            out.hint = hint
        }
        return out
    }
}
