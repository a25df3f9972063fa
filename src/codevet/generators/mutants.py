"""Automatic mutants of a Python answer, made with `ast` (no code runs here).

A model-written test is only worth keeping if it can tell the answer from a slightly
wrong version of it: the mutation guard (harness/synthesize.py) runs each test on these
mutants in the sandbox, and a test that fails on none of them is too weak to keep
(`assert True`, `assert f(x) == f(x)`).

Operators (each mutant changes one place, inside a function or method body; module-level
code such as example calls is left alone, since changing it tells nothing about a test):

- `flip-comparison`: `<` -> `>=`, `==` -> `!=`, `in` -> `not in`, `is` -> `is not`, ...
- `off-by-one`: an integer constant `c` -> `c + 1` and `c - 1`
- `range-bound`: the stop of `range(...)` -> `stop + 1` and `stop - 1`
- `changed-constant`: `True` <-> `False`, a string -> another string, a float -> `x + 1.0`
- `early-return`: `return None` as the function's first statement; `return <first
  argument>` (the input handed back unchanged) where the function takes one
- `swapped-operands`: `a - b` -> `b - a` for the operators where order matters
- `and-or`: `and` <-> `or`
- `arith-op`: `+` <-> `-`, `*` -> `//` where both sides are not strings we can see

Mutants whose source is the same as the answer's (after `ast.unparse`) or the same as
another mutant's are dropped, so every mutant differs. Some mutants may still be
equivalent in behaviour (no test can kill them); the mutation score counts them, so it
is a lower bound of the tests' strength.
"""
from __future__ import annotations

import ast
import copy
from dataclasses import dataclass
from itertools import zip_longest
from typing import Callable, Iterator

from codevet.core import pyast

FLIP_COMPARE: dict[type, type] = {
    ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt,
    ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}
SYMBOL = {ast.Lt: "<", ast.GtE: ">=", ast.Gt: ">", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!=",
          ast.In: "in", ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-",
          ast.Mult: "*", ast.FloorDiv: "//", ast.Div: "/", ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<",
          ast.RShift: ">>", ast.And: "and", ast.Or: "or"}
ORDERED_OPS = (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.LShift, ast.RShift)
ARITH_SWAP: dict[type, type] = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv}
OPERATORS = ("flip-comparison", "off-by-one", "range-bound", "changed-constant", "early-return",
             "swapped-operands", "and-or", "arith-op")


@dataclass(frozen=True)
class Mutant:
    operator: str  # one of OPERATORS
    line: int  # where in the answer (1-based, the answer's own numbering)
    description: str  # e.g. "line 3: `<` -> `>=`"
    code: str  # the whole mutated answer, as `ast.unparse` writes it


# An edit: given the node found at the same place in a fresh copy of the tree, change it
# in place (or return a replacement) and say what changed.
Edit = Callable[[ast.AST], tuple[ast.AST | None, str]]


def _function_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """Nodes inside function bodies (also methods, nested functions), each once, in source
    order; docstrings and annotations excluded (mutating them changes no behaviour)."""
    seen: set[int] = set()
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if id(fn) not in seen:
            seen.add(id(fn))
            yield fn
        body = fn.body
        if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
                and isinstance(body[0].value.value, str):
            body = body[1:]
        skip: set[int] = set()
        for stmt in body:
            for node in ast.walk(stmt):
                if isinstance(node, ast.JoinedStr):  # f-string pieces: unparse cannot always round-trip them
                    skip.update(id(n) for n in ast.walk(node))
                for attr in ("annotation", "returns"):
                    ann = getattr(node, attr, None)
                    if isinstance(ann, ast.AST):
                        skip.update(id(n) for n in ast.walk(ann))
            for node in ast.walk(stmt):
                if id(node) not in seen and id(node) not in skip:
                    seen.add(id(node))
                    yield node


