"""Machine-readable outputs of the demo build, checked with independent readers:
iCalendar (icalendar from PyPI) against the content files, the JSON against its JSON Schema,
the CSV with Python's csv module, the sitemap against the sitemap XSD, Atom with feedparser,
and schema.org JSON-LD, Open Graph and meta description on every page."""
import csv
import datetime as dt
import html.parser
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import jsonschema
import pytest
import xmlschema
import yaml
from dateutil.rrule import rrulestr

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
TODAY = dt.date(2026, 11, 23)
SITE_YML = yaml.safe_load((CONTENT / "site.yml").read_text(encoding="utf-8"))
LANGUAGES = SITE_YML.get("languages", ["fi"])
DEFAULT = LANGUAGES[0]
BASE_URL = SITE_YML["base_url"]
ANCHOR = min(TODAY.year, SITE_YML.get("year", TODAY.year))  # year yearly items start in (docs/open-data.md)


# ---------------------------------------------------------------- content, read independently

def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text[4:text.index("\n---", 4)]) or {}


def items(kind: str) -> dict:
    """slug -> {language: merged front matter} (a translation overrides the fields it gives)."""
    out = {}
    for path in sorted((CONTENT / kind).glob("*.md")):
        parts = path.name[:-3].split(".")
        if len(parts) != 1:
            continue
        base = front_matter(path)
        versions = {}
        for lang in LANGUAGES:
            tr = path.with_name(f"{parts[0]}.{lang}.md")
            versions[lang] = {**base, **front_matter(tr)} if lang != DEFAULT and tr.exists() else base
        out[parts[0]] = versions
    return out


def prefix(lang):
    return "" if lang == DEFAULT else lang + "/"


def as_date(value, year):
    """A content date: a datetime.date, or "MM-DD" repeating every year."""
    if isinstance(value, dt.date):
        return value, False
    m, d = map(int, str(value).split("-"))
    return dt.date(year, m, d), True


TIME_RE = re.compile(r"^(?:klo |kl\. |kl |at )?(\d{1,2})(?:[.:](\d{2}))?(?:\s*[–—-]\s*(\d{1,2})(?:[.:](\d{2}))?)?$")


def expected_events(lang):
    """uid -> expectation, from the content files alone."""
    host = re.match(r"https?://([^/:]+)", BASE_URL).group(1)
    exp = {}

    def add(uid, title, start, end, time=None):
        first, yearly = as_date(start, ANCHOR)
        last = as_date(end, ANCHOR)[0] if end is not None else first
        if yearly and last < first:
            last = as_date(end, ANCHOR + 1)[0]
        times = None
        if time is not None and first == last:
            m = TIME_RE.match(str(time).strip().lower())
            if m:
                times = (dt.time(int(m[1]), int(m[2] or 0)), dt.time(int(m[3]), int(m[4] or 0)) if m[3] else None)
        exp[f"{lang}/{uid}@{host}"] = dict(title=title, first=first, last=last, yearly=yearly, times=times)

    for slug, v in items("clock").items():
        e = v[lang]
        if "months" in e:
            for m in e["months"]:
                first = dt.date(ANCHOR, m, 1)
                nxt = dt.date(ANCHOR + (m == 12), m % 12 + 1, 1)
                exp[f"{lang}/clock/{slug}/m{m}@{host}"] = dict(title=e["title"], first=first, last=nxt - dt.timedelta(days=1),
                                                               yearly=True, times=None)
        else:
            add(f"clock/{slug}", e["title"], e["date"], e.get("end_date"), e.get("time"))
    for slug, v in items("grants").items():
        g = v[lang]
        for i, w in enumerate(g.get("application") or []):
            add(f"grants/{slug}/{i}", g["name"], w["date"], w.get("end_date"))
    for slug, v in items("facilities").items():
        f = v[lang]
        for i, p in enumerate(f.get("booking_periods") or []):
            add(f"facilities/{slug}/{i}", f"{f['name']}: {p['label']}", p["date"], p.get("end_date"))
    return exp


# ---------------------------------------------------------------- iCalendar

