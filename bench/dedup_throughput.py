"""De-duplication throughput on synthetic code: near-duplicate detection (MinHash/LSH)
next to an exact-only baseline, in one run. Each mode runs in a fresh process so its
peak memory is its own.

    .venv/bin/python bench/dedup_throughput.py [--n 100000]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._report import write_json  # noqa: E402

TEMPLATE = '''def {f}({a}, {b}):
    """{doc}"""
    {acc} = []
    for {i} in range({a}):
        if {i} % {k} == {r}:
            {acc}.append({i} * {b} + {c})
        elif {i} > {m}:
            {acc}.append({i} - {c})
    return sorted({acc}, reverse={rev})
'''
WORDS = ["total", "items", "value", "count", "index", "result", "data", "acc", "node", "step", "limit", "scale"]


def snippets(n: int, seed: int = 0) -> list[str]:
    """~85% distinct, ~10% near copies (one name changed), ~5% exact copies."""
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(n):
        roll = rng.random()
        if out and roll < 0.05:
            out.append(rng.choice(out))
        elif out and roll < 0.15:
            src = rng.choice(out)
            out.append(src.replace("reverse=True", "reverse=False") if "reverse=True" in src else src + "# v2\nx = 1\n")
        else:
            names = rng.sample(WORDS, 5)
            out.append(TEMPLATE.format(f=f"fn_{rng.randrange(10**6)}", a=names[0], b=names[1], acc=names[2], i=names[3],
                                       doc=" ".join(rng.sample(WORDS, 4)), k=rng.randrange(2, 9), r=rng.randrange(2),
                                       c=rng.randrange(100), m=rng.randrange(50), rev=rng.choice(["True", "False"])))
    return out


def measure(mode: str, n: int, queue) -> None:
    from codevet.harness.dedup import DedupIndex

    codes = snippets(n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    idx = DedupIndex(near=mode == "near", threshold=0.8)
    start = time.perf_counter()
    dups = sum(idx.check(code, str(i), "bench") is not None for i, code in enumerate(codes))
    seconds = time.perf_counter() - start
    peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    queue.put((seconds, dups, peak_mb))


def run(mode: str, n: int) -> tuple[float, int, float]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=measure, args=(mode, n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--json", help="also write the numbers here (for bench/results.py)")
    args = ap.parse_args()
    n = args.n
    e_s, e_d, e_mb = run("exact", n)
    n_s, n_d, n_mb = run("near", n)
    print(f"{n} synthetic snippets")
    print(f"exact only (baseline) : {e_s:7.2f} s  {n / e_s:10.0f} examples/s  {e_d:6d} duplicates  +{e_mb:6.1f} MB peak")
    print(f"near (MinHash/LSH)    : {n_s:7.2f} s  {n / n_s:10.0f} examples/s  {n_d:6d} duplicates  +{n_mb:6.1f} MB peak")
    print(f"ratio near/exact throughput: {(n / n_s) / (n / e_s):.2f}x; near finds {n_d - e_d} more duplicates")
    write_json(args.json, "dedup (pre-sandbox filter)", [
        {"name": f"{n} synthetic snippets", "examples": n, "jobs": 1, "codevet": f"near (MinHash/LSH), +{n_mb:.0f} MB",
         "codevet_eps": n / n_s, "baseline": f"exact only, +{e_mb:.0f} MB", "baseline_eps": n / e_s,
         "ratio": (n / n_s) / (n / e_s)}])


if __name__ == "__main__":
    main()
