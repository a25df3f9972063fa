"""OoT sandbox throughput: codevet with precompiled headers vs plain gcc per example, same run.

Examples: the OoT fixtures (good and bad, without the macro bomb), repeated with a unique
comment so nothing can be reused between them. Three runs, each with --jobs at once:

  baseline   plain `mips-linux-gnu-gcc -c` per example on the wrapped translation unit,
             headers parsed every time, no isolation, no classification or link check
  no-pch     the codevet sandbox with oot_pch=0 (full checks and isolation, headers parsed)
  codevet    the codevet sandbox as shipped (full checks and isolation, precompiled headers)

    .venv/bin/python bench/oot_throughput.py [--n 200] [--jobs 2]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.generators.candidates import read_candidates  # noqa: E402
from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.core.model import Candidate  # noqa: E402
from codevet.sandboxes import create_sandbox  # noqa: E402
from codevet.sandboxes.oot.era import detect_era  # noqa: E402
from codevet.sandboxes.oot.extract import blank_comments_and_strings  # noqa: E402
from codevet.sandboxes.oot.headers import CHECK_FLAGS, DEFINES, INCLUDE_DIR, TARGET_FLAGS, known_header_names  # noqa: E402
from codevet.sandboxes.oot.includes import check_includes  # noqa: E402
from codevet.sandboxes.oot.wrap import build_unit  # noqa: E402
from bench._report import write_json  # noqa: E402


def examples(n: int) -> list[Candidate]:
    base = [c for f in ("good.jsonl", "bad.jsonl") for c in read_candidates(str(ROOT / "fixtures" / "oot" / f))
            if "|" not in str((c.raw or {}).get("expect", "")) and c.code.strip()]
    out = []
    for i in range(n):
        c = base[i % len(base)]
        out.append(replace(c, id=f"{c.id}-{i}", code=c.code + f"/* bench copy {i} */\n"))
    return out


def baseline(cands: list[Candidate], jobs: int) -> tuple[float, int]:
    types, names = known_header_names()

    def unit(c: Candidate) -> str:
        inc = check_includes(c.code, lambda name, angled: (INCLUDE_DIR / name).is_file())
        scan = blank_comments_and_strings(inc.code)
        return build_unit(inc.code, scan, detect_era(scan).era, types, names).text, detect_era(scan).era

    units = [unit(c) for c in cands]  # prepared outside the timing: only gcc is measured
    tmp = Path(tempfile.mkdtemp(prefix="oot-bench-"))

    def one(i: int) -> bool:
        text, era = units[i]
        src = tmp / f"u{i}.c"
        src.write_text(text)
        proc = subprocess.run(["mips-linux-gnu-gcc", *TARGET_FLAGS, *CHECK_FLAGS, *DEFINES, f"-DOOT_ERA={era}",
                               "-I", str(INCLUDE_DIR), "-include", str(INCLUDE_DIR / "oot.h"), "-c", str(src),
                               "-o", str(tmp / f"u{i}.o")], capture_output=True)
        return proc.returncode == 0

    start = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        ok = sum(pool.map(one, range(len(units))))
    elapsed = time.perf_counter() - start
    subprocess.run(["rm", "-rf", str(tmp)])
    return elapsed, ok


def sandbox_run(cands: list[Candidate], jobs: int, pch: bool) -> tuple[float, int, str]:
    opts = SandboxOptions().with_option("oot.pch", str(pch))
    with create_sandbox("oot", opts, jobs) as sb:
        sb.verify(cands[0])  # warm: headers and PCH built, page cache hot
        start = time.perf_counter()
        with ThreadPoolExecutor(jobs) as pool:
            verdicts = list(pool.map(sb.verify, cands))
        elapsed = time.perf_counter() - start
        return elapsed, sum(v.status.value == "pass" for v in verdicts), sb.isolation


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json", help="also write the numbers here (for bench/results.py)")
    args = ap.parse_args()
    cands = examples(args.n)
    b_s, b_ok = baseline(cands, args.jobs)
    n_s, n_ok, iso = sandbox_run(cands, args.jobs, pch=False)
    c_s, c_ok, iso = sandbox_run(cands, args.jobs, pch=True)
    n = len(cands)
    b_rate, n_rate, c_rate = n / b_s, n / n_s, n / c_s
    print(f"{n} examples, {args.jobs} jobs, {os.cpu_count()} cores, isolation={iso}")
    print(f"baseline  plain gcc -c, headers parsed, no isolation : {b_s:7.2f} s {b_rate:7.1f} examples/s ({b_ok} compiled)")
    print(f"no-pch    codevet sandbox, headers parsed            : {n_s:7.2f} s {n_rate:7.1f} examples/s ({n_ok} passed)")
    print(f"codevet   codevet sandbox, precompiled headers       : {c_s:7.2f} s {c_rate:7.1f} examples/s ({c_ok} passed)")
    print(f"ratio codevet/baseline: {c_rate / b_rate:.2f}x   codevet/no-pch: {c_rate / n_rate:.2f}x")
    if n_ok != c_ok:
        print(f"WARNING: verdicts differ with and without the PCH ({n_ok} vs {c_ok} passed)")
    write_json(args.json, "oot", [
        {"name": f"fixtures x{n}", "examples": n, "jobs": args.jobs, "codevet": f"precompiled headers, {iso}",
         "codevet_eps": c_rate, "baseline": "plain gcc -c, no isolation", "baseline_eps": b_rate,
         "ratio": c_rate / b_rate},
        {"name": f"fixtures x{n}", "examples": n, "jobs": args.jobs, "codevet": f"precompiled headers, {iso}",
         "codevet_eps": c_rate, "baseline": f"codevet without PCH, {iso}", "baseline_eps": n_rate,
         "ratio": c_rate / n_rate}])


if __name__ == "__main__":
    main()
