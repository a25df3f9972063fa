"""Doctests (`>>> f(2)` then `4`) in the instruction or in the answer's docstrings, as
`assert` tests that run stdlib doctest on each docstring in the answer's namespace.

Only docstrings that call something the answer defines become tests: an instruction's
example for a function the answer named differently would fail a correct answer.
"""
from __future__ import annotations

import ast
import doctest

from codevet.core.model import TestCase, TestSpec

_FLAGS = "_doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE"


def _docstrings(code: str) -> list[tuple[str, str]]:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            doc = ast.get_docstring(node, clean=True)
            if doc and ">>>" in doc:
                found.append((getattr(node, "name", "module"), doc))
    return found


def defined_names(code: str) -> set[str]:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _called(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


def examples_in(text: str) -> list[doctest.Example]:
    try:
        return doctest.DocTestParser().get_examples(text)
    except ValueError:  # inconsistent indentation and the like: not a usable doctest
        return []


def case_code(text: str, name: str) -> str:
    """The body of one `assert` test: run `text`'s examples with the answer's globals."""
    return (
        "import doctest as _doctest\n"
        f"_runner = _doctest.DocTestRunner(optionflags={_FLAGS})\n"
        f"_test = _doctest.DocTestParser().get_doctest({text!r}, dict(globals()), {name!r}, 'docstring', 0)\n"
        "_out = []\n"
        "_runner.run(_test, out=_out.append)\n"
        "assert _runner.failures == 0, ''.join(_out)\n"
    )


def derive(instruction: str, code: str) -> TestSpec | None:
    """One `assert` test per docstring with examples that call the answer's own names."""
    names = defined_names(code)
    if not names:
        return None
    sources = [("instruction", instruction)] + _docstrings(code)
    cases = []
    for where, text in sources:
        exs = examples_in(text or "")
        if not exs or not any(ex.want.strip() for ex in exs):
            continue
        called = set().union(*(_called(ex.source) for ex in exs))
        if not called & names:
            continue
        cases.append(TestCase("assert", case_code(text, where), name=f"doctest_{where}"))
    return TestSpec(tuple(cases), origin="docstring") if cases else None

