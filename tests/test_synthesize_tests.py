"""`codevet verify --synthesize-tests`: tests by the model under a mutation guard.

The mutation operators are checked on their own (each makes a mutant that differs, and
none where it does not apply). The whole option runs as a user runs it: the real SDK
against the strict Messages API emulator (tests/anthropic_emulator.py), the real Python
sandbox, on 20 CodeAlpaca rows (fixtures/synthesize/code_alpaca_20.json; four answers
made wrong on purpose, `_wrong` says how) with scripted test replies
(fixtures/synthesize/model_tests.json: good tests, tautological ones, wrong expected
values)."""
from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

import pytest

from anthropic_emulator import Emulator, text_of
from conftest import FIXTURES, load_jsonl
from synth_model import ScriptedTestModel

from codevet.generators.llm.testwriter import answer_interface
from codevet.generators.mutants import OPERATORS, mutants

KEY = "sk-test-not-a-key"
ROWS = FIXTURES / "synthesize" / "code_alpaca_20.json"

# -- the mutation operators ------------------------------------------------------------

# (operator, an answer where it applies, a fragment the mutant must hold)
APPLIES = [
    ("flip-comparison", "def f(a, b):\n    return a < b\n", "a >= b"),
    ("off-by-one", "def f(a):\n    return a + 10\n", "a + 11"),
    ("range-bound", "def f(n):\n    return [i for i in range(n)]\n", "range(n - 1)"),
    ("changed-constant", "def f():\n    return True\n", "return False"),
    ("early-return", "def f(xs):\n    xs = sorted(xs)\n    return xs\n", "return None"),
    ("swapped-operands", "def f(a, b):\n    return a - b\n", "b - a"),
    ("and-or", "def f(a, b):\n    return a and b\n", "a or b"),
    ("arith-op", "def f(a, b):\n    return a * b\n", "a // b"),
]
# (operator, an answer where it does not apply)
DOES_NOT_APPLY = [
    ("flip-comparison", "def f(a, b):\n    return a + b\n"),
    ("off-by-one", "def f(a):\n    return a.strip()\n"),
    ("range-bound", "def f(xs):\n    return [x for x in xs]\n"),
    ("changed-constant", "def f(a):\n    return a * a\n"),
    ("early-return", "print(3 < 4)\n"),  # no function at all
    ("swapped-operands", "def f(a, b):\n    return a + b\n"),
    ("and-or", "def f(a, b):\n    return a < b\n"),
    ("arith-op", "def f(a, b):\n    return a < b\n"),
]


def test_every_operator_is_covered_both_ways() -> None:
    assert {op for op, *_ in APPLIES} == set(OPERATORS) == {op for op, _ in DOES_NOT_APPLY}


@pytest.mark.parametrize("operator,code,fragment", APPLIES, ids=[a[0] for a in APPLIES])
def test_operator_makes_a_mutant_that_differs(operator: str, code: str, fragment: str) -> None:
    made = [m for m in mutants(code) if m.operator == operator]
    assert made, f"no {operator} mutant of {code!r}"
    original = ast.unparse(ast.parse(code))
    for m in made:
        assert m.code != original
        compile(m.code, "<mutant>", "exec")
    assert any(fragment in m.code for m in made), [m.code for m in made]
    assert all(m.description.startswith(f"line {m.line}:") for m in made)


@pytest.mark.parametrize("operator,code", DOES_NOT_APPLY, ids=[a[0] for a in DOES_NOT_APPLY])
def test_operator_makes_nothing_where_it_does_not_apply(operator: str, code: str) -> None:
    assert [m for m in mutants(code) if m.operator == operator] == []


def test_mutants_are_distinct_and_leave_docstrings_and_module_code_alone() -> None:
    code = 'def f(n):\n    """Count 1 to 10."""\n    return n + 1\n\nprint(f(41) == 42)\n'
    made = mutants(code)
    assert len({m.code for m in made}) == len(made) > 0
    assert all("Count 1 to 10." in m.code and "print(f(41) == 42)" in m.code for m in made)
    assert mutants("def broken(:\n") == []


def test_a_limit_takes_every_operator_before_repeating_one() -> None:
    code = "def f(a, b):\n    if a < b and b < 10:\n        return a - b\n    return 0\n"
    ops = [m.operator for m in mutants(code, limit=5)]
    assert len(ops) == 5 == len(set(ops))


