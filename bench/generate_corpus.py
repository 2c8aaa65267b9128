#!/usr/bin/env python3
"""Deterministic benchmark corpus for Talkoot.

    python3 bench/generate_corpus.py --associations 10000 --out bench/out/corpus-10000 [--seed 1]

Writes OUT/content/ in the format of the content model (shared spec
"content-model.md"): site.yml, index.md, associations/, liaisons/, facilities/,
grants/, clock/, news/ and pages/, plus OUT/corpus.json with the counts (outside
content/, so Talkoot never sees it).

Everything comes from one random.Random(seed) and fixed word lists: the same
arguments give byte-identical files on every machine and every day. Every cross
reference (meets_at, activity places, grant contacts, clock places, organizers and
related grants, facility rules) points at a file that exists, every id comes from
the built-in sector and target-group lists, and no key outside the content model is
written, so `talkoot check` should report warnings (stale data) but no errors.

Proportions for N associations: facilities ~N/50 (min 5), liaisons ~N/250 (min 4:
1 liaison, 1 agent and 2 sector contacts, as in one municipality; a regional
deployment has more of each), grants ~N/200 (min 3), clock entries ~N/100 (min 6),
news ~N/50 (min 5), pages 5, and about 10 % of the associations get a Swedish
translation (`<slug>.sv.md` with name, summary and body only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys

# --------------------------------------------------------------------------
# Fixed vocabularies (from the spec where the spec defines them)
# --------------------------------------------------------------------------

SECTORS = [
    "talous-elinkeinot", "lapset-nuoret", "kasvatus-opetus", "kylat-asuminen",
    "sote-vertaistuki", "liikunta-urheilu", "kulttuuri-perinne", "luonto-ymparisto",
    "muut-harrastukset", "hengellinen-aatteet",
]
TARGET_GROUPS = [
    "lapset", "nuoret", "aikuiset", "ikaihmiset", "perheet", "maahanmuuttajat",
    "erityisryhmat", "kaikki",
]
ACCESSIBILITY_FEATURES = ["wheelchair", "induction-loop", "accessible-toilet", "parking", "lift"]
CLOCK_KINDS = ["evening", "event", "network", "working-group", "strategy", "deadline", "other"]

MUNICIPALITY = "Järvikylän kunta"
TOWN = "Järvikylä"
DOMAIN = "example.fi"
BASE_URL = "https://www.example.fi/yhdistystoiminta/"
YEAR = 2027

# Villages (nominative, genitive, postal code)
AREAS = [
    ("Kirkonkylä", "Kirkonkylän", "62500"),
    ("Särkikylä", "Särkikylän", "62510"),
    ("Ruotsalo", "Ruotsalon", "62520"),
    ("Mäntyranta", "Mäntyrannan", "62530"),
    ("Koivumäki", "Koivumäen", "62540"),
    ("Haapaniemi", "Haapaniemen", "62550"),
    ("Lehtola", "Lehtolan", "62560"),
    ("Kalliojärvi", "Kalliojärven", "62570"),
]

# Place-like genitives for association names besides the villages
NAME_PREFIXES = [
    "Järvikylän", "Pohjolan", "Koivulan", "Rantalan", "Mäkelän", "Peltolan",
    "Kuusiston", "Lahdenperän", "Vaaran", "Salmen", "Honkalan", "Niittylän",
    "Pihlajarinteen", "Seljakon", "Kotiseudun", "Lakeuden", "Jokivarren",
    "Kangasalan", "Harjun", "Aution", "Hirvikosken", "Tervaniemen", "Sorsalan",
    "Ketolan", "Kivirannan", "Männikön", "Purolan", "Kuohun", "Ylipään", "Alapään",
]

# (name part, typical sectors, typical target groups)
ASSOCIATION_TYPES = [
    ("Martat", ["muut-harrastukset"], ["aikuiset", "kaikki"]),
    ("Nuorisoseura", ["lapset-nuoret", "kulttuuri-perinne"], ["lapset", "nuoret"]),
    ("Kyläyhdistys", ["kylat-asuminen"], ["kaikki"]),
    ("Urheiluseura", ["liikunta-urheilu"], ["lapset", "nuoret", "aikuiset"]),
    ("Hiihtoseura", ["liikunta-urheilu"], ["lapset", "aikuiset"]),
    ("Palloseura", ["liikunta-urheilu", "lapset-nuoret"], ["lapset", "nuoret"]),
    ("Eläkeläiset", ["sote-vertaistuki", "muut-harrastukset"], ["ikaihmiset"]),
    ("Sotaveteraanit", ["sote-vertaistuki"], ["ikaihmiset"]),
    ("Reserviläiset", ["sote-vertaistuki", "muut-harrastukset"], ["aikuiset"]),
    ("Metsästysseura", ["luonto-ymparisto"], ["aikuiset"]),
    ("Kalastusseura", ["luonto-ymparisto"], ["aikuiset", "perheet"]),
    ("Luonnonsuojeluyhdistys", ["luonto-ymparisto"], ["kaikki"]),
    ("Kotiseutuyhdistys", ["kulttuuri-perinne"], ["kaikki"]),
    ("Kuoro", ["kulttuuri-perinne"], ["aikuiset"]),
    ("Soittokunta", ["kulttuuri-perinne"], ["nuoret", "aikuiset"]),
    ("Teatteriyhdistys", ["kulttuuri-perinne"], ["kaikki"]),
    ("Kansantanssijat", ["kulttuuri-perinne", "liikunta-urheilu"], ["kaikki"]),
    ("Mannerheimin Lastensuojeluliiton osasto", ["lapset-nuoret", "sote-vertaistuki"], ["perheet", "lapset"]),
    ("Vanhempainyhdistys", ["kasvatus-opetus"], ["perheet"]),
    ("Partiolaiset", ["lapset-nuoret"], ["lapset", "nuoret"]),
    ("4H-yhdistys", ["lapset-nuoret", "talous-elinkeinot"], ["lapset", "nuoret"]),
    ("Yrittäjät", ["talous-elinkeinot"], ["aikuiset"]),
    ("Maa- ja kotitalousnaiset", ["talous-elinkeinot", "muut-harrastukset"], ["aikuiset"]),
    ("Vapaapalokunta", ["kylat-asuminen", "sote-vertaistuki"], ["nuoret", "aikuiset"]),
    ("Tiekunta", ["kylat-asuminen"], ["aikuiset"]),
    ("Vesiosuuskunta", ["kylat-asuminen", "luonto-ymparisto"], ["aikuiset"]),
    ("Omaishoitajat", ["sote-vertaistuki"], ["aikuiset", "ikaihmiset"]),
    ("Mielenterveysyhdistys", ["sote-vertaistuki"], ["aikuiset", "erityisryhmat"]),
    ("Invalidit", ["sote-vertaistuki"], ["erityisryhmat"]),
    ("Kehitysvammaisten tuki", ["sote-vertaistuki"], ["erityisryhmat", "perheet"]),
    ("Monikulttuurinen yhdistys", ["sote-vertaistuki", "kulttuuri-perinne"], ["maahanmuuttajat", "kaikki"]),
    ("Kansalaisopiston kannatusyhdistys", ["kasvatus-opetus"], ["aikuiset"]),
    ("Seurakuntanuoret", ["hengellinen-aatteet", "lapset-nuoret"], ["nuoret"]),
    ("Rauhanyhdistys", ["hengellinen-aatteet"], ["kaikki"]),
    ("Latu", ["liikunta-urheilu", "luonto-ymparisto"], ["kaikki"]),
    ("Ratsastusseura", ["liikunta-urheilu"], ["lapset", "nuoret"]),
    ("Moottorikerho", ["muut-harrastukset"], ["nuoret", "aikuiset"]),
    ("Kameraseura", ["muut-harrastukset", "kulttuuri-perinne"], ["aikuiset"]),
    ("Shakkikerho", ["muut-harrastukset"], ["kaikki"]),
    ("Puutarhaseura", ["luonto-ymparisto", "muut-harrastukset"], ["aikuiset", "ikaihmiset"]),
    ("Kyläkerho", ["kylat-asuminen", "muut-harrastukset"], ["kaikki"]),
    ("Perhekerho", ["lapset-nuoret", "sote-vertaistuki"], ["perheet"]),
    ("Työväenyhdistys", ["hengellinen-aatteet"], ["aikuiset"]),
    ("Energiaosuuskunta", ["luonto-ymparisto", "talous-elinkeinot"], ["aikuiset"]),
]
NAME_DISTINGUISHERS = [
    "Pohjoinen", "Eteläinen", "Läntinen", "Itäinen", "Uusi", "Vanha", "Yhteinen",
    "Nuori", "Vireä", "Iloinen", "Reipas", "Vapaa", "Pieni", "Suuri",
]

# Finnish-looking running text
WORDS = (
    "yhdistys toiminta jäsenet kokoontuu viikoittain yhdessä tekeminen kylä talkoot "
    "kesä talvi syksy kevät ilta tapahtuma kerho harrastus ohjaaja vapaaehtoinen "
    "kaikille avoin maksuton tervetuloa mukaan perinne kulttuuri liikunta luonto "
    "lapset nuoret perheet ikäihmiset yhteisö seurantalo koulu kirjasto kunta "
    "avustus hanke suunnitelma kokous hallitus puheenjohtaja sihteeri rahastonhoitaja "
    "vuosikokous jäsenmaksu retki leiri kilpailu harjoitus esitys konsertti näyttely "
    "myyjäiset arpajaiset kahvio kahvit pullat makkaranpaisto tanssit juhla joulu "
    "juhannus itsenäisyyspäivä kotiseutu historia arkisto valokuvat muistot "
    "kehittää tukea edistää järjestää osallistua kutsua toivottaa ilmoittautua "
    "vastata hoitaa ylläpitää kunnostaa rakentaa siivota kerätä lahjoittaa "
    "yhteistyö kumppani verkosto naapuri kyläläinen asukas vieras osallistuja "
    "uusi vanha hyvä iloinen aktiivinen turvallinen terveellinen mukava rento "
    "säännöllisesti tarvittaessa tänä vuonna ensi kaudella perinteisesti "
    "maanantaisin tiistaisin keskiviikkoisin torstaisin perjantaisin lauantaisin "
    "ja sekä myös tai että kun jos niin kuin vaan vielä aina usein joskus "
    "on ovat oli olemme ollaan voi voivat saa saavat pitää tulee tulevat "
    "metsä järvi joki ranta polku latu kenttä sali halli maja kota laavu "
    "ruoka leivonta käsityöt neulonta kudonta puutyöt lukupiiri kuoro soitto laulu "
    "vertaistuki keskustelu neuvonta ohjaus koulutus kurssi luento opintopiiri"
).split()

SV_WORDS = (
    "förening verksamhet medlemmar träffas varje vecka tillsammans byn talko "
    "sommar vinter höst vår kväll evenemang klubb hobby ledare frivillig "
    "öppen för alla gratis välkommen med tradition kultur motion natur barn "
    "unga familjer äldre gemenskap föreningshus skola bibliotek kommun bidrag "
    "projekt möte styrelse ordförande årsmöte medlemsavgift utflykt läger "
    "tävling övning konsert utställning basar kaffe fest jul midsommar "
    "hembygd historia och samt också eller att när om så som alltid ofta "
    "är var kan får ska kommer skog sjö å strand stig spår plan sal stuga "
    "mat bakning handarbete stickning bokcirkel kör sång kamratstöd kurs"
).split()

FIRST_NAMES = [
    "Aino", "Anna", "Eeva", "Elina", "Hanna", "Heli", "Johanna", "Kaisa", "Katja",
    "Laura", "Leena", "Liisa", "Maija", "Marja", "Minna", "Niina", "Outi", "Paula",
    "Riikka", "Sanna", "Satu", "Tiina", "Tuula", "Ulla", "Antti", "Eero", "Heikki",
    "Jari", "Juha", "Jukka", "Kalle", "Markku", "Matti", "Mikko", "Pekka", "Pentti",
    "Petri", "Sami", "Seppo", "Timo", "Tuomas", "Ville", "Väinö", "Oskari", "Åsa",
]
LAST_NAMES = [
    "Aho", "Heikkilä", "Hiltunen", "Hämäläinen", "Jokinen", "Järvinen", "Kallio",
    "Karjalainen", "Koivisto", "Korhonen", "Koskinen", "Laine", "Lehtonen", "Leinonen",
    "Mäkelä", "Mäkinen", "Nieminen", "Niemi", "Ojala", "Peltonen", "Rantanen",
    "Salminen", "Salonen", "Toivonen", "Tuominen", "Turunen", "Virtanen", "Väisänen",
    "Östman", "Björk", "Lindqvist",
]
ROLES = ["puheenjohtaja", "sihteeri", "rahastonhoitaja", "varapuheenjohtaja", "toiminnanjohtaja", "jäsenvastaava"]

FACILITY_TYPES = [
    ("koulu", "Koulutie", 120), ("nuorisotila", "Nuorisotie", 30), ("seurantalo", "Seuratie", 150),
    ("kylätalo", "Kylätie", 80), ("kirjasto", "Kirjastokuja", 40), ("liikuntahalli", "Urheilutie", 200),
    ("palvelukeskus", "Palvelutie", 60), ("työväentalo", "Työväentie", 100), ("nuorisoseurantalo", "Seurantalontie", 180),
    ("kerhotila", "Kerhokuja", 25), ("laavu", "Laavupolku", 15), ("kota", "Kotapolku", 20),
    ("urheilukenttä", "Kentäntie", 300), ("uimaranta", "Rantatie", 100), ("metsästysmaja", "Majantie", 40),
    ("rukoushuone", "Kappelintie", 70), ("VPK-talo", "Paloasemantie", 90), ("kunnantalon valtuustosali", "Kunnantie", 60),
    ("päiväkodin sali", "Päiväkodintie", 30), ("lukion auditorio", "Lukiontie", 140), ("museon pihapiiri", "Museotie", 150),
    ("tanssilava", "Lavatie", 400), ("kylätuvan kokoushuone", "Tupatie", 20), ("seurakuntakoti", "Kirkkotie", 120),
    ("kuntosali", "Kuntotie", 25),
]
EQUIPMENT = ["keittiö", "videotykki", "äänentoisto", "piano", "astiasto", "kahvinkeitin", "sauna", "tuolit ja pöydät",
             "näyttämö", "valkotaulu", "wlan", "grillikatos", "pukuhuoneet", "induktiosilmukka"]

GRANT_PURPOSES = [
    ("Toiminta-avustus", ["all"]), ("Kohdeavustus", ["all"]), ("Kylien kehittämisraha", ["kylat-asuminen"]),
    ("Tapahtuma-avustus", ["kulttuuri-perinne", "muut-harrastukset"]), ("Liikuntaseurojen toiminta-avustus", ["liikunta-urheilu"]),
    ("Nuorisotyön avustus", ["lapset-nuoret"]), ("Kulttuuriavustus", ["kulttuuri-perinne"]),
    ("Ympäristöavustus", ["luonto-ymparisto"]), ("Vertaistukiavustus", ["sote-vertaistuki"]),
    ("Kerhotoiminnan avustus", ["lapset-nuoret", "kasvatus-opetus"]), ("Starttiraha uusille yhdistyksille", ["all"]),
    ("Kyläkauppa- ja palveluraha", ["talous-elinkeinot", "kylat-asuminen"]), ("Kotiseututyön avustus", ["kulttuuri-perinne"]),
    ("Energiaremonttien avustus", ["luonto-ymparisto", "kylat-asuminen"]), ("Hengellisen työn tilatuki", ["hengellinen-aatteet"]),
]
GRANT_QUALIFIERS = ["", "kevät", "syksy", "pienavustus", "erityisavustus", "harkinnanvarainen", "kertaluonteinen",
                    "monivuotinen", "investointi", "kokeilu"]

CLOCK_TEMPLATES = [
    ("evening", "Kevään yhdistysilta"), ("evening", "Syksyn yhdistysilta"), ("evening", "Kyläyhdistysten ilta"),
    ("event", "Yhdistystori"), ("event", "Talkoopäivä"), ("event", "Kylien kesäpäivä"), ("event", "Vapaaehtoisten kiitosjuhla"),
    ("network", "Kumppanuuspöytä"), ("network", "Liikuntaseurojen verkosto"), ("network", "Kulttuuritoimijoiden verkosto"),
    ("working-group", "Tapahtumatyöryhmä"), ("working-group", "Tilatyöryhmä"), ("working-group", "Viestintätyöryhmä"),
    ("strategy", "Yhdistysstrategian päivitys"), ("strategy", "Kuntastrategian kuuleminen"),
    ("deadline", "Toimintakertomusten palautus"), ("deadline", "Avustusselvitysten määräaika"),
    ("other", "Yhdistysten koulutusilta"), ("other", "Tietosuojakoulutus"),
]

NEWS_TOPICS = [
    "Kumppanuuspöytä", "Yhdistysilta", "Avustushaku", "Tilavaraukset", "Talkoopäivä", "Vuosikello",
    "Yhdistystori", "Vapaaehtoistyö", "Kylien kehittämisraha", "Yhdistysagentti", "Liikuntavuorot",
    "Tietosuoja", "Koulutus", "Hallitustyöskentely", "Tapahtumaluvat", "Kotiseutupäivät",
]
NEWS_TAILS = [
    "tule kehittämään yhteistyötä", "ilmoittaudu mukaan", "haku on auki", "muutoksia aikatauluun",
    "kiitos osallistujille", "uusi ohje julkaistu", "kysely yhdistyksille", "tulokset julki",
    "vinkkejä hakijalle", "tervetuloa kuulemaan", "palautetta pyydetään", "uudet vuorot jaettu",
]

PAGES = [
    ("yhdistysyhteistyoasiakirja", "Yhdistysyhteistyöasiakirja", True, 1),
    ("tilojen-kayttosaannot", "Tilojen käyttösäännöt", True, 2),
    ("yhdistysagenttitoiminta", "Yhdistysagenttitoiminta", True, 3),
    ("tietosuojaseloste", "Tietosuojaseloste", False, 4),
    ("saavutettavuusseloste", "Saavutettavuusseloste", False, 5),
]

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

_TRANSLIT = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def slugify(name: str) -> str:
    s = name.lower().translate(_TRANSLIT)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    s = s[:80].rstrip("-")
    return s


class Slugs:
    """Keeps slugs unique inside one folder."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, base: str) -> str:
        base = base[:74].rstrip("-")
        slug, n = base, 2
        while slug in self.used:
            slug = f"{base}-{n}"
            n += 1
        self.used.add(slug)
        return slug


