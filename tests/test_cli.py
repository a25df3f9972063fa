"""`codevet verify` as a user runs it: outputs, totals, exit codes, cache, Ctrl-C."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, load_jsonl, read_report, run_cli

PY = FIXTURES / "python"


def test_verify_writes_every_output_and_counts_add_up(tmp_path: Path, cache_env: dict) -> None:
    inputs = [PY / "mbpp_excerpt.jsonl", PY / "humaneval_wrong.jsonl", PY / "malformed.jsonl"]
    proc = run_cli("verify", *inputs, "--out", tmp_path / "out", "--jobs", "2", env=cache_env)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    for name in ("kept.jsonl", "rejected.jsonl", "report.jsonl", "summary.json", "report.html"):
        assert (out / name).is_file(), name
    report = read_report(out)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["total"] == len(report) == 15 + 10 + 7
    assert summary["pass"] + summary["fail"] + summary["error"] == summary["total"]
    assert (summary["pass"], summary["fail"], summary["error"]) == (15 + 2, 10, 5)
    assert summary["by_reason"] == {"test-failed": 10, "malformed-input": 5}
    assert summary["by_check"]["tests"]["passed"] == 17
    # every line names its example, in input order
    assert [r["source"] for r in report[:2]] == ["mbpp_excerpt.jsonl:1", "mbpp_excerpt.jsonl:2"]
    assert {"id", "source", "language", "status", "checks", "tests", "duration_s"} <= set(report[0])
    # kept records are byte-for-byte the input lines
    mbpp_lines = (PY / "mbpp_excerpt.jsonl").read_text().splitlines()
    kept = (out / "kept.jsonl").read_text().splitlines()
    assert kept[:15] == mbpp_lines
    rejected = [json.loads(x) for x in (out / "rejected.jsonl").read_text().splitlines()[:10]]
    assert rejected == load_jsonl(PY / "humaneval_wrong.jsonl")
    assert "report:" in proc.stderr and "report.html" in proc.stderr


def test_html_report_shows_counts_reasons_and_failing_tests(tmp_path: Path, cache_env: dict) -> None:
    proc = run_cli("verify", PY / "humaneval_wrong.jsonl", PY / "mbpp_excerpt.jsonl", "--out", tmp_path, env=cache_env)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "report.html").read_text()
    assert "codevet report" in page and "test-failed" in page
    # the examples are in the embedded table (gzip+base64), checked in a browser in
    # tests/harness/test_html_report_browser.py
    assert "Slowest examples" in page and "pass rate" in page
    assert "src=\"http" not in page and "src='http" not in page and "href=\"http" not in page  # self-contained
    assert "By language" in page and "<h3>python: 25 examples" in page


def test_second_run_does_no_sandbox_work(tmp_path: Path, cache_env: dict) -> None:
    first = run_cli("verify", PY / "humaneval_excerpt.jsonl", "--out", tmp_path / "a", env=cache_env)
    second = run_cli("verify", PY / "humaneval_excerpt.jsonl", "--out", tmp_path / "b", env=cache_env)
    assert first.returncode == second.returncode == 0
    s1 = json.loads((tmp_path / "a" / "summary.json").read_text())
    s2 = json.loads((tmp_path / "b" / "summary.json").read_text())
    assert (s1["cached"], s2["cached"]) == (0, 10)
    assert [r["status"] for r in read_report(tmp_path / "a")] == [r["status"] for r in read_report(tmp_path / "b")]
    third = run_cli("verify", PY / "humaneval_excerpt.jsonl", "--out", tmp_path / "c", "--no-cache", env=cache_env)
    assert json.loads((tmp_path / "c" / "summary.json").read_text())["cached"] == 0, third.stderr


def test_usage_errors_exit_nonzero_with_a_clear_message(tmp_path: Path) -> None:
    missing = run_cli("verify", tmp_path / "nope.jsonl", "--out", tmp_path / "o")
    assert missing.returncode == 2 and "nope.jsonl: no such file" in missing.stderr
    bad_format = run_cli("verify", PY / "mbpp_excerpt.jsonl", "--out", tmp_path / "o", "--format", "csv")
    assert bad_format.returncode == 2 and "unknown --format" in bad_format.stderr
    bad_iso = run_cli("verify", PY / "mbpp_excerpt.jsonl", "--out", tmp_path / "o", "--isolation", "vm")
    assert bad_iso.returncode == 2 and "unknown isolation" in bad_iso.stderr
    (tmp_path / "broken.json").write_text("[{")
    broken = run_cli("verify", tmp_path / "broken.json", "--out", tmp_path / "o")
    assert broken.returncode == 2 and "broken.json: invalid JSON" in broken.stderr


def test_limit_and_explicit_format(tmp_path: Path, cache_env: dict) -> None:
    proc = run_cli("verify", PY / "mbpp_excerpt.jsonl", "--out", tmp_path, "--limit", "3", "--format", "mbpp", env=cache_env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "summary.json").read_text())["total"] == 3


def _slow_input(path: Path, n: int) -> None:
    rows = [{"task_id": i, "text": "sleepy", "code": f"import time\ndef f():\n    time.sleep(0.4)\n    return {i}\n",
             "test_list": [f"assert f() == {i}"], "test_setup_code": "", "challenge_test_list": []} for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_ctrl_c_stops_cleanly_and_a_rerun_resumes(tmp_path: Path, cache_env: dict) -> None:
    data = tmp_path / "slow.jsonl"
    _slow_input(data, 30)
    cmd = [sys.executable, "-m", "codevet", "verify", str(data), "--out", str(tmp_path / "a"), "--jobs", "2"]
    import os
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **cache_env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    def written() -> int:  # the run writes aside (a stage folder) and swaps in at the end
        return sum(len(p.read_text().splitlines()) for p in (tmp_path / "a").glob(".codevet-run-*/report.jsonl"))

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and written() < 4:
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "resume" in err
    lines = read_report(tmp_path / "a")
    assert len(lines) == 30  # nothing vanished: unfinished examples say so
    done = sum(1 for r in lines if r["status"] == "pass")
    assert 4 <= done < 30
    assert {r["reason"] for r in lines if r["status"] == "error"} == {"interrupted"}
    summary = json.loads((tmp_path / "a" / "summary.json").read_text())
    assert summary["interrupted"] and summary["total"] == 30

    again = run_cli("verify", data, "--out", tmp_path / "b", "--jobs", "2", env=cache_env)
    assert again.returncode == 0, again.stderr
    s2 = json.loads((tmp_path / "b" / "summary.json").read_text())
    assert s2["pass"] == 30 and s2["cached"] >= done


def test_doctor_reports_each_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real command for one sandbox (the three.js browser self-test is
    tests/threejs/test_threejs_browser.py::test_doctor); that every sandbox is asked by
    default is seen through the same command in-process, with each sandbox's rows faked."""
    proc = run_cli("doctor", "python", "oot", env={"COLUMNS": "250"})
    assert proc.returncode == 0, proc.stderr
    assert "bwrap" in proc.stdout and "pytest" in proc.stdout and "mips-linux-gnu-gcc" in proc.stdout
    assert "SwiftShader" not in proc.stdout
    wrong = run_cli("doctor", "cobol")
    assert wrong.returncode == 2 and "unknown sandbox cobol" in wrong.stderr

    from typer.testing import CliRunner

    from codevet.harness import cli
    from codevet.sandboxes import available_languages

    class Asked:
        def __init__(self, language: str) -> None:
            self.language = language

        def doctor(self) -> list[tuple[str, bool, str]]:
            return [(f"asked {self.language}", True, "")]
    monkeypatch.setattr(cli, "sandbox_class", Asked)
    monkeypatch.setenv("COLUMNS", "250")
    every = CliRunner().invoke(cli.app, ["doctor"])
    assert every.exit_code == 0, every.output
    assert all(f"asked {language}" in every.output for language in available_languages())


