"""The Docker isolation backend, as far as a machine without an engine can check it: the
Dockerfiles parse, pin every version and fetch nothing at run time; the container command
lines carry every hardening flag; a missing engine is a clear error (CLI exit 2, doctor
row) and `auto` never picks docker. With an engine, the warm containers are exercised
here and the same contract tests run their docker leg (tests/python/test_python_hostile.py,
tests/test_backend_contract.py)."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.isolation import IsolationUnavailable, Limits, resolve_isolation, run_isolated
from codevet.sandboxes.isolation.docker import (LANGUAGES, browser_launcher, container_path, copied_sources,
                                                docker_problem, dockerfile, image_ref, instructions, lint_dockerfile,
                                                run_argv)
from codevet.sandboxes.python.pool import WorkerSpec, ZygoteWorker
from conftest import run_cli

NO_ENGINE = docker_problem() is not None
needs_no_engine = pytest.mark.skipif(not NO_ENGINE, reason="a Docker engine answers here: the no-engine path "
                                     "is not reachable")


@pytest.mark.parametrize("language", LANGUAGES)
def test_dockerfiles_parse_pin_and_fetch_nothing(language: str) -> None:
    text = dockerfile(language).read_text()
    ins = instructions(text)
    assert [i for i, _ in ins][:2] == ["ARG", "FROM"] and ins[1][1] == "${BASE}"  # --base swaps the base
    assert lint_dockerfile(text) == []
    users = [args for instr, args in ins if instr == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert image_ref(language).startswith(f"codevet/{language}:")


def test_the_dockerfile_checks_catch_what_they_should() -> None:
    bad = """FROM python:latest
RUN apt-get update && apt-get install -y gcc curl=7.88.1-10 \\
    make
