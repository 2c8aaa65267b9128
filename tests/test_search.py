"""Full-text search with Pagefind in headless Chromium: the demo site with a Pagefind index,
served under its base path /yhdistystoiminta/, finds associations, facilities, grants and pages
in every language and filters by sector and area; without the index the pages still work."""
import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE_PATH = "yhdistystoiminta"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(root: Path):
    """Serves root on 127.0.0.1 (free port) in a thread; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{BASE_PATH}/"


def mount(site: Path, where: Path) -> Path:
    """A folder whose /yhdistystoiminta/ is the site (a symlink), as on the municipality's server."""
    where.mkdir(parents=True, exist_ok=True)
    (where / BASE_PATH).symlink_to(site, target_is_directory=True)
    return where


@pytest.fixture(scope="module")
def indexed_site(demo_site, tmp_path_factory):
    """A copy of the demo site with a Pagefind index (the build step of scripts/build-demo)."""
    site = tmp_path_factory.mktemp("search") / "site"
    shutil.copytree(demo_site, site)
    r = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (site / "pagefind" / "pagefind-ui.js").exists()
    return site


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(20)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server(indexed_site, tmp_path_factory):
    srv, url = serve(mount(indexed_site, tmp_path_factory.mktemp("www")))
    yield url
    srv.shutdown()


def ui_search(browser, url, query):
    """Types a query into the Pagefind UI of the search page; returns the result titles."""
    browser.get(url)
    box = WebDriverWait(browser, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__search-input")))
    box.send_keys(query)
    WebDriverWait(browser, 20).until(
        EC.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
    links = browser.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
    return [(l.text, l.get_attribute("href")) for l in links]


def api_search(browser, server, language_page, query, filters=None):
    """Runs the Pagefind JS API in the page (the index of the page's language); returns result URLs."""
    browser.get(server + language_page)
    return browser.execute_async_script(
        """
        const [base, query, filters, done] = arguments;
        import(base + "pagefind/pagefind.js").then(async (pf) => {
          await pf.init();
          const r = await pf.search(query, filters ? {filters} : {});
          const data = await Promise.all(r.results.map((x) => x.data()));
          const all = await pf.filters();
          done({urls: data.map((d) => d.url), filters: all});
        }).catch((e) => done({error: String(e)}));
        """, server, query, filters)


def test_search_page_finds_a_known_association(browser, server):
    results = ui_search(browser, server + "haku/", "Martat")
    assert any("Järvikylän Martat" in text for text, _ in results), results
    assert any(href.endswith(f"/{BASE_PATH}/yhdistykset/jarvikylan-martat/") for _, href in results), results


def test_swedish_search_uses_the_swedish_index(browser, server):
    results = ui_search(browser, server + "sv/sok/", "Marthaföreningen")
    assert any(href.endswith(f"/{BASE_PATH}/sv/foreningar/jarvikylan-martat/") for _, href in results), results


@pytest.mark.parametrize("page,query,expected", [
    ("haku/", "Pihlajarinne", "/tilat/pihlajarinne/"),
    ("haku/", "kehittämisraha", "/avustukset/kylien-kehittamisraha/"),
    ("haku/", "saavutettavuusseloste", "/sivut/saavutettavuusseloste/"),
    ("sv/sok/", "Pihlajarinne", "/sv/lokaler/pihlajarinne/"),
])
def test_facilities_grants_and_pages_are_searchable(browser, server, page, query, expected):
    r = api_search(browser, server, page, query)
    assert "error" not in r, r
    assert any(u.endswith(expected) for u in r["urls"]), r["urls"]


def test_filters_by_sector_and_area_in_every_language(browser, server):
    fi = api_search(browser, server, "haku/", "yhdistys")
    assert {"Toimialat", "Alue"} <= set(fi["filters"]), fi["filters"]
    assert "Kirkonkylä" in fi["filters"]["Alue"] and "Kylät, infra ja asuminen" in fi["filters"]["Toimialat"]
    r = api_search(browser, server, "haku/", "kylä", {"Alue": "Ruotsalo"})
    assert r["urls"] and all("ruotsalo" in u or "jarvby" in u for u in r["urls"]), r["urls"]
    r = api_search(browser, server, "haku/", None, {"Toimialat": "Liikunta ja urheilu"})
    assert any(u.endswith("/yhdistykset/jarvikylan-kisa/") for u in r["urls"]), r["urls"]
    assert not any("/yhdistykset/jarvikylan-martat/" in u for u in r["urls"])
    sv = api_search(browser, server, "sv/sok/", "förening")
    assert {"Sektorer", "Område"} <= set(sv["filters"]), sv["filters"]


def test_pages_work_without_pagefind(browser, demo_site, tmp_path):
    """No index (Pagefind not installed): the search page loads, keeps its way to the directory,
    and the rest of the site is unaffected."""
    srv, url = serve(mount(demo_site, tmp_path / "www"))
    try:
        browser.get_log("browser")  # drop earlier tests' messages
        browser.get(url + "haku/")
        assert browser.find_element(By.TAG_NAME, "h1").text
        link = browser.find_element(By.CSS_SELECTOR, f".tk-search a[href='/{BASE_PATH}/yhdistykset/']")
        link.click()
        WebDriverWait(browser, 10).until(EC.url_to_be(url + "yhdistykset/"))
        assert browser.find_elements(By.CSS_SELECTOR, "a[href$='/yhdistykset/jarvikylan-martat/']")
        severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" 
                  and "pagefind" not in e["message"] and "favicon.ico" not in e["message"]]
        assert not severe, severe
    finally:
        srv.shutdown()
