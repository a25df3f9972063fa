"""A sandbox that could not start decides nothing about the example: its verdict is an
`error` (sandbox-failed), and the cache never keeps it."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from codevet.core.model import Status
from codevet.core.options import SandboxOptions
from codevet.generators.candidates import read_candidates
from codevet.harness.cache import VerdictCache
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.isolation.runner import sandbox_start_failure
from codevet.sandboxes.oot import compile as oot_compile
from codevet.sandboxes.python import pool


@pytest.mark.parametrize("stderr, failed", [
    ("bwrap: Creating new namespace failed: Operation not permitted\n", True),
    ("gcc: fatal error: cannot execute 'cc1': vfork: Resource temporarily unavailable\n", True),
    ("sh: 0: Cannot fork\n", True),
    ("answer.c:4:5: error: implicit declaration of function 'Foo'\n", False),
    ("", False),
])
def test_start_failures_are_told_from_the_examples_own_errors(stderr: str, failed: bool) -> None:
    assert (sandbox_start_failure(stderr) is not None) is failed


def test_a_python_worker_that_cannot_start_is_an_error_not_cached(monkeypatch, tmp_path: Path) -> None:
    def broken(self):  # the worker's command exits at once, as when bwrap refuses to start
        return ["/bin/sh", "-c", "echo 'bwrap: No permissions to create new namespace' >&2; exit 1"], None
    candidate = next(read_candidates(str(FIXTURES / "python" / "mbpp_excerpt.jsonl")))
    with create_sandbox("python", SandboxOptions(timeout_s=5, isolation="none"), jobs=1) as sandbox:
        assert sandbox.verify(candidate).status is Status.PASS
        monkeypatch.setattr(pool.ZygoteWorker, "_config", broken)
        for worker in sandbox.pool.workers:  # gone: the next example starts a new one, which fails
            worker.proc.kill()
            worker.proc.wait()
        verdict = sandbox.verify(candidate)
    assert (verdict.status, verdict.reason) == (Status.ERROR, "sandbox-failed")
    assert "No permissions to create new namespace" in verdict.checks[0].detail
    cache = VerdictCache(tmp_path)
    cache.put("k", verdict)
    assert cache.get("k") is None
    cache.close()


def test_a_compiler_that_cannot_start_is_an_error(monkeypatch) -> None:
    def refused(*args, **kwargs):
        return oot_compile.CompileResult(1, "bwrap: Creating new namespace failed: Operation not permitted\n", "",
                                         False, False, 0.01)
    import codevet.sandboxes.oot as oot
    monkeypatch.setattr(oot, "run_compile", refused)
    candidate = next(read_candidates(str(FIXTURES / "oot" / "good.jsonl")))
    with create_sandbox("oot", SandboxOptions(timeout_s=20, isolation="none"), jobs=1) as sandbox:
        verdict = sandbox.verify(candidate)
    assert (verdict.status, verdict.reason) == (Status.ERROR, "sandbox-failed"), verdict.checks
