/// `talkoot init DIR`: a municipality's own content repository, ready to push: a content
/// skeleton with one valid example of each kind, CI workflows that check and publish, a
/// pull-request template and contributing guides for associations (fi, sv).
public enum ProjectTemplate {
    public static func files(today: Day) -> [(path: String, text: String)] {
        let year = today.year
        return [
            ("content/site.yml", """
            municipality: {fi: Esimerkin kunta, sv: Exempel kommun}
            title: {fi: Yhdistystoiminta, sv: Föreningsverksamhet}
            base_url: https://www.esimerkki.fi/yhdistystoiminta/
            languages: [fi, sv]
            layout: standalone
            theme: default
            contact_email: yhdistykset@esimerkki.fi
            # edit_url: https://github.com/KUNTA/yhdistystoiminta/edit/main/{path}
            stale_after_days: 365
            areas: [Keskusta]
            allow_raw_html_in_pages: false

            """),
            ("content/index.md", """
            ---
            title: Yhdistystoiminta
            ---
            Tervetuloa kunnan yhdistystoiminnan sivuille. Täältä löydät yhdistykset, tilat, avustukset ja yhteistyön vuosikellon.

            """),
            ("content/index.sv.md", """
            ---
            title: Föreningsverksamhet
            ---
            Välkommen till kommunens sidor om föreningsverksamhet.

            """),
            ("content/associations/esimerkkiyhdistys.md", """
            ---
            name: Esimerkkiyhdistys ry
            summary: Lyhyt kuvaus yhdistyksen toiminnasta yhdellä virkkeellä.
            sectors: [muut-harrastukset]
            area: Keskusta
            email: yhdistys@example.fi
            target_groups: [kaikki]
            updated: \(today.iso)
            ---
            Mitä yhdistys tekee, kenelle ja miten mukaan pääsee.

            """),
            ("content/liaisons/jarjestoyhdyshenkilo.md", """
            ---
            name: Etunimi Sukunimi
            role: liaison
            title: Järjestöyhdyshenkilö
            organisation: Esimerkin kunta
            email: yhdistykset@esimerkki.fi
            order: 1
            ---
            Auttaa yhdistyksiä avustuksissa, tiloissa ja yhteistyössä kunnan kanssa.

            """),
            ("content/facilities/kokoustila.md", """
            ---
            name: Kokoustila
            address: Kuntatie 1, 00000 Esimerkki
            price: free
            booking: {email: tilat@esimerkki.fi}
            ---
            Kokoustila yhdistysten käyttöön.

            """),
            ("content/grants/toiminta-avustus.md", """
            ---
            name: Toiminta-avustus
            provider: Esimerkin kunta
            sectors: [all]
            application:
              - {date: "03-01", end_date: "03-31"}
            contact: jarjestoyhdyshenkilo
            ---
            Avustus yhdistysten toimintaan.

            """),
            ("content/clock/yhdistysilta.md", """
            ---
            title: Yhdistysilta
            kind: evening
            date: \(year + 1)-03-18
            time: "17.30–19.30"
            place: kokoustila
            organizer: jarjestoyhdyshenkilo
            ---
            Illan tarkoitus; ajankohtaiset asiat; mitä haluamme saada aikaan yhdessä; seuraava ilta ja työryhmät.

            """),
            ("content/news/sivusto-avattu.md", """
            ---
            title: Yhdistystoiminnan sivut avattu
            date: \(today.iso)
            summary: Kaikki tieto yhdistystoiminnasta nyt yhdessä paikassa.
            ---
            Ilmoita yhdistyksesi tiedot sivujen "Ilmoita muutos" -linkillä.

            """),
            ("content/pages/saavutettavuusseloste.md", """
            ---
            title: Saavutettavuusseloste
            ---
            Tämä seloste koskee kunnan yhdistystoiminnan sivuja. Palautetta saavutettavuudesta voi lähettää osoitteeseen yhdistykset@esimerkki.fi.

            """),
            ("content/images/.gitkeep", ""),
            (".github/workflows/talkoot.yml", """
            # Checks every push and pull request; publishes site/ from main (GitHub Pages).
            name: talkoot
            env:
              # Where your copy of Talkoot lives (a fork or the upstream repository).
              TALKOOT_GIT: https://github.com/talkoot/talkoot
            on:
              push:
              pull_request:
            permissions:
              contents: read
              pages: write
              id-token: write
            jobs:
              check:
                runs-on: ubuntu-latest
                container: swift:6.0
                steps:
                  - uses: actions/checkout@v4
                  # scripts/build-release installs the system packages it needs (libcmark, mimalloc, ...).
                  - run: apt-get update && apt-get install -y git
                  - run: git clone --depth 1 "$TALKOOT_GIT" /opt/talkoot && /opt/talkoot/scripts/build-release
                  - run: /opt/talkoot/.build/release/talkoot check --format github
                  - run: /opt/talkoot/.build/release/talkoot build --themes /opt/talkoot/themes
                  # Search index (Pagefind); the pages work without it.
                  - run: apt-get install -y python3-pip && (python3 -m pip install 'pagefind[bin]' || python3 -m pip install --break-system-packages 'pagefind[bin]') && python3 -m pagefind --site site
                    continue-on-error: true
                  - uses: actions/upload-pages-artifact@v3
                    if: github.ref == 'refs/heads/main'
                    with:
                      path: site
              publish:
                if: github.ref == 'refs/heads/main'
                needs: check
                runs-on: ubuntu-latest
                environment: github-pages
                steps:
                  - uses: actions/deploy-pages@v4

            """),
            (".gitlab-ci.yml", """
            # Checks every push and merge request; publishes site/ from main (GitLab Pages).
            image: swift:6.0
            variables:
              # Where your copy of Talkoot lives (a fork or the upstream repository).
              TALKOOT_GIT: https://github.com/talkoot/talkoot
            before_script:
              # scripts/build-release installs the system packages it needs (libcmark, mimalloc, ...).
              - apt-get update && apt-get install -y git
              - git clone --depth 1 "$TALKOOT_GIT" /opt/talkoot && /opt/talkoot/scripts/build-release
            check:
              script:
                - /opt/talkoot/.build/release/talkoot check
            pages:
              script:
                - /opt/talkoot/.build/release/talkoot build --themes /opt/talkoot/themes --output public
                # Search index (Pagefind); the pages work without it.
                - apt-get install -y python3-pip && (python3 -m pip install 'pagefind[bin]' || python3 -m pip install --break-system-packages 'pagefind[bin]') && python3 -m pagefind --site public || echo "Pagefind not available, no search index"
              artifacts:
                paths: [public]
              rules:
                - if: $CI_COMMIT_BRANCH == "main"

            """),
            (".github/pull_request_template.md", """
            <!-- Kiitos! Tack! -->
            **Yhdistys / Förening:**

            **Mitä muutit? / Vad ändrade du?**

            - [ ] Päivitin kentän `updated` tämän päivän päivämääräksi / Jag uppdaterade fältet `updated` till dagens datum
            - [ ] Yhteyshenkilö on antanut luvan tietojensa julkaisuun (`consent: true`) / Kontaktpersonen har gett sitt samtycke

            """),
            ("CONTRIBUTING.md", """
            # Yhdistyksen tietojen päivittäminen

            Kunnan yhdistystoiminnan sivut tehdään tämän kansion tiedostoista. Voit päivittää yhdistyksesi tiedot kahdella tavalla:

            1. **Sähköpostilla**: avaa yhdistyksesi sivu ja valitse *Ilmoita muutos*. Viestipohjassa ovat nykyiset tiedot; korjaa ne ja lähetä.
            2. **Muutospyynnöllä (pull request)**: muokkaa tiedostoa `content/associations/<yhdistys>.md` verkkoselaimessa, päivitä kenttä `updated` ja tallenna muutospyyntönä.

            Tiedoston alussa `---`-viivojen välissä ovat kentät (nimi, kuvaus, yhteystiedot), niiden jälkeen vapaa kuvaus. Yhteyshenkilön tiedot julkaistaan vain, jos hän on antanut luvan (`consent: true`).

            # Uppdatera föreningens uppgifter

            Kommunens sidor om föreningsverksamhet byggs av filerna i den här mappen. Du kan uppdatera föreningens uppgifter på två sätt:

            1. **Per e-post**: öppna föreningens sida och välj *Anmäl en ändring*. Meddelandet innehåller de nuvarande uppgifterna; rätta dem och skicka.
            2. **Med en ändringsbegäran (pull request)**: redigera filen `content/associations/<förening>.md` i webbläsaren, uppdatera fältet `updated` och spara som en ändringsbegäran.

            Fälten står mellan `---`-linjerna i början av filen, därefter en fri beskrivning. Kontaktpersonens uppgifter publiceras bara med samtycke (`consent: true`).

            """),
            ("README.md", """
            # Yhdistystoiminta

            Kunnan yhdistystoiminnan sivujen sisältö. Sivut tehdään Talkootilla:

            ```sh
            talkoot check    # tarkistaa sisällön
            talkoot build    # tekee sivut kansioon site/
            ```

            Katso CONTRIBUTING.md.

            """),
            (".gitignore", "site/\n"),
        ]
    }
}
