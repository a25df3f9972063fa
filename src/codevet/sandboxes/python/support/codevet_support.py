"""Helpers the generated test modules call, inside the sandbox (stdlib only).

stdin/stdout programs run in a forked process with real file descriptors 0 and 1 (a
mocked `sys.stdin` misses `sys.stdin.buffer`, `open(0)` and friends), so each case sees
exactly what a judge would give it.
"""
from __future__ import annotations

import copy
import io
import json
import math
import os
import re
import signal
import sys
import tempfile
import time

CASES_FILE = "cases.json"
OUTPUT_CAP = 4 * 1024 * 1024


def load_cases() -> list:
    with open(CASES_FILE, encoding="utf-8") as fh:
        return json.load(fh)


PRELUDE_FILE = "prelude.py"


def compile_solution(path: str = "solution.py"):
    """The candidate's code object, compiled with `dont_inherit=True`: this module's own
    `from __future__ import annotations` must not reach it (with it, `List[int]` in an
    annotation would pass without an import)."""
    with open(path, encoding="utf-8") as fh:
        return compile(fh.read(), path, "exec", dont_inherit=True)


def compile_prelude():
    """The dataset harness's import header, when the job has one (else None)."""
    if not os.path.exists(PRELUDE_FILE):
        return None
    return compile_solution(PRELUDE_FILE)


def exec_solution(code, ns: dict, prelude=None) -> None:
    if prelude is not None:
        exec(prelude, ns)
    exec(code, ns)


# ---- time limits on a process's own time ---------------------------------------------
STARVED_WALL_FACTOR = 10  # a process kept waiting by the machine gets at most 10x its limit in wall time
SCHEDSTAT = os.path.exists("/proc/self/schedstat")  # the kernel keeps run_delay (else: wall clock only)


def cpu_wait_s(pid: int) -> float | None:
    """Seconds `pid` was ready to run but waited for a CPU: the kernel's run_delay, the
    second field of /proc/<pid>/schedstat. That is time a loaded machine took from the
    process, not time it spent. None when it cannot be read (the process is gone, or the
    kernel does not keep it)."""
    try:
        with open(f"/proc/{pid}/schedstat", "rb") as fh:
            return int(fh.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def tree_cpu_s(root: int) -> float:
    """CPU seconds used by `root` and every process below it: each live process's own and
    reaped children's user and system time (/proc/<pid>/stat fields 14-17)."""
    total, todo, seen = 0, [root], 0
    while todo and seen < 4096:
        pid = todo.pop()
        seen += 1
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])
            for tid in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{tid}/children", "rb") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, IndexError):
            continue
    return total / _TICK


class OwnTimeLimit:
    """A time limit on a process's own time: wall-clock time since `start` minus the time
    the machine kept it waiting for a CPU. An endless loop or a sleep still runs out of it
    at the limit, but a program slowed down only by other work on the machine does not:
    machine load never turns into a `timeout`. Waits the program's own processes cause
    (a fork bomb starving its parent) are its own time: its tree's CPU time spread over
    the CPUs it may use counts too, whichever is more. `wall_cap_s` bounds the wall time
    anyway, so a process starved without end still ends. The caller checks that the
    process still runs before it calls a limit reached: a process that has just ended has
    no /proc entry left to read, so its end is waited for instead."""

    def __init__(self, limit_s: float, wall_cap_s: float | None = None, start: float | None = None) -> None:
        self.limit_s = limit_s
        self.wall_cap_s = max(limit_s, wall_cap_s if wall_cap_s is not None else limit_s * STARVED_WALL_FACTOR)
        self.start = time.monotonic() if start is None else start
        self.waited_s = 0.0  # run_delay only grows: the largest value read is the latest

    def left_s(self, pid: int | None) -> float:
        """Seconds before the limit can be reached (0 when it has been): the earliest time
        worth looking again. /proc is read only once the wall clock has passed the limit."""
        elapsed = time.monotonic() - self.start
        if elapsed < self.limit_s:
            return self.limit_s - elapsed
        if elapsed >= self.wall_cap_s:
            return 0.0
        if pid is not None and SCHEDSTAT:
            waited = cpu_wait_s(pid)
            if waited is None:  # it has just ended: its exit is about to show, look again then
                return 0.05
            self.waited_s = max(self.waited_s, waited)
        own = elapsed - self.waited_s
        if pid is not None and own < self.limit_s:
            own = max(own, tree_cpu_s(pid) / max(1, len(os.sched_getaffinity(0))))
        return 0.0 if own >= self.limit_s else max(0.005, min(self.limit_s - own, self.wall_cap_s - elapsed))


