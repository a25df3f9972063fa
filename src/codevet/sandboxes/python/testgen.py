"""Turn a candidate and its tests into the files of one pytest run.

Every test becomes its own `codevet_case_N` function, so pytest reports each one and the
expected count is known before anything runs. The candidate's code comes first in the
module, so its line numbers in tracebacks are its own.
"""
from __future__ import annotations

import ast
import json
import textwrap
from dataclasses import dataclass, field

from codevet.core.model import Candidate, TestCase
from codevet.sandboxes.python.given import plan_run, undefined_names
from codevet.core import pyast

MODULE = "test_candidate.py"


class BadTest(ValueError):
    """The dataset's own test cannot be run (not the candidate's fault)."""


@dataclass
class Job:
    files: dict[str, str]
    names: list[str]  # the dataset's name for codevet_case_N, by N
    mode: str  # asserts | check | stdio | call | pytest | untested
    cases_only: bool = True
    min_tests: int = 0
    meta: dict = field(default_factory=dict)

    def to_wire(self, timeout: float, wall_cap: float) -> dict:
        return {"files": self.files, "cases_only": self.cases_only, "timeout": timeout, "wall_cap": wall_cap,
                "maxfail": 1 if self.meta.get("stop_first") else 0}


def _case_fn(n: int, body: str) -> str:
    return f"\n\ndef codevet_case_{n}():\n{textwrap.indent(body.strip() or 'pass', '    ')}\n"


def _parses(code: str, what: str) -> None:
    try:
        pyast.parse(code)
    except SyntaxError as exc:
        raise BadTest(f"{what} is not valid Python: {exc.msg} (line {exc.lineno})") from exc


def build_job(candidate: Candidate, cases: list[TestCase], case_timeout: float) -> Job:
    code = candidate.code
    setup = candidate.tests.setup if candidate.tests else ""
    if not cases or all(c.kind == "run" for c in cases):
        return _untested_job(code, cases[0].input if cases else "", case_timeout)
    kinds = {c.kind for c in cases}
    if len(kinds) != 1:
        raise BadTest(f"mixed test kinds {sorted(kinds)} in one example")
    kind = kinds.pop()
    names = [c.name or f"test_{i}" for i, c in enumerate(cases)]
    if kind == "assert":
        for c in cases:
            _parses(c.code, f"test {c.name!r}")
        if setup:
            _parses(setup, "test setup code")
        module = code.rstrip("\n") + "\n\n" + setup + "\n" + "".join(_case_fn(i, c.code) for i, c in enumerate(cases))
        return Job({MODULE: module}, names, "asserts")
    if kind == "check":
        entry = candidate.tests.entry_point if candidate.tests else ""
        if not entry.isidentifier():
            raise BadTest(f"entry point {entry!r} is not a function name")
        for c in cases:
            _parses(c.code, "the test code")
        module = code.rstrip("\n") + "\n\n" + "".join(
            f"\n{c.code.rstrip()}\n" + _case_fn(i, f"check({entry})") for i, c in enumerate(cases))
        return Job({MODULE: module}, names, "check")
    if kind in ("stdio", "call"):
        data = [{"input": c.input, "output": c.output, **({"judge": c.judge} if c.judge else {})} for c in cases]
        prelude = candidate.tests.prelude if candidate.tests else ""
        head = "import codevet_support as _cv\n_CASES = _cv.load_cases()\n_PRELUDE = _cv.compile_prelude()\n"
        if kind == "stdio":
            head += "_CODE = _cv.compile_solution('solution.py')\n"
            body = "".join(_case_fn(i, f"_cv.check_stdio(_CODE, _CASES[{i}], {case_timeout!r}, _PRELUDE)") for i in range(len(cases)))
        else:
            entry = candidate.tests.entry_point if candidate.tests else ""
            head += (f"_NS = {{'__name__': 'solution'}}\n"
                     f"_FN = _cv.load_callable(_cv.compile_solution('solution.py'), {entry!r}, _PRELUDE, _NS)\n")
            body = "".join(_case_fn(i, f"_cv.check_call(_FN, _CASES[{i}], _NS)") for i in range(len(cases)))
        files = {"solution.py": code, "cases.json": json.dumps(data), MODULE: head + body}
        if prelude:
            _parses(prelude, "the dataset's harness prelude")
            files["prelude.py"] = prelude
        # A judge stops at the first failing case: formatting hundreds of failures of a
        # wrong program costs more than running them.
        return Job(files, names, kind, meta={"prelude": bool(prelude), "stop_first": True})
    if kind == "pytest":
        files = {"solution.py": code}
        total = 0
        for i, c in enumerate(cases):
            _parses(c.code, f"test file {c.name!r}")
            files[f"test_{i}_solution.py" if len(cases) > 1 else "test_solution.py"] = c.code
            total += count_test_functions(c.code)
        return Job(files, names, "pytest", cases_only=False, min_tests=max(1, total))
    raise BadTest(f"unknown test kind {kind!r}")


def _untested_job(code: str, input_text, case_timeout: float) -> Job:
    """No tests: the module runs as `__main__`, with the dataset's `input` given the way
    the code can use it (see given.py); the verdict says whether it ran to completion."""
    plan = plan_run(code, input_text if isinstance(input_text, str) else json.dumps(input_text))
    files = {"solution.py": code, "cases.json": json.dumps([{"input": plan.stdin}])}
    if plan.given:
        files["given.py"] = plan.given
    files[MODULE] = ("import codevet_support as _cv\n" + _case_fn(
        0, f"_cv.run_untested(_cv.compile_solution('solution.py'), _cv.load_cases()[0]['input'], "
           f"{case_timeout!r}, _cv.compile_given())"))
    return Job(files, ["runs"], "untested", meta={"how": plan.how, "run_timeout": case_timeout,
                                                  "undefined": undefined_names(code, plan.given)})


def count_test_functions(source: str) -> int:
    """Tests a pytest file defines at least (parametrize can only add more)."""
    tree = pyast.parse(source)
    count = 0
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            count += 1
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            count += sum(1 for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                         and n.name.startswith("test"))
    return count
