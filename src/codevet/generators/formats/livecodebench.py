"""LiveCodeBench (livecodebench/code_generation_lite): `public_test_cases` and
`private_test_cases` hold `{input, output, testtype}` cases; `stdin` cases are programs,
`functional` ones call `metadata.func_name` (a LeetCode `Solution` method) with one JSON
value per input line. Private cases are often stored as base64(zlib(pickle(json))).

The answer runs after LiveCodeBench's own import header (preludes.LIVECODEBENCH_PRELUDE),
as in its official judge. The record's `code` is the answer verified (there is no
reference solution in the dataset).
"""
from __future__ import annotations

import base64
import io
import json
import pickle
import zlib
from typing import Any

from codevet.core.model import Candidate, TestCase, TestSpec
from codevet.generators.formats.base import FormatAdapter, FormatError, json_field
from codevet.generators.formats.preludes import LIVECODEBENCH_PRELUDE


class _DataOnly(pickle.Unpickler):
    """Unpickles plain data only: a dataset's pickle may not name any class to build."""

    def find_class(self, module: str, name: str) -> Any:
        raise FormatError(f"private_test_cases pickle refers to {module}.{name}; only plain data is accepted")


def decode_cases(value: Any, field: str) -> list:
    """A case list from JSON, or from LiveCodeBench's base64/zlib/pickle packing."""
    if value in (None, ""):
        return []
    if isinstance(value, list):
        return value
    if not isinstance(value, str):
        raise FormatError(f"field {field!r} must be a list or text")
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        pass
    try:
        data = _DataOnly(io.BytesIO(zlib.decompress(base64.b64decode(value)))).load()
    except FormatError:
        raise
    except Exception as exc:
        raise FormatError(f"field {field!r} is neither JSON nor base64(zlib(pickle)): {exc}") from exc
    if isinstance(data, dict) and "input_output" in data:  # SandboxFusion's repacking
        io_ = json.loads(data["input_output"])
        kind = "functional" if io_.get("fn_name") else "stdin"
        return [{"input": i, "output": o, "testtype": kind} for i, o in zip(io_.get("inputs", []), io_.get("outputs", []))]
    return json.loads(data) if isinstance(data, (str, bytes)) else data


def _call_args(text: str) -> list:
    try:
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    except json.JSONDecodeError as exc:
        raise FormatError(f"functional test input is not one JSON value per line: {exc.msg}") from exc


class LiveCodeBench(FormatAdapter):
    name = "livecodebench"
    signature = ("question_content", "public_test_cases")
    id_field = "question_id"

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        raw = decode_cases(record.get("public_test_cases"), "public_test_cases") + \
            decode_cases(record.get("private_test_cases"), "private_test_cases")
        meta = json_field(record, "metadata", {}) or {}
        fn_name = meta.get("func_name", "") if isinstance(meta, dict) else ""
        cases: list[TestCase] = []
        for n, case in enumerate(raw):
            if not isinstance(case, dict) or "input" not in case or "output" not in case:
                raise FormatError(f"test case {n} is not an object with input and output")
            if case.get("testtype") == "functional":
                if not fn_name:
                    raise FormatError("functional test cases but no metadata.func_name")
                try:
                    expected = json.loads(case["output"])
                except json.JSONDecodeError as exc:
                    raise FormatError(f"functional test output is not JSON: {exc.msg}") from exc
                cases.append(TestCase("call", input=_call_args(case["input"]), output=expected, name=f"case_{n}"))
            else:
                cases.append(TestCase("stdio", input=str(case["input"]), output=str(case["output"]), name=f"case_{n}"))
        code = record.get("code")
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=record.get("question_content") or "", code=code if isinstance(code, str) else "",
            tests=TestSpec(tuple(cases), entry_point=fn_name, prelude=LIVECODEBENCH_PRELUDE), format=self.name,
            meta={"difficulty": record.get("difficulty"), "platform": record.get("platform")},
        )