# ---- stdin / stdout ------------------------------------------------------------------
def run_program(code, stdin_text: str, timeout: float, prelude=None) -> tuple[str, str, int | None, bool]:
    """(stdout, stderr, exit status or None if killed, timed_out)."""
    fd_in, in_path = tempfile.mkstemp()
    fd_out, out_path = tempfile.mkstemp()
    fd_err, err_path = tempfile.mkstemp()
    os.write(fd_in, stdin_text.encode())
    os.lseek(fd_in, 0, 0)
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            os.dup2(fd_in, 0)
            os.dup2(fd_out, 1)
            os.dup2(fd_err, 2)
            sys.stdin = io.TextIOWrapper(io.FileIO(0, "r", closefd=False))
            sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False))
            sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), write_through=True)
            try:
                exec_solution(code, {"__name__": "__main__", "__builtins__": __builtins__}, prelude)
            except SystemExit as exc:
                status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if not isinstance(exc.code, (int, type(None))):
                    print(exc.code, file=sys.stderr)
            except BaseException:
                import traceback
                traceback.print_exc()
                status = 1
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                status = status or 1
        finally:
            os._exit(status & 0xFF)
    limit = OwnTimeLimit(timeout)
    status: int | None = None
    timed_out = False
    while True:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.WEXITSTATUS(raw) if os.WIFEXITED(raw) else None
            break
        if limit.left_s(pid) <= 0:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.0005)
    out = _read_capped(out_path)
    err = _read_capped(err_path)
    for fd, path in ((fd_in, in_path), (fd_out, out_path), (fd_err, err_path)):
        os.close(fd)
        os.unlink(path)
    return out, err, status, timed_out


def _read_capped(path: str) -> str:
    with open(path, "rb") as fh:
        return fh.read(OUTPUT_CAP).decode("utf-8", errors="replace")


def _tokens(text: str) -> list[str]:
    return text.split()


def _num(tok: str):
    try:
        return float(tok)
    except ValueError:
        return None


def outputs_match(got: str, expected: str, rel: float = 1e-6, abs_: float = 1e-6) -> bool:
    """Token-wise equality, ignoring whitespace layout; numbers within a tolerance."""
    a, b = _tokens(got), _tokens(expected)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        fx, fy = _num(x), _num(y)
        if fx is None or fy is None or not math.isclose(fx, fy, rel_tol=rel, abs_tol=abs_):
            return False
    return True


def _shorten(text: str, n: int = 300) -> str:
    text = text if len(text) <= n else text[:n] + f"... ({len(text)} chars)"
    return text


class TimeLimitExceeded(AssertionError):
    """A case ran past its time limit (the report says `timeout`, not a wrong answer)."""


class ProgramCrashed(AssertionError):
    """The program ended with a non-zero status or a signal, whatever it printed first:
    a judge counts that as a runtime error (the report says `runtime-error`)."""


_timed_out_before = False  # once one case hits its limit, the rest are not run


def check_stdio(code, case: dict, timeout: float = 6.0, prelude=None) -> None:
    global _timed_out_before
    if _timed_out_before:
        raise TimeLimitExceeded("not run: an earlier case exceeded its time limit")
    out, err, status, timed_out = run_program(code, case["input"], timeout, prelude)
    if timed_out:
        _timed_out_before = True
        raise TimeLimitExceeded(f"time limit of {timeout:g}s exceeded on this input")
    if status is None:
        raise ProgramCrashed(f"program was killed by a signal\n{err[-1500:]}")
    if status != 0:
        raise ProgramCrashed(f"program exited with status {status}" + (" after printing output" if out else "")
                             + f"\n{err[-1500:]}")
    got, expected = out, case["output"]
    if (case.get("judge") or {}).get("ignore_case"):  # "YES", "yes" and "yEs" all accepted
        got, expected = got.lower(), expected.lower()
    if not outputs_match(got, expected):
        raise AssertionError(
            f"wrong output\n input:    {_shorten(case['input'])!r}\n expected: {_shorten(case['output'])!r}\n"
            f" got:      {_shorten(out)!r}" + (f"\n stderr: {err[-800:]}" if err else ""))


