"""`codevet generate` against the strict API emulator (tests/anthropic_emulator.py): the
real SDK over real HTTP, every request checked the way the API checks it.

The generator's own logic runs on the in-memory fake sandbox (tests/fake_cli.py), so
these runs take about a second each; one small run per language at the end goes through
the real sandboxes (pytest in bwrap, Chromium, mips-linux-gnu-gcc)."""
from __future__ import annotations

import json
import re
import subprocess
import threading
from pathlib import Path
from typing import Any

from dataclasses import dataclass

import pytest

from anthropic_emulator import Emulator, Fault, spend_limit_400
from conftest import load_jsonl, run_cli
from fake_cli import any_text
from fakes import by_marker, install

pytestmark = pytest.mark.start_early  # a long file: see tests/conftest.py

KEY = "sk-test-not-a-key"
GUIDE_FIELDS = {"total_examples", "average_quality", "type_distribution"}


def kind(body: dict[str, Any]) -> str:
    system = body["system"][0]["text"]
    if system.startswith("You review training examples"):
        return "judge"
    if system.startswith("You look at one screenshot"):
        return "vision"
    return "example"


def example_index(body: dict[str, Any]) -> int:
    first = body["messages"][0]["content"]
    return int(re.search(r"example #(\d+)", first if isinstance(first, str) else json.dumps(first)).group(1))


def attempt(body: dict[str, Any]) -> int:
    return (len(body["messages"]) - 1) // 2 + 1


def judged_index(body: dict[str, Any]) -> int:
    return int(re.search(r"\(example (\d+)\)", body["messages"][0]["content"]).group(1))


def judgement(accuracy: float = 9, usefulness: float = 8, terminology: bool = True, issues: int = 0) -> dict:
    return {"technical_accuracy": accuracy, "usefulness": usefulness, "uses_proper_terminology": terminology,
            "technical_issues": [f"issue {n}" for n in range(issues)], "rationale": "scripted"}


def python_example(i: int, fail: bool = False, instruction: str | None = None) -> dict:
    marker = "  # FAIL" if fail else ""
    return {"instruction": instruction or f"Write a function add_{i}(a, b) that adds two numbers (example {i}).",
            "code": f"def add_{i}(a, b):\n    return a + b{marker}\n",
            "tests": f"from solution import add_{i}\n\ndef test_add():\n    assert add_{i}(1, 2) == 3\n"}


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def cli(languages: str, emu: Emulator | None, out: Path | None, *args: str, cache_env: dict, key: str = KEY,
        base_url: str | None = None) -> Ran:
    """`codevet generate ...` run in this process (the SDK is imported once for all these
    tests) with the in-memory fake sandbox registered for `languages` (tests/fake_cli.py
    has the same launcher for a subprocess)."""
    from typer.testing import CliRunner

    from codevet.harness.cli import app
    from codevet.sandboxes import REGISTERED

    saved = dict(REGISTERED)
    for language in languages.split(","):
        install(language, by_marker if language == "python" else any_text)
    env = {**cache_env, "ANTHROPIC_BASE_URL": base_url or emu.url, "ANTHROPIC_API_KEY": key}
    argv = ["generate", *map(str, args), *(["--out", str(out)] if out else []), "--max-retries", "1", "--jobs", "2"]
    try:
        result = CliRunner().invoke(app, argv, env=env, catch_exceptions=False)
    finally:
        REGISTERED.clear()
        REGISTERED.update(saved)
    return Ran(result.exit_code, result.stdout, result.stderr)


def meta_of(out: Path) -> dict:
    return json.loads((out / "metadata.json").read_text())


