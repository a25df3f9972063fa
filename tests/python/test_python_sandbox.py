"""The Python sandbox on real fixtures: what must pass passes, what must fail fails for
the reason its check names, and the evidence is pytest's per-test report."""
from __future__ import annotations


import pytest

from codevet.generators.candidates import read_candidates
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Status, TestCase, TestSpec
from codevet.sandboxes import create_sandbox
from conftest import FIXTURES

PY = FIXTURES / "python"


@pytest.fixture(scope="module")
def sandbox():
    # Limits count the example's own time, so load cannot reach them; every fixture but the
    # endless APPS one ends in well under a second, and that one spins for the whole limit.
    with create_sandbox("python", SandboxOptions(timeout_s=3).with_option("python.case_timeout_s", "3"), jobs=2) as sb:
        yield sb


def _verify_file(sandbox, name: str) -> list[tuple[Candidate, object]]:
    return [(c, sandbox.verify(c)) for c in read_candidates(str(PY / name))]


@pytest.mark.parametrize("name", ["mbpp_excerpt.jsonl", "humaneval_excerpt.jsonl"])
def test_real_reference_solutions_pass_with_every_test_reported(sandbox, name: str) -> None:
    for cand, verdict in _verify_file(sandbox, name):
        assert verdict.status is Status.PASS, (cand.id, verdict.reason, verdict.checks)
        expected = [t.name for t in cand.tests.cases if not t.group]
        assert [t.name for t in verdict.tests] == expected
        assert all(t.outcome == "passed" for t in verdict.tests)


@pytest.mark.parametrize("name", ["mbpp_wrong.jsonl", "humaneval_wrong.jsonl"])
def test_same_solutions_with_a_wrong_body_fail_their_tests(sandbox, name: str) -> None:
    for cand, verdict in _verify_file(sandbox, name):
        assert verdict.status is Status.FAIL and verdict.reason == "test-failed", (cand.id, verdict.reason)
        assert any(t.outcome == "failed" and t.message for t in verdict.tests)


@pytest.mark.parametrize("name", ["apps_excerpt.jsonl", "code_contests_excerpt.jsonl", "alpaca_excerpt.jsonl"])
def test_fixture_expectations(sandbox, name: str) -> None:
    for cand, verdict in _verify_file(sandbox, name):
        expect = cand.raw.get("expect")
        if expect is None and cand.format == "alpaca":
            expect = "untested"  # runs, but there is nothing to test it against
        if expect is None:
            assert verdict.status is Status.PASS, (cand.id, verdict.reason, verdict.checks)
        else:
            status = Status(cand.raw.get("expect_status", "fail"))  # error: codevet cannot decide, and says why
            assert (verdict.status, verdict.reason) == (status, expect), (cand.id, verdict.checks)
        if cand.format == "alpaca" and verdict.reason == "untested":
            assert "ran to completion" in next(c.detail for c in verdict.checks if c.name == "runs")


def test_untested_examples_pass_only_when_allowed() -> None:
    cand = next(read_candidates(str(PY / "alpaca_excerpt.jsonl")))
    with create_sandbox("python", SandboxOptions().with_option("python.allow_untested", "true"), jobs=1) as sb:
        verdict = sb.verify(cand)
    assert verdict.status is Status.PASS
    assert [c.name for c in verdict.checks if c.name == "untested"] == ["untested"]


def test_challenge_tests_run_only_when_asked() -> None:
    cand = next(c for c in read_candidates(str(PY / "mbpp_excerpt.jsonl")) if c.id == "11")
    with create_sandbox("python", SandboxOptions().with_option("python.challenge_tests", "true"), jobs=1) as sb:
        verdict = sb.verify(cand)
    assert verdict.status is Status.PASS
    assert any(t.name.startswith("challenge_") for t in verdict.tests)


def _candidate(code: str, *asserts: str, setup: str = "") -> Candidate:
    cases = tuple(TestCase("assert", a, name=f"test_{i}") for i, a in enumerate(asserts))
    return Candidate(id="t", source="test", code=code, tests=TestSpec(cases, setup=setup))


@pytest.mark.parametrize("code, asserts, reason", [
    ("def f(:\n    pass\n", ["assert f()"], "syntax-error"),
    ("", ["assert True"], "no-code"),
    ("x = undefined_name\n", ["assert True"], "collection-error"),
    ("def f():\n    return 1\n", ["assert f() == 2"], "test-failed"),
    ("def test_extra():\n    assert False\ndef f():\n    return 1\n", ["assert f() == 1"], None),
    ("import pytest\ndef f():\n    pytest.skip('later')\n", ["f()"], "tests-skipped"),
])
def test_check_reasons(sandbox, code: str, asserts: list[str], reason: str | None) -> None:
    verdict = sandbox.verify(_candidate(code, *asserts))
    assert verdict.reason == reason, verdict.checks
    assert verdict.status is (Status.PASS if reason is None else Status.FAIL)


def test_a_broken_dataset_test_is_an_error_not_a_failure(sandbox) -> None:
    verdict = sandbox.verify(_candidate("def f():\n    return 1\n", "assert f( == 1"))
    assert verdict.status is Status.ERROR and verdict.reason == "bad-test"


def test_pytest_style_tests_run_against_the_solution_module(sandbox) -> None:
    tests = "from solution import add\nimport pytest\n\n@pytest.mark.parametrize('a,b', [(1, 2), (3, 4)])\n" \
            "def test_add(a, b):\n    assert add(a, b) == a + b\n\ndef test_zero():\n    assert add(0, 0) == 0\n"
    good = Candidate(id="p", source="t", code="def add(a, b):\n    return a + b\n",
                     tests=TestSpec((TestCase("pytest", tests, name="test_solution.py"),)))
    verdict = sandbox.verify(good)
    assert verdict.status is Status.PASS and len(verdict.tests) == 3
    bad = Candidate(id="p", source="t", code="def add(a, b):\n    return a - b\n", tests=good.tests)
    assert sandbox.verify(bad).reason == "test-failed"


def test_a_five_megabyte_code_string_gets_a_verdict(sandbox) -> None:
    code = "BIG = [\n" + "    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n" * 90_000 + "]\n" \
           "def size():\n    return len(BIG)\n"
    assert len(code) > 5_000_000
    verdict = sandbox.verify(_candidate(code, "assert size() == 90000"))
    assert verdict.status is Status.PASS, verdict.checks


def test_workers_start_when_that_many_examples_run_at_once() -> None:
    """`--jobs N` is a ceiling, not N interpreters started up front: a sequential caller
    keeps getting the one warm worker back, and a second starts only while the first is busy."""
    cand = next(read_candidates(str(PY / "mbpp_excerpt.jsonl")))
    with create_sandbox("python", SandboxOptions(timeout_s=5), jobs=3) as sb:
        started = lambda: sum(w.proc is not None for w in sb.pool.workers)  # noqa: E731
        assert started() == 1
        assert all(sb.verify(cand).status is Status.PASS for _ in range(3))
        assert started() == 1
        busy = sb.pool.free.get()  # as while another example holds it
        try:
            assert sb.verify(cand).status is Status.PASS
        finally:
            sb.pool.free.put(busy)
        assert started() == 2