_YAML11_SPECIAL = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN_OK = re.compile(r"[A-Za-zÄÖÅäöåÉéÜü][A-Za-zÄÖÅäöåÉéÜü0-9 .,;()/@%–€-]*")
_URL_OK = re.compile(r"https?://[A-Za-z0-9./_-]+")
_FLOW_OK = re.compile(r"[A-Za-zÄÖÅäöå][A-Za-zÄÖÅäöå0-9 /-]*")


def ystr(s: str, flow: bool = False) -> str:
    """A string as YAML: plain where a person would write it plainly and it cannot
    be read as anything else, otherwise double-quoted (JSON escapes are valid YAML)."""
    if flow:
        ok = _FLOW_OK.fullmatch(s) is not None
    else:
        ok = _PLAIN_OK.fullmatch(s) is not None or _URL_OK.fullmatch(s) is not None
    ok = ok and not s.endswith(" ")
    if ok and s.lower() not in _YAML11_SPECIAL:
        return s
    return json.dumps(s, ensure_ascii=False)


def yscalar(v, flow: bool = False) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Quoted):
        return json.dumps(str(v), ensure_ascii=False)
    if isinstance(v, str):
        return ystr(v, flow)
    raise TypeError(f"unsupported scalar {v!r}")


class Quoted(str):
    """A string that is always written quoted ("MM-DD", phone numbers, register numbers)."""


