"""`codevet verify` on files: candidates stream through the Verifier into the ordered
sink, then the summary and the HTML report are written.

Every exit path (normal end, Ctrl-C, an input that stops being readable) writes the
summary and the report; the files are written aside and swapped in (see outdir.py), so a
killed run leaves --out as the previous run left it.

Memory stays bounded (the Verifier keeps a fixed number of examples in flight) and Ctrl-C
stops cleanly: finished verdicts are already cached, so the next run resumes where this
one stopped, and every example still gets its report line.
"""
from __future__ import annotations

import json
import shutil
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from codevet.core.errors import CodevetError
from codevet.core.model import Candidate
from codevet.harness.config import RunConfig
from codevet.harness.executors import Executor
from codevet.harness.hints import AlpacaLanguageHint
from codevet.harness.html_report import write_html_report
from codevet.harness.outdir import new_stage, prepare_out, swap_in
from codevet.harness.sink import OrderedSink
from codevet.harness.summary import SummaryBuilder
from codevet.harness.verifier import Result, Verifier

__all__ = ["RunResult", "run"]


@dataclass
class RunResult:
    summary: dict[str, Any]
    out: Path
    interrupted: bool = False
    notes: list[str] = field(default_factory=list)
    # why reading stopped before the end of the inputs (a file that cannot be read): the
    # examples before it are all reported; the caller says this and exits non-zero
    stopped: str | None = None


def _guarded(stream: Iterator[Candidate], stopped: list[str]) -> Iterator[Candidate]:
    """The input stream, ending quietly where reading fails: what was read still finishes
    and is reported, and the failure is the run's message, never a traceback."""
    try:
        yield from stream
    except CodevetError as exc:
        stopped.append(str(exc))
    except Exception as exc:
        stopped.append(f"reading the input failed: {type(exc).__name__}: {exc}")


@contextmanager
def ctrl_c_sets(stop: threading.Event) -> Iterator[None]:
    """While the run writes, the first Ctrl-C only sets `stop` (the Verifier then reports
    what finished and the rest as interrupted), so no KeyboardInterrupt can land in the
    middle of writing a line and lose it. A second Ctrl-C interrupts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _consume(results: Iterator[Result], sink: OrderedSink, verifier: Verifier,
             on_result: Callable[[Result], None] | None) -> None:
    while True:
        try:
            for result in results:
                if on_result:
                    on_result(result)
                sink.add(result.seq, result.candidate, result.verdict, cached=result.cached)
            return
        except KeyboardInterrupt:
            # A second Ctrl-C, or one outside the handler: hand it to the Verifier, which
            # reports the rest of the stream as interrupted.
            try:
                result = results.throw(KeyboardInterrupt())
            except (StopIteration, KeyboardInterrupt):
                verifier.interrupted = True
                return
            sink.add(result.seq, result.candidate, result.verdict, cached=result.cached)


def run(candidates: Iterable[Candidate], config: RunConfig, inputs: list[str],
        on_line: Callable[[dict[str, Any]], None] | None = None,
        executor: Executor | None = None,
        on_result: Callable[[Result], None] | None = None,
        prepare: Callable[[Iterator[Candidate], Verifier], Iterator[Candidate]] | None = None) -> RunResult:
    """Verify every candidate into `config.out`. `on_line` sees report lines in input
    order; `on_result` sees each verdict as it arrives (progress that never stalls behind
    one slow example). `prepare` may change candidates on their way in, using the same
    Verifier (--synthesize-tests adds model-written tests). The files are written aside
    and swapped in on every exit path."""
    out = config.out
    prepare_out(out)
    summary = SummaryBuilder()
    hint = AlpacaLanguageHint()

    def tee(line: dict[str, Any]) -> None:
        summary.add(line)
        hint.add(line)
        if on_line:
            on_line(line)

    verifier = Verifier(config, executor)  # first: an executor that cannot start writes nothing
    stage = new_stage(out)
    stopped: list[str] = []
    try:
        sink = OrderedSink(stage, tee)
        (stage / "config.json").write_text(config.model_dump_json(indent=2) + "\n")
        started = time.monotonic()
        stream: Iterator[Candidate] = _guarded(iter(candidates), stopped)
        if config.limit:
            stream = islice(stream, config.limit)
        if prepare is not None:
            stream = prepare(stream, verifier)
        stop = threading.Event()
        results = verifier.verify(stream, stop)
        with ctrl_c_sets(stop):  # also over the final writes: a first Ctrl-C never cuts them
            try:
                _consume(results, sink, verifier, on_result)
            finally:
                try:
                    verifier.close()
                finally:
                    sink.close()
                    elapsed = time.monotonic() - started
                    result_summary = summary.build(elapsed, inputs, verifier.interrupted)
                    if stopped:
                        result_summary["stopped"] = stopped[0]
                    (stage / "summary.json").write_text(json.dumps(result_summary, indent=2) + "\n")
                    write_html_report(stage)
                    swap_in(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)  # only left when writing itself failed
        raise
    return RunResult(result_summary, out, verifier.interrupted, verifier.notes + hint.notes(),
                     stopped[0] if stopped else None)
