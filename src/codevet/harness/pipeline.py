"""`codevet verify` on files: candidates stream through the Verifier into the ordered
sink, then the summary and the HTML report are written.

Memory stays bounded (the Verifier keeps a fixed number of examples in flight) and Ctrl-C
stops cleanly: finished verdicts are already cached, so the next run resumes where this
one stopped, and every example still gets its report line.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from codevet.core.model import Candidate
from codevet.harness.config import RunConfig
from codevet.harness.executors import Executor
from codevet.harness.html_report import write_html_report
from codevet.harness.sink import OrderedSink
from codevet.harness.summary import SummaryBuilder
from codevet.harness.verifier import Verifier

__all__ = ["RunResult", "run"]


@dataclass
class RunResult:
    summary: dict[str, Any]
    out: Path
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)


def run(candidates: Iterable[Candidate], config: RunConfig, inputs: list[str],
        on_line: Callable[[dict[str, Any]], None] | None = None,
        executor: Executor | None = None) -> RunResult:
    out = config.out
    out.mkdir(parents=True, exist_ok=True)
    summary = SummaryBuilder()

    def tee(line: dict[str, Any]) -> None:
        summary.add(line)
        if on_line:
            on_line(line)

    verifier = Verifier(config, executor)  # first: an executor that cannot start writes nothing
    sink = OrderedSink(out, tee)
    (out / "config.json").write_text(config.model_dump_json(indent=2) + "\n")
    started = time.monotonic()
    stream: Iterator[Candidate] = iter(candidates)
    if config.limit:
        stream = islice(stream, config.limit)
    results = verifier.verify(stream)
    try:
        while True:
            try:
                for result in results:
                    sink.add(result.seq, result.candidate, result.verdict, cached=result.cached)
                break
            except KeyboardInterrupt:
                # Ctrl-C landed here rather than inside the Verifier: hand it over, so it
                # reports the rest of the stream as interrupted.
                try:
                    result = results.throw(KeyboardInterrupt())
                except (StopIteration, KeyboardInterrupt):
                    verifier.interrupted = True
                    break
                sink.add(result.seq, result.candidate, result.verdict, cached=result.cached)
    finally:
        verifier.close()
        sink.close()

    elapsed = time.monotonic() - started
    result_summary = summary.build(elapsed, inputs, verifier.interrupted)
    (out / "summary.json").write_text(json.dumps(result_summary, indent=2) + "\n")
    write_html_report(out)
    return RunResult(result_summary, out, verifier.interrupted, verifier.notes)
