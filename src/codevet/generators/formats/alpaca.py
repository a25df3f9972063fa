"""Alpaca-style sets ({instruction, input, output}) with code in the answer and no tests.

The code is taken from fenced blocks in `output` (or the whole output when it is bare
code); with no tests the sandbox runs it, with `input` given to it, and says whether it
ran to completion: `untested` at best.
"""
from __future__ import annotations

from codevet.core.markdown import extract_code, unfenced_python
from codevet.generators.formats.answers import run_with_input
from codevet.generators.formats.base import FormatAdapter, require
from codevet.core.model import Candidate

PY_TAGS = ("python", "py", "python3")


class Alpaca(FormatAdapter):
    name = "alpaca"
    signature = ("instruction", "output")

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        instruction = require(record, "instruction")
        output = require(record, "output")
        code = extract_code(output, PY_TAGS) or unfenced_python(output)
        extra = record.get("input") or ""
        return Candidate(
            id=self.record_id(record, index), source=source, language=language or "python",
            instruction=instruction + ("\n\n" + extra if extra else ""), code=code,
            tests=run_with_input(extra), format=self.name, meta={"answer": output},
        )

