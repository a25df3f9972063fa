"""APPS (codeparrot/apps): `input_output` holds stdin/stdout cases, or argument lists and
return values when `fn_name` is set. The first solution is the one verified, unless the
record carries its own `code` (a model's answer). The solution runs after APPS's own
import header (preludes.APPS_PRELUDE), as in its official judge."""
from __future__ import annotations

from codevet.generators.formats.base import FormatAdapter, FormatError, json_field
from codevet.core.model import Candidate, TestCase, TestSpec
from codevet.generators.formats.preludes import APPS_PRELUDE


class APPS(FormatAdapter):
    name = "apps"
    signature = ("question", "input_output")
    id_field = "problem_id"

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        io = json_field(record, "input_output", {})
        if not isinstance(io, dict):
            raise FormatError("field 'input_output' must be an object with inputs/outputs")
        inputs, outputs = io.get("inputs") or [], io.get("outputs") or []
        if len(inputs) != len(outputs):
            raise FormatError(f"input_output has {len(inputs)} inputs but {len(outputs)} outputs")
        code = record.get("code")
        if not isinstance(code, str):
            solutions = json_field(record, "solutions", [])
            if not isinstance(solutions, list):
                raise FormatError("field 'solutions' must be a list")
            code = solutions[0] if solutions else ""
        fn_name = io.get("fn_name") or ""
        if fn_name:
            cases = [TestCase("call", input=i, output=o, name=f"case_{n}") for n, (i, o) in enumerate(zip(inputs, outputs))]
        else:
            cases = [TestCase("stdio", input=_text(i), output=_text(o), name=f"case_{n}") for n, (i, o) in enumerate(zip(inputs, outputs))]
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=record.get("question") or "", code=code,
            tests=TestSpec(tuple(cases), entry_point=fn_name, prelude=APPS_PRELUDE), format=self.name,
            meta={"difficulty": record.get("difficulty")},
        )


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(map(str, value)) + "\n"
    return str(value)
