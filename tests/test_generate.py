"""`codevet generate` against a local server that speaks the Messages API: the real SDK
over real HTTP, the real sandboxes on whatever the scripted model returns."""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from conftest import load_jsonl, run_cli
from fake_anthropic import FakeAnthropic, attempt, error, example_index, message

USAGE = {"input_tokens": 200, "output_tokens": 100, "cache_read_input_tokens": 1000, "cache_creation_input_tokens": 0}
# claude-sonnet prices from generators/llm/prices.json: $3 in, $15 out, cache reads at 0.1x
COST_PER_REPLY = (200 * 3 + 1000 * 3 * 0.1 + 100 * 15) / 1_000_000


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
        i, rnd = example_index(body), attempt(body)
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
        got = (report[i]["outcome"], report[i]["layer"], report[i]["reason"])
        assert got == expect.get(i, ("kept", None, None)), (i, report[i])
    assert len(report[1]["rounds"]) == 2 and report[1]["rounds"][0]["reason"] == "test-failed"
    assert [r["reason"] for r in report[10]["rounds"]] == ["syntax-error", None]
    assert len(report[2]["rounds"]) == 3  # the first try and two repairs
    # kept: in alpaca format, and only the passing ones
    assert len(kept) == meta["totals"]["kept"] == 13
    assert all(set(k) == {"instruction", "input", "output"} and "```python" in k["output"] for k in kept)
    # the repair request carried the sandbox's own evidence back to the model
    repair = next(r for r in fake.requests if r["tools"][0]["name"] == "submit_example" and example_index(r) == 1 and attempt(r) == 2)
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
        return 200, message("submit_example", python_example(example_index(body)), USAGE), {}

    with FakeAnthropic(script) as fake:
        proc = _generate(fake, tmp_path, "python", "--n", "6", "--concurrency", "1", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((tmp_path / "metadata.json").read_text())
    report = load_jsonl(tmp_path / "report.jsonl")
    assert len(report) == 6 and meta["stopped"]["reason"] == "spend-limit"
    assert [r["outcome"] for r in report] == ["kept", "kept", "error", "skipped", "skipped", "skipped"]
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
        i = example_index(body)
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
        assert (report[1]["outcome"], report[1]["reason"]) == ("rejected", "batch-errored")
        assert (report[2]["outcome"], report[2]["reason"]) == ("rejected", "batch-expired")
        assert report[0]["outcome"] == "kept"
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


def check_story(out: Path, fake: FakeAnthropic, repaired_reason: str, never_reason: str, record_keys: set[str]) -> dict:
    """The scripted 20-candidate story the three.js and OoT runs share: #1 fails for
    `repaired_reason`, is repaired on round 2 with the sandbox's evidence; #2 never passes;
    #3 is judged low; #4 repeats #0's instruction; every other one is kept."""
    report = {r["index"]: r for r in load_jsonl(out / "report.jsonl")}
    meta = json.loads((out / "metadata.json").read_text())
    assert len(report) == 20
    assert [r["reason"] for r in report[1]["rounds"]] == [repaired_reason, None]
    assert (report[2]["layer"], report[2]["reason"]) == ("sandbox", never_reason)
    assert (report[3]["layer"], report[3]["reason"]) == ("judge", "low-quality")
    assert (report[4]["layer"], report[4]["reason"]) == ("duplicate", "duplicate-instruction")
    others = [report[i] for i in range(20) if i not in (1, 2, 3, 4)]
    assert all(r["outcome"] == "kept" for r in others), [(r["index"], r["reason"], r["detail"]) for r in others if r["outcome"] != "kept"]
    kept = load_jsonl(out / "kept.jsonl")
    assert len(kept) == meta["totals"]["kept"] == len(others) + 1
    assert all(set(k) == record_keys for k in kept)
    repair = next(r for r in fake.requests if r["tools"][0]["name"] == "submit_example"
                  and example_index(r) == 1 and attempt(r) == 2)
    assert repaired_reason in repair["messages"][2]["content"][0]["content"]  # the sandbox's own evidence
    t = meta["totals"]
    assert t["kept"] + t["rejected"] + t["error"] + t["skipped"] == 20
    return meta


THREEJS_GOOD = json.loads((Path(__file__).parent.parent / "fixtures" / "threejs" / "good.json").read_text())
THREEJS_BAD = {r["expect"]: r for r in json.loads((Path(__file__).parent.parent / "fixtures" / "threejs" / "bad.json").read_text())}


def threejs_example(i: int, source: dict, tag: bool = True) -> dict:
    return {"description": source["description"] + (f" (scene {i})" if tag else ""), "code": source["code"],
            "filename": f"scene-{i}.js"}


def threejs_script(body: dict[str, Any]):
    if body["tools"][0]["name"] == "submit_judgement":
        low = "(scene 3)" in body["messages"][0]["content"]
        return 200, message("submit_judgement", {"technical_accuracy": 8, "usefulness": 8,
                                                 "quality_score": 3.0 if low else 8.0}, USAGE), {}
    i, rnd = example_index(body), attempt(body)
    good = THREEJS_GOOD[i % len(THREEJS_GOOD)]
    if i == 1 and rnd == 1:  # described as rotating, but static: fixed once told so
        return 200, message("submit_example", threejs_example(i, THREEJS_BAD["motion"]), USAGE), {}
    if i == 1:
        return 200, message("submit_example", threejs_example(i, THREEJS_GOOD[0]), USAGE), {}
    if i == 2:  # renders nothing visible, every time
        return 200, message("submit_example", threejs_example(i, THREEJS_BAD["frame-not-blank"]), USAGE), {}
    if i == 4:
        return 200, message("submit_example", threejs_example(0, THREEJS_GOOD[0]), USAGE), {}  # duplicate of #0
    return 200, message("submit_example", threejs_example(i, good), USAGE), {}


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="chromium is not installed")
def test_scripted_threejs_run_gates_on_the_real_browser(tmp_path: Path, cache_env: dict) -> None:
    with FakeAnthropic(threejs_script) as fake:
        proc = _generate(fake, tmp_path, "threejs", "--n", "20", "--concurrency", "2", "--timeout", "20",
                         cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = check_story(tmp_path, fake, "motion", "frame-not-blank", {"description", "code", "filename"})
    assert meta["totals"]["kept"] == 17


OOT_GOOD = load_jsonl(Path(__file__).parent.parent / "fixtures" / "oot" / "good.jsonl")
OOT_BAD = {r["expect"]: r for r in load_jsonl(Path(__file__).parent.parent / "fixtures" / "oot" / "bad.jsonl")}


def oot_example(i: int, source: dict) -> dict:
    return {"instruction": f"{source['instruction']} (request {i})", "input": source.get("input", ""),
            "output": source["output"]}


def oot_script(body: dict[str, Any]):
    if body["tools"][0]["name"] == "submit_judgement":
        low = "(request 3)" in body["messages"][0]["content"]
        return 200, message("submit_judgement", {"technical_accuracy": 8, "usefulness": 8,
                                                 "quality_score": 2.0 if low else 7.5}, USAGE), {}
    i, rnd = example_index(body), attempt(body)
    if i == 1:  # calls a function the game does not have, fixed when shown gcc's diagnostics
        return 200, message("submit_example", oot_example(i, OOT_BAD["unknown-function"] if rnd == 1 else OOT_GOOD[0]), USAGE), {}
    if i == 2:  # never compiles
        return 200, message("submit_example", oot_example(i, OOT_BAD["unknown-field"]), USAGE), {}
    if i == 4:
        return 200, message("submit_example", oot_example(0, OOT_GOOD[0]), USAGE), {}  # duplicate of #0
    return 200, message("submit_example", oot_example(i, OOT_GOOD[i % len(OOT_GOOD)]), USAGE), {}


@pytest.mark.skipif(not Path("/usr/bin/mips-linux-gnu-gcc").exists(), reason="mips-linux-gnu-gcc is not installed")
def test_scripted_oot_run_gates_on_the_real_compiler(tmp_path: Path, cache_env: dict) -> None:
    with FakeAnthropic(oot_script) as fake:
        proc = _generate(fake, tmp_path, "oot", "--n", "20", "--concurrency", "4", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = check_story(tmp_path, fake, "unknown-function", "unknown-field", {"instruction", "input", "output"})
    assert meta["totals"]["kept"] == 17
    # the six OoT example types are spread over the requests
    assert set(meta["type_distribution"]["requested"]) == {"architecture_question", "code_explanation", "code_modification",
                                                          "conversational", "debugging_help", "feature_implementation"}
    assert meta["cost_usd"] == pytest.approx(COST_PER_REPLY * meta["requests"], rel=1e-6)


def test_vision_layer_sees_the_screenshot_and_can_reject(tmp_path: Path, cache_env: dict) -> None:
    def script(body: dict[str, Any]):
        tool = body["tools"][0]["name"]
        if tool == "submit_visual_check":
            image = body["messages"][0]["content"][0]
            assert image["type"] == "image" and image["source"]["media_type"] == "image/png"
            assert len(image["source"]["data"]) > 1000  # a real screenshot, base64
            matches = "(scene 1)" not in body["messages"][0]["content"][1]["text"]
            return 200, message(tool, {"matches": matches, "reason": "scripted look"}, USAGE), {}
        if tool == "submit_judgement":
            return 200, message(tool, {"technical_accuracy": 9, "usefulness": 9, "quality_score": 9}, USAGE), {}
        i = example_index(body)
        return 200, message("submit_example", threejs_example(i, THREEJS_GOOD[i]), USAGE), {}

    with FakeAnthropic(script) as fake:
        proc = _generate(fake, tmp_path, "threejs", "--n", "2", "--vision", "--timeout", "20", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    assert report[0]["outcome"] == "kept" and report[0]["judge"]["visual"]["matches"] is True
    assert (report[1]["layer"], report[1]["reason"]) == ("judge", "visual-mismatch")
    assert sum(r["tools"][0]["name"] == "submit_visual_check" for r in fake.requests) == 2
