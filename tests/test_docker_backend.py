"""The Docker isolation backend, as far as a machine without an engine can check it: the
Dockerfiles parse, pin every version and fetch nothing at run time; the container command
lines carry every hardening flag; a missing engine is a clear error (CLI exit 2, doctor
row), `auto` never picks docker, and a sandbox without a docker implementation refuses
loudly instead of running unisolated. With an engine, the same contract tests run their
docker leg (tests/python/test_python_hostile.py, tests/test_backend_contract.py)."""
from __future__ import annotations

import json
import os

import pytest

from codevet.harness.config import SandboxOptions
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.isolation import IsolationUnavailable, Limits, resolve_isolation, run_isolated
from codevet.sandboxes.isolation.docker import (LANGUAGES, copied_sources, docker_problem, dockerfile, image_ref,
                                                instructions, lint_dockerfile, run_argv)
from codevet.sandboxes.python.pool import WorkerSpec, ZygoteWorker
from conftest import run_cli

NO_ENGINE = docker_problem() is not None
needs_no_engine = pytest.mark.skipif(not NO_ENGINE, reason="a Docker engine answers here: the no-engine path "
                                     "is not reachable")


@pytest.mark.parametrize("language", LANGUAGES)
def test_dockerfiles_parse_pin_and_fetch_nothing(language: str) -> None:
    text = dockerfile(language).read_text()
    ins = instructions(text)
    assert ins[0][0] == "FROM"
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
    assert command[:3] == ["python", "-I", "/opt/codevet/python/zygote.py"]
    cfg = json.loads(command[3])  # the zygote's configuration, as the container receives it
    assert cfg["mode"] == "docker"
    assert cfg["uid"] is None and cfg["limits"]["nproc"] == 0  # --pids-limit bounds processes instead


def test_auto_never_picks_docker() -> None:
    assert resolve_isolation("auto") in ("bwrap", "none")


def test_threejs_refuses_docker_loudly_instead_of_running_unisolated() -> None:
    with pytest.raises(IsolationUnavailable, match="not implemented for the threejs sandbox"):
        create_sandbox("threejs", SandboxOptions(isolation="docker"), 1)


def test_a_command_without_an_image_cannot_run_under_docker() -> None:
    with pytest.raises(IsolationUnavailable, match="image"):
        run_isolated(["/bin/true"], {}, Limits(), "docker")


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
    doctor = run_cli("doctor", env={"COLUMNS": "250"})
    assert doctor.returncode == 0
    row = next(line for line in doctor.stdout.splitlines() if "isolation: docker" in line and "scale" in line)
    assert "no" in row and "no Docker engine answers" in row
    assert any("executor: ray" in line for line in doctor.stdout.splitlines())
