"""Records to Candidates: read each input, detect its format once, adapt every record.

A record that cannot be read or adapted becomes a Candidate with `error` set (naming the
file and line), never an exception and never a gap: the report keeps every example.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from codevet.generators.formats import FormatAdapter, FormatError, detect_format, get_format
from codevet.generators.presets import find_preset
from codevet.generators.readers import RawRecord, read_records
from codevet.generators.statement_tests import add_statement_tests
from codevet.core.model import Candidate


def _error(raw: RawRecord, message: str, language: str, fmt: str = "") -> Candidate:
    return Candidate(id=str(raw.index), source=raw.source, language=language, format=fmt,
                     raw=raw.record, raw_text=raw.text, index=raw.index, error=message)


def read_candidates(spec: str, format_name: str | None = None, language: str | None = None,
                    split: str = "train") -> Iterator[Candidate]:
    for candidate in _read_candidates(spec, format_name, language, split):
        candidate.meta.setdefault("input", spec)  # the file as given: sources name only its basename
        yield candidate


def _read_candidates(spec: str, format_name: str | None, language: str | None, split: str) -> Iterator[Candidate]:
    if format_name is None and spec.startswith("hf:"):
        preset = find_preset(spec[3:])  # a known set by name maps its own fields
        format_name = preset.format if preset else None
    adapter: FormatAdapter | None = get_format(format_name) if format_name else None
    for raw in read_records(spec, split):
        lang = language or (adapter.languages[0] if adapter else "unknown")
        if raw.error:
            yield _error(raw, raw.error, lang, adapter.name if adapter else "")
            continue
        if adapter is None:
            try:
                adapter = detect_format(raw.record, language)
            except Exception as exc:  # a record odd enough to break detection is this record's error
                yield _error(raw, f"{raw.source}: cannot tell the format: {type(exc).__name__}: {str(exc)[:300]}", lang)
                continue
            if adapter is None:
                keys = sorted(raw.record)[:12] if isinstance(raw.record, dict) else type(raw.record).__name__
                yield _error(raw, f"{raw.source}: cannot tell the format from fields {keys}; pass --format", lang)
                continue
            lang = language or adapter.languages[0]
        try:
            candidate = adapter.to_candidate(raw.record, source=raw.source, index=raw.index, language=language)
        except FormatError as exc:
            yield _error(raw, f"{raw.source}: {exc}", lang, adapter.name)
            continue
        except Exception as exc:  # any surprise in one record stays that record's error
            yield _error(raw, f"{raw.source}: cannot read the record: {type(exc).__name__}: {str(exc)[:300]}",
                         lang, adapter.name)
            continue
        candidate.raw, candidate.raw_text, candidate.index = raw.record, raw.text, raw.index
        yield add_statement_tests(candidate)  # no tests of its own: those its text shows, if any


def count_records(spec: str) -> int | None:
    """For progress bars; None when counting would cost as much as reading."""
    if spec.startswith("hf:"):
        return None
    path = Path(spec)
    name = path.name.lower().removesuffix(".gz")
    try:
        if name.endswith((".jsonl", ".ndjson")):
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        if name.endswith(".parquet"):
            import pyarrow.parquet as pq
            return pq.ParquetFile(path).metadata.num_rows
        if name.endswith(".json") and path.stat().st_size < 200 * 1024 * 1024:
            doc = json.loads(path.read_bytes())
            return len(doc) if isinstance(doc, list) else None
    except Exception:  # a bad file is reported properly when it is read
        return None
    return None
