"""Broken twins of real CodeAlpaca answers, per language: each answer that passes is
broken twice, mechanically, and both twins must be rejected.

  syntax      the last closing token removed (`}` in brace languages, `end` in Ruby,
              `done`/`fi` in shell, a closing tag in HTML) or SQL's SELECT misspelt
  undeclared  a call of a function nobody declares: inside the first function body for
              the compiled languages (caught by the compiler), appended as a last
              statement for the interpreted ones (caught when it runs)

    .venv/bin/python bench/polyglot_twins.py [--n 8] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.core.model import Candidate, Status  # noqa: E402
from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.generators.formats.polyglot import PolyglotAlpaca  # noqa: E402
from codevet.sandboxes import create_sandbox  # noqa: E402
from codevet.sandboxes.polyglot import missing_toolchain  # noqa: E402
from codevet.sandboxes.polyglot.toolchains import TOOLCHAINS  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "instruct" / "code_alpaca_2k.json"
BRACES = {"c", "cpp", "java", "go", "rust", "csharp", "javascript", "typescript", "php", "css"}
COMPILED = {"c", "cpp", "java", "go", "rust", "csharp", "typescript"}


def syntax_twin(language: str, code: str) -> str | None:
    if language in BRACES:
        i = code.rfind("}")
        return code[:i] + code[i + 1:] if i >= 0 else None
    if language == "ruby":
        m = list(re.finditer(r"\bend\b", code))
        return code[:m[-1].start()] + code[m[-1].end():] if m else None
    if language == "shell":
        m = list(re.finditer(r"\b(?:done|fi|esac)\b", code))
        return code[:m[-1].start()] + code[m[-1].end():] if m else None
    if language == "sql":
        return re.sub(r"\bSELECT\b", "SELEC", code, count=1, flags=re.IGNORECASE) if re.search(r"(?i)\bselect\b", code) else None
    if language == "html":
        m = list(re.finditer(r"</(div|table|ul|ol|form|span|section|nav|button|select|textarea|h[1-6])>", code))
        return code[:m[-1].start()] + code[m[-1].end():] if m else None
    return None


def undeclared_twin(language: str, code: str) -> str | None:
    call = {"go": "codevet_undeclared(1)", "php": "codevet_undeclared(1);", "ruby": "codevet_undeclared(1)",
            "shell": None, "sql": None, "html": None, "css": None}.get(language, "codevet_undeclared(1);")
    if call is None:
        return None
    if language in COMPILED:
        m = re.search(r"\)\s*(?:const\s*|throws\s+[\w.,\s]+|->\s*[\w<>&\[\]]+\s*)?\{", code)
        return code[:m.end()] + "\n" + call + "\n" + code[m.end():] if m else None
    if language == "php" and code.rstrip().endswith("?>"):
        return code.rstrip()[:-2] + "\n" + call + "\n?>\n"
    return code.rstrip() + "\n" + call + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=8, help="passing answers per language")
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    adapter = PolyglotAlpaca()
    boxes: dict = {}
    table: dict[str, dict] = {}
    for i, record in enumerate(json.loads(DATA.read_text())):
        cand = adapter.to_candidate(record, source="code_alpaca_2k", index=i)
        lang = cand.language
        blocks = cand.meta.get("blocks") or []
        if lang not in TOOLCHAINS or len(blocks) != 1 or missing_toolchain(lang):
            continue
        row = table.setdefault(lang, {"originals": 0, "syntax": [0, 0], "undeclared": [0, 0], "missed": []})
        if row["originals"] >= args.n:
            continue
        box = boxes.setdefault(lang, create_sandbox(lang, SandboxOptions(), 1))
        if box.verify(cand).status != Status.PASS:
            continue
        row["originals"] += 1
        for kind, make in (("syntax", syntax_twin), ("undeclared", undeclared_twin)):
            broken = make(lang, cand.code)
            if broken is None or broken == cand.code:
                continue
            twin = Candidate(id=f"{i}-{kind}", source="twin", language=lang, instruction=cand.instruction,
                             code=broken, meta={**cand.meta, "blocks": [{"language": lang, "code": broken}]})
            v = box.verify(twin)
            row[kind][1] += 1
            if v.status == Status.FAIL:
                row[kind][0] += 1
            else:
                row["missed"].append(f"row {i} {kind}: {v.status.value} {v.reason} {v.artifacts.get('level')}")
    print("| language | passing answers | syntax twins rejected | undeclared-name twins rejected |")
    print("|---|---:|---:|---:|")
    for lang, row in sorted(table.items()):
        s, u = row["syntax"], row["undeclared"]
        print(f"| {lang} | {row['originals']} | {s[0]}/{s[1]} | " + (f"{u[0]}/{u[1]}" if u[1] else "-") + " |")
    for lang, row in sorted(table.items()):
        for miss in row["missed"]:
            print(f"missed {lang}: {miss}")
    if args.json:
        Path(args.json).write_text(json.dumps(table, indent=2) + "\n")


if __name__ == "__main__":
    main()
