"""Parameter types of the functions the shipped headers declare, for guessing the type of an
actor-struct field the answer does not show from the call it is passed to.

`Collider_SetJntSph(play, &this->collider, ...)` says more about `collider` than its name does
(conventionally a cylinder): the second parameter is a `ColliderJntSph*`, so the field is one. The
guess is still a guess (the verdict lists it as assumed), but a right one lets real code pass.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_PROTO = re.compile(r"(?:^|(?<=[;}]))\s*(?:extern\s+|const\s+|struct\s+|unsigned\s+|signed\s+)*[A-Za-z_]\w*[\s*]+"
                    r"([A-Za-z_]\w*)\s*\(((?:[^;{}()]|\([^()]*\))*)\)\s*;", re.DOTALL | re.MULTILINE)
_NOT_FIELD_TYPES = frozenset({"void", "char", "PlayState", "GlobalContext", "GraphicsContext", "Gfx"})


def _param_type(param: str) -> str | None:
    """`ColliderJntSph* jntSph` -> `ColliderJntSph`; None unless it is `T* name` with one `*`."""
    param = re.sub(r"\b(?:const|struct|volatile)\b", " ", param).strip()
    m = re.fullmatch(r"([A-Za-z_]\w*)\s*\*\s*[A-Za-z_]\w*", param)
    return m.group(1) if m else None


@lru_cache(maxsize=4)
def pointer_params(include_dir: str) -> dict[str, tuple[str | None, ...]]:
    """function -> for each parameter, the pointee type of a `T* name` parameter (else None)."""
    out: dict[str, tuple[str | None, ...]] = {}
    for p in sorted(Path(include_dir).rglob("*.h")):
        text = re.sub(r"/\*.*?\*/|//[^\n]*", " ", p.read_text(errors="replace"), flags=re.DOTALL | re.MULTILINE)
        text = re.sub(r"^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.MULTILINE)
        for m in _PROTO.finditer(text):
            if "typedef" in text[max(0, m.start() - 40):m.start(1)]:
                continue
            params = [s for s in _split_args(m.group(2))]
            out.setdefault(m.group(1), tuple(_param_type(s) for s in params))
    return out


def _split_args(text: str) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


_CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")


def field_types_from_calls(scan: str, params: dict[str, tuple[str | None, ...]]) -> dict[str, tuple[str, bool]]:
    """this->field -> (type, by address): `F(&this->f)` to a `T*` parameter gives `T f`;
    `F(this->f)` to a `T*` parameter gives a T array or pointer (by address False). With both
    for one T, the field is a T; a field calls disagree on otherwise is left out."""
    found: dict[str, tuple[str, bool]] = {}
    clash: set[str] = set()
    for m in _CALL.finditer(scan):
        types = params.get(m.group(1))
        if not types:
            continue
        depth, i = 1, m.end()
        while i < len(scan) and depth:
            depth += {"(": 1, ")": -1}.get(scan[i], 0)
            i += 1
        for arg, ptype in zip(_split_args(scan[m.end():i - 1]), types):
            if ptype is None or ptype in _NOT_FIELD_TYPES:
                continue
            a = re.fullmatch(r"(&)?\s*this\s*->\s*([A-Za-z_]\w*)", arg.strip())
            if not a:
                continue
            guess = (ptype, bool(a.group(1)))
            name = a.group(2)
            if name in found and found[name] != guess:
                if found[name][0] == ptype:  # `&this->f` and `this->f` to the same T*: f is a T,
                    found[name] = (ptype, True)  # and the call without `&` is the wrong one
                    continue
                clash.add(name)
            found.setdefault(name, guess)
    return {k: v for k, v in found.items() if k not in clash}
