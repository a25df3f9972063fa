"""`--synthesize-tests`: tests by the model for untested Python answers, under a mutation guard.

For an untested Python answer that defines something callable, the model writes tests
from the instruction and the answer's interface, never its code (generators/llm/
testwriter.py). Then, in the sandbox, through the same Verifier as every candidate:

1. The tests run on the answer. Each test's outcome is read on its own.
2. Tests that failed get ONE recheck turn (KodCode-style sandbox feedback, but see below):
   the model is told which test failed and how (false assertion, exception in the answer,
   exception in the test), never what the answer returned, and re-derives each from the
   instruction: keep, fix or drop. The rechecked tests run on the answer again.
3. Mutation guard: every test that passes on the answer runs on automatic mutants of the
   answer (generators/mutants.py: flipped comparison, off-by-one, range bound, changed
   constant, early return, swapped operands, and/or, arithmetic operator). A test that
   fails on no mutant is too weak (`assert True`, `assert f(x) == f(x)`) and rejected.
   A kill counts for keeping a test only when the test caught the mutant by its value (a
   false assertion, or the test's own code failing on what the mutant returned; the test
   already passed on the answer, so its calls fit): a mutant that raises or loops in its
   own lines fails every test that calls it, `assert f(x) == f(x)` included.
   The mutation score is mutants killed by the kept tests / mutants that ran (a mutant
   whose module cannot even be imported under test is counted apart, as `undecided`).

When the answer is judged on model tests, and how:
- `pass`, tests_origin "model": the kept tests (each passed on the answer and killed at
  least one mutant) all pass, and no test was confirmed against the answer.
- `fail`, tests_origin "model": a CONFIRMED failing test. A model test can be wrong, so
  one failure is not enough: a test counts against the answer only when it failed in the
  first round, the model, told only that it failed (not the answer's value), re-derived
  it from the instruction and kept it, and the rechecked test fails again with a false
  assertion or an exception raised inside the answer's own code. A test that fails by
  raising in its own code (a call that does not fit the interface), times out, or that
  the model drops or does not recheck, never counts against the answer.
- otherwise the model's tests are set aside (too weak, none written, the answer cannot be
  imported under test, the model could not be asked) and the answer is verified exactly
  as without this option (`untested`); the report says why in `synthesis`.
Known risk: a model that re-derives the same wrong value twice makes a correct answer
`fail`; the report names the test so it can be read.

How this differs from the references:
- KodCode writes a solution and its tests together and, when they fail, retries the
  generation with the sandbox's feedback: a failure means "try again", the question is
  dropped after n trials, and the tests are never used to judge a fixed answer. Here the
  answer is fixed (it is the data being vetted), only the tests are retried, once, and
  the feedback hides the answer's output so that a retry cannot copy it.
- SelfCodeAlign has the model write a response and its tests together, executes them,
  and keeps the pairs that pass: tests written with the code tend to agree with the
  code, and nothing checks that a test can fail. Here the tests are written without the
  code, and a test must kill a mutant to count.
"""
from __future__ import annotations

import re
import threading
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, Field

from codevet.core.model import Candidate, Status, TestCase, TestSpec, Verdict
from codevet.generators.llm.client import (DEFAULT_MAX_TOKENS, DEFAULT_MODEL, Ledger, LLMClient, ParseFailed,
                                           Reply, ReplyFailed, StopRun)
from codevet.generators.llm.pricing import load_prices, price_for
from codevet.generators.llm.testwriter import ModelTest, TestWriter, answer_interface
from codevet.generators.mutants import mutants
from codevet.harness.reply_cache import ReplyCache
from codevet.core import pyast

ORIGIN = "model"
_FRAME = re.compile(r"test_candidate\.py:(\d+)")
_EXC = re.compile(r"^(?:E\s+)?([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt))\b(?::\s*(.*))?$")


