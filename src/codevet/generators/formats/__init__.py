"""One adapter per input format, and detection of the format from a record's fields.

An adapter maps a record onto a Candidate and nothing else: it never runs code. A record
it cannot map raises FormatError, which the pipeline turns into an `error` verdict that
names the file and line.
"""
from __future__ import annotations

from typing import Any

from codevet.generators.formats.base import FormatAdapter, FormatError
from codevet.generators.formats.mbpp import MBPP
from codevet.generators.formats.humaneval import HumanEval
from codevet.generators.formats.apps import APPS
from codevet.generators.formats.livecodebench import LiveCodeBench
from codevet.generators.formats.code_contests import CodeContests
from codevet.generators.formats.alpaca import Alpaca
from codevet.generators.formats.oot import OoTAlpaca
from codevet.generators.formats.answers import CodeInstructions, GitHubCode, GPTeacher, LeetCode
from codevet.generators.formats.threejs import ThreeJS
from codevet.generators.formats.polyglot import CodeSearchNet, PolyglotAlpaca

# Most specific first: detection takes the first adapter whose fields match.
FORMATS: list[FormatAdapter] = [ThreeJS(), CodeSearchNet(), HumanEval(), MBPP(), CodeContests(), APPS(), LiveCodeBench(), LeetCode(),
                                 GitHubCode(), GPTeacher(), OoTAlpaca(), Alpaca(), CodeInstructions(), PolyglotAlpaca()]


def register(adapter: FormatAdapter, first: bool = True) -> None:
    """Add an adapter (another language's sandbox brings its own formats)."""
    if any(a.name == adapter.name for a in FORMATS):
        return
    FORMATS.insert(0 if first else len(FORMATS), adapter)


def get_format(name: str) -> FormatAdapter:
    for adapter in FORMATS:
        if adapter.name == name:
            return adapter
    raise KeyError(f"unknown format {name!r} (have: {', '.join(a.name for a in FORMATS)})")


def detect_format(record: Any, language: str | None = None) -> FormatAdapter | None:
    if not isinstance(record, dict):
        return None
    for adapter in FORMATS:
        if language and adapter.languages and language not in adapter.languages:
            continue
        if adapter.matches(record):
            return adapter
    return None


__all__ = ["FORMATS", "FormatAdapter", "FormatError", "detect_format", "get_format", "register"]
