"""Not root is a first-class mode. Run as root, these tests start codevet as a uid of
their own (setpriv: a real non-root user with no other processes, so everything counted
under it was started here) and check what a plain user gets: the hostile fixtures'
verdicts equal root's, a fork bomb stays bounded, OoT compiles pass while the user has
70 other processes, and example code has no capabilities."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, read_report, run_cli
from codevet.sandboxes.isolation import bwrap_works

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None or not bwrap_works(),
                                 reason="needs root (to become another user), setpriv and bwrap")]
VENV = Path("/tmp/codevet-nonroot-venv")
UID = 47_000 + os.getpid() % 1000  # no passwd entry: nothing else on the machine runs as it


@pytest.fixture()
def home() -> Path:
    """The user's home, outside pytest's tmp (0700, root's)."""
    h = Path(tempfile.mkdtemp(prefix="codevet-nonroot-"))
    os.chmod(h, 0o755)
    os.chown(h, UID, UID)
    yield h
    shutil.rmtree(h, ignore_errors=True)


def _reachable(path: str) -> bool:
    """Can a user with no special rights run this (every folder on the way searchable)?"""
    p = Path(os.path.realpath(path))
    return all(os.stat(d).st_mode & 0o001 for d in p.parents) and bool(os.stat(p).st_mode & 0o001)


@pytest.fixture(scope="session")
def user_python() -> str:
    """An interpreter with codevet installed by pip, as a user would have it. The dev
    venv's interpreter often lives under /root (pyenv), which no other user can run."""
    if _reachable(sys.executable) and "site-packages" in str(Path(__file__)):
        return sys.executable
    base = "/usr/bin/python3"
    if not (VENV / "bin" / "python").exists():
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", str(ROOT)], check=True)
    else:  # this checkout's code, over the dependencies installed before
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)],
                       check=True)
    return str(VENV / "bin" / "python")


def _as_user(home: Path, *args: str) -> list[str]:
    return ["setpriv", f"--reuid={UID}", f"--regid={UID}", "--clear-groups", "--inh-caps=-all", "--",
            "env", f"HOME={home}", f"CODEVET_CACHE_DIR={home}/cache", f"CODEVET_DATA_DIR={home}/data", *args]


def _verify_as_user(python: str, home: Path, *args: str, sample: list[int] | None = None) -> subprocess.CompletedProcess:
    """`codevet verify` as the user; with `sample`, the user's process count every 20 ms."""
    proc = subprocess.Popen(_as_user(home, python, "-m", "codevet", "verify", *args, "--out",
                                     str(home / "out"), "--no-cache", "--isolation", "bwrap"),
                            cwd=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def count() -> None:
        while not stop.wait(0.02):
            sample.append(_user_processes())

    sampler = threading.Thread(target=count, daemon=True) if sample is not None else None
    if sampler:
        sampler.start()
    out, err = proc.communicate(timeout=900)
    stop.set()
    if sampler:
        sampler.join()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _user_processes() -> int:
    n = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if os.stat(f"/proc/{entry}").st_uid == UID:
                    n += 1
            except OSError:
                pass
    return n


def _verdicts(out: Path) -> list[tuple[str, str, str | None]]:
    return [(r["id"], r["status"], r["reason"]) for r in read_report(out)]


def test_hostile_verdicts_equal_roots_and_the_fork_bomb_stays_bounded(user_python: str, tmp_path: Path, home: Path) -> None:
    data = FIXTURES / "python" / "hostile.jsonl"
    as_root = run_cli("verify", data, "--out", tmp_path / "root", "--no-cache", "--isolation", "bwrap",
                      env={"CODEVET_CACHE_DIR": str(tmp_path / "rootcache")})
    assert as_root.returncode == 0, as_root.stderr
    counts: list[int] = []
    as_user = _verify_as_user(user_python, home, str(data), "--jobs", "2", sample=counts)
    assert as_user.returncode == 0, as_user.stderr
    assert _verdicts(home / "out") == _verdicts(tmp_path / "root")
    # two workers, each at most its 64 example processes (+ zygote and PID 1), plus the
    # harness: bounded, where before the fix one fork bomb reached 1,834
    print(f"peak processes of uid {UID} during the hostile run: {max(counts)}")
    assert 0 < max(counts) <= 2 * (64 + 2) + 16


def test_oot_compiles_pass_while_the_user_has_70_other_processes(user_python: str, tmp_path: Path, home: Path) -> None:
    sleepers = [subprocess.Popen(_as_user(home, "sleep", "600")) for _ in range(70)]
    try:
        time.sleep(0.2)
        assert _user_processes() >= 70
        proc = _verify_as_user(user_python, home, str(FIXTURES / "oot" / "good.jsonl"), str(FIXTURES / "oot" / "bad.jsonl"))
        assert proc.returncode == 0, proc.stderr
    finally:
        for s in sleepers:
            s.kill()
            s.wait()
    as_root = run_cli("verify", FIXTURES / "oot" / "good.jsonl", FIXTURES / "oot" / "bad.jsonl", "--out",
                      tmp_path / "root", "--no-cache", "--isolation", "bwrap",
                      env={"CODEVET_CACHE_DIR": str(tmp_path / "rootcache")})
    assert as_root.returncode == 0, as_root.stderr
    user = _verdicts(home / "out")
    assert [v[1] for v in user[:12]] == ["pass"] * 12  # every good fixture compiles
    assert user == _verdicts(tmp_path / "root")


CAPS = {"task_id": "caps", "text": "no capabilities",
        "code": "def cap_eff():\n    for line in open('/proc/self/status'):\n        if line.startswith('CapEff'):\n"
                "            return int(line.split()[1], 16)\n",
        "test_list": ["assert cap_eff() == 0"], "test_setup_code": "", "challenge_test_list": []}


def test_example_code_has_no_capabilities(user_python: str, tmp_path: Path, home: Path) -> None:
    data = home / "caps.jsonl"
    data.write_text(json.dumps(CAPS) + "\n")
    os.chmod(data, 0o644)
    proc = _verify_as_user(user_python, home, str(data))
    assert proc.returncode == 0, proc.stderr
    assert _verdicts(home / "out") == [("caps", "pass", None)]
    as_root = run_cli("verify", data, "--out", tmp_path / "root", "--no-cache", "--isolation", "bwrap",
                      env={"CODEVET_CACHE_DIR": str(tmp_path / "rootcache")})
    assert _verdicts(tmp_path / "root") == [("caps", "pass", None)], as_root.stderr


def test_what_a_plain_user_may_not_touch_is_a_message_and_exit_2(user_python: str, home: Path) -> None:
    good = home / "good.jsonl"
    good.write_text(json.dumps({**CAPS, "test_list": ["assert True"]}) + "\n")
    secret = home / "secret.jsonl"
    secret.write_text(good.read_text())
    os.chmod(secret, 0o000)
    readonly = home / "ro"
    readonly.mkdir()
    os.chmod(readonly, 0o555)
    cases = {"cannot write there: Permission denied": [str(good), "--out", str(readonly)],
             "cannot create it: Permission denied": [str(good), "--out", "/usr/codevet-out"],
             "secret.jsonl: cannot be read: Permission denied": [str(secret), "--out", str(home / "o")]}
    for expect, args in cases.items():
        proc = subprocess.run(_as_user(home, user_python, "-m", "codevet", "verify", *args), cwd=home,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2 and expect in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
