"""Chromium is never run unsandboxed on the bare host.

The page code is untrusted, and `--no-sandbox` (which Chromium demands when run as root)
leaves the renderer with no OS sandbox at all. So under the bwrap backend (and under
`none` when Chromium's own sandbox cannot start, i.e. as root) the whole browser runs in
bubblewrap: no network namespace of the host (its own, empty one), the system read-only,
a private /tmp, no home. Pages are still answered by the host's router over the CDP
pipe (fds 3 and 4, which bwrap passes on), so the browser needs no network at all.
Under `none` as a normal user, Chromium's own sandbox is on instead.
"""
from __future__ import annotations

import os
import shlex
from pathlib import Path

from codevet.sandboxes.isolation.bwrap import bwrap_argv, bwrap_works
from codevet.sandboxes.threejs import libserver

# Read-only extras Chromium reads: the fontconfig cache (else it rebuilds it per launch).
CHROMIUM_RO = ("/var/cache/fontconfig", "/usr/share/fonts")
NO_SANDBOX = "--no-sandbox"


# The library server (libserver.py) runs under the system Python inside the jail (/usr is
# there, read-only); the venv's Python may live in the home, which the jail does not have.
SYSTEM_PYTHON = "/usr/bin/python3"


def library_python() -> str | None:
    """The Python that can run the library server inside the jail, or None."""
    return SYSTEM_PYTHON if os.access(SYSTEM_PYTHON, os.X_OK) else None


def bwrap_launcher(chromium: str, directory: Path, tmp_mb: int = 1024,
                   library_roots: list[str] | None = None) -> Path:
    """A script Playwright launches as if it were Chromium: Chromium inside bubblewrap.
    `library_roots` (installed three packages): bound read-only into the jail and served
    there by the library server, which then execs Chromium (needs `library_python()`)."""
    ro = [p for p in CHROMIUM_RO if os.path.isdir(p) and not p.startswith("/usr/")]
    command = [chromium]
    if library_roots:
        python = library_python()
        if python is None:
            raise FileNotFoundError(SYSTEM_PYTHON)
        ro += list(library_roots)
        command = [python, "-I", "-S", "-c", Path(libserver.__file__).read_text(), str(libserver.PORT),
                   *library_roots, "--", chromium]
    argv = bwrap_argv(ro_paths=ro, env={"HOME": "/tmp", "XDG_CONFIG_HOME": "/tmp/.config",
                                        "XDG_CACHE_HOME": "/tmp/.cache"}, tmp_mb=tmp_mb,
                      with_python=False)  # Chromium needs no Python (it may live in the home)
    script = directory / "chromium-in-bwrap"
    script.write_text("#!/bin/sh\n# Written by codevet: Chromium in bubblewrap (no network, read-only system,"
                      " private /tmp, no home); CDP over fds 3 and 4.\n"
                      f'exec {" ".join(shlex.quote(a) for a in argv + command)} "$@"\n')
    script.chmod(0o755)
    return script


def own_sandbox_possible() -> bool:
    """Chromium's own sandbox refuses to start as root."""
    return os.geteuid() != 0


def plan(isolation: str) -> str:
    """How the browser is confined: `bwrap`, `own-sandbox` or `container` (docker)."""
    if isolation == "docker":
        return "container"
    if isolation == "none" and own_sandbox_possible():
        return "own-sandbox"
    if bwrap_works():
        return "bwrap"
    if own_sandbox_possible():
        return "own-sandbox"
    return "unavailable"


def browser_args(args: list[str], confinement: str) -> list[str]:
    """`--no-sandbox` only where something else is the sandbox (bwrap, a container)."""
    if confinement in ("bwrap", "container"):
        return list(args)
    return [a for a in args if a != NO_SANDBOX]