# ---- call-based (APPS fn_name) ---------------------------------------------------------
def load_callable(code, fn_name: str, prelude=None, ns: dict | None = None):
    """The entry point: a `Solution` method, else a top-level function or class. `ns` (the
    namespace the solution and prelude run in) is filled for the caller, which looks up a
    case's `via` helper there."""
    ns = {"__name__": "solution"} if ns is None else ns
    exec_solution(code, ns, prelude)
    sol = ns.get("Solution")
    if isinstance(sol, type) and hasattr(sol, fn_name):
        return getattr(sol(), fn_name)
    if fn_name in ns and callable(ns[fn_name]):
        return ns[fn_name]
    raise AssertionError(f"the code defines no function or Solution method named {fn_name!r}")


def _norm(value):
    if isinstance(value, tuple):
        return [_norm(v) for v in value]
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _norm(v) for k, v in value.items()}
    return value


def values_match(got, expected) -> bool:
    got, expected = _norm(got), _norm(expected)
    if got == expected:
        return True
    if isinstance(got, float) or isinstance(expected, float):
        try:
            return math.isclose(float(got), float(expected), rel_tol=1e-6, abs_tol=1e-6)
        except (TypeError, ValueError):
            return False
    if isinstance(got, list) and isinstance(expected, list) and len(got) == len(expected):
        return all(values_match(g, e) for g, e in zip(got, expected))
    return False


def _canonical(value):
    """A value with every list/tuple/set sorted (recursively), for "in any order" answers:
    equal canonical forms mean equal multisets at every level."""
    value = _norm(value)
    if isinstance(value, (list, set, frozenset)):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: (type(v).__name__, repr(v)))
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def _close(got, expected, abs_tol: float) -> bool:
    """Equality where floats may differ by `abs_tol` (or a relative 1e-6)."""
    got, expected = _norm(got), _norm(expected)
    if isinstance(got, bool) or isinstance(expected, bool):  # `true` is not 1
        return isinstance(got, bool) and isinstance(expected, bool) and got == expected
    if isinstance(got, (int, float)) and isinstance(expected, (int, float)):
        return math.isclose(got, expected, rel_tol=1e-6, abs_tol=abs_tol)
    if isinstance(got, list) and isinstance(expected, list):
        return len(got) == len(expected) and all(_close(g, e, abs_tol) for g, e in zip(got, expected))
    if isinstance(got, dict) and isinstance(expected, dict):
        return got.keys() == expected.keys() and all(_close(got[k], expected[k], abs_tol) for k in got)
    return got == expected


def _distinct(value) -> int:
    value = _norm(value)
    return len({repr(v) for v in value}) if isinstance(value, list) else 0


def judged_match(got, expected, judge: dict) -> bool:
    """A case's own comparison: `compare` "exact" (the default) or "unordered", floats
    within `abs_tol` (default 1e-6)."""
    mode = judge.get("compare") or "exact"
    tol = float(judge.get("abs_tol") or 1e-6)
    if mode == "unordered":
        if not _close(_canonical(got), _canonical(expected), tol):
            return False
        # Sorting inner lists too lets [["tea","eat"]] match [["eat","tea"]]; the count of
        # distinct items as given keeps six copies of [1,2,3] from matching six permutations.
        return _distinct(got) == _distinct(expected)
    if mode != "exact":
        raise ValueError(f"unknown comparison {mode!r}")
    return _close(got, expected, tol)


def check_call(fn, case: dict, ns: dict | None = None) -> None:
    args = copy.deepcopy(case["input"])
    if not isinstance(args, list):
        args = [args]
    judge = case.get("judge")
    expected = case["output"]
    if judge:
        via = judge.get("via")
        if via:
            helper = (ns or {}).get(via)
            if not callable(helper):
                raise AssertionError(f"the test harness defines no helper {via!r}")
            got = helper(fn, args, **(judge.get("via_args") or {}))
        else:
            got = fn(*args)
        if judged_match(got, expected, judge):
            return
        how = "" if (judge.get("compare") or "exact") == "exact" else f" (compared {judge['compare']})"
        raise AssertionError(f"wrong return value{how}\n args:     {_shorten(repr(case['input']))}\n"
                             f" expected: {_shorten(repr(expected))}\n got:      {_shorten(repr(got))}")
    got = fn(*args)
    # APPS wraps many expected return values in one extra list.
    if values_match(got, expected) or (isinstance(expected, list) and len(expected) == 1
                                       and values_match(got, expected[0])):
        return
    raise AssertionError(f"wrong return value\n args:     {_shorten(repr(case['input']))}\n"
                         f" expected: {_shorten(repr(expected))}\n got:      {_shorten(repr(got))}")


