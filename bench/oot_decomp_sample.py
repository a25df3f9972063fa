"""Build a measurement sample of real decomp actor code from a zeldaret/oot checkout.

The checkout has no licence, so nothing of it is committed: this script reads the checkout
given at run time and writes the sample OUTSIDE the repository (it refuses a path inside).

Sample (deterministic):
  files       whole actor files, at evenly spaced size quantiles (--files, default 15)
  functions   one function of other actor files, at size quantiles (--functions, default 25)
  mutations   each function variant broken one way (unknown function, unknown field, wrong
              argument count, wrong argument type, old-era name, syntax), on the first
              --per-mutation functions where the edit applies; `expect` is the class it must get

    .venv/bin/python bench/oot_decomp_sample.py --checkout /work/oot-decomp --out /work/oot-sample
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from codevet.sandboxes.oot.extract import blank_comments_and_strings  # noqa: E402
from codevet.sandboxes.oot.filecontext import item_key  # noqa: E402
from codevet.sandboxes.oot.wrap import split_items  # noqa: E402

MAX_CHARS = 200_000


def actor_files(checkout: Path) -> list[Path]:
    files = [p for p in (checkout / "src" / "overlays" / "actors").rglob("*.c")
             if not p.name.endswith(".inc.c") and "cutscene_data" not in p.name and p.stat().st_size < MAX_CHARS]
    return sorted(files, key=lambda p: (p.stat().st_size, str(p)))


def quantiles(items: list[Path], n: int, offset: float) -> list[Path]:
    if n <= 0:
        return []
    return [items[min(len(items) - 1, int((i + offset) * len(items) / n))] for i in range(n)]


def functions_of(text: str) -> list[tuple[str, str]]:
    scan = blank_comments_and_strings(text)
    out = []
    for it in split_items(scan):
        if it.kind != "func":
            continue
        key = item_key(scan[it.start:it.end], it.kind)
        body = text[it.start:it.end]
        if key and body.count("\n") >= 4:
            out.append((key[1], body + "\n"))
    return out


def _close_paren(s: str, open_idx: int) -> int:
    depth = 0
    for i in range(open_idx, len(s)):
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def mutate(kind: str, code: str) -> str | None:
    """One edit of the given kind, or None where it does not apply."""
    if kind == "unknown-function":
        i = code.find("{")
        return code[:i + 1] + "\n    Actor_Teleport(0);" + code[i + 1:] if i >= 0 else None
    if kind == "unknown-field":
        m = re.search(r"\bthis->(?:actor|dyna\.actor)\.(params|speed|world|home|gravity|scale)\b", code)
        return code[:m.start(1)] + m.group(1) + "Zq" + code[m.end(1):] if m else None
    if kind == "type-error:count":
        m = re.search(r"\b(Actor_Kill|Actor_SetScale|Math_SinS|Math_CosS|Actor_PlaySfx|Rand_ZeroOne|"
                      r"Collider_UpdateCylinder)\(", code)
        if not m:
            return None
        close = _close_paren(code, m.end() - 1)
        inner = code[m.end():close]
        return code[:close] + (", 1" if inner.strip() else "1") + code[close:]
    if kind == "type-error:type":
        m = re.search(r"\b((?:Actor|Collider|SkelAnime)_\w+)\(&this->(actor|skelAnime|collider)\b", code)
        if not m:
            return None
        return code[:m.start()] + f"{m.group(1)}(this->{m.group(2)}" + code[m.end():]
    if kind == "wrong-era-name":
        if "PlayState* play" not in code.split("{", 1)[0]:
            return None
        head, body = code.split("{", 1)
        return head.replace("PlayState* play", "GlobalContext* play", 1) + "{" + body
    if kind == "syntax":
        lines = code.split("\n")
        for i, line in enumerate(lines[1:], 1):
            if re.search(r"\w\)?;\s*$", line) and not line.strip().startswith(("for", "//", "*")):
                lines[i] = line.rstrip()[:-1]
                return "\n".join(lines)
    return None


MUTATION_KINDS = ("unknown-function", "unknown-field", "type-error:count", "type-error:type", "wrong-era-name",
                  "syntax")


def record(kind: str, expect: str, source: str, name: str, code: str) -> dict[str, object]:
    what = "file" if kind == "file" else f"function {name}"
    return {"instruction": f"Write the {what} of the Ocarina of Time actor in {Path(source).parent.name}.",
            "input": "", "output": f"```c\n{code}```", "sample_kind": kind, "expect": expect, "source": source,
            "name": name, "lines": code.count("\n")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--files", type=int, default=15)
    ap.add_argument("--functions", type=int, default=25)
    ap.add_argument("--per-mutation", type=int, default=3)
    args = ap.parse_args()
    out = args.out.resolve()
    if out == ROOT or ROOT in out.parents:
        sys.exit("the sample holds decomp code, which has no licence: write it outside the repository")
    checkout = args.checkout.resolve()
    files = actor_files(checkout)
    whole = quantiles(files, args.files, 0.5)
    rest = [p for p in files if p not in whole]
    picks = quantiles(rest, args.functions, 0.25)
    records = []
    for p in whole:
        records.append(record("file", "pass", str(p.relative_to(checkout)), p.stem, p.read_text(errors="replace")))
    funcs = []
    for p in picks:
        fs = functions_of(p.read_text(errors="replace"))
        if fs:
            name, body = fs[len(fs) // 2]
            funcs.append((str(p.relative_to(checkout)), name, body))
            records.append(record("function", "pass", str(p.relative_to(checkout)), name, body))
    for kind in MUTATION_KINDS:
        done = 0
        for source, name, body in funcs:
            mutated = mutate(kind, body)
            if mutated is None or mutated == body:
                continue
            records.append(record("mutation", kind.split(":")[0], source, f"{name} [{kind}]", mutated))
            done += 1
            if done >= args.per_mutation:
                break
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "sample.jsonl", "w") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    kinds = {k: sum(r["sample_kind"] == k for r in records) for k in ("file", "function", "mutation")}
    print(f"{len(records)} records -> {out / 'sample.jsonl'}: {kinds}")


if __name__ == "__main__":
    main()
