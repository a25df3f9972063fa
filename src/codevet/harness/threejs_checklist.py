"""The three.js data guide's checklist as named checks on the text of an example:
an instruction-style description of 1-3 sentences that stands on its own, 20-100 lines of
code, a complete program (scene, camera, renderer, animation loop) and code that matches
what the description names (shapes and colours).

They read text only, so they run before the browser: `codevet verify --checklist` turns
them on, `codevet generate threejs` always runs them."""
from __future__ import annotations

import re

from codevet.core.model import Candidate, Check

MIN_LINES, MAX_LINES = 20, 100
IMPERATIVES = {
    "add", "animate", "build", "create", "design", "display", "draw", "generate", "implement", "make", "model",
    "place", "position", "render", "set", "show", "simulate", "visualize", "visualise", "write", "use", "put",
    "construct", "produce", "spin", "rotate", "light", "arrange", "fill", "scatter",
}
OUTSIDE_REFERENCES = re.compile(
    r"\b(the above|as above|previous (example|code|scene)|the (attached|provided|given) (file|model|texture|image)"
    r"|this code|the code below|from the file|see (below|above))\b", re.I)
REMOTE = re.compile(r"\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|\b(GLTF|OBJ|FBX|MTL|PLY|PCD|Font|RGBE|EXR|HDR)Loader\b"
                    r"|(Texture|Audio|File|Image|CubeTexture)Loader\s*\(\s*\)\s*\.load\s*\(\s*['\"`](?!data:)"
                    r"|\bsrc\s*=\s*['\"]https?://|\bimport\s*\(\s*['\"]https?://")
IMPORT_FROM = re.compile(r"\bfrom\s*['\"]([^'\"]+)['\"]|\bimport\s*['\"]([^'\"]+)['\"]")
LOCAL_MODULES = re.compile(r"^three(/(addons|examples/jsm)/[\w/.-]+)?$")
COMMENTS = re.compile(r"/\*.*?\*/|(?<![:'\"\w])//[^\n]*|<!--.*?-->", re.S)
COMPLETE = {
    "scene": re.compile(r"new\s+THREE\.Scene\s*\("),
    "camera": re.compile(r"new\s+THREE\.\w*Camera\s*\("),
    "renderer": re.compile(r"new\s+THREE\.WebGL\w*Renderer\s*\("),
    "animation loop": re.compile(r"requestAnimationFrame\s*\(|setAnimationLoop\s*\("),
}
SHAPES = {
    "cube": r"BoxGeometry", "box": r"BoxGeometry", "sphere": r"SphereGeometry|IcosahedronGeometry",
    "ball": r"SphereGeometry|IcosahedronGeometry", "cylinder": r"CylinderGeometry", "cone": r"ConeGeometry",
    "torus knot": r"TorusKnotGeometry", "torus": r"TorusGeometry|TorusKnotGeometry", "ring": r"RingGeometry|TorusGeometry|\bring",
    "plane": r"PlaneGeometry", "floor": r"PlaneGeometry|BoxGeometry|GridHelper", "particles": r"Points\b",
    "particle": r"Points\b", "line": r"\bLine\w*\(|LineSegments|LineBasicMaterial", "grid": r"GridHelper|for\s*\(",
}
COLOUR_WORDS = {  # colour name -> (names the code may use, hue ranges in degrees, minimum saturation)
    "red": (r"red|crimson|scarlet", [(0, 20), (340, 360)], 0.35),
    "orange": (r"orange", [(15, 45)], 0.35),
    "yellow": (r"yellow|gold", [(40, 70)], 0.35),
    "green": (r"green|lime", [(70, 170)], 0.25),
    "blue": (r"blue|navy|cyan", [(180, 260)], 0.25),
    "purple": (r"purple|violet|magenta", [(260, 320)], 0.25),
    "pink": (r"pink", [(300, 350)], 0.2),
}
HEX = re.compile(r"(?:0x|#)([0-9a-fA-F]{6})\b|#([0-9a-fA-F]{3})\b")


