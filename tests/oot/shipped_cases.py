"""What the shipped-header test files share: a sandbox on the shipped headers with a given
name index (or none), and how a verdict is explained in an assertion. A plain module, not a
conftest.py (a second `conftest` module would shadow the root one)."""
from __future__ import annotations

import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from codevet.core.model import Candidate, Verdict
from codevet.core.options import SandboxOptions
from codevet.sandboxes import Sandbox, create_sandbox
from codevet.sandboxes.oot.locality import GAME_NAMES_ENV

NO_MIPS_GCC = pytest.mark.skipif(shutil.which("mips-linux-gnu-gcc") is None,
                                 reason="mips-linux-gnu-gcc is not installed (apt-get install gcc-mips-linux-gnu)")


@contextmanager
def shipped_sandbox(cache_dir: Path, name_index: Path) -> Iterator[Sandbox]:
    """An OoT sandbox on the shipped headers, its verdicts cached in `cache_dir`, reading the
    name index at `name_index` (a path that does not exist: no index, as after a plain install)."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("CODEVET_CACHE_DIR", str(cache_dir))
        env.setenv(GAME_NAMES_ENV, str(name_index))
        with create_sandbox("oot", SandboxOptions(timeout_s=20, memory_mb=1024), jobs=1) as sb:
            yield sb


def verify(sb: Sandbox, code: str) -> Verdict:
    return sb.verify(Candidate(id="t", source="test", language="oot", instruction="Write the code.", code=code))


def explain(v: Verdict) -> str:
    return f"{v.status} {v.reason}: " + " | ".join(f"{c.name}: {c.detail}" for c in v.checks)
