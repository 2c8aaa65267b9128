"""Links and languages.

* Deploys under any path: the demo is built with base_url https://example.fi/kaupunki/yhdistystoiminta/,
  served under that deep path, and every internal href/src (and every absolute link to the base
  URL: canonical, hreflang, webcal) is followed by a crawler that wants 200 without redirects,
  fragments that exist and nothing outside the base path; then LinkChecker checks the same site
  offline. Every built page must be reachable by links.
* Languages: localised URL paths, a language switcher and hreflang links that lead to the same
  page in the other language (reciprocal, x-default), correct lang attributes, the fallback
  notice exactly where a translation is missing, the same UI string keys in fi, sv and en, and
  an English build with English UI strings and paths.
"""
import functools
import http.server
import os
import re
import shutil
import stat
import subprocess
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import talkoot_bin
import yaml

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
DEEP_BASE = "https://example.fi/kaupunki/yhdistystoiminta/"
DEEP_PATH = "/kaupunki/yhdistystoiminta/"
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:")


def talkoot(*args, cwd=REPO):
    exe = str(talkoot_bin())
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    r = subprocess.run([exe, *args, "--today", TODAY], cwd=cwd, env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"talkoot {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}"
    return r


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; the `LinkChecker` header lifts LinkChecker's politeness limit of 10 requests
    per second for this local server (see maxrequestspersecond in linkcheckerrc)."""

    def end_headers(self):
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(root: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def world_readable(root: Path):
    for p in [root, *root.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode | stat.S_IROTH | (stat.S_IXOTH if p.is_dir() else 0))


@pytest.fixture(scope="module")
def deep(tmp_path_factory):
    """The demo built for https://example.fi/kaupunki/yhdistystoiminta/ and served at that path."""
    www = tmp_path_factory.mktemp("deep-www")
    out = www / "kaupunki" / "yhdistystoiminta"
    talkoot("build", "--base-url", DEEP_BASE, "--output", str(out))
    world_readable(www)
    server, origin = serve(www)
    yield out, origin
    server.shutdown()


# ---------------------------------------------------------------------------------- crawler

class Refs(HTMLParser):
    """Every URL a page refers to (tag, attribute, value) and every id it defines."""

    ATTRS = {"href", "src", "action", "poster", "xlink:href", "data", "cite", "formaction"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in self.ATTRS:
                self.refs.append((tag, name, value.strip()))
            elif name == "srcset":
                for part in value.split(","):
                    if part.strip():
                        self.refs.append((tag, name, part.strip().split()[0]))

    handle_startendtag = handle_starttag


def fetch(url):
    """(status, final URL, content type, body) without following redirects silently."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=10) as r:
            return r.status, r.headers.get_content_type(), r.read()
    except urllib.error.HTTPError as e:
        return e.code, "", b""


def crawl(origin, base_url, base_path, starts):
    """Follows every internal link from the start pages. Returns (pages, problems)."""
    def local(url):
        """An absolute URL of the published site (https://example.fi/…) as a URL of the test server."""
        if url.startswith("webcal://"):
            url = "https://" + url[len("webcal://"):]
        if url.startswith(base_url):
            return origin + base_path + url[len(base_url):]
        return url

    problems, pages, docs = [], set(), {}
    queue = [origin + base_path + s for s in starts]
    seen = set(queue)
    wanted_fragments = []
    while queue:
        url = queue.pop()
        status, ctype, body = fetch(url)
        if status != 200:
            problems.append(f"{status} {url}")
            continue
        if ctype == "text/html" or ctype == "image/svg+xml":
            parser = Refs()
            parser.feed(body.decode("utf-8", "replace"))
            docs[url] = parser.ids
        if ctype != "text/html":
            continue
        pages.add(url)
        for tag, attr, value in parser.refs:
            if value.startswith(SKIP_SCHEMES) or value == "":
                continue
            absolute = local(urllib.parse.urljoin(url, value))
            parts = urllib.parse.urlsplit(absolute)
            if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != origin:
                published = urllib.parse.urlsplit(base_url)
                if parts.netloc == published.netloc:
                    problems.append(f"{url}: <{tag} {attr}={value!r}> is on the site's host but outside {base_path}")
                continue  # another site: not checked offline
            if not parts.path.startswith(base_path):
                problems.append(f"{url}: <{tag} {attr}={value!r}> is outside the base path {base_path}")
                continue
            target = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
            if parts.fragment:
                wanted_fragments.append((url, value, target, urllib.parse.unquote(parts.fragment)))
            if target not in seen:
                seen.add(target)
                queue.append(target)
    for page, value, target, fragment in wanted_fragments:
        if target in docs and fragment not in docs[target]:
            problems.append(f"{page}: {value!r} points to a missing id #{fragment}")
    return pages, problems


def test_every_link_works_under_a_deep_path(deep):
    site, origin = deep
    pages, problems = crawl(origin, DEEP_BASE, DEEP_PATH, ["", "sv/"])
    assert not problems, f"{len(problems)} broken or misplaced links:\n" + "\n".join(sorted(set(problems))[:60])
    built = {origin + DEEP_PATH + str(p.relative_to(site)).removesuffix("index.html") for p in site.rglob("*.html")}
    orphans = sorted(built - pages)
    assert not orphans, f"pages no link leads to: {orphans[:20]}"
    assert len(pages) > 150


def test_no_url_leaves_the_base_path(deep):
    """No root-relative URL of the default path /yhdistystoiminta/ survives a deep base_url."""
    site, _ = deep
    bad = []
    for f in list(site.rglob("*.html")) + list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = f.read_text("utf-8", "replace")
        for m in re.finditer(r"""(?:href|src|action|data-[a-z-]+)=["'](/[^"']*)""", text):
            if not m.group(1).startswith(DEEP_PATH):
                bad.append(f"{f.relative_to(site)}: {m.group(0)}")
        for m in re.finditer(r"url\(\s*['\"]?(/[^)'\"]*)", text):
            if not m.group(1).startswith(DEEP_PATH):
                bad.append(f"{f.relative_to(site)}: {m.group(0)}")
    assert not bad, "\n".join(bad[:30])


def test_linkchecker_finds_no_broken_links(deep):
    """LinkChecker, offline (no external links), over the site served at the deep path."""
    exe = shutil.which("linkchecker")
    if exe is None:
        pytest.skip("linkchecker is not installed (pip install -r tests/requirements.txt)")
    _, origin = deep
    # LinkChecker drops to user nobody when run as root: its config must be readable by everyone.
    conf_dir = Path(tempfile.mkdtemp(prefix="talkoot-linkchecker-"))
    conf_dir.chmod(0o755)
    conf = conf_dir / "linkcheckerrc"
    conf.write_text("[checking]\nmaxrequestspersecond=1000\nthreads=10\n"
                    "[filtering]\ncheckextern=0\nignore=\n  ^mailto:\n  ^tel:\n  ^webcal:\n")
    conf.chmod(0o644)
    try:
        r = subprocess.run([exe, "-f", str(conf), "--no-status", "--no-warnings", "-o", "text",
                            origin + DEEP_PATH, origin + DEEP_PATH + "sv/"],
                           capture_output=True, text=True, timeout=300)
    finally:
        shutil.rmtree(conf_dir, ignore_errors=True)
    summary = re.search(r"(\d+) links? in (\d+) URLs checked.*?(\d+) errors? found", r.stdout, re.S)
    assert summary, r.stdout[-3000:] + r.stderr[-2000:]
    assert int(summary.group(2)) > 300, summary.group(0)
    assert r.returncode == 0 and summary.group(3) == "0", r.stdout[-6000:]


# -------------------------------------------------------------------------------- languages

class PageInfo(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.canonical = None
        self.alternates = {}
        self.switcher = {}
        self.switcher_current = []
        self.notice = False
        self.h1_lang = None
        self._in_languages = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a.get("href")
        elif tag == "nav" and "tk-languages" in cls:
            self._in_languages += 1
        elif tag == "a" and self._in_languages:
            self.switcher[a.get("hreflang")] = a.get("href")
            assert a.get("lang") == a.get("hreflang"), a
            if a.get("aria-current"):
                self.switcher_current.append(a.get("hreflang"))
        elif "tk-notice-language" in cls:
            self.notice = True
        elif tag == "h1" and self.h1_lang is None:
            self.h1_lang = a.get("lang", "")

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_languages:
            self._in_languages -= 1


def page_infos(site: Path):
    out = {}
    for f in site.rglob("index.html"):
        info = PageInfo()
        info.feed(f.read_text("utf-8"))
        out[str(f.relative_to(site)).removesuffix("index.html")] = info
    return out


BASE = "https://www.jarvikyla.fi/yhdistystoiminta/"


def test_hreflang_and_switcher_lead_to_the_same_page(demo_site):
    infos = page_infos(demo_site)
    assert len(infos) > 150
    for path, info in infos.items():
        lang = "sv" if path.startswith("sv/") else "fi"
        assert info.lang == lang, f"{path}: <html lang={info.lang}>"
        assert info.canonical == BASE + path, path
        assert set(info.alternates) == {"fi", "sv", "x-default"}, (path, info.alternates)
        assert info.alternates[lang] == info.canonical, path
        assert info.alternates["x-default"] == info.alternates["fi"], path
        assert info.switcher_current == [lang], (path, info.switcher_current)
        for other in ("fi", "sv"):
            target = info.alternates[other][len(BASE):]
            assert target in infos, f"{path}: hreflang {other} points to a page that does not exist: {target}"
            assert infos[target].alternates[lang] == info.canonical, f"{path} ↔ {target} is not reciprocal"
            assert infos[target].lang == other
            assert info.switcher[other] == "/yhdistystoiminta/" + target, (path, info.switcher)


def test_localised_paths_and_fallback_notices(demo_site):
    infos = page_infos(demo_site)
    expected = {
        "yhdistykset/": "sv/foreningar/", "yhteyshenkilot/": "sv/kontaktpersoner/", "tilat/": "sv/lokaler/",
        "avustukset/": "sv/understod/", "vuosikello/": "sv/arshjul/", "yhdistysillat/": "sv/foreningskvallar/",
        "ajankohtaista/": "sv/aktuellt/", "jarjestoystavallinen-kunta/": "sv/foreningsvanlig-kommun/", "haku/": "sv/sok/",
        "yhdistykset/toimiala/kylat-asuminen/": "sv/foreningar/sektor/kylat-asuminen/",
        "yhdistykset/tule-mukaan/": "sv/foreningar/kom-med/",
    }
    for fi, sv in expected.items():
        assert infos[fi].alternates["sv"] == BASE + sv, (fi, infos[fi].alternates["sv"])
    # The notice shows exactly on the Swedish pages of items without a .sv.md translation.
    kinds = {"yhdistykset": "associations", "tilat": "facilities", "avustukset": "grants", "vuosikello": "clock",
             "ajankohtaista": "news", "sivut": "pages"}
    checked = 0
    for path, info in infos.items():
        parts = path.strip("/").split("/")
        if len(parts) == 2 and parts[0] in kinds:
            source = REPO / "content" / kinds[parts[0]] / parts[1]
            if not source.with_suffix(".md").exists():
                continue  # a filter page such as yhdistykset/tule-mukaan/
            translated = source.with_suffix(".sv.md").exists()
            sv = infos[info.alternates["sv"][len(BASE):]]
            assert sv.notice == (not translated), f"sv page of {path}: notice={sv.notice}, translated={translated}"
            assert sv.h1_lang == ("" if translated else "fi"), f"sv page of {path}: h1 lang={sv.h1_lang!r}"
            assert not info.notice, path
            checked += 1
    assert checked > 50
    assert infos["sv/"].notice == (not (REPO / "content" / "index.sv.md").exists())


def strings(language):
    return yaml.safe_load((REPO / "themes" / "default" / "strings" / f"{language}.yml").read_text("utf-8"))


def test_ui_strings_complete_in_fi_sv_en():
    fi, sv, en = strings("fi"), strings("sv"), strings("en")
    assert set(fi) == set(sv) == set(en), {"missing in sv": set(fi) - set(sv), "missing in en": set(fi) - set(en),
                                           "only in sv": set(sv) - set(fi), "only in en": set(en) - set(fi)}
    for key in fi:
        for lang, table in (("fi", fi), ("sv", sv), ("en", en)):
            assert str(table[key]).strip(), f"{lang}.yml: {key} is empty"
        placeholders = {lang: set(re.findall(r"\{(\w+)\}", str(t[key]))) for lang, t in (("fi", fi), ("sv", sv), ("en", en))}
        assert placeholders["fi"] == placeholders["sv"] == placeholders["en"], (key, placeholders)


def test_english_build_uses_english_strings_and_paths(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    site_yml = content / "site.yml"
    site_yml.write_text(re.sub(r"^languages:.*$", "languages: [fi, sv, en]", site_yml.read_text("utf-8"), flags=re.M), "utf-8")
    out = tmp_path / "site"
    talkoot("build", "--content", str(content), "--output", str(out))
    en = strings("en")
    page = (out / "en" / "associations" / "jarvikylan-martat" / "index.html").read_text("utf-8")
    assert '<html lang="en">' in page
    assert f">{en['associations']}</a>" in page and f">{en['skipToContent']}</a>" in page
    assert "has not been translated into English yet" in page and "Finnish" in page
    assert '<h1 lang="fi">' in page
    assert 'hreflang="en" href="https://www.jarvikyla.fi/yhdistystoiminta/en/associations/jarvikylan-martat/"' in page
    for p in ("en/", "en/annual-clock/", "en/grants/", "en/facilities/", "en/contacts/", "en/news/", "en/search/"):
        assert (out / p / "index.html").exists(), p
    fi_page = (out / "yhdistykset" / "jarvikylan-martat" / "index.html").read_text("utf-8")
    assert 'href="/yhdistystoiminta/en/associations/jarvikylan-martat/" hreflang="en" lang="en"' in fi_page