def _colours_in(code: str) -> list[tuple[float, float, float]]:
    """(hue, saturation, value) of every hex colour in the code."""
    import colorsys

    found = []
    for m in HEX.finditer(code):
        h = m.group(1) or "".join(c * 2 for c in m.group(2))
        r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
        hue, sat, val = colorsys.rgb_to_hsv(r, g, b)
        found.append((hue * 360, sat, val))
    return found


def _has_colour(word: str, code: str) -> bool:
    if word in ("white", "black", "grey", "gray"):
        targets = {"white": lambda s, v: s < 0.2 and v > 0.8, "black": lambda s, v: v < 0.15,
                   "grey": lambda s, v: s < 0.15 and 0.15 <= v <= 0.85, "gray": lambda s, v: s < 0.15 and 0.15 <= v <= 0.85}
        return bool(re.search(word, code, re.I)) or any(targets[word](s, v) for _, s, v in _colours_in(code))
    names, hues, min_sat = COLOUR_WORDS[word]
    if re.search(rf"['\"]({names})['\"]|\b({names})\b", code, re.I):
        return True
    return any(lo <= h <= hi and s >= min_sat and v > 0.15 for h, s, v in _colours_in(code) for lo, hi in hues) \
        or bool(re.search(r"setHSL|hsl\(|Color\(\s*[\d.]+\s*,", code))  # computed colours: cannot tell, accept


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s.strip()])


def instruction_style(description: str) -> Check:
    first = re.sub(r"[^a-z]", "", (description.split() or [""])[0].lower())
    ok = first in IMPERATIVES
    return Check("instruction-style", ok, f"starts with {first!r}" + ("" if ok else
                 ": an instruction starts with a verb (Create, Make, Show...), not a picture description"))


def sentence_count(description: str) -> Check:
    n = _sentences(description)
    return Check("one-to-three-sentences", 1 <= n <= 3, f"{n} sentence(s)")


def self_contained(description: str, code: str) -> Check:
    """No reference outside the description, nothing loaded from outside in the code
    (three and the addons three ships are part of the page, not outside)."""
    ref = OUTSIDE_REFERENCES.search(description)
    body = COMMENTS.sub(" ", code)
    remote = REMOTE.search(body)
    if remote is None:
        for m in IMPORT_FROM.finditer(body):
            spec = m.group(1) or m.group(2)
            if not LOCAL_MODULES.match(spec):
                remote = m
                break
    if ref:
        return Check("self-contained", False, f"the description refers outside itself: {ref.group(0)!r}")
    if remote:
        return Check("self-contained", False, f"the code loads from outside: {remote.group(0)!r}")
    return Check("self-contained", True, "no outside references or loads")


def line_range(code: str) -> Check:
    n = sum(1 for line in code.splitlines() if line.strip())
    return Check("20-100-lines", MIN_LINES <= n <= MAX_LINES, f"{n} non-empty lines (guide: {MIN_LINES}-{MAX_LINES})")


def complete(code: str) -> Check:
    missing = [name for name, pattern in COMPLETE.items() if not pattern.search(code)]
    return Check("complete", not missing, "scene, camera, renderer and animation loop" if not missing
                 else "missing: " + ", ".join(missing))


def matches_description(description: str, code: str) -> Check:
    text = description.lower()
    wanted: list[tuple[str, str]] = []
    for word, pattern in sorted(SHAPES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{word}s?\b", text) and not any(word in w for w, _ in wanted):
            wanted.append((word, pattern))
    colours = [w for w in (*COLOUR_WORDS, "white", "black", "grey", "gray") if re.search(rf"\b{w}\b", text)]
    absent = [word for word, pattern in wanted if not re.search(pattern, code, re.I)]
    absent += [w for w in colours if not _has_colour(w, code)]
    wanted += [(w, "") for w in colours]
    named = ", ".join(w for w, _ in wanted) or "nothing checkable"
    return Check("matches-description", not absent, f"named: {named}" + (f"; not in the code: {', '.join(absent)}"
                                                                         if absent else ""))


def checklist(candidate: Candidate) -> list[Check]:
    description, code = candidate.instruction or "", candidate.code or ""
    return [instruction_style(description), sentence_count(description), self_contained(description, code),
            line_range(code), complete(code), matches_description(description, code)]
