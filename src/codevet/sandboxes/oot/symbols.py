"""The link check: every function the object needs must be a real function of the game.

gcc accepts a call to a function the answer declared itself (`void Actor_FlyAway(Actor*);`)
even when no such function exists anywhere; only a link against the game's symbols
catches it. We read the object's undefined symbols and relocations (readelf) and look each
function up in a table of real OoT function names: `symbols.txt` (the functions the
shipped headers declare, plus other well-known real names), or, with a decomp checkout,
the prototypes of its headers and its linker map if it was built.

A function is "needed" when the object calls it (an R_MIPS_26 relocation: jal/j) or when
the answer writes it with parentheses (a prototype, a function pointer taken) and it is
undefined. Undefined data (asset symbols such as gFooDL) is reported, not failed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from codevet.core.resources import package_dir

HERE = package_dir(__package__)
SYMBOLS_FILE = HERE / "symbols.txt"


@lru_cache(maxsize=1)
def shipped_symbols() -> frozenset[str]:
    names: set[str] = set()
    for line in SYMBOLS_FILE.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(line.split()[0])
    return frozenset(names)


def header_functions(text: str) -> set[str]:
    """Function names declared by prototypes in C header text (not macros, not typedefs)."""
    text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.DOTALL)
    text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.MULTILINE)
    found: set[str] = set()
    for m in re.finditer(r"(?:^|(?<=[;}]))\s*((?:extern\s+|static\s+|inline\s+|const\s+|struct\s+|unsigned\s+|signed\s+)*"
                         r"[A-Za-z_]\w*[\s*]+)([A-Za-z_]\w*)\s*\(([^;{}()]|\([^()]*\))*\)\s*"
                         r"(?:__attribute__\s*\(\(.*?\)\)\s*)?;", text, flags=re.DOTALL):
        if "typedef" in m.group(1) or "static" in m.group(1):
            continue
        found.add(m.group(2))
    return found


@dataclass
class ObjectSymbols:
    defined: set[str] = field(default_factory=set)
    undefined: set[str] = field(default_factory=set)
    called: set[str] = field(default_factory=set)


def read_elf(text: str) -> ObjectSymbols:
    """Parse `readelf -W -s -r` output."""
    syms = ObjectSymbols()
    for line in text.splitlines():
        parts = line.split()
        # symbol table rows: Num: Value Size Type Bind Vis Ndx Name
        if len(parts) >= 8 and parts[0].endswith(":") and parts[0][:-1].isdigit():
            name, ndx = parts[7], parts[6]
            if ndx == "UND":
                syms.undefined.add(name)
            elif parts[3] in ("FUNC", "OBJECT", "NOTYPE"):
                syms.defined.add(name)
        # relocation rows: Offset Info Type Sym.Value Sym.Name
        elif len(parts) >= 5 and parts[2] == "R_MIPS_26":
            syms.called.add(parts[4])
    return syms


@dataclass
class LinkResult:
    missing_functions: list[str]
    unresolved_data: list[str]


def link_check(elf_text: str, table: frozenset[str] | set[str], answer_code: str) -> LinkResult:
    syms = read_elf(elf_text)
    missing: list[str] = []
    data: list[str] = []
    for name in sorted(syms.undefined):
        if name in table or name in syms.defined:
            continue
        is_function = name in syms.called or re.search(r"\b" + re.escape(name) + r"\s*\(", answer_code)
        (missing if is_function else data).append(name)
    return LinkResult(missing, data)


def decomp_symbols(root: Path) -> set[str]:
    """Real function names from a decomp checkout: its header prototypes and, if built, its map."""
    names: set[str] = set()
    for sub in ("include", "src"):
        base = root / sub
        if not base.is_dir():
            continue
        for p in base.rglob("*.h"):
            try:
                names |= header_functions(p.read_text(errors="replace"))
            except OSError:
                continue
    build = root / "build"
    if build.is_dir():
        for mp in list(build.glob("*/*.map"))[:2]:
            try:
                for m in re.finditer(r"^\s+0x[0-9a-fA-F]+\s+([A-Za-z_]\w*)\s*$", mp.read_text(errors="replace"),
                                     re.MULTILINE):
                    names.add(m.group(1))
            except OSError:
                continue
    return names
