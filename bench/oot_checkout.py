"""OoT on real decomp code: verdicts with the checkout and with the shipped headers, and
checkout-mode throughput with the precompiled prelude against without it, in the same run.

Reads a sample made by bench/oot_decomp_sample.py (outside the repository: the decomp has
no licence) and the checkout it came from. Prints, per mode, what each verbatim file and
function got and whether every mutation was rejected with its own class; then runs the
verbatim files and functions through checkout mode twice more, with and without the
precompiled prelude (same sandbox options otherwise, verdict cache off), and reports the
ratio. The machine is shared: read the ratio, not the absolute times.

    .venv/bin/python bench/oot_checkout.py --checkout /work/oot-decomp --sample /work/oot-sample/sample.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from codevet.core.markdown import fenced_blocks  # noqa: E402
from codevet.core.model import Candidate  # noqa: E402
from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.sandboxes import create_sandbox  # noqa: E402


def candidates(sample: Path) -> list[tuple[dict, Candidate]]:
    out = []
    for i, line in enumerate(sample.read_text().splitlines()):
        r = json.loads(line)
        code = "\n".join(body for _, body in fenced_blocks(r["output"]))
        out.append((r, Candidate(id=f"s{i}", source="sample", language="oot", instruction=r["instruction"],
                                 code=code)))
    return out


def run(opts: SandboxOptions, cands: list[tuple[dict, Candidate]]) -> tuple[list, float]:
    with create_sandbox("oot", opts, jobs=1) as sb:
        sb.verify(cands[0][1])  # open (and build the per-checkout cache) outside the timing
        start = time.monotonic()
        verdicts = [sb.verify(c) for _, c in cands]
        return verdicts, time.monotonic() - start


def report(mode: str, cands: list[tuple[dict, Candidate]], verdicts: list) -> dict:
    verbatim = Counter()
    problems = []
    mut_ok = 0
    mut_n = 0
    for (r, _), v in zip(cands, verdicts):
        tag = f"{v.status.value}" + (f":{v.reason}" if v.reason else "")
        if r["sample_kind"] == "mutation":
            mut_n += 1
            if v.status.value == "fail" and v.reason == r["expect"]:
                mut_ok += 1
            else:
                problems.append((r["name"], r["expect"], tag, _first_error(v)))
        else:
            verbatim[(r["sample_kind"], tag)] += 1
            if v.status.value == "fail" or (v.status.value == "error" and mode == "checkout"
                                             and v.reason != "needs-assets"):
                problems.append((r["source"].split("/")[-1] + " " + r["name"], "pass", tag, _first_error(v)))
    print(f"\n== {mode}")
    for (kind, tag), n in sorted(verbatim.items()):
        print(f"  {kind:9s} {tag:32s} {n}")
    print(f"  mutations rejected with their own class: {mut_ok}/{mut_n}")
    for p in problems:
        print("   !", p)
    return {"verbatim": {f"{k}|{t}": n for (k, t), n in verbatim.items()}, "mutations_own_class": [mut_ok, mut_n],
            "problems": [list(p) for p in problems]}


def _first_error(v) -> str:
    """The error that decided the verdict (the first one the harness could decide on)."""
    errors = [d for d in v.artifacts.get("diagnostics") or [] if d.get("severity") == "error"]
    hard = [d for d in errors if d.get("class") not in ("context-missing", "needs-assets")] or errors
    for d in hard[:1]:
        return f"{d.get('class')}: {d.get('message', '')[:140]}"
    return next((c.detail[:160] for c in v.checks if not c.passed), "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", required=True, type=Path)
    ap.add_argument("--sample", required=True, type=Path)
    ap.add_argument("--rounds", type=int, default=2, help="throughput passes over the verbatim set per setting")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--modes", default="shipped,shipped-era-e3,checkout",
                    help="which verdict runs (comma-separated; e.g. checkout alone for every actor file)")
    args = ap.parse_args()
    cands = candidates(args.sample)
    base = SandboxOptions(timeout_s=60, memory_mb=2048)
    figures: dict = {"sample": str(args.sample), "n": len(cands)}
    modes = (("shipped", base), ("shipped-era-e3", base.with_option("oot.era", "e3")),
             ("checkout", base.with_option("oot.decomp", str(args.checkout))))
    for mode, opts in (m for m in modes if m[0] in args.modes.split(",")):
        verdicts, _ = run(opts, cands)
        figures[mode] = report(mode, cands, verdicts)
        if mode == "checkout":
            against = verdicts[0].artifacts.get("checked_against", {})
            print("  checked against:", {k: against.get(k) for k in ("checkout", "commit", "version")})
    verbatim = [c for c in cands if c[0]["sample_kind"] != "mutation"]
    if args.rounds <= 0:
        if args.json:
            args.json.write_text(json.dumps(figures, indent=1))
        return
    # both settings open at once and timed answer by answer, alternating which goes first, so the
    # load of the shared machine falls on both alike
    settings = {name: base.with_option("oot.decomp", str(args.checkout)).with_option("oot.pch", pch)
                for name, pch in (("pch", "true"), ("no-pch", "false"))}
    sandboxes = {name: create_sandbox("oot", o, jobs=1) for name, o in settings.items()}
    per: dict[str, dict[str, list[float]]] = {k: {"file": [], "function": []} for k in sandboxes}
    try:
        for sb in sandboxes.values():
            sb.open()
            sb.verify(verbatim[0][1])
        for rnd in range(args.rounds):
            for i, (r, cand) in enumerate(verbatim):
                order = list(sandboxes) if (i + rnd) % 2 == 0 else list(reversed(list(sandboxes)))
                for name in order:
                    t = time.monotonic()
                    v = sandboxes[name].verify(cand)
                    per[name][r["sample_kind"]].append(time.monotonic() - t)
                    assert v.status.value != "fail", (name, r["name"], v.reason)
    finally:
        for sb in sandboxes.values():
            sb.close()
    print(f"\n== checkout-mode throughput: {len(verbatim)} verbatim answers x {args.rounds} rounds, jobs=1, "
          "answer by answer alternating the two settings")
    figures["throughput"] = {"rounds": args.rounds}
    for kind in ("function", "file", "all"):
        ms = {}
        for name in sandboxes:
            xs = per[name]["file"] + per[name]["function"] if kind == "all" else per[name][kind]
            ms[name] = 1000 * sum(xs) / len(xs)
        ratio = ms["no-pch"] / ms["pch"]
        print(f"  {kind:8s} pch {ms['pch']:7.1f} ms/answer   no-pch {ms['no-pch']:7.1f} ms/answer   "
              f"speed-up x{ratio:.2f}")
        figures["throughput"][kind] = {"pch_ms": round(ms["pch"], 1), "no_pch_ms": round(ms["no-pch"], 1),
                                       "speedup": round(ratio, 2)}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
