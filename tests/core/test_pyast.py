"""CPython 3.11's `ast.parse` is not safe from several threads at once (python/cpython#106905:
`SystemError: AST constructor recursion depth mismatch`, seen here under load when test
synthesis parsed answers in parallel). codevet parses through `core.pyast.parse`, which lets
one thread at a time in."""
from __future__ import annotations

import ast
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from codevet.core import pyast

SRC = Path(__file__).resolve().parents[2] / "src" / "codevet"


def _overlap(parse, monkeypatch: pytest.MonkeyPatch) -> int:
    """The most parses that ran at once when four threads parse together."""
    real, inside, most, lock = ast.parse, [0], [0], threading.Lock()

    def slow_parse(*args, **kwargs):
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        try:
            time.sleep(0.05)  # long enough for the other threads to arrive
            return real(*args, **kwargs)
        finally:
            with lock:
                inside[0] -= 1
    monkeypatch.setattr(ast, "parse", slow_parse)
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda i: parse(f"x = {i}"), range(8)))
    return most[0]


def test_one_parse_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _overlap(pyast.parse, monkeypatch) == 1


def test_the_bare_call_lets_two_threads_in_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: without the lock two threads are inside `ast.parse` together (each waits
    for the other there; a generous deadline, never a speed claim)."""
    real, both_inside = ast.parse, threading.Barrier(2, timeout=60)

    def meeting_parse(*args, **kwargs):
        both_inside.wait()  # raises BrokenBarrierError if the other never gets in
        return real(*args, **kwargs)
    monkeypatch.setattr(ast, "parse", meeting_parse)
    with ThreadPoolExecutor(2) as pool:
        assert len(list(pool.map(lambda i: ast.parse(f"x = {i}"), range(2)))) == 2


def test_codevet_parses_only_through_it() -> None:
    """The sandbox's own support module runs alone in its process and may use `ast` directly."""
    direct = [f"{path.relative_to(SRC)}:{n}" for path in SRC.rglob("*.py")
              if path.name != "pyast.py" and "support" not in path.parts
              for n, line in enumerate(path.read_text().splitlines(), 1) if re.search(r"\bast\.parse\(", line)]
    assert direct == []
