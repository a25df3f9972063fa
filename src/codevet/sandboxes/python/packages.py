"""The sandbox's package environment: which third-party packages examples may import.

By default examples see the harness's own environment (its venv's site-packages) and
nothing else. `--python-packages numpy,pandas` names more; `codevet setup` installs them
with pip into a folder of codevet's data directory (one per package list), and the
sandbox adds that folder, read-only, to the examples' `sys.path`. Nothing is ever
installed while examples run: a sandbox whose packages are not installed does not start,
and says which setup command installs them. An example importing anything else gets
`missing-package NAME`.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Callable

from codevet.core.errors import UnavailableError
from codevet.core.paths import data_dir

MARKER = "codevet-packages.json"


def normalise(packages: list[str] | tuple[str, ...]) -> list[str]:
    return sorted({p.strip() for p in packages if p and p.strip()})


def packages_dir(packages: list[str] | tuple[str, ...]) -> Path:
    """Where `codevet setup` puts this list of packages (one folder per list)."""
    key = hashlib.sha256(json.dumps(normalise(packages)).encode()).hexdigest()[:16]
    return data_dir() / "python-packages" / key


def installed_dir(packages: list[str] | tuple[str, ...]) -> Path:
    """The installed folder, or UnavailableError naming the command that installs it."""
    target = packages_dir(packages)
    try:
        listed = json.loads((target / MARKER).read_text())["packages"]
    except (OSError, ValueError, KeyError):
        listed = None
    if listed != normalise(packages):
        raise UnavailableError(f"Python packages {', '.join(normalise(packages))} are not installed for the sandbox: "
                               f"run `codevet setup --lang python --python-packages {','.join(normalise(packages))}`")
    return target


def install(packages: list[str] | tuple[str, ...], log: Callable[[str], None] = print) -> bool:
    """pip-install the packages into their folder. False when they were already there."""
    wanted = normalise(packages)
    try:
        installed_dir(wanted)
        return False
    except UnavailableError:
        pass
    target = packages_dir(wanted)
    target.mkdir(parents=True, exist_ok=True)
    log(f"installing Python packages for the sandbox into {target}: {' '.join(wanted)}")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                           "--target", str(target), *wanted], capture_output=True, text=True)
    if done.returncode != 0:
        raise UnavailableError(f"pip install {' '.join(wanted)} failed: {done.stderr.strip()[-800:]}")
    (target / MARKER).write_text(json.dumps({"packages": wanted}))
    return True
