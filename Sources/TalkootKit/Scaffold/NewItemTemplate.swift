/// Templates for `talkoot new KIND NAME`: every field of the content model, commented, with
/// the required ones first and empty so that `talkoot check` says what is still missing.
public enum NewItemTemplate {
    public static func text(kind: ContentKind, name: String, today: Day) -> String {
        let q = quote(name)
        switch kind {
        case .associations:
            return """
            ---
            name: \(q)                    # required: the official name
            summary: ""                   # required: one sentence, at most 200 characters
            sectors: []                   # required: e.g. [kulttuuri-perinne]; see docs/content-format.md for the ids
            # area: Kirkonkylä            # one of the areas in site.yml
            # register_number: "123.456"  # yhdistysrekisterinumero
            # founded: 1990
            # website: https://www.example.fi
            # email: yhdistys@example.fi
            # phone: "+358 40 123 4567"
            # contact_person:             # published only with consent: true
            #   name: Etunimi Sukunimi
            #   role: puheenjohtaja
            #   phone: "+358 40 123 4567"
            #   email: etunimi@example.fi
            #   consent: true
            # social: {facebook: https://www.facebook.com/..., instagram: https://www.instagram.com/...}
            # target_groups: [kaikki]     # lapset, nuoret, aikuiset, ikaihmiset, perheet, maahanmuuttajat, erityisryhmat, kaikki
            # languages: [fi]
            # meets_at: []                # facility slugs, e.g. [pihlajarinne]
            # activities:
            #   - name: Kerhoilta
            #     when: "Tiistaisin 18–20"
            #     where: pihlajarinne     # facility slug or free text
            #     audience: [aikuiset]
            #     cost: maksuton
            # membership: "Jäsenmaksu 15 €/vuosi."
            # volunteers_wanted: true
            # volunteer_tasks: "Mitä vapaaehtoiset tekevät"
            # logo: images/logo.png       # a file under content/images/
            updated: \(today.iso)          # required: when the association last confirmed the data
            ---
            What the association does, for whom, and how to join (Markdown).

            """
        case .liaisons:
            return """
            ---
            name: \(q)                    # required
            role: liaison                 # required: liaison | agent | sector-contact
            # title: Kehittämiskoordinaattori
            # organisation: Kunta
            # sectors: []                 # for sector contacts
            # phone: "+358 40 123 4567"
            # email: etunimi.sukunimi@example.fi
            # photo: images/photo.jpg
            # office_hours: "ma–pe 9–15"
            # order: 1                    # position in lists
            ---
            What this person helps associations with (Markdown).

            """
        case .facilities:
            return """
            ---
            name: \(q)                    # required
            address: ""                   # required: street, postcode and town
            # location: {lat: 63.0, lon: 23.0}
            # owner: Kunta
            # capacity: 40
            # price: free                 # free, or a text such as "20 €/h"
            # accessibility: "Esteetön sisäänkäynti"
            # accessibility_features: [wheelchair, induction-loop, accessible-toilet, parking, lift]
            # opening_hours: "ma–su 8–21"
            # who_may_book: "Rekisteröidyt yhdistykset"
            # equipment: [keittiö, videotykki]
            # booking:                    # at least one of url, email, phone
            #   url: https://varaus.example.fi
            #   email: tilat@example.fi
            #   phone: "+358 6 123 4567"
            #   instructions: "Varaa viimeistään viikkoa ennen."
            # booking_periods:
            #   - {label: Syyskauden vakiovuorot, date: "05-01", end_date: "05-31"}
            # rules: pages/tilojen-kayttosaannot
            ---
            Description, directions and the rules in short (Markdown).

            """
        case .grants:
            return """
            ---
            name: \(q)                    # required
            # provider: Kunta
            # sectors: [all]              # sector ids, or [all]
            # eligible: "Kuka voi hakea"
            # amount: "enintään 400 €"
            # budget: 10000               # euros a year
            application:                  # required unless continuous: true
              - {date: "03-01", end_date: "03-31"}   # every year; or 2027-09-01 for once, time: "15.00" for the closing time
            # continuous: false
            # apply_url: https://www.example.fi/avustukset
            # decision: "Päätökset toukokuussa"
            # reporting: "Selvitys 30 päivän kuluessa"
            # contact: liaison-slug
            ---
            Purpose, criteria and how to apply (Markdown).

            """
        case .clock:
            return """
            ---
            title: \(q)                   # required
            kind: event                   # required: evening | event | network | working-group | strategy | deadline | other
            date: \(today.iso)             # a date, "MM-DD" for every year, or months: [3, 9] instead
            # end_date: \(today.iso)
            # time: "17.30–20.00"
            # place: facility-slug        # facility slug or free text
            # organizer: liaison-slug     # liaison slug or free text
            # registration: {url: https://..., deadline: \(today.iso)}
            # related: [grants/grant-slug]
            ---
            Agenda (Markdown).

            """
        case .news:
            return """
            ---
            title: \(q)                   # required
            date: \(today.iso)             # required
            # summary: "One or two sentences for lists and feeds."
            ---
            The news text (Markdown).

            """
        case .pages:
            return """
            ---
            title: \(q)                   # required
            # menu: true                  # show in the section navigation
            # order: 10                   # position in the menu
            ---
            The page text (Markdown).

            """
        }
    }

    /// A YAML double-quoted string.
    static func quote(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
