"""The one door to a verdict, for `verify` and `generate` alike.

A `Verifier` owns everything between a candidate and its verdict: the prefilter (cheap
rejections before any sandbox), the cache (a hash of what decides the verdict), the
executor (local threads or Ray actors, each holding an opened sandbox) and the wrapping
of every failure into an `error` verdict. Whatever asks for verdicts (the file pipeline,
the generator's rounds) gets the same cache, filters and executor.

    with Verifier(config) as verifier:
        for result in verifier.verify(candidates):   # completion order, seq attached
            ...
        verdict = verifier.verify_one(candidate)

A `timeout` is not trusted on first sight: on a loaded machine a correct program can miss
its deadline. Every timed-out example runs once more, alone (after everything else of the
stream has finished, nothing else of this verifier running), and only a timeout that
reproduces is recorded and cached; otherwise the second verdict is the one kept.
"""
from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from codevet.core.model import Candidate, Status, Verdict
from codevet.harness.cache import VerdictCache, cache_key
from codevet.harness.config import RunConfig
from codevet.harness.executors import Executor, make_executor
from codevet.harness.filters import Prefilter

INTERRUPTED = "the run was interrupted before this example finished"
# Reasons that may be the machine's doing rather than the example's: retried once, alone.
RETRIED_REASONS = frozenset({"timeout", "long-running"})


def oversized(candidate: Candidate, options: Any) -> str | None:
    """Code larger than the sandbox's private workspace cannot even be written there: say
    that, instead of the sandbox's confused `early-exit` when its disk fills."""
    size = len(candidate.code.encode("utf-8", "surrogatepass")) if candidate.code else 0
    workspace_mb = max(256, options.workspace_mb) if candidate.language == "threejs" else options.workspace_mb
    if size <= workspace_mb * 1024 * 1024 // 2:
        return None
    return (f"the code is {size / 1e6:.1f} MB; the {candidate.language} sandbox's workspace holds "
            f"{workspace_mb} MB (raise it with --option workspace_mb=N)")


@dataclass
class Result:
    """One candidate's verdict; `seq` is its place in the stream given to `verify`."""

    seq: int
    candidate: Candidate
    verdict: Verdict
    cached: bool = False


