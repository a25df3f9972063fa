"""Package data as files. codevet's data (headers, the Python support module, templates,
Dockerfiles) ships inside the package and is found through importlib.resources, so it is
there in an installed wheel exactly as in a checkout. Sandboxes need real paths (a
compiler's -I, a bind mount), so a zipped install is not supported, and says so."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def package_dir(package: str) -> Path:
    """The folder of an installed `package` (e.g. "codevet.sandboxes.oot")."""
    found = resources.files(package)
    if not isinstance(found, Path):
        raise RuntimeError(f"{package} is not installed as plain files (zipped?); reinstall codevet with pip")
    return found
