"""The Verifier's rules on an in-memory sandbox: cache what was decided and only that,
prefilter before any sandbox, wrap every failure into an `error` verdict, keep the stream
whole and the sink in input order."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from codevet.core.model import Candidate, Check, Status, TestResult, Verdict
from codevet.harness.cache import VerdictCache
from codevet.harness.config import RunConfig
from codevet.harness.filters import FilterOptions
from codevet.harness.html_report import write_html_report
from codevet.harness.pipeline import run
from codevet.harness.sink import OrderedSink
from codevet.harness.verifier import Verifier
from fakes import candidate, install, status_of


@pytest.fixture()
def fake():
    return install("fake")


def config(tmp_path: Path, **kw) -> RunConfig:
    return RunConfig(**{"out": tmp_path / "out", "jobs": 2, "cache_dir": tmp_path / "cache", **kw})


def test_pass_and_fail_are_cached_errors_are_not(tmp_path: Path, fake) -> None:
    cands = [candidate(0, "x = 1"), candidate(1, "FAIL"), candidate(2, "ERROR"), candidate(3, "def f(:")]
    with Verifier(config(tmp_path)) as v:
        first = [status_of(v.verify_one(c)) for c in cands]
    assert first == [("pass", None), ("fail", "wrong"), ("error", "flaky-toolchain"), ("fail", "syntax-error")]
    assert fake.calls == ["0", "1", "2", "3"]
    with Verifier(config(tmp_path)) as v:
        again = [status_of(v.verify_one(c)) for c in cands]
    assert again == first
    assert fake.calls == ["0", "1", "2", "3", "2"]  # only the error is asked again


def test_the_cache_key_changes_with_what_decides_the_verdict(tmp_path: Path, fake) -> None:
    c = candidate(0, "x = 1")
    with Verifier(config(tmp_path)) as v:
        k1 = v.key(c)
        assert v.key(candidate(0, "x = 2")) != k1
    cfg = config(tmp_path)
    cfg.sandbox.timeout_s = 3
    with Verifier(cfg) as v:
        assert v.key(c) != k1  # an option of every sandbox
    cfg = config(tmp_path)
    cfg.sandbox.threejs.settle_s = 1  # another sandbox's option: not this one's business
    cfg.sandbox.isolation = "none"  # how, not what
    with Verifier(cfg) as v:
        assert v.key(c) == k1


def test_a_sandbox_that_raises_is_an_error_for_that_example_only(tmp_path: Path, fake) -> None:
    results = list(run([candidate(0, "RAISE"), candidate(1, "ok = 1")], config(tmp_path), ["mem"]).summary["by_reason"])
    assert results == ["sandbox-error"]
    lines = [json.loads(x) for x in (tmp_path / "out" / "report.jsonl").read_text().splitlines()]
    assert [(x["status"], x["reason"]) for x in lines] == [("error", "sandbox-error"), ("pass", None)]
    assert "the sandbox broke" in lines[0]["checks"][0]["detail"]


def test_unknown_language_and_malformed_rows_get_their_error_lines(tmp_path: Path, fake) -> None:
    bad = Candidate(id="2", source="mem", language="fake", error="line 3: not JSON", index=2)
    cands = [candidate(0, "x = 1"), candidate(1, "x = 1", language="klingon"), bad]
    result = run(cands, config(tmp_path), ["mem"])
    assert result.summary["total"] == 3
    assert result.summary["by_reason"] == {"sandbox-unavailable": 1, "malformed-input": 1}


def test_prefilter_rejects_before_any_sandbox(tmp_path: Path, fake) -> None:
    cands = [candidate(0, "a = 1\nb = 2"), candidate(1, "a = 1"), candidate(2, "a = 1\nb = 2")]
    cfg = config(tmp_path, filters=FilterOptions(min_lines=2, dedup="exact"))
    result = run(cands, cfg, ["mem"])
    assert result.summary["by_reason"] == {"min-lines": 1, "exact-duplicate": 1}
    assert fake.calls == ["0"]


def test_sink_writes_in_input_order_whatever_order_verdicts_finish(tmp_path: Path) -> None:
    lines: list[str] = []
    sink = OrderedSink(tmp_path, lambda line: lines.append(line["id"]))
    order = [3, 0, 4, 1, 2]
    for n in order:
        sink.add(n, candidate(n, "x"), Verdict(Status.PASS if n % 2 else Status.FAIL, reason=None if n % 2 else "wrong"))
        assert lines == [str(i) for i in range(len(lines))]  # never out of order, never early
    sink.close()
    assert lines == ["0", "1", "2", "3", "4"]
    kept = [json.loads(x)["i"] for x in (tmp_path / "kept.jsonl").read_text().splitlines()]
    rejected = [json.loads(x)["i"] for x in (tmp_path / "rejected.jsonl").read_text().splitlines()]
    assert kept == [1, 3] and rejected == [0, 2, 4]


def test_files_travel_as_bytes_and_the_sink_writes_them_also_from_the_cache(tmp_path: Path, fake) -> None:
    for attempt in ("first", "cached"):
        out = tmp_path / attempt
        run([candidate(0, "SHOT = 1")], config(tmp_path, out=out), ["mem"])
        line = json.loads((out / "report.jsonl").read_text())
        assert line["cached"] is (attempt == "cached")
        assert (out / line["artifacts"]["screenshot"]).read_bytes() == b"\x89PNG fake"
    assert fake.calls == ["0"]


def test_verdict_round_trips_through_the_cache(tmp_path: Path) -> None:
    v = Verdict(Status.FAIL, [Check("runs", False, "ünïcode \x00 detail")], [TestResult("t1", "failed", "boom")],
                reason="wrong", duration_s=1.23456, artifacts={"notes": ["a"], "n": 3}, files={"x.png": bytes(range(256))})
    cache = VerdictCache(tmp_path)
    cache.put("k", v)
    cache.put("e", Verdict.error("flaky", "no"))
    back = cache.get("k")
    assert back is not None and cache.get("e") is None
    assert back.to_cache() == v.to_cache() and back.files == v.files
    cache.close()


def test_the_cache_is_safe_from_many_threads(tmp_path: Path) -> None:
    cache = VerdictCache(tmp_path)

    def work(i: int) -> None:
        for j in range(50):
            cache.put(f"{i}-{j}", Verdict(Status.PASS))
            assert cache.get(f"{i}-{j}") is not None

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cache.close()


def test_html_report_escapes_what_the_data_says(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    line = {"id": evil, "source": f"{evil}.jsonl", "language": "python", "format": "x", "status": "fail",
            "reason": evil, "checks": [{"name": evil, "passed": False, "detail": evil}], "tests": [],
            "duration_s": 0.1, "cached": False}
    (tmp_path / "report.jsonl").write_text(json.dumps(line) + "\n")
    (tmp_path / "summary.json").write_text(json.dumps({"total": 1, "pass": 0, "fail": 1, "error": 0, "pass_rate": 0,
                                                       "by_check": {evil: {"failed": 1}}, "by_reason": {evil: 1},
                                                       "by_language": {"python": 1}, "cached": 0, "duration_s": 1,
                                                       "examples_per_s": 1, "slowest": [], "inputs": [evil],
                                                       "interrupted": False}))
    write_html_report(tmp_path)
    page = (tmp_path / "report.html").read_text()
    assert evil not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_timeout_is_retried_alone_and_cached_only_when_it_reproduces(tmp_path: Path) -> None:
    """`LOADED` times out on its first run only (a busy machine), `ENDLESS` every time.
    The retries run after the rest of the stream, one at a time, with nothing else
    running; only the reproduced timeout is cached as one."""
    state = {"running": 0, "seen": {}, "alone": []}
    lock = threading.Lock()

    def rule(c: Candidate) -> Verdict:
        with lock:
            state["running"] += 1
            n = state["seen"][c.code] = state["seen"].get(c.code, 0) + 1
            if n > 1:
                state["alone"].append(state["running"])
        try:
            threading.Event().wait(0.05)  # let runs overlap when they can
            if "ENDLESS" in c.code or ("LOADED" in c.code and n == 1):
                return Verdict.from_checks([Check("limits", False, "wall-clock limit exceeded")], reason="timeout")
            return Verdict.from_checks([Check("runs", True)])
        finally:
            with lock:
                state["running"] -= 1

    fake = install("fake_timeouts", rule)
    cands = [candidate(i, code, language="fake_timeouts")
             for i, code in enumerate(["a = 1", "LOADED", "ENDLESS", "b = 2", "c = 3", "d = 4"])]
    with Verifier(config(tmp_path, jobs=3)) as v:
        got = {r.candidate.code: r.verdict for r in v.verify(cands)}
    assert {k: status_of(x) for k, x in got.items()} == {
        "a = 1": ("pass", None), "LOADED": ("pass", None), "ENDLESS": ("fail", "timeout"),
        "b = 2": ("pass", None), "c = 3": ("pass", None), "d = 4": ("pass", None)}
    assert state["alone"] == [1, 1]  # each retry ran with nothing else running
    assert "first run: timeout" in got["LOADED"].artifacts["retry"]
    assert "reproduced" in got["ENDLESS"].artifacts["retry"]
    calls = list(fake.calls)
    with Verifier(config(tmp_path, jobs=3)) as v:  # both final verdicts came from the cache
        again = {r.candidate.code: (status_of(r.verdict), r.cached) for r in v.verify(cands)}
    assert fake.calls == calls
    assert again["ENDLESS"] == (("fail", "timeout"), True) and again["LOADED"] == (("pass", None), True)


def test_verify_one_retries_a_timeout_too(tmp_path: Path) -> None:
    seen: list[str] = []

    def rule(c: Candidate) -> Verdict:
        seen.append(c.id)
        if len(seen) == 1:
            return Verdict.from_checks([Check("limits", False, "slow")], reason="timeout")
        return Verdict.from_checks([Check("runs", False, "wrong")], reason="test-failed")

    install("fake_timeout_one", rule)
    with Verifier(config(tmp_path)) as v:
        verdict = v.verify_one(candidate(0, "x", language="fake_timeout_one"))
    assert status_of(verdict) == ("fail", "test-failed") and seen == ["0", "0"]


def test_ctrl_c_while_a_line_is_being_written_loses_no_line(tmp_path: Path, fake) -> None:
    """SIGINT arrives while the pipeline handles a finished verdict (the moment a
    KeyboardInterrupt used to drop that line): every candidate still gets exactly one line."""
    import os
    import signal

    seen: list[int] = []

    def on_result(result) -> None:
        seen.append(result.seq)
        if len(seen) == 3:
            os.kill(os.getpid(), signal.SIGINT)

    cands = [candidate(i, f"x = {i}") for i in range(40)]
    result = run(cands, config(tmp_path), ["mem"], on_result=on_result)
    lines = [json.loads(x) for x in (tmp_path / "out" / "report.jsonl").read_text().splitlines()]
    assert result.interrupted
    assert [x["id"] for x in lines] == [str(i) for i in range(40)]
    assert {x["reason"] for x in lines if x["status"] == "error"} == {"interrupted"}
    assert sum(x["status"] == "pass" for x in lines) >= 3