class Verifier:
    def __init__(self, config: RunConfig, executor: Executor | None = None) -> None:
        self.config = config
        self.executor = executor or make_executor(config)  # first: one that cannot start leaves nothing behind
        self.cache = VerdictCache(config.cache_dir) if config.use_cache else None
        self.prefilter = Prefilter(config.filters)
        self.interrupted = False
        self._keys: dict[str, tuple[Any, dict[str, Any]] | str] = {}
        self._lock = threading.Lock()

    # -- keys ------------------------------------------------------------------------------
    def _key_parts(self, language: str) -> tuple[Any, dict[str, Any]] | str:
        """(key sandbox, what of the machine decides verdicts), or why there is no sandbox.
        The environment comes from an opened sandbox where the work runs (a Ray worker's
        compiler, not the driver's)."""
        with self._lock:
            if language not in self._keys:
                sandbox = self.executor.sandbox(language)
                if isinstance(sandbox, str):
                    self._keys[language] = sandbox
                else:
                    env = self.executor.environment(language)
                    self._keys[language] = env if isinstance(env, str) else (sandbox, env)
            return self._keys[language]

    def key(self, candidate: Candidate) -> str | None:
        parts = self._key_parts(candidate.language)
        if isinstance(parts, str):
            return None
        sandbox, env = parts
        return cache_key(candidate.language, type(sandbox).__name__, sandbox.version,
                         {**self.config.sandbox.cache_fields(candidate.language), "environment": env},
                         sandbox.fingerprint(candidate))

    # -- one candidate ---------------------------------------------------------------------
    def _start(self, seq: int, candidate: Candidate, filters: bool = True) -> Result | tuple[Future, str | None]:
        """A finished Result (input error, filtered, cached, no sandbox), or a running one.
        Whatever one odd candidate makes go wrong here is that candidate's `error`."""
        try:
            return self._start_one(seq, candidate, filters)
        except Exception as exc:
            return Result(seq, candidate, Verdict.error("harness-error", f"{type(exc).__name__}: {exc}"[:2000]))

    def _start_one(self, seq: int, candidate: Candidate, filters: bool = True) -> Result | tuple[Future, str | None]:
        if candidate.error:
            return Result(seq, candidate, Verdict.error("malformed-input", candidate.error, check="input"))
        too_big = oversized(candidate, self.config.sandbox)
        if too_big:
            return Result(seq, candidate, Verdict.error("too-large", too_big, check="input"))
        rejected = self.prefilter.verdict(candidate) if filters else None
        if rejected is not None:
            return Result(seq, candidate, rejected)
        parts = self._key_parts(candidate.language)
        if isinstance(parts, str):
            return Result(seq, candidate, Verdict.error("sandbox-unavailable", parts, check="sandbox"))
        key = self.key(candidate) if self.cache is not None else None
        if key is not None:
            hit = self.cache.get(key)
            if hit is not None:
                return Result(seq, candidate, hit, cached=True)
        return self.executor.submit(parts[0], candidate), key

    @staticmethod
    def _outcome(fut: Future) -> Verdict:
        try:
            return fut.result()
        except Exception as exc:  # an executor failure is this example's error, not the run's
            return Verdict.error("executor-error", f"{type(exc).__name__}: {exc}"[:2000])

    def _finish(self, seq: int, candidate: Candidate, fut: Future, key: str | None) -> Result:
        """The Result of a finished run; a timeout is left uncached for `_retry_alone`."""
        verdict = self._outcome(fut)
        if self.cache is not None and key is not None and verdict.reason not in RETRIED_REASONS:
            self.cache.put(key, verdict)
        return Result(seq, candidate, verdict)

    def _retry_alone(self, result: Result, key: str | None) -> Result:
        """Run a timed-out example once more, with nothing else of this verifier running
        (the caller guarantees that), and keep the second verdict. The timeout is
        recorded (and cached) only when it reproduces."""
        first = result.verdict
        parts = self._key_parts(result.candidate.language)
        if isinstance(parts, str):
            return result
        second = self._outcome(self.executor.submit(parts[0], result.candidate))
        detail = next((c.detail for c in first.checks if not c.passed), first.reason or "")
        if second.reason == first.reason:
            second.artifacts["retry"] = f"{first.reason} reproduced when run again alone"
        else:
            second.artifacts["retry"] = f"first run: {first.reason} ({detail}); run again alone: " \
                                        f"{second.reason or second.status.value}"
        if self.cache is not None and key is not None:
            self.cache.put(key, second)
        return Result(result.seq, result.candidate, second)

    def verify_one(self, candidate: Candidate, filters: bool = True, retry_timeouts: bool = True) -> Verdict:
        """One verdict. `filters=False` skips the prefilter: for runs that are not examples
        of the set (an answer against model-written tests, its mutants), which must not
        enter the duplicate index or be counted by a filter. `retry_timeouts=False` keeps a
        first timeout (not cached): for a mutant, where a loop is expected and a second
        full wait would change nothing that is decided from it."""
        started = self._start(0, candidate, filters)
        if isinstance(started, Result):
            return started.verdict
        fut, key = started
        result = self._finish(0, candidate, fut, key)
        if retry_timeouts and result.verdict.reason in RETRIED_REASONS:
            result = self._retry_alone(result, key)
        return result.verdict

    # -- a stream --------------------------------------------------------------------------
    def verify(self, candidates: Iterable[Candidate], stop: threading.Event | None = None) -> Iterator[Result]:
        """Every candidate's Result, in completion order, with a bounded number in flight.
        Ctrl-C: what finished is yielded (and cached); the rest of the stream is yielded
        as `interrupted` errors, never cached, so every candidate still gets its line.
        `stop` is the same as Ctrl-C, set from outside (a SIGINT handler that must not raise
        in the middle of writing a line): it is looked at between candidates and every
        half second while waiting."""
        stream = iter(candidates)
        in_flight: dict[Future, tuple[int, Candidate, str | None]] = {}
        retries: list[tuple[Result, str | None]] = []  # timeouts, run again at the end, alone
        max_in_flight = self.config.jobs * 4
        seq = 0
        current: tuple[int, Candidate] | None = None

        def stopped_from_outside() -> None:
            if stop is not None and stop.is_set():
                raise KeyboardInterrupt  # handled below, like a Ctrl-C that landed here

        def drain(block: bool) -> Iterator[Result]:
            done, _ = wait(list(in_flight), timeout=0.5 if block else 0, return_when=FIRST_COMPLETED)
            stopped_from_outside()
            for fut in done:
                n, cand, key = in_flight.pop(fut)
                result = self._finish(n, cand, fut, key)
                if result.verdict.reason in RETRIED_REASONS:
                    retries.append((result, key))
                else:
                    yield result

        try:
            for candidate in stream:
                n, seq = seq, seq + 1
                current = (n, candidate)  # taken from the stream, not yet in flight
                stopped_from_outside()
                started = self._start(n, candidate)
                if not isinstance(started, Result):
                    in_flight[started[0]] = (n, candidate, started[1])
                current = None
                if isinstance(started, Result):
                    yield started
                    continue
                while len(in_flight) >= max_in_flight:
                    yield from drain(True)
            while in_flight:
                yield from drain(True)
            while retries:  # nothing else is in flight now: each runs alone
                stopped_from_outside()
                result, key = retries[0]
                redone = self._retry_alone(result, key)
                retries.pop(0)  # only now: a Ctrl-C during the retry still reports it below
                yield redone
        except KeyboardInterrupt:
            self.interrupted = True
            finished = {f for f in in_flight if f.done() and not f.cancelled()}
            self.executor.interrupt()  # kills the workers: threads blocked on them return at once
            stopped = Verdict.error("interrupted", INTERRUPTED, check="harness")
            for fut, (n, cand, key) in list(in_flight.items()):
                result = self._finish(n, cand, fut, key) if fut in finished else None
                yield result if result is not None and result.verdict.status is not Status.ERROR \
                    else Result(n, cand, stopped)
            in_flight.clear()
            if current is not None:
                yield Result(current[0], current[1], stopped)
            for result, _ in retries:  # a timeout never retried alone is not recorded as one
                yield Result(result.seq, result.candidate, stopped)
            retries.clear()
            for candidate in stream:  # the rest still gets its line: nothing vanishes
                n, seq = seq, seq + 1
                yield Result(n, candidate, stopped)

    # -- lifecycle -------------------------------------------------------------------------
    @property
    def notes(self) -> list[str]:
        return self.executor.notes

    def close(self) -> None:
        try:
            self.executor.close()
        finally:
            if self.cache is not None:
                self.cache.close()
                self.cache = None

    def __enter__(self) -> "Verifier":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

