"""HumanEval: prompt + completion, then `test`, then `check(entry_point)`.

A sample file may carry `completion` (a model's answer) instead of the reference
`canonical_solution`; the completion wins when both are present.
"""
from __future__ import annotations

from codevet.generators.formats.base import FormatAdapter, require
from codevet.core.model import Candidate, TestCase, TestSpec


class HumanEval(FormatAdapter):
    name = "humaneval"
    signature = ("prompt", "test", "entry_point")
    id_field = "task_id"

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        prompt = require(record, "prompt")
        body = record.get("completion")
        if body is None:
            body = require(record, "canonical_solution")
        if not isinstance(body, str):
            body = require(record, "completion")
        test = require(record, "test")
        entry = require(record, "entry_point")
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=prompt, code=prompt + body,
            tests=TestSpec((TestCase("check", test, name="check"),), entry_point=entry),
            format=self.name,
        )
