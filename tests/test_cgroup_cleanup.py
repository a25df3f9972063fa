"""A run killed with -9 cannot remove its worker cgroups; the next run removes the empty
folders of runs that are gone, and never a live run's or one that still holds a process."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from codevet.sandboxes.isolation.cgroups import ROOT, WorkerCgroup, cgroups_writable, remove_stale

pytestmark = pytest.mark.skipif(not cgroups_writable(), reason="cgroups are not writable here")


def _parents() -> list[Path]:
    return [ROOT / "codevet"] if (ROOT / "cgroup.controllers").exists() else \
        [ROOT / c / "codevet" for c in ("pids", "memory")]


def test_folders_of_dead_runs_go_and_live_ones_stay() -> None:
    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid that no longer runs
    dead = [p / f"{gone.pid}-py0-test" for p in _parents()]
    for d in dead:
        d.mkdir(parents=True, exist_ok=True)
    live = WorkerCgroup(f"{os.getpid()}-py0-test", 16, 64 * 1024 * 1024)  # a new worker sweeps first
    try:
        assert not any(d.exists() for d in dead)
        assert live.active and all(d.exists() for d in live.dirs)
        assert remove_stale() == [] and all(d.exists() for d in live.dirs)  # this run is alive
    finally:
        live.remove()
        for d in dead:
            if d.exists():
                d.rmdir()
