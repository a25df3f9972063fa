"""Run configuration. Everything that can change a verdict lives in SandboxOptions, and
only there, because the cache key is built from it."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from codevet.harness.filters import FilterOptions

Isolation = Literal["bwrap", "docker", "none", "auto"]
ExecutorName = Literal["local", "ray"]


NOT_VERDICT_KEYS = frozenset({"artifacts_dir"})


class SandboxOptions(BaseModel):
    """Options a sandbox sees. Part of every cache key."""

    timeout_s: float = Field(10.0, gt=0, description="wall-clock limit per example")
    isolation: Isolation = "auto"
    memory_mb: int = Field(1024, ge=64, description="address-space limit per process")
    max_processes: int = Field(64, ge=4, description="processes and threads per example")
    max_output_bytes: int = Field(1_000_000, ge=1024, description="stdout+stderr per example")
    max_file_mb: int = Field(16, ge=1, description="largest file an example may write")
    workspace_mb: int = Field(64, ge=4, description="size of the private writable temp dir")
    allow_untested: bool = False
    challenge_tests: bool = False
    extra: dict[str, str] = Field(default_factory=dict, description="sandbox-specific options")

    def cache_fields(self) -> dict:
        # Isolation changes how, not what: a verdict under bwrap is valid under none.
        # Where artifacts are written changes nothing about the verdict either.
        fields = self.model_dump(exclude={"isolation"})
        fields["extra"] = {k: v for k, v in self.extra.items() if k not in NOT_VERDICT_KEYS}
        return fields


def default_cache_dir() -> Path:
    base = os.environ.get("CODEVET_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "codevet")
    return Path(base)


class RunConfig(BaseModel):
    """Everything about a verify run; saved as DIR/config.json beside its outputs."""

    out: Path
    jobs: int = Field(default_factory=lambda: os.cpu_count() or 1, ge=1)
    limit: int | None = Field(None, ge=1)
    use_cache: bool = True
    cache_dir: Path = Field(default_factory=default_cache_dir)
    format: str | None = None
    language: str | None = None
    split: str = "train"
    sandbox: SandboxOptions = Field(default_factory=SandboxOptions)
    filters: FilterOptions = Field(default_factory=FilterOptions)
    # Where the sandboxes run: threads on this machine, or Ray actors (`pip install codevet[ray]`).
    # None of this can change a verdict, so none of it is in the cache key.
    executor: ExecutorName = "local"
    ray_address: str | None = Field(None, description="an existing Ray cluster (default: start one here)")
    ray_actor_cpus: float | None = Field(None, gt=0, description="CPUs each sandbox actor reserves "
                                         "(default: 1 / number of sandboxes, so --jobs N reserves N CPUs)")
