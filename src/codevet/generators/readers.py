"""Read records from files and datasets, one at a time, with where each came from.

A reader never raises for a bad record: a line that is not JSON or not UTF-8 comes out
as a RawRecord with `error` set, naming the file and line, so the run goes on and the
report still has a line for it.
"""
from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from codevet.core.errors import InputError




@dataclass
class RawRecord:
    source: str  # "file.jsonl:12" or "hf:mbpp/full[test]#3"
    index: int
    record: Any = None
    text: str | None = None  # the exact JSONL line, when there is one
    error: str | None = None


def _open_bytes(path: Path) -> io.BufferedIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _read_jsonl(path: Path) -> Iterator[RawRecord]:
    index = 0
    with _open_bytes(path) as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            source = f"{path.name}:{lineno}"
            try:
                text = raw.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                yield RawRecord(source, index, error=f"{source}: not UTF-8 ({exc.reason} at byte {exc.start})")
                index += 1
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield RawRecord(source, index, text=text, error=f"{source}: invalid JSON: {exc.msg} (column {exc.colno})")
            else:
                yield RawRecord(source, index, record, text)
            index += 1


def _read_json(path: Path) -> Iterator[RawRecord]:
    with _open_bytes(path) as fh:
        data = fh.read()
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common enough to accept.
        if data.lstrip().startswith(b"{") and b"\n" in data.strip():
            yield from _read_jsonl(path)
            return
        raise InputError(f"{path}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    if isinstance(doc, dict):
        # {"data": [...]} / {"train": [...]} style wrappers, else a single record.
        lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        doc = lists[0] if len(lists) == 1 else [doc]
    if not isinstance(doc, list):
        raise InputError(f"{path}: expected a JSON array of records, got {type(doc).__name__}")
    for i, record in enumerate(doc):
        yield RawRecord(f"{path.name}[{i}]", i, record)


def _read_parquet(path: Path) -> Iterator[RawRecord]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"{path}: not a readable Parquet file: {exc}") from exc
    index = 0
    for batch in pf.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            yield RawRecord(f"{path.name}#row{index}", index, record)
            index += 1


def _read_hf(spec: str, split: str) -> Iterator[RawRecord]:
    """`hf:NAME[:CONFIG]`: through `datasets`, which serves local caches offline."""
    try:
        import datasets
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise InputError("hf: inputs need the `datasets` package: pip install 'codevet[hf]'") from exc
    name, _, config = spec[3:].partition(":")
    try:
        ds = datasets.load_dataset(name, config or None, split=split)
    except Exception as exc:
        raise InputError(f"{spec}: could not load split {split!r}: {exc}") from exc
    for i, record in enumerate(ds):
        yield RawRecord(f"{spec}[{split}]#{i}", i, dict(record))


def read_records(spec: str, split: str = "train") -> Iterator[RawRecord]:
    if spec.startswith("hf:"):
        yield from _read_hf(spec, split)
        return
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"{spec}: no such file")
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        yield from _read_jsonl(path)
    elif name.endswith(".json"):
        yield from _read_json(path)
    elif name.endswith(".parquet"):
        yield from _read_parquet(path)
    else:
        raise InputError(f"{spec}: unknown input type (want .json, .jsonl[.gz], .parquet or hf:NAME)")


def check_readable(spec: str) -> None:
    """Fail fast, before a run starts, on inputs that cannot be opened at all."""
    if spec.startswith("hf:"):
        return
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"{spec}: no such file")
    name = path.name.lower().removesuffix(".gz")
    if not name.endswith((".jsonl", ".ndjson", ".json", ".parquet")):
        raise InputError(f"{spec}: unknown input type (want .json, .jsonl[.gz], .parquet or hf:NAME)")
