"""End-to-end tests of the talkoot command line: the demo builds, a broken corpus leaves
site/ untouched with exit status 1, check's formats, `new`, and reproducible output."""
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = os.environ.get("TALKOOT_BIN", str(REPO / ".build" / "release" / "talkoot"))
TODAY = "2026-11-23"


def run(*args, cwd=REPO, env=None, check=False, exe=BIN):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    e["LANG"] = "C.UTF-8"
    if env:
        e.update(env)
    return subprocess.run([exe, *args], cwd=cwd, env=e, capture_output=True, text=True, check=check)


def tree_digest(root: Path) -> dict:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def workdir(tmp_path):
    """A copy of the demo content and the themes in a temporary folder."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "themes", tmp_path / "themes")
    return tmp_path


def test_demo_builds_with_summary_line_and_exit_status_0(workdir):
    r = run("build", "--today", TODAY, cwd=workdir)
    assert r.returncode == 0, r.stdout + r.stderr
    summary = r.stdout.strip().splitlines()[-1]
    assert summary.startswith("Built ") and " pages " in summary and summary.endswith(" s"), summary
    site = workdir / "site"
    assert (site / "index.html").is_file()
    assert (site / "sv" / "index.html").is_file()
    assert (site / "yhdistykset" / "jarvikylan-martat" / "index.html").is_file()
    assert (site / "sv" / "foreningar" / "jarvikylan-martat" / "index.html").is_file()
    assert (site / "sitemap.xml").is_file()
    pages = list(site.rglob("*.html"))
    assert len(pages) > 150


def test_build_timings_name_each_stage_and_the_mimalloc_allocator(workdir):
    # The stages are what a liaison or developer compares between builds (README, Performance);
    # the allocator line proves the command still links mimalloc, whose malloc replacing the
    # C library's is a tenth of a big build's time.
    r = run("build", "--today", TODAY, "--timings", cwd=workdir)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    stages = [l.split()[0:2] for l in lines if l.startswith("  ") and l.endswith(" s")]
    # Pages are rendered and written side by side (OrderedStream), so they are one stage.
    assert ["load", "and"] in stages and ["index", "and"] in stages and ["render", "and"] in stages, lines
    assert "memory allocator mimalloc" in [" ".join(l.split()) for l in lines], lines


def test_release_build_links_the_swift_runtime_statically_and_builds_the_same_bytes(workdir, tmp_path):
    # scripts/build-release is how the quick start, bench/ and a municipality's CI build the
    # command: it must link, carry the Swift runtime inside the executable (the 4% of bench/),
    # still allocate with mimalloc, and build the very bytes the tested binary builds.
    r = subprocess.run([str(REPO / "scripts" / "build-release")], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    release = REPO / ".build" / "release" / "talkoot"
    libraries = subprocess.run(["ldd", str(release)], capture_output=True, text=True, check=True).stdout
    assert "libswiftCore" not in libraries and "libFoundation" not in libraries, libraries
    assert "libmimalloc" in libraries, libraries
    built = {}
    for name, exe in [("release", str(release)), ("tested", BIN)]:
        out = tmp_path / name
        r = run("build", "--today", TODAY, "--timings", "--output", str(out), cwd=workdir, exe=exe)
        assert r.returncode == 0, r.stdout + r.stderr
        assert "memory allocator mimalloc" in [" ".join(l.split()) for l in r.stdout.splitlines()], r.stdout
        built[name] = tree_digest(out)
    assert built["release"] == built["tested"]


def test_broken_corpus_exits_1_and_leaves_site_untouched(workdir):
    assert run("build", "--today", TODAY, cwd=workdir).returncode == 0
    before = tree_digest(workdir / "site")
    martat = workdir / "content" / "associations" / "jarvikylan-martat.md"
    martat.write_text(martat.read_text(encoding="utf-8").replace("sectors:", "sektorit:", 1), encoding="utf-8")
    (workdir / "content" / "news" / "uusi.md").write_text("---\ntitle: Uutinen\n---\nTeksti\n", encoding="utf-8")
    r = run("build", "--today", TODAY, cwd=workdir)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "content/associations/jarvikylan-martat.md:" in r.stdout
    assert "unknown field 'sektorit'" in r.stdout
    assert "did you mean 'sectors'" in r.stdout
    assert "content/news/uusi.md:" in r.stdout and "required field 'date' is missing" in r.stdout
    assert "nothing was written" in r.stderr
    assert tree_digest(workdir / "site") == before
    assert not [p for p in workdir.iterdir() if p.name.startswith(".site.")], "temporary build folders were left behind"


def test_check_reports_file_line_column_and_exit_status(workdir):
    grant = workdir / "content" / "grants" / "kylien-kehittamisraha.md"
    text = grant.read_text(encoding="utf-8")
    lines = text.split("\n")
    line_no = next(i for i, l in enumerate(lines, 1) if l.startswith("name:"))
    lines[line_no - 1] = "nmae: Kylien kehittämisraha"
    grant.write_text("\n".join(lines), encoding="utf-8")
    r = run("check", "--today", TODAY, cwd=workdir)
    assert r.returncode == 1
    assert f"content/grants/kylien-kehittamisraha.md:{line_no}:1: error: unknown field 'nmae'" in r.stdout

    gh = run("check", "--format", "github", "--today", TODAY, cwd=workdir)
    assert gh.returncode == 1
    assert f"::error file=content/grants/kylien-kehittamisraha.md,line={line_no},col=1" in gh.stdout

    js = run("check", "--format", "json", "--today", TODAY, cwd=workdir)
    data = json.loads(js.stdout)
    assert data["errors"] >= 1
    d = next(d for d in data["diagnostics"] if d["file"] == "content/grants/kylien-kehittamisraha.md" and d["field"] == "nmae")
    assert d["line"] == line_no and d["field"] == "nmae"


def test_check_warnings_fail_only_with_strict(workdir):
    r = run("check", "--today", TODAY, cwd=workdir)
    assert r.returncode == 0, r.stdout
    assert "warning:" in r.stdout  # the demo has stale associations
    assert run("check", "--strict", "--today", TODAY, cwd=workdir).returncode == 1


def test_check_speaks_finnish_with_lang_fi(workdir):
    r = run("check", "--lang", "fi", "--today", TODAY, cwd=workdir)
    assert ": warning: tiedot on vahvistettu viimeksi" in r.stdout
    assert "vihje: pyydä yhdistystä tarkistamaan tietonsa" in r.stdout
    assert "varoitusta" in r.stdout  # the summary line
    env_fi = run("check", "--today", TODAY, cwd=workdir, env={"LANG": "fi_FI.UTF-8"})
    assert "tiedot on vahvistettu viimeksi" in env_fi.stdout


def test_usage_errors_exit_2(workdir):
    assert run("build", "--today", "2026-13-01", cwd=workdir).returncode == 2
    assert run("new", "kerho", "Nimi", cwd=workdir).returncode == 2
    assert run("frobnicate", cwd=workdir).returncode == 2


def test_new_writes_a_commented_template_with_a_finnish_slug_and_refuses_to_overwrite(workdir):
    r = run("new", "association", "Äänekosken Öljy- ja Å-seura ry", "--today", TODAY, cwd=workdir)
    assert r.returncode == 0, r.stderr
    f = workdir / "content" / "associations" / "aanekosken-oljy-ja-a-seura-ry.md"
    text = f.read_text(encoding="utf-8")
    assert text.startswith("---\nname: \"Äänekosken Öljy- ja Å-seura ry\"")
    assert "# contact_person:" in text and f"updated: {TODAY}" in text
    again = run("new", "association", "Äänekosken Öljy- ja Å-seura ry", cwd=workdir)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert f.read_text(encoding="utf-8") == text
    # The fresh template tells the liaison what is missing.
    c = run("check", "--today", TODAY, cwd=workdir)
    assert "aanekosken-oljy-ja-a-seura-ry.md" in c.stdout and "summary" in c.stdout


@pytest.mark.parametrize("kind", ["liaison", "facility", "grant", "clock", "news", "page"])
def test_new_template_of_every_kind_is_valid_yaml_with_required_fields(workdir, kind):
    r = run("new", kind, "Uusi kohde", "--today", TODAY, cwd=workdir)
    assert r.returncode == 0, r.stderr


def test_same_content_and_date_give_byte_identical_output(workdir):
    assert run("build", "--today", TODAY, "--output", "a", cwd=workdir).returncode == 0
    assert run("build", "--output", "b", cwd=workdir, env={"SOURCE_DATE_EPOCH": "1795435200"}).returncode == 0  # 2026-11-23
    assert tree_digest(workdir / "a") == tree_digest(workdir / "b")


def test_today_changes_what_is_upcoming(workdir):
    assert run("build", "--today", "2026-01-10", "--output", "early", cwd=workdir).returncode == 0
    assert run("build", "--today", TODAY, "--output", "late", cwd=workdir).returncode == 0
    assert (workdir / "early" / "index.html").read_bytes() != (workdir / "late" / "index.html").read_bytes()


def test_base_url_override_moves_every_link(workdir):
    r = run("build", "--today", TODAY, "--base-url", "https://example.fi/kaupunki/yhdistykset/", cwd=workdir)
    assert r.returncode == 0, r.stderr
    html = (workdir / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="/kaupunki/yhdistykset/assets/talkoot.css"' in html
    assert "https://www.jarvikyla.fi/yhdistystoiminta/" not in html


def test_report_lists_stale_associations_and_writes_reminder_emails(workdir):
    import email
    from email import policy
    r = run("report", "--today", TODAY, "--emails", "muistutukset", cwd=workdir)
    assert r.returncode == 0, r.stderr
    assert "Stale associations (3)" in r.stdout
    assert "Koivumäen kyläseura ry" in r.stdout
    assert "Associations per sector (30 in all)" in r.stdout
    emls = sorted((workdir / "muistutukset").glob("*.eml"))
    assert [p.name for p in emls] == ["koivumaen-era.eml", "koivumaen-kylaseura.eml", "sarkikylan-sisu.eml"]
    msg = email.message_from_bytes(emls[1].read_bytes(), policy=policy.default)
    assert msg["To"].addresses[0].display_name == "Koivumäen kyläseura ry"
    assert "Koivumäen kyläseura ry" in str(msg["Subject"])
    assert "30.9.2024" in emls[0].read_text(encoding="utf-8") or "2.5.2024" in msg.get_content()
    assert b"\r\n" in emls[0].read_bytes()
    js = run("report", "--format", "json", "--today", TODAY, cwd=workdir)
    data = json.loads(js.stdout)
    assert len(data["stale"]) == 3 and data["total"] == 30


def test_init_starts_a_repository_that_checks_and_builds_and_refuses_a_non_empty_folder(tmp_path):
    import yaml
    r = run("init", str(tmp_path / "kunta"), "--today", TODAY)
    assert r.returncode == 0, r.stderr
    root = tmp_path / "kunta"
    for f in ["content/site.yml", "content/index.md", ".github/workflows/talkoot.yml", ".gitlab-ci.yml",
              ".github/pull_request_template.md", "CONTRIBUTING.md"]:
        assert (root / f).is_file(), f
    for kind in ["associations", "liaisons", "facilities", "grants", "clock", "news", "pages"]:
        assert list((root / "content" / kind).glob("*.md")), kind
    yaml.safe_load((root / ".github/workflows/talkoot.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    github = yaml.safe_load((root / ".github/workflows/talkoot.yml").read_text(encoding="utf-8"))
    assert all(isinstance(line, str) for job in ("check", "pages") for line in gitlab[job]["script"])
    assert all(isinstance(line, str) for line in gitlab["before_script"])
    assert all(isinstance(step.get("run", ""), str) for step in github["jobs"]["check"]["steps"])
    text = (root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "Ilmoita muutos" in text and "Anmäl en ändring" in text
    c = run("check", "--strict", "--today", TODAY, cwd=root)
    assert c.returncode == 0, c.stdout
    b = run("build", "--themes", str(REPO / "themes"), "--today", TODAY, cwd=root)
    assert b.returncode == 0, b.stdout + b.stderr
    again = run("init", str(root))
    assert again.returncode == 2 and "not empty" in again.stderr


def test_init_ci_builds_talkoot_with_the_script_that_installs_every_system_library(tmp_path):
    # A municipality's CI builds Talkoot in a bare swift container: its commands must go through
    # scripts/build-release, whose scripts/setup installs every Debian package that Package.swift's
    # system libraries name (a package added there and not here broke every such CI before).
    import re
    import yaml
    assert run("init", str(tmp_path / "kunta"), "--today", TODAY).returncode == 0
    root = tmp_path / "kunta"
    github = yaml.safe_load((root / ".github/workflows/talkoot.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    commands = [step.get("run", "") for step in github["jobs"]["check"]["steps"]] + gitlab["before_script"]
    builds = [c for c in commands if "/opt/talkoot" in c and "git clone" in c]
    assert len(builds) == 2 and all(c.endswith("/opt/talkoot/scripts/build-release") for c in builds), builds
    assert not any("swift build" in c for c in commands), commands
    packages = re.findall(r'\.apt\(\[([^\]]*)\]\)', (REPO / "Package.swift").read_text(encoding="utf-8"))
    names = {n.strip().strip('"') for group in packages for n in group.split(",") if n.strip()}
    assert {"libcmark-dev", "libmimalloc-dev"} <= names, names
    setup = (REPO / "scripts" / "setup").read_text(encoding="utf-8")
    for name in names | {"libcurl4-openssl-dev"}:
        assert f"need+=({name})" in setup, name


def test_intake_reads_the_sites_own_change_mail_back_into_the_file(workdir):
    import re
    import textwrap
    from urllib.parse import unquote
    assert run("build", "--today", TODAY, cwd=workdir).returncode == 0
    page = (workdir / "site" / "yhdistykset" / "jarvikylan-martat" / "index.html").read_text(encoding="utf-8")
    href = re.search(r'href="(mailto:[^"]*talkoot-slug[^"]*)"', page).group(1).replace("&amp;", "&")
    body = unquote(href.split("body=", 1)[1])
    body = body.replace("phone: +358 40 123 4567", "phone: 040 555 1234")
    body = re.sub(r"summary: .*", "summary: " + "Uusi kuvaus, joka on niin pitkä että sähköpostiohjelma rivittää sen kahdelle riville.", body)
    # As a mail program shows a reply: wrapped at 60 characters and quoted.
    quoted = "\n".join("> " + line for para in body.split("\n") for line in (textwrap.wrap(para, 60) or [""]))
    mail = "Hei, korjasimme tiedot.\n\n" + quoted + "\n\n-- \nMaija\n"
    original = (workdir / "content/associations/jarvikylan-martat.md").read_text(encoding="utf-8")
    dry = subprocess.run([BIN, "intake", "-", "--dry-run", "--today", TODAY], cwd=workdir, input=mail, capture_output=True, text=True)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert '+ phone: "040 555 1234"' in dry.stdout
    assert (workdir / "content/associations/jarvikylan-martat.md").read_text(encoding="utf-8") == original
    r = subprocess.run([BIN, "intake", "-", "--yes", "--today", TODAY], cwd=workdir, input=mail, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    new = (workdir / "content/associations/jarvikylan-martat.md").read_text(encoding="utf-8")
    assert 'phone: "040 555 1234"' in new
    assert "rivittää sen kahdelle riville." in new
    assert new.split("\n---\n", 1)[1] == original.split("\n---\n", 1)[1], "the Markdown body must be kept"
    assert "contact_person:" in new and "activities:" in new
    assert f"updated: {TODAY}" in new
    assert run("check", "--today", TODAY, cwd=workdir).returncode == 0


def test_intake_refuses_a_change_that_would_not_pass_check(workdir):
    mail = "talkoot-slug: jarvikylan-martat\nemail: ei-osoite\n"
    r = subprocess.run([BIN, "intake", "-", "--yes", "--today", TODAY], cwd=workdir, input=mail, capture_output=True, text=True)
    assert r.returncode == 1
    assert "is not an e-mail address" in r.stdout


def test_output_that_would_replace_content_or_the_project_is_refused(workdir):
    for out in [".", "content", "themes", ".."]:
        r = run("build", "--output", out, "--today", TODAY, cwd=workdir)
        assert r.returncode == 2, (out, r.stdout, r.stderr)
        assert "choose another --output" in r.stderr
    assert (workdir / "content" / "site.yml").is_file()
    assert (workdir / "themes" / "default").is_dir()


def test_only_pictures_are_published_from_images_and_links_are_refused(workdir):
    images = workdir / "content" / "images"
    (images / "evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    (images / "evil.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", encoding="utf-8")
    os.symlink("/etc/passwd", images / "passwd.png")
    r = run("check", "--today", TODAY, cwd=workdir)
    assert r.returncode == 1
    assert "content/images/evil.html:1:1: error: only pictures are published" in r.stdout
    assert "content/images/evil.svg:1:1: error: only pictures are published" in r.stdout
    assert "content/images/passwd.png:1:1: error: a link (symlink) is not published" in r.stdout
    for p in ["evil.html", "evil.svg", "passwd.png"]:
        (images / p).unlink()
    assert run("build", "--today", TODAY, cwd=workdir).returncode == 0
    published = sorted(p.name for p in (workdir / "site" / "images").iterdir())
    assert published and all(p.rsplit(".", 1)[1] in {"png", "jpg", "jpeg", "webp", "gif", "avif"} for p in published)


def test_symlinked_output_folder_is_updated_at_its_target(workdir):
    target = workdir / "www"
    target.mkdir()
    os.symlink(target, workdir / "site")
    assert run("build", "--today", TODAY, cwd=workdir).returncode == 0
    assert (workdir / "site").is_symlink()
    assert (target / "index.html").is_file()


def test_placeholders_in_ui_strings_are_filled_once_whatever_the_content_says(workdir):
    f = workdir / "content" / "liaisons" / "sanna-esimerkki.md"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("name: Sanna Esimerkki", 'name: "Sanna {count} Esimerkki"', 1), encoding="utf-8")
    pages = []
    for out in ["a", "b", "c"]:
        assert run("build", "--today", TODAY, "--output", out, cwd=workdir).returncode == 0
        pages.append((workdir / out / "jarjestoystavallinen-kunta" / "index.html").read_text(encoding="utf-8"))
    assert "Sanna {count} Esimerkki" in pages[0]
    assert pages[0] == pages[1] == pages[2]


@pytest.mark.parametrize("command", ["", "build", "check", "serve", "new", "report", "intake", "init"])
def test_help_paragraphs_are_left_to_the_terminal_to_wrap(command):
    """ArgumentParser keeps every line break of a discussion: paragraphs hard-wrapped at the
    source's width showed, on an 80-column terminal, each long line followed by an orphan of a
    word or two. On a wide terminal each paragraph must come out as one line."""
    r = run(*([command] if command else []), "--help", env={"COLUMNS": "1000"})
    assert r.returncode == 0
    text = r.stdout.split("USAGE:")[0]
    discussion = text.split("\n\n", 1)[1].splitlines()  # after OVERVIEW
    running = [line for line in discussion if line and not line.startswith(" ")]
    assert running, text
    for a, b in zip(discussion, discussion[1:]):
        # Running text is never followed by more running text: a paragraph is one line.
        assert not (a and b and not a.startswith(" ") and not b.startswith(" ") and not a.endswith(":")), (a, b)
