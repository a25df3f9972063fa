"""What every bench can hand to `bench/results.py`: one JSON file of rows (`--json PATH`)."""
from __future__ import annotations

import json
import os
import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """Largest resident set of this process and of any child it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def write_json(path: str | None, sandbox: str, rows: list[dict], **extra) -> None:
    """rows: {name, codevet_eps, baseline_eps, ratio, examples, codevet, baseline}."""
    if path:
        Path(path).write_text(json.dumps({"sandbox": sandbox, "rows": rows, "peak_rss_mb": round(peak_rss_mb(), 1),
                                          **extra}, indent=2) + "\n")


def process_tree(root: int | None = None) -> dict[int, list[str]]:
    """`root` (default: this process) and every process below it, each with the fields of
    its /proc/PID/stat after the command name (so field N of stat(5) is index N - 3)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            stats[int(entry)] = fields
            children.setdefault(int(fields[1]), []).append(int(entry))
    tree: dict[int, list[str]] = {}
    todo = [root or os.getpid()]
    while todo:
        pid = todo.pop()
        if pid in stats and pid not in tree:
            tree[pid] = stats[pid]
            todo += children.get(pid, [])
    return tree


def tree_cpu_s(root: int | None = None) -> float:
    """CPU seconds (user + system) used so far by a process tree: every live process under
    `root` (default: this one) plus what their reaped children used. Differences of two
    readings give the CPU a piece of work cost, across browsers, drivers and workers."""
    tick = os.sysconf("SC_CLK_TCK")
    # utime, stime, cutime, cstime are fields 14-17 of /proc/PID/stat
    return sum(sum(int(x) for x in fields[11:15]) for fields in process_tree(root).values()) / tick
