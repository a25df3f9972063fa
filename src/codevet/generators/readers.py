"""Read records from files and datasets, one at a time, with where each came from.

A reader never raises for a bad record: a line that is not JSON or not UTF-8 comes out
as a RawRecord with `error` set, naming the file and line, so the run goes on and the
report still has a line for it.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator
from codevet.core.errors import InputError

BOM = "\ufeff"

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
    """One record per line. Whatever goes wrong with one line (not UTF-8, not JSON, an
    integer of more digits than Python converts, nesting deeper than the parser recurses)
    is that line's error; a compressed file that stops early ends with one error record
    saying so, after every line before the cut."""
    index = 0
    lineno = 0
    with _open_bytes(path) as fh:
        lines = iter(fh)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                break
            except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt .gz
                source = f"{path.name}:{lineno + 1}"
                yield RawRecord(source, index, error=f"{path}: compressed file is truncated or corrupt after "
                                f"line {lineno} ({type(exc).__name__}: {exc}); every line before it was read")
                return
            lineno += 1
            if not raw.strip():
                continue
            source = f"{path.name}:{lineno}"
            yield _parse_line(raw, source, index, first=lineno == 1)
            index += 1


def _parse_line(raw: bytes, source: str, index: int, first: bool) -> RawRecord:
    try:
        text = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError as exc:
        # rejected.jsonl still gets the line (undecodable bytes as U+FFFD), so it has every rejected record
        return RawRecord(source, index, text=raw.decode("utf-8", "replace").rstrip("\r\n"),
                         error=f"{source}: not UTF-8 ({exc.reason} at byte {exc.start})")
    if first and text.startswith(BOM):
        text = text[1:]  # a UTF-8 byte order mark is not part of the first record
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RawRecord(source, index, text=text, error=f"{source}: invalid JSON: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return RawRecord(source, index, text=text, error=f"{source}: JSON nested too deeply to read")
    except Exception as exc:  # e.g. ValueError: an integer longer than int() converts
        return RawRecord(source, index, text=text, error=f"{source}: unreadable JSON: {type(exc).__name__}: "
                         f"{str(exc)[:300]}")
    return RawRecord(source, index, record, text)


def _read_json(path: Path) -> Iterator[RawRecord]:
    try:
        with _open_bytes(path) as fh:
            data = fh.read()
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(f"{path}: cannot read: {type(exc).__name__}: {exc}") from exc
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common enough to accept.
        if data.lstrip().startswith(b"{") and b"\n" in data.strip():
            yield from _read_jsonl(path)
            return
        raise InputError(f"{path}: invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    except (RecursionError, ValueError) as exc:
        raise InputError(f"{path}: unreadable JSON: {type(exc).__name__}: {str(exc)[:300]}") from exc
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
    batches = pf.iter_batches(batch_size=1024)
    while True:
        try:
            batch = next(batches)
        except StopIteration:
            return
        except Exception as exc:  # a damaged row group: say where, keep what came before
            yield RawRecord(f"{path.name}#row{index}", index, error=f"{path}: unreadable after row {index}: "
                            f"{type(exc).__name__}: {str(exc)[:300]}")
            return
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
    check_readable(spec)
    path = Path(spec)
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".jsonl", ".ndjson")):
        yield from _read_jsonl(path)
    elif name.endswith(".json"):
        yield from _read_json(path)
    elif name.endswith(".parquet"):
        yield from _read_parquet(path)


def check_readable(spec: str) -> None:
    """Fail fast, before a run starts, on inputs that cannot be opened at all, saying why."""
    if spec.startswith("hf:"):
        check_hf_reachable(spec)
        return
    try:
        _check_file(spec)
    except OSError as exc:  # a folder on the way we may not look into
        raise InputError(f"{spec}: cannot be read: {exc.strerror or exc}") from None


def _check_file(spec: str) -> None:
    path = Path(spec)
    if path.is_dir():
        raise InputError(f"{spec}: is a directory; give the data files in it (e.g. {spec}/*.jsonl)")
    if not path.exists():
        raise InputError(f"{spec}: no such file")
    if not path.is_file():
        raise InputError(f"{spec}: not a regular file")
    name = path.name.lower().removesuffix(".gz")
    if not name.endswith((".jsonl", ".ndjson", ".json", ".parquet")):
        raise InputError(f"{spec}: unknown input type (want .json, .jsonl[.gz], .parquet or hf:NAME)")
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise InputError(f"{spec}: cannot be read: {exc.strerror or exc}") from exc
    if path.stat().st_size == 0:
        raise InputError(f"{spec}: is empty (no records to verify)")


HF_HOST = ("huggingface.co", 443)


def check_hf_reachable(spec: str, timeout_s: float = 3.0) -> None:
    """`hf:` with no network: say so at once instead of letting `datasets` retry for half a
    minute. A local folder, or HF_HUB_OFFLINE/HF_DATASETS_OFFLINE, needs no network."""
    name = spec[3:].partition(":")[0]
    if Path(name).exists() or os.environ.get("HF_HUB_OFFLINE") or os.environ.get("HF_DATASETS_OFFLINE"):
        return
    import socket

    try:
        with socket.create_connection((os.environ.get("CODEVET_HF_HOST", HF_HOST[0]), HF_HOST[1]), timeout=timeout_s):
            return
    except OSError as exc:
        raise InputError(f"{spec}: cannot reach the Hugging Face Hub ({exc.strerror or exc}); to use a dataset "
                         "already in the local cache, set HF_HUB_OFFLINE=1") from exc
