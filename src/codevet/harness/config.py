"""Run configuration: how a run is carried out (jobs, cache, executor, filters). What can
change a verdict lives in `core.options.SandboxOptions`, because the cache key is built
from it."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from codevet.core.options import SandboxOptions
from codevet.core.paths import cache_dir as default_cache_dir
from codevet.harness.filters import FilterOptions

__all__ = ["RunConfig", "SandboxOptions", "default_cache_dir"]

ExecutorName = Literal["local", "ray"]


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
