"""Hostile input is normal input. The contract suite runs against every isolation
backend available here: each attack gets its verdict, the harness stays up, nothing is
left running and nothing is written outside the workspace.

`none` is resource limits only; the attacks it cannot contain by design (fork bombs
without a uid of our own, network, writes outside) are run against bwrap and docker alone.
The docker leg runs where an engine answers and is skipped, saying so, where none does.
"""
from __future__ import annotations

import dataclasses
import os
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from codevet.generators.candidates import read_candidates
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Status
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.isolation import bwrap_works
from codevet.sandboxes.isolation.docker import docker_problem
from codevet.sandboxes.python.pool import sandbox_uid_base
from conftest import FIXTURES, own_processes, wait_until

HOSTILE = {c.raw["task_id"].split("/")[1]: c for c in read_candidates(str(FIXTURES / "python" / "hostile.jsonl"))}
CONTAINED_BY_LIMITS = ["memory_bomb", "infinite_loop", "output_flood", "early_os_exit", "early_sys_exit",
                       "exit_in_test", "skips_tests", "stdin_read", "kill_parent"]
DOCKER_PROBLEM = docker_problem()
BWRAP = pytest.param("bwrap", marks=pytest.mark.skipif(not bwrap_works(), reason="bubblewrap does not work here"))
DOCKER = pytest.param("docker", marks=pytest.mark.skipif(DOCKER_PROBLEM is not None,
                                                         reason="no Docker engine on this machine"))
CONTAINING = [BWRAP, DOCKER]  # the backends that are a security boundary
SECRET = "hunter2-canary"
FIXTURE_PORT = "47613"  # where fixtures/python/hostile.jsonl's network attack connects
# A short limit, per example and per case: the loops and the fork bomb spin until it is
# reached (a fork bomb on both cores), and every other attack ends in well under a second.
OPTIONS = SandboxOptions(timeout_s=2).with_option("python.case_timeout_s", "2")
ESCAPES = [Path("/etc/codevet_pwned"), Path("/root/codevet_pwned"), Path("/var/tmp/codevet_pwned")]


def _stragglers() -> list[str]:
    """Processes this test left behind: its own descendants, and anything under this run's
    private sandbox uids."""
    uids = set(range(sandbox_uid_base(), sandbox_uid_base() + 64))
    return [f"{pid}: {cmd[:100]}" for pid, cmd in own_processes(uids).items() if "[pytest" not in cmd]


def _no_stragglers() -> list[str]:
    wait_until(lambda: not _stragglers())
    return _stragglers()


@pytest.fixture(scope="module")
def listener():
    """Something to reach for on the host's loopback: a sandbox must not get there."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))  # a free port: two runs of the suite on one machine do not collide
    srv.listen(8)
    srv.setblocking(False)
    yield srv
    srv.close()


@pytest.fixture(scope="module", autouse=True)
def docker_image(docker_images):
    """The docker leg's image is built (conftest) before any test of this module runs."""


def _aimed(name: str, port: int | None) -> Candidate:
    """The attack, with the network one aimed at this run's listener (the fixture names a
    fixed port, FIXTURE_PORT)."""
    cand = HOSTILE[name]
    if port is None or FIXTURE_PORT not in cand.code:
        return cand
    return dataclasses.replace(cand, code=cand.code.replace(FIXTURE_PORT, str(port)))


def _run(backend: str, names: list[str], env_secret: bool = True, port: int | None = None) -> dict[str, object]:
    if env_secret:
        os.environ["CODEVET_TEST_SECRET"] = SECRET
    try:
        with create_sandbox("python", OPTIONS.with_option("isolation", backend), jobs=2) as sb, \
                ThreadPoolExecutor(2) as both_workers:  # two at once, as a run does: attacks meet
            verdicts = dict(zip(names, both_workers.map(lambda n: sb.verify(_aimed(n, port)), names)))
            canary = sb.verify(next(read_candidates(str(FIXTURES / "python" / "mbpp_excerpt.jsonl"))))
    finally:
        os.environ.pop("CODEVET_TEST_SECRET", None)
    assert canary.status is Status.PASS, "the sandbox must still work after the attacks"
    return verdicts


@pytest.mark.parametrize("backend", ["none"])  # bwrap and docker run these in test_every_attack_contained
def test_attacks_contained_by_limits(backend: str) -> None:
    verdicts = _run(backend, CONTAINED_BY_LIMITS)
    for name, verdict in verdicts.items():
        assert (verdict.status, verdict.reason) == (Status.FAIL, HOSTILE[name].raw["expect"]), (name, verdict.checks)
    assert "PermissionError" in verdicts["kill_parent"].tests[0].message
    assert _no_stragglers() == []


@pytest.mark.parametrize("backend", CONTAINING)
def test_every_attack_contained(backend: str, listener) -> None:
    for p in ESCAPES:
        assert not p.exists()
    verdicts = _run(backend, list(HOSTILE), port=listener.getsockname()[1])
    for name, verdict in verdicts.items():
        expect = HOSTILE[name].raw["expect"]
        if expect == "pass":
            assert verdict.status is Status.PASS, (name, verdict.checks)
        else:
            assert (verdict.status, verdict.reason) == (Status.FAIL, expect), (name, verdict.checks)
    # nothing reached the host's loopback, nothing leaked, nothing escaped, nothing survived
    with pytest.raises(BlockingIOError):
        listener.accept()
    assert all(SECRET not in str(v.to_dict()) for v in verdicts.values())
    # its loopback is its own: the host's listener is not there, and nothing routes out
    assert "PermissionError" in verdicts["kill_parent"].tests[0].message
    assert "Connection refused" in verdicts["network"].tests[0].message
    assert any(w in verdicts["network_dns"].tests[0].message for w in ("gaierror", "resolution", "unreachable"))
    for p in ESCAPES:
        assert not p.exists(), p
    assert any(w in verdicts["write_outside"].tests[0].message for w in ("Read-only", "No such file", "Permission"))
    assert _no_stragglers() == []


@pytest.mark.parametrize("backend", [BWRAP])
def test_the_example_after_a_fork_bomb_forks_as_usual(backend: str) -> None:
    """One worker: a fork bomb (its processes fill the uid's RLIMIT_NPROC), then an example
    that forks 40 children. The bomb's processes must all be gone before the next example
    starts, or its first fork fails (EAGAIN) and its verdict depends on what ran before it
    (it did: the worker killed the intermediate at once and started the next example while
    the bomb's namespace was still being torn down; 11 of 12 such pairs failed)."""
    forks = Candidate(id="forks", source="t", language="python", instruction="fork", code=(
        "import os\n"
        "PIDS = []\n"
        "for _ in range(40):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        os._exit(0)\n"
        "    PIDS.append(pid)\n"
        "for pid in PIDS:\n"
        "    os.waitpid(pid, 0)\n"),
        tests=dataclasses.replace(HOSTILE["fork_bomb"].tests))
    with create_sandbox("python", OPTIONS.with_option("isolation", backend), jobs=1) as sb:
        for _ in range(3):
            bomb = sb.verify(HOSTILE["fork_bomb"])
            after = sb.verify(forks)
            assert (bomb.status, bomb.reason) == (Status.FAIL, "timeout"), bomb.checks
            assert after.status is Status.PASS, after.checks
    assert _no_stragglers() == []