class PythonModel:
    """The scripted model of the python run. #1 fails, then is repaired; #2 never passes;
    #3 is judged inaccurate; #4 repeats #0's instruction; #5 is judged not useful; #6 has
    three technical issues (score below --min-score); every other one is kept."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls = 0

    def __call__(self, body: dict[str, Any]) -> Any:
        with self.lock:
            self.calls += 1
        if kind(body) == "judge":
            i = judged_index(body)
            return {3: judgement(accuracy=4), 5: judgement(usefulness=3), 6: judgement(issues=3)}.get(i, judgement())
        i, rnd = example_index(body), attempt(body)
        if i == 1:
            return python_example(i, fail=rnd == 1)
        if i == 2:
            return python_example(i, fail=True)
        if i == 4:
            return python_example(i, instruction=python_example(0)["instruction"])
        return python_example(i)


def test_python_run_is_accepted_by_the_strict_emulator(tmp_path: Path, cache_env: dict) -> None:
    model = PythonModel()
    with Emulator(model) as emu:
        proc = cli("python", emu, tmp_path, "python", "--num-examples", "12", "--concurrency", "3",
                   cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    assert emu.rejections == [] and emu.violations == []  # no 4xx, replies fit their schemas
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    expect = {1: ("kept", None, None), 2: ("rejected", "sandbox", "wrong"), 3: ("rejected", "accuracy", "low-accuracy"),
              4: ("rejected", "duplicate", "duplicate-instruction"), 5: ("rejected", "usefulness", "low-usefulness"),
              6: ("rejected", "quality", "low-quality")}
    for i in range(12):
        assert (report[i]["outcome"], report[i]["layer"], report[i]["reason"]) == expect.get(i, ("kept", None, None)), report[i]
    meta = meta_of(tmp_path)
    assert meta["total_examples"] == 7 >= 12 / 2
    # the repair turn carried the reply back unchanged (thinking first) and the evidence
    repair = next(b for b in emu.requests if kind(b) == "example" and example_index(b) == 1 and attempt(b) == 2)
    assert repair["messages"][1]["content"][0]["type"] == "thinking"
    assert "wrong" in repair["messages"][2]["content"][0]["text"]
    # current models: structured output and adaptive thinking, no forced tool, room to think
    assert all("tool_choice" not in b and "tools" not in b for b in emu.requests)
    assert all(b["output_config"]["format"]["type"] == "json_schema" for b in emu.requests)
    assert all(b["thinking"] == {"type": "adaptive"} and b["max_tokens"] >= 16000 for b in emu.requests)
    # caching pays: the shared prefix is long enough and read back from the second request on
    assert meta["cache"]["prefix_long_enough"] and meta["tokens"]["cache_read"] > meta["tokens"]["cache_write"] > 0
    assert meta["cache"]["requests_with_cache_read"] >= meta["requests"] - 3  # one write per prefix (generate, judge)
    # the guide's score: base + code bonus + terminology bonus - penalties
    assert report[0]["score"] == {"score": 9.0, "parts": {"base": 6.0, "code_example_bonus": 2.0, "terminology_bonus": 1.0,
                                                           "issue_penalty": -0.0, "low_usefulness_penalty": 0.0}}
    assert report[6]["score"]["score"] == 4.5
    assert meta["average_quality"] == 9.0  # over the kept examples only


def test_batch_run_matches_shuffled_results_by_custom_id_and_resumes(tmp_path: Path, cache_env: dict) -> None:
    live: list[int] = []

    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            return judgement()
        i = example_index(body)
        return python_example(i)

    def faults(body: dict[str, Any], n: int) -> Fault | None:
        return None

    with Emulator(model, faults=faults, polls_to_end=2) as emu:
        # #3's batch request errors (the emulator answers it as an overloaded error); it is asked again live
        real_message = emu.message

        def message(body: dict[str, Any], record: bool = True):
            if not record and kind(body) == "example" and example_index(body) == 3:
                return Fault(529, "overloaded_error", "Overloaded")
            if record and kind(body) == "example":
                live.append(example_index(body))
            return real_message(body, record)

        emu.message = message  # type: ignore[method-assign]
        proc = cli("python", emu, tmp_path, "python", "--n", "8", "--batch", "--poll-seconds", "0.01",
                   cache_env=cache_env)
        assert proc.returncode == 0, proc.stderr
        assert emu.rejections == []
        (batch,) = emu.batches.values()
        order = [r["custom_id"] for r in batch["results"]]
        assert order != sorted(order)  # the results came back shuffled
        report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
        assert all(report[i]["outcome"] == "kept" for i in range(8))
        assert all(f"add_{i}" in report[i]["instruction"] for i in range(8))  # matched by custom_id, not order
        assert live == [3] and "asked again live" in " ".join(report[3]["notes"])
        meta = meta_of(tmp_path)
        assert meta["batch_info"]["counts"] == {"succeeded": 7, "errored": 1}
        again = cli("python", emu, tmp_path, "python", "--n", "8", "--batch", "--poll-seconds", "0.01",
                    cache_env=cache_env)
        assert again.returncode == 0, again.stderr
        assert len(emu.batches) == 1 and meta_of(tmp_path)["batch_info"]["resumed"] is True


@pytest.mark.parametrize("case", ["unknown-model", "bad-key", "invalid-parameter", "no-network"])
def test_faults_every_request_would_get_stop_the_run_at_once(case: str, tmp_path: Path, cache_env: dict) -> None:
    faults = (lambda body, n: Fault(400, "invalid_request_error", "output_config.format: not supported here")) \
        if case == "invalid-parameter" else None
    with Emulator(lambda body: judgement() if kind(body) == "judge" else python_example(example_index(body)),
                  faults=faults) as emu:
        args = ["python", "--n", "40", "--concurrency", "2"]
        if case == "unknown-model":
            args += ["--model", "claude-nonexistent-9"]
        proc = cli("python", emu, tmp_path, *args, cache_env=cache_env, key="sk-wrong" if case == "bad-key" else KEY,
                   base_url="http://127.0.0.1:9" if case == "no-network" else None)
    expected = {"unknown-model": ("api-not-found", "model: claude-nonexistent-9"),
                "bad-key": ("api-auth", "invalid x-api-key"),
                "invalid-parameter": ("api-invalid-request", "output_config.format: not supported here"),
                "no-network": ("api-unreachable", "cannot reach the API")}[case]
    assert proc.returncode == 3, proc.stderr
    assert expected[1] in proc.stderr  # the API's own words, on screen
    meta = meta_of(tmp_path)
    assert meta["stopped"]["reason"] == expected[0] and meta["stopped"]["fatal"] is True
    assert len(emu.requests) <= 2  # stopped at once: only what was already in flight
    assert meta["totals"]["skipped"] >= 38 and len(load_jsonl(tmp_path / "report.jsonl")) == 40


def test_spend_limit_400_stops_with_what_was_kept_written(tmp_path: Path, cache_env: dict) -> None:
    def faults(body: dict[str, Any], n: int) -> Fault | None:
        return spend_limit_400() if n > 6 else None  # three examples (write + judge), then the limit

    model = lambda body: judgement() if kind(body) == "judge" else python_example(example_index(body))  # noqa: E731
    with Emulator(model, faults=faults) as emu:
        proc = cli("python", emu, tmp_path, "python", "--n", "10", "--concurrency", "1", cache_env=cache_env)
    assert proc.returncode == 3
    assert "spend limit" in proc.stderr and "workspace API usage limits" in proc.stderr
    report = load_jsonl(tmp_path / "report.jsonl")
    assert [r["outcome"] for r in report] == ["kept"] * 3 + ["error"] + ["skipped"] * 6
    assert len(load_jsonl(tmp_path / "kept.jsonl")) == 3 == meta_of(tmp_path)["total_examples"]
    assert len(emu.requests) == 7  # nothing sent after the limit answered


def test_per_candidate_faults_stay_per_candidate(tmp_path: Path, cache_env: dict) -> None:
    def faults(body: dict[str, Any], n: int) -> Fault | None:
        if kind(body) == "example" and example_index(body) == 2:
            return Fault(529, "overloaded_error", "Overloaded")
        return None

    model = lambda body: judgement() if kind(body) == "judge" else python_example(example_index(body))  # noqa: E731
    with Emulator(model, faults=faults) as emu:
        proc = cli("python", emu, tmp_path, "python", "--n", "4", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    assert (report[2]["outcome"], report[2]["reason"]) == ("error", "api-overloaded")
    assert sum(r["outcome"] == "kept" for r in report.values()) == 3


def test_batch_that_cannot_be_read_keeps_its_id_and_is_collected_next_time(tmp_path: Path, cache_env: dict) -> None:
    broken = {"on": True}

    def batch_faults(stage: str) -> Fault | None:
        return Fault(500, "api_error", "Internal server error") if stage == "results" and broken["on"] else None

    model = lambda body: judgement() if kind(body) == "judge" else python_example(example_index(body))  # noqa: E731
    with Emulator(model, batch_faults=batch_faults) as emu:
        proc = cli("python", emu, tmp_path, "python", "--n", "3", "--batch", "--poll-seconds", "0.01",
                   cache_env=cache_env)
        assert proc.returncode == 3 and "Traceback" not in proc.stderr
        assert "run the same command again" in proc.stderr
        manifest = json.loads((tmp_path / "batch.json").read_text())
        assert manifest["batch_id"] in emu.batches
        assert len(load_jsonl(tmp_path / "report.jsonl")) == 3  # every candidate has its line
        broken["on"] = False
        again = cli("python", emu, tmp_path, "python", "--n", "3", "--batch", "--poll-seconds", "0.01",
                    cache_env=cache_env)
        assert again.returncode == 0, again.stderr
        assert len(emu.batches) == 1 and meta_of(tmp_path)["total_examples"] == 3


def test_batch_that_cannot_be_created_falls_back_to_live(tmp_path: Path, cache_env: dict) -> None:
    model = lambda body: judgement() if kind(body) == "judge" else python_example(example_index(body))  # noqa: E731
    with Emulator(model, batch_faults=lambda stage: Fault(529, "overloaded_error", "Overloaded")
                  if stage == "create" else None) as emu:
        proc = cli("python", emu, tmp_path, "python", "--n", "2", "--batch", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    meta = meta_of(tmp_path)
    assert meta["batch_info"]["fallback"] == "live" and meta["total_examples"] == 2


STATIC_CUBE = """const scene = new THREE.Scene();
scene.background = new THREE.Color(0x202020);
const camera = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100);
camera.position.set(0, 1, 5);
const renderer = new THREE.WebGLRenderer({ antialias: true });
renderer.setSize(innerWidth, innerHeight);
document.body.appendChild(renderer.domElement);
const light = new THREE.DirectionalLight(0xffffff, 2);
light.position.set(2, 4, 3);
scene.add(light);
scene.add(new THREE.AmbientLight(0xffffff, 0.3));
const cube = new THREE.Mesh(
  new THREE.BoxGeometry(1, 1, 1),
  new THREE.MeshStandardMaterial({ color: 0xdd2222 })
);
scene.add(cube);
const clock = new THREE.Clock();
function animate() {
  requestAnimationFrame(animate);
  cube.rotation.y = clock.getElapsedTime() * 0.8;
  renderer.render(scene, camera);
}
addEventListener('resize', () => {
  camera.aspect = innerWidth / innerHeight;
  camera.updateProjectionMatrix();
  renderer.setSize(innerWidth, innerHeight);
});
animate();
"""


def threejs_example(i: int, description: str | None = None, marker: str = "") -> dict:
    return {"description": description or f"Create a red cube that rotates slowly (scene {i}).",
            "code": STATIC_CUBE + (f"// {marker}\n" if marker else ""), "filename": f"red-cube-{i}.js"}


def test_threejs_run_gates_on_the_guide_checklist_and_writes_the_json_array(tmp_path: Path, cache_env: dict) -> None:
    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            return judgement()
        if kind(body) == "vision":
            return {"matches": True, "reason": "a red cube"}
        i, rnd = example_index(body), attempt(body)
        if i == 1 and rnd == 1:  # a picture description, not an instruction: fixed when told
            return threejs_example(i, description=f"A red cube on a dark background (scene {i}).")
        if i == 2:  # names a blue sphere the code never draws, every time
            return threejs_example(i, description=f"Create a blue sphere floating in space (scene {i}).")
        return threejs_example(i, marker="SHOT" if i == 3 else "")

    with Emulator(model) as emu:
        proc = cli("threejs", emu, tmp_path, "threejs", "--n", "6", "--vision", "--max-repairs", "1",
                   cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    assert emu.rejections == []
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    assert [x["reason"] for x in report[1]["rounds"]] == ["instruction-style", None]
    assert (report[2]["layer"], report[2]["reason"]) == ("sandbox", "matches-description")
    names = {c["name"] for c in report[0]["checks"]}
    assert {"instruction-style", "one-to-three-sentences", "self-contained", "20-100-lines", "complete",
            "matches-description"} <= names
    assert report[3]["judge"]["visual"]["matches"] is True  # the screenshot was looked at
    kept = json.loads((tmp_path / "kept.json").read_text())
    assert isinstance(kept, list) and len(kept) == 5 and set(kept[0]) == {"description", "code", "filename"}


def test_a_vision_fault_does_not_lose_a_paid_candidate(tmp_path: Path, cache_env: dict) -> None:
    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            return judgement()
        return threejs_example(example_index(body), marker="SHOT")

    faults = lambda body, n: Fault(529, "overloaded_error", "Overloaded") if kind(body) == "vision" else None  # noqa: E731
    with Emulator(model, faults=faults) as emu:
        proc = cli("threejs", emu, tmp_path, "threejs", "--n", "2", "--vision", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = load_jsonl(tmp_path / "report.jsonl")
    assert all(r["outcome"] == "kept" and "error" in r["judge"]["visual"] for r in report)


def oot_answer(i: int, with_asm: bool = False) -> dict:
    out = ("Use `Math_SmoothStepToS` each frame:\n\n```c\nvoid EnExample_Face(Actor* actor) {\n"
           "    actor->shape.rot.y += 0x100;\n}\n```\n")
    if with_asm:
        out += "\nAs a hook:\n\n```asm\naddiu $sp, $sp, -0x18\nsw $ra, 0x14($sp)\n```\n"
    return {"instruction": f"How do I turn my actor toward Link smoothly? (request {i})", "input": "", "output": out}


def test_oot_run_meets_the_guide_contract(tmp_path: Path, cache_env: dict) -> None:
    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            i = int(re.search(r"\(request (\d+)\)", body["messages"][0]["content"]).group(1))
            return {2: judgement(accuracy=6), 3: judgement(usefulness=5), 4: judgement(terminology=False, issues=1)}.get(
                i, judgement())
        i = example_index(body)
        return oot_answer(i, with_asm=i == 5)

    output = tmp_path / "oot_dataset.json"
    with Emulator(model) as emu:
        proc = cli("oot", emu, None, "oot", "--num-examples", "12", "--output", output, "--api-key", KEY,
                   "--min-accuracy", "7", "--min-usefulness", "6", cache_env=cache_env, key="")
        assert proc.returncode == 0, proc.stderr
    assert emu.rejections == []
    out = tmp_path / "oot_dataset.codevet"
    meta = meta_of(out)
    assert GUIDE_FIELDS <= set(meta)
    kept = json.loads(output.read_text())
    assert meta["total_examples"] == len(kept) == 10
    assert meta["type_distribution"] == {t: n for t, n in meta["type_distribution"].items() if n} and \
        sum(meta["type_distribution"].values()) == 10 and all(isinstance(v, int) for v in meta["type_distribution"].values())
    report = {r["index"]: r for r in load_jsonl(out / "report.jsonl")}
    assert (report[2]["layer"], report[2]["reason"]) == ("accuracy", "low-accuracy")
    assert (report[3]["layer"], report[3]["reason"]) == ("usefulness", "low-usefulness")
    assert report[4]["score"]["score"] == 6.5 and report[4]["outcome"] == "kept"  # 6 + 2 - 1.5
    assert meta["average_quality"] == pytest.approx((9 * 9 + 6.5) / 10)
    # context templates chosen per type, complexity levels cycled
    prompts = [b["messages"][0]["content"] for b in emu.requests if kind(b) == "example"]
    assert {re.search(r"Complexity: (\w+)", p).group(1) for p in prompts} == {"beginner", "intermediate", "advanced"}
    contexts = {re.search(r"context template: (\w+)", p).group(1) for p in prompts}
    assert {"actor_categories_memory", "z_targeting", "objects_assets", "asm_patches"} & contexts
    system = next(b for b in emu.requests if kind(b) == "example")["system"][0]["text"]
    for name in ("actor_categories_memory", "z_targeting", "objects_assets", "asm_patches"):
        assert f"- {name}:" in system


def test_the_emulator_refuses_what_the_api_refuses() -> None:
    """The emulator's own fixtures: each request the API would refuse gets a 400 here."""
    import anthropic

    def model(body: dict[str, Any]) -> Any:
        return {"x": 1}

    schema = {"type": "json_schema", "schema": {"type": "object", "properties": {"x": {"type": "integer"}},
                                                "required": ["x"], "additionalProperties": False}}
    base = {"model": "claude-sonnet-5-5", "max_tokens": 16000, "messages": [{"role": "user", "content": "hi"}],
            "thinking": {"type": "adaptive"}, "output_config": {"format": schema}}
    with Emulator(model) as emu:
        client = anthropic.Anthropic(api_key=KEY, base_url=emu.url, max_retries=0)
        first = client.messages.create(**base)
        assert first.content[0].type == "thinking" and first.stop_reason == "end_turn"
        back = [{"type": "thinking", "thinking": first.content[0].thinking, "signature": first.content[0].signature},
                {"type": "text", "text": first.content[1].text}]
        ok_turn = base["messages"] + [{"role": "assistant", "content": back}, {"role": "user", "content": "again"}]
        assert client.messages.create(**{**base, "messages": ok_turn}).stop_reason == "end_turn"
        tool = {"name": "submit", "input_schema": {"type": "object", "properties": {}}}
        refused = {
            "forced tool with thinking": {**base, "tools": [tool], "tool_choice": {"type": "tool", "name": "submit"}},
            "forced tool, thinking left out (the model always thinks)": {
                **{k: v for k, v in base.items() if k != "thinking"}, "tools": [tool], "tool_choice": {"type": "any"}},
            "prefill": {**base, "messages": base["messages"] + [{"role": "assistant", "content": "{"}]},
            "thinking dropped on the next turn": {**base, "messages": base["messages"] + [
                {"role": "assistant", "content": [back[1]]}, {"role": "user", "content": "again"}]},
            "thinking edited": {**base, "messages": base["messages"] + [
                {"role": "assistant", "content": [{**back[0], "thinking": "edited"}, back[1]]},
                {"role": "user", "content": "again"}]},
            "unknown parameter": {**base, "extra_body": {"temperature_boost": 2}},
            "thinking type the model does not take": {**base, "thinking": {"type": "enabled", "budget_tokens": 2048}},
            "object schema without additionalProperties": {**base, "output_config": {"format": {
                "type": "json_schema", "schema": {"type": "object", "properties": {}}}}},
        }
        for name, params in refused.items():
            with pytest.raises(anthropic.BadRequestError):
                client.messages.create(**params)
            assert emu.rejections[-1][0] == 400, name
        with pytest.raises(anthropic.NotFoundError, match="claude-nonexistent-9"):
            client.messages.create(**{**base, "model": "claude-nonexistent-9"})
        # the old max_tokens (4096) cannot hold the thinking and the answer
        assert client.messages.create(**{**base, "max_tokens": 4096}).stop_reason == "max_tokens"
        # a prefix below the model's minimum is not cached; one above it is, and read back
        short = {**base, "system": [{"type": "text", "text": "short", "cache_control": {"type": "ephemeral"}}]}
        long = {**base, "system": [{"type": "text", "text": "rules " * 600, "cache_control": {"type": "ephemeral"}}]}
        assert client.messages.create(**short).usage.cache_creation_input_tokens == 0
        assert client.messages.create(**long).usage.cache_creation_input_tokens > 512
        assert client.messages.create(**long).usage.cache_read_input_tokens > 512
        # batches: custom_id rules
        for bad_id in ("has space", "x" * 65, "dup"):
            reqs = [{"custom_id": bad_id, "params": base}] + ([{"custom_id": "dup", "params": base}] if bad_id == "dup" else [])
            with pytest.raises(anthropic.BadRequestError):
                client.messages.batches.create(requests=reqs)