def test_hf_inputs_load_through_datasets_offline(tmp_path: Path, cache_env: dict) -> None:
    """`hf:NAME` goes through `datasets`; here NAME is a local folder, with the hub off."""
    folder = tmp_path / "mbpp_local"
    folder.mkdir()
    (folder / "train.jsonl").write_text((PY / "mbpp_excerpt.jsonl").read_text())
    env = {**cache_env, "HF_HUB_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HOME": str(tmp_path / "hf")}
    proc = run_cli("verify", f"hf:{folder}", "--split", "train", "--out", tmp_path / "out", env=env)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert len(report) == 15 and all(r["status"] == "pass" for r in report)
    assert report[0]["source"].startswith("hf:") and report[0]["format"] == "mbpp"


def test_a_huge_row_among_bad_rows_keeps_the_totals_right(tmp_path: Path, cache_env: dict) -> None:
    big = "BIG = [\n" + "    'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',\n" * 85_000 + "]\n"
    rows = [
        json.dumps({"task_id": 1, "text": "big", "code": big + "def n():\n    return len(BIG)\n",
                    "test_list": ["assert n() == 85000"], "test_setup_code": "", "challenge_test_list": []}),
        '{"task_id": 2, "text": "cut off", "code": "def f(',
        json.dumps({"task_id": 3, "text": "fine", "code": "def f():\n    return 3\n",
                    "test_list": ["assert f() == 3"], "test_setup_code": "", "challenge_test_list": []}),
    ]
    data = tmp_path / "mixed.jsonl"
    data.write_text("\n".join(rows) + "\n")
    assert data.stat().st_size > 5_000_000
    proc = run_cli("verify", data, "--out", tmp_path / "out", env=cache_env)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert [(r["id"], r["status"]) for r in report] == [("1", "pass"), ("1", "error"), ("3", "pass")]
    assert "mixed.jsonl:2" in report[1]["checks"][0]["detail"]
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["total"] == 3


