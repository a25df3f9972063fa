"""Strict checking of a request body against the SDK's own TypedDict param types: every
required key present, no key the type does not declare, every literal one the type
lists, at every depth. pydantic ignores unknown TypedDict keys, and the real API does
not, so the emulator walks the types itself."""
from __future__ import annotations

import collections.abc
import typing
from functools import lru_cache
from typing import Any

from typing_extensions import is_typeddict

_SCALARS = {str: str, int: int, float: (int, float), bool: bool}


@lru_cache(maxsize=None)
def _hints(td: type) -> dict[str, Any]:
    return typing.get_type_hints(td, include_extras=True)


def _strip(tp: Any) -> Any:
    origin = typing.get_origin(tp)
    name = getattr(origin, "_name", None) or getattr(origin, "__name__", "")
    if origin is typing.Annotated or name in ("Required", "NotRequired", "ReadOnly"):
        return _strip(typing.get_args(tp)[0])
    return tp


def check(value: Any, tp: Any, path: str = "") -> list[str]:
    """Problems with `value` as `tp`, each with its dotted path (empty when it fits)."""
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if tp is Any or tp is object:
        return []
    if tp is type(None):
        return [] if value is None else [f"{path}: expected null"]
    if origin is typing.Union or (origin is not None and str(origin) == "<class 'types.UnionType'>"):
        alts = typing.get_args(tp)
        best: list[str] | None = None
        best_rank = 1 << 30
        for alt in alts:
            problems = check(value, alt, path)
            if not problems:
                return []
            # a wrong-kind mismatch ("expected str" for a list) explains less than a deeper one
            rank = len(problems) + (100 if any(": expected " in p and p.count(".") <= path.count(".") + 1
                                              for p in problems) else 0)
            if best is None or rank < best_rank:
                best, best_rank = problems, rank
        if isinstance(value, dict) and "type" in value:
            return [f"{path}: no variant of the union takes type {value['type']!r}" + (f" ({best[0]})" if best else "")]
        return best or [f"{path}: does not fit"]
    if origin is typing.Literal:
        return [] if value in typing.get_args(tp) else [f"{path}: {value!r} is not one of {list(typing.get_args(tp))}"]
    if is_typeddict(tp):
        if not isinstance(value, dict):
            return [f"{path}: expected an object"]
        hints = _hints(tp)
        problems = [f"{path}.{k}: Extra inputs are not permitted" if path else f"{k}: Extra inputs are not permitted"
                    for k in value if k not in hints]
        problems += [f"{path}.{k}: Field required" for k in getattr(tp, "__required_keys__", ()) if k not in value]
        for k, v in value.items():
            if k in hints:
                problems += check(v, hints[k], f"{path}.{k}" if path else k)
        return problems
    if tp in _SCALARS:
        if tp in (int, float) and isinstance(value, bool):
            return [f"{path}: expected a number"]
        return [] if isinstance(value, _SCALARS[tp]) else [f"{path}: expected {tp.__name__}"]
    name = getattr(tp, "__name__", "") or getattr(origin, "__name__", "")
    if name == "SequenceNotStr":
        return [] if isinstance(value, list) and all(isinstance(x, str) for x in value) else [f"{path}: list of str"]
    if origin in (list, collections.abc.Iterable, collections.abc.Sequence, typing.Iterable, typing.Sequence):
        if not isinstance(value, list):
            return [f"{path}: expected a list"]
        (item,) = typing.get_args(tp) or (Any,)
        out: list[str] = []
        for i, v in enumerate(value):
            out += check(v, item, f"{path}.{i}")
        return out
    if origin in (dict, collections.abc.Mapping, typing.Dict) or tp in (dict,):
        return [] if isinstance(value, dict) else [f"{path}: expected an object"]
    if isinstance(tp, type):
        return [] if isinstance(value, tp) else [f"{path}: expected {tp.__name__}"]
    return []  # a typing construct this walker does not know: accept rather than guess
