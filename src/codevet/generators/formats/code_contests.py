"""deepmind/code_contests: stdin/stdout cases from public, private and generated tests;
the first Python 3 solution (language code 3; code 1 is Python 2 and is not run)."""
from __future__ import annotations

from codevet.generators.formats.base import FormatAdapter, FormatError, require
from codevet.core.model import Candidate, TestCase, TestSpec

PYTHON3 = 3


class CodeContests(FormatAdapter):
    name = "code_contests"
    signature = ("description", "public_tests")
    id_field = "name"

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        description = require(record, "description")
        cases: list[TestCase] = []
        for group in ("public_tests", "private_tests", "generated_tests"):
            block = record.get(group) or {}
            if not isinstance(block, dict):
                raise FormatError(f"field {group!r} must be an object with input/output lists")
            ins, outs = block.get("input") or [], block.get("output") or []
            if len(ins) != len(outs):
                raise FormatError(f"{group} has {len(ins)} inputs but {len(outs)} outputs")
            short = group.split("_")[0]
            cases += [TestCase("stdio", input=i, output=o, name=f"{short}_{n}") for n, (i, o) in enumerate(zip(ins, outs))]
        code = record.get("code")
        if not isinstance(code, str):
            sols = record.get("solutions") or {}
            langs, texts = sols.get("language") or [], sols.get("solution") or []
            code = next((t for lang, t in zip(langs, texts) if lang == PYTHON3), "")
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=description, code=code, tests=TestSpec(tuple(cases)), format=self.name,
            meta={"difficulty": record.get("difficulty")},
        )