def test_a_many_language_alpaca_file_says_which_format_reads_it(tmp_path: Path, cache_env: dict) -> None:
    """Plain Alpaca fields are read as Python; CodeAlpaca as a local file then keeps almost
    nothing (its answers are JavaScript, SQL, Java...). The run says which format to use."""
    fence = "```"
    rows = [{"instruction": f"task {i}", "input": "", "output": f"{fence}{lang}\n{code}\n{fence}"} for i, (lang, code) in
            enumerate([("javascript", "const twice = (x) => x * 2;"), ("sql", "SELECT name FROM users WHERE age > 30;"),
                       ("java", "public class A { public static void main(String[] a) { } }"),
                       ("python", "print(sum([1, 2, 3]))")])]
    data = tmp_path / "alpaca.json"
    data.write_text(json.dumps(rows))
    proc = run_cli("verify", data, "--out", tmp_path / "out", "--jobs", "1", env=cache_env)
    assert proc.returncode == 0, proc.stderr
    assert "3 of 4 alpaca rows were read as Python" in proc.stderr and "--format polyglot_alpaca" in proc.stderr


def test_the_alpaca_hint_needs_most_rows_to_hold_no_python() -> None:
    from codevet.harness.hints import AlpacaLanguageHint

    def hint(reasons: list[str | None], fmt: str = "alpaca") -> list[str]:
        h = AlpacaLanguageHint()
        for r in reasons:
            h.add({"format": fmt, "language": "python", "reason": r})
        return h.notes()

    assert hint(["no-code"] * 3 + [None] * 7)  # 3 of 10
    assert not hint(["no-code"] * 2 + [None] * 8)  # 2: too few to say
    assert not hint(["no-code"] * 3 + [None] * 20)  # 3 of 23: under a fifth
    assert not hint(["no-code"] * 10, fmt="mbpp")  # another format's rows
