"""Machine load never changes a verdict: a Python example's time limits count its own time
(the wall clock less the time it waited for a CPU), so an example that needs a little CPU
passes even when the machine starves it, while an endless loop still times out.

The load is made here, deterministically: the sandbox's workers are pinned to one CPU and
this test starts busy processes pinned to the same CPU, so the example gets a small share
of it. Without the own-time rule the first example would take several times its limit in
wall time and read as `timeout`."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from typing import Iterator

import pytest

from codevet.core.model import Candidate, Status, TestCase, TestSpec
from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox

LIMIT_S = 1.0
CPU_S = 0.4  # the example's own work: under half its limit
HOGS = 3  # on one CPU with the example: it gets at most a quarter of it, ~1.6 s of wall time for 0.4 s of CPU

BURN = f"""
import time
def work():
    t = time.process_time()
    while time.process_time() - t < {CPU_S}:
        pass
    return 1
"""
ENDLESS = "def work():\n    while True:\n        pass\n"
STDIO_BURN = BURN + "\nprint(work())\n"
STDIO_ENDLESS = ENDLESS + "\nprint(work())\n"


@contextmanager
def one_cpu() -> Iterator[None]:
    """This thread, and so every worker the sandbox starts from it, on one CPU."""
    if not hasattr(os, "sched_setaffinity"):
        pytest.skip("no CPU affinity on this platform")
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


@contextmanager
def hogs() -> Iterator[None]:
    """HOGS busy processes of our own on that CPU (started from this pinned thread)."""
    # each in a session of its own: with autogroup scheduling a session is one scheduling entity,
    # and the sandbox's workers run in sessions of their own too
    procs = [subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True) for _ in range(HOGS)]
    try:
        yield
    finally:
        for hog in procs:
            hog.kill()
        for hog in procs:
            hog.wait()


@contextmanager
def starved_cpu() -> Iterator[None]:
    with one_cpu(), hogs():
        yield


def _candidate(name: str, code: str, case: TestCase) -> Candidate:
    return Candidate(id=name, source="t", code=code, tests=TestSpec(cases=(case,)))


CASES = {
    "burn-assert": (BURN, TestCase(kind="assert", code="assert work() == 1"), Status.PASS),
    "burn-stdio": (STDIO_BURN, TestCase(kind="stdio", input="", output="1\n"), Status.PASS),
    "endless-assert": (ENDLESS, TestCase(kind="assert", code="assert work() == 1"), Status.FAIL),
    "endless-stdio": (STDIO_ENDLESS, TestCase(kind="stdio", input="", output="1\n"), Status.FAIL),
}


def test_a_starved_example_is_judged_on_its_own_time() -> None:
    options = SandboxOptions(timeout_s=LIMIT_S).with_option("python.case_timeout_s", str(LIMIT_S))
    with one_cpu(), create_sandbox("python", options, jobs=1) as sandbox:
        # the worker starts before the hogs (its start is not what is measured, and starved
        # it would burn a hog's CPU for nothing); the examples then run starved
        warm = sandbox.verify(_candidate("warm-up", "def work():\n    return 1\n",
                                         TestCase(kind="assert", code="assert work() == 1")))
        with hogs():
            verdicts = {name: sandbox.verify(_candidate(name, code, case)) for name, (code, case, _) in CASES.items()}
    assert warm.status is Status.PASS, warm.checks
    for name, (_code, _case, expect) in CASES.items():
        v = verdicts[name]
        assert v.status is expect, (name, v.reason, [(c.name, c.detail) for c in v.checks if not c.passed])
        if expect is Status.FAIL:
            assert v.reason == "timeout", (name, v.reason)
    # the starving was real: the passing examples took longer than their limit in wall time
    slow = [verdicts[n].duration_s for n in ("burn-assert", "burn-stdio")]
    assert max(slow) > LIMIT_S, slow


def test_a_starved_command_is_judged_on_its_own_time() -> None:
    """The same rule for the commands other sandboxes run (a compile, a program): the whole
    process tree's waits count, here a shell whose child does the work."""
    from codevet.sandboxes.isolation import bwrap_works
    from codevet.sandboxes.isolation.base import Limits
    from codevet.sandboxes.isolation.runner import run_isolated

    burn = f"import time\nt = time.process_time()\nwhile time.process_time() - t < {CPU_S}:\n    pass\nprint('done')\n"
    endless = "while True:\n    pass\n"
    limits = Limits(wall_s=LIMIT_S)
    isolation = "bwrap" if bwrap_works() else "none"
    with starved_cpu():
        results = {name: run_isolated(["/bin/sh", "-c", "python3 {work}/main.py; echo exit $?"], {"main.py": code},
                                      limits, isolation)
                   for name, code in (("burn", burn), ("endless", endless))}
    assert not results["burn"].timed_out and b"done" in results["burn"].stdout, results["burn"]
    assert results["burn"].duration_s > LIMIT_S, results["burn"].duration_s  # the starving was real
    assert results["endless"].timed_out, results["endless"]
