"""Where codevet keeps what is not part of a run's output: the verdict cache, and the data
the set-up step installs (three.js from npm, wheels for the sandbox images).

Both follow the XDG base directories and can be moved with an environment variable, so
an installed package never writes into its own site-packages folder.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """Verdict cache, header caches: safe to delete, rebuilt on demand."""
    base = os.environ.get("CODEVET_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "codevet")
    return Path(base)


def data_dir() -> Path:
    """What `codevet setup` installs (three.js from npm): kept until the user removes it."""
    base = os.environ.get("CODEVET_DATA_DIR") or os.path.join(
        os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share"), "codevet")
    return Path(base)
