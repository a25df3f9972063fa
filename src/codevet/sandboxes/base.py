"""The contract every sandbox keeps.

A sandbox is opened once per run (warm workers, a browser, a precompiled header), asked
for verdicts from several threads at once, and closed. `fingerprint` returns what decides
a verdict besides the options, so the cache can skip work it has already done.
"""
from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Iterable

from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Verdict


def source_version(paths: Iterable[Path]) -> str:
    """A sandbox's version is a hash of the code that decides its verdicts: change any of
    it and the verdicts cached under the old version are no longer trusted."""
    h = hashlib.sha256()
    for path in paths:
        if path.is_file():
            h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()[:12]


class Sandbox(ABC):
    language: str = ""
    version: str = "0"
    # The isolation backends this sandbox implements; asking for another one fails loudly
    # (never a silent run without the isolation that was asked for).
    isolation_backends: tuple[str, ...] = ("bwrap", "none")

    def __init__(self, options: SandboxOptions, jobs: int = 1) -> None:
        self.options = options
        self.jobs = jobs

    def open(self) -> None:
        """Start warm resources. Called once, before the first verify."""

    def close(self) -> None:
        """Stop everything this sandbox started; no process may outlive it."""

    @abstractmethod
    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        """What of the candidate decides its verdict (code, tests, ...). Depends on the
        candidate and the options only: the driver of a Ray run computes it."""

    def environment(self) -> dict[str, Any]:
        """What of the machine decides verdicts (a compiler's version, the three.js
        served), read from this opened sandbox where it runs: part of every cache key."""
        return {}

    @abstractmethod
    def verify(self, candidate: Candidate) -> Verdict:
        """Run one candidate. Thread-safe. Never raises for bad candidates."""

    @classmethod
    def doctor(cls) -> list[tuple[str, bool, str]]:
        """(what, works, detail) rows for `codevet doctor`."""
        return []

    def __enter__(self) -> "Sandbox":
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
