"""The 31 official three.js examples in ../shared/data (MIT, mrdoob/three.js), end to end
through the command line: each gets the verdict a browser gives it (`_expect`), every
fail for a missing asset names it, and every report line says which three judged it.
Slow (31 real pages on SwiftShader); the budget is generous so that only a page that
stops answering, never a loaded machine, decides a verdict."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED_DATA, read_report, run_cli

pytestmark = pytest.mark.slow
OFFICIAL = SHARED_DATA / "threejs" / "official_examples.json"


@pytest.mark.skipif(not OFFICIAL.exists(), reason="../shared/data/threejs/official_examples.json not present")
def test_official_examples_get_the_verdict_a_browser_gives(tmp_path: Path, cache_env: dict) -> None:
    rows = json.loads(OFFICIAL.read_text())
    proc = run_cli("verify", OFFICIAL, "--out", tmp_path, "--timeout", "120", "--jobs", "2", env=cache_env,
                   timeout=3600)
    assert proc.returncode in (0, 1), proc.stderr
    lines = read_report(tmp_path)
    assert len(lines) == len(rows) == 31
    got = {line["id"]: line for line in lines}
    wrong = []
    for row, line in zip(rows, lines):
        if line["status"] != row["_expect"] or (row["_expect"] == "fail" and line["reason"] != "no-blocked-requests"):
            wrong.append((row["filename"], row["_expect"], line["status"], line["reason"]))
    assert wrong == [], wrong
    for line in got.values():
        version = next(c["detail"] for c in line["checks"] if c["name"] == "three-version")
        assert version.startswith("judged with three 0.187.0"), version
    passing = [line for line in lines if line["status"] == "pass"]
    assert all("warning:" in next(c["detail"] for c in line["checks"] if c["name"] == "optional-requests")
               for line in passing)  # main.css and the import-map polyfill: a warning, not a failure