def test_prices_are_the_pricing_pages_and_dated() -> None:
    from codevet.generators.llm.client import DEFAULT_MODEL
    from codevet.generators.llm.pricing import cost_usd, load_prices, price_for, table_date

    table = load_prices()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", table_date() or "")
    sonnet = price_for(DEFAULT_MODEL, table)
    assert (sonnet.input, sonnet.output, sonnet.cache_read) == (2.0, 10.0, 0.05)
    assert (price_for("claude-haiku-5-5", table).input, price_for("claude-haiku-5-5", table).output) == (0.1, 0.5)
    assert (price_for("claude-fable-5-1", table).input, price_for("claude-mythos-5-1", table).output) == (10.0, 50.0)
    assert price_for("claude-opus-5-5", table).input == 4.0
    assert price_for("claude-unknown-7", table).input >= max(p.input for p in table.values())  # errs towards stopping
    usage = {"input_tokens": 1000, "output_tokens": 500, "cache_read_input_tokens": 2000, "cache_creation_input_tokens": 100}
    assert cost_usd(usage, sonnet) == pytest.approx((1000 * 2 + 500 * 10 + 2000 * 2 * 0.05 + 100 * 2 * 1.25) / 1e6)
    assert cost_usd(usage, sonnet, batch=True) == pytest.approx(cost_usd(usage, sonnet) / 2)


