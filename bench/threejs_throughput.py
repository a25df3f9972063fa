"""Three.js sandbox throughput: examples/s with pooled browsers (one per worker; a fresh
page per example in a reused context, wiped between examples) against a baseline, in
the same run, that launches a fresh Chromium for every example (what
ArtifactsBench-style harnesses do). Targets (issue 12): >= 2 examples/s on 2 cores and
>= 2.5x the baseline.

    .venv/bin/python bench/threejs_throughput.py [--n 40] [--jobs 2] [--baseline-n 12] [--rounds 4]

Both sides run the same candidates through the same session code with the same number
of worker threads; only the browser lifetime differs. Every verdict must be a pass, so
speed is never bought with wrong answers.

It also prints where the time goes: CPU seconds per example summed over the whole process
tree (Chromium's browser, GPU and renderer processes, the Playwright driver, the harness)
and, measured the same way in the same run, what a fresh context costs with an empty page
and nothing else. cores / (CPU s per example) is the most this machine can do.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.core.model import Candidate, Status  # noqa: E402
from codevet.sandboxes.threejs import ThreeJSSandbox  # noqa: E402
from codevet.sandboxes.threejs.browser import BrowserPool  # noqa: E402
from codevet.sandboxes.threejs.page import PAGE_URL  # noqa: E402
from bench._report import tree_cpu_s  # noqa: E402

SIMPLE = ["module_red_sphere.js", "bare_global_rotating_cube.js", "data_texture_plane.js",
          "instanced_cubes.js", "full_page_yellow_cone.html", "addon_orbit_controls_torus_knot.js"]


def simple_candidates(n: int) -> list[Candidate]:
    rows = {r["filename"]: r for r in json.loads((ROOT / "fixtures/threejs/good.json").read_text())}
    picked = [rows[name] for name in SIMPLE]
    return [Candidate(id=f"bench-{i}", source="bench", language="threejs",
                      instruction=picked[i % len(picked)]["description"], code=picked[i % len(picked)]["code"])
            for i in range(n)]


def run(sandbox: ThreeJSSandbox, cands: list[Candidate], jobs: int) -> tuple[float, list]:
    start = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        verdicts = list(pool.map(sandbox.verify, cands))
    return time.monotonic() - start, verdicts


async def empty_context(browser) -> None:
    """The floor: a fresh context and page with an empty document, nothing loaded."""
    context = await browser.new_context(viewport={"width": 480, "height": 320})
    try:
        await context.route("**/*", lambda route: route.fulfill(body="<!doctype html><p>.", content_type="text/html"))
        page = await context.new_page()
        await page.goto(PAGE_URL)
        await page.screenshot()
    finally:
        await context.close()


def floor(jobs: int, n: int) -> tuple[float, float]:
    """(examples/s, CPU s per example) of fresh empty contexts on pooled browsers."""
    pool = BrowserPool(jobs)
    pool.start()
    try:
        with ThreadPoolExecutor(jobs) as ex:
            list(ex.map(lambda _: pool.run(empty_context, 30), range(jobs)))
            cpu0, t0 = tree_cpu_s(), time.monotonic()
            list(ex.map(lambda _: pool.run(empty_context, 30), range(n)))
            secs, cpu = time.monotonic() - t0, tree_cpu_s() - cpu0
    finally:
        pool.stop()
    return n / secs, cpu / n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=40, help="examples for the pooled run")
    ap.add_argument("--baseline-n", type=int, default=12, help="examples for the fresh-browser baseline")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--rounds", type=int, default=4, help="the two sides alternate this many times")
    args = ap.parse_args()
    options = SandboxOptions(timeout_s=60)  # a budget the machine's load cannot turn into a verdict

    # The two sides alternate in --rounds rounds (pooled, then baseline, each its share of
    # the examples), so a change in the shared machine's load reaches both alike.
    pooled = ThreeJSSandbox(options, jobs=args.jobs)
    baseline = ThreeJSSandbox(options, jobs=args.jobs)
    baseline.pool = BrowserPool(args.jobs, recycle_after=1)  # a new Chromium for every example
    secs = bsecs = cpu = 0.0
    verdicts: list = []
    bverdicts: list = []
    pooled.open()
    baseline.open()
    try:
        run(pooled, simple_candidates(args.jobs), args.jobs)  # launch the browsers: not part of the rate
        for r in range(args.rounds):
            share = simple_candidates(args.n)[r * args.n // args.rounds:(r + 1) * args.n // args.rounds]
            cpu0 = tree_cpu_s()
            t, vs = run(pooled, share, args.jobs)
            cpu, secs, verdicts = cpu + tree_cpu_s() - cpu0, secs + t, verdicts + vs
            bshare = simple_candidates(args.baseline_n)[r * args.baseline_n // args.rounds:
                                                         (r + 1) * args.baseline_n // args.rounds]
            t, vs = run(baseline, bshare, args.jobs)
            bsecs, bverdicts = bsecs + t, bverdicts + vs
    finally:
        pooled.close()
        baseline.close()
    cpu_per = cpu / args.n
    bad = [v for v in verdicts + bverdicts if v.status is not Status.PASS]
    rate = args.n / secs
    brate = args.baseline_n / bsecs

    print(f"cpus: {os.cpu_count()}  jobs: {args.jobs}  rounds: {args.rounds}  load average: {os.getloadavg()[0]:.2f}")
    print(f"pooled browsers, fresh page per example:    {args.n} examples in {secs:.2f} s = {rate:.2f} examples/s")
    print(f"baseline, fresh browser per example:        {args.baseline_n} examples in {bsecs:.2f} s = {brate:.2f} examples/s")
    print(f"ratio: {rate / brate:.2f}x   targets: >= 2 examples/s ({'met' if rate >= 2 else 'NOT met'}), "
          f">= 2.5x ({'met' if rate / brate >= 2.5 else 'NOT met'})")
    cores = os.cpu_count() or 1
    print(f"CPU per example (whole process tree): {cpu_per:.2f} s -> at most {cores / cpu_per:.2f} examples/s "
          f"on {cores} cores")
    try:  # informative only: a failed floor run does not hide the figures above
        frate, fcpu = floor(args.jobs, args.n)
        print(f"floor, a fresh incognito context with an empty page (no warm renderer): {frate:.2f} /s, {fcpu:.2f} CPU s each "
              f"-> at most {cores / fcpu:.2f} /s on {cores} cores, before any three.js is loaded")
    except Exception as exc:
        print(f"floor: not measured ({type(exc).__name__}: {str(exc).splitlines()[0][:120]})")
    if bad:
        print(f"WRONG: {len(bad)} verdict(s) were not pass: {[(v.reason, v.checks[-1].detail) for v in bad[:3]]}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
