"""Hints printed after a run, from its report lines: what the user most likely meant.

Plain Alpaca fields ({instruction, input, output}) are read as Python (`alpaca`), because
field names cannot tell a Python set from a many-language one. On a many-language set
(CodeAlpaca as a local file) almost every row then fails `no-code` or `syntax-error`, and
the user sees a run that keeps nothing without being told why. This says so, and names the
format that sends each answer to its own language's sandbox.
"""
from __future__ import annotations

from typing import Any

NOT_PYTHON = ("no-code", "syntax-error")


class AlpacaLanguageHint:
    """Counts `alpaca` rows that were read as Python and hold no Python that parses."""

    def __init__(self, min_rows: int = 3, min_share: float = 0.2) -> None:
        self.min_rows, self.min_share = min_rows, min_share
        self.rows = 0
        self.not_python = 0

    def add(self, line: dict[str, Any]) -> None:
        if line.get("format") != "alpaca" or line.get("language") != "python":
            return
        self.rows += 1
        self.not_python += line.get("reason") in NOT_PYTHON

    def notes(self) -> list[str]:
        if self.not_python < self.min_rows or self.not_python < self.min_share * self.rows:
            return []
        return [f"{self.not_python} of {self.rows} alpaca rows were read as Python and hold no Python code that "
                "parses: if the set answers in many languages, `--format polyglot_alpaca` sends each answer "
                "to its own language's sandbox"]
