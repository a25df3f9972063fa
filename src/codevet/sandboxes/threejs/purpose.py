"""What a blocked request was for, so that only what the scene needs fails the example.

A browser that cannot fetch `main.css` still draws the scene; one that cannot fetch a
texture, a model, a font, an addon or the data a scene is built from draws less or
nothing. The official three.js examples link `main.css` and load an import-map
polyfill (es-module-shims) from a CDN, which Chromium does not need: such requests are
recorded as a warning, never as a failure.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

# Polyfills for what Chromium has natively (import maps, modules, web components).
NATIVE_POLYFILL = re.compile(r"es-module-shims|importmap[-_.]?polyfill|module[-_]shims|"
                             r"@webcomponents/|webcomponentsjs|/polyfill(?:\.min)?\.js$|polyfill\.io", re.I)
# Resource types Playwright reports that no scene is drawn from.
# A document is a navigation or an iframe: `page-loads` judges a navigation away.
DECORATIVE_TYPES = {"document", "stylesheet", "manifest", "ping", "beacon", "csp_report", "texttrack"}
DECORATIVE_SUFFIX = (".css", "favicon.ico", ".webmanifest")


def needed_by_scene(url: str, resource_type: str = "other") -> bool:
    """False for a stylesheet, a favicon or a polyfill of a native feature; True for the
    rest (script or module, image or texture, model, font, media, fetched data)."""
    path = urlsplit(url).path.lower()
    if resource_type in DECORATIVE_TYPES or path.endswith(DECORATIVE_SUFFIX):
        return False
    if resource_type in ("script", "other", "fetch", "xhr") and NATIVE_POLYFILL.search(url):
        return False
    return True


def purpose(url: str, resource_type: str = "other") -> str:
    """A few words for the report: what the request was for."""
    path = urlsplit(url).path.lower()
    if path.endswith("favicon.ico"):
        return "favicon"
    if resource_type == "stylesheet" or path.endswith(".css"):
        return "stylesheet"
    if NATIVE_POLYFILL.search(url):
        return "polyfill of a native feature"
    if resource_type == "document":
        return "a page (navigation or iframe)"
    return resource_type or "other"
