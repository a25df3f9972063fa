"""Build the one HTML page a candidate runs in.

Code arrives in three shapes, and each needs a different page:

- a whole HTML document: served as written, with our import map put first in <head>
  (so `three` and `three/addons/` resolve offline) and classic `<script src>` tags of
  three.js CDN builds pointed at the local classic build, in place, so script order is
  kept;
- an ES module (`import ... from 'three'`): one `<script type="module">`;
- a bare script using a global `THREE`: the classic build first, then the code as a
  classic script, so it runs in order with sloppy-mode globals exactly as written for
  the old `three.min.js`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape

from codevet.sandboxes.threejs.assets import CLASSIC_CORE
from codevet.sandboxes.threejs.cdn import match_cdn
from codevet.sandboxes.threejs.versions import missing_at, url_version

ORIGIN = "http://codevet.localhost"
PAGE_URL = ORIGIN + "/index.html"
ANCHOR_URL = ORIGIN + "/__codevet_anchor__.html"  # the harness's own page (session.py), never a candidate's
THREE_BASE = "/three/"

IMPORT_MAP = {
    "imports": {
        "three": THREE_BASE + "build/three.module.js",
        "three/addons/": THREE_BASE + "examples/jsm/",
        "three/examples/jsm/": THREE_BASE + "examples/jsm/",
        "three/webgpu": THREE_BASE + "build/three.webgpu.js",
        "three/tsl": THREE_BASE + "build/three.tsl.js",
        "three/src/": THREE_BASE + "src/",
    }
}

BASE_STYLE = "html,body{margin:0;padding:0;overflow:hidden;background:#000}"

HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype|html|head|body|meta|title|script|style|div|canvas)\b",
                        re.I | re.S)
MODULE_SYNTAX = re.compile(r"""(?:^|;)\s*(?:import\s*(?:[\w$*{][^;]*?\bfrom\s*)?['"]|export\s+[\w{*])""", re.M)
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.I)
SRC_ATTR = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
TYPE_MODULE = re.compile(r"""\btype\s*=\s*["']?module\b""", re.I)
HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.I)
HTML_OPEN = re.compile(r"<html\b[^>]*>", re.I)
DOCTYPE = re.compile(r"^\s*<!doctype[^>]*>", re.I)


@dataclass
class Page:
    html: str
    kind: str  # html | module | script
    notes: list[str] = field(default_factory=list)


def code_kind(code: str) -> str:
    if HTML_START.search(code):
        return "html"
    if MODULE_SYNTAX.search(code):
        return "module"  # may mention '<script>' in a string: still a module
    if re.search(r"<(?:html|body|head)\b", code[:4000], re.I):
        return "html"  # a page with some text before its first tag
    return "script"


def _script_close_safe(code: str) -> str:
    """Inline code must not end its own <script> element early."""
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)


def _head(title: str) -> str:
    return (f'<meta charset="utf-8"><title>{escape(title)}</title>'
            f'<script type="importmap">{json.dumps(IMPORT_MAP)}</script>'
            f"<style>{BASE_STYLE}</style>")


def _classic_tags(html: str, notes: list[str]) -> str:
    """Point classic three.js CDN scripts at the local classic build, in place."""

    def swap(m: re.Match) -> str:
        attrs = m.group(1)
        if TYPE_MODULE.search(attrs):
            return m.group(0)
        src_m = SRC_ATTR.search(attrs)
        if not src_m:
            return m.group(0)
        src = next(g for g in src_m.groups() if g is not None)
        hit = match_cdn(src)
        if hit is None or missing_at(hit.kind, url_version(src)):
            return m.group(0)  # not three, or a file its version never had: the router says so
        if hit.kind == "classic-core" or (hit.kind == "module" and hit.path == "build/three.module.js"
                                          and "module" not in src):
            notes.append(f"classic three.js build {src} answered by the local three (classic form)")
            new_src = "/" + CLASSIC_CORE
        elif hit.kind == "classic-addon":
            notes.append(f"classic addon {src} answered by the local {hit.path}")
            new_src = "/codevet/classic/" + hit.path
        else:
            return m.group(0)
        return "<script" + attrs[: src_m.start()] + f'src="{new_src}"' + attrs[src_m.end():] + ">"

    return SCRIPT_TAG.sub(swap, html)


def build_page(code: str, title: str = "codevet") -> Page:
    kind = code_kind(code)
    notes: list[str] = []
    if kind == "html":
        html = _classic_tags(code, notes)
        inject = _head(title).replace(f"<title>{escape(title)}</title>", "")
        # Only one import map is merged reliably before any module loads: ours goes first,
        # and a page's own map (often pointing `three` at a CDN) is kept; its CDN URLs
        # are answered locally anyway.
        if m := HEAD_OPEN.search(html):
            html = html[: m.end()] + inject + html[m.end():]
        elif m := HTML_OPEN.search(html):
            html = html[: m.end()] + "<head>" + inject + "</head>" + html[m.end():]
        elif m := DOCTYPE.search(html):
            html = html[: m.end()] + inject + html[m.end():]
        else:
            html = inject + html
        return Page(html, kind, notes)
    if kind == "module":
        body = f'<script type="module">\n{_script_close_safe(code)}\n</script>'
    else:
        body = (f'<script src="/{CLASSIC_CORE}"></script>\n'
                f"<script>\n{_script_close_safe(code)}\n</script>")
        notes.append("bare script: global THREE provided by the local three (classic form)")
    html = f"<!doctype html><html><head>{_head(title)}</head><body>\n{body}\n</body></html>"
    return Page(html, kind, notes)
