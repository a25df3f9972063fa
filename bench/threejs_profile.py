"""Where the three.js sandbox's CPU goes, per example: CPU seconds by Chromium process type
(browser, GPU, renderers, utility), the Playwright driver and this Python process, and the
wall time of each session phase (from the verdicts' `timings`). One worker, one candidate
at a time, so the CPU read between two readings belongs to that work.

    .venv/bin/python bench/threejs_profile.py [--n 12] [--jobs 1]

Renderers are forked by Chromium's zygote and reaped by it: their CPU shows up as the
zygote's children (`zygote.kids`) once the page is closed.
"""
from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._report import process_tree  # noqa: E402
from bench.threejs_throughput import simple_candidates  # noqa: E402
from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.sandboxes.threejs import ThreeJSSandbox  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
PHASES = ("context", "load", "first_render", "sample", "total")


def process_kind(pid: int) -> str:
    """browser, gpu-process, renderer, utility, zygote, driver (node), python, bwrap or other."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "gone"
    line = b" ".join(argv).decode(errors="replace")
    for kind in ("renderer", "gpu-process", "utility", "zygote"):
        if f"--type={kind}" in line:
            return kind
    exe = argv[0].decode(errors="replace")
    if "bwrap" in exe:
        return "bwrap"
    if "chrom" in exe:
        return "browser"
    if "node" in exe or "playwright" in line:
        return "driver"
    return "python" if "python" in line else "other"


def cpu_by_kind() -> collections.Counter:
    out: collections.Counter = collections.Counter()
    for pid, fields in process_tree().items():
        kind = process_kind(pid)
        out[kind] += (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
        out[kind + ".kids"] += (int(fields[13]) + int(fields[14])) / TICK  # reaped children
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=12)
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=60), jobs=args.jobs)
    sandbox.open()
    try:
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(sandbox.verify, simple_candidates(args.jobs)))  # launch the browsers
            before, start, load0 = cpu_by_kind(), time.monotonic(), os.getloadavg()[0]
            verdicts = list(pool.map(sandbox.verify, simple_candidates(args.n)))
            secs, after = time.monotonic() - start, cpu_by_kind()
    finally:
        sandbox.close()
    statuses = collections.Counter(v.status.value for v in verdicts)
    print(f"{args.n} examples, {args.jobs} job(s), {secs:.1f} s = {args.n / secs:.2f} /s, load average "
          f"{load0:.1f} -> {os.getloadavg()[0]:.1f}, verdicts {dict(statuses)}")
    total = 0.0
    for kind in sorted(set(before) | set(after)):
        spent = (after[kind] - before[kind]) / args.n
        if spent > 0.005:
            print(f"  {kind:16s} {spent:6.3f} CPU s per example")
            total += spent
    print(f"  {'all':16s} {total:6.3f} CPU s per example")
    phases = collections.defaultdict(list)
    for v in verdicts:
        timings, prev = v.artifacts.get("timings", {}), 0.0
        for name in PHASES:
            if name in timings:
                phases[name].append(timings[name] - prev)
                prev = timings[name]
    for name, values in phases.items():
        label = "rest (motion, interaction)" if name == "total" else name
        print(f"  phase {label:26s} median wall {statistics.median(values):.3f} s")
    renders = [int((v.artifacts.get("scene") or {}).get("renders") or 0) for v in verdicts]
    print(f"  render() calls per example (at the last sample): median {statistics.median(renders):.0f}, "
          f"max {max(renders)}")
    return 0 if statuses.get("pass") == args.n else 1


if __name__ == "__main__":
    raise SystemExit(main())