class Flow(dict):
    """A mapping written in flow style: {lat: 63.1, lon: 23.4}."""


def is_scalar(v) -> bool:
    return isinstance(v, (str, int, float, bool, dt.date))


def yaml_lines(mapping: dict, indent: int = 0) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for key, value in mapping.items():
        if value is None:
            continue
        if is_scalar(value):
            out.append(f"{pad}{key}: {yscalar(value)}")
        elif isinstance(value, Flow):
            inner = ", ".join(f"{k}: {yscalar(v, flow=True)}" for k, v in value.items())
            out.append(f"{pad}{key}: {{{inner}}}")
        elif isinstance(value, dict):
            out.append(f"{pad}{key}:")
            out.extend(yaml_lines(value, indent + 2))
        elif isinstance(value, list):
            if all(is_scalar(x) for x in value):
                out.append(f"{pad}{key}: [{', '.join(yscalar(x, flow=True) for x in value)}]")
            else:
                out.append(f"{pad}{key}:")
                for item in value:
                    if isinstance(item, Flow):
                        inner = ", ".join(f"{k}: {yscalar(v, flow=True)}" for k, v in item.items())
                        out.append(f"{pad}  - {{{inner}}}")
                    else:
                        sub = yaml_lines(item, indent + 4)
                        sub[0] = f"{pad}  - " + sub[0].lstrip()
                        out.extend(sub)
        else:
            raise TypeError(f"unsupported value for {key}: {value!r}")
    return out