class SynthesisConfig(BaseModel):
    model: str = DEFAULT_MODEL
    max_mutants: int = Field(12, ge=1, description="mutants per answer (round-robin over operators)")
    concurrency: int = Field(4, ge=1, description="answers being synthesized at once")
    budget_usd: float | None = Field(None, gt=0)
    max_tokens: int = Field(DEFAULT_MAX_TOKENS, ge=1024)
    max_retries: int = Field(4, ge=0)
    prices: Path | None = None


def untested_python(candidate: Candidate) -> bool:
    """What the option is for: a Python answer with no tests of its own (at most the
    record's input to run it with)."""
    return (candidate.language == "python" and not candidate.error and bool(candidate.code.strip())
            and (candidate.tests is None or all(c.kind == "run" for c in candidate.tests.cases)))


def failure_kind(message: str, answer_lines: int) -> tuple[str, str]:
    """(kind, exception type) of a failed test, from its traceback. `assertion`: the
    test's assertion was false; `answer-raised`: the exception came from inside the
    answer's code (its lines come first in the test module); `test-raised`: the test's
    own code raised (a name or a call that does not fit); `timeout`."""
    if "TimeLimitExceeded" in message or "Timeout" in message:
        return "timeout", "timeout"
    exc = ""
    for line in reversed(message.strip().splitlines()):
        m = _EXC.match(line.strip())
        if m:
            exc = m.group(1).rsplit(".", 1)[-1]
            break
    frames = [int(n) for n in _FRAME.findall(message)]
    deepest = frames[-1] if frames else None
    if deepest is not None and deepest <= answer_lines:
        return "answer-raised", exc or "an exception"
    if exc in ("", "AssertionError") or re.search(r"^E\s+assert\b", message, re.M):
        return "assertion", "AssertionError"
    return "test-raised", exc


@dataclass
class TestFate:
    __test__ = False
    name: str
    code: str
    round: int
    fate: str = "pending"  # kept | too-weak | confirmed-failing | dropped | withdrawn | not-python
    failure: str = ""  # how it failed on the answer (first round, or after recheck)
    killed: int = 0  # mutants it failed on, any way
    value_kills: int = 0  # of which by a wrong value (not the mutant crashing by itself)

    def summary(self) -> dict[str, Any]:
        out = {"name": self.name, "round": self.round, "fate": self.fate, "killed": self.killed,
               "killed_by_value": self.value_kills}
        if self.failure:
            out["failure"] = self.failure
        return out


