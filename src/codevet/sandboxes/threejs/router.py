"""Answer every request a candidate page makes, from memory, or block it.

There is no network: `context.route("**/*")` sends each request here. The page itself
and `/three/...` come from memory (under bwrap, three's own files come from the library
server in the browser's jail, the same bytes: see `Answer.file` and libserver.py);
three.js on a well-known CDN is answered from the same local files (and noted); everything
else is aborted and recorded with its URL, so an example that needs a texture, model,
font or API fails with a check that names what it wanted, instead of hanging or silently
drawing less.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from codevet.sandboxes.threejs.assets import CLASSIC_CORE, ThreeInstall, content_type
from codevet.sandboxes.threejs.cdn import match_cdn, normalise_path
from codevet.sandboxes.threejs.page import ORIGIN, THREE_BASE
from codevet.sandboxes.threejs.purpose import needed_by_scene, purpose
from codevet.sandboxes.threejs.versions import missing_at, url_version

# What the official examples (and pages written next to them) reach by relative path:
# `../build/three.module.js`, `./jsm/...` (examples/jsm seen from examples/) and
# `../examples/jsm/...`. The page is /index.html, so `..` stays at the root.
THREE_RELATIVE = re.compile(r"^/(build/.+|examples/(?:jsm|js)/.+|jsm/.+|js/.+)$")

JS = "text/javascript; charset=utf-8"


@dataclass
class Answer:
    """What to do with one request: fulfil with body, or abort (body None). `file`: the
    body is exactly this file of an installed three, which the browser may fetch from the
    library server instead (libserver.py)."""

    status: int = 200
    body: bytes | None = None
    content_type: str = "text/plain"
    file: str | None = None

    @property
    def blocked(self) -> bool:
        return self.body is None


@dataclass
class RequestLog:
    """Evidence about requests for one candidate (appended to from the event loop)."""

    blocked: list[str] = field(default_factory=list)  # what the scene needs
    optional: list[str] = field(default_factory=list)  # stylesheets, favicons, polyfills: a warning
    notes: list[str] = field(default_factory=list)
    served: int = 0
    library: set[str] = field(default_factory=set)  # URLs sent on to the library server (libserver.py)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def block(self, url: str, why: str, resource_type: str = "other") -> None:
        with self.lock:
            if needed_by_scene(url, resource_type):
                entry, into = f"{url} ({why})", self.blocked
            else:
                entry, into = f"{url} ({purpose(url, resource_type)}; {why})", self.optional
            if entry not in into and len(into) < 50:
                into.append(entry)

    def note(self, text: str) -> None:
        with self.lock:
            if text not in self.notes and len(self.notes) < 50:
                self.notes.append(text)


def _reexport(local_path: str, source: bytes) -> bytes:
    """A module that re-exports a local file, so a CDN URL and `three` share one
    instance (two copies of three break `instanceof` and warn)."""
    url = ORIGIN + THREE_BASE + local_path  # absolute: relative to a CDN URL it would loop
    text = f"export * from {url!r};\n"
    if b"export default" in source:
        text += f"export {{ default }} from {url!r};\n"
    return text.encode()


class Router:
    """Decides the answer for each URL of one candidate page. Pure: no Playwright here."""

    def __init__(self, three: ThreeInstall, page_html: str, log: RequestLog) -> None:
        self.three = three
        self.page = page_html.encode("utf-8")
        self.log = log
        self._type = "other"  # the resource type of the request being answered

    def answer(self, url: str, resource_type: str = "other") -> Answer:
        self._type = resource_type
        answer = self._answer(url)
        if not answer.blocked:
            with self.log.lock:
                self.log.served += 1
        return answer

    def _block(self, url: str, why: str) -> Answer:
        self.log.block(url, why, getattr(self, "_type", "other"))
        return Answer(body=None)

    def _answer(self, url: str) -> Answer:
        parts = urlsplit(url)
        if url.startswith(ORIGIN + "/"):
            return self._local(parts.path, url)
        if parts.scheme in ("data", "blob", "about"):
            return Answer(200, b"", "text/plain")  # never routed in practice
        hit = match_cdn(url)
        if hit is not None:
            gone = missing_at(hit.kind, url_version(url))
            if gone:
                return self._block(url, gone)
            return self._cdn(hit.kind, hit.path, url)
        return self._block(url, "network access is not allowed")

    def _local(self, path: str, url: str) -> Answer:
        if path in ("/", "/index.html"):
            return Answer(200, self.page, "text/html; charset=utf-8")
        if path == "/favicon.ico":
            return Answer(204, b"", "image/x-icon")
        if path == "/" + CLASSIC_CORE:
            return Answer(200, self.three.classic_core(), JS, file=self.three.classic_core_file)
        if path.startswith("/codevet/classic/"):
            body = self.three.classic_addon(path[len("/codevet/classic/"):])
            if body is None:
                return self._block(url, "this classic addon cannot be provided")
            return Answer(200, body, JS)
        if path.startswith(THREE_BASE):
            rel = path[len(THREE_BASE):]
            body = self.three.read(rel)
            if body is None:
                return self._block(url, f"not in three {self.three.version}")
            return Answer(200, body, content_type(rel), file=self.three.file(rel))
        if m := THREE_RELATIVE.match(path):
            sub = m.group(1)
            if sub.startswith(("jsm/", "js/")):
                sub = "examples/" + sub
            kind, local = normalise_path(sub)
            return self._cdn(kind, local, url, via="relative path")
        return self._block(url, "file not provided: examples run without their own assets")

    def _cdn(self, kind: str, path: str, url: str, via: str = "CDN") -> Answer:
        if kind == "classic-core":
            self.log.note(f"{via} {url} -> local three {self.three.version} (classic build)")
            return Answer(200, self.three.classic_core(), JS, file=self.three.classic_core_file)
        if kind == "classic-addon":
            body = self.three.classic_addon(path)
            if body is None:
                return self._block(url, "three.js addon with no local classic form")
            self.log.note(f"{via} {url} -> local {path} (classic form)")
            return Answer(200, body, JS)
        if kind == "module":
            source = self.three.read(path)
            if source is not None and path.endswith(".js"):
                self.log.note(f"{via} {url} -> local three {self.three.version} {path}")
                return Answer(200, _reexport(path, source), JS)
            if source is not None:  # a data file next to the modules (wasm, json)
                return Answer(200, source, content_type(path), file=self.three.file(path))
        return self._block(url, f"three.js file with no local copy in three {self.three.version}")
