"""Isolation backends shared by every sandbox.

- `bwrap`: Linux namespaces through bubblewrap (no network, read-only system, private
  /tmp, own PID namespace so the whole tree dies together). The default where it works.
- `none`: resource limits only. Used when bwrap is missing, with a loud warning.

`resolve_isolation("auto")` picks the best one that works on this machine.
"""
from __future__ import annotations

from codevet.sandboxes.isolation.base import IsolationUnavailable, Limits, RunResult
from codevet.sandboxes.isolation.bwrap import bwrap_works
from codevet.sandboxes.isolation.runner import run_isolated


def resolve_isolation(name: str) -> str:
    if name == "auto":
        return "bwrap" if bwrap_works() else "none"
    if name == "bwrap" and not bwrap_works():
        raise IsolationUnavailable("bwrap isolation was asked for but bubblewrap does not work here "
                                   "(see `codevet doctor`)")
    if name not in ("bwrap", "none"):
        raise IsolationUnavailable(f"unknown isolation backend {name!r} (have: bwrap, none)")
    return name


__all__ = ["IsolationUnavailable", "Limits", "RunResult", "bwrap_works", "resolve_isolation", "run_isolated"]
