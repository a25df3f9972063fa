"""Readers and format adapters: every record becomes a candidate or an error naming its
file and line; formats are detected from fields."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from codevet.generators.candidates import count_records, read_candidates
from codevet.core.markdown import extract_code
from codevet.generators.readers import InputError, read_records
from conftest import FIXTURES, load_jsonl

PY = FIXTURES / "python"


@pytest.mark.parametrize("name, fmt, n", [
    ("mbpp_excerpt.jsonl", "mbpp", 15), ("humaneval_excerpt.jsonl", "humaneval", 10),
    ("apps_excerpt.jsonl", "apps", 8), ("code_contests_excerpt.jsonl", "code_contests", 3),
    ("alpaca_excerpt.jsonl", "alpaca", 17),
])
def test_format_is_detected_from_fields(name: str, fmt: str, n: int) -> None:
    cands = list(read_candidates(str(PY / name)))
    assert len(cands) == n
    assert {c.format for c in cands} == {fmt}
    assert all(c.error is None for c in cands)


def test_mbpp_record_maps_code_setup_and_each_assert() -> None:
    rows = {c.id: c for c in read_candidates(str(PY / "mbpp_excerpt.jsonl"))}
    c367 = rows["367"]
    assert c367.tests.setup.strip().startswith("class Node") or "Node" in c367.tests.setup
    assert [t.kind for t in c367.tests.cases] == ["assert"] * 3
    challenge = [t for t in rows["11"].tests.cases if t.group == "challenge"]
    assert challenge and all(t.name.startswith("challenge_") for t in challenge)


def test_humaneval_code_is_prompt_plus_solution() -> None:
    c = next(read_candidates(str(PY / "humaneval_excerpt.jsonl")))
    raw = c.raw
    assert c.code == raw["prompt"] + raw["canonical_solution"]
    assert c.tests.entry_point == raw["entry_point"] and c.tests.cases[0].kind == "check"


def test_code_contests_takes_python3_only() -> None:
    cands = list(read_candidates(str(PY / "code_contests_excerpt.jsonl")))
    assert cands[0].code.startswith("import sys")  # language 3, not the Python 2 one before it
    assert cands[1].code == ""  # only a Python 2 solution
    assert [t.name for t in cands[0].tests.cases] == ["public_0", "private_0", "generated_0"]


def test_apps_call_and_stdio_cases() -> None:
    cands = {c.id: c for c in read_candidates(str(PY / "apps_excerpt.jsonl"))}
    assert cands["4001"].tests.cases[0].kind == "stdio"
    assert cands["4003"].tests.cases[0].kind == "call" and cands["4003"].tests.entry_point == "listSum"


def test_malformed_lines_become_errors_naming_file_and_line() -> None:
    cands = list(read_candidates(str(PY / "malformed.jsonl")))
    assert len(cands) == 7  # the blank line is not an example; every other line is
    errors = {c.source: c.error for c in cands if c.error}
    assert set(errors) == {f"malformed.jsonl:{n}" for n in (2, 3, 4, 5, 7)}
    assert "invalid JSON" in errors["malformed.jsonl:2"]
    assert "missing field 'code'" in errors["malformed.jsonl:3"]
    assert "not UTF-8" in errors["malformed.jsonl:4"]
    assert "test_list" in errors["malformed.jsonl:5"]
    assert all(msg.startswith(src) for src, msg in errors.items())


def test_json_array_gz_and_parquet_read_the_same_records(tmp_path: Path) -> None:
    rows = load_jsonl(PY / "mbpp_excerpt.jsonl")
    (tmp_path / "a.json").write_text(json.dumps(rows))
    with gzip.open(tmp_path / "b.jsonl.gz", "wt") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    for name in ("a.json", "b.jsonl.gz", "c.parquet"):
        cands = list(read_candidates(str(tmp_path / name)))
        assert [c.id for c in cands] == [str(r["task_id"]) for r in rows], name
        assert count_records(str(tmp_path / name)) == len(rows)


def test_unreadable_inputs_raise_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_records(str(tmp_path / "missing.jsonl")))
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(InputError, match="unknown input type"):
        list(read_records(str(tmp_path / "x.csv")))
    (tmp_path / "bad.json").write_text("[1, 2")
    with pytest.raises(InputError, match="invalid JSON"):
        list(read_records(str(tmp_path / "bad.json")))


def test_unknown_fields_are_an_error_not_a_guess(tmp_path: Path) -> None:
    (tmp_path / "odd.jsonl").write_text(json.dumps({"foo": 1, "bar": 2}) + "\n")
    (c,) = read_candidates(str(tmp_path / "odd.jsonl"))
    assert c.error and "--format" in c.error and "odd.jsonl:1" in c.error


def test_extract_code_takes_tagged_and_untagged_blocks() -> None:
    text = "intro\n```python\na = 1\n```\ntext\n```\nb = 2\n```\n```js\nc = 3\n```\n"
    assert extract_code(text, ("python",)) == "a = 1\n\nb = 2\n"
    assert extract_code(text, ("python",), accept_untagged=False) == "a = 1\n"
    assert extract_code("no code here", ("python",)) == ""
