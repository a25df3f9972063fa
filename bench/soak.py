"""Soak: thousands of mixed examples (good, bad and hostile, of all three sandboxes) through
the real pipeline at full concurrency. Prints what went in, what was reported, the
processes left behind (must be 0), peak memory, and whether memory stayed flat.

The fixtures are cycled into temporary input files with unique ids and interleaved, so
the three sandboxes are busy at the same time. No cache: every example really runs.

    .venv/bin/python bench/soak.py [--n 2000] [--jobs N] [--three-share 0.08] [--json PATH]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import warnings
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.generators.candidates import read_candidates  # noqa: E402
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig  # noqa: E402
from codevet.harness.pipeline import run  # noqa: E402
from bench._report import process_tree, write_json  # noqa: E402

FIX = ROOT / "fixtures"
LEFTOVER_MARKS = ("zygote.py", "chromium", "cc1", "sleep 313", "headless_shell")


def _pss_kb(pid: int) -> int | None:
    """Proportional set size: shared pages (a zygote's children share its heap) count once."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def tree_rss_mb(root: int) -> float:
    """Memory (PSS) of `root` and every process below it."""
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid, fields in process_tree(root).items():
        pss = _pss_kb(pid)
        total += pss * 1024 if pss is not None else int(fields[21]) * page  # rss, field 24 of stat(5)
    return total / 2**20


def own_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def leftovers() -> list[str]:
    me = os.getpid()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == me:
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if any(m in cmd for m in LEFTOVER_MARKS) and "soak.py" not in cmd:
            found.append(f"{entry}: {cmd[:100]}")
    return found


def build_inputs(tmp: Path, n: int, three_share: float, oot_share: float) -> tuple[list[str], dict[str, int]]:
    """Files with unique ids: python (MBPP-style good, wrong, hostile; HumanEval), OoT, three.js."""
    def jsonl(path: Path) -> list[dict]:
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    n_three = int(n * three_share) if shutil.which("chromium") else 0
    n_oot = int(n * oot_share) if shutil.which("mips-linux-gnu-gcc") else 0
    n_py = n - n_three - n_oot
    mbpp = jsonl(FIX / "python/mbpp_excerpt.jsonl") + jsonl(FIX / "python/mbpp_wrong.jsonl") + \
        jsonl(FIX / "python/hostile.jsonl")
    human = jsonl(FIX / "python/humaneval_excerpt.jsonl") + jsonl(FIX / "python/humaneval_wrong.jsonl")
    n_human = n_py // 4
    counts = {"python": n_py, "oot": n_oot, "threejs": n_three}
    files: list[str] = []

    def write(name: str, rows: list[dict], total: int, key: str) -> None:
        if total <= 0:
            return
        out = []
        for i, row in zip(range(total), cycle(rows)):
            row = dict(row)
            row[key] = f"soak{i}-{row[key]}" if key == "filename" else f"{row.get(key, 'x')}#soak{i}"
            out.append(row)
        path = tmp / name
        if name.endswith(".json"):
            path.write_text(json.dumps(out))
        else:
            path.write_text("".join(json.dumps(r) + "\n" for r in out))
        files.append(str(path))

    write("mbpp.jsonl", mbpp, n_py - n_human, "task_id")
    write("humaneval.jsonl", human, n_human, "task_id")
    oot = jsonl(FIX / "oot/good.jsonl") + jsonl(FIX / "oot/bad.jsonl")
    write("oot.jsonl", oot, n_oot, "id")
    three = json.loads((FIX / "threejs/good.json").read_text()) + json.loads((FIX / "threejs/bad.json").read_text())
    write("three.json", three, n_three, "filename")
    return files, counts


def interleave(files: list[str]):
    """Merge the inputs evenly by their sizes, so every sandbox is busy at the same time."""
    import heapq

    sizes = [sum(1 for _ in read_candidates(f)) for f in files]
    streams = [read_candidates(f) for f in files]
    heap = [(0.5 / size, i, 0) for i, size in enumerate(sizes) if size]
    heapq.heapify(heap)
    while heap:
        _, i, k = heapq.heappop(heap)
        yield next(streams[i])
        if k + 1 < sizes[i]:
            heapq.heappush(heap, ((k + 1.5) / sizes[i], i, k + 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--three-share", type=float, default=0.08)
    ap.add_argument("--oot-share", type=float, default=0.2)
    ap.add_argument("--sample-s", type=float, default=2.0)
    ap.add_argument("--json", help="also write the numbers here (for bench/results.py)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    before = leftovers()
    samples: list[tuple[float, float]] = []
    own: list[float] = []
    stop = threading.Event()

    def sampler() -> None:
        t0 = time.monotonic()
        while not stop.is_set():
            samples.append((time.monotonic() - t0, tree_rss_mb(os.getpid())))
            own.append(own_rss_mb())
            stop.wait(args.sample_s)

    with tempfile.TemporaryDirectory(prefix="codevet-soak-") as tmp:
        files, counts = build_inputs(Path(tmp), args.n, args.three_share, args.oot_share)
        fed = [0]

        def candidates():
            for c in interleave(files):
                fed[0] += 1
                yield c
        config = RunConfig(out=Path(tmp) / "out", jobs=args.jobs, use_cache=False,
                           sandbox=SandboxOptions(timeout_s=args.timeout))
        th = threading.Thread(target=sampler, daemon=True)
        th.start()
        start = time.monotonic()
        result = run(candidates(), config, files)
        elapsed = time.monotonic() - start
        stop.set()
        th.join()
        reported = sum(1 for _ in (Path(tmp) / "out" / "report.jsonl").open())
        by_lang: dict[str, dict[str, int]] = {}
        for line in (Path(tmp) / "out" / "report.jsonl").open():
            r = json.loads(line)
            by_lang.setdefault(r["language"], {}).setdefault(r["status"], 0)
            by_lang[r["language"]][r["status"]] += 1
    time.sleep(1.0)
    left = [p for p in leftovers() if p not in before]
    rss = [m for _, m in samples]
    q = max(1, len(rss) // 4)
    first_q, last_q = statistics.median(rss[:q]), statistics.median(rss[-q:])
    peak = max(rss)
    own_first, own_last = statistics.median(own[:q]), statistics.median(own[-q:])
    print(f"soak: {args.n} examples ({counts}), jobs={args.jobs}, timeout={args.timeout}s, {os.cpu_count()} cores")
    print(f"count in         : {fed[0]}")
    print(f"count reported   : {reported} (summary total {result.summary['total']}; "
          f"pass {result.summary['pass']}, fail {result.summary['fail']}, error {result.summary['error']})")
    print(f"by language      : {by_lang}")
    print(f"time             : {elapsed:.1f} s ({fed[0] / elapsed:.1f} examples/s)")
    print(f"leftover procs   : {len(left)}" + (f"  {left[:5]}" if left else ""))
    print(f"peak memory      : {peak:.0f} MB (PSS of the whole process tree: harness, workers, browsers, examples; "
          f"sampled every {args.sample_s:g} s); harness process peak RSS "
          f"{__import__('resource').getrusage(0).ru_maxrss / 1024:.0f} MB")
    print(f"memory over run  : process tree median {first_q:.0f} MB in the first quartile, {last_q:.0f} MB in the "
          f"last ({len(rss)} samples, drift {last_q - first_q:+.0f} MB); harness process {own_first:.0f} -> "
          f"{own_last:.0f} MB")
    write_json(args.json, "soak", [], soak={
        "n": args.n, "counts": counts, "jobs": args.jobs, "count_in": fed[0], "count_reported": reported,
        "summary": {k: result.summary[k] for k in ("total", "pass", "fail", "error")}, "by_language": by_lang,
        "seconds": round(elapsed, 1), "examples_per_s": round(fed[0] / elapsed, 2), "leftovers": len(left),
        "peak_tree_pss_mb": round(peak), "tree_first_quartile_mb": round(first_q),
        "tree_last_quartile_mb": round(last_q), "harness_first_quartile_mb": round(own_first),
        "harness_last_quartile_mb": round(own_last), "samples": len(rss)})
    ok = fed[0] == reported == result.summary["total"] and not left
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
