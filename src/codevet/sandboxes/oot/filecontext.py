"""Real file context in checkout mode, as decomp.me and the permuter give a function.

An answer that defines or changes functions of an actor that exists in the checkout is
compiled inside that actor's own file: the original `z_en_foo.c` with each of the
answer's top-level items put in place of the original item of the same name (function,
prototype, variable, `#define`, type), and the answer's new items inserted before the
first replaced one (or appended when nothing was replaced). So the file's statics,
helpers, profile and header are all there, and what the answer changed is checked
against everything else in the file. A type the answer redefines that lives in the
actor's own header is replaced there (the header is inlined for that). Loose statements
go into a wrapper function at the end of the file, where `this` is the actor's struct.

A snippet that only names an actor struct (`EnFoo* this`) or calls the actor's functions
gets the same file as context, with nothing replaced.

Every piece keeps a `#line` to its origin: the answer's lines to `answer.c`, the file's
lines to the file's real path, so diagnostics point at the right place.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from codevet.sandboxes.oot.extract import blank_comments_and_strings
from codevet.sandboxes.oot.wrap import ANSWER_FILE, CODEVET_FILE, Item, defined_types, split_items

_FUNC_DEF = re.compile(r"^[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*\{", re.MULTILINE)
_STRUCT = re.compile(r"\}\s*([A-Za-z_]\w*)\s*;")
_IDENT = re.compile(r"\b[A-Za-z_]\w*\b")


@dataclass(frozen=True)
class ActorIndex:
    """Which actor file defines which function, and which header defines which struct."""

    functions: dict[str, tuple[str, ...]]   # function name -> .c paths (relative to the checkout)
    structs: dict[str, str]                 # struct/typedef name -> header path (relative)
    files_by_header: dict[str, tuple[str, ...]]  # header path -> .c paths in its directory


@lru_cache(maxsize=4)
def actor_index(root: str) -> ActorIndex:
    base = Path(root) / "src" / "overlays"
    functions: dict[str, list[str]] = {}
    structs: dict[str, str] = {}
    by_header: dict[str, list[str]] = {}
    for c in sorted(base.rglob("*.c")) if base.is_dir() else []:
        if c.name.endswith(".inc.c"):
            continue
        rel = str(c.relative_to(root))
        try:
            text = blank_comments_and_strings(c.read_text(errors="replace"))
        except OSError:
            continue
        for m in _FUNC_DEF.finditer(text):
            functions.setdefault(m.group(1), []).append(rel)
    for h in sorted(base.rglob("*.h")) if base.is_dir() else []:
        rel = str(h.relative_to(root))
        try:
            text = blank_comments_and_strings(h.read_text(errors="replace"))
        except OSError:
            continue
        for name in _STRUCT.findall(text):
            structs.setdefault(name, rel)
        by_header[rel] = [str(c.relative_to(root)) for c in sorted(h.parent.glob("*.c"))
                          if not c.name.endswith(".inc.c")]
    return ActorIndex({k: tuple(v) for k, v in functions.items()}, structs,
                      {k: tuple(v) for k, v in by_header.items()})


def item_key(text: str, kind: str) -> tuple[str, str] | None:
    """(category, name) an item defines, for matching an answer's item to the file's."""
    body = text.strip()
    if kind == "pp":
        m = re.match(r"#\s*define\s+([A-Za-z_]\w*)", body)
        return ("define", m.group(1)) if m else None
    if kind == "type":
        names = sorted(defined_types(body))
        return ("type", names[0]) if names else None
    if kind == "func":
        m = re.match(r"[^(]*?\b([A-Za-z_]\w*)\s*\(", body.split("{", 1)[0])
        return ("func", m.group(1)) if m else None
    if kind == "decl":
        head = body.split("=", 1)[0] if "=" in body else body
        if "(" in head and "=" not in body and not re.search(r"\(\s*\*", head):
            m = re.match(r"[^(]*?\b([A-Za-z_]\w*)\s*\(", head)
            return ("proto", m.group(1)) if m else None
        names = _IDENT.findall(re.sub(r"\[[^\]]*\]", "", head))
        return ("var", names[-1]) if names else None
    return None


@dataclass
class FileContext:
    """The chosen actor file and how the answer was put into it."""

    path: str                                   # relative to the checkout
    header: str | None
    replaced: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    text: str = ""
    why: str = ""
    elided: list[str] = field(default_factory=list)   # untouched functions compiled as prototypes only
    functions: list[str] = field(default_factory=list)  # every function the file defines


def choose_file(scan: str, items: list[Item], root: str) -> tuple[str, str] | None:
    """(actor .c path, why) for an answer, or None when it touches no actor of the checkout."""
    index = actor_index(root)
    defined: dict[str, int] = {}
    for it in items:
        key = item_key(scan[it.start:it.end], it.kind)
        if key and key[0] == "func":
            for path in index.functions.get(key[1], ()):
                defined[path] = defined.get(path, 0) + 1
    if defined:
        path = max(sorted(defined), key=lambda p: defined[p])
        return path, f"defines {defined[path]} function(s) of it"
    idents = set(_IDENT.findall(scan))
    for name in sorted(idents):
        header = index.structs.get(name)
        if header and index.files_by_header.get(header):
            return index.files_by_header[header][0], f"names its struct {name}"
    used: dict[str, int] = {}
    for name in idents:
        for path in index.functions.get(name, ()):
            used[path] = used.get(path, 0) + 1
    if used:
        path = max(sorted(used), key=lambda p: used[p])
        return path, f"uses {used[path]} of its function(s)"
    return None


def _line_directive(line: int, file: str) -> str:
    return f'#line {line} "{file}"\n'


def splice(root: str, rel_path: str, code: str, scan: str, items: list[Item], stmts_wrapper: str,
           why: str = "", elide: bool = True) -> FileContext:
    """The translation unit: the actor file with the answer's items in place of the originals.

    With `elide`, when the answer changes only functions (nothing shared: no type, variable,
    macro or prototype of the file), the file's untouched functions are given as prototypes
    only: they cannot be affected by the answer, and not generating their code is most of the
    compile time of a big file."""
    path = Path(root) / rel_path
    original = path.read_text(errors="replace")
    o_scan = blank_comments_and_strings(original)
    o_items = split_items(o_scan)
    real = os.path.realpath(path)
    o_keys = [item_key(o_scan[it.start:it.end], it.kind) for it in o_items]
    position = {k: i for i, k in enumerate(o_keys) if k is not None}

    # the actor's own header, inlined only when the answer redefines one of its types
    header_rel: str | None = None
    header_text = ""
    header_items: list[Item] = []
    header_keys: dict[tuple[str, str], int] = {}
    include_idx: int | None = None
    for i, it in enumerate(o_items):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', original[it.start:it.end])
        if m and m.group(1).endswith(".h") and (path.parent / m.group(1)).is_file() and "/" not in m.group(1):
            header_rel = str((path.parent / m.group(1)).relative_to(root))
            include_idx = i
            break
    answer_types = {item_key(scan[it.start:it.end], it.kind) for it in items if it.kind == "type"}
    if header_rel and any(k for k in answer_types if k and k not in position):
        header_text = (Path(root) / header_rel).read_text(errors="replace")
        h_scan = blank_comments_and_strings(header_text)
        header_items = split_items(h_scan)
        header_keys = {k: i for i, it in enumerate(header_items)
                       if (k := item_key(h_scan[it.start:it.end], it.kind)) is not None and k[0] == "type"}

    ctx = FileContext(rel_path, header_rel, why=why)
    replace: dict[int, Item] = {}
    replace_header: dict[int, Item] = {}
    new_items: list[Item] = []
    for it in items:
        if it.kind == "stmt":
            continue
        key = item_key(scan[it.start:it.end], it.kind)
        if key is not None and key in position and position[key] not in replace:
            replace[position[key]] = it
            if key[1] not in ctx.replaced:
                ctx.replaced.append(key[1])
        elif key is not None and key in header_keys and header_keys[key] not in replace_header:
            replace_header[header_keys[key]] = it
            ctx.replaced.append(key[1])
        else:
            new_items.append(it)
            if key is not None:
                ctx.added.append(key[1])
    insert_at = min(replace) if replace else len(o_items)
    only_functions = all(item_key(scan[it.start:it.end], it.kind) is None
                         or item_key(scan[it.start:it.end], it.kind)[0] == "func"  # type: ignore[index]
                         for it in items if it.kind != "stmt" and it.kind != "pp") and not replace_header
    ctx.functions = [k[1] for k in o_keys if k is not None and k[0] == "func"]

    def answer_piece(it: Item) -> str:
        return _line_directive(it.line, ANSWER_FILE) + code[it.start:it.end] + "\n"

    def file_piece(text: str, it: Item, file: str) -> str:
        line = text.count("\n", 0, it.start) + 1
        return _line_directive(line, file) + text[it.start:it.end] + "\n"

    out: list[str] = []
    for i, it in enumerate(o_items):
        if i == insert_at:
            out.extend(answer_piece(n) for n in new_items)
        if i in replace:
            out.append(answer_piece(replace[i]))
        elif elide and only_functions and it.kind == "func" and o_keys[i] is not None:
            head = original[it.start:it.end].split("{", 1)[0].rstrip()
            line = original.count("\n", 0, it.start) + 1
            out.append(_line_directive(line, real) + head + ";\n")
            ctx.elided.append(o_keys[i][1])  # type: ignore[index]
        elif i == include_idx and replace_header:
            real_h = os.path.realpath(Path(root) / header_rel) if header_rel else ""
            for j, h_it in enumerate(header_items):
                out.append(answer_piece(replace_header[j]) if j in replace_header
                           else file_piece(header_text, h_it, real_h))
        else:
            out.append(file_piece(original, it, real))
    if insert_at == len(o_items):
        out.extend(answer_piece(n) for n in new_items)
    if stmts_wrapper:
        out.append(stmts_wrapper)
    ctx.text = "".join(out)
    return ctx


def actor_struct(root: str, rel_path: str) -> str | None:
    """The actor struct of a file's directory header (the one with `Actor actor;` or a DynaPolyActor)."""
    index = actor_index(root)
    folder = str(Path(rel_path).parent)
    for name, header in sorted(index.structs.items()):
        if str(Path(header).parent) == folder:
            text = blank_comments_and_strings((Path(root) / header).read_text(errors="replace"))
            if re.search(r"\b(?:Actor|DynaPolyActor)\s+(?:actor|dyna)\s*;[^}]*\}\s*" + re.escape(name) + r"\s*;", text):
                return name
    return None


__all__ = ["ActorIndex", "FileContext", "actor_index", "actor_struct", "choose_file", "item_key", "splice",
           "CODEVET_FILE"]
