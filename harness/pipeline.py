"""The one place that joins generators to sandboxes.

Candidates stream in; each is looked up in the cache, else handed to its language's
sandbox through the executor (local threads sized to the jobs, or Ray actors; see
executors.py); verdicts stream out to the ordered sink.
Memory stays bounded (a fixed number of examples in flight) and Ctrl-C stops cleanly:
finished verdicts are already cached, so the next run resumes where this one stopped.
"""
from __future__ import annotations

import json
import time
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from codevet.harness.cache import VerdictCache, cache_key
from codevet.harness.config import RunConfig
from codevet.harness.executors import Executor, SandboxSet, make_executor
from codevet.harness.filters import Prefilter
from codevet.harness.html_report import write_html_report
from codevet.harness.model import Candidate, Status, Verdict
from codevet.harness.sink import OrderedSink
from codevet.harness.summary import SummaryBuilder

__all__ = ["RunResult", "SandboxSet", "run"]


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
    if config.sandbox.extra.get("artifacts_dir") is None:
        config.sandbox.extra["artifacts_dir"] = str(out / "artifacts")
    summary = SummaryBuilder()

    def tee(line: dict[str, Any]) -> None:
        summary.add(line)
        if on_line:
            on_line(line)

    executor = executor or make_executor(config)  # first: an executor that cannot start writes nothing
    sink = OrderedSink(out, tee)
    cache = VerdictCache(config.cache_dir) if config.use_cache else None
    prefilter = Prefilter(config.filters)
    options = config.sandbox.cache_fields()
    (out / "config.json").write_text(config.model_dump_json(indent=2) + "\n")
    started = time.monotonic()
    stream: Iterator[Candidate] = iter(candidates)
    if config.limit:
        stream = islice(stream, config.limit)
    in_flight: dict[Future, tuple[int, Candidate, str | None]] = {}
    max_in_flight = config.jobs * 4
    seq = 0
    interrupted = False

    def outcome(fut: Future) -> Verdict:
        try:
            return fut.result()
        except Exception as exc:  # an executor failure is this example's error, not the run's
            return Verdict.error("executor-error", f"{type(exc).__name__}: {exc}"[:2000])

    def finish(done: Iterable[Future]) -> None:
        for fut in done:
            n, cand, key = in_flight.pop(fut)
            verdict = outcome(fut)
            if cache is not None and key is not None:
                cache.put(key, verdict)
            sink.add(n, cand, verdict)

    try:
        for candidate in stream:
            n, seq = seq, seq + 1
            if candidate.error:
                sink.add(n, candidate, Verdict.error("malformed-input", candidate.error, check="input"))
                continue
            rejected = prefilter.verdict(candidate)  # cheap rejections never start a sandbox
            if rejected is not None:
                sink.add(n, candidate, rejected)
                continue
            sandbox = executor.sandbox(candidate.language)
            if isinstance(sandbox, str):
                sink.add(n, candidate, Verdict.error("sandbox-unavailable", sandbox, check="sandbox"))
                continue
            key = None
            if cache is not None:
                key = cache_key(candidate.language, type(sandbox).__name__, sandbox.version, options,
                                sandbox.fingerprint(candidate))
                hit = cache.get(key)
                if hit is not None:
                    sink.add(n, candidate, hit, cached=True)
                    continue
            in_flight[executor.submit(sandbox, candidate)] = (n, candidate, key)
            while len(in_flight) >= max_in_flight:
                done, _ = wait(list(in_flight), timeout=0.5, return_when=FIRST_COMPLETED)
                finish(done)
        while in_flight:
            done, _ = wait(list(in_flight), timeout=0.5, return_when=FIRST_COMPLETED)
            finish(done)
    except KeyboardInterrupt:
        interrupted = True
        # Only what finished before the workers are killed is the examples' own verdict;
        # anything cut short by the shutdown below is reported as interrupted, not cached.
        finished_before = {f for f in in_flight if f.done() and not f.cancelled()}
        executor.interrupt()  # kills the workers: threads blocked on them return at once
        stopped = Verdict.error("interrupted", "the run was interrupted before this example finished", check="harness")
        for fut, (n, cand, key) in list(in_flight.items()):
            verdict = outcome(fut) if fut in finished_before else stopped
            if verdict.status is Status.ERROR:
                verdict = stopped
            elif cache is not None and key is not None:
                cache.put(key, verdict)
            sink.add(n, cand, verdict)
        in_flight.clear()
        for candidate in stream:  # the rest still gets its line: nothing vanishes
            n, seq = seq, seq + 1
            sink.add(n, candidate, stopped)
    finally:
        executor.close()
        sink.close()
        if cache is not None:
            cache.close()

    elapsed = time.monotonic() - started
    result_summary = summary.build(elapsed, inputs, interrupted)
    (out / "summary.json").write_text(json.dumps(result_summary, indent=2) + "\n")
    write_html_report(out)
    notes = executor.notes
    return RunResult(result_summary, out, interrupted, notes)
