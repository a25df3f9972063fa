"""Time limits on a command's own time, for the commands sandboxes run on the host side
(a compile, a program run under bwrap or with `none`).

A command's own time is the wall clock less the time its processes were ready to run but
waited for a CPU (the kernel's run_delay, /proc/<pid>/schedstat). An endless loop or a
sleep still runs out of it at the limit; a compile slowed down only by other work on the
machine does not, so machine load never turns a verdict into a `timeout`. A command
starved without end still stops at STARVED_WALL_FACTOR times its limit.

Waits a command's own processes cause (a fork bomb starving its parent) are its own time:
the tree's CPU time spread over the CPUs it may use counts too, whichever is more.

The Python sandbox's examples run inside its zygote, which cannot import codevet: its
twin of this rule is `codevet_support.OwnTimeLimit`, with the same factor.
"""
from __future__ import annotations

import os
import time

STARVED_WALL_FACTOR = 10
SCHEDSTAT = os.path.exists("/proc/self/schedstat")
_TICK = os.sysconf("SC_CLK_TCK")


def _read(path: str) -> str | None:
    try:
        with open(path, "rb") as fh:
            return fh.read().decode()
    except OSError:
        return None


def _tree(root: int) -> list[int]:
    """`root` and its descendants, through /proc/<pid>/task/<tid>/children."""
    seen, todo = [], [root]
    while todo and len(seen) < 4096:
        pid = todo.pop()
        seen.append(pid)
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:  # it ended while the tree was walked: the rest of the tree still counts
            continue
        for tid in tids:
            children = _read(f"/proc/{pid}/task/{tid}/children")
            if children:
                todo.extend(int(c) for c in children.split())
    return seen


class TreeTimeLimit:
    """The own-time limit of a process tree. `sample()` records each process's run_delay
    as it is seen (processes that have ended keep their last reading), so the waits of a
    compiler's passes add up although each pass ends before the next starts: the caller
    samples at least every half second."""

    def __init__(self, root: int, limit_s: float) -> None:
        self.root = root
        self.limit_s = limit_s
        self.wall_cap_s = limit_s * STARVED_WALL_FACTOR
        self.start = time.monotonic()
        self._waits: dict[int, float] = {}
        self._cpu: dict[int, float] = {}
        self._sampled = float("-inf")

    def sample(self, every_s: float = 0.5) -> None:
        """Read the tree's waits, unless they were read less than `every_s` ago."""
        now = time.monotonic()
        if not SCHEDSTAT or now - self._sampled < every_s:
            return
        self._sampled = now
        for pid in _tree(self.root):
            sched, stat = _read(f"/proc/{pid}/schedstat"), _read(f"/proc/{pid}/stat")
            try:
                if sched:
                    self._waits[pid] = max(self._waits.get(pid, 0.0), int(sched.split()[1]) / 1e9)
                if stat:  # own and reaped children's user + system time
                    cpu = sum(int(f) for f in stat.rsplit(")", 1)[1].split()[11:15]) / _TICK
                    self._cpu[pid] = max(self._cpu.get(pid, 0.0), cpu)
            except (IndexError, ValueError):
                pass

    @property
    def waited_s(self) -> float:
        return sum(self._waits.values())

    @property
    def cpu_s(self) -> float:
        """CPU time of the tree as sampled. A reaped child's time shows again in its
        parent's, so a sum may count it twice; that only makes the limit come sooner."""
        return sum(self._cpu.values())

    def left_s(self) -> float:
        """Seconds before the limit can be reached (0 once it has been)."""
        elapsed = time.monotonic() - self.start
        if elapsed >= self.wall_cap_s:
            return 0.0
        if elapsed >= self.limit_s:
            self.sample(every_s=0.0)
        # waits its own processes cause are its own time: its CPU time over the CPUs it may use
        own = max(elapsed - self.waited_s, self.cpu_s / max(1, len(os.sched_getaffinity(0))))
        return 0.0 if own >= self.limit_s else min(self.limit_s - own, self.wall_cap_s - elapsed)
