"""Recognise well-known CDN URLs of three.js and say which local file answers them.

Training data pins three from unpkg, jsdelivr, cdnjs, esm.sh, skypack, jspm or
threejs.org, at any version. Offline, such a module import fails silently (the module
body never runs), so these URLs are answered from the local install and the rewrite is
recorded as a note: the example is judged against three 0.18x, which is what a reader
of the training data would use today. Any other URL is not three.js and is blocked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# host -> how the package path starts ("npm": /three@ver/..., "npm-prefixed": /npm/three@ver/...)
CDN_HOSTS = {
    "unpkg.com": "npm",
    "www.unpkg.com": "npm",
    "esm.sh": "npm",
    "cdn.esm.sh": "npm",
    "cdn.skypack.dev": "npm",
    "esm.run": "npm",
    "cdn.jsdelivr.net": "npm-prefixed",
    "fastly.jsdelivr.net": "npm-prefixed",
    "gcore.jsdelivr.net": "npm-prefixed",
    "ga.jspm.io": "npm-colon",
    "jspm.dev": "npm-colon",
    "cdnjs.cloudflare.com": "cdnjs",
    "threejs.org": "site",
    "rawcdn.githack.com": "github",
    "raw.githack.com": "github",
    "raw.githubusercontent.com": "github",
}

PKG = r"three(?:@[^/]*)?"
NPM_PATH = re.compile(rf"^/(?:v\d+/)?{PKG}(/.*)?$")
NPM_PREFIXED = re.compile(rf"^/npm/{PKG}(/.*)?$")
NPM_COLON = re.compile(rf"^/(?:npm:)?{PKG}(/.*)?$")
CDNJS = re.compile(r"^/ajax/libs/three\.js/[^/]+/(.+)$")
GITHUB = re.compile(r"^/mrdoob/three\.js/[^/]+(/.*)$")


@dataclass(frozen=True)
class CdnHit:
    """What a CDN URL stands for.

    kind: `module` (an ES module file of the package), `classic-core` (the removed UMD
    build: the page needs a synchronous global THREE), `classic-addon` (an old
    `examples/js/` addon that attaches itself to THREE), or `missing` (a three.js URL
    with no local equivalent, e.g. a texture from threejs.org/examples/textures).
    """

    kind: str
    path: str  # inside the package, e.g. build/three.module.js or examples/jsm/...
    url: str


def normalise_path(sub: str) -> tuple[str, str]:
    """(kind, local path) for a path inside the three package, as a CDN or a relative
    URL spells it."""
    sub = sub.strip("/")
    sub = re.sub(r"^(?:es\d+|v\d+|X-[^/]+)/", "", sub)  # esm.sh/skypack build prefixes
    if sub in ("", "+esm", "es2022/three.mjs", "three.mjs") or sub.endswith("/+esm") and sub.count("/") == 0:
        return "module", "build/three.module.js"
    if sub.endswith("/+esm"):
        sub = sub[: -len("/+esm")]
    if not sub.startswith(("examples/", "addons/")):  # addons ship their own .min files (lil-gui)
        sub = re.sub(r"\.min\.js$", ".js", sub)
    sub = re.sub(r"\.mjs$", ".js", sub)
    if sub.startswith("addons/"):
        sub = "examples/jsm/" + sub[len("addons/"):]
    if sub.startswith("examples/jsm/") or sub.startswith("src/"):
        return "module", sub if sub.endswith(".js") else sub + ".js"
    if sub.startswith("examples/js/"):
        rest = sub[len("examples/js/"):]
        return "classic-addon", "examples/jsm/" + (rest if rest.endswith(".js") else rest + ".js")
    if sub in ("build/three.module.js", "build/three.core.js", "build/three.webgpu.js",
               "build/three.tsl.js", "build/three.webgpu.nodes.js"):
        return "module", sub
    if sub in ("build/three.js", "build/three.cjs", "three.js"):
        return "classic-core", "build/three.module.js"
    if sub in ("three.module.js", "three.core.js", "three.webgpu.js", "three.tsl.js"):  # cdnjs layout
        return "module", "build/" + sub
    return "missing", sub


def match_cdn(url: str) -> CdnHit | None:
    """A CdnHit when `url` is three.js on a known CDN, else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    style = CDN_HOSTS.get((parts.hostname or "").lower())
    if style is None:
        return None
    path = parts.path
    m = None
    if style == "npm":
        m = NPM_PATH.match(path)
    elif style == "npm-prefixed":
        m = NPM_PREFIXED.match(path)
    elif style == "npm-colon":
        m = NPM_COLON.match(path)
    elif style == "cdnjs":
        m = CDNJS.match(path)
    elif style == "github":
        m = GITHUB.match(path)
    elif style == "site":  # threejs.org/build/..., threejs.org/examples/jsm/...
        m = re.match(r"^(/(?:build|examples|src)/.*)$", path)
    if m is None:
        return None
    kind, local = normalise_path(m.group(1) or "")
    return CdnHit(kind, local, url)
