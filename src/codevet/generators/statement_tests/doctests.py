"""Doctests (`>>> f(2)` then `4`) in the instruction or in the answer's docstrings, as
`assert` tests that run stdlib doctest on each docstring in the answer's namespace.

Only docstrings that call something the answer defines become tests: an instruction's
example for a function the answer named differently would fail a correct answer.
"""
from __future__ import annotations

import ast
import doctest
import re

from codevet.core.model import TestCase, TestSpec
from codevet.core import pyast

_FLAGS = "_doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE"


def _docstrings(code: str) -> list[tuple[str, str]]:
    try:
        tree = pyast.parse(code)
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
        tree = pyast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    return {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _called(source: str) -> set[str]:
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return set()
    return {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}


def examples_in(text: str) -> list[doctest.Example]:
    try:
        return doctest.DocTestParser().get_examples(text)
    except ValueError:  # inconsistent indentation and the like: not a usable doctest
        return []


def case_code(text: str, name: str) -> str:
    """The body of one `assert` test: run `text`'s examples with the answer's globals. Output
    that differs from the expected text only in how a value is written (`"12"` for `'12'`,
    `[1,2]` for `[1, 2]`) still matches: both sides are compared as Python literals."""
    return (
        "import ast as _ast\n"
        "import doctest as _doctest\n"
        "class _Checker(_doctest.OutputChecker):\n"
        "    def check_output(self, want, got, flags):\n"
        "        if super().check_output(want, got, flags):\n"
        "            return True\n"
        "        try:\n"
        "            return _ast.literal_eval(want.strip()) == _ast.literal_eval(got.strip())\n"
        "        except Exception:\n"
        "            return False\n"
        f"_runner = _doctest.DocTestRunner(checker=_Checker(), optionflags={_FLAGS})\n"
        f"_test = _doctest.DocTestParser().get_doctest({text!r}, dict(globals()), {name!r}, 'docstring', 0)\n"
        "_out = []\n"
        "_runner.run(_test, out=_out.append)\n"
        "assert _runner.failures == 0, ''.join(_out)\n"
    )


def doctest_text(exs: list[doctest.Example]) -> str:
    """The examples written back as one doctest. `>>> f(1) == 3` with nothing expected (a
    common way of writing an example) expects `True`, as its author meant."""
    out = []
    for ex in exs:
        first, *rest = ex.source.rstrip("\n").split("\n")
        out += [f">>> {first}"] + [f"... {line}" for line in rest]
        want = ex.want
        if ex.exc_msg is not None:
            want = "Traceback (most recent call last):\n  ...\n" + ex.exc_msg
        elif not want.strip() and _is_comparison(ex.source):
            want = "True\n"
        out.append(want.rstrip("\n"))
    return "\n".join(line for line in out if line) + "\n"


def _is_comparison(source: str) -> bool:
    try:
        tree = pyast.parse(source)
    except SyntaxError:
        return False
    return len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Compare)


def derive(instruction: str, code: str) -> TestSpec | None:
    """One `assert` test per docstring with examples that call the answer's own names. An
    instruction that is itself code (a signature and docstring to complete) is read for its
    docstrings; the same docstring met twice gives one test."""
    if ">>>" not in instruction and ">>>" not in code:
        return None
    names = defined_names(code)
    if not names:
        return None
    is_code = re.search(r"^\s*(def|class)\s", instruction, re.MULTILINE) and defined_names(instruction)
    sources = _docstrings(instruction) if is_code else [("instruction", instruction)]
    sources += _docstrings(code)
    cases, seen = [], set()
    for where, text in sources:
        exs = examples_in(text or "")
        if not exs or not any(ex.want.strip() or _is_comparison(ex.source) for ex in exs):
            continue
        called = set().union(*(_called(ex.source) for ex in exs))
        body = doctest_text(exs)
        if not called & names or body in seen:
            continue
        seen.add(body)
        cases.append(TestCase("assert", case_code(body, where), name=f"doctest_{where}"))
    return TestSpec(tuple(cases), origin="docstring") if cases else None
