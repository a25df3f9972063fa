"""Per-worker cgroups (v1 or v2) where this machine lets us create them.

rlimits are per process; a fork bomb of processes that each stay under the limit can
still take the machine. A cgroup caps the whole tree (pids.max, memory) and lists every
process in it, so cleanup does not depend on a process staying in its process group.
Without write access to /sys/fs/cgroup this quietly does nothing.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")


class WorkerCgroup:
    def __init__(self, name: str, pids_max: int, memory_bytes: int) -> None:
        self.name = name
        self.dirs: list[Path] = []
        self._make(pids_max, memory_bytes)

    def _make(self, pids_max: int, memory_bytes: int) -> None:
        if os.environ.get("CODEVET_NO_CGROUPS"):
            return
        remove_stale()
        if (ROOT / "cgroup.controllers").exists():  # unified v2 hierarchy
            d = ROOT / "codevet" / self.name
            if self._mkdir(d):
                self._write(d / "pids.max", pids_max)
                self._write(d / "memory.max", memory_bytes)
                self._write(d / "memory.swap.max", 0)
            return
        for ctrl, files in (("pids", {"pids.max": pids_max}),
                            ("memory", {"memory.limit_in_bytes": memory_bytes})):
            d = ROOT / ctrl / "codevet" / self.name
            if self._mkdir(d):
                for f, v in files.items():
                    self._write(d / f, v)

    def _mkdir(self, d: Path) -> bool:
        try:
            d.mkdir(parents=True, exist_ok=True)
        except OSError:
            return False
        self.dirs.append(d)
        return True

    @staticmethod
    def _write(path: Path, value: int) -> None:
        try:
            path.write_text(str(value))
        except OSError:
            pass

    @property
    def active(self) -> bool:
        return bool(self.dirs)

    def enter_command(self) -> list[str]:
        """A shell prefix that moves itself into the cgroups, then execs the command, so
        the process is inside before it can fork."""
        if not self.dirs:
            return []
        moves = "; ".join(f"echo $$ > {d / 'cgroup.procs'}" for d in self.dirs)
        return ["/bin/sh", "-c", f'{moves} 2>/dev/null; exec "$@"', "codevet-cgroup"]

    def pids(self) -> set[int]:
        found: set[int] = set()
        for d in self.dirs:
            try:
                found.update(int(x) for x in (d / "cgroup.procs").read_text().split())
            except OSError:
                pass
        return found

    def kill_all(self, wait_s: float = 2.0) -> None:
        deadline = time.monotonic() + wait_s
        while True:
            pids = self.pids()
            if not pids:
                return
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            if time.monotonic() > deadline:
                return
            time.sleep(0.01)

    def remove(self) -> None:
        self.kill_all()
        for d in self.dirs:
            try:
                d.rmdir()
            except OSError:
                pass
        self.dirs = []


def cgroups_writable() -> bool:
    probe = WorkerCgroup(f"probe-{os.getpid()}", 16, 64 * 1024 * 1024)
    ok = probe.active
    probe.remove()
    return ok


def pid_alive(pid: int) -> bool:
    """Is a process with this pid running (also when it is another user's)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale() -> list[Path]:
    """The empty folders of runs killed before they could remove their own (kill -9):
    folders are named `<pid>-...` by the run that made them; one whose run is gone and
    which holds no process is removed (rmdir refuses a cgroup that still has one)."""
    removed: list[Path] = []
    parents = [ROOT / "codevet"] if (ROOT / "cgroup.controllers").exists() else \
        [ROOT / ctrl / "codevet" for ctrl in ("pids", "memory")]
    for parent in parents:
        try:
            children = [d for d in parent.iterdir() if d.is_dir()]
        except OSError:
            continue
        for d in children:
            pid = d.name.split("-", 1)[0]
            if not pid.isdigit() or pid_alive(int(pid)):
                continue
            try:
                d.rmdir()
                removed.append(d)
            except OSError:
                pass
    return removed
