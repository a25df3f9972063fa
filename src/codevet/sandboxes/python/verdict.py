"""Read pytest's per-test reports (as streamed by the zygote) into Checks and a reason.

A pass needs positive evidence: the session finished, exactly the expected tests were
collected, and every one of them reported `passed` for its call. An exit code is never
enough: `os._exit(0)` before the asserts leaves no reports and fails here.
"""
from __future__ import annotations

import re
import signal
from collections import OrderedDict

from codevet.core.model import Check, Status, TestResult, Verdict
from codevet.sandboxes.python.testgen import Job

# When several things went wrong, the report names the one that explains the others.
REASON_PRIORITY = ("timeout", "output-limit", "memory-limit", "syntax-error", "early-exit", "killed",
                   "collection-error", "import-error", "tests-skipped", "test-count-mismatch", "runtime-error", "test-failed", "undefined-name", "untested")

_ENV_NEED = re.compile(r"EnvironmentNeeded: ([a-z][a-z-]+)(?: ([^\n]*))?")

LIMIT_SIGNALS = {signal.SIGXFSZ: "file-size limit", signal.SIGXCPU: "CPU-time limit"}


def _signal_name(num: int) -> str:
    try:
        return signal.Signals(num).name
    except ValueError:
        return f"signal {num}"


def _first_line(text: str, default: str = "") -> str:
    """The exception line of a traceback: the most useful one to show."""
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("E ") or re.match(r"^[A-Za-z_.]*(Error|Exception|Exit)\b", line):
            return line.removeprefix("E").strip()[:500]
    return (text.strip().splitlines() or [default])[-1][:500]


