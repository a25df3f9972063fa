"""The data that flows through codevet: Candidates in, Verdicts out.

A Candidate keeps the record it came from untouched, so a kept example is written back
exactly as read. A Verdict is a list of named Checks plus a status; `error` means the
harness could not decide and is never folded into `fail`.
"""
from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # a data class, not a pytest test class
    """One test of a candidate. `kind` says how the sandbox runs it:

    - `assert`: `code` is a Python statement run in the candidate's namespace (MBPP).
    - `check`: `code` defines `check(candidate)`, called with `entry_point` (HumanEval).
    - `stdio`: the program reads `input` on stdin and must print `output`.
    - `call`: `fn_name(*args)` must return `output` (APPS call-based problems). `judge`
      (optional) says how, in terms a sandbox needs no dataset knowledge for: `via` names
      a function of the prelude that makes the call (`via(fn, args, **via_args)` returns the
      value compared), `compare` is "exact" or "unordered" (multisets at every level), and
      `abs_tol` the tolerance for floats. Tests derived from a problem's text use it.
      A `stdio` case's `judge` may say `ignore_case` (the statement accepts any letter case).
    - `pytest`: `code` is a whole pytest file importing the solution as `solution`.
    """

    kind: str
    code: str = ""
    input: Any = None
    output: Any = None
    name: str = ""
    group: str = ""  # e.g. "challenge": run only when the options ask for that group
    judge: dict[str, Any] | None = None  # `call` only: see above


@dataclass(frozen=True)
class TestSpec:
    __test__ = False  # a data class, not a pytest test class
    """The tests that come with a candidate. `setup` runs after the solution and before
    the tests (MBPP's `test_setup_code` uses classes the solution defines). `prelude` is
    the dataset's own harness header (APPS, LiveCodeBench import a fixed set of modules
    before the solution); it runs in the solution's namespace, before it. `origin` says
    where the tests came from, because a verdict is only as good as its tests and a user
    filters on that: "dataset" (the set's own tests), "statement" (examples in the problem
    text), "docstring" (doctests), "model" (written by an LLM under the mutation guard)."""

    cases: tuple[TestCase, ...] = ()
    setup: str = ""
    entry_point: str = ""
    prelude: str = ""
    origin: str = "dataset"

    def __len__(self) -> int:
        return len(self.cases)


@dataclass
class Candidate:
    """An (instruction, code, tests) example on its way to a sandbox.

    `raw` is the record as read (a dict), `raw_text` the exact line where the input was
    JSONL, so writing it back changes nothing. `error` marks an input the adapter could
    not turn into a candidate: the pipeline reports it as an `error` verdict and never
    drops it.
    """

    id: str
    source: str
    language: str = "python"
    instruction: str = ""
    code: str = ""
    tests: TestSpec | None = None
    format: str = ""
    raw: Any = None
    raw_text: str | None = None
    index: int = 0
    error: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # Checks an adapter could already decide from the record alone (e.g. "this GitHub file
    # is Java"): a failed one rejects the candidate before any filter or sandbox runs.
    prechecks: list["Check"] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    name: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # a data class, not a pytest test class
    name: str
    outcome: str  # passed | failed | error | skipped | missing | not-run
    message: str = ""


@dataclass
class Verdict:
    """What a sandbox decided, and the evidence. `reason` names why a non-pass happened
    (the first failing check, refined by the sandbox: `timeout`, `syntax-error`, ...)."""

    status: Status
    checks: list[Check] = field(default_factory=list)
    tests: list[TestResult] = field(default_factory=list)
    reason: str | None = None
    duration_s: float = 0.0
    artifacts: dict[str, Any] = field(default_factory=dict)
    # Binary evidence (a screenshot) travels here as bytes, named by kind ("screenshot.png"),
    # and is written by the sink: a sandbox on another Ray node never writes files.
    files: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def error(cls, reason: str, detail: str, check: str = "harness") -> "Verdict":
        return cls(Status.ERROR, [Check(check, False, detail)], reason=reason)

    @classmethod
    def from_checks(cls, checks: list[Check], tests: list[TestResult] | None = None,
                    reason: str | None = None, **kw: Any) -> "Verdict":
        """Pass exactly when every check passed; the reason defaults to the first failure."""
        failed = [c for c in checks if not c.passed]
        if not failed:
            return cls(Status.PASS, checks, tests or [], None, **kw)
        return cls(Status.FAIL, checks, tests or [], reason or failed[0].name, **kw)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "reason": self.reason,
            "checks": [asdict(c) for c in self.checks],
            "tests": [asdict(t) for t in self.tests],
            "duration_s": round(self.duration_s, 4),
            "artifacts": self.artifacts,
        }

    def to_cache(self) -> dict[str, Any]:
        """`to_dict` plus the files (base64), so a cached verdict brings its screenshot."""
        d = self.to_dict()
        if self.files:
            d["files"] = {k: base64.b64encode(v).decode("ascii") for k, v in self.files.items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Verdict":
        return cls(
            status=Status(d["status"]),
            checks=[Check(**c) for c in d.get("checks", [])],
            tests=[TestResult(**t) for t in d.get("tests", [])],
            reason=d.get("reason"),
            duration_s=d.get("duration_s", 0.0),
            artifacts=d.get("artifacts", {}),
            files={k: base64.b64decode(v) for k, v in (d.get("files") or {}).items()},
        )
