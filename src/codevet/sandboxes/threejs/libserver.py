"""The library server: three.js's own files, served to a jailed Chromium from inside its jail.

Why: every page a candidate runs in loads three (2.1 MB for a module page). Answered
through Playwright's route, those bytes travel Python -> driver -> browser as base64 in
JSON, for every page (routing turns the browser's HTTP cache off). Measured with the
headless shell: ~165 ms of CPU per 2.1 MB (Python 24, driver 80, browser 44, renderer 15),
the biggest single cost of a pooled example. So the router still decides every request,
but for a file of an installed three it lets the request go on (`route.continue_`,
invisible to the page: same URL, same origin) to this server, which runs inside the
browser's jail on its loopback: ~10 ms of driver and browser CPU for the same file.

It runs under the system Python (`python3 -I -S -c <this file's source>`), stdlib only,
as the first program in the jail: it binds its port, forks the server, and execs
Chromium, so the port is open before Chromium starts and the server is Chromium's
child, killed with it (and with the jail's PID namespace).

    python3 -I -S -c SOURCE PORT ROOT [ROOT ...] -- CHROMIUM [ARG ...]

It serves GET of regular files under the ROOTs (the installed three packages, bound
read-only into the jail), nothing else. A page cannot reach it: its requests all go
through the router, which blocks every address it does not answer itself.
"""
from __future__ import annotations

import os
import sys

# Loopback of the jail's own network namespace: no other program listens there.
PORT = 47474
BASE = f"http://127.0.0.1:{PORT}"
# The page's document comes from the router (no address), so Chromium counts the page as
# public and refuses it the loopback address space (Local Network Access); this one
# endpoint is declared public instead. Nothing else changes address space.
ADDRESS_SPACE_ARG = f"--ip-address-space-overrides=127.0.0.1:{PORT}=public"

# The content types the router answers with; the server answers with the same.
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".cjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".html": "text/html; charset=utf-8",
    ".wasm": "application/wasm",
    ".glsl": "text/plain; charset=utf-8",
}


def main(argv: list[str]) -> None:
    import ctypes
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import unquote, urlsplit

    sep = argv.index("--")
    port, roots, command = int(argv[0]), [os.path.realpath(r) + os.sep for r in argv[1:sep]], argv[sep + 1:]
    cache: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive: the browser reuses its connections

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = os.path.realpath(unquote(urlsplit(self.path).path))
            data = cache.get(path)
            if data is None and path.startswith(tuple(roots)) and os.path.isfile(path):
                with open(path, "rb") as f:
                    data = cache[path] = f.read()
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("content-type", CONTENT_TYPES.get(os.path.splitext(path)[1].lower(),
                                                               "application/octet-stream"))
            self.send_header("content-length", str(len(data)))
            self.send_header("access-control-allow-origin", "*")
            self.send_header("cache-control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)  # bound before Chromium starts
    browser = os.getpid()
    if os.fork() == 0:
        try:  # PR_SET_PDEATHSIG: SIGKILL when the browser (our parent after its exec) exits
            ctypes.CDLL(None, use_errno=True).prctl(1, 9)
        except Exception:
            pass
        if os.getppid() != browser:
            os._exit(0)
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        keep = server.fileno()  # nothing else: the CDP pipe must close when the browser exits
        os.closerange(3, keep)
        os.closerange(keep + 1, 65536)
        try:
            server.serve_forever()
        finally:
            os._exit(0)
    server.socket.close()
    os.execv(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
