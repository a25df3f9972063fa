"""The Python sandbox: a candidate's code and its dataset's tests as one pytest run in an
isolated, resource-limited, warm worker. See zygote.py for how a run is isolated."""
from __future__ import annotations

import os
import shutil
import sys
import warnings
from typing import Any

from codevet.core.resources import package_dir
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Check, Verdict
from codevet.sandboxes.base import Sandbox, source_version
from codevet.sandboxes.isolation import resolve_isolation
from codevet.sandboxes.isolation.bwrap import bwrap_problem, bwrap_works
from codevet.sandboxes.isolation.cgroups import cgroups_writable
from codevet.sandboxes.python.pool import WorkerCrashed, WorkerPool, WorkerStartFailed, WorkerSpec, ZYGOTE, SUPPORT
from codevet.sandboxes.python.given import is_bare_value
from codevet.sandboxes.python.support.codevet_support import STARVED_WALL_FACTOR
from codevet.sandboxes.python.packages import installed_dir
from codevet.sandboxes.python.testgen import BadTest, build_job
from codevet.sandboxes.python.verdict import interpret


def _source_hash() -> str:
    here = package_dir(__name__)
    return source_version([ZYGOTE, SUPPORT / "codevet_support.py", here / "testgen.py", here / "verdict.py",
                           here / "given.py"])


class PythonSandbox(Sandbox):
    language = "python"
    isolation_backends = ("bwrap", "docker", "none")
    version = "1." + _source_hash()

    def __init__(self, options: SandboxOptions, jobs: int = 1) -> None:
        super().__init__(options, jobs)
        self.isolation = resolve_isolation(options.isolation)
        if self.isolation == "none":
            warnings.warn("codevet: Python candidates run WITHOUT namespace isolation (--isolation none): "
                          "only resource limits apply; network and files outside the workspace are reachable.",
                          RuntimeWarning, stacklevel=2)
        image = ""
        if self.isolation == "docker":
            from codevet.sandboxes.isolation.docker import require_image

            image = require_image("python")
        o = options
        site_dirs = (str(installed_dir(o.python.packages)),) if o.python.packages else ()
        self.spec = WorkerSpec(isolation=self.isolation, memory_mb=o.memory_mb, file_mb=o.max_file_mb,
                               cpu_s=int(max(o.timeout_s, o.python.example_cap_s)) + 5, nproc=o.max_processes, open_files=256,
                               output_bytes=o.max_output_bytes, workspace_mb=o.workspace_mb, image=image,
                               site_dirs=site_dirs)
        self.pool = WorkerPool(max(1, jobs), self.spec)

    def open(self) -> None:
        self.pool.start()

    def close(self) -> None:
        self.pool.stop()

    def _cases(self, candidate: Candidate) -> list:
        if candidate.tests is None:
            return []
        return [c for c in candidate.tests.cases if not c.group or (c.group == "challenge" and self.options.python.challenge_tests)]

    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        tests = candidate.tests
        return {
            "code": candidate.code,
            "cases": [(c.kind, c.code, c.input, c.output) + ((c.judge,) if c.judge else ())
                      for c in self._cases(candidate)],
            "setup": tests.setup if tests else "",
            "entry_point": tests.entry_point if tests else "",
            "prelude": tests.prelude if tests else "",
        }

    def wall_limit(self, n_cases: int) -> float:
        """Seconds the whole example may run: a case's limit per case, never less than
        `timeout_s`, never more than the per-example cap (a correct program with 264
        cases is not a timeout; an endless one still stops)."""
        o = self.options
        return min(max(o.timeout_s, o.python.example_cap_s), max(o.timeout_s, o.python.case_timeout_s * n_cases))

    def verify(self, candidate: Candidate) -> Verdict:
        if not candidate.code.strip():
            return Verdict.from_checks([Check("has-code", False, "no Python code found in the example")], reason="no-code")
        syntax = _syntax_problem(candidate.code)
        if syntax:
            return Verdict.from_checks([Check("parses", False, syntax)], reason="syntax-error")
        cases = self._cases(candidate)
        if all(c.kind == "run" for c in cases) and is_bare_value(candidate.code):
            return Verdict.from_checks([Check("parses", True), Check("is-code", False, "the answer is a bare value or "
                                       "a phrase that happens to parse: nothing in it runs")], reason="not-code")
        case_timeout = self.options.python.case_timeout_s
        try:
            job = build_job(candidate, cases, case_timeout)
        except BadTest as exc:
            return Verdict.error("bad-test", str(exc), check="tests-runnable")
        wall = self.wall_limit(len(cases))
        job.meta["timeout"] = wall
        # the limit counts the example's own time (wall minus waiting for a CPU); a starved
        # example still ends at STARVED_WALL_FACTOR times it
        cap = wall * STARVED_WALL_FACTOR
        try:
            result = self.pool.run(job.to_wire(wall, cap), cap)
        except WorkerStartFailed as exc:
            return Verdict.error("sandbox-failed", f"{exc}: {exc.stderr[-1500:]}", check="sandbox")
        except WorkerCrashed as exc:
            # The worker died while this example ran: killing it is the example's doing.
            v = Verdict.from_checks([Check("parses", True), Check("completes", False, f"{exc}")], reason="killed-worker")
            v.artifacts["worker_stderr"] = exc.stderr[-1500:]
            return v
        if "error" in result:
            return Verdict.error("sandbox-error", result["error"])
        return interpret(job, result, self.options.python.allow_untested)

    @classmethod
    def doctor(cls) -> list[tuple[str, bool, str]]:
        rows = [("python interpreter", True, f"{sys.executable} ({sys.version.split()[0]})")]
        try:
            import pytest
            rows.append(("pytest", True, pytest.__version__))
        except ImportError:
            rows.append(("pytest", False, "not installed"))
        ok = bwrap_works()
        rows.append(("isolation: bwrap", ok, shutil.which("bwrap") or "" if ok else bwrap_problem()))
        from codevet.sandboxes.isolation.docker import docker_problem
        problem = docker_problem()
        rows.append(("isolation: docker", problem is None, "engine reachable; warm zygote containers"
                     if problem is None else problem))
        rows.append(("isolation: none", True, "always available; resource limits only (not a security boundary)"))
        cg = cgroups_writable()
        rows.append(("per-worker cgroups", cg, "pids and memory capped per worker" if cg
                     else "not writable here: rlimits and PID namespaces only"))
        rows.append(("running as root", os.geteuid() == 0, "examples drop to a private uid" if os.geteuid() == 0
                     else "examples keep your uid inside the user namespace"))
        return rows


def _syntax_problem(code: str) -> str | None:
    """Cheap rejection on the host: a candidate that does not compile never starts a
    sandbox. A full compile, not just a parse: `return` or `await` outside a function
    parse but do not compile."""
    try:
        compile(code, "<candidate>", "exec", dont_inherit=True)
    except SyntaxError as exc:
        return f"{type(exc).__name__}: {exc.msg} (line {exc.lineno})"
    except (ValueError, MemoryError, RecursionError) as exc:
        return f"{type(exc).__name__}: {exc}"[:300]
    return None


__all__ = ["PythonSandbox"]