def interpret(job: Job, result: dict, untested_ok: bool) -> Verdict:
    events = result.get("events", [])
    collected = next((e["nodeids"] for e in events if e.get("t") == "collected"), None)
    collect_errors = [e for e in events if e.get("t") == "collect_error"]
    finished = any(e.get("t") == "finished" for e in events)
    aborted = next((e["error"] for e in events if e.get("t") == "aborted"), None)
    collect_skipped = [e for e in events if e.get("t") == "collect_skipped"]
    exit_info = result.get("exit", {})

    # Per test: the worst of its phases; "missing" if it never reported.
    outcomes: "OrderedDict[str, tuple[str, str]]" = OrderedDict()
    for node in collected or []:
        outcomes[node] = ("missing", "never ran: the process ended first")
    for e in events:
        if e.get("t") != "report":
            continue
        node, when, outcome, msg = e["nodeid"], e["when"], e["outcome"], e.get("message", "")
        prev = outcomes.get(node, ("missing", ""))[0]
        if outcome == "failed":
            outcomes[node] = ("failed" if when == "call" else "error", msg)
        elif outcome == "skipped" and prev != "failed":
            outcomes[node] = ("skipped", msg)
        elif outcome == "passed" and when == "call" and prev == "missing":
            outcomes[node] = ("passed", "")

    tests = [TestResult(_display_name(job, node), outcome, msg) for node, (outcome, msg) in outcomes.items()]
    failing = [t for t in tests if t.outcome != "passed"]
    complete = finished and not aborted
    exited_early = bool(aborted and "SystemExit" in aborted) or (
        not finished and not aborted and not result.get("timed_out") and "code" in exit_info)
    reasons: set[str] = set()  # every reason that applies; the most telling one is reported
    checks: list[Check] = [Check("parses", True)]
    if job.meta.get("prelude"):
        checks.append(Check("harness-prelude", True, "ran after the dataset harness's own import header, as its judge does"))

    # Limits first: "timeout" says more than the missing tests it caused.
    sig = exit_info.get("signal")
    limit_detail = ""
    if result.get("timed_out"):
        reasons.add("timeout")
        limit_detail = (f"time limit of {job.meta.get('timeout', '?')}s exceeded (its own time: "
                        "the wall clock less the time it waited for a CPU)")
    elif result.get("output_limit"):
        reasons.add("output-limit")
        limit_detail = f"wrote more than the output limit ({result.get('output_bytes', 0)} bytes seen)"
    elif sig in LIMIT_SIGNALS:
        reasons.add("output-limit" if sig == signal.SIGXFSZ else "timeout")
        limit_detail = f"hit the {LIMIT_SIGNALS[sig]}"
    elif any("TimeLimitExceeded: " in (msg or "") for _, msg in outcomes.values()):
        reasons.add("timeout")
        limit_detail = "a test case ran past its time limit"
    elif any("MemoryError" in (msg or "") for _, msg in outcomes.values()) or \
            any("MemoryError" in e.get("message", "") for e in collect_errors):
        reasons.add("memory-limit")
        limit_detail = "ran out of its memory limit (MemoryError)"
    checks.append(Check("limits", not limit_detail, limit_detail or "within time, memory and output limits"))

    if collect_errors:
        msg = collect_errors[0]["message"]
        checks.append(Check("imports", False, _first_line(msg)))
        reasons.add("syntax-error" if "SyntaxError" in msg or "IndentationError" in msg else "collection-error")
    elif collected is None:
        why = aborted or _exit_text(exit_info) or "the process ended before its tests were collected"
        checks.append(Check("imports", False, f"did not reach the tests: {why}"))
        reasons.add("early-exit" if exited_early or not sig else "killed")
    else:
        checks.append(Check("imports", True))
    if collect_skipped:
        reasons.add("tests-skipped")

    n_expected = job.min_tests if job.mode == "pytest" else len(job.names)
    if collected is not None:
        n_got = len(collected)
        count_ok = n_got >= n_expected if job.mode == "pytest" else n_got == n_expected
        checks.append(Check("test-count", count_ok, f"{n_got} collected, {n_expected} expected"
                            + (f" ({collect_skipped[0]['message']})" if collect_skipped else "")))
        if not count_ok:
            reasons.add("test-count-mismatch")

    passed = sum(1 for t in tests if t.outcome == "passed")
    ran = collected is not None and not failing and complete
    env_need: tuple[str, str] | None = None
    if job.mode == "untested":
        how = job.meta.get("how", "run as __main__")
        message = failing[0].message if failing else ""
        need = _ENV_NEED.search(message)
        if ran:
            detail = f"ran to completion ({how})"
        elif need:
            env_need = (need.group(1), (need.group(2) or "").strip())
            detail = f"{env_need[0]} {env_need[1]}".strip() + f" ({how})"
        else:
            detail = (_first_line(message, "did not run to completion") if failing else "did not run to completion") + f" ({how})"
        checks.append(Check("runs", ran, detail))
        undefined = job.meta.get("undefined") or []
        if ran and undefined:
            checks.append(Check("names-defined", False, f"uses {', '.join(undefined[:5])}, which nothing imports, "
                                "defines or gives it: it fails wherever that code is reached"))
            reasons.add("undefined-name")
        checks.append(Check("untested", untested_ok, "no tests to run: kept only because untested examples are allowed"
                            if untested_ok else "no tests to run: it ran, but nothing checked what it did"))
        if ran and not untested_ok:
            reasons.add("untested")
        if not ran and failing and not need:
            reasons.add("runtime-error")
    else:
        ok = ran and bool(tests)
        if ok:
            detail = f"{passed}/{len(tests)} passed"
        elif failing:
            t = failing[0]
            detail = f"{passed}/{len(tests)} passed; {t.name} {t.outcome}: {_first_line(t.message, t.outcome)}"
        else:
            detail = f"{passed}/{len(tests)} passed; " + (aborted or _exit_text(exit_info) or "session did not finish")
        checks.append(Check("tests", ok, detail))
    stopped_at_failure = bool(job.meta.get("stop_first")) and any(t.outcome in ("failed", "error") for t in failing)
    if stopped_at_failure:  # the cases after the first failure were not run, on purpose
        tests = [TestResult(t.name, "not-run", "not run: stopped at the first failing case")
                 if t.outcome == "missing" else t for t in tests]
        failing = [t for t in tests if t.outcome in ("failed", "error")]
    if failing and job.mode != "untested":
        if all(t.outcome == "skipped" for t in failing):
            reasons.add("tests-skipped")
        elif any(t.outcome == "missing" for t in failing):
            reasons.add("early-exit" if exited_early else "killed")
        elif any("ProgramCrashed: " in t.message for t in failing):
            reasons.add("runtime-error")
        else:
            reasons.add("test-failed")
    if not complete and not result.get("timed_out") and collected is not None:
        checks.append(Check("completes", False, aborted or _exit_text(exit_info) or "ended before the session finished"))
        reasons.add("early-exit" if exited_early else "killed")
    reason = next((r for r in REASON_PRIORITY if r in reasons), None)

    if env_need is not None and not reasons - {"untested"}:
        # Not the code's fault as far as anyone can tell: an error that names what is missing.
        verdict = Verdict(Status.ERROR, checks, tests, reason=env_need[0], duration_s=result.get("duration", 0.0))
        verdict.artifacts["needs"] = " ".join(env_need).strip()
    else:
        verdict = Verdict.from_checks(checks, tests, reason=reason, duration_s=result.get("duration", 0.0))
    if result.get("output"):
        verdict.artifacts["output"] = result["output"][-2000:]
    return verdict


def _exit_text(exit_info: dict) -> str:
    if "signal" in exit_info:
        return f"killed by {_signal_name(exit_info['signal'])}"
    if "code" in exit_info:
        return f"process exited with status {exit_info['code']} before the session finished"
    return ""


def _display_name(job: Job, nodeid: str) -> str:
    name = nodeid.rsplit("::", 1)[-1]
    if job.mode != "pytest" and name.startswith("codevet_case_"):
        try:
            return job.names[int(name.removeprefix("codevet_case_"))]
        except (ValueError, IndexError):
            return name
    return nodeid
