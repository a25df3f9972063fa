"""The scripted model of the `--synthesize-tests` tests: replies from
fixtures/synthesize/model_tests.json, matched to a request by the instruction it holds."""
from __future__ import annotations

import json
import re
import threading
from pathlib import Path
from typing import Any

from anthropic_emulator import text_of

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "synthesize"


class ScriptedTestModel:
    """Round 1: the fixture's tests for the instruction in the request. Recheck turn (3
    messages): the fixture's `recheck` reply, else the failing tests named in the feedback,
    re-affirmed unchanged (what a model does when it re-derives the same values)."""

    def __init__(self, replies: list[dict[str, Any]] | None = None) -> None:
        data = replies if replies is not None else json.loads((FIXTURE / "model_tests.json").read_text())["replies"]
        self.replies = data
        self.lock = threading.Lock()
        self.seen: list[int] = []

    def entry(self, body: dict[str, Any]) -> dict[str, Any]:
        first = text_of(body["messages"][0]["content"])
        match = [e for e in self.replies if e["instruction"].strip() in first]
        assert match, f"no scripted reply for {first[:200]!r}"
        return max(match, key=lambda e: len(e["instruction"]))

    def __call__(self, body: dict[str, Any]) -> dict[str, Any]:
        e = self.entry(body)
        with self.lock:
            self.seen.append(e["row"])
        if len(body["messages"]) == 1:
            return {"tests": e["tests"]}
        if "recheck" in e:
            return {"tests": e["recheck"]}
        feedback = text_of(body["messages"][-1]["content"])
        named = set(re.findall(r"^- `([^`]+)`", feedback, re.M))
        return {"tests": [t for t in e["tests"] if t["name"] in named]}
