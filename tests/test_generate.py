"""`codevet generate` against a local server that speaks the Messages API: the real SDK
over real HTTP, the real sandboxes on whatever the scripted model returns."""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import load_jsonl, run_cli
from fake_anthropic import FakeAnthropic, error, message

USAGE = {"input_tokens": 200, "output_tokens": 100, "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 0}
# claude-sonnet prices from generators/llm/prices.json: $3 in, $15 out, cache reads at 0.1x
COST_PER_REPLY = (200 * 3 + 1000 * 3 * 0.1 + 100 * 15) / 1_000_000


def _index(body: dict[str, Any]) -> int:
    first = body["messages"][0]["content"]
    return int(re.search(r"example #(\d+)", first if isinstance(first, str) else json.dumps(first)).group(1))


def _round(body: dict[str, Any]) -> int:
    return (len(body["messages"]) - 1) // 2 + 1


def python_example(i: int, good: bool = True, syntax_error: bool = False, instruction: str | None = None) -> dict:
    op = "+" if good else "-"
    code = f"def add_{i}(a, b):\n    return a {op} b\n" if not syntax_error else f"def add_{i}(a, b)\n    return a + b\n"
    tests = (f"from solution import add_{i}\n\n" + "".join(
        f"def test_{n}():\n    assert add_{i}({a}, {b}) == {a + b}\n\n" for n, (a, b) in enumerate([(1, 2), (0, 0), (-1, 1), (10, 5)])))
    return {"instruction": instruction or f"Write a function add_{i} that adds two numbers (example {i}).",
            "code": code, "tests": tests}


class PythonScript:
    """What the scripted model does, by example index (see the test for the story)."""

    def __init__(self) -> None:
        self.calls: dict[tuple[int, str], int] = {}
        self.replies = 0
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]):
        tool = body["tools"][0]["name"]
        if tool == "submit_judgement":
            text = body["messages"][0]["content"]
            low = "example 3)" in text or "example 15)" in text
            return self._ok("submit_judgement", {"technical_accuracy": 8, "usefulness": 7,
                                                 "quality_score": 4.0 if low else 8.5, "rationale": "scripted"})
        i, rnd = _index(body), _round(body)
        with self.lock:
            n = self.calls[(i, "gen")] = self.calls.get((i, "gen"), 0) + 1
        if i == 5 and n == 1:
            return 200, b'{"id": "msg_broken", "type": "mess', {}
        if i == 6:
            return self._ok("submit_example", {"instruction": "Missing its tests", "code": "x = 1\n"})
        if i == 7 and n == 1:
            return error(429, "rate_limit_error", "slow down")
        if i == 8:
            return error(529, "overloaded_error", "Overloaded")
        if i == 1:
            return self._ok("submit_example", python_example(i, good=rnd >= 2))
        if i in (2, 17):
            return self._ok("submit_example", python_example(i, good=False))
        if i == 10:
            return self._ok("submit_example", python_example(i, syntax_error=rnd == 1))
        if i == 4:
            return self._ok("submit_example", python_example(i, instruction="Write a function ADD_0 that adds two numbers (example 0)!"))
        return self._ok("submit_example", python_example(i))

    def _ok(self, tool: str, data: dict):
        with self.lock:
            self.replies += 1
        return 200, message(tool, data, USAGE), {}


def _generate(fake: FakeAnthropic, out: Path, *args: str, cache_env: dict) -> Any:
    env = {**cache_env, "ANTHROPIC_BASE_URL": fake.url, "ANTHROPIC_API_KEY": "sk-test-not-a-key"}
    return run_cli("generate", *args, "--out", out, "--max-retries", "2", "--jobs", "2", env=env)