def front_matter_file(fields: dict, body: str) -> str:
    return "---\n" + "\n".join(yaml_lines(fields)) + "\n---\n" + body.rstrip("\n") + "\n"


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------


class Text:
    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words

    def sentence(self, lo: int = 6, hi: int = 14) -> str:
        n = self.rng.randint(lo, hi)
        ws = [self.rng.choice(self.words) for _ in range(n)]
        if n > 7 and self.rng.random() < 0.3:
            ws[self.rng.randrange(2, n - 2)] += ","
        s = " ".join(ws)
        return s[0].upper() + s[1:] + "."

    def paragraph(self, lo: int = 3, hi: int = 6, emphasis: bool = True) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(lo, hi))]
        if emphasis and self.rng.random() < 0.35:
            i = self.rng.randrange(len(sentences))
            w = sentences[i].rstrip(".").split(" ")
            j = self.rng.randrange(len(w))
            mark = "**" if self.rng.random() < 0.5 else "*"
            w[j] = f"{mark}{w[j].rstrip(',')}{mark}" + ("," if w[j].endswith(",") else "")
            sentences[i] = " ".join(w) + "."
        return " ".join(sentences)

    def bullet_list(self) -> str:
        items = [self.sentence(2, 5).rstrip(".") for _ in range(self.rng.randint(3, 5))]
        return "\n".join(f"- {x}" for x in items)

    def body(self, lo: int = 2, hi: int = 4, heading: str | None = None) -> str:
        parts = []
        n = self.rng.randint(lo, hi)
        for i in range(n):
            if heading and i == 1 and self.rng.random() < 0.5:
                parts.append(f"## {heading}")
            parts.append(self.paragraph())
            if i == 0 and self.rng.random() < 0.4:
                parts.append(self.bullet_list())
        return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------


