"""Bad files as a user meets them: every record gets its line naming file:line, the run
always leaves a consistent --out, and what cannot run at all is a clear message with
exit 2, never a traceback."""
from __future__ import annotations

import gzip
import json
import random
import string
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, read_report, run_cli

pytestmark = pytest.mark.start_early  # a long file: see tests/conftest.py

PY = FIXTURES / "python"


def _row(i: int, code: str | None = None) -> str:
    return json.dumps({"task_id": i, "text": f"return {i}", "code": code or f"def f():\n    return {i}\n",
                       "test_list": [f"assert f() == {i}"], "test_setup_code": "", "challenge_test_list": []})


def _no_traceback(proc: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


def _consistent(out: Path, without_record: int = 0) -> dict:
    """report, kept + rejected and the summary agree, and the HTML report exists
    (`without_record`: report lines that stand for no record, e.g. where a .gz was cut)."""
    report = read_report(out)
    summary = json.loads((out / "summary.json").read_text())
    kept = (out / "kept.jsonl").read_text().splitlines()
    rejected = (out / "rejected.jsonl").read_text().splitlines()
    assert summary["total"] == len(report) == len(kept) + len(rejected) + without_record
    assert summary["pass"] == len(kept)
    assert (out / "report.html").is_file()
    assert not list(out.glob(".codevet-run-*"))
    return summary


def test_hostile_records_are_each_their_own_malformed_input_line(tmp_path: Path, cache_env: dict) -> None:
    data = tmp_path / "hostile.jsonl"
    lines = [
        "\ufeff" + _row(1),                                  # a byte order mark before the first record
        '{"task_id": 2, "text": "x", "code": ' + "9" * 5000 + "}",  # an int longer than int() converts
        "[" * 100_000 + "]" * 100_000,                       # nested deeper than the parser recurses
        _row(4),
    ]
    data.write_bytes(("\n".join(lines) + "\n").encode() + b'{"task_id": 5, "text": "\xff\xfe"}\n' + _row(6).encode() + b"\n")
    proc = run_cli("verify", data, "--out", tmp_path / "out", env=cache_env)
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert [r["status"] for r in report] == ["pass", "error", "error", "pass", "error", "pass"]
    details = {r["source"]: r["checks"][0]["detail"] for r in report if r["status"] == "error"}
    assert set(details) == {"hostile.jsonl:2", "hostile.jsonl:3", "hostile.jsonl:5"}
    assert "hostile.jsonl:2" in details["hostile.jsonl:2"] and "ValueError" in details["hostile.jsonl:2"]
    assert "nested too deeply" in details["hostile.jsonl:3"]
    assert "not UTF-8" in details["hostile.jsonl:5"]
    assert {r["reason"] for r in report if r["status"] == "error"} == {"malformed-input"}
    _consistent(tmp_path / "out")


def test_a_truncated_gzip_reports_every_line_before_the_cut(tmp_path: Path, cache_env: dict) -> None:
    def incompressible(i: int) -> str:  # a few rows then fill half the gzip stream: few examples run
        row = json.loads(_row(i))
        row["notes"] = "".join(random.Random(i).choices(string.ascii_letters, k=3000))
        return json.dumps(row)
    whole = gzip.compress("".join(incompressible(i) + "\n" for i in range(16)).encode())
    data = tmp_path / "cut.jsonl.gz"
    data.write_bytes(whole[: len(whole) // 2])
    proc = run_cli("verify", data, "--out", tmp_path / "out", env=cache_env)
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert len(report) >= 2 and all(r["status"] == "pass" for r in report[:-1])
    assert [r["id"] for r in report[:-1]] == [str(i) for i in range(len(report) - 1)]  # nothing skipped
    last = report[-1]
    assert last["status"] == "error" and last["reason"] == "malformed-input"
    assert "truncated" in last["checks"][0]["detail"] and "cut.jsonl.gz" in last["checks"][0]["detail"]
    _consistent(tmp_path / "out", without_record=1)


@pytest.mark.parametrize("case", ["out-is-file", "out-under-file", "out-not-writable", "out-not-creatable",
                                  "input-dir", "input-empty", "input-blank-lines", "input-unreadable"])
def test_what_cannot_run_is_a_message_and_exit_2(tmp_path: Path, case: str) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(_row(1) + "\n")
    a_file = tmp_path / "a_file"
    a_file.write_text("x")
    inputs, out, expect = [good], tmp_path / "out", ""
    if case == "out-is-file":
        out, expect = a_file, "is a file, not a directory"
    elif case == "out-under-file":
        out, expect = a_file / "sub", "is a file, so no directory can be made under it"
    elif case == "out-not-writable":
        out, expect = Path("/proc"), "cannot write there"  # not writable even by root
    elif case == "out-not-creatable":
        out, expect = Path("/proc/codevet-out"), "cannot create it"
    elif case == "input-dir":
        inputs, expect = [tmp_path], "is a directory"
    elif case == "input-empty":
        (tmp_path / "empty.jsonl").write_text("")
        inputs, expect = [tmp_path / "empty.jsonl"], "is empty"
    elif case == "input-blank-lines":
        (tmp_path / "blank.jsonl").write_text("\n\n  \n")
        inputs, expect = [tmp_path / "blank.jsonl"], "no records in"
    elif case == "input-unreadable":
        # a name that opens but cannot be read, even by root (as a plain user: chmod 000)
        (tmp_path / "mem.jsonl").symlink_to("/proc/self/mem")
        inputs, expect = [tmp_path / "mem.jsonl"], "cannot be read"
    proc = run_cli("verify", *inputs, "--out", out, env={"CODEVET_CACHE_DIR": str(tmp_path / "cache")})
    _no_traceback(proc)
    assert proc.returncode == 2, proc.stderr
    assert expect in proc.stderr


def test_hf_without_network_fails_fast_with_the_offline_hint(tmp_path: Path) -> None:
    env = {k: "" for k in ("HF_HUB_OFFLINE", "HF_DATASETS_OFFLINE")}
    env.update({"HF_HOME": str(tmp_path / "hf"), "CODEVET_HF_HOST": "127.0.0.1"})  # nothing listens on :443
    proc = run_cli("verify", "hf:mbpp", "--out", tmp_path / "out", env=env)
    _no_traceback(proc)
    assert proc.returncode == 2 and "HF_HUB_OFFLINE=1" in proc.stderr, proc.stderr
    assert not (tmp_path / "out").exists()  # nothing half-written


def test_an_input_that_stops_mid_run_still_leaves_a_whole_out(tmp_path: Path, cache_env: dict) -> None:
    """The second input cannot be read: the first one's examples are all reported, the
    summary says why the run stopped, and the exit code says it too."""
    (tmp_path / "broken.json").write_text("[{")
    proc = run_cli("verify", PY / "mbpp_excerpt.jsonl", tmp_path / "broken.json", "--out", tmp_path / "out",
                   env=cache_env)
    _no_traceback(proc)
    assert proc.returncode == 2 and "broken.json: invalid JSON" in proc.stderr
    summary = _consistent(tmp_path / "out")
    assert summary["total"] == 15 and "broken.json" in summary["stopped"]


def test_a_100_mb_code_line_is_too_large_not_early_exit(tmp_path: Path, cache_env: dict) -> None:
    data = tmp_path / "big.jsonl"
    big = "X = '" + "x" * 100_000_000 + "'\ndef f():\n    return 1\n"
    data.write_text(_row(1, big) + "\n" + _row(2) + "\n")
    proc = run_cli("verify", data, "--out", tmp_path / "out", env=cache_env)
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    report = read_report(tmp_path / "out")
    assert [(r["status"], r["reason"]) for r in report] == [("error", "too-large"), ("pass", None)]
    assert "100.0 MB" in report[0]["checks"][0]["detail"] and "workspace" in report[0]["checks"][0]["detail"]
    assert len(report[0]["code"]) < 1_000_000  # the report carries a capped excerpt
    _consistent(tmp_path / "out")


def _slow(path: Path, n: int) -> None:
    path.write_text("".join(_row(i, f"import time\ndef f():\n    time.sleep(0.3)\n    return {i}\n") + "\n"
                            for i in range(n)))


def test_kill_9_leaves_the_previous_run_whole_and_the_next_run_cleans_up(tmp_path: Path, cache_env: dict) -> None:
    out = tmp_path / "out"
    first = run_cli("verify", PY / "mbpp_excerpt.jsonl", "--out", out, env=cache_env)
    assert first.returncode == 0, first.stderr
    before = _consistent(out)
    data = tmp_path / "slow.jsonl"
    _slow(data, 40)
    proc = subprocess.Popen([sys.executable, "-m", "codevet", "verify", str(data), "--out", str(out), "--jobs", "2"],
                            cwd=ROOT, env={**os.environ, **cache_env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob(".codevet-run-*/config.json")):
        time.sleep(0.1)
    time.sleep(1.5)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(out.glob(".codevet-run-*"))  # the killed run's stage
    assert json.loads((out / "summary.json").read_text()) == before  # out is still the first run, whole
    assert len(read_report(out)) == before["total"]
    again = run_cli("verify", PY / "mbpp_excerpt.jsonl", "--out", out, env=cache_env)
    assert again.returncode == 0, again.stderr
    _consistent(out)  # and the stage of the killed run is gone


def test_progress_prints_plain_lines_when_not_a_terminal(tmp_path: Path, cache_env: dict) -> None:
    data = tmp_path / "slow.jsonl"
    _slow(data, 8)
    proc = run_cli("verify", data, "--out", tmp_path / "out", "--jobs", "2",
                   env={**cache_env, "CODEVET_PROGRESS_EVERY_S": "0.2"})
    assert proc.returncode == 0, proc.stderr
    lines = [x for x in proc.stderr.splitlines() if x.startswith("verifying: ")]
    assert len(lines) >= 2, proc.stderr
    assert lines[-1].startswith("verifying: 8/8 (100.0%)") and "/s" in lines[-1] and "ETA" in lines[-1]
    assert "8 pass, 0 fail, 0 error | python 8" in lines[-1]


@pytest.mark.slow  # a browser for one Ctrl-C; tests/test_cli.py interrupts a Python run in make test
def test_ctrl_c_during_a_threejs_run_prints_no_traceback(tmp_path: Path, cache_env: dict) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "codevet", "verify", str(FIXTURES / "threejs" / "good.json"),
                             "--out", str(out), "--no-cache"], cwd=ROOT, env={**os.environ, **cache_env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(out.glob(".codevet-run-*/config.json")):
        time.sleep(0.1)
    time.sleep(3)  # Chromium is up and pages are rendering
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    summary = _consistent(out)
    assert summary["interrupted"]
