"""What the three.js test files share: the fixture rows, the budgets, and how a verdict is
explained in an assertion. A plain module (not a conftest.py: a second `conftest` module
would shadow the root one that test files import helpers from)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codevet.core.model import Verdict
from codevet.sandboxes.threejs.assets import INSTALL_COMMAND, three_dir
from codevet.sandboxes.threejs.browser import CHROMIUM
from conftest import FIXTURES

TJ = FIXTURES / "threejs"
GOOD = json.loads((TJ / "good.json").read_text())
BAD = json.loads((TJ / "bad.json").read_text())
# Budgets generous enough that load cannot turn a slow frame into a verdict: only the
# fixtures that hang use a short one (a hung page fails under any budget, and it spins a
# core for all of it).
TIMEOUT_S = 120.0
HANG_TIMEOUT_S = 2.0


def skip_without_a_browser() -> None:
    """Skip the calling test module where Chromium or the served three.js is missing."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
    if not (three_dir() / "package.json").exists():
        pytest.skip(f"three.js is not installed: {INSTALL_COMMAND}", allow_module_level=True)


def explain(v: Verdict) -> str:
    return f"{v.status.value} {v.reason}: " + "; ".join(f"{c.name}: {c.detail}" for c in v.checks if not c.passed)
