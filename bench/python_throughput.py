"""Python sandbox throughput: codevet with full isolation vs a same-run baseline.

Baseline: one plain `python -c` subprocess per example, no isolation, the same number of
examples at once (one per core). codevet: the real pipeline (format adapter, cache off,
bwrap isolation where it works, warm pytest workers). Both must agree on the verdicts.

    .venv/bin/python bench/python_throughput.py                     # the bundled MBPP excerpt
    .venv/bin/python bench/python_throughput.py ../shared/data/mbpp.jsonl   # full MBPP
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.generators.candidates import read_candidates  # noqa: E402
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig  # noqa: E402
from codevet.harness.pipeline import run  # noqa: E402
from codevet.sandboxes.isolation import resolve_isolation  # noqa: E402
from bench._report import write_json  # noqa: E402


def baseline(path: str, jobs: int, timeout: float) -> tuple[float, int, int]:
    cands = list(read_candidates(path))

    def one(c) -> bool:
        script = c.code + "\n" + c.tests.setup + "\n" + "\n".join(t.code for t in c.tests.cases if not t.group)
        try:
            return subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=timeout,
                                  stdin=subprocess.DEVNULL).returncode == 0
        except subprocess.TimeoutExpired:
            return False

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        passed = sum(pool.map(one, cands))
    return time.perf_counter() - start, len(cands), passed


def codevet(path: str, jobs: int, timeout: float, isolation: str) -> tuple[float, int, int]:
    with tempfile.TemporaryDirectory() as out:
        config = RunConfig(out=Path(out), jobs=jobs, use_cache=False,
                           sandbox=SandboxOptions(timeout_s=timeout, isolation=isolation))
        start = time.perf_counter()
        result = run(read_candidates(path), config, [path])
        elapsed = time.perf_counter() - start
    return elapsed, result.summary["total"], result.summary["pass"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?", default=str(ROOT / "fixtures" / "python" / "mbpp_excerpt.jsonl"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--json", help="also write the numbers here (for bench/results.py)")
    args = ap.parse_args()
    isolation = resolve_isolation("auto")
    b_s, b_n, b_pass = baseline(args.path, args.jobs, args.timeout)
    c_s, c_n, c_pass = codevet(args.path, args.jobs, args.timeout, isolation)
    b_rate, c_rate = b_n / b_s, c_n / c_s
    print(f"input: {args.path} ({c_n} examples, {args.jobs} jobs, {os.cpu_count()} cores)")
    print(f"baseline  python -c per example, no isolation : {b_s:7.2f} s  {b_rate:8.1f} examples/s  ({b_pass} passed)")
    print(f"codevet   pytest, isolation={isolation:<5}            : {c_s:7.2f} s  {c_rate:8.1f} examples/s  ({c_pass} passed)")
    print(f"ratio codevet/baseline: {c_rate / b_rate:.2f}x")
    if b_pass != c_pass:
        print(f"WARNING: verdicts differ (baseline {b_pass} passed, codevet {c_pass})")
    write_json(args.json, "python", [{
        "name": f"{Path(args.path).name} ({c_n} examples)", "examples": c_n, "jobs": args.jobs,
        "codevet": f"pytest, warm workers, isolation={isolation}", "codevet_eps": c_rate,
        "baseline": "python -c per example, no isolation", "baseline_eps": b_rate, "ratio": c_rate / b_rate}])


if __name__ == "__main__":
    main()
