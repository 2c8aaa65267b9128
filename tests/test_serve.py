"""`talkoot serve`: builds into a temporary folder, serves under base_url's path, rebuilds on
change (open pages learn it from the version endpoint) and never writes site/."""
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TALKOOT_BIN", str(REPO / ".build" / "release" / "talkoot"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, ""


def wait_for(predicate, seconds=30.0):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_previews_rebuilds_on_change_and_never_writes_site(tmp_path):
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "themes", tmp_path / "themes")
    port = free_port()
    proc = subprocess.Popen([BIN, "serve", "--port", str(port), "--today", "2026-11-23"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/yhdistystoiminta/"
    try:
        assert wait_for(lambda: get(base)[0] == 200), "server did not come up"
        status, html = get(base + "yhdistykset/jarvikylan-martat/")
        assert status == 200 and "Järvikylän Martat ry" in html
        assert "/__talkoot/version" in html, "pages reload themselves after a rebuild"
        assert 'href="/yhdistystoiminta/assets/talkoot.css"' in html
        assert get(base + "assets/talkoot.css")[0] == 200
        assert get(base + "ei-ole/")[0] == 404
        version = get(f"http://127.0.0.1:{port}/__talkoot/version")[1]

        f = tmp_path / "content" / "associations" / "jarvikylan-martat.md"
        f.write_text(f.read_text(encoding="utf-8").replace("name: Järvikylän Martat ry", "name: Järvikylän Martat ja Marttaset ry"), encoding="utf-8")
        assert wait_for(lambda: get(f"http://127.0.0.1:{port}/__talkoot/version")[1] != version), "no rebuild after a change"
        assert "Järvikylän Martat ja Marttaset ry" in get(base + "yhdistykset/jarvikylan-martat/")[1]

        # A broken file keeps the last good build up.
        f.write_text("---\nname: [\n---\n", encoding="utf-8")
        time.sleep(2.5)
        assert get(base + "yhdistykset/jarvikylan-martat/")[0] == 200
        assert not (tmp_path / "site").exists()
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    assert "Serving on" in out
    assert "error" in out  # the broken file was reported