def test_scripted_python_run_keeps_only_what_passes(tmp_path: Path, cache_env: dict) -> None:
    script = PythonScript()
    with FakeAnthropic(script) as fake:
        proc = _generate(fake, tmp_path, "python", "--n", "20", "--concurrency", "4", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    meta = json.loads((tmp_path / "metadata.json").read_text())
    kept = load_jsonl(tmp_path / "kept.jsonl")
    assert len(report) == 20
    expect = {1: ("kept", None, None), 2: ("rejected", "sandbox", "test-failed"), 3: ("rejected", "judge", "low-quality"),
              4: ("rejected", "duplicate", "duplicate-instruction"), 5: ("kept", None, None),
              6: ("rejected", "generation", "unparseable"), 7: ("kept", None, None),
              8: ("error", "generation", "api-overloaded"), 10: ("kept", None, None),
              15: ("rejected", "judge", "low-quality"), 17: ("rejected", "sandbox", "test-failed")}
    for i in range(20):
        got = (report[i]["status"], report[i]["layer"], report[i]["reason"])
        assert got == expect.get(i, ("kept", None, None)), (i, report[i])
    assert len(report[1]["rounds"]) == 2 and report[1]["rounds"][0]["reason"] == "test-failed"
    assert [r["reason"] for r in report[10]["rounds"]] == ["syntax-error", None]
    assert len(report[2]["rounds"]) == 3  # the first try and two repairs
    # kept: in alpaca format, and only the passing ones
    assert len(kept) == meta["totals"]["kept"] == 13
    assert all(set(k) == {"instruction", "input", "output"} and "```python" in k["output"] for k in kept)
    # the repair request carried the sandbox's own evidence back to the model
    repair = next(r for r in fake.requests if r["tools"][0]["name"] == "submit_example" and _index(r) == 1 and _round(r) == 2)
    evidence = repair["messages"][2]["content"][0]["content"]
    assert "test-failed" in evidence and "assert" in evidence
    # metadata adds up
    t = meta["totals"]
    assert t["kept"] + t["rejected"] + t["error"] + t["skipped"] == 20
    assert meta["stopped_by"] == {"sandbox": 2, "judge": 2, "duplicate": 1, "generation": 2}
    assert meta["layers"]["sandbox"]["entered"] == 18 and meta["layers"]["sandbox"]["passed"] == 16
    assert meta["repairs"]["repaired_and_kept"] == 2
    assert meta["tokens"]["input"] == 200 * script.replies and meta["tokens"]["cache_read"] == 1000 * script.replies
    assert meta["cost_usd"] == pytest.approx(COST_PER_REPLY * script.replies, rel=1e-6)
    assert meta["type_distribution"]["requested"]
    assert meta["average_quality"] is not None
    # the shared system prompt is marked for caching
    assert all(r["system"][0]["cache_control"]["type"] == "ephemeral" for r in fake.requests)


def test_spend_limit_stops_cleanly_with_what_was_kept(tmp_path: Path, cache_env: dict) -> None:
    count = {"n": 0}
    lock = threading.Lock()

    def script(body):
        with lock:
            count["n"] += 1
            n = count["n"]
        if n > 4:  # two examples (generate + judge each), then the cap
            return error(429, "rate_limit_error", "You have reached your spend limit.",
                         error_code="enforced_spend_limit_reached", retry=False)
        if body["tools"][0]["name"] == "submit_judgement":
            return 200, message("submit_judgement", {"technical_accuracy": 9, "usefulness": 9, "quality_score": 9}, USAGE), {}
        return 200, message("submit_example", python_example(_index(body)), USAGE), {}

    with FakeAnthropic(script) as fake:
        proc = _generate(fake, tmp_path, "python", "--n", "6", "--concurrency", "1", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((tmp_path / "metadata.json").read_text())
    report = load_jsonl(tmp_path / "report.jsonl")
    assert len(report) == 6 and meta["stopped"]["reason"] == "spend-limit"
    assert [r["status"] for r in report] == ["kept", "kept", "error", "skipped", "skipped", "skipped"]
    assert len(load_jsonl(tmp_path / "kept.jsonl")) == 2
    assert count["n"] == 5  # nothing was sent after the spend limit
    assert "spend limit" in proc.stderr


def test_budget_stops_before_it_is_exceeded(tmp_path: Path, cache_env: dict) -> None:
    script = PythonScript()
    with FakeAnthropic(script) as fake:
        proc = _generate(fake, tmp_path, "python", "--n", "10", "--concurrency", "1", "--budget-usd", "0.02",
                         "--max-tokens", "1024", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((tmp_path / "metadata.json").read_text())
    assert meta["stopped"]["reason"] == "budget"
    assert 0 < meta["cost_usd"] <= 0.02
    assert meta["totals"]["kept"] >= 1 and meta["totals"]["skipped"] >= 1
    assert len(load_jsonl(tmp_path / "report.jsonl")) == 10


def test_batch_collects_results_and_resumes_without_resubmitting(tmp_path: Path, cache_env: dict) -> None:
    def batch_script(body):
        i = _index(body)
        if i == 1:
            return 500, {"type": "error", "error": {"type": "api_error", "message": "internal"}}, {}
        if i == 2:
            return 0, None, {}  # expired
        return 200, message("submit_example", python_example(i), USAGE), {}

    live = PythonScript()
    with FakeAnthropic(live, batch_script) as fake:
        proc = _generate(fake, tmp_path, "python", "--n", "4", "--batch", "--poll-seconds", "0.05", cache_env=cache_env)
        assert proc.returncode == 0, proc.stderr
        report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
        assert (report[1]["status"], report[1]["reason"]) == ("rejected", "batch-errored")
        assert (report[2]["status"], report[2]["reason"]) == ("rejected", "batch-expired")
        assert report[0]["status"] == "kept"
        assert (report[3]["layer"], report[3]["reason"]) == ("judge", "low-quality")  # the scripted judge
        manifest = json.loads((tmp_path / "batch.json").read_text())
        assert manifest["batch_id"] in fake.batches and len(fake.batches) == 1
        meta = json.loads((tmp_path / "metadata.json").read_text())
        # two batch replies at half price, plus two live judge replies at full price
        assert meta["cost_usd"] == pytest.approx(COST_PER_REPLY * (2 * 0.5 + 2), rel=1e-6)
        # an interrupted run picks the same batch up instead of paying for it again
        again = _generate(fake, tmp_path, "python", "--n", "4", "--batch", "--poll-seconds", "0.05", cache_env=cache_env)
        assert again.returncode == 0, again.stderr
        assert len(fake.batches) == 1
        assert json.loads((tmp_path / "metadata.json").read_text())["batch_info"]["resumed"] is True


def test_generate_needs_an_api_key(tmp_path: Path) -> None:
    proc = run_cli("generate", "python", "--n", "1", "--out", tmp_path, env={"ANTHROPIC_API_KEY": ""})
    assert proc.returncode == 2 and "ANTHROPIC_API_KEY" in proc.stderr
