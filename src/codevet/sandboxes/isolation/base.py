"""Limits and results shared by the isolation backends."""
from __future__ import annotations

import resource
from dataclasses import dataclass, field
from codevet.core.errors import UnavailableError


class IsolationUnavailable(UnavailableError, RuntimeError):
    """The isolation backend asked for cannot run here."""


@dataclass(frozen=True)
class Limits:
    wall_s: float = 10.0
    cpu_s: int = 20
    memory_mb: int = 1024
    processes: int = 64
    file_mb: int = 16
    open_files: int = 256
    output_bytes: int = 1_000_000
    workspace_mb: int = 64

    def rlimits(self) -> list[tuple[int, int]]:
        """(resource, value) pairs for setrlimit in the process that runs the code."""
        mb = 1024 * 1024
        return [
            (resource.RLIMIT_CPU, max(1, int(self.cpu_s))),
            (resource.RLIMIT_AS, self.memory_mb * mb),
            (resource.RLIMIT_FSIZE, self.file_mb * mb),
            (resource.RLIMIT_NOFILE, self.open_files),
            (resource.RLIMIT_NPROC, self.processes),
            (resource.RLIMIT_CORE, 0),
        ]


@dataclass
class RunResult:
    """What a one-shot isolated command did."""

    returncode: int | None
    stdout: bytes = b""
    stderr: bytes = b""
    timed_out: bool = False
    output_truncated: bool = False
    duration_s: float = 0.0
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def signal(self) -> int | None:
        return -self.returncode if self.returncode is not None and self.returncode < 0 else None
