"""Imports run one way: core at the bottom; generators and sandboxes on core only; the
harness on top. Read from the source with `ast` (every import, also those inside
functions), so a lazy import cannot hide a wrong direction."""
from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "codevet"
# who may import whom (besides itself)
ALLOWED = {
    "core": set(),
    "generators": {"core"},
    "sandboxes": {"core"},
    "harness": {"core", "generators", "sandboxes"},
}


def codevet_imports(path: Path) -> set[str]:
    """The codevet sub-packages a module imports (first component after `codevet.`)."""
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            raise AssertionError(f"{path}: relative import (the import path is the file path here)")
        for name in names:
            parts = name.split(".")
            if parts[0] == "codevet" and len(parts) > 1:
                found.add(parts[1])
    return found


@functools.lru_cache(maxsize=1)  # both tests read the same tree
def layer_edges() -> dict[str, dict[str, list[str]]]:
    edges: dict[str, dict[str, list[str]]] = {}
    for layer in ALLOWED:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for target in codevet_imports(path) - {layer}:
                edges.setdefault(layer, {}).setdefault(target, []).append(str(path.relative_to(PACKAGE)))
    return edges


def test_every_package_imports_only_below_it() -> None:
    wrong = {f"{src} -> {dst}": files for src, targets in layer_edges().items()
             for dst, files in targets.items() if dst not in ALLOWED[src]}
    assert not wrong, wrong


def test_the_checker_sees_a_wrong_direction(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from codevet.harness.verifier import Verifier\n    import codevet.sandboxes\n")
    assert codevet_imports(bad) == {"harness", "sandboxes"}


def test_no_cycle_between_packages() -> None:
    graph = {src: set(targets) for src, targets in layer_edges().items()}
    seen: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, f"cycle: {' -> '.join(path + (node,))}"
        if node in seen:
            return
        for nxt in graph.get(node, ()):
            visit(nxt, path + (node,))
        seen.add(node)

    for node in ALLOWED:
        visit(node, ())


NUMPY_FREE = ["codevet", "codevet.core.model", "codevet.core.options", "codevet.core.markdown",
              "codevet.harness.verifier", "codevet.sandboxes.python", "codevet.sandboxes.oot"]


def test_importing_codevet_does_not_pull_in_numpy() -> None:
    """Every worker and Ray actor imports these; numpy is only for near-dedup and pixels.
    One fresh interpreter imports them in turn and names the first that brings numpy in
    (what an earlier one imported cannot hide numpy: it was checked absent before)."""
    code = ("import importlib, sys\n"
            f"for m in {NUMPY_FREE!r}:\n"
            "    importlib.import_module(m)\n"
            "    if 'numpy' in sys.modules:\n"
            "        print(m); break\n"
            "else:\n"
            "    print('none')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "none", f"{out.stdout.strip()} imports numpy"


def test_the_numpy_check_sees_numpy(tmp_path: Path) -> None:
    code = "import sys, codevet.sandboxes.threejs.pixels; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
