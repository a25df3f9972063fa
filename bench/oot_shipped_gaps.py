"""Shipped headers on real decomp code: what every verbatim answer got, every hard error (not
only the first), and, for the undecidable ones, what kind of name codevet could not check.

Reads a sample made by bench/oot_decomp_sample.py (outside the repository) and the checkout it
came from (only to tell the game's include/ API names from the rest). A hard error on verbatim
real code is the header set's fault; this lists all of them, so the header set can be widened
where it matters.

    .venv/bin/python bench/oot_shipped_gaps.py --checkout /work/oot-decomp --sample /work/oot-sample/wide/sample.jsonl
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from oot_checkout import candidates  # noqa: E402
from oot_game_names import scan  # noqa: E402

from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.sandboxes import create_sandbox  # noqa: E402
from codevet.sandboxes.oot.headers import known_header_names  # noqa: E402

_FILE_LOCAL = re.compile(r"^(s[A-Z0-9]\w*|D_80[89AB]\w+|func_80[89AB]\w+)$")


def include_names(checkout: Path) -> set[str]:
    names: set[str] = set()
    for p in (checkout / "include").rglob("*.h"):
        text = p.read_text(errors="replace")
        names |= {n for _, n in scan(text)}
        if "/tables/" in str(p):
            names |= set(re.findall(r"\b([A-Z][A-Z0-9_]{2,})\b", text))
    return names


def kind_of(name: str, api: set[str], declared: set[str]) -> str:
    if "." in name:
        return "real member of a game struct" if name in api else "member of the actor's own struct"
    if _FILE_LOCAL.match(name):
        return "file-local static or overlay function"
    if name in api and name not in declared:
        return "game API name the shipped headers lack"
    return "actor's own header, asset or file"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", required=True, type=Path)
    ap.add_argument("--sample", required=True, type=Path)
    ap.add_argument("--era", default="auto")
    ap.add_argument("--json", type=Path, help="write every verdict's summary here")
    args = ap.parse_args()
    api = include_names(args.checkout.resolve())
    types, names = known_header_names()
    declared = types | names
    opts = SandboxOptions(timeout_s=120, memory_mb=2048).with_option("oot.era", args.era)
    tags: Counter = Counter()
    hard_errors: Counter = Counter()
    kinds: Counter = Counter()
    api_only = 0
    rows = []
    mut = [0, 0]
    with create_sandbox("oot", opts, jobs=1) as sb:
        for r, cand in candidates(args.sample):
            v = sb.verify(cand)
            tag = v.status.value + (f":{v.reason}" if v.reason else "")
            errors = [d for d in v.artifacts.get("diagnostics") or [] if d.get("severity") == "error"]
            hard = [d for d in errors if d.get("class") not in ("context-missing", "needs-assets")]
            rows.append({"kind": r["sample_kind"], "source": r["source"], "name": r["name"], "tag": tag,
                         "hard": [[d.get("class"), d.get("message")] for d in hard],
                         "missing": v.artifacts.get("missing") or []})
            if r["sample_kind"] == "mutation":
                mut[1] += 1
                mut[0] += tag == f"fail:{r['expect']}"
                if tag != f"fail:{r['expect']}":
                    print(f"  ! mutation {r['name']}: {tag}")
                continue
            tags[(r["sample_kind"], tag)] += 1
            for d in hard:
                hard_errors[(d.get("class"), d.get("message", "")[:120])] += 1
            if v.status.value == "error":
                ks = {kind_of(n, api, declared) for n in rows[-1]["missing"]}
                for k in ks:
                    kinds[k] += 1
                api_only += bool(ks) and ks <= {"game API name the shipped headers lack", "real member of a game struct"}
    print(f"\n== shipped headers, oot.era={args.era}: {args.sample}")
    for (kind, tag), n in sorted(tags.items()):
        print(f"  {kind:9s} {tag:32s} {n}")
    print(f"  mutations rejected with their own class: {mut[0]}/{mut[1]}")
    print(f"\n== hard errors on verbatim real code (the header set's): {sum(hard_errors.values())}")
    for (klass, msg), n in hard_errors.most_common():
        print(f"  {n:3d}  [{klass}] {msg}")
    print("\n== undecidable verbatim answers: kinds of the names they need (an answer can have several)")
    for k, n in kinds.most_common():
        print(f"  {n:3d}  {k}")
    print(f"  {api_only:3d}  need nothing but game API names or members the shipped headers lack")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