# ---- no tests: run it as a program -----------------------------------------------------
GIVEN_FILE = "given.py"
SHOWN_OUTPUT = 4000


class EnvironmentNeeded(AssertionError):
    """The program needs something the sandbox does not give (a package, the network, a
    file, a display, input, more time): codevet cannot decide it, the report says what.
    The message starts with the reason's name."""


def compile_given():
    """The dataset's input given as assignments (given.py), when there is one."""
    if not os.path.exists(GIVEN_FILE):
        return None
    return compile_solution(GIVEN_FILE)


_NETWORK = re.compile(r"gaierror|Name or service not known|Temporary failure in name resolution|Network is unreachable"
                      r"|ConnectionRefusedError|Connection refused|NewConnectionError|MaxRetryError|URLError"
                      r"|ConnectionError|No address associated with hostname|nodename nor servname")
_MISSING_MODULE = re.compile(r"^ModuleNotFoundError: No module named '([^']+)'", re.MULTILINE)
_MISSING_FILE = re.compile(r"^(?:FileNotFoundError|OSError|IOError): \[Errno 2\] No such file or directory: '([^']*)'", re.MULTILINE)
_NO_TABLE = re.compile(r"OperationalError: no such table: (\S+)")
_DISPLAY = re.compile(r"no display name|couldn't connect to display|cannot connect to X server|Could not connect to any X display")


def _last_exception(err: str) -> str:
    lines = [line for line in err.strip().splitlines() if line and not line.startswith((" ", "\t"))]
    lines = [line for line in lines if not line.startswith(("Traceback", "During handling", "The above exception"))]
    return lines[-1][:500] if lines else ""


def environment_need(err: str, stdin_text: str) -> tuple[str, str] | None:
    """(reason, detail) when a failed run failed for want of something outside the code."""
    last = _last_exception(err)
    if m := _MISSING_MODULE.search(err):
        return "missing-package", m.group(1).split(".")[0]
    if m := _MISSING_FILE.search(err):
        return "needs-file", m.group(1)
    if m := _NO_TABLE.search(err):  # sqlite3.connect made an empty database: the data is what is missing
        return "needs-file", f"a database holding table {m.group(1)}"
    if _NETWORK.search(err):
        return "needs-network", last
    if _DISPLAY.search(err):
        return "needs-display", last
    if last.startswith("EOFError"):
        return "needs-input", ("reads stdin, and the example gives no input" if not stdin_text.strip()
                               else "read past the end of the input the example gives")
    return None


def run_untested(code, stdin_text: str, timeout: float, given=None) -> None:
    """Run the module as `__main__` (its `if __name__ == "__main__":` block too); its
    output goes to the report. A clean exit is the evidence that it ran to completion."""
    os.environ.setdefault("MPLBACKEND", "Agg")  # plots render off-screen instead of needing a display
    out, err, status, timed_out = run_program(code, stdin_text, timeout, given)
    shown = out if len(out) <= SHOWN_OUTPUT else out[:SHOWN_OUTPUT] + f"... ({len(out)} chars)"
    sys.stdout.write(f"[program stdout: {len(out)} chars]\n{shown}\n")
    if err.strip():
        sys.stdout.write(f"[program stderr]\n{err[-1500:]}\n")
    sys.stdout.flush()
    if timed_out:
        raise EnvironmentNeeded(f"long-running still running after {timeout:g}s (a server, an endless loop, "
                                "or a wait for input that never ends)")
    if status == 0:
        return
    need = environment_need(err, stdin_text)
    if need is not None:
        raise EnvironmentNeeded(f"{need[0]} {need[1]}")
    if status is None:
        raise ProgramCrashed(f"killed by a signal\n{err[-1500:]}")
    raise ProgramCrashed((_last_exception(err) or f"exited with status {status}") + f"\n{err[-1500:]}")
