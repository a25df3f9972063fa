"""One contract, every isolation backend available here: the good fixtures of every
language pass and the bad ones fail for their named reason, through the real pipeline.
The hostile fixtures run per backend in tests/python/test_python_hostile.py.

- bwrap: where bubblewrap works.
- none: always (resource limits only).
- docker: where an engine answers (`docker.from_env().ping()`); the images are built
  first (from $CODEVET_DOCKER_BASE when set: `make test-docker` sets it to a base made
  from Debian's mirror). Without an engine the leg is skipped and says so in the output.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig
from codevet.harness.pipeline import run
from codevet.sandboxes.isolation import bwrap_works
from codevet.sandboxes.isolation.docker import docker_problem
from conftest import FIXTURES, read_report

DOCKER_PROBLEM = docker_problem()
NO_DOCKER = "no Docker engine on this machine"
# bwrap is every sandbox's default: tests/<language>/ run the same fixtures under it. The host
# legs here are `make test-slow` (CI runs it); docker runs wherever an engine answers
BACKENDS = [
    pytest.param("bwrap", marks=[pytest.mark.slow,
                                 pytest.mark.skipif(not bwrap_works(), reason="bubblewrap does not work here")]),
    pytest.param("none", marks=pytest.mark.slow),  # not a security boundary; its hostile legs are in make test
    pytest.param("docker", marks=pytest.mark.skipif(DOCKER_PROBLEM is not None, reason=NO_DOCKER)),
]
HAVE_MIPS = shutil.which("mips-linux-gnu-gcc") is not None
HAVE_CHROMIUM = Path("/usr/bin/chromium").exists()
THREE = {"module_red_sphere.js": None, "syntax_error.js": "no-syntax-errors"}
# polyglot: the good programs and broken twins of a few languages (one compiled, one JVM, one
# interpreted, SQL run on SQLite); tests/polyglot/ has every language per backend
POLYGLOT_LANGUAGES = {"c", "java", "javascript", "sql"}
POLYGLOT_FORMAT = "polyglot_alpaca"


def _expectations(tmp: Path) -> tuple[list[str], dict[str, tuple[str, str | None]]]:
    """Input files and, per report line id, the (status, reason) the contract wants."""
    files, want = [], {}
    py = FIXTURES / "python"
    for name, expect in [("mbpp_excerpt.jsonl", ("pass", None)), ("mbpp_wrong.jsonl", ("fail", "test-failed")),
                         ("humaneval_excerpt.jsonl", ("pass", None)), ("humaneval_wrong.jsonl", ("fail", "test-failed"))]:
        files.append(str(py / name))
        for c in read_candidates(str(py / name)):
            want[c.source] = expect
    subset = [line for name in ("good.jsonl", "bad.jsonl")
              for line in (FIXTURES / "polyglot" / name).read_text().splitlines()
              if json.loads(line).get("language") in POLYGLOT_LANGUAGES]
    poly = tmp / "polyglot_subset.jsonl"
    poly.write_text("\n".join(subset) + "\n")
    files.append(str(poly))
    for c in read_candidates(str(poly), POLYGLOT_FORMAT):
        expect = c.raw.get("expect")
        want[c.source] = ("pass", None) if expect is None else ("fail", expect)
    if HAVE_MIPS:
        oot = FIXTURES / "oot"
        for name in ("good.jsonl", "bad.jsonl"):
            files.append(str(oot / name))
            for c in read_candidates(str(oot / name)):
                expect = c.raw.get("expect")
                want[c.source] = ("pass", None) if expect is None else ("fail", expect)
    return files, want


@pytest.mark.parametrize("backend", BACKENDS)
def test_good_and_bad_fixtures_of_every_language(backend: str, docker_images, tmp_path: Path) -> None:
    files, want = _expectations(tmp_path)
    config = RunConfig(out=tmp_path / "out", jobs=2, use_cache=False,
                       sandbox=SandboxOptions(timeout_s=10, isolation=backend))

    def candidates():
        for f in files:
            yield from read_candidates(f, POLYGLOT_FORMAT if f.endswith("polyglot_subset.jsonl") else None)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        run(candidates(), config, files)
    lines = read_report(tmp_path / "out")
    assert len(lines) == len(want)
    wrong = []
    for line in lines:
        status, reason = want[line["source"]]
        ok = line["status"] == status and (reason is None or line["reason"] in reason.split("|"))
        if not ok:
            wrong.append((line["source"], line["status"], line["reason"], status, reason))
    assert wrong == []


@pytest.mark.skipif(not HAVE_CHROMIUM, reason="chromium is not installed")
@pytest.mark.parametrize("backend", [pytest.param("auto", marks=pytest.mark.slow), pytest.param("none", marks=pytest.mark.slow),
                                     pytest.param("docker", marks=pytest.mark.skipif(
    DOCKER_PROBLEM is not None, reason=NO_DOCKER))])
def test_threejs_contract_per_backend(backend: str, docker_images, tmp_path: Path) -> None:
    """On the host, two fixtures (tests/threejs runs all of them); in Docker, every good and
    bad fixture, each for its own reason: the hung page, the blocked fetch, the lost frame."""
    rows = [r for f in ("good.json", "bad.json") for r in json.loads((FIXTURES / "threejs" / f).read_text())]
    if backend != "docker":
        rows = [r for r in rows if r["filename"] in THREE]
    path = tmp_path / "three.json"
    path.write_text(json.dumps(rows))
    config = RunConfig(out=tmp_path / "out", jobs=2 if backend == "docker" else 1,  # one browser for two pages
                       use_cache=False, sandbox=SandboxOptions(timeout_s=15, isolation=backend))
    run(read_candidates(str(path)), config, [str(path)])
    got = [(r["status"], r["reason"]) for r in read_report(tmp_path / "out")]
    assert got == [("pass", None) if r.get("expect") is None else ("fail", r["expect"]) for r in rows]