@pytest.mark.parametrize("lang", LANGUAGES)
def test_icalendar_events_match_the_content(demo_site, lang):
    raw = (demo_site / prefix(lang) / "vuosikello.ics").read_bytes()
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and cal.get("PRODID")
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    expected = expected_events(lang)
    assert len(events) == len(cal.walk("VEVENT")), "UIDs are unique"
    assert set(events) == set(expected), "one VEVENT per clock item, grant application period and booking period"
    timed = 0
    for uid, want in expected.items():
        ev = events[uid]
        assert ev.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc), uid
        assert want["title"] in str(ev["SUMMARY"]), uid
        start = ev.decoded("DTSTART")
        if want["times"]:
            timed += 1
            assert isinstance(start, dt.datetime) and str(start.tzinfo) in ("Europe/Helsinki", "EET", "EEST") \
                or ev["DTSTART"].params.get("TZID") == "Europe/Helsinki", uid
            assert ev["DTSTART"].params.get("TZID") == "Europe/Helsinki", uid
            assert start.date() == want["first"] and start.time() == want["times"][0], uid
            if want["times"][1]:
                end = ev.decoded("DTEND")
                assert end.time() == want["times"][1] and end > start, uid
            # The zone really is Helsinki's: +02:00 in winter, +03:00 in summer.
            offset = start.utcoffset()
            assert offset in (dt.timedelta(hours=2), dt.timedelta(hours=3)), uid
        else:
            assert type(start) is dt.date, f"{uid}: all-day items are VALUE=DATE"
            assert ev["DTSTART"].params.get("VALUE") == "DATE"
            assert start == want["first"], uid
            end = ev.decoded("DTEND")
            assert type(end) is dt.date and end == want["last"] + dt.timedelta(days=1), f"{uid}: DTEND is exclusive"
        if want["yearly"]:
            rule = ev["RRULE"]
            assert rule["FREQ"] == ["YEARLY"], uid
            assert rule["BYMONTH"] == [want["first"].month] and rule["BYMONTHDAY"] == [want["first"].day], uid
            # Expanded independently: every later year falls on the content's month and day.
            first = dt.datetime.combine(want["first"], dt.time())
            occ = rrulestr(rule.to_ical().decode(), dtstart=first)
            nxt = occ.after(first)
            assert (nxt.year, nxt.month, nxt.day) == (first.year + 1, first.month, first.day), uid
        else:
            assert "RRULE" not in ev, uid
    assert timed > 0, "the demo has timed events"
    assert any(tz["TZID"] == "Europe/Helsinki" for tz in cal.walk("VTIMEZONE"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_icalendar_wire_format(demo_site, lang):
    raw = (demo_site / prefix(lang) / "vuosikello.ics").read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends in CRLF"
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 sequence
    unfolded = raw.replace(b"\r\n ", b"").decode()
    assert "DTSTAMP:20261123T000000Z" in unfolded
    # Text escaping: commas in content come out as "\,", and the parser gets them back.
    assert "\\," in unfolded
    cal = icalendar.Calendar.from_ical(raw)
    assert any("," in str(e.get("DESCRIPTION", "")) for e in cal.walk("VEVENT"))


def test_icalendar_is_linked_as_webcal_from_the_clock_pages(demo_site):
    for lang, page in [(l, f"{prefix(l)}{'vuosikello' if l == 'fi' else 'arshjul' if l == 'sv' else 'annual-clock'}/index.html")
                       for l in LANGUAGES]:
        text = (demo_site / page).read_text(encoding="utf-8")
        webcal = "webcal://" + BASE_URL.split("://", 1)[1] + prefix(lang) + "vuosikello.ics"
        assert webcal in text, page


# ---------------------------------------------------------------- data/associations.json and .csv

FIELD_ORDER = ["slug", "url", "name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone",
               "contact_person", "social", "target_groups", "languages", "meets_at", "activities", "membership",
               "volunteers_wanted", "volunteer_tasks", "logo", "updated", "extra", "description_html"]


@pytest.fixture(scope="module")
def export(demo_site):
    return json.loads((demo_site / "data" / "associations.json").read_text(encoding="utf-8"))


def test_json_is_valid_against_its_schema(export):
    schema = json.loads((REPO / "docs" / "associations.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(export), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    # The schema really constrains: a wrong field fails.
    broken = json.loads(json.dumps(export))
    broken["associations"][0]["surprise"] = 1
    assert not validator.is_valid(broken)


def test_json_has_every_association_with_content_values_in_a_stable_order(demo_site, export):
    raw = (demo_site / "data" / "associations.json").read_text(encoding="utf-8")
    ordered = json.loads(raw, object_pairs_hook=lambda pairs: pairs)
    top = [k for k, _ in ordered]
    assert top == ["generated", "associations"]
    assert export["generated"] == "2026-11-23"
    content = items("associations")
    assert [a["slug"] for a in export["associations"]] == sorted(content)
    for pairs in dict(ordered)["associations"]:
        assert [k for k, _ in pairs] == FIELD_ORDER
    for a in export["associations"]:
        src = content[a["slug"]][DEFAULT]
        assert a["url"] == f"{BASE_URL}yhdistykset/{a['slug']}/"
        for key in ["name", "summary", "sectors", "area", "register_number", "founded", "website", "email", "phone", "membership",
                    "volunteer_tasks"]:
            assert a[key] == src.get(key), (a["slug"], key)
        assert a["target_groups"] == src.get("target_groups", []) and a["languages"] == src.get("languages", [])
        assert a["meets_at"] == src.get("meets_at", [])
        assert a["volunteers_wanted"] == bool(src.get("volunteers_wanted", False))
        assert a["updated"] == src["updated"].isoformat()
        assert a["social"] == src.get("social", {}) and list(a["social"]) == list(src.get("social", {}))
        assert [x["name"] for x in a["activities"]] == [x["name"] for x in src.get("activities", [])]
        assert a["description_html"].strip().startswith("<")
        if src.get("logo"):
            assert a["logo"] == BASE_URL + src["logo"]


def test_contact_person_is_published_only_with_consent(demo_site, export):
    content = items("associations")
    withheld = [content[s][DEFAULT]["contact_person"] for s in content
                if content[s][DEFAULT].get("contact_person") and not content[s][DEFAULT]["contact_person"].get("consent")]
    assert withheld, "the demo has contact persons without consent"
    for a in export["associations"]:
        cp = content[a["slug"]][DEFAULT].get("contact_person")
        if cp and cp.get("consent") is True:
            assert a["contact_person"] == {"name": cp["name"], "role": cp.get("role"), "phone": cp.get("phone"), "email": cp.get("email")}
        else:
            assert a["contact_person"] is None, a["slug"]
    exports = (demo_site / "data" / "associations.json").read_text(encoding="utf-8") \
        + (demo_site / "data" / "associations.csv").read_text(encoding="utf-8-sig")
    pages = "".join(p.read_text(encoding="utf-8") for p in demo_site.rglob("*.html"))
    for cp in withheld:
        for key in ("name", "email", "phone"):
            if cp.get(key):
                assert cp[key] not in exports, f"withheld {key} {cp[key]!r} is in the exports"
                assert cp[key] not in pages, f"withheld {key} {cp[key]!r} is on a page"


def test_csv_reads_back_with_the_csv_module(demo_site, export):
    raw = (demo_site / "data" / "associations.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for spreadsheet programs"
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["slug", "url", "name", "summary"] and header[-1] == "description_html"
    assert len(header) == len(set(header))
    assert len(body) == len(export["associations"])
    by_slug = {a["slug"]: a for a in export["associations"]}
    for row in body:
        assert len(row) == len(header)
        rec = dict(zip(header, row))
        a = by_slug[rec["slug"]]
        for key in ["url", "name", "summary", "area", "register_number", "website", "email", "membership", "volunteer_tasks",
                    "updated", "description_html"]:
            want = a[key] or ""
            got = rec[key]
            if want[:1] in ("=", "+", "-", "@"):
                assert got == "'" + want, (rec["slug"], key)
            else:
                assert got == want, (rec["slug"], key)
        assert rec["sectors"].split("; ") == a["sectors"]
        assert rec["founded"] == ("" if a["founded"] is None else str(a["founded"]))
        assert rec["volunteers_wanted"] == ("true" if a["volunteers_wanted"] else "false")
        assert (json.loads(rec["activities"]) if rec["activities"] else []) == a["activities"]
        assert (json.loads(rec["social"]) if rec["social"] else {}) == a["social"]
        cp = a["contact_person"] or {}
        assert rec["contact_person_name"] == (cp.get("name") or "")
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), f"formula-like cell {cell!r}"
    assert raw.split(b"\n", 1)[0].endswith(b"\r"), "records end in CRLF"


def test_csv_neutralises_formula_cells(demo_site, export):
    # The demo's international phone numbers start with "+": a spreadsheet would read them as formulas.
    rows = list(csv.DictReader(io.StringIO((demo_site / "data" / "associations.csv").read_text(encoding="utf-8-sig"), newline="")))
    phones = {r["slug"]: r["phone"] for r in rows}
    plus = [a for a in export["associations"] if (a["phone"] or "").startswith("+")]
    assert plus, "the demo has phone numbers starting with +"
    for a in plus:
        assert phones[a["slug"]] == "'" + a["phone"]


# ---------------------------------------------------------------- sitemap

def html_pages(site: Path):
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.relative_to(site).parts)


def page_url(site: Path, p: Path) -> str:
    rel = p.relative_to(site).as_posix()
    return BASE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def test_sitemap_is_valid_and_lists_every_page_with_alternates(demo_site):
    schemas = REPO / "tests" / "schemas"
    schema = xmlschema.XMLSchema(str(schemas / "sitemap.xsd"),
                                 locations=[("http://www.w3.org/1999/xhtml", str(schemas / "xhtml-link.xsd"))])
    schema.validate(str(demo_site / "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(demo_site / "sitemap.xml").getroot()
    urls = {}
    for u in root.findall("s:url", ns):
        loc = u.find("s:loc", ns).text
        assert loc not in urls, f"{loc} listed twice"
        urls[loc] = {l.get("hreflang"): l.get("href") for l in u.findall("x:link", ns)}
    pages = {page_url(demo_site, p) for p in html_pages(demo_site)}
    assert pages == set(urls), f"missing: {sorted(pages - set(urls))[:5]} extra: {sorted(set(urls) - pages)[:5]}"
    for loc, alts in urls.items():
        if len(LANGUAGES) > 1:
            assert set(alts) == set(LANGUAGES) | {"x-default"}, loc
            assert loc in alts.values(), f"{loc} names itself among its alternates"
            for lang, href in alts.items():
                assert href in urls, f"alternate {href} of {loc} is not in the sitemap"
                if lang != "x-default":
                    assert urls[href] == alts, f"alternates of {href} and {loc} differ"


# ---------------------------------------------------------------- Atom

@pytest.mark.parametrize("lang", LANGUAGES)
def test_atom_feed_parses_without_errors_and_lists_the_news(demo_site, lang):
    path = demo_site / prefix(lang) / "feed.xml"
    d = feedparser.parse(path.read_bytes())
    assert not d.bozo, d.get("bozo_exception")
    assert d.version == "atom10"
    assert d.feed.title and d.feed.id and d.feed.updated
    assert any(l.rel == "self" and l.href == BASE_URL + prefix(lang) + "feed.xml" for l in d.feed.links)
    news = items("news")
    assert len(d.entries) == len(news)
    dates = [e.published_parsed for e in d.entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    titles = {n[lang]["title"] for n in news.values()}
    ids = set()
    for e in d.entries:
        assert e.title in titles
        assert e.id not in ids
        ids.add(e.id)
        assert e.link.startswith(BASE_URL + prefix(lang))
        target = demo_site / e.link[len(BASE_URL):] / "index.html"
        assert target.exists(), e.link
        assert e.content[0].value.strip()
    # Strict XML with the Atom namespace and the required elements.
    root = ET.parse(path).getroot()
    a = "{http://www.w3.org/2005/Atom}"
    assert root.tag == a + "feed"
    for req in ("id", "title", "updated", "author"):
        assert root.find(a + req) is not None, req
    for entry in root.findall(a + "entry"):
        for req in ("id", "title", "updated", "link", "content"):
            assert entry.find(a + req) is not None, req
    base_path = "/" + BASE_URL.split("://", 1)[1].split("/", 1)[1]
    home = (demo_site / prefix(lang) / "index.html").read_text(encoding="utf-8")
    assert f'type="application/atom+xml"' in home and f'{base_path}{prefix(lang)}feed.xml"' in home, "pages link the feed"


# ---------------------------------------------------------------- JSON-LD, Open Graph, meta description

class HeadParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.scripts = []
        self._in_ld = False
        self.lang = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.meta[key] = a.get("content")
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.scripts[-1] += data


def expected_type(rel: str):
    parts = rel.split("/")[:-1]  # drop index.html
    if parts and parts[0] in LANGUAGES and parts[0] != DEFAULT:
        parts = parts[1:]
    if not parts:
        return "GovernmentOrganization"
    section = {"yhdistykset": "a", "foreningar": "a", "associations": "a", "tilat": "f", "lokaler": "f", "facilities": "f",
               "vuosikello": "c", "arshjul": "c", "annual-clock": "c", "avustukset": "g", "understod": "g", "grants": "g",
               "ajankohtaista": "n", "aktuellt": "n", "news": "n", "sivut": "p", "sidor": "p", "pages": "p"}.get(parts[0])
    if len(parts) == 2:
        filters = {"toimiala", "alue", "kohderyhma", "kieli", "tule-mukaan", "sektor", "omrade", "malgrupp", "sprak", "kom-med",
                   "sector", "area", "target-group", "language", "volunteer"}
        if section == "a" and parts[1] in filters:
            return "CollectionPage"
        return {"a": "NGO", "f": "Place", "c": "Event", "g": "MonetaryGrant", "n": "NewsArticle", "p": "WebPage"}[section]
    if len(parts) == 3 and section == "a":
        return "CollectionPage"
    return None  # a section page: any schema.org page type


def test_every_page_has_json_ld_of_the_right_type_and_social_metadata(demo_site):
    pages = html_pages(demo_site)
    assert len(pages) > 100
    seen = set()
    for p in pages:
        rel = p.relative_to(demo_site).as_posix()
        text = p.read_text(encoding="utf-8")
        h = HeadParser()
        h.feed(text)
        assert h.meta.get("description"), f"{rel}: meta description"
        for og in ("og:title", "og:description", "og:url", "og:type"):
            assert h.meta.get(og), f"{rel}: {og}"
        assert h.meta["og:url"] == page_url(demo_site, p)
        assert len(h.scripts) == 1, f"{rel}: one JSON-LD script"
        raw = h.scripts[0]
        assert "<" not in raw and ">" not in raw, f"{rel}: JSON-LD cannot close its <script>"
        ld = json.loads(raw)
        assert ld["@context"] == "https://schema.org", rel
        want = expected_type(rel)
        if want:
            assert ld["@type"] == want, rel
        else:
            assert ld["@type"] in ("CollectionPage", "WebPage"), rel
        seen.add(ld["@type"])
        if ld["@type"] == "Event":
            assert ld.get("startDate"), rel
        if ld["@type"] in ("NGO", "Place", "Event", "MonetaryGrant", "NewsArticle"):
            assert ld["url"] == page_url(demo_site, p), rel
        for key in ("publisher", "funder", "author"):
            if key in ld:
                assert ld[key]["@type"] == "GovernmentOrganization"
    assert {"GovernmentOrganization", "NGO", "Place", "Event"} <= seen


def test_yearly_clock_entries_have_an_event_schedule(demo_site):
    for slug, v in items("clock").items():
        e = v[DEFAULT]
        p = demo_site / "vuosikello" / slug / "index.html"
        h = HeadParser()
        h.feed(p.read_text(encoding="utf-8"))
        ld = json.loads(h.scripts[0])
        yearly = "months" in e or not isinstance(e.get("date"), dt.date)
        assert ("eventSchedule" in ld) == yearly, slug
        if yearly:
            s = ld["eventSchedule"]
            assert s["@type"] == "Schedule" and s["repeatFrequency"] == "P1Y"
            if "months" in e:
                assert s["byMonth"] == e["months"]
            else:
                m, d = map(int, e["date"].split("-"))
                assert (s["byMonth"], s["byMonthDay"]) == (m, d)
        else:
            assert ld["startDate"][:10] == e["date"].isoformat()
