"""The local three.js install: the only three.js a candidate page ever gets.

Pages see it under `/three/...` on the sandbox origin (through an import map for
`three` and `three/addons/`). Files are read once and kept in memory, because every
candidate page loads the same two megabytes and the pages are answered from memory
(`context.route`), not from an HTTP server.

r160 removed the classic (UMD) build that `<script src=".../three.min.js">` pages and
bare snippets using a global `THREE` were written for. A module shim cannot replace
it: classic scripts run before any module. So the classic build is re-created here from
the ES modules by `classic.py`, once per process.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path

from codevet.core.resources import package_dir
from codevet.core.paths import data_dir
from codevet.sandboxes.threejs.classic import ClassicBuildError, bundle_classic
from codevet.sandboxes.threejs.libserver import CONTENT_TYPES

# The pinned package.json ships with codevet; `codevet setup` installs it into the data
# directory (never into the package itself, which may be read-only site-packages).
WEB_PACKAGE = package_dir(__package__) / "web" / "package.json"
INSTALL_COMMAND = "codevet setup --lang threejs"


def web_dir() -> Path:
    return data_dir() / "threejs" / "web"


def three_dir() -> Path:
    return web_dir() / "node_modules" / "three"


# Where the local copy lives on the sandbox origin; the import map points here.
CORE_MODULE = "build/three.module.js"
CLASSIC_CORE = "codevet/three.classic.js"  # generated, not a file of the package


def content_type(path: str) -> str:
    return CONTENT_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")


class ThreeInstall:
    """Read-only view of node_modules/three with an in-memory file cache."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or three_dir()).resolve()
        self._files: dict[str, bytes | None] = {}
        self._paths: dict[str, str] = {}  # rel -> the resolved file `read` took its bytes from
        self._lock = threading.Lock()
        self._classic_core: bytes | None = None
        # the classic core as a file (the release's own three.min.js, or the generated one
        # saved by `save_classic_core`), for the library server; None: only in memory
        self.classic_core_file: str | None = None

    @property
    def installed(self) -> bool:
        return (self.root / "package.json").is_file() and (self.root / CORE_MODULE).is_file()

    @property
    def version(self) -> str:
        try:
            return str(json.loads((self.root / "package.json").read_text())["version"])
        except (OSError, ValueError, KeyError):
            return "missing"

    def read(self, rel: str) -> bytes | None:
        """The bytes of `rel` inside the package, or None (missing, or outside it)."""
        rel = rel.lstrip("/")
        with self._lock:
            if rel in self._files:
                return self._files[rel]
        path = (self.root / rel).resolve()
        data: bytes | None = None
        if path.is_relative_to(self.root) and path.is_file():
            data = path.read_bytes()
        with self._lock:
            self._files[rel] = data
            if data is not None:
                self._paths[rel] = str(path)
        return data

    def file(self, rel: str) -> str | None:
        """The absolute path of `rel` when it is a file of the package whose bytes `read`
        gives as they are (the library server may then serve it), else None."""
        rel = rel.lstrip("/")
        return self._paths.get(rel) if self.read(rel) is not None else None

    def text(self, rel: str) -> str | None:
        data = self.read(rel)
        return None if data is None else data.decode("utf-8")

    def classic_core(self) -> bytes:
        """A classic script that defines `window.THREE` synchronously, like the old UMD."""
        with self._lock:
            if self._classic_core is not None:
                return self._classic_core
        real = self.read("build/three.min.js")  # releases before r160 ship their own
        if real is not None:
            self.classic_core_file = self.file("build/three.min.js")
            with self._lock:
                self._classic_core = real
            return real
        code = bundle_classic(["build/three.module.js"], self.text, expose="window.THREE = {mod};\n")
        data = code.encode("utf-8")
        with self._lock:
            self._classic_core = data
        return data

    def save_classic_core(self, folder: Path) -> str:
        """Write the classic core into `folder` (when it is generated, not a file of the
        release), so the library server can serve it; returns its path."""
        data = self.classic_core()
        if self.classic_core_file is None or not Path(self.classic_core_file).is_file():
            path = folder / f"three-{self.version}.classic.js"
            path.write_bytes(data)
            self.classic_core_file = str(path)
        return self.classic_core_file

    def classic_addon(self, jsm_rel: str) -> bytes | None:
        """The classic (`examples/js/...`) form of an addon: attaches its exports to the
        global THREE, which the classic core has defined. None if it cannot be built."""
        key = "codevet/classic/" + jsm_rel
        with self._lock:
            if key in self._files:
                return self._files[key]
        real = self.read("examples/js/" + jsm_rel[len("examples/jsm/"):])  # before r148: the real one
        if real is not None:
            return real
        try:
            code = bundle_classic([jsm_rel], self.text, expose="Object.assign(window.THREE, {mod});\n",
                                  external={"three": "window.THREE"})
            data: bytes | None = code.encode("utf-8")
        except ClassicBuildError:
            data = None
        with self._lock:
            self._files[key] = data
        return data
