"""Write an index of the game's real API names from YOUR zeldaret/oot checkout, into
codevet's data dir (`oot/game_names.txt`, or $CODEVET_OOT_GAME_NAMES), where the OoT sandbox's
shipped-headers mode reads it. codevet does not ship the index: zeldaret/oot has no licence,
so not even a list of its names is redistributed; each user builds it from their own copy.

The index holds NAMES ONLY, one per line with its kind (`func`, `const`, `type`, `data`, or
`field Struct.member`): no value, no type, no signature, no comment, nothing else of the
checkout. It covers include/ and the headers
under src/ (effects, other actors' headers that actors include, the actors' own), the constants
and types the .c files under src/ define for themselves (`#define MERGE_FOLLOWER 0x20` of an actor
file: a single function of it uses them without showing them), plus the enum names the tables
under include/tables/ expand to (SCENE_*, ENTR_*, ...). It is to the rest of the API what symbols.txt is to functions: a name that real code
uses, that the index lists and that the shipped headers do not declare is the header set's gap,
so an error on it is `context-missing` (codevet cannot check that use), never a `fail`; a name
the index does not list (an invented one) stays a fail. The checkout is read at run time only;
none of its files is copied.

    .venv/bin/python bench/oot_game_names.py --checkout ~/oot
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from codevet.sandboxes.oot.locality import game_names_file
_ID = r"[A-Za-z_]\w*"


def _strip(text: str) -> str:
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.DOTALL)
    return re.sub(r"\\\n", " ", text)


def _close(text: str, i: int) -> int:
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _member_names(body: str) -> set[str]:
    flat = re.sub(r"[{}]", ";", body)
    names: set[str] = set()
    for decl in flat.split(";"):
        decl = decl.strip()
        if not decl or decl.startswith("#") or re.fullmatch(r"(?:struct|union)\s*(\w+)?", decl):
            continue
        fp = re.search(r"\(\s*\*\s*(" + _ID + r")\s*\)", decl)
        if fp:
            names.add(fp.group(1))
            continue
        decl = re.sub(r"\[[^\]]*\]", "", decl)
        decl = re.sub(r":\s*\w+\s*$", "", decl)
        for part in decl.split(","):
            m = re.search(r"(" + _ID + r")\s*$", part.strip())
            if m and m.group(1) not in ("struct", "union", "enum"):
                names.add(m.group(1))
    return names


def scan(text: str) -> set[tuple[str, str]]:
    t = _strip(text)
    out: set[tuple[str, str]] = set()
    for n in re.findall(r"^\s*#\s*define\s+(" + _ID + ")", t, flags=re.MULTILINE):
        out.add(("const", n))
    for m in re.finditer(r"\benum\b\s*(" + _ID + r")?\s*\{", t):
        end = _close(t, m.end() - 1)
        for n in re.findall(r"(?:^|,)\s*(" + _ID + ")", t[m.end():end]):
            out.add(("const", n))
        if m.group(1):
            out.add(("type", m.group(1)))
    for m in re.finditer(r"\b(?:struct|union)\s*(" + _ID + r")?\s*\{", t):
        end = _close(t, m.end() - 1)
        if end < 0:
            continue
        after = re.match(r"\s*(" + _ID + r")\s*;", t[end + 1:])
        owners = {n for n in (m.group(1), after.group(1) if after else None) if n}
        for owner in owners:
            out.add(("type", owner))
            for f in _member_names(t[m.end():end]):
                out.add(("field", f"{owner}.{f}"))
    for n in re.findall(r"\btypedef\b[^;{}]*?\b(" + _ID + r")\s*(?:\[[^\]]*\])?\s*;", t):
        out.add(("type", n))
    for n in re.findall(r"\btypedef\b[^;{}]*?\(\s*\*\s*(" + _ID + r")\s*\)", t):
        out.add(("type", n))
    for n in re.findall(r"\bextern\b[^;(]*?\b(" + _ID + r")\s*(?:\[[^\]]*\])*\s*;", t):
        out.add(("data", n))
    no_pp = re.sub(r"^[ \t]*#[^\n]*", " ", t, flags=re.MULTILINE)
    for m in re.finditer(r"(?:^|(?<=[;}]))\s*((?:extern\s+|const\s+|struct\s+|unsigned\s+|signed\s+)*"
                         + _ID + r"(?:\s*\([^()]*\))?[\s*]+)(" + _ID + r")\s*\(([^;{}()]|\([^()]*\))*\)\s*"
                         r"(?:__attribute__\s*\(\(.*?\)\)\s*)?;", no_pp, flags=re.DOTALL | re.MULTILINE):
        if "typedef" not in m.group(1):
            out.add(("func", m.group(2)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", required=True, type=Path)
    ap.add_argument("--out", type=Path, default=game_names_file())
    args = ap.parse_args()
    root = args.checkout.resolve()
    found: set[tuple[str, str]] = set()
    for p in sorted((root / "src").rglob("*.c")):  # a file's own constants and types (#define, enum, typedef)
        found |= {(k, n) for k, n in scan(p.read_text(errors="replace")) if k in ("const", "type")}
    for sub in ("include", "src"):
        for p in sorted((root / sub).rglob("*.h")):
            text = p.read_text(errors="replace")
            found |= scan(text)
            if "/tables/" in str(p):  # DEFINE_SCENE(..., SCENE_X, ...): the enums the tables expand to
                for params in re.findall(r"^\s*DEFINE_\w+\s*\((.*)\)", _strip(text), flags=re.MULTILINE):
                    found |= {("const", n) for n in re.findall(r"\b([A-Z][A-Z0-9_]{2,})\b", params)}
    keywords = {"void", "const", "static", "inline", "extern", "return", "if", "else", "sizeof", "struct", "union",
                "enum", "typedef", "do", "while", "for", "signed", "unsigned", "int", "char", "short", "long",
                "float", "double", "volatile"}
    found = {(k, n) for k, n in found if n.split(".")[-1] not in keywords}
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    head = ["# Names of the Ocarina of Time game API (zeldaret/oot naming), one per line: kind name.",
            "# Names only: no value, type or signature. Made by bench/oot_game_names.py from the headers",
            "# under include/ and src/, the constants and types of src/ files and the enum names of the",
            "# include/tables/ macros of zeldaret/oot",
            f"# at {commit}. An error on a listed name that the shipped headers",
            "# do not declare is the header set's gap: context-missing, not a fail (sandboxes/oot/locality.py)."]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(head + [f"{k} {n}" for k, n in sorted(found)]) + "\n")
    kinds = {k: sum(1 for kk, _ in found if kk == k) for k in ("func", "const", "type", "data", "field")}
    print(f"{len(found)} names -> {args.out}: {kinds}")


if __name__ == "__main__":
    sys.exit(main())
