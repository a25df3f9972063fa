"""One contract, every isolation backend available here: the good fixtures of every
language pass and the bad ones fail for their named reason, through the real pipeline.
The hostile fixtures run per backend in tests/python/test_python_hostile.py.

- bwrap: where bubblewrap works.
- none: always (resource limits only).
- docker: where an engine answers (`docker.from_env().ping()`); the images are built
  first. Without an engine the leg is skipped and says so in the test output.

The three.js sandbox has no docker implementation yet: its docker leg checks that asking
for it is refused loudly, never run without the isolation that was asked for.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.harness.config import RunConfig, SandboxOptions
from codevet.harness.pipeline import run
from codevet.sandboxes.isolation import bwrap_works
from codevet.sandboxes.isolation.docker import docker_problem
from conftest import FIXTURES, read_report

DOCKER_PROBLEM = docker_problem()
NO_DOCKER = "no Docker engine on this machine"
BACKENDS = [
    pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_works(), reason="bubblewrap does not work here")),
    "none",
    pytest.param("docker", marks=pytest.mark.skipif(DOCKER_PROBLEM is not None, reason=NO_DOCKER)),
]
HAVE_MIPS = shutil.which("mips-linux-gnu-gcc") is not None
HAVE_CHROMIUM = Path("/usr/bin/chromium").exists()
THREE = {"module_red_sphere.js": None, "syntax_error.js": "no-syntax-errors"}


@pytest.fixture(scope="module")
def images():
    """With an engine, build what the docker leg needs (a no-op when already built)."""
    if DOCKER_PROBLEM is None:
        from codevet.sandboxes.isolation.docker import build_image, image_present

        for language in ("python", "oot"):
            if not image_present(language):
                build_image(language, log=lambda s: None)


def _expectations(tmp: Path) -> tuple[list[str], dict[str, tuple[str, str | None]]]:
    """Input files and, per report line id, the (status, reason) the contract wants."""
    files, want = [], {}
    py = FIXTURES / "python"
    for name, expect in [("mbpp_excerpt.jsonl", ("pass", None)), ("mbpp_wrong.jsonl", ("fail", "test-failed")),
                         ("humaneval_excerpt.jsonl", ("pass", None)), ("humaneval_wrong.jsonl", ("fail", "test-failed"))]:
        files.append(str(py / name))
        for c in read_candidates(str(py / name)):
            want[c.source] = expect
    if HAVE_MIPS:
        oot = FIXTURES / "oot"
        for name in ("good.jsonl", "bad.jsonl"):
            files.append(str(oot / name))
            for c in read_candidates(str(oot / name)):
                expect = c.raw.get("expect")
                want[c.source] = ("pass", None) if expect is None else ("fail", expect)
    return files, want


@pytest.mark.parametrize("backend", BACKENDS)
def test_good_and_bad_fixtures_of_every_language(backend: str, images, tmp_path: Path) -> None:
    files, want = _expectations(tmp_path)
    config = RunConfig(out=tmp_path / "out", jobs=2, use_cache=False,
                       sandbox=SandboxOptions(timeout_s=10, isolation=backend))

    def candidates():
        for f in files:
            yield from read_candidates(f)
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
@pytest.mark.parametrize("backend", ["auto", "none", "docker"])
def test_threejs_contract_per_backend(backend: str, tmp_path: Path) -> None:
    rows = {r["filename"]: r for f in ("good.json", "bad.json") for r in json.loads((FIXTURES / "threejs" / f).read_text())}
    path = tmp_path / "three.json"
    path.write_text(json.dumps([rows[n] for n in THREE]))
    config = RunConfig(out=tmp_path / "out", jobs=1, use_cache=False,
                       sandbox=SandboxOptions(timeout_s=15, isolation=backend))
    result = run(read_candidates(str(path)), config, [str(path)])
    lines = read_report(tmp_path / "out")
    if backend == "docker":  # refused loudly: an error naming why, never an unisolated pass
        assert [(r["status"], r["reason"]) for r in lines] == [("error", "sandbox-unavailable")] * len(THREE)
        assert "not implemented for the threejs sandbox" in lines[0]["checks"][0]["detail"]
        assert any("not implemented" in n for n in result.notes)
        return
    assert [(r["status"], r["reason"]) for r in lines] == [("pass" if e is None else "fail", e) for e in THREE.values()]
