"""An in-memory sandbox for tests of everything around the sandboxes (the Verifier, the
pipeline, the sink, generation): verdicts come from a rule, in microseconds, and every
call is counted, so a test can say exactly how much sandbox work a run did.

Real sandboxes are tested on their own, and once end to end per language."""
from __future__ import annotations

import threading
from typing import Any, Callable

from codevet.core.model import Candidate, Check, Status, Verdict
from codevet.sandboxes import register
from codevet.sandboxes.base import Sandbox

Rule = Callable[[Candidate], Verdict]


def by_marker(candidate: Candidate) -> Verdict:
    """The default rule: the code says what it wants. `FAIL` fails with reason `wrong`,
    `ERROR` is an error `flaky-toolchain`, `RAISE` makes the sandbox itself raise, a
    syntax error (Python's compile) fails `syntax-error`; anything else passes."""
    code = candidate.code
    if "RAISE" in code:
        raise RuntimeError("the sandbox broke")
    if "ERROR" in code:
        return Verdict.error("flaky-toolchain", "the fake toolchain did not answer", check="run")
    try:
        compile(code, "<candidate>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return Verdict.from_checks([Check("parses", False, str(exc))], reason="syntax-error")
    passed = "FAIL" not in code
    checks = [Check("parses", True), Check("runs", passed, "" if passed else "the code says FAIL")]
    return Verdict.from_checks(checks, reason=None if passed else "wrong",
                               files={"screenshot.png": b"\x89PNG fake"} if "SHOT" in code else {})


class FakeSandbox(Sandbox):
    language = "fake"
    version = "fake-1"
    rule: Rule = staticmethod(by_marker)
    calls: list[str] = []
    opened = 0
    closed = 0
    _lock = threading.Lock()

    def open(self) -> None:
        with self._lock:
            type(self).opened += 1

    def close(self) -> None:
        with self._lock:
            type(self).closed += 1

    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        return {"code": candidate.code}

    def environment(self) -> dict[str, Any]:
        return {"fake": self.version}

    def verify(self, candidate: Candidate) -> Verdict:
        with self._lock:
            type(self).calls.append(candidate.id)
        return type(self).rule(candidate)


def install(language: str = "fake", rule: Rule = by_marker) -> type[FakeSandbox]:
    """A fresh FakeSandbox class registered for `language` (its own counters)."""
    cls = type(f"Fake_{language}", (FakeSandbox,), {"language": language, "rule": staticmethod(rule),
                                                     "calls": [], "opened": 0, "closed": 0,
                                                     "_lock": threading.Lock()})
    register(language, cls)
    return cls


def candidate(i: int, code: str, language: str = "fake", **kw: Any) -> Candidate:
    return Candidate(id=str(i), source="mem", language=language, code=code, index=i, raw={"i": i, "code": code}, **kw)


def status_of(v: Verdict) -> tuple[str, str | None]:
    return v.status.value, v.reason


__all__ = ["FakeSandbox", "Status", "by_marker", "candidate", "install", "status_of"]