@dataclass
class Synthesis:
    """What happened to one answer: the `synthesis` field of its report line."""

    status: str = "not-run"  # tests-kept | confirmed-failing | too-weak | no-interface | not-runnable | model-error | not-run
    detail: str = ""
    model: str = ""
    rounds: int = 0
    tests: list[TestFate] = field(default_factory=list)
    mutants: dict[str, Any] = field(default_factory=dict)
    usage: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Tokens and dollars of the requests sent now; a reply read from the reply cache
        (an earlier run paid for it) counts in `cached_replies` only."""
        tokens: Counter[str] = Counter()
        sent = [u for u in self.usage if not u.get("cached")]
        for u in sent:
            tokens.update({k: v for k, v in u.items() if k not in ("cost_usd", "cached")})
        return {"status": self.status, "detail": self.detail, "origin": ORIGIN, "model": self.model,
                "rounds": self.rounds, "written": sum(1 for t in self.tests if t.round == 1),
                "kept": sum(1 for t in self.tests if t.fate == "kept"),
                "rejected_too_weak": sum(1 for t in self.tests if t.fate == "too-weak"),
                "confirmed_failing": sum(1 for t in self.tests if t.fate == "confirmed-failing"),
                "tests": [t.summary() for t in self.tests], "mutation": self.mutants,
                "requests": len(sent), "cached_replies": len(self.usage) - len(sent), "tokens": dict(tokens),
                "cost_usd": round(sum(u.get("cost_usd", 0.0) for u in self.usage), 6)}


def _name(raw: str, taken: set[str]) -> str:
    base = re.sub(r"\W+", "_", raw.strip()).strip("_")[:60] or "test"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _parses(code: str) -> bool:
    try:
        pyast.parse(code)
    except (SyntaxError, ValueError, RecursionError):
        return False
    return True


class TestSynthesizer:
    """Writes, rechecks and guards model tests; `prepare` turns a candidate stream into
    the same stream with model tests on the untested Python answers that earned them."""

    __test__ = False

    def __init__(self, config: SynthesisConfig, llm: LLMClient | None = None, cache_dir: Path | None = None) -> None:
        self.config = config
        if llm is None:
            ledger = Ledger(price_for(config.model, load_prices(config.prices)), config.budget_usd)
            llm = LLMClient(config.model, ledger, config.max_tokens, config.max_retries)
        self.llm = llm
        self.writer = TestWriter(llm, ReplyCache(cache_dir) if cache_dir is not None else None)
        self.stopped: StopRun | None = None
        self.counts: Counter[str] = Counter()
        self.cached_replies = 0
        self._lock = threading.Lock()

    def totals(self) -> dict[str, Any]:
        """The run's synthesis figures: answers by status, requests, tokens, dollars."""
        ledger = self.llm.ledger
        return {"model": self.config.model, "answers": dict(self.counts), "requests": ledger.requests,
                "cached_replies": self.cached_replies,
                "tokens": dict(ledger.tokens), "cost_usd": round(ledger.cost, 6), "budget_usd": self.config.budget_usd,
                "stopped": ({"reason": self.stopped.reason, "detail": str(self.stopped), "fatal": self.stopped.fatal}
                            if self.stopped else None)}

    def report(self, out: Path, console: Any) -> bool:
        """Write DIR/synthesis.json and print the figures; True when a fault every request
        would get (credentials, unknown model, spend limit) stopped synthesis."""
        import json

        totals = self.totals()
        (out / "synthesis.json").write_text(json.dumps(totals, indent=2) + "\n")
        answers = ", ".join(f"{k} {v}" for k, v in sorted(totals["answers"].items())) or "no untested Python answers"
        t = totals["tokens"]
        console.print(f"model tests: {answers}; {totals['requests']} requests ({totals['cached_replies']} replies "
                      f"from the reply cache), {t['input_tokens']} in / "
                      f"{t['output_tokens']} out tokens, ${totals['cost_usd']:.4f}  ({out / 'synthesis.json'})")
        if self.stopped is not None:
            console.print(f"[{'red' if self.stopped.fatal else 'yellow'}]test synthesis stopped "
                          f"({self.stopped.reason}):[/] {self.stopped}")
        return bool(self.stopped and self.stopped.fatal)

    # -- the stream -----------------------------------------------------------------------
    def prepare(self, stream: Iterator[Candidate], verifier: Any) -> Iterator[Candidate]:
        """The candidates in order, model tests added where kept; a few answers are
        synthesized at once (the model is slow, the sandbox is not)."""
        window: deque = deque()
        with ThreadPoolExecutor(self.config.concurrency, thread_name_prefix="codevet-synth") as pool:
            for candidate in stream:
                if getattr(verifier, "interrupted", False):
                    # Ctrl-C: the Verifier drains the stream to report the rest as
                    # interrupted; nothing more is sent to the model for them.
                    while window:
                        yield window.popleft().result()
                    yield candidate
                    continue
                window.append(pool.submit(self.synthesize, candidate, verifier))
                while len(window) > 2 * self.config.concurrency:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

    def synthesize(self, candidate: Candidate, verifier: Any) -> Candidate:
        if not untested_python(candidate) or getattr(verifier, "interrupted", False):
            return candidate
        s = Synthesis(model=self.config.model)
        try:
            out = self._synthesize(candidate, verifier, s)
        except StopRun as exc:
            with self._lock:
                self.stopped = self.stopped or exc
            s.status, s.detail = "not-run", f"{exc.reason}: {exc}"
            out = candidate
        except Exception as exc:  # one odd answer never stops the run
            s.status, s.detail = "not-run", f"{type(exc).__name__}: {exc}"[:500]
            out = candidate
        with self._lock:
            self.counts[s.status] += 1
            self.cached_replies += sum(1 for u in s.usage if u.get("cached"))
        out = replace(out, meta={**out.meta, "synthesis": s.to_dict()})
        return out

    def _synthesize(self, candidate: Candidate, verifier: Any, s: Synthesis) -> Candidate:
        if self.stopped is not None:
            s.detail = f"synthesis stopped earlier in this run: {self.stopped.reason}"
            return candidate
        interface = answer_interface(candidate.code)
        if not interface:
            s.status, s.detail = "no-interface", "the answer defines no top-level function or class for tests to call"
            return candidate
        try:
            reply, conversation = self.writer.write(candidate.instruction, interface)
        except (ParseFailed, ReplyFailed) as exc:
            s.status, s.detail = "model-error", str(exc)[:500]
            return candidate
        s.rounds, taken = 1, set()
        s.usage.append(reply.usage)
        first = self._fates(reply.data.tests, 1, taken, s)
        answer_lines = len(candidate.code.splitlines())
        outcomes = self._run(candidate, candidate.code, first, verifier)
        if isinstance(outcomes, str):
            s.status, s.detail = "not-runnable", outcomes
            return candidate
        failing = self._judge_round(first, outcomes, answer_lines)

        confirmed: list[TestFate] = []
        if failing:
            confirmed = self._recheck(candidate, verifier, s, conversation, reply, failing, taken, answer_lines)
        passing = [t for t in s.tests if t.fate == "passed"]
        self._guard(candidate, verifier, s, passing)
        kept = [t for t in s.tests if t.fate == "kept"]
        if confirmed:
            s.status = "confirmed-failing"
            s.detail = (f"{len(confirmed)} test(s) failed on the answer and again after the model re-derived them "
                        f"from the instruction: {', '.join(t.name for t in confirmed)}")
        elif kept:
            s.status = "tests-kept"
            fates = Counter(t.fate for t in s.tests if t.fate != "kept")
            s.detail = f"{len(kept)} test(s) kept: each passed on the answer and killed a mutant" + (
                f"; not kept: {', '.join(f'{n} {f}' for f, n in sorted(fates.items()))}" if fates else "")
        else:
            s.status = "too-weak"
            weak = [t.name for t in s.tests if t.fate == "too-weak"]
            s.detail = ("no test kept: " + (f"{', '.join(weak)} killed no mutant" if weak else
                                            "none passed on the answer") +
                        ("" if s.mutants.get("total") else " (no mutant could be made of this answer)"))
            return candidate
        cases = tuple(TestCase("assert", code=t.code, name=t.name) for t in kept + confirmed)
        return replace(candidate, tests=TestSpec(cases, origin=ORIGIN))

    # -- steps ----------------------------------------------------------------------------
    @staticmethod
    def _fates(tests: list[ModelTest], round_no: int, taken: set[str], s: Synthesis) -> list[TestFate]:
        fates = []
        for t in tests:
            fate = TestFate(_name(t.name, taken), t.code, round_no)
            if not t.code.strip() or not _parses(t.code):
                fate.fate, fate.failure = "not-python", "the test is not valid Python"
            s.tests.append(fate)
            fates.append(fate)
        return [f for f in fates if f.fate == "pending"]

    def _run(self, candidate: Candidate, code: str, tests: list[TestFate], verifier: Any, mutant: bool = False
             ) -> dict[str, tuple[str, str]] | str:
        """name -> (outcome, message) of each test on `code`, or why the tests could not
        run at all (the answer did not import under test, the sandbox failed)."""
        if not tests:
            return {}
        cases = tuple(TestCase("assert", code=t.code, name=t.name) for t in tests)
        probe = replace(candidate, id=f"{candidate.id}~synth", code=code, tests=TestSpec(cases, origin=ORIGIN),
                        meta={}, raw=None, raw_text=None)
        # A mutant that loops times out: that is a crash, never a kill by value, so it is not
        # waited for twice (the answer's own runs keep the Verifier's retry of a timeout).
        verdict: Verdict = verifier.verify_one(probe, filters=False, retry_timeouts=not mutant)
        if verdict.status is Status.ERROR:
            return f"the sandbox could not run the tests: {verdict.reason}"
        imports = next((c for c in verdict.checks if c.name == "imports"), None)
        if imports is not None and not imports.passed:
            return f"the answer does not import under test: {imports.detail}"
        # By position: a cached verdict of the same code and test bodies carries the names
        # of the run that cached it (names are not part of the cache key), in the same order.
        if len(verdict.tests) == len(tests):
            return {t.name: (r.outcome, r.message) for t, r in zip(tests, verdict.tests)}
        return {r.name: (r.outcome, r.message) for r in verdict.tests}

    @staticmethod
    def _judge_round(tests: list[TestFate], outcomes: dict[str, tuple[str, str]], answer_lines: int
                     ) -> list[TestFate]:
        failing = []
        for t in tests:
            outcome, message = outcomes.get(t.name, ("missing", ""))
            if outcome == "passed":
                t.fate = "passed"
                continue
            kind, exc = failure_kind(message, answer_lines) if outcome in ("failed", "error") \
                else (outcome, outcome)
            t.failure = f"{kind} ({exc})" if exc and exc != kind else kind
            t.fate = "failed"
            failing.append(t)
        return failing

    def _recheck(self, candidate: Candidate, verifier: Any, s: Synthesis, conversation: list[dict[str, Any]],
                 reply: Reply, failing: list[TestFate], taken: set[str], answer_lines: int) -> list[TestFate]:
        """One recheck turn for the failing tests; returns the confirmed failing ones."""
        feedback = "\n\n".join(_feedback(t) for t in failing)
        try:
            again, _ = self.writer.recheck(conversation, reply, feedback)
        except (ParseFailed, ReplyFailed) as exc:
            for t in failing:
                t.fate = "dropped"
                t.failure += f"; not rechecked ({str(exc)[:200]})"
            return []
        s.rounds = 2
        s.usage.append(again.usage)
        by_name = {t.name: t for t in failing}
        rechecked: list[TestFate] = []
        for t in again.data.tests:
            old = by_name.pop(re.sub(r"\W+", "_", t.name.strip()).strip("_"), None)
            if old is None:  # a new test the recheck was not asked for: not rechecked, not used
                continue
            old.fate = "revised"
            fate = TestFate(_name(old.name + "_rechecked", taken), t.code, 2)
            s.tests.append(fate)
            if _parses(t.code) and t.code.strip():
                rechecked.append(fate)
            else:
                fate.fate, fate.failure = "not-python", "the test is not valid Python"
        for t in by_name.values():
            t.fate = "withdrawn"
        outcomes = self._run(candidate, candidate.code, rechecked, verifier)
        if isinstance(outcomes, str):
            for t in rechecked:
                t.fate, t.failure = "dropped", outcomes
            return []
        confirmed = []
        for t in self._judge_round(rechecked, outcomes, answer_lines):
            if t.failure.startswith(("assertion", "answer-raised")):
                t.fate = "confirmed-failing"
                confirmed.append(t)
            else:
                t.fate = "dropped"
        return confirmed

    def _guard(self, candidate: Candidate, verifier: Any, s: Synthesis, passing: list[TestFate]) -> None:
        """Run the passing tests on every mutant; keep a test when it kills at least one."""
        made = mutants(candidate.code, self.config.max_mutants)
        s.mutants = {"total": len(made), "killed": 0, "score": None, "survived": [], "undecided": 0,
                     "by_operator": {}}
        if not passing:
            return
        if not made:
            for t in passing:
                t.fate, t.failure = "too-weak", "no mutant could be made of the answer, so no test can show strength"
            return
        with ThreadPoolExecutor(max(1, min(len(made), 4)), thread_name_prefix="codevet-mutant") as pool:
            results = list(pool.map(lambda m: (m, self._run(candidate, m.code, passing, verifier, mutant=True)),
                                    made))
        decided = [(m, o) for m, o in results if not isinstance(o, str)]
        for mutant, outcomes in decided:
            lines = len(mutant.code.splitlines())
            for t in _killers(passing, outcomes):
                t.killed += 1
                if _by_value(outcomes[t.name][1] if t.name in outcomes else "", lines):
                    t.value_kills += 1
        for t in passing:
            # Kept only for a mutant caught by its VALUE (an assertion, or the test's own code
            # choking on what the mutant returned): a mutant that crashes by itself (IndexError
            # in its own lines, a loop) fails any test that calls it, `assert f(x) == f(x)`
            # included, so such a kill shows nothing about the test.
            t.fate = "kept" if t.value_kills else "too-weak"
            if not t.killed:
                t.failure = "passed on every mutant: too weak to tell a wrong answer from this one"
            elif not t.value_kills:
                t.failure = ("failed only on mutants that crash by themselves, never by a wrong value: "
                             "too weak to tell a wrong answer from this one")
        kept = [t for t in passing if t.fate == "kept"]
        by_op: dict[str, dict[str, int]] = {}
        killed = 0
        for mutant, outcomes in decided:
            hit = bool(_killers(kept, outcomes))
            killed += hit
            stats = by_op.setdefault(mutant.operator, {"killed": 0, "total": 0})
            stats["total"] += 1
            stats["killed"] += hit
            if not hit:
                s.mutants["survived"].append(mutant.description)
        # A mutant that cannot even be imported under test (its module-level code now
        # fails, or the sandbox failed) fails every test alike: it tells nothing about
        # any one test, so it is left out of the score and gives no test credit.
        undecided = [o for _, o in results if isinstance(o, str)]
        s.mutants.update({"killed": killed, "decided": len(decided), "undecided": len(undecided),
                          "score": round(killed / len(decided), 4) if decided else None,
                          "by_operator": dict(sorted(by_op.items()))})
        s.mutants["survived"] = s.mutants["survived"][:20]


