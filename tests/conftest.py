from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Long files (marked `start_early`) first. `make test` hands whole files to three
    workers in collection order; a long file collected last (tests/threejs sorts after
    everything) would start when the others are nearly done and be the whole tail."""
    items.sort(key=lambda item: item.get_closest_marker("start_early") is None)


def wait_until(predicate, timeout: float = 120.0, interval: float = 0.05) -> bool:
    """Poll `predicate` until it holds; True if it did. The generous deadline is for a stuck
    run, never a speed claim: a loaded machine only makes the poll take longer."""
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


def own_processes(uids: set[int] | frozenset[int] = frozenset(), root: int | None = None) -> dict[int, str]:
    """pid -> command line of the processes this test started: descendants of `root` (this
    process by default), and anything running under the given sandbox uids (an orphan
    re-parented away still carries its uid). Other people's processes are never looked at."""
    root = os.getpid() if root is None else root
    parents: dict[int, int] = {}
    owners: dict[int, int] = {}
    cmds: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            status = Path(f"/proc/{entry}/status").read_text()
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry)
        parents[pid], owners[pid], cmds[pid] = int(fields["PPid"]), int(fields["Uid"].split()[0]), cmd

    def descends(pid: int) -> bool:
        for _ in range(128):
            pid = parents.get(pid, 0)
            if pid == root:
                return True
            if pid <= 1:
                return False
        return False
    return {pid: cmd for pid, cmd in cmds.items() if pid != root and (owners[pid] in uids or descends(pid))}


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def read_report(out: Path) -> list[dict]:
    return load_jsonl(out / "report.jsonl")


def run_cli(*args: str, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """The real command line, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "codevet", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, cwd=ROOT)


@pytest.fixture()
def cache_env(tmp_path: Path) -> dict:
    """A private verdict cache, so tests never see each other's verdicts."""
    return {"CODEVET_CACHE_DIR": str(tmp_path / "cache")}


@pytest.fixture(scope="module")
def private_cache_dir(tmp_path_factory: pytest.TempPathFactory):
    """A private cache per test module, so what a sandbox precompiles is really built by that module."""
    old = os.environ.get("CODEVET_CACHE_DIR")
    path = tmp_path_factory.mktemp("private-cache")
    os.environ["CODEVET_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CODEVET_CACHE_DIR", None)
    else:
        os.environ["CODEVET_CACHE_DIR"] = old


LOCAL_DOCKER_BASE = "codevet/debian-base:12"  # the Makefile's DOCKER_BASE, made from Debian's mirror


@pytest.fixture(scope="session")
def docker_images() -> None:
    """Where a Docker engine answers, the docker legs need the sandbox images: build what
    is missing (a no-op when built), from $CODEVET_DOCKER_BASE when set (`make test-docker`
    sets it to a base made from Debian's mirror, for engines that cannot reach Docker Hub)."""
    from codevet.sandboxes.isolation.docker import LANGUAGES, build_image, client, docker_problem, image_present

    if docker_problem() is None:
        base = os.environ.get("CODEVET_DOCKER_BASE") or None
        if base is None:  # an engine someone started by hand: the base `make docker` made, if there
            try:
                base = client().images.get(LOCAL_DOCKER_BASE).tags[0]
            except Exception:
                base = None
        for language in LANGUAGES:
            if not image_present(language):
                build_image(language, log=lambda s: None, base=base)
