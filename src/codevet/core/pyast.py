"""`ast.parse` that threads may call at once.

CPython 3.11 builds the Python AST objects with a recursion counter kept in the
interpreter's shared ast state, so two threads parsing at the same time can fail with
`SystemError: AST constructor recursion depth mismatch` (python/cpython#106905). codevet
parses answers from several threads at once (sandbox workers, test synthesis), and such a
SystemError would be read as the answer's fault. One lock around the parse costs little:
parsing an answer takes microseconds to milliseconds.
"""
from __future__ import annotations

import ast
import threading

_PARSE = threading.Lock()


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> ast.AST:
    """`ast.parse(source, filename, mode)`, one thread at a time."""
    with _PARSE:
        return ast.parse(source, filename, mode)
