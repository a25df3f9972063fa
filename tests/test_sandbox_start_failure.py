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


def test_closing_a_python_sandbox_under_a_running_example_answers_at_once_and_starts_nothing(tmp_path: Path) -> None:
    """Ctrl-C closes the sandbox while threads still wait on its workers. Each wait must end
    with an `error` (nothing is known of the example), not after the example's own limit,
    and no thread may start a new worker that nobody would stop."""
    import os
    import threading

    from conftest import own_processes, wait_until
    from codevet.core.model import Candidate, TestCase, TestSpec

    os.chmod(tmp_path, 0o777)  # the example drops to a sandbox uid
    marker = tmp_path / "running"
    code = f"import time, pathlib\npathlib.Path({str(marker)!r}).write_text('x')\ntime.sleep(3600)\ndef f():\n    return 1\n"
    candidate = Candidate(id="sleeper", language="python", instruction="sleep", code=code, source="test",
                          tests=TestSpec(cases=[TestCase(kind="assert", code="assert f() == 1")]))
    sandbox = create_sandbox("python", SandboxOptions(timeout_s=120, isolation="none"), jobs=1)
    sandbox.open()
    verdicts: list = []
    waiting = threading.Thread(target=lambda: verdicts.append(sandbox.verify(candidate)), daemon=True)
    try:
        waiting.start()
        assert wait_until(marker.exists), "the example never started"
        sandbox.close()
        waiting.join(timeout=60)  # the example's own limit is 120 s, ten times that when starved
        assert not waiting.is_alive(), "a closed sandbox kept its caller waiting for the example's limit"
        assert (verdicts[0].status, verdicts[0].reason) == (Status.ERROR, "sandbox-failed"), verdicts[0].checks
        after = sandbox.verify(candidate)  # a thread that comes late neither waits nor starts anything
        assert (after.status, after.reason) == (Status.ERROR, "sandbox-failed")
        assert wait_until(lambda: not own_processes()), own_processes()
    finally:
        sandbox.close()
