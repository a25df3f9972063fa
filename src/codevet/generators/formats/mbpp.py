"""MBPP (full: text/code/test_list/test_setup_code/challenge_test_list; sanitized:
prompt/code/test_imports/test_list). Run order: code, setup, then each assert."""
from __future__ import annotations

from typing import Any

from codevet.generators.formats.base import FormatAdapter, FormatError, require
from codevet.core.model import Candidate, TestCase, TestSpec


class MBPP(FormatAdapter):
    name = "mbpp"
    signature = ("task_id", "code", "test_list")
    id_field = "task_id"

    def matches(self, record: dict[str, Any]) -> bool:
        return "test_list" in record and "task_id" in record and ("text" in record or "prompt" in record)

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        code = require(record, "code")
        tests = require(record, "test_list", list)
        challenge = record.get("challenge_test_list") or []
        if not all(isinstance(t, str) for t in list(tests) + list(challenge)):
            raise FormatError("test_list entries must be strings")
        setup = record.get("test_setup_code") or ""
        imports = record.get("test_imports") or []
        if imports:
            setup = "\n".join(imports) + "\n" + setup
        cases = [TestCase("assert", t, name=f"test_{i}") for i, t in enumerate(tests)]
        cases += [TestCase("assert", t, name=f"challenge_{i}", group="challenge") for i, t in enumerate(challenge)]
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=record.get("text") or record.get("prompt") or "",
            code=code, tests=TestSpec(tuple(cases), setup=setup), format=self.name,
        )