def _by_value(message: str, mutant_lines: int) -> bool:
    """Did the test catch the mutant by what it returned (a false assertion, or the test's
    own code failing on the value), rather than the mutant raising or looping by itself?"""
    return failure_kind(message, mutant_lines)[0] in ("assertion", "test-raised") if message else False


def _killers(tests: list[TestFate], outcomes: dict[str, tuple[str, str]]) -> list[TestFate]:
    """The tests that did not pass on a mutant. Where the run stopped (a mutant that
    loops), the first test that never reported is the one that was running."""
    out, blamed_missing = [], False
    for t in tests:
        outcome = outcomes.get(t.name, ("missing", ""))[0]
        if outcome in ("failed", "error"):
            out.append(t)
        elif outcome in ("missing", "not-run") and not blamed_missing:
            out.append(t)
            blamed_missing = True
    return out


def _feedback(t: TestFate) -> str:
    how = {"assertion": "its assertion was false",
           "answer-raised": "the answer raised an exception while running it",
           "test-raised": "the test's own code raised an exception (a name or a call that does not fit "
                          "the names and parameters given?)",
           "timeout": "it did not finish in time"}
    kind = t.failure.split(" ", 1)[0]
    exc = t.failure[len(kind):].strip(" ()")
    text = how.get(kind, kind) + (f" ({exc})" if exc and kind != "assertion" else "")
    return f"- `{t.name}`: {text}\n```python\n{t.code.strip()}\n```"
