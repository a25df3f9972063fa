"""Writes results as they finish, in input order: report.jsonl for every example,
kept.jsonl and rejected.jsonl with each record exactly as it was read."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable

from codevet.core.model import Candidate, Status, Verdict


def report_line(candidate: Candidate, verdict: Verdict, cached: bool) -> dict[str, Any]:
    line: dict[str, Any] = {
        "id": candidate.id,
        "source": candidate.source,
        "language": candidate.language,
        "format": candidate.format,
        "status": verdict.status.value,
        "reason": verdict.reason,
        "checks": [{"name": c.name, "passed": c.passed, "detail": c.detail} for c in verdict.checks],
        "tests": [{"name": t.name, "outcome": t.outcome, "message": t.message} for t in verdict.tests],
        "duration_s": round(verdict.duration_s, 4),
        "cached": cached,
    }
    if candidate.tests is not None and any(c.kind != "run" for c in candidate.tests.cases):
        line["tests_origin"] = candidate.tests.origin  # a bare run with the record's input is no test
    if candidate.meta.get("synthesis"):  # --synthesize-tests: what the model's tests did (harness/synthesize.py)
        line["synthesis"] = candidate.meta["synthesis"]
    if candidate.meta.get("statement_tests"):  # what the text showed, and why an example gave no test
        line["statement_tests"] = candidate.meta["statement_tests"]
    if candidate.meta.get("input"):
        line["input"] = str(candidate.meta["input"])
    if verdict.artifacts:
        line["artifacts"] = dict(verdict.artifacts)
    if verdict.status is not Status.PASS:
        # what report.html shows for a rejected example: the instruction, the code, and the
        # line the evidence points at (kept examples are in kept.jsonl as read)
        line["instruction"] = _capped(candidate.instruction, MAX_INSTRUCTION_CHARS)
        line["code"] = _capped(candidate.code, MAX_CODE_CHARS)
        if len(candidate.code or "") > MAX_CODE_CHARS or len(candidate.instruction or "") > MAX_INSTRUCTION_CHARS:
            line["truncated"] = True
        where = failing_line(line)
        if where is not None:
            line["failing_line"] = where
    return line


MAX_INSTRUCTION_CHARS = 20_000
MAX_CODE_CHARS = 100_000
_PY_LINE = re.compile(r'File "[^"]*\bsolution\.py", line (\d+)|\bsolution\.py:(\d+)')


def _capped(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[:limit]


def failing_line(line: dict[str, Any]) -> int | None:
    """The code line the evidence names: the first error diagnostic (OoT, gcc), else the
    deepest frame in the solution of a Python traceback."""
    for diag in (line.get("artifacts") or {}).get("diagnostics") or []:
        if isinstance(diag, dict) and diag.get("severity", "error") in ("error", "fatal error") \
                and isinstance(diag.get("line"), int) and diag["line"] > 0:
            return diag["line"]
    texts = [t.get("message") or "" for t in line.get("tests", [])] + [c.get("detail") or "" for c in line["checks"]]
    for text in texts:
        found = [int(a or b) for a, b in _PY_LINE.findall(text)]
        if found:
            return found[-1]
    return None


def artifact_stem(candidate: Candidate) -> str:
    """A file name for a candidate's artifacts: readable, and unique across inputs (ids
    are often just line numbers, repeated in every file)."""
    stem = Path(str(candidate.source or "input")).name.split(".")[0]
    base = re.sub(r"[^A-Za-z0-9_-]+", "_", f"{stem}-{candidate.id}").strip("_")[:80] or "candidate"
    digest = hashlib.sha1(f"{candidate.source}\0{candidate.id}\0{candidate.index}".encode()).hexdigest()[:8]
    return f"{base}-{digest}"


def write_files(out: Path, candidate: Candidate, verdict: Verdict, line: dict[str, Any]) -> None:
    """The verdict's binary evidence into out/artifacts/, named in the line by kind
    (`files["screenshot.png"]` becomes `artifacts.screenshot = "artifacts/<stem>.png"`)."""
    if not verdict.files:
        return
    art = line.setdefault("artifacts", {})
    folder = out / "artifacts"
    for name, data in verdict.files.items():
        kind, _, ext = name.rpartition(".")
        rel = f"artifacts/{artifact_stem(candidate)}.{ext}" if kind == "screenshot" else \
            f"artifacts/{artifact_stem(candidate)}-{name}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(data)
            art[kind or name] = rel
        except OSError as exc:
            art["notes"] = [*art.get("notes", []), f"{name} not saved: {exc}"]


def record_text(candidate: Candidate) -> str | None:
    """The record as read: the exact line for JSONL, else the record re-serialised."""
    if candidate.raw_text is not None:
        return candidate.raw_text
    if candidate.raw is None:
        return None
    return json.dumps(candidate.raw, ensure_ascii=False, default=str)


class OrderedSink:
    """Results arrive in any order; lines leave in input order (a small reorder buffer)."""

    def __init__(self, out: Path, on_line: Callable[[dict[str, Any]], None] | None = None) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out
        self.report = open(out / "report.jsonl", "w", encoding="utf-8")
        self.kept = open(out / "kept.jsonl", "w", encoding="utf-8")
        self.rejected = open(out / "rejected.jsonl", "w", encoding="utf-8")
        self.on_line = on_line
        self.pending: dict[int, tuple[Candidate, Verdict, bool]] = {}
        self.next_seq = 0
        self.written = 0

    def add(self, seq: int, candidate: Candidate, verdict: Verdict, cached: bool = False) -> None:
        self.pending[seq] = (candidate, verdict, cached)
        while self.next_seq in self.pending:
            self._write(*self.pending.pop(self.next_seq))
            self.next_seq += 1

    def _write(self, candidate: Candidate, verdict: Verdict, cached: bool) -> None:
        line = report_line(candidate, verdict, cached)
        write_files(self.out, candidate, verdict, line)
        self.report.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
        text = record_text(candidate)
        if text is not None:
            (self.kept if verdict.status is Status.PASS else self.rejected).write(text + "\n")
        self.written += 1
        if self.on_line:
            self.on_line(line)

    def close(self) -> None:
        for seq in sorted(self.pending):  # only after an interrupt can there be gaps
            self._write(*self.pending[seq])
        self.pending.clear()
        for f in (self.report, self.kept, self.rejected):
            f.close()
