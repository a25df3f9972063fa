"""Progress of a verify run, wherever it runs.

On a terminal: a rich bar with the rate, the time left and the counts per status and per
language. Anywhere else (nohup, CI, a pipe): one plain line every few seconds, so a long
run is never silent. Counts move as verdicts arrive, not as report lines are written in
input order, so one slow example does not freeze them.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from collections import Counter
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)

DEFAULT_EVERY_S = 5.0


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class RunProgress:
    def __init__(self, console: Console, total: int | None, quiet: bool = False, label: str = "verifying",
                 every_s: float | None = None, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.status: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.done = 0
        self.started = time.monotonic()
        self.quiet = quiet
        self.terminal = console.is_terminal
        self.every_s = every_s if every_s is not None else float(os.environ.get("CODEVET_PROGRESS_EVERY_S",
                                                                                 DEFAULT_EVERY_S))
        self.stream = stream or sys.stderr
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.bar = Progress(TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                            TimeRemainingColumn(), TextColumn("{task.fields[counts]}"),
                            console=console, disable=quiet or not self.terminal, transient=False)
        self.task = None

    # -- counts ----------------------------------------------------------------------------
    def add(self, status: str, language: str) -> None:
        self.done += 1
        self.status[status] += 1
        self.languages[language] += 1
        if self.task is not None and self.terminal:
            self.bar.update(self.task, advance=1, rate=self.rate_text(), counts=self.counts_text(markup=True))

    def on_result(self, result: Any) -> None:
        self.add(result.verdict.status.value, result.candidate.language)

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def rate_text(self) -> str:
        return f"{self.rate():.1f}/s"

    def eta_s(self) -> float | None:
        rate = self.rate()
        if self.total is None or rate <= 0:
            return None
        return max(0.0, (self.total - self.done) / rate)

    def counts_text(self, markup: bool = False) -> str:
        p, f, e = self.status["pass"], self.status["fail"], self.status["error"]
        status = (f"[green]{p} pass[/] [red]{f} fail[/] [yellow]{e} error[/]" if markup
                  else f"{p} pass, {f} fail, {e} error")
        langs = " ".join(f"{k} {v}" for k, v in self.languages.most_common())
        return f"{status} | {langs}" if langs else status

    def line(self) -> str:
        """The plain progress line (no terminal)."""
        of = f"/{self.total}" if self.total is not None else ""
        pct = f" ({100 * self.done / self.total:.1f}%)" if self.total else ""
        return (f"{self.label}: {self.done}{of}{pct} {self.rate_text()} elapsed "
                f"{_clock(time.monotonic() - self.started)} ETA {_clock(self.eta_s())} | {self.counts_text()}")

    # -- lifecycle -------------------------------------------------------------------------
    def _plain_loop(self) -> None:
        while not self._stop.wait(self.every_s):
            print(self.line(), file=self.stream, flush=True)

    def __enter__(self) -> "RunProgress":
        self.started = time.monotonic()
        if self.quiet:
            return self
        if self.terminal:
            self.bar.start()
            self.task = self.bar.add_task(self.label, total=self.total, rate="", counts="")
        else:
            self._thread = threading.Thread(target=self._plain_loop, name="codevet-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=2)
            print(self.line(), file=self.stream, flush=True)
        if self.terminal and not self.quiet:
            self.bar.stop()
