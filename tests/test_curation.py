"""Curation: the common datasets by name, filters that run before any sandbox,
de-duplication across all inputs, and mixes of earlier runs."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.generators.presets import PRESETS, find_preset
from codevet.harness.dedup import DedupIndex, exact_key, lsh_params
from conftest import FIXTURES, load_jsonl, read_report, run_cli

P = FIXTURES / "presets"
PRESET_FILES = {
    "iamtarun/python_code_instructions_18k_alpaca": "python_code_instructions_18k_alpaca.jsonl",
    "sahil2801/code_instructions_120k": "code_instructions_120k.jsonl",
    "deepmind/code_contests": "code_contests.jsonl",
    "codeparrot/apps": "apps.jsonl",
    "livecodebench/code_generation_lite": "livecodebench.jsonl",
    "codeparrot/github-code": "github_code.jsonl",
    "greengerong/leetcode": "leetcode.jsonl",
    "teknium/GPTeacher-General-Instruct": "gpteacher.jsonl",
    "mbpp": "mbpp.jsonl",
    "openai_humaneval": "openai_humaneval.jsonl",
    "sahil2801/CodeAlpaca-20k": "CodeAlpaca-20k.jsonl",
    "code_search_net": "code_search_net.jsonl",
}


def _all_presets_args() -> list[str]:
    args: list[str] = [str(P / f) for f in PRESET_FILES.values()]
    for name in PRESET_FILES:
        args += ["--preset", name]
    return args


def test_every_preset_has_a_fixture_in_its_own_shape() -> None:
    assert set(PRESET_FILES) == set(PRESETS)
    for name, file in PRESET_FILES.items():
        cands = list(read_candidates(str(P / file), PRESETS[name].format))
        assert cands and all(c.error is None for c in cands), name
        assert {c.format for c in cands} == {PRESETS[name].format}


def test_presets_are_found_by_hub_name_alias_or_short_name() -> None:
    assert find_preset("codeparrot/apps").format == "apps"
    assert find_preset("apps").format == "apps"
    assert find_preset("google-research-datasets/mbpp").format == "mbpp"
    assert find_preset("deepmind/code_contests:default").format == "code_contests"
    assert find_preset("nobody/unknown") is None


@pytest.mark.slow  # every preset's rows through their sandboxes: `make test-slow`
def test_one_run_over_every_preset_counts_each_rejection_by_reason(tmp_path: Path, cache_env: dict) -> None:
    n_in = sum(len(load_jsonl(P / f)) for f in PRESET_FILES.values())
    proc = run_cli("verify", *_all_presets_args(), "--dedup", "near", "--min-code-ratio", "0.3", "--allow-untested",
                   "--out", tmp_path, env=cache_env)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    report = read_report(tmp_path)
    assert summary["total"] == len(report) == n_in  # counts in = counts reported
    reasons = summary["by_reason"]
    # filters, duplicates and the sandbox each reject for their own named reason
    assert reasons["code-ratio"] == 3 and reasons["language"] == 1  # code_instructions_120k now checks its JavaScript
    assert reasons["exact-duplicate"] == 1 and reasons["near-duplicate"] == 1
    assert reasons["test-failed"] == 2 and reasons["syntax-error"] == 3  # + code_search_net.jsonl:4 (JavaScript)
    assert sum(reasons.values()) == summary["fail"] + summary["error"]
    by_src = {r["source"]: r for r in report}
    exact = by_src["code_instructions_120k.jsonl:1"]
    assert "duplicate of" in exact["checks"][-1]["detail"]
    near = by_src["github_code.jsonl:5"]
    assert near["reason"] == "near-duplicate"
    assert near["artifacts"]["duplicate_of"]["source"] == "github_code.jsonl:4"
    # a rejected-by-filter example never reached a sandbox
    for line in report:
        if line["reason"] in ("code-ratio", "language", "exact-duplicate", "near-duplicate"):
            assert not any(c["name"] in ("tests", "imports", "runs") for c in line["checks"]), line


def test_require_code_block_and_line_limits(tmp_path: Path, cache_env: dict) -> None:
    proc = run_cli("verify", P / "gpteacher.jsonl", P / "leetcode.jsonl", "--require-code-block", "--max-lines", "5",
                   "--allow-untested", "--out", tmp_path, env=cache_env)
    assert proc.returncode == 0, proc.stderr
    got = {r["source"]: r["reason"] for r in read_report(tmp_path)}
    assert got["gpteacher.jsonl:2"] == "code-block"  # prose only
    assert got["leetcode.jsonl:2"] == "code-block"
    assert got["leetcode.jsonl:1"] == "max-lines"  # 6 lines of code
    assert got["gpteacher.jsonl:1"] is None


def test_dedup_exact_ignores_comments_and_layout_and_near_finds_renames() -> None:
    a = "def f(x):\n    # double it\n    return x * 2\n"
    b = "def f(x):\n\treturn x * 2   # twice\n"
    assert exact_key(a) == exact_key(b)
    assert exact_key(a) != exact_key(a.replace("2", "3"))
    idx = DedupIndex(near=True, threshold=0.8)
    base = (P / "github_code.jsonl").read_text().splitlines()[3]
    code = json.loads(base)["code"]
    assert idx.check(code, "a", "s:1") is None
    dup = idx.check(code.replace("top_groups", "best_groups"), "b", "s:2")
    assert dup is not None and dup.kind == "near" and dup.of_id == "a"
    assert idx.check("import os\nprint(os.getcwd())\n", "c", "s:3") is None
    bands, rows = lsh_params(128, 0.8)
    assert bands * rows == 128 and abs((1 / bands) ** (1 / rows) - 0.8) < 0.1


def _run(tmp_path: Path, name: str, files: list[str], cache_env: dict) -> Path:
    out = tmp_path / name
    proc = run_cli("verify", *[P / f for f in files], "--allow-untested", "--out", out, env=cache_env)
    assert proc.returncode == 0, proc.stderr
    return out


def test_mix_weights_seed_curriculum_and_card(tmp_path: Path, cache_env: dict) -> None:
    apps = _run(tmp_path, "apps", ["apps.jsonl"], cache_env)
    mbpp = _run(tmp_path, "mbpp", ["mbpp.jsonl", "openai_humaneval.jsonl"], cache_env)
    n_apps, n_mbpp = len(load_jsonl(apps / "kept.jsonl")), len(load_jsonl(mbpp / "kept.jsonl"))
    assert (n_apps, n_mbpp) == (2, 4)
    out = tmp_path / "mix.jsonl"
    proc = run_cli("mix", apps, mbpp, "--weights", "apps=2,mbpp=0.5", "--out", out, "--seed", "7")
    assert proc.returncode == 0, proc.stderr
    lines = out.read_text().splitlines()
    assert len(lines) == 2 * n_apps + n_mbpp // 2
    kept = set((apps / "kept.jsonl").read_text().splitlines()) | set((mbpp / "kept.jsonl").read_text().splitlines())
    assert set(lines) <= kept  # records exactly as kept
    again = tmp_path / "again.jsonl"
    run_cli("mix", apps, mbpp, "--weights", "apps=2,mbpp=0.5", "--out", again, "--seed", "7")
    assert again.read_text() == out.read_text()  # seeded
    card = out.with_suffix(".card.md").read_text()
    assert "| apps |" in card and "| mbpp |" in card and "100.0%" in card and "weight" in card
    # curriculum: APPS' own levels order it (introductory before interview)
    cur = tmp_path / "cur.jsonl"
    assert run_cli("mix", apps, "--out", cur, "--curriculum").returncode == 0
    levels = [json.loads(x)["difficulty"] for x in cur.read_text().splitlines()]
    assert levels == sorted(levels, key=("introductory", "interview", "competition").index)
    bad = run_cli("mix", apps, "--weights", "nope=1", "--out", tmp_path / "x.jsonl")
    assert bad.returncode == 2 and "unknown sources" in bad.stderr


@pytest.mark.parametrize("spec", ["a=", "a=-1", "a"])
def test_bad_weights_are_usage_errors(tmp_path: Path, spec: str) -> None:
    proc = run_cli("mix", FIXTURES, "--weights", spec, "--out", tmp_path / "m.jsonl")
    assert proc.returncode == 2


def test_hf_name_picks_the_preset(tmp_path: Path, cache_env: dict) -> None:
    """`hf:.../apps` is loaded by `datasets` (a local folder, the hub off) and mapped by
    the APPS preset, with no --format."""
    folder = tmp_path / "codeparrot" / "apps"
    folder.mkdir(parents=True)
    (folder / "test.jsonl").write_text((P / "apps.jsonl").read_text())
    env = {**cache_env, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    proc = run_cli("verify", f"hf:{folder}", "--split", "test", "--out", tmp_path / "out", env=env)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert [r["format"] for r in report] == ["apps"] * 3
    assert [r["status"] for r in report] == ["pass", "pass", "fail"]