def _edits(node: ast.AST, parents: dict[int, ast.AST]) -> Iterator[tuple[str, Edit]]:
    """The mutations that apply at `node`, as (operator, edit)."""
    if isinstance(node, ast.Compare):
        for k, op in enumerate(node.ops):
            if type(op) in FLIP_COMPARE:
                new = FLIP_COMPARE[type(op)]

                def flip(n: ast.AST, k: int = k, new: type = new) -> tuple[None, str]:
                    old = n.ops[k]
                    n.ops[k] = new()
                    return None, f"`{SYMBOL[type(old)]}` -> `{SYMBOL[new]}`"
                yield "flip-comparison", flip
    if isinstance(node, ast.Constant) and not isinstance(parents.get(id(node)), ast.JoinedStr):
        v = node.value
        if isinstance(v, bool):
            yield "changed-constant", lambda n: (ast.Constant(not n.value), f"`{n.value}` -> `{not n.value}`")
        elif isinstance(v, int):
            for delta in (1, -1):
                yield "off-by-one", lambda n, d=delta: (ast.Constant(n.value + d), f"`{n.value}` -> `{n.value + d}`")
        elif isinstance(v, float):
            yield "changed-constant", lambda n: (ast.Constant(n.value + 1.0), f"`{n.value!r}` -> `{n.value + 1.0!r}`")
        elif isinstance(v, str):
            def other(n: ast.AST) -> tuple[ast.AST, str]:
                new = "" if n.value else "codevet"
                return ast.Constant(new), f"`{n.value!r}` -> `{new!r}`"
            yield "changed-constant", other
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
            and 1 <= len(node.args) <= 3 and not node.keywords:
        stop = 0 if len(node.args) == 1 else 1
        for op in (ast.Add, ast.Sub):
            def bound(n: ast.AST, op: type = op, stop: int = stop) -> tuple[None, str]:
                before = ast.unparse(n.args[stop])
                n.args[stop] = ast.BinOp(n.args[stop], op(), ast.Constant(1))
                return None, f"range stop `{before}` -> `{ast.unparse(n.args[stop])}`"
            yield "range-bound", bound
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        def early_none(n: ast.AST) -> tuple[None, str]:
            n.body.insert(_after_docstring(n), ast.Return(ast.Constant(None)))
            return None, f"`return None` at the start of `{n.name}`"
        yield "early-return", early_none
        params = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
        if params:
            def early_first(n: ast.AST, p: str = params[0]) -> tuple[None, str]:
                n.body.insert(_after_docstring(n), ast.Return(ast.Name(p, ast.Load())))
                return None, f"`return {p}` (the first argument, unchanged) at the start of `{n.name}`"
            yield "early-return", early_first
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, ORDERED_OPS):
            def swap(n: ast.AST) -> tuple[None, str]:
                n.left, n.right = n.right, n.left
                return None, f"`{ast.unparse(n.right)} {SYMBOL[type(n.op)]} {ast.unparse(n.left)}` -> " \
                             f"`{ast.unparse(n)}`"
            yield "swapped-operands", swap
        if type(node.op) in ARITH_SWAP and not _stringy(node):
            def arith(n: ast.AST) -> tuple[None, str]:
                old = type(n.op)
                n.op = ARITH_SWAP[old]()
                return None, f"`{SYMBOL[old]}` -> `{SYMBOL[type(n.op)]}`"
            yield "arith-op", arith
    if isinstance(node, ast.AugAssign) and type(node.op) in ARITH_SWAP and not _stringy_value(node.value):
        def aug(n: ast.AST) -> tuple[None, str]:
            old = type(n.op)
            n.op = ARITH_SWAP[old]()
            return None, f"`{SYMBOL[old]}=` -> `{SYMBOL[type(n.op)]}=`"
        yield "arith-op", aug
    if isinstance(node, ast.BoolOp):
        def and_or(n: ast.AST) -> tuple[None, str]:
            old = type(n.op)
            n.op = ast.Or() if old is ast.And else ast.And()
            return None, f"`{SYMBOL[old]}` -> `{SYMBOL[type(n.op)]}`"
        yield "and-or", and_or


def _stringy_value(side: ast.AST) -> bool:
    return isinstance(side, ast.JoinedStr) or (isinstance(side, ast.Constant) and isinstance(side.value, str))


def _stringy(node: ast.BinOp) -> bool:
    """`'a' + b`: swapping `+` for `-` there only makes a TypeError, a mutant any call kills."""
    return _stringy_value(node.left) or _stringy_value(node.right)


def _after_docstring(fn: ast.AST) -> int:
    body = fn.body
    return 1 if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) \
        and isinstance(body[0].value.value, str) else 0


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}


def _replace(parent: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, new)
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = new
                    return
    raise ValueError("node not found under its parent")


def mutants(code: str, limit: int | None = None) -> list[Mutant]:
    """The answer's mutants, each different from the answer and from each other. With a
    `limit`, taken round-robin across operators (so one operator with many sites does not
    crowd out the others), in source order within an operator. An answer that does not
    parse has none."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError, RecursionError):
        return []
    original = ast.unparse(tree)
    nodes = list(_function_nodes(tree))
    parents = _parents(tree)
    index = {id(n): i for i, n in enumerate(ast.walk(tree))}
    by_operator: dict[str, list[Mutant]] = {op: [] for op in OPERATORS}
    seen = {original}
    for node in nodes:
        for operator, edit in _edits(node, parents):
            copy_tree = copy.deepcopy(tree)
            target = list(ast.walk(copy_tree))[index[id(node)]]
            copy_parents = _parents(copy_tree)
            try:
                replacement, what = edit(target)
                if replacement is not None:
                    ast.copy_location(replacement, target)
                    _replace(copy_parents[id(target)], target, replacement)
                ast.fix_missing_locations(copy_tree)
                source = ast.unparse(copy_tree)
                compile(source, "<mutant>", "exec", dont_inherit=True)  # compiles only; nothing runs
            except (ValueError, SyntaxError, TypeError, RecursionError):
                continue
            if source in seen:
                continue
            seen.add(source)
            line = getattr(node, "lineno", 0)
            by_operator[operator].append(Mutant(operator, line, f"line {line}: {what}", source))
    ordered = [m for group in zip_longest(*by_operator.values()) for m in group if m is not None]
    return ordered[:limit] if limit is not None else ordered
