"""The --out folder: checked before a run, written aside during it, swapped in at the end.

A run writes into `OUT/.codevet-run-PID/` and moves its files into OUT only when it has
written all of them (summary and report included), on every exit path Python sees:
normal end, Ctrl-C, a bad input. A run killed outright (kill -9, power loss) leaves OUT as
the previous run left it, consistent, plus its stage folder, which the next run removes.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from codevet.sandboxes.isolation.cgroups import pid_alive
from codevet.core.errors import ConfigError

STAGE_PREFIX = ".codevet-run-"
RUN_FILES = ("report.jsonl", "kept.jsonl", "rejected.jsonl", "summary.json", "report.html", "config.json")
RUN_DIRS = ("artifacts",)


def prepare_out(out: Path) -> None:
    """Make OUT (a directory we can write), or say clearly why it cannot be one."""
    try:
        _check_out(out)
    except OSError as exc:  # a folder on the way we may not look into
        raise ConfigError(f"--out {out}: {exc.strerror or exc}") from None


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out}: is a file, not a directory")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise ConfigError(f"--out {out}: {parent} is a file, so no directory can be made under it")
            break
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"--out {out}: cannot create it: {exc.strerror or exc}") from None
    probe = out / f".codevet-probe-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"--out {out}: cannot write there: {exc.strerror or exc}") from None


def remove_stale_stages(out: Path) -> list[Path]:
    """Stage folders of runs that were killed before they could swap in."""
    removed = []
    for stage in out.glob(f"{STAGE_PREFIX}*"):
        pid = stage.name[len(STAGE_PREFIX):]
        if pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid)):
            shutil.rmtree(stage, ignore_errors=True)
            removed.append(stage)
    return removed


def new_stage(out: Path) -> Path:
    remove_stale_stages(out)
    stage = out / f"{STAGE_PREFIX}{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    return stage


def swap_in(stage: Path, out: Path) -> None:
    """Move the stage's files over OUT's. Files of an earlier run that this run did not
    write (its artifacts) go too, so nothing in OUT describes another run."""
    for name in RUN_DIRS:
        old = out / name
        if old.exists():
            trash = stage / f".old-{name}"
            os.replace(old, trash)
        if (stage / name).exists():
            os.replace(stage / name, old)
    for name in RUN_FILES:
        if (stage / name).exists():
            os.replace(stage / name, out / name)
        elif (out / name).exists():
            (out / name).unlink()
    shutil.rmtree(stage, ignore_errors=True)
