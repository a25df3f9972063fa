"""The library server (sandboxes/threejs/libserver.py) on its own, without a browser: it
serves the files under its roots and nothing else, and it dies with the program it
execs (the browser, here a `sleep` this test starts and kills)."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from codevet.sandboxes.threejs import libserver
from codevet.sandboxes.threejs.jail import library_python


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.read(), r.headers.get("content-type", "")
    except urllib.error.HTTPError as e:
        return e.code, b"", ""


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
        return True
    except OSError:
        return False


def test_serves_its_roots_only_and_dies_with_the_browser(tmp_path: Path) -> None:
    python = library_python()
    if python is None:
        pytest.skip("no system Python")
    root = tmp_path / "three"
    (root / "build").mkdir(parents=True)
    (root / "build" / "three.module.js").write_text("export const REVISION = '1';\n")
    (tmp_path / "secret.txt").write_text("not served")
    port = _free_port()
    browser = subprocess.Popen([python, "-I", "-S", "-c", Path(libserver.__file__).read_text(), str(port), str(root),
                                "--", "/bin/sleep", "600"])
    try:
        # bound before the exec: once the "browser" runs, the port answers
        for _ in range(600):
            if Path(f"/proc/{browser.pid}/cmdline").read_bytes().startswith(b"/bin/sleep"):
                break
            time.sleep(0.05)
        assert _listening(port)
        status, body, ctype = _get(f"http://127.0.0.1:{port}{root}/build/three.module.js")
        assert (status, body, ctype) == (200, b"export const REVISION = '1';\n", "text/javascript; charset=utf-8")
        assert _get(f"http://127.0.0.1:{port}{root}/../secret.txt")[0] == 404  # outside its roots
        assert _get(f"http://127.0.0.1:{port}{tmp_path}/secret.txt")[0] == 404
        assert _get(f"http://127.0.0.1:{port}/etc/passwd")[0] == 404
        assert _get(f"http://127.0.0.1:{port}{root}/build/missing.js")[0] == 404
    finally:
        browser.kill()
        browser.wait()
    # the server was the browser's child: it is gone with it (no fixed deadline: it polls)
    for _ in range(1200):
        if not _listening(port):
            break
        time.sleep(0.05)
    assert not _listening(port)