def test_interface_names_what_to_call_and_nothing_of_how() -> None:
    code = ('def area(w: float, h: float = 1.0) -> float:\n    """secret doc"""\n    return w * h\n\n'
            'class Stack:\n    def push(self, x):\n        self.items.append(x)\n\nprint(area(2, 3))\n')
    stub = answer_interface(code)
    assert stub == ("def area(w: float, h: float=1.0) -> float: ...\nclass Stack:\n"
                    "    def push(self, x): ...")
    assert answer_interface("print('a script')\n") == "" and answer_interface("def f(:\n") == ""


# -- the option, end to end --------------------------------------------------------------

def verify(inputs: Path, out: Path, emu: Emulator, cache_env: dict, *extra: str):
    from typer.testing import CliRunner

    from codevet.harness.cli import app

    env = {**cache_env, "ANTHROPIC_BASE_URL": emu.url, "ANTHROPIC_API_KEY": KEY}
    return CliRunner().invoke(app, ["verify", str(inputs), "--out", str(out), "--synthesize-tests", "-j", "2", "-q",
                                    *extra], env=env, catch_exceptions=False)


def answer_lines(code: str) -> list[str]:
    """The lines of an answer's code a request must not hold: all but the signatures
    the interface gives (and text the signature itself spells, like a call
    `f(a, b)` of `def f(a, b)`, and lines too short to be telling)."""
    stub = answer_interface(code)
    return [line.strip() for line in code.splitlines()
            if len(line.strip()) >= 6 and not line.strip().startswith(("def ", "class ")) and line.strip() not in stub]


