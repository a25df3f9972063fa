"""`--executor ray` against a real local Ray (ray.init here, 2 CPUs, the custom resources a
cluster's nodes would declare): the same fixtures of every language give the same
verdicts through Ray actors as through the local threads, into the same reports and
cache; an example that breaks the executor is that example's error, not the run's."""
from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig
from codevet.core.model import Candidate
from codevet.harness.pipeline import run
from conftest import FIXTURES, load_jsonl, own_processes, read_report, run_cli, wait_until

# A Ray cluster's start-up: `make test-slow` (which installs ray), run by CI. A skip
# condition, not an import at collection: `make test` collects this file without ray.
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                                 reason="ray is not installed (pip install 'codevet[ray]'; make test-slow does)")]

PY_FILES = ["mbpp_excerpt.jsonl", "mbpp_wrong.jsonl", "humaneval_excerpt.jsonl", "apps_excerpt.jsonl",
            "code_contests_excerpt.jsonl", "alpaca_excerpt.jsonl", "malformed.jsonl"]
HOSTILE = ["memory_bomb", "output_flood", "early_os_exit", "kill_parent", "network",
           "detached_child", "skips_tests"]
# A subset of the three.js fixtures keeps the two passes short (a scene costs ~1-2 s).
THREE_GOOD = ["module_red_sphere.js", "bare_global_rotating_cube.js", "full_page_yellow_cone.html"]
THREE_BAD = ["syntax_error.js", "removed_geometry_api.js", "external_fetch.js", "black_on_black.js"]
HAVE_CHROMIUM = Path("/usr/bin/chromium").exists()
HAVE_MIPS = shutil.which("mips-linux-gnu-gcc") is not None


def test_cli_executor_ray_starts_and_stops_its_own_ray(tmp_path: Path, cache_env: dict) -> None:
    """Runs before the module's shared Ray starts: the command line starts a one-node Ray
    here, verifies, writes the same outputs, and shuts it down."""
    bad = run_cli("verify", FIXTURES / "python" / "mbpp_excerpt.jsonl", "--out", tmp_path / "x",
                  "--ray-address", "auto", env=cache_env)
    assert bad.returncode == 2 and "need --executor ray" in bad.stderr
    proc = run_cli("verify", FIXTURES / "python" / "mbpp_excerpt.jsonl", FIXTURES / "python" / "mbpp_wrong.jsonl",
                   "--out", tmp_path / "out", "--executor", "ray", "--jobs", "2", env=cache_env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert (summary["total"], summary["pass"], summary["fail"]) == (30, 15, 15)
    assert json.loads((tmp_path / "out" / "config.json").read_text())["executor"] == "ray"
    # the CLI ran in a child of this test: its Ray (raylet, workers) must be gone with it
    assert wait_until(lambda: not _leftovers(("raylet", "ray::"))), _leftovers(("raylet", "ray::"))


@pytest.fixture(scope="module")
def local_ray():
    import ray

    if ray.is_initialized():
        ray.shutdown()
    ray.init(num_cpus=2, resources={"chromium": 2, "mips_toolchain": 2}, include_dashboard=False,
             log_to_driver=False, object_store_memory=256 * 1024 * 1024)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("ray-inputs")
    files = [str(FIXTURES / "python" / f) for f in PY_FILES]
    hostile = [r for r in load_jsonl(FIXTURES / "python" / "hostile.jsonl") if r["task_id"].split("/")[1] in HOSTILE]
    (d / "hostile.jsonl").write_text("".join(json.dumps(r) + "\n" for r in hostile))
    files.append(str(d / "hostile.jsonl"))
    if HAVE_CHROMIUM:
        rows = {r["filename"]: r for f in ("good.json", "bad.json")
                for r in json.loads((FIXTURES / "threejs" / f).read_text())}
        (d / "three.json").write_text(json.dumps([rows[n] for n in THREE_GOOD + THREE_BAD]))
        files.append(str(d / "three.json"))
    if HAVE_MIPS:
        files += [str(FIXTURES / "oot" / "good.jsonl"), str(FIXTURES / "oot" / "bad.jsonl")]
    return files


def _run(executor: str, files: list[str], out: Path, cache: Path | None = None) -> list[tuple]:
    config = RunConfig(out=out, jobs=2, use_cache=cache is not None, cache_dir=cache or out / "unused",
                       executor=executor, sandbox=SandboxOptions(timeout_s=15))

    def candidates():
        for f in files:
            yield from read_candidates(f)
    result = run(candidates(), config, files)
    assert result.summary["total"] == len(read_report(out))
    return [(r["id"], r["status"], r["reason"]) for r in read_report(out)]


SANDBOX_PROCESSES = ("zygote.py", "--remote-debugging-pipe", "cc1 ")


def _leftovers(marks: tuple[str, ...] = SANDBOX_PROCESSES) -> list[str]:
    """Sandbox processes among this test's own descendants (Ray's actors are children of
    the raylet this process started); nobody else's processes are looked at."""
    return [f"{pid}: {cmd[:120]}" for pid, cmd in own_processes().items() if any(m in cmd for m in marks)]


def test_ray_gives_the_same_verdicts_as_local_threads(local_ray, inputs, tmp_path: Path) -> None:
    local = _run("local", inputs, tmp_path / "local")
    remote = _run("ray", inputs, tmp_path / "ray")
    assert remote == local
    languages = {json.loads(line)["language"] for line in (tmp_path / "ray" / "report.jsonl").read_text().splitlines()}
    assert "python" in languages
    assert HAVE_CHROMIUM <= ("threejs" in languages) and HAVE_MIPS <= ("oot" in languages)
    statuses = {s for _, s, _ in remote}
    assert {"pass", "fail", "error"} <= statuses  # malformed lines are errors on both sides
    if HAVE_CHROMIUM:  # screenshots come back from the actors into the same run folder
        assert sorted(p.name for p in (tmp_path / "ray" / "artifacts").iterdir()) == \
            sorted(p.name for p in (tmp_path / "local" / "artifacts").iterdir())
    assert wait_until(lambda: not _leftovers()), _leftovers()


def test_ray_results_go_to_the_same_cache(local_ray, tmp_path: Path) -> None:
    files = [str(FIXTURES / "python" / "mbpp_excerpt.jsonl")]
    first = _run("ray", files, tmp_path / "a", cache=tmp_path / "cache")
    second_cfg_out = tmp_path / "b"
    again = _run("local", files, second_cfg_out, cache=tmp_path / "cache")
    assert again == first
    summary = json.loads((second_cfg_out / "summary.json").read_text())
    assert summary["cached"] == summary["total"] == len(first)


def test_one_broken_example_never_fails_the_job(local_ray, tmp_path: Path) -> None:
    good = list(read_candidates(str(FIXTURES / "python" / "mbpp_excerpt.jsonl")))[:3]
    # A candidate Ray cannot ship to an actor (an unpicklable record) is that example's error.
    broken = Candidate(id="unshippable", source="t", language="python", code=good[0].code, tests=good[0].tests,
                       raw={"lock": __import__("threading").Lock()})
    config = RunConfig(out=tmp_path / "out", jobs=2, use_cache=False, executor="ray",
                       sandbox=SandboxOptions(timeout_s=3))
    result = run([good[0], broken, good[1], good[2]], config, ["t"])
    lines = read_report(tmp_path / "out")
    assert [(r["id"], r["status"]) for r in lines][1] == ("unshippable", "error")
    assert lines[1]["reason"] == "executor-error"
    assert result.summary["pass"] == 3