class Corpus:
    def __init__(self, n: int, seed: int) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.fi = Text(self.rng, WORDS)
        self.sv = Text(self.rng, SV_WORDS)
        self.files: dict[str, str] = {}  # relative path -> text

        self.n_facilities = max(5, round(n / 50))
        self.n_liaisons = max(4, round(n / 250))
        self.n_grants = max(3, round(n / 200))
        self.n_clock = max(6, round(n / 100))
        self.n_news = max(5, round(n / 50))
        self.liaison_slugs: list[str] = []
        self.facility_slugs: list[str] = []
        self.grant_slugs: list[str] = []
        self.page_slugs = [p[0] for p in PAGES]
        self.n_translations = 0

    # small helpers -------------------------------------------------------
    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def phone(self, mobile: bool = True) -> Quoted:
        r = self.rng
        if mobile:
            return Quoted(f"+358 {r.choice(['40', '44', '45', '50'])} {r.randint(100, 999)} {r.randint(1000, 9999)}")
        return Quoted(f"+358 6 {r.randint(100, 999)} {r.randint(1000, 9999)}")

    def email_for(self, name: str, domain: str = DOMAIN) -> str:
        return slugify(name).replace("-", ".") + "@" + domain

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def mmdd(self, month: int, day: int) -> Quoted:
        return Quoted(f"{month:02d}-{day:02d}")

    def summary(self, text: Text, limit: int = 200) -> str:
        s = text.sentence(6, 16)
        while len(s) > limit - 10:
            s = s.rsplit(" ", 1)[0].rstrip(",") + "."
        return s

    def add(self, path: str, text: str) -> None:
        assert path not in self.files, path
        self.files[path] = text

    # sections ------------------------------------------------------------
    def site(self) -> None:
        self.add("site.yml", "\n".join([
            "# Benchmark corpus written by bench/generate_corpus.py; do not edit by hand.",
            f"municipality: {MUNICIPALITY}",
            "title: {fi: Yhdistystoiminta, sv: Föreningsverksamhet}",
            f"base_url: {BASE_URL}",
            "languages: [fi, sv]",
            f"contact_email: yhdistykset@{DOMAIN}",
            "stale_after_days: 365",
            "areas: [" + ", ".join(a[0] for a in AREAS) + "]",
            f"year: {YEAR}",
        ]) + "\n")
        body = (
            f"{MUNICIPALITY} tekee yhteistyötä alueen yhdistysten kanssa. Tältä sivulta löydät "
            "yhdistyshakemiston, tilat, avustukset ja yhteistyön vuosikellon.\n\n"
            + self.fi.paragraph() + "\n\n" + self.fi.bullet_list() + "\n"
        )
        self.add("index.md", front_matter_file({"title": "Yhdistystoiminta"}, body))

    def liaisons(self) -> None:
        slugs = Slugs()
        # One municipality's four, then (for a regional deployment of more than about 1,100
        # associations) more of the same kinds in turn, each sector contact with two sectors. A
        # corpus of up to 1,124 associations is the same as before liaisons grew with N.
        specs = [("liaison", "Kehittämiskoordinaattori", None),
                 ("agent", "Yhdistysagentti", None),
                 ("sector-contact", "Liikuntasihteeri", ["liikunta-urheilu", "lapset-nuoret"]),
                 ("sector-contact", "Kulttuurisihteeri", ["kulttuuri-perinne", "kylat-asuminen"])]
        more = [("liaison", "Järjestöyhdyshenkilö", None),
                ("agent", "Yhdistysagentti", None),
                ("sector-contact", "Hyvinvointikoordinaattori", None),
                ("sector-contact", "Nuorisosihteeri", None)]
        for k in range(self.n_liaisons - len(specs)):
            role, title, _ = more[k % len(more)]
            sectors = None
            if role == "sector-contact":
                first = (2 * k) % len(SECTORS)
                sectors = [SECTORS[first], SECTORS[(first + 1) % len(SECTORS)]]
            specs.append((role, title, sectors))
        for order, (role, title, sectors) in enumerate(specs, 1):
            name = self.person()
            slug = slugs.take(slugify(name))
            self.liaison_slugs.append(slug)
            fields = {
                "name": name,
                "role": role,
                "title": title,
                "organisation": MUNICIPALITY if role != "agent" else "Järvikylän Yhdistysagentit ry",
                "sectors": sectors,
                "phone": self.phone(),
                "email": self.email_for(name),
                "office_hours": "ma–pe 9–15" if role != "agent" else "ti ja to 12–16",
                "order": order,
            }
            self.add(f"liaisons/{slug}.md", front_matter_file(fields, self.fi.body(1, 2)))

    def facilities(self) -> None:
        slugs = Slugs()
        used_names: set[str] = set()
        # Every village gets one facility first, then the remaining village/type pairs in a
        # shuffled order; numbered names only when all pairs are used.
        pairs = [(a, t) for t in range(len(FACILITY_TYPES)) for a in range(len(AREAS))]
        first, rest = pairs[:len(AREAS)], pairs[len(AREAS):]
        self.rng.shuffle(rest)
        pairs = first + rest
        for i in range(self.n_facilities):
            a, t = pairs[i % len(pairs)]
            _, gen, postcode = AREAS[a]
            ftype, street, cap = FACILITY_TYPES[t]
            name = f"{gen} {ftype}"
            k = 2
            while name in used_names:
                name = f"{gen} {ftype} {k}"
                k += 1
            used_names.add(name)
            slug = slugs.take(slugify(name))
            self.facility_slugs.append(slug)
            r = self.rng
            booking: dict = {}
            if r.random() < 0.7:
                booking["url"] = f"https://varaus.{DOMAIN}/tilat/{slug}"
            if r.random() < 0.6 or not booking:
                booking["email"] = f"tilat@{DOMAIN}"
            if r.random() < 0.5:
                booking["phone"] = self.phone(mobile=False)
            if r.random() < 0.6:
                booking["instructions"] = "Varaa viimeistään viikkoa ennen."
            fields = {
                "name": name,
                "address": f"{street} {r.randint(1, 40)}, {postcode} {TOWN}",
                "location": Flow(lat=round(63.30 + r.random() * 0.2, 4), lon=round(23.30 + r.random() * 0.3, 4)),
                "owner": r.choice([MUNICIPALITY, MUNICIPALITY, f"{gen} Kyläyhdistys ry", "Järvikylän seurakunta"]),
                "capacity": max(5, cap + r.randint(-cap // 3, cap // 3)),
                "price": "free" if r.random() < 0.5 else r.choice(
                    ["20 €/h, yleishyödyllinen toiminta maksutta", "10 €/h", "50 €/vrk", "Vuokra sopimuksen mukaan"]),
                "accessibility": r.choice(["Esteetön sisäänkäynti, induktiosilmukka", "Kynnyksetön sisäänkäynti",
                                           "Portaat toiseen kerrokseen, ei hissiä", "Esteetön wc ja pysäköinti"]),
                "accessibility_features": sorted(r.sample(ACCESSIBILITY_FEATURES, r.randint(0, 4)),
                                                 key=ACCESSIBILITY_FEATURES.index) or None,
                "opening_hours": r.choice(["ma–su 8–21", "ma–pe 16–22, la–su 9–20", "Sopimuksen mukaan"]),
                "who_may_book": r.choice(["Rekisteröidyt yhdistykset; ei yrityksille", "Kaikki kuntalaiset",
                                          "Järvikyläläiset yhdistykset ja seurat"]),
                "equipment": r.sample(EQUIPMENT, r.randint(1, 4)),
                "booking": booking,
                "booking_periods": [
                    Flow(label="Syyskauden vakiovuorot", date=self.mmdd(5, 1), end_date=self.mmdd(5, 31)),
                    Flow(label="Kevätkauden vakiovuorot", date=self.mmdd(11, 1), end_date=self.mmdd(11, 30)),
                ] if r.random() < 0.3 else None,
                "rules": "pages/tilojen-kayttosaannot" if r.random() < 0.7 else None,
            }
            self.add(f"facilities/{slug}.md", front_matter_file(fields, self.fi.body(1, 3, heading="Ajo-ohjeet")))

    def grants(self) -> None:
        slugs = Slugs()
        used: set[str] = set()
        for i in range(self.n_grants):
            r = self.rng
            while True:
                purpose, sectors = GRANT_PURPOSES[i % len(GRANT_PURPOSES)] if i < len(GRANT_PURPOSES) else r.choice(GRANT_PURPOSES)
                q = "" if i < len(GRANT_PURPOSES) else r.choice(GRANT_QUALIFIERS)
                name = f"{purpose} ({q})" if q else purpose
                if name in used:
                    name = f"{purpose} {YEAR} ({q or 'lisähaku'}) {i}"
                if name not in used:
                    break
            used.add(name)
            slug = slugs.take(slugify(name))
            self.grant_slugs.append(slug)
            continuous = r.random() < 0.15
            application = None
            if not continuous:
                application = []
                if r.random() < 0.7:
                    m = r.randint(1, 10)
                    application.append(Flow(date=self.mmdd(m, 1), end_date=self.mmdd(m, 28 if m == 2 else 30)))
                if r.random() < 0.5 or not application:
                    m = r.randint(1, 11)
                    application.append(Flow(date=dt.date(YEAR, m, 1), end_date=dt.date(YEAR, m, 28),
                                            time=Quoted("15.00")))
            fields = {
                "name": name,
                "provider": r.choice([f"{MUNICIPALITY}, elinvoimapalvelut", f"{MUNICIPALITY}, hyvinvointipalvelut",
                                      f"{MUNICIPALITY}, sivistyspalvelut"]),
                "sectors": sectors,
                "eligible": r.choice(["Rekisteröity yhdistys, joka toimii kunnassa",
                                      "Kyläyhdistys, osuuskunta tai kylässä toimiva yhdistys",
                                      "Yleishyödyllinen yhteisö tai työryhmä"]),
                "amount": r.choice(["enintään 400 € / tapahtuma", "500–3000 €", "enintään 50 % kustannuksista"]),
                "budget": r.choice([5000, 10000, 20000, 30000, 50000]) if r.random() < 0.8 else None,
                "application": application,
                "continuous": continuous,
                "apply_url": f"https://www.{DOMAIN}/avustukset/{slug}",
                "decision": r.choice(["Päätökset toukokuussa", "Päätökset kuukauden kuluessa", "Päätökset lokakuussa"]),
                "reporting": "Selvitys 30 päivän kuluessa: osallistujamäärä, talkootunnit, kunnan tuen osuus kokonaiskuluista",
                "contact": r.choice(self.liaison_slugs),
            }
            self.add(f"grants/{slug}.md", front_matter_file(fields, self.fi.body(2, 3, heading="Näin haet")))

    def clock(self) -> None:
        slugs = Slugs()
        used: set[str] = set()
        for i in range(self.n_clock):
            r = self.rng
            kind, base = CLOCK_TEMPLATES[i % len(CLOCK_TEMPLATES)]
            title = base if i < len(CLOCK_TEMPLATES) else f"{base}: {r.choice(NEWS_TOPICS).lower()}"
            k = 2
            candidate = title
            while candidate in used:
                candidate = f"{title} {k}"
                k += 1
            title = candidate
            used.add(title)
            slug = slugs.take(slugify(title))
            fields: dict = {"title": title, "kind": kind}
            if kind in ("network", "working-group") and r.random() < 0.6:
                fields["months"] = sorted(r.sample(range(1, 13), r.randint(2, 4)))
            else:
                day = self.date_between(dt.date(YEAR, 1, 10), dt.date(YEAR, 12, 10))
                fields["date"] = day
                if kind == "event" and r.random() < 0.4:
                    fields["end_date"] = day + dt.timedelta(days=r.randint(1, 2))
                if kind != "deadline":
                    fields["time"] = Quoted(r.choice(["17.30–20.00", "18–20", "10–15", "9.00–16.00"]))
                if kind in ("evening", "event", "other") and r.random() < 0.6:
                    fields["registration"] = {"url": f"https://www.{DOMAIN}/ilmoittaudu/{slug}",
                                              "deadline": day - dt.timedelta(days=7)}
            if kind != "deadline":
                fields["place"] = r.choice(self.facility_slugs) if r.random() < 0.7 else "Etäyhteys (Teams)"
            fields["organizer"] = r.choice(self.liaison_slugs) if r.random() < 0.8 else "Järvikylän Yhdistysagentit"
            if r.random() < 0.4:
                fields["related"] = [f"grants/{g}" for g in r.sample(self.grant_slugs, min(2, len(self.grant_slugs)))]
            body = self.fi.body(1, 3)
            if kind == "evening":
                body = ("Illan ohjelma:\n\n1. Illan tarkoitus\n2. Ajankohtaiset asiat\n"
                        "3. Mitä haluamme saada yhdessä aikaan\n4. Seuraavan illan ajankohta ja teema, työryhmät\n\n"
                        + body)
            self.add(f"clock/{slug}.md", front_matter_file(fields, body))

    def news(self) -> None:
        slugs = Slugs()
        for i in range(self.n_news):
            r = self.rng
            day = self.date_between(dt.date(2025, 1, 1), dt.date(2026, 11, 20))
            title = f"{r.choice(NEWS_TOPICS)} {day.day}.{day.month}. – {r.choice(NEWS_TAILS)}"
            slug = slugs.take(f"{day.isoformat()}-{slugify(title)}"[:70].rstrip("-"))
            fields = {"title": title, "date": day, "summary": self.summary(self.fi) if r.random() < 0.7 else None}
            self.add(f"news/{slug}.md", front_matter_file(fields, self.fi.body(2, 4)))

    def pages(self) -> None:
        for slug, title, menu, order in PAGES:
            body = self.fi.body(3, 5, heading="Yleistä")
            self.add(f"pages/{slug}.md", front_matter_file({"title": title, "menu": menu, "order": order}, body))

    def associations(self) -> None:
        slugs = Slugs()
        used: set[str] = set()
        r = self.rng
        prefixes = [a[1] for a in AREAS] + NAME_PREFIXES
        for i in range(self.n):
            area_i = r.randrange(len(AREAS))
            area, area_gen, _ = AREAS[area_i]
            atype, type_sectors, type_groups = r.choice(ASSOCIATION_TYPES)
            prefix = area_gen if r.random() < 0.5 else r.choice(prefixes)
            name = f"{prefix} {atype} ry"
            tries = 0
            while name in used:
                tries += 1
                if tries < 5:
                    name = f"{prefix} {r.choice(NAME_DISTINGUISHERS)} {atype} ry"
                else:
                    name = f"{prefix} {atype} {tries - 3} ry"
            used.add(name)
            slug = slugs.take(slugify(name))

            sectors = list(type_sectors)
            if r.random() < 0.15:
                extra = r.choice(SECTORS)
                if extra not in sectors:
                    sectors.append(extra)
            groups = list(type_groups)
            if r.random() < 0.3:
                g = r.choice(TARGET_GROUPS)
                if g not in groups:
                    groups.append(g)
            short = slug[:30].rstrip("-")
            meets_at = r.sample(self.facility_slugs, r.randint(0, 2)) or None
            activities = []
            for _ in range(r.randint(1, 3)):
                where = r.choice(meets_at) if meets_at and r.random() < 0.7 else r.choice(
                    ["Kylätalon piha", "Urheilukenttä", "Jäsenten kodeissa", "Etänä", "Vaihtuvat paikat"])
                activities.append({
                    "name": r.choice(["Kerhoilta", "Harjoitukset", "Talkoot", "Retki", "Kokoontuminen", "Avoin ilta",
                                      "Kurssi", "Vertaistukiryhmä", "Perhekerho", "Kuoroharjoitukset"]),
                    "when": Quoted(r.choice(["Tiistaisin 18–20, syys–toukokuu", "Joka toinen torstai klo 17.30",
                                             "Lauantaisin 10–12", "Kuukauden ensimmäinen maanantai",
                                             "Kesäkuussa, ilmoitetaan erikseen"])),
                    "where": where,
                    "audience": r.sample(groups, r.randint(1, len(groups))),
                    "cost": r.choice(["maksuton", "maksuton", "5 €/kerta", "jäsenille maksuton", "20 €/kausi"]),
                })
            volunteers = r.random() < 0.4
            contact_name = self.person()
            fields = {
                "name": name,
                "summary": self.summary(self.fi),
                "sectors": sectors,
                "area": area,
                "register_number": Quoted(f"{r.randint(1, 230)}.{r.randint(1, 999):03d}") if r.random() < 0.85 else None,
                "founded": r.randint(1885, 2024) if r.random() < 0.9 else None,
                "website": f"https://{short}.{DOMAIN}" if r.random() < 0.7 else None,
                "email": f"{short}@{DOMAIN}" if r.random() < 0.8 else None,
                "phone": self.phone() if r.random() < 0.6 else None,
                "contact_person": {
                    "name": contact_name,
                    "role": r.choice(ROLES),
                    "phone": self.phone(),
                    "email": self.email_for(contact_name, "jasen.example.fi"),
                    "consent": r.random() < 0.7,
                } if r.random() < 0.8 else None,
                "social": {"facebook": f"https://www.facebook.com/{short}",
                           "lahella": f"https://www.lahella.fi/yhdistys/{short}"} if r.random() < 0.3 else None,
                "target_groups": groups,
                "languages": r.choice([["fi"], ["fi"], ["fi"], ["fi", "sv"], ["fi", "en"]]),
                "meets_at": meets_at,
                "activities": activities,
                "membership": Quoted(r.choice(["Jäsenmaksu 15 €/vuosi.", "Jäsenmaksu 10 €/vuosi, nuoret maksutta.",
                                               "Jäseneksi voi liittyä verkkosivuilla.", "Ei jäsenmaksua."])),
                "volunteers_wanted": volunteers,
                "volunteer_tasks": r.choice(["Kahvion pitäjiä tapahtumiin", "Ohjaajia lasten kerhoihin",
                                             "Talkoolaisia kunnostustöihin", "Kuljettajia retkille"]) if volunteers else None,
                # about 80 % confirmed within a year of the benchmark's --today (2026-11-23)
                "updated": self.date_between(dt.date(2025, 12, 1), dt.date(2026, 11, 20)) if r.random() < 0.8
                else self.date_between(dt.date(2025, 1, 1), dt.date(2025, 11, 20)),
            }
            self.add(f"associations/{slug}.md", front_matter_file(fields, self.fi.body(2, 4, heading="Toimintamme")))
            if r.random() < 0.10:
                sv_name = name.replace(" ry", " rf")
                sv_fields = {"name": sv_name, "summary": self.summary(self.sv)}
                self.add(f"associations/{slug}.sv.md", front_matter_file(sv_fields, self.sv.body(2, 3)))
                self.n_translations += 1

    def build(self) -> None:
        # Order matters for determinism: every section draws from the same stream.
        self.site()
        self.liaisons()
        self.facilities()
        self.grants()
        self.clock()
        self.news()
        self.pages()
        self.associations()

    def counts(self) -> dict:
        return {
            "associations": self.n,
            "association_translations": self.n_translations,
            "liaisons": len(self.liaison_slugs),
            "facilities": self.n_facilities,
            "grants": self.n_grants,
            "clock": self.n_clock,
            "news": self.n_news,
            "pages": len(PAGES),
            "files": len(self.files),
        }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write a deterministic Talkoot benchmark corpus to OUT/content/.")
    ap.add_argument("--associations", "-n", type=int, required=True, metavar="N", help="number of associations")
    ap.add_argument("--out", required=True, metavar="DIR", help="output folder; DIR/content/ is (re)written")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--force", action="store_true", help="replace DIR/content even if this script did not write it")
    ap.add_argument("--quiet", "-q", action="store_true")
    args = ap.parse_args(argv)
    if args.associations < 1:
        ap.error("--associations must be at least 1")

    content = os.path.join(args.out, "content")
    marker = os.path.join(args.out, "corpus.json")
    if os.path.exists(content):
        if not (os.path.exists(marker) or args.force):
            print(f"error: {content} exists and was not written by this script; use --force to replace it",
                  file=sys.stderr)
            return 2
        shutil.rmtree(content)

    corpus = Corpus(args.associations, args.seed)
    corpus.build()
    for rel in sorted(corpus.files):
        path = os.path.join(content, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(corpus.files[rel])
    info = {"generator": "bench/generate_corpus.py", "seed": args.seed, "counts": corpus.counts()}
    with open(marker, "w", encoding="utf-8", newline="\n") as f:
        json.dump(info, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")
    if not args.quiet:
        c = corpus.counts()
        print(f"wrote {c['files']} files to {content}: " + ", ".join(f"{k} {v}" for k, v in c.items() if k != "files"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