RUN pip install pytest requests==2.31.0 && npm install three lodash@4.17.21
RUN curl -fsSL https://example.com/x.sh | sh
ADD https://example.com/file.tgz /opt/
FROBNICATE now
CMD ["sh", "-c", "pip install numpy==1.26.0 && python app.py"]
USER root
"""
    problems = "\n".join(lint_dockerfile(bad))
    for needle in ["base image 'python:latest'", "apt package 'gcc'", "apt package 'make'", "pip package 'pytest'",
                   "npm package 'three'", "curl/wget", "ADD fetches", "unknown instruction 'FROBNICATE'",
                   "installs at run time", "final USER is root"]:
        assert needle in problems, needle
    for fine in ["curl=7.88.1", "requests==2.31.0", "lodash@4.17.21"]:
        assert fine not in problems
    assert "no USER" in "\n".join(lint_dockerfile("FROM debian:12.11-slim\nRUN true\n"))
    assert lint_dockerfile("FROM debian@sha256:" + "a" * 64 + "\nUSER 10001\n") == []
    assert "not pinned" in "\n".join(lint_dockerfile("FROM debian\nUSER 10001\n"))
    assert "not pinned" in "\n".join(lint_dockerfile("ARG BASE=debian:latest\nFROM ${BASE}\nUSER 10001\n"))
    assert "no default" in "\n".join(lint_dockerfile("ARG BASE\nFROM ${BASE}\nUSER 10001\n"))
    assert lint_dockerfile("ARG BASE=debian:12.11-slim\nFROM ${BASE}\nUSER 10001\n") == []


def test_image_tags_follow_the_code_they_copy_in() -> None:
    sources = {p.name for p in copied_sources(dockerfile("python").read_text())}
    assert {"zygote.py", "codevet_support.py"} <= sources
    assert any(p.suffix == ".h" for p in copied_sources(dockerfile("oot").read_text()))


def test_container_command_lines_carry_every_hardening_flag() -> None:
    argv = run_argv("codevet/oot:x", Limits(memory_mb=512, processes=32), "codevet-run-1", {"LANG": "C.UTF-8"})
    joined = " ".join(argv)
    for flag in ["--rm", "--network none", "--read-only", "--tmpfs /tmp:", "--user 10001:10001", "--cap-drop ALL",
                 "--security-opt no-new-privileges", "--init", "--memory 768m", "--memory-swap 768m",
                 "--pids-limit 32", "--cpus 1", "--ulimit core=0:0"]:
        assert flag in joined, flag
    assert argv[-1] == "codevet/oot:x"

    os.environ["CODEVET_TEST_SECRET"] = "hunter2-canary"
    try:
        spec = WorkerSpec(isolation="docker", memory_mb=1024, file_mb=16, cpu_s=15, nproc=64, open_files=256,
                          output_bytes=1_000_000, workspace_mb=64, image="codevet/python:abc")
        worker_argv, client_env = ZygoteWorker(0, spec, None)._config()  # type: ignore[arg-type]
    finally:
        os.environ.pop("CODEVET_TEST_SECRET", None)
    image_at = worker_argv.index("codevet/python:abc")
    docker_part, command = worker_argv[:image_at], worker_argv[image_at + 1:]
    assert "-i" in docker_part and "--network" in docker_part and "--cap-drop" in docker_part
    assert "hunter2-canary" not in " ".join(docker_part)  # the host's environment stays out
    assert command[:3] == ["python3", "-I", "/opt/codevet/python/zygote.py"]
    cfg = json.loads(command[3])  # the zygote's configuration, as the container receives it
    assert cfg["mode"] == "docker"
    assert cfg["uid"] is None and cfg["limits"]["nproc"] == 0  # --pids-limit bounds processes instead


def test_auto_never_picks_docker() -> None:
    assert resolve_isolation("auto") in ("bwrap", "none")


def test_the_browser_launcher_runs_chromium_hardened_with_cdp_over_stdio(tmp_path) -> None:
    script = browser_launcher("codevet/threejs:x", Limits(memory_mb=1024, processes=512), "run-1", tmp_path)
    text = script.read_text()
    assert os.access(script, os.X_OK)
    for flag in ["--network none", "--read-only", "--cap-drop ALL", "--user 10001:10001", "--init", "--rm", " -i ",
                 "--label codevet.sandbox=run-1", "--memory 2048m"]:
        assert flag in text, flag
    # Playwright writes CDP to fd 3 and reads fd 4; docker only passes stdio on.
    assert text.rstrip().endswith('codevet/threejs:x "$@" <&3 >&4 3<&- 4>&-')


def test_warm_containers_see_host_paths_under_their_own_names() -> None:
    inside = {"/root/.cache/codevet/oot/abc": "/opt/codevet/ro/0", "/root/.cache/codevet/oot/abc/x": "/opt/codevet/ro/1"}
    assert container_path("-I/root/.cache/codevet/oot/abc/include", inside) == "-I/opt/codevet/ro/0/include"
    assert container_path("/root/.cache/codevet/oot/abc/x/y.h", inside) == "/opt/codevet/ro/1/y.h"
    assert container_path("{work}/tu.c", inside) == "{work}/tu.c"


def test_a_command_without_warm_containers_cannot_run_under_docker() -> None:
    with pytest.raises(IsolationUnavailable, match="warm containers"):
        run_isolated(["/bin/true"], {}, Limits(), "docker")


@pytest.mark.skipif(NO_ENGINE, reason="no Docker engine on this machine")
def test_a_warm_container_that_overran_is_replaced_and_nothing_is_left(docker_images) -> None:
    from codevet.sandboxes.isolation.docker import LABEL, WarmContainers, require_image

    warm = WarmContainers(require_image("oot"), Limits(wall_s=2, memory_mb=256, processes=16), "/tmp/work")
    try:
        first = run_isolated(["/bin/sh", "-c", "cat {work}/in.txt; id -u"], {"in.txt": "hello\n"}, Limits(wall_s=2),
                             "docker", warm=warm)
        assert first.returncode == 0 and first.stdout.split() == [b"hello", b"10001"]
        hung = run_isolated(["/bin/sh", "-c", "echo started; sleep 30"], {}, Limits(wall_s=2), "docker", warm=warm)
        assert hung.timed_out and hung.duration_s < 10
        again = run_isolated(["/bin/sh", "-c", "ls {work}; cat /proc/1/cmdline | tr '\\0' ' '"], {"b.txt": "x"},
                             Limits(wall_s=2), "docker", warm=warm)
        assert again.returncode == 0 and again.stdout.split()[0] == b"b.txt"  # the workspace was emptied
        assert warm.started == 2  # the overrun container was killed and replaced
    finally:
        warm.close()
    left = subprocess.run(["docker", "ps", "-aq", "--filter", f"label={LABEL}={warm.run_label}"],
                          capture_output=True, text=True).stdout.split()
    assert left == []


@needs_no_engine
def test_no_engine_is_a_clear_error_everywhere(tmp_path, cache_env) -> None:
    with pytest.raises(IsolationUnavailable, match="no Docker engine answers"):
        resolve_isolation("docker")
    with pytest.raises(IsolationUnavailable, match="no Docker engine answers"):
        create_sandbox("python", SandboxOptions(isolation="docker"), 1)
    proc = run_cli("verify", "fixtures/python/mbpp_excerpt.jsonl", "--out", tmp_path / "out", "--isolation", "docker",
                   env=cache_env)
    assert proc.returncode == 2
    assert "no Docker engine answers" in proc.stderr and "--isolation bwrap" in proc.stderr
    assert not (tmp_path / "out" / "report.jsonl").exists()
    build = run_cli("images", "build", "python")
    assert build.returncode == 2 and "no Docker engine answers" in build.stderr
    doctor = run_cli("doctor", "python", env={"COLUMNS": "250"})
    assert doctor.returncode == 0
    row = next(line for line in doctor.stdout.splitlines() if "isolation: docker" in line and "scale" in line)
    assert "no" in row and "no Docker engine answers" in row
    assert any("executor: ray" in line for line in doctor.stdout.splitlines())
