"""How an untested answer is run: what its dataset's `input` field becomes, and whether
the answer is code at all. Host side, from the syntax tree only (nothing runs here).

Instruction sets put the values an answer works on in `input`: Python assignments
(`numbers = [5, 2, 9]`), a bare value the code refers to by a name it never defines
(`[8, 6, 5]` for a loop over `arr`), or text a program reads on stdin. Given the wrong
way, a correct answer dies of a NameError or an EOFError; so the input is given the way
the code can use it, and the report says which.
"""
from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass

from codevet.core import pyast

_BUILTINS = frozenset(dir(builtins)) | {"__name__", "__file__", "__doc__", "__builtins__", "__spec__"}
_LITERAL_NODES = (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.BinOp, ast.Name,
                  ast.Load, ast.USub, ast.UAdd, ast.Sub, ast.Add, ast.Mult, ast.Div, ast.Mod, ast.Pow,
                  ast.FloorDiv, ast.BitOr, ast.BitAnd, ast.BitXor, ast.Invert, ast.Not, ast.JoinedStr,
                  ast.FormattedValue, ast.Attribute, ast.Subscript, ast.Slice, ast.Compare, ast.BoolOp,
                  ast.And, ast.Or, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot,
                  ast.In, ast.NotIn, ast.MatMult, ast.LShift, ast.RShift, ast.Starred)


@dataclass(frozen=True)
class RunPlan:
    """`given` runs first in the module's namespace (assignments), `stdin` is its input."""

    given: str
    stdin: str
    how: str  # for the report: how the input field reached the code


def _parse(text: str) -> ast.Module | None:
    try:
        return pyast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def _is_value(node: ast.AST) -> bool:
    """An expression with no calls, lambdas, comprehensions or awaits: data, not code."""
    return all(isinstance(n, _LITERAL_NODES) for n in ast.walk(node))


def is_bare_value(code: str) -> bool:
    """The whole answer is a value or a phrase that happens to parse (`7`, `[8, 6, 5]`,
    `555-1234`, `Hello`): nothing in it does anything."""
    tree = _parse(code)
    if tree is None or not tree.body:
        return False
    return all(isinstance(s, ast.Expr) and _is_value(s.value) for s in tree.body)


def has_star_import(code: str) -> bool:
    tree = _parse(code)
    return tree is not None and any(isinstance(n, ast.ImportFrom) and any(a.name == "*" for a in n.names)
                                    for n in ast.walk(tree))


def undefined_names(code: str, given: str = "") -> list[str]:
    """Names the code uses that nothing defines - not the code, not the given input, not
    the builtins (`re.findall` with no `import re`): a function using one fails whenever
    it is called, even if the module itself runs. Unknowable after a star import."""
    if has_star_import(code):
        return []
    defined = set(free_names_bound(given)) if given else set()
    return [n for n in free_names(code) if n not in defined]


def free_names_bound(code: str) -> list[str]:
    """Names that top-level assignments of `code` bind."""
    tree = _parse(code)
    if tree is None:
        return []
    return [t.id for s in tree.body if isinstance(s, (ast.Assign, ast.AnnAssign))
            for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
            for t in ([t] if isinstance(t, ast.Name) else getattr(t, "elts", [])) if isinstance(t, ast.Name)]


def free_names(code: str) -> list[str]:
    """Names the code reads but never binds anywhere (scopes flattened: a rough but safe
    approximation, since only these names are ever given values), in order of first use."""
    tree = _parse(code)
    if tree is None:
        return []
    bound: set[str] = set()
    loaded: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                loaded.append(node.id)
            else:
                bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            pass
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
    seen: list[str] = []
    for name in loaded:
        if name not in bound and name not in _BUILTINS and name not in seen:
            seen.append(name)
    return seen


def _literal(node: ast.AST) -> bool:
    """A constant the input gives (`[1, 2]`, `'abc'`, `{'a': 1}`), not an expression of the
    question's own code (`result = x / y` is code to fix, not data to give)."""
    try:
        ast.literal_eval(node)
        return True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False


def _only_assignments(tree: ast.Module) -> bool:
    return bool(tree.body) and all(
        isinstance(s, (ast.Assign, ast.AnnAssign)) and s.value is not None and _literal(s.value) for s in tree.body)


def plan_run(code: str, input_text: str) -> RunPlan:
    text = (input_text or "").strip("\n")
    if not text.strip():
        return RunPlan("", "", "run as __main__ with empty stdin (no input given)")
    stdin = text + "\n"
    tree = _parse(text)
    if tree is not None and _only_assignments(tree):
        names = sorted({t.id for s in tree.body for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
                        if isinstance(t, ast.Name)})
        return RunPlan(text + "\n", stdin, f"input given as the variables it assigns ({', '.join(names)}); also on stdin")
    free = free_names(code)
    if tree is not None and free and len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) \
            and _literal(tree.body[0].value):
        value = tree.body[0].value
        if len(free) == 1:
            return RunPlan(f"{free[0]} = {text.strip()}\n", stdin,
                           f"input given as the value of {free[0]}, the name the code uses but never defines; also on stdin")
        if isinstance(value, ast.Tuple) and len(value.elts) == len(free):
            parts = ", ".join(free)
            return RunPlan(f"{parts} = {text.strip()}\n", stdin,
                           f"input given as the values of {parts}, the names the code uses but never defines; also on stdin")
    return RunPlan("", stdin, "run as __main__ with the input field on stdin")
