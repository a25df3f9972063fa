"""Isolation backends shared by every sandbox.

- `bwrap`: Linux namespaces through bubblewrap (no network, read-only system, private
  /tmp, own PID namespace so the whole tree dies together). The default where it works.
- `docker`: each sandbox's image from `dockerfiles/` (see docker.py). Only when asked for:
  `auto` never picks it.
- `none`: resource limits only. Used when bwrap is missing, with a loud warning.

`resolve_isolation("auto")` picks the best one that works on this machine.
"""
from __future__ import annotations

from codevet.sandboxes.isolation.base import IsolationUnavailable, Limits, RunResult
from codevet.sandboxes.isolation.bwrap import bwrap_works
from codevet.sandboxes.isolation.runner import run_isolated


BACKENDS = ("bwrap", "docker", "none")


def resolve_isolation(name: str) -> str:
    if name == "auto":
        return "bwrap" if bwrap_works() else "none"
    if name == "docker":
        from codevet.sandboxes.isolation.docker import require_docker

        require_docker()  # IsolationUnavailable, saying why, when no engine answers
        return name
    if name == "bwrap" and not bwrap_works():
        raise IsolationUnavailable("bwrap isolation was asked for but bubblewrap does not work here "
                                   "(see `codevet doctor`)")
    if name not in BACKENDS:
        raise IsolationUnavailable(f"unknown isolation backend {name!r} (have: {', '.join(BACKENDS)}, auto)")
    return name


__all__ = ["BACKENDS", "IsolationUnavailable", "Limits", "RunResult", "bwrap_works", "resolve_isolation", "run_isolated"]
