"""Which process limit and which capabilities apply to example code here, for `codevet
doctor`: the answer differs between root and a plain user, and between backends.

- root, bwrap: each Python worker runs examples as a private uid (RLIMIT_NPROC per uid)
  inside a per-worker cgroup where cgroups are writable; compiles run in their own PID
  namespace. Example code has no capabilities (setuid away from root; bwrap --cap-drop).
- not root, bwrap: every sandbox is its own user namespace, and RLIMIT_NPROC is set inside
  it, where the kernel (5.14+, per-namespace ucounts) counts only that sandbox's
  processes: a fork bomb stops at the limit and the user's other processes do not count.
  Example code drops every capability of the namespace.
- none: rlimits only; as a plain user RLIMIT_NPROC counts all of the user's processes.
"""
from __future__ import annotations

import os
import subprocess
import sys

from codevet.sandboxes.isolation.bwrap import bwrap_argv, bwrap_works
from codevet.sandboxes.isolation.cgroups import cgroups_writable
from codevet.sandboxes.isolation.runner import PRLIMIT, nproc_in_namespace

_PROBE = """
import os, time
n = 0
try:
    while n < 40:
        if os.fork() == 0:
            time.sleep(1)
            os._exit(0)
        n += 1
except OSError:
    pass
print(n)
"""


def namespace_nproc_probe(limit: int = 8) -> int | None:
    """Forks that succeed inside a bwrap sandbox whose RLIMIT_NPROC is `limit` (set inside
    its user namespace). None when the probe cannot run."""
    try:
        argv = bwrap_argv() + [PRLIMIT, f"--nproc={limit}:{limit}", sys.executable, "-I", "-c", _PROBE]
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return int(proc.stdout.strip())
    except (OSError, ValueError, subprocess.TimeoutExpired, FileNotFoundError):
        return None


def limit_rows() -> list[tuple[str, bool, str]]:
    root = os.geteuid() == 0
    rows: list[tuple[str, bool, str]] = [("running as", True, "root" if root else f"uid {os.geteuid()} (not root)")]
    cg = cgroups_writable()
    if root:
        rows.append(("process limit (bwrap)", True, "a private uid per Python worker (RLIMIT_NPROC)"
                     + (" and a per-worker cgroup (pids.max, memory)" if cg else "; cgroups not writable here")
                     + "; compiles in their own PID namespace"))
    elif bwrap_works() and nproc_in_namespace("bwrap"):
        forks = namespace_nproc_probe()
        ok = forks is not None and forks < 8
        rows.append(("process limit (bwrap)", ok,
                     "RLIMIT_NPROC inside each sandbox's own user namespace: counts only that sandbox's processes "
                     f"(probe: {forks} forks under a limit of 8)" if ok else
                     f"the kernel does not count processes per user namespace (probe: {forks} forks under a "
                     "limit of 8); a fork bomb is bounded only by memory and the timeout"))
    else:
        rows.append(("process limit (bwrap)", False, "bwrap does not work here (see isolation: bwrap)"))
    rows.append(("process limit (none)", False, "not enforced for root (use bwrap)" if root else
                 "RLIMIT_NPROC counts all of your processes (use bwrap)"))
    rows.append(("delegated cgroups", cg, "writable: pids and memory capped per worker" if cg else
                 "not writable here (rlimits and namespaces bound examples instead)"))
    rows.append(("capabilities of example code", True, "none (private uid; bwrap --cap-drop ALL)" if root else
                 "none (bwrap --cap-drop ALL; Python examples drop the worker's namespace capabilities, "
                 "no_new_privs)"))
    return rows
