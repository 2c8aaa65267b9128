"""Shared pytest fixtures for the checks of the built site.

`demo_site` builds the demo content once per test session into a temporary folder and returns
the Path of the built site. The binary is $TALKOOT_BIN (default .build/release/talkoot, built
with scripts/build-release when missing). Treat the folder as read-only:
copy it (shutil.copytree) before adding files such as a Pagefind index.
"""
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"


def talkoot_bin() -> Path:
    path = Path(os.environ.get("TALKOOT_BIN", REPO / ".build" / "release" / "talkoot"))
    if not path.exists():
        subprocess.run([str(REPO / "scripts" / "build-release")], cwd=REPO, check=True)
    return path


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "site"
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("SOURCE_DATE_EPOCH", None)
    r = subprocess.run([str(talkoot_bin()), "build", "--content", "content", "--themes", "themes", "--output", str(out),
                        "--today", TODAY], cwd=REPO, env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"talkoot build failed ({r.returncode}):\n{r.stdout}\n{r.stderr}"
    return out
