from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


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


@pytest.fixture(scope="session")
def docker_images() -> None:
    """Where a Docker engine answers, the docker legs need the sandbox images: build what
    is missing (a no-op when built), from $CODEVET_DOCKER_BASE when set (`make test-docker`
    sets it to a base made from Debian's mirror, for engines that cannot reach Docker Hub)."""
    from codevet.sandboxes.isolation.docker import LANGUAGES, build_image, docker_problem, image_present

    if docker_problem() is None:
        for language in LANGUAGES:
            if not image_present(language):
                build_image(language, log=lambda s: None, base=os.environ.get("CODEVET_DOCKER_BASE") or None)
