"""bench/: the benchmark of issue 5 runs end to end on a small corpus and reports each
measurement as a row of its table (the figures themselves are machine-dependent and are not
tested: timings do not belong in tests), and its corpus generator is deterministic, in
proportion and valid."""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import talkoot_bin

REPO = Path(__file__).resolve().parent.parent


# A row of the table for the 30-association corpus: step, pages ("63 files" for `check`, "-" for
# a ratio), wall, CPU, pages/s, RSS and the note, which may be empty. Spaces only between the
# columns, so that a row without a note does not take the next line for it.
ROW = re.compile(r"^30 {2,}(.+?) {2,}(\S+(?: files)?) +(\S+) +(\S+) +(\S+) +(\S+) *(.*)$", re.M)


def _bench(**settings):
    """bench/run.sh on the 30-association corpus with the binary the tests use, the environment
    plus `settings`: the run, and its table as {step: (pages, wall, cpu, pages/s, rss, note)} in
    the order measured."""
    env = dict(os.environ, SKIP_BUILD="1", TALKOOT=str(talkoot_bin()), **settings)
    r = subprocess.run([str(REPO / "bench" / "run.sh"), "30"], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    shutil.rmtree(REPO / "bench" / "out" / "site-30", ignore_errors=True)
    assert r.returncode == 0, r.stderr[-3000:]
    return r, {m.group(1): m.groups()[1:] for m in ROW.finditer(r.stdout)}


@pytest.mark.skipif(not Path("/usr/bin/time").exists() and os.geteuid() != 0,
                    reason="bench/run.sh needs GNU time (apt-get install -y time)")
def test_bench_reports_memory_builds_check_and_disk_builds_of_the_same_pages():
    r, rows = _bench(RUNS="1", NO_HUGO="1", NO_SEARCH="1")
    steps = list(rows)
    # The memory-only build comes before anything writes to the disk.
    assert steps[:2] == ["talkoot build → tmpfs", "talkoot check"], steps
    assert "talkoot build" in steps and "write floor (cp -r)" in steps
    pages_tmpfs, pages_disk = rows["talkoot build → tmpfs"][0], rows["talkoot build"][0]
    assert pages_tmpfs == pages_disk and int(pages_disk) > 30
    for step in ("talkoot build → tmpfs", "talkoot check", "talkoot build"):
        wall, cpu, rate, rss = rows[step][1:5]
        assert float(wall) > 0 and float(rss) > 0, (step, rows[step])
    # How fast the machine was, at the start and the end of the sitting: the same fixed job
    # everywhere, so that figures of a slow phase of a shared VM can be told from slow code.
    speed = re.search(r"^host speed = two sha256sum of 128 MiB side by side \(median of 3, the same job everywhere\): "
                      r"([0-9.]+) s at the start, ([0-9.]+) s at the end$", r.stdout, re.M)
    assert speed and float(speed.group(1)) > 0 and float(speed.group(2)) > 0, r.stdout[:1000]


@pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed (apt-get install -y hugo)")
@pytest.mark.skipif(not Path("/usr/bin/time").exists(), reason="bench/run.sh needs GNU time (apt-get install -y time)")
def test_bench_times_talkoot_and_hugo_in_memory_by_turns_and_reports_their_ratio():
    # Side by side: a Talkoot run and a Hugo run take turns, so that both meet the same moments
    # of a machine whose speed drifts, and the ratio row compares the two medians.
    r, rows = _bench(RUNS="3", NO_SEARCH="1")
    turns = re.findall(r"^  (build \(tmpfs\)|hugo \(tmpfs\)) run (\d)/3", r.stderr, re.M)
    assert turns == [("build (tmpfs)", "1"), ("hugo (tmpfs)", "1"), ("build (tmpfs)", "2"), ("hugo (tmpfs)", "2"),
                     ("build (tmpfs)", "3"), ("hugo (tmpfs)", "3")], turns
    steps = list(rows)
    assert steps[0] == "talkoot build → tmpfs" and steps[1].startswith("hugo ") and steps[1].endswith("→ tmpfs"), steps
    assert steps[2:4] == ["ratio (tmpfs)", "talkoot check"], steps


@pytest.mark.skipif(shutil.which("hugo") is None, reason="Hugo is not installed (apt-get install -y hugo)")
@pytest.mark.skipif(not Path("/usr/bin/time").exists(), reason="bench/run.sh needs GNU time (apt-get install -y time)")
@pytest.mark.parametrize("target, verdict", [("0.01", "ok"), ("1000", "MISSED")])
def test_bench_judges_the_hugo_ratio_and_scales_talkoots_time_to_the_issues_hugo_time(target, verdict):
    # "at least 7× faster" (issue 5) is judged on the tmpfs ratio row of the judged size, like the
    # other targets; and as the VM's speed drifts between sittings, Hugo's with it, Talkoot's time
    # is also given scaled to the issue's Hugo time (here 10 s, so that the figure is easy to
    # check). The disk's ratio row is not judged: the issue's Hugo figure is a build without it.
    _, rows = _bench(RUNS="1", NO_SEARCH="1", TARGET_N="30", TARGET_HUGO_RATIO=target, HUGO_REFERENCE_WALL="10")
    hugo = next(step for step in rows if step.startswith("hugo ") and step.endswith("→ tmpfs"))
    note = rows["ratio (tmpfs)"][5]
    assert f"; target ≥{target}×: {verdict};" in note, note
    scaled = re.search(r"; scaled to Hugo's 10 s of the issue: ([0-9.]+) s$", note)
    expected = float(rows["talkoot build → tmpfs"][1]) * 10 / float(rows[hugo][1])
    assert scaled and abs(float(scaled.group(1)) - expected) < 0.002, (note, expected)
    disk_note = rows["ratio hugo/talkoot"][5]
    assert "target" not in disk_note and "scaled" not in disk_note, disk_note


@pytest.mark.skipif(subprocess.run(["python3", "-m", "pagefind", "--version"], capture_output=True).returncode != 0,
                    reason="Pagefind is not installed (pip install 'pagefind[bin]')")
@pytest.mark.skipif(not Path("/usr/bin/time").exists(), reason="bench/run.sh needs GNU time (apt-get install -y time)")
def test_bench_reports_the_search_indexing_step_on_its_own_row():
    # "with the search indexing step reported separately" (issue 5): Pagefind is timed on its own,
    # over the pages the build wrote, and the build rows do not include it.
    r, rows = _bench(RUNS="1", NO_HUGO="1")
    assert "search index (pagefind)" in rows, (list(rows), r.stderr[-2000:])
    pages, wall, cpu, rate, rss, note = rows["search index (pagefind)"]
    assert pages == rows["talkoot build"][0] and float(wall) > 0 and float(rss) > 0, rows["search index (pagefind)"]
    total = re.fullmatch(r"build \+ index: ([0-9.]+) s", note)
    assert total and abs(float(total.group(1)) - float(rows["talkoot build"][1]) - float(wall)) < 0.002, note


@pytest.mark.skipif(not Path("/usr/bin/time").exists(), reason="bench/run.sh needs GNU time (apt-get install -y time)")
def test_bench_says_when_the_disk_alone_is_slower_than_the_build_target():
    # A target no program can meet on this disk: copying the output takes longer. The disk row
    # keeps its verdict and names the write floor beside it; the tmpfs row is judged as it is.
    _, rows = _bench(RUNS="1", NO_HUGO="1", NO_SEARCH="1", TARGET_N="30", TARGET_BUILD_WALL="0.000001")
    notes = {step: row[5] for step, row in rows.items()}
    assert "target ≤0.000001 s: MISSED" in notes["talkoot build"], notes
    assert re.search(r"disk-bound: copying the output alone takes [0-9.]+ s here", notes["talkoot build"]), notes
    assert "disk-bound" not in notes["talkoot build → tmpfs"], notes


def _generate(n, out, seed=1):
    r = subprocess.run(["python3", str(REPO / "bench" / "generate_corpus.py"), "--associations", str(n), "--out", str(out),
                        "--seed", str(seed)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_corpus_generator_gives_the_same_bytes_for_the_same_seed_and_others_for_another(tmp_path):
    # Deterministic (issue 5): a figure can be reproduced on any machine on any day.
    first, again, other = (_generate(300, tmp_path / name, seed) for name, seed in (("a", 1), ("b", 1), ("c", 2)))
    assert first == again
    assert first != other


def test_corpus_generator_scales_every_kind_with_the_associations_and_passes_the_independent_check(tmp_path):
    # "N associations ... plus facilities, liaisons, grants, clock entries and news in proportion"
    # (issue 5), every file valid by the content model as bench/validate_corpus.py (PyYAML) reads it.
    files = _generate(2500, tmp_path)
    counts = json.loads(files["corpus.json"])["counts"]
    on_disk = {kind: sum(1 for p in files if p.startswith(f"content/{kind}/") and p.count(".") == 1)
               for kind in ("associations", "liaisons", "facilities", "grants", "clock", "news", "pages")}
    assert on_disk == {"associations": 2500, "liaisons": 10, "facilities": 50, "grants": 12, "clock": 25, "news": 50,
                       "pages": 5}, on_disk
    assert {k: counts[k] for k in on_disk} == on_disk
    roles = [re.search(r"^role: (\S+)$", files[p].decode(), re.M).group(1) for p in files if p.startswith("content/liaisons/")]
    assert sorted(set(roles)) == ["agent", "liaison", "sector-contact"], roles
    translations = sum(1 for p in files if p.startswith("content/associations/") and p.endswith(".sv.md"))
    assert translations == counts["association_translations"] and 150 < translations < 350
    r = subprocess.run(["python3", str(REPO / "bench" / "validate_corpus.py"), str(tmp_path / "content")],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