@pytest.fixture(scope="module")
def twenty(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One run on the 20 rows, looked at by the tests below."""
    from codevet.generators.candidates import read_candidates

    tmp = tmp_path_factory.mktemp("synth20")
    model = ScriptedTestModel()
    with Emulator(model) as emu:
        result = verify(ROWS, tmp / "out", emu, {"CODEVET_CACHE_DIR": str(tmp / "cache")})
        requests = list(emu.requests)
        # again, on the verdicts the first run cached: the same outcome for every row
        again = verify(ROWS, tmp / "again", emu, {"CODEVET_CACHE_DIR": str(tmp / "cache")})
        sent_again = len(emu.requests) - len(requests)
    records = json.loads(ROWS.read_text())
    return {"exit": result.exit_code, "again": (again.exit_code, load_jsonl(tmp / "again" / "report.jsonl")),
            "stdout": result.stdout + result.stderr, "emu": emu, "requests": requests,
            "sent_again": sent_again, "totals_again": json.loads((tmp / "again" / "synthesis.json").read_text()),
            "report": load_jsonl(tmp / "out" / "report.jsonl"), "records": records,
            "candidates": list(read_candidates(str(ROWS))),
            "totals": json.loads((tmp / "out" / "synthesis.json").read_text())}


def row(run: dict[str, Any], source_row: int) -> dict[str, Any]:
    i = next(k for k, r in enumerate(run["records"]) if r["_source"].split("row ")[1].startswith(f"{source_row} "))
    return run["report"][i]


def test_a_second_run_on_cached_verdicts_decides_the_same(twenty: dict[str, Any]) -> None:
    code, again = twenty["again"]
    assert code == 0
    first = [(r["status"], r["reason"], r["synthesis"]["status"]) for r in twenty["report"]]
    assert [(r["status"], r["reason"], r["synthesis"]["status"]) for r in again] == first
    assert any(r["cached"] for r in again)
    # the model's replies came from the reply cache: nothing sent, nothing paid, and said so
    assert twenty["sent_again"] == 0
    totals = twenty["totals_again"]
    assert totals["requests"] == 0 and totals["cost_usd"] == 0 and totals["cached_replies"] == len(twenty["requests"])
    assert all(r["synthesis"]["cost_usd"] == 0 and r["synthesis"]["requests"] == 0 for r in again)


def test_no_cache_asks_again(tmp_path: Path, cache_env: dict) -> None:
    rows = json.loads(ROWS.read_text())[:2]  # factorial (wrong) and is_even
    path = tmp_path / "two.json"
    path.write_text(json.dumps(rows))
    with Emulator(ScriptedTestModel()) as emu:
        for run in ("a", "b"):
            assert verify(path, tmp_path / run, emu, cache_env, "--no-cache").exit_code == 0
    assert len(emu.requests) == 2 * 3  # factorial: write + recheck; is_even: write; twice


def test_every_request_is_one_the_api_accepts(twenty: dict[str, Any]) -> None:
    emu = twenty["emu"]
    assert twenty["exit"] == 0, twenty["stdout"]
    assert emu.rejections == [] and emu.violations == []
    assert all(b["output_config"]["format"]["type"] == "json_schema" and b["thinking"] == {"type": "adaptive"}
               for b in twenty["requests"])
    rechecks = [b for b in twenty["requests"] if len(b["messages"]) == 3]
    assert rechecks and all(b["messages"][1]["content"][0]["type"] == "thinking" for b in rechecks)


def test_no_request_holds_the_answers_code(twenty: dict[str, Any]) -> None:
    emu = twenty["emu"]
    checked = 0
    for cand in twenty["candidates"]:
        asked = [json.dumps(b) for b in twenty["requests"] if cand.instruction.split("\n")[0] in text_of(b["messages"][0]["content"])]
        for body in asked:
            for line in answer_lines(cand.code):
                assert json.dumps(line)[1:-1] not in body, (cand.id, line)
                checked += 1
    assert checked > 100
    # the check can fail: the interface (signatures) is there, and a body line would be seen
    first = json.dumps(twenty["requests"][0])
    assert "def " in first and "): ..." in first


def test_the_recheck_turn_never_shows_the_answers_values(twenty: dict[str, Any]) -> None:
    feedback = [text_of(b["messages"][2]["content"]) for b in twenty["requests"] if len(b["messages"]) == 3]
    assert feedback and all("its assertion was false" in f or "raised" in f for f in feedback)
    # the wrong celsius answer returns 87.77...: that value is never sent
    assert not any("87.7" in f or "where " in f for f in feedback)


WRONG = {3: "factorial", 137: "celsius", 152: "adjacent duplicates", 255: "leap year"}
PASS_WITH_MODEL_TESTS = (5, 41, 64, 149, 157, 158, 173, 195, 232, 263, 264, 267)


def test_wrong_answers_fail_on_good_model_tests(twenty: dict[str, Any]) -> None:
    for n in WRONG:
        r = row(twenty, n)
        assert (r["status"], r["reason"], r["tests_origin"]) == ("fail", "test-failed", "model"), (n, r)
        assert r["synthesis"]["status"] == "confirmed-failing" and r["synthesis"]["rounds"] == 2
    # a broken answer (its indentation lost) is caught the same way
    assert row(twenty, 239)["synthesis"]["status"] == "confirmed-failing"


def test_correct_answers_pass_on_kept_tests_with_their_score(twenty: dict[str, Any]) -> None:
    for n in PASS_WITH_MODEL_TESTS:
        r = row(twenty, n)
        assert (r["status"], r["tests_origin"]) == ("pass", "model"), (n, r)
        s = r["synthesis"]
        assert s["status"] == "tests-kept" and s["kept"] >= 1
        m = s["mutation"]
        assert 0 < m["killed"] <= m["decided"] <= m["total"] and m["score"] == round(m["killed"] / m["decided"], 4)
        assert all(t["killed"] >= 1 for t in s["tests"] if t["fate"] == "kept")


def test_tautological_tests_are_rejected_for_killing_no_mutant(twenty: dict[str, Any]) -> None:
    only_weak = row(twenty, 219)["synthesis"]  # `assert True`, `assert f(x) == f(x)`
    assert only_weak["status"] == "too-weak" and only_weak["kept"] == 0 and only_weak["rejected_too_weak"] == 2
    assert "killed no mutant" in only_weak["detail"]
    assert row(twenty, 219)["reason"] == "untested" and "tests_origin" not in row(twenty, 219)
    mixed = row(twenty, 267)["synthesis"]  # one good test, two tautological
    fates = {t["name"]: (t["fate"], t["killed"]) for t in mixed["tests"]}
    assert fates == {"four_words": ("kept", fates["four_words"][1]), "always_true": ("too-weak", 0),
                     "same_call": ("too-weak", 0)} and fates["four_words"][1] >= 1


def test_a_wrong_model_test_does_not_fail_a_right_answer_when_rechecked(twenty: dict[str, Any]) -> None:
    corrected = row(twenty, 264)["synthesis"]  # 100 C asserted as 180 F, fixed on recheck
    assert {t["name"]: t["fate"] for t in corrected["tests"]}["boiling"] == "revised"
    assert {t["name"]: t["fate"] for t in corrected["tests"]}["boiling_rechecked"] == "kept"
    withdrawn = row(twenty, 173)["synthesis"]  # 'abc' reversed asserted as 'cbaa', dropped on recheck
    assert {t["name"]: t["fate"] for t in withdrawn["tests"]}["abc"] == "withdrawn"


def test_answers_that_cannot_be_tested_keep_their_old_verdict(twenty: dict[str, Any]) -> None:
    for n in (26, 119):  # module-level demo code uses names only the record's input defines
        r = row(twenty, n)
        assert r["synthesis"]["status"] == "not-runnable" and "NameError" in r["synthesis"]["detail"]
        assert r.get("tests_origin") != "model" and r["status"] == "fail"


def test_cost_is_recorded_per_answer_and_for_the_run(twenty: dict[str, Any]) -> None:
    report, totals = twenty["report"], twenty["totals"]
    per_row = [r["synthesis"] for r in report if "synthesis" in r]
    assert len(per_row) == 20
    assert all(s["cost_usd"] > 0 and s["tokens"]["output_tokens"] > 0 for s in per_row if s["requests"])
    assert totals["requests"] == sum(s["requests"] for s in per_row) == len(twenty["requests"])
    assert totals["cost_usd"] == pytest.approx(sum(s["cost_usd"] for s in per_row), abs=1e-5)
    assert totals["tokens"]["output_tokens"] == sum(s["tokens"]["output_tokens"] for s in per_row)
    assert "model tests:" in twenty["stdout"] and f"${totals['cost_usd']:.4f}" in twenty["stdout"]


# -- which failures count against the answer -------------------------------------------------

def test_only_a_failure_in_the_answer_counts_a_failure_of_the_test_itself_does_not(tmp_path: Path,
                                                                                   cache_env: dict) -> None:
    rows = [
        {"instruction": "Write safe_div(a, b) that returns a divided by b, or None when b is 0.",
         "input": "", "output": "def safe_div(a, b):\n    return a / b\n"},
        {"instruction": "Write half(n) that returns n divided by two as a float.",
         "input": "", "output": "def half(n):\n    return n / 2\n"},
    ]
    replies = [
        {"row": 0, "instruction": rows[0]["instruction"], "tests": [
            {"name": "by_zero", "code": "assert safe_div(1, 0) is None"},
            {"name": "plain", "code": "assert safe_div(6, 3) == 2"}]},
        {"row": 1, "instruction": rows[1]["instruction"], "tests": [
            {"name": "wrong_name", "code": "assert halve(4) == 2"},  # NameError in the test itself
            {"name": "four", "code": "assert half(4) == 2.0"}]},
    ]
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(rows))
    with Emulator(ScriptedTestModel(replies)) as emu:
        result = verify(path, tmp_path / "out", emu, cache_env)
    assert result.exit_code == 0, result.stdout
    assert emu.rejections == []
    raised, misnamed = load_jsonl(tmp_path / "out" / "report.jsonl")
    # ZeroDivisionError inside the answer, re-affirmed on recheck: the answer fails
    assert raised["status"] == "fail" and raised["synthesis"]["status"] == "confirmed-failing"
    by_zero = {t["name"]: t for t in raised["synthesis"]["tests"]}["by_zero_rechecked"]
    assert by_zero["failure"].startswith("answer-raised") and "ZeroDivisionError" in by_zero["failure"]
    # NameError in the test's own code, re-affirmed: never evidence, the answer passes on the good test
    assert misnamed["status"] == "pass" and misnamed["synthesis"]["status"] == "tests-kept"
    fates = {t["name"]: (t["fate"], t.get("failure", "")) for t in misnamed["synthesis"]["tests"]}
    assert fates["wrong_name_rechecked"][0] == "dropped" and fates["wrong_name_rechecked"][1].startswith("test-raised")
    assert fates["four"][0] == "kept"


def test_synthesis_needs_a_key(tmp_path: Path, cache_env: dict) -> None:
    from typer.testing import CliRunner

    from codevet.harness.cli import app

    result = CliRunner().invoke(app, ["verify", str(ROWS), "--out", str(tmp_path / "o"), "--synthesize-tests"],
                                env={**cache_env, "ANTHROPIC_API_KEY": ""})
    assert result.exit_code == 2 and "ANTHROPIC_API_KEY" in result.stdout + result.stderr



def test_a_fault_every_request_would_get_stops_synthesis_and_exits_non_zero(tmp_path: Path, cache_env: dict) -> None:
    rows = json.loads(ROWS.read_text())[:3]
    path = tmp_path / "three.json"
    path.write_text(json.dumps(rows))
    with Emulator(ScriptedTestModel(), api_keys=frozenset({"sk-another-key"})) as emu:
        result = verify(path, tmp_path / "out", emu, cache_env)
    assert result.exit_code == 3, result.stdout
    lines = load_jsonl(tmp_path / "out" / "report.jsonl")
    assert len(lines) == 3  # every row still has its line, verified as without the option
    assert all(r["synthesis"]["status"] == "not-run" and r.get("tests_origin") != "model" for r in lines)
    assert any("api-auth" in r["synthesis"]["detail"] for r in lines)
    assert json.loads((tmp_path / "out" / "synthesis.json").read_text())["stopped"]["fatal"] is True


def test_a_budget_stops_asking_but_is_not_a_fault(tmp_path: Path, cache_env: dict) -> None:
    rows = json.loads(ROWS.read_text())[:3]
    path = tmp_path / "three.json"
    path.write_text(json.dumps(rows))
    with Emulator(ScriptedTestModel()) as emu:
        result = verify(path, tmp_path / "out", emu, cache_env, "--synth-budget-usd", "0.01")
    assert result.exit_code == 0, result.stdout
    assert emu.requests == []  # one reply could cost more than $0.01: nothing is sent
    lines = load_jsonl(tmp_path / "out" / "report.jsonl")
    assert all(r["synthesis"]["status"] == "not-run" and "budget" in r["synthesis"]["detail"] for r in lines), \
        [r["synthesis"] for r in lines]


def test_after_an_interrupt_nothing_more_is_sent_to_the_model() -> None:
    from codevet.core.model import Candidate
    from codevet.harness.synthesize import SynthesisConfig, TestSynthesizer

    class Interrupted:  # what the Verifier looks like once Ctrl-C was handled
        interrupted = True

        def verify_one(self, *a: Any, **k: Any) -> Any:
            raise AssertionError("no sandbox run after an interrupt")

    class NoModel:
        ledger = None

        def __getattr__(self, name: str) -> Any:
            raise AssertionError("no request after an interrupt")

    synth = TestSynthesizer(SynthesisConfig(), llm=NoModel())  # type: ignore[arg-type]
    cands = [Candidate(id=str(i), source="s", code=f"def f{i}(x):\n    return x + {i}\n", instruction="add")
             for i in range(5)]
    out = list(synth.prepare(iter(cands), Interrupted()))
    assert [c.id for c in out] == [c.id for c in cands] and all("synthesis" not in c.meta for c in out)


def test_a_test_that_only_catches_crashing_mutants_is_too_weak(tmp_path: Path, cache_env: dict) -> None:
    """`assert f(x) == f(x)` fails on a mutant that raises by itself (an IndexError in its
    own lines), like any call would: such a kill does not keep a test; a wrong value does."""
    from codevet.core.model import Candidate
    from codevet.harness.config import RunConfig
    from codevet.harness.synthesize import Synthesis, SynthesisConfig, TestFate, TestSynthesizer
    from codevet.harness.verifier import Verifier

    code = "def last_square(n):\n    squares = [0] * (n + 1)\n    for i in range(n + 1):\n" \
           "        squares[i] = i * i\n    return squares[n]\n"
    tests = [TestFate("self_compare", "assert last_square(3) == last_square(3)", 1),
             TestFate("value", "assert last_square(3) == 9", 1)]
    s = Synthesis()
    with Verifier(RunConfig(out=tmp_path / "o", jobs=2, cache_dir=Path(cache_env["CODEVET_CACHE_DIR"]))) as v:
        TestSynthesizer(SynthesisConfig(), llm=object())._guard(  # type: ignore[arg-type]
            Candidate(id="sq", source="t", code=code), v, s, tests)
    self_compare, value = tests
    assert self_compare.killed >= 1 and self_compare.value_kills == 0 and self_compare.fate == "too-weak"
    assert "crash by themselves" in self_compare.failure
    assert value.value_kills >= 1 and value.fate == "kept"
    assert s.mutants["score"] is not None and s.mutants["killed"] >= value.value_kills


def test_a_looping_mutant_is_not_waited_for_twice(tmp_path: Path) -> None:
    """Mutant runs keep a first timeout (a loop is a crash, never a kill by value); the
    answer's own runs keep the Verifier's run-again-alone of a timeout."""
    from codevet.core.model import Candidate, TestCase, TestSpec
    from codevet.core.options import SandboxOptions
    from codevet.harness.config import RunConfig
    from codevet.harness.verifier import Verifier

    loop = Candidate(id="loop", source="t", code="def f():\n    while True:\n        pass\n",
                     tests=TestSpec((TestCase("assert", code="assert f() is None", name="t"),), origin="model"))
    config = RunConfig(out=tmp_path / "o", jobs=1, use_cache=False, sandbox=SandboxOptions(timeout_s=1.0, python={"case_timeout_s": 1.0}))
    with Verifier(config) as v:
        once = v.verify_one(loop, filters=False, retry_timeouts=False)
        twice = v.verify_one(loop, filters=False)
    assert once.reason == twice.reason == "timeout"
    assert "retry" not in once.artifacts and "reproduced" in twice.artifacts["retry"]
