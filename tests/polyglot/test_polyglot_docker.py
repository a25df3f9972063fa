"""The polyglot sandboxes under `--isolation docker` (dockerfiles/polyglot.Dockerfile): the
same good programs reach the same levels and the same broken twins fail for the same
reasons as under bwrap, with the image's toolchains (not the host's); nothing one example
leaves behind (a daemon, files in /tmp) reaches the next one in the same warm container;
a hung program is a timeout and its container is replaced.

Skipped where no Docker engine answers (`make test-docker` starts one and builds the
images from a Debian base made from Debian's mirror: $CODEVET_DOCKER_BASE)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from codevet.core.model import Candidate, Status
from codevet.core.options import SandboxOptions
from codevet.generators.formats.polyglot import PolyglotAlpaca
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.isolation.docker import docker_problem
from codevet.sandboxes.polyglot import toolchains

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "polyglot"
GOOD = [json.loads(line) for line in (FIXTURES / "good.jsonl").read_text().splitlines()]
BAD = [json.loads(line) for line in (FIXTURES / "bad.jsonl").read_text().splitlines()]
ADAPTER = PolyglotAlpaca()
DOCKER = SandboxOptions(isolation="docker")

pytestmark = pytest.mark.skipif(docker_problem() is not None, reason="no Docker engine on this machine")


@pytest.fixture(scope="module")
def boxes():
    """The polyglot image (built when missing, from $CODEVET_DOCKER_BASE when set) and one
    docker sandbox per language, closed (their warm containers killed) at the end."""
    from codevet.sandboxes.isolation.docker import build_image, image_present

    if not image_present("polyglot"):
        build_image("polyglot", log=lambda s: None, base=os.environ.get("CODEVET_DOCKER_BASE") or None)
    opened: dict[str, object] = {}
    yield opened
    for box in opened.values():
        box.close()


def verdict_of(boxes: dict, record: dict, index: int = 0):
    cand = ADAPTER.to_candidate(record, source="fixture", index=index)
    box = boxes.setdefault(cand.language, create_sandbox(cand.language, DOCKER, 1))
    return cand, box.verify(cand)


def _id(r: dict) -> str:
    return f"{r.get('language', 'fragment')}-{r.get('expect') or r.get('expect_level')}"


@pytest.mark.parametrize("record", GOOD, ids=[_id(r) for r in GOOD])
def test_good_programs_pass_at_their_level_in_the_image(boxes, record: dict) -> None:
    cand, v = verdict_of(boxes, record)
    assert v.status == Status.PASS, v.checks
    assert v.artifacts["level"] == record["expect_level"], v.artifacts


@pytest.mark.parametrize("record", BAD, ids=[_id(r) for r in BAD])
def test_broken_twins_fail_for_their_reason_in_the_image(boxes, record: dict) -> None:
    cand, v = verdict_of(boxes, record)
    assert cand.language == record["language"]
    assert v.status == Status.FAIL, v.checks
    assert v.reason == record["expect"], v.checks


def test_the_toolchain_is_the_images_not_the_hosts(monkeypatch: pytest.MonkeyPatch, boxes) -> None:
    """Ruby missing on the host is `error sandbox-unavailable` under bwrap, and no matter
    under docker: the program runs on the image's ruby."""
    monkeypatch.setitem(toolchains.TOOLCHAINS, "ruby", toolchains.Toolchain("ruby", {"ruby-not-on-this-host": "ruby"}))
    code = "puts [3, 1, 2].sort.inspect\n"
    host = create_sandbox("ruby", SandboxOptions(isolation="bwrap"), 1).verify(
        Candidate(id="1", source="t", language="ruby", code=code))
    assert host.status == Status.ERROR and host.reason == "sandbox-unavailable"
    box = create_sandbox("ruby", DOCKER, 1)
    try:
        v = box.verify(Candidate(id="1", source="t", language="ruby", code=code))
    finally:
        box.close()
    assert v.status == Status.PASS and v.artifacts["level"] == "runs", v.checks
    assert v.artifacts["blocks"][0]["stdout"] == "[1, 2, 3]"


def _shell(code: str) -> Candidate:
    return Candidate(id="s", source="t", language="shell", code=code)


def test_nothing_an_example_leaves_reaches_the_next_in_the_same_container() -> None:
    box = create_sandbox("shell", DOCKER.with_option("polyglot.run_shell", "true"), 1)
    plant = ("#!/bin/bash\n(setsid sh -c 'while :; do echo x > /tmp/work/leak; echo y > /tmp/leak2; "
             "echo z > /dev/shm/leak3; sleep 0.1; done' >/dev/null 2>&1 &)\nsleep 0.5\necho planted\n")
    look = ("#!/bin/bash\nsleep 1\nls -A /tmp /tmp/work /dev/shm\n"
            "for p in /proc/[0-9]*; do tr '\\0' ' ' < \"$p/cmdline\"; echo; done\n")
    try:
        first = box.verify(_shell(plant))
        assert first.status == Status.PASS and first.artifacts["blocks"][0]["stdout"] == "planted", first.checks
        second = box.verify(_shell(look))
        assert second.status == Status.PASS, second.checks
        seen = second.artifacts["blocks"][0]["stdout"]
        assert "prog.sh" in seen  # the listing ran in the workspace
        assert "leak" not in seen and "while" not in seen, seen
        assert box.warm is not None and box.warm.started == 1  # the same warm container, scrubbed
    finally:
        box.close()


def test_a_hung_program_is_a_timeout_and_its_container_is_replaced() -> None:
    box = create_sandbox("c", SandboxOptions(isolation="docker", timeout_s=2).with_option(
        "polyglot.compile_timeout_s", "10"), 1)
    try:
        hung = box.verify(Candidate(id="h", source="t", language="c",
                                    code="int main(void) { volatile int x = 0; for (;;) x++; }\n"))
        assert hung.status == Status.FAIL and hung.reason == "timeout", hung.checks
        fine = box.verify(Candidate(id="f", source="t", language="c",
                                    code="#include <stdio.h>\nint main(void) { puts(\"ok\"); return 0; }\n"))
        assert fine.status == Status.PASS and fine.artifacts["level"] == "runs", fine.checks
        assert box.warm is not None and box.warm.started == 2  # the overrun container was killed and replaced
    finally:
        box.close()