def test_every_shared_prefix_is_long_enough_to_be_cached() -> None:
    from codevet.generators.llm import templates
    from codevet.generators.llm.capabilities import capabilities
    from codevet.generators.llm.client import DEFAULT_MODEL
    from codevet.generators.llm.languages import SPECS

    minimum = capabilities(DEFAULT_MODEL).cache_min_tokens
    prefixes = {lang: spec.system_prompt() for lang, spec in SPECS.items()}
    prefixes.update(judge=templates.template("judge.md"), vision=templates.template("vision.md"))
    short = {name: len(text) // 4 for name, text in prefixes.items() if len(text) // 4 < minimum}
    assert not short, short


def test_generate_needs_an_api_key(tmp_path: Path) -> None:
    proc = run_cli("generate", "python", "--n", "1", "--out", tmp_path, env={"ANTHROPIC_API_KEY": ""})
    assert proc.returncode == 2 and "ANTHROPIC_API_KEY" in proc.stderr


# -- one small real run per language ---------------------------------------------------------

def real(language: str, emu: Emulator, out: Path, *args: str, cache_env: dict, jobs: int = 2) -> subprocess.CompletedProcess:
    env = {**cache_env, "ANTHROPIC_BASE_URL": emu.url, "ANTHROPIC_API_KEY": KEY}
    return run_cli("generate", language, *args, "--out", out, "--max-retries", "1", "--jobs", str(jobs), env=env)


def test_real_python_run_repairs_from_pytest_evidence(tmp_path: Path, cache_env: dict) -> None:
    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            return judgement()
        i, rnd = example_index(body), attempt(body)
        ex = python_example(i)
        if i == 1 and rnd == 1:
            ex["code"] = ex["code"].replace("a + b", "a - b")
        return ex

    with Emulator(model) as emu:
        proc = real("python", emu, tmp_path, "--n", "2", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    assert report[0]["outcome"] == report[1]["outcome"] == "kept"
    assert [r["reason"] for r in report[1]["rounds"]] == ["test-failed", None]


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="chromium is not installed")
def test_real_threejs_run_renders_in_chromium(tmp_path: Path, cache_env: dict) -> None:
    with Emulator(lambda body: judgement() if kind(body) == "judge" else threejs_example(example_index(body))) as emu:
        proc = real("threejs", emu, tmp_path, "--n", "2", "--timeout", "20", cache_env=cache_env, jobs=1)  # one browser
    assert proc.returncode == 0, proc.stderr
    assert meta_of(tmp_path)["total_examples"] == 2 and emu.rejections == []


@pytest.mark.skipif(not Path("/usr/bin/mips-linux-gnu-gcc").exists(), reason="mips-linux-gnu-gcc is not installed")
def test_real_oot_run_compiles_and_assembles(tmp_path: Path, cache_env: dict) -> None:
    def model(body: dict[str, Any]) -> Any:
        if kind(body) == "judge":
            return judgement()
        i, rnd = example_index(body), attempt(body)
        ex = oot_answer(i, with_asm=True)
        if i == 1 and rnd == 1:  # an ASM patch the assembler rejects, fixed when shown its error
            ex["output"] = ex["output"].replace("addiu $sp, $sp, -0x18", "addiu $sp, $sp")
        return ex

    with Emulator(model) as emu:
        proc = real("oot", emu, tmp_path, "--n", "2", cache_env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = {r["index"]: r for r in load_jsonl(tmp_path / "report.jsonl")}
    assert [r["reason"] for r in report[1]["rounds"]] == ["asm-error", None]
    assert all(r["outcome"] == "kept" for r in report.values())


@pytest.mark.parametrize("fault,expected", [
    (Fault(401, "authentication_error", "invalid x-api-key"), ("stop", "api-auth")),
    (Fault(402, "billing_error", "Your credit balance is too low"), ("stop", "spend-limit")),
    (Fault(403, "permission_error", "This key cannot use this model"), ("stop", "api-permission")),
    (Fault(404, "not_found_error", "model: claude-nonexistent-9"), ("stop", "api-not-found")),
    (Fault(400, "invalid_request_error", "thinking.type: 'enabled' is not supported"), ("stop", "api-invalid-request")),
    (spend_limit_400(), ("stop", "spend-limit")),
    (Fault(429, "rate_limit_error", "spend cap", error_code="enforced_spend_limit_reached", retry=False),
     ("stop", "spend-limit")),
    (Fault(400, "invalid_request_error", "prompt is too long: 210000 tokens > 200000 maximum"),
     ("one", "api-request-too-large")),
    (Fault(413, "request_too_large", "Request exceeds the maximum size"), ("one", "api-request-too-large")),
    (Fault(429, "rate_limit_error", "Number of requests has exceeded your rate limit", retry=False),
     ("one", "api-rate-limited")),
    (Fault(500, "api_error", "Internal server error", retry=False), ("one", "api-server-error")),
    (Fault(529, "overloaded_error", "Overloaded", retry=False), ("one", "api-overloaded")),
])
def test_each_api_fault_is_sorted_into_run_stopping_or_one_candidate(fault: Fault, expected: tuple[str, str]) -> None:
    import anthropic

    from codevet.generators.llm.client import LLMClient, Ledger, ReplyFailed, StopRun
    from codevet.generators.llm.generator import ExampleGenerator
    from codevet.generators.llm.languages import SPECS
    from codevet.generators.llm.pricing import Price

    with Emulator(lambda body: python_example(0), faults=lambda body, n: fault) as emu:
        client = anthropic.Anthropic(api_key=KEY, base_url=emu.url, max_retries=0)
        gen = ExampleGenerator(LLMClient("claude-sonnet-5-5", Ledger(Price(2, 10)), client=client), SPECS["python"])
        with pytest.raises((StopRun, ReplyFailed)) as caught:
            gen.write(0, "function")
    kind_, reason = expected
    assert isinstance(caught.value, StopRun if kind_ == "stop" else ReplyFailed)
    assert caught.value.reason == reason
    assert fault.message in str(caught.value)  # the API's own words travel to the screen
