"""Scene facts: what the instruction asks for, and whether the live scene graph has it.

The page summarises its scene graph (instrument.js `summary`): meshes with geometry
type and material colour, lights, camera, background. Here that summary is compared
with the words of the description. The rules are deliberately few and lenient, since
free-form descriptions are ambiguous: a named colour must appear somewhere (a
material, a light, the background, or enough pixels of the frame), a named primitive
must be among the geometries, and lit materials need light.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from codevet.sandboxes.threejs.colors import HUES, colour_mask, matches

# Shape word -> geometry types that satisfy it.
SHAPES: dict[str, tuple[str, ...]] = {
    r"cubes?|box(?:es)?": ("BoxGeometry", "RoundedBoxGeometry", "BoxBufferGeometry"),
    r"spheres?|balls?|globes?|orbs?": ("SphereGeometry", "IcosahedronGeometry", "OctahedronGeometry",
                                        "DodecahedronGeometry", "SphereBufferGeometry"),
    r"cylinders?": ("CylinderGeometry",),
    r"cones?": ("ConeGeometry", "CylinderGeometry"),
    r"tor(?:us|i|uses)|donuts?|doughnuts?": ("TorusGeometry", "TorusKnotGeometry"),
    r"torus\s*knots?": ("TorusKnotGeometry",),
    r"capsules?": ("CapsuleGeometry",),
    r"tetrahedr(?:on|a|ons)": ("TetrahedronGeometry",),
    r"octahedr(?:on|a|ons)": ("OctahedronGeometry",),
    r"dodecahedr(?:on|a|ons)": ("DodecahedronGeometry",),
    r"icosahedr(?:on|a|ons)": ("IcosahedronGeometry",),
}

MOTION = re.compile(r"\b(rotat\w*|spin\w*|twirl\w*|revolv\w*|animat\w*|moving|moves?|bounc\w*|wobbl\w*|"
                    r"oscillat\w*|puls\w*|swing\w*|sway\w*|orbiting|orbits?(?!\s*control)|turning|turns|"
                    r"flicker\w*|danc\w*|flap\w*|wav(?:ing|es)|fly(?:ing)?|falling|drift\w*|swirl\w*)\b", re.I)
# User-driven behaviour: the frame must answer pointer input, not move by itself.
INTERACTION = re.compile(
    r"\b(?:orbit|trackball|map|pointer\s*lock|drag|fly|arcball)\s*controls?\b|"
    r"\b(?:orbit\w*|rotat\w*|drag\w*|zoom\w*|pan(?:ning|s)?|spin\w*|inspect\w*|move|look\s+around|"
    r"click\w*|tap\w*|scroll\w*)\b[^.;]{0,40}?\b(?:with|using|by|via)\s+(?:the\s+|your\s+)?"
    r"(?:mouse|pointer|cursor|touch|trackpad|wheel|scroll\w*|drag\w*|click\w*)\b|"
    r"\b(?:user|viewer|you)\s+(?:can|may|could)\s+(?:\w+\s+){0,3}?"
    r"(?:orbit|rotate|drag|zoom|pan|spin|inspect|click|move|look)\b|"
    r"\b(?:click|tap|drag)\w*\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:to|and)\b|"
    r"\b(?:drag|zoom|pan)(?:gable|ing)?\s+with\b|\bmouse[- ](?:driven|controlled|drag|orbit)\b|"
    r"\b(?:when|as|while|if)\s+(?:you|the\s+user|the\s+viewer)\s+(?:click|tap|drag|move\s+the\s+mouse|scroll|hover)\w*",
    re.I)
NEGATION = re.compile(r"\b(not|no|without|never|non|static|stationary|still|isn't|doesn't|don't)\W+(\w+\W+){0,2}$", re.I)
LIT_TYPES = {"MeshLambertMaterial", "MeshPhongMaterial", "MeshStandardMaterial", "MeshPhysicalMaterial",
             "MeshToonMaterial"}


@dataclass
class Wants:
    """What the description names."""

    motion: str | None = None
    interaction: str | None = None  # user-driven behaviour: checked with pointer events
    colours: list[str] = field(default_factory=list)
    shapes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _negated(text: str, start: int) -> bool:
    return bool(NEGATION.search(text[max(0, start - 40):start]))


def read_description(text: str) -> Wants:
    text = text or ""
    wants = Wants()
    asked = [m for m in INTERACTION.finditer(text) if not _negated(text, m.start())]
    if asked:
        wants.interaction = asked[0].group(0)
    for m in MOTION.finditer(text):
        driven = any(a.start() <= m.start() < a.end() or                          # "orbit ... with the mouse"
                     (0 <= m.start() - a.end() < 30 and re.search(r"\bto\s+$", text[a.start():m.start()])) or
                     (0 <= a.start() - m.end() < 12) for a in asked)           # "spins when you drag it"
        if _negated(text, m.start()) or driven:
            continue  # "orbit around it with the mouse" asks for interaction, not animation
        wants.motion = m.group(0)
        break
    for name in HUES:
        for m in re.finditer(rf"\b{name}(?:ish)?\b", text, re.I):
            after = text[m.end():m.end() + 8].lower()
            if after.lstrip(" -").startswith(("space", "list", "noise", "box")):  # whitespace, blacklist, ...
                continue
            if _negated(text, m.start()):
                continue
            if name not in wants.colours:
                wants.colours.append(name)
            break
    for pattern, types in SHAPES.items():
        for m in re.finditer(rf"\b(?:{pattern})\b", text, re.I):
            word = m.group(0).lower()
            if word in ("box", "boxes") and re.search(r"(sky|bounding|check|light|text)\s*$",
                                                      text[max(0, m.start() - 10):m.start()], re.I):
                continue
            if _negated(text, m.start()):
                continue
            wants.shapes[word] = types
            break
    if any("knot" in w for w in wants.shapes):  # "torus knot" is not also a plain torus requirement
        wants.shapes = {w: t for w, t in wants.shapes.items() if "knot" in w or not re.match(r"tor", w)}
    return wants


def _visible(objects: list[dict]) -> list[dict]:
    return [o for o in objects if o.get("visible", True)]


def unlit_objects(summary: dict[str, Any]) -> list[str]:
    """Visible meshes whose material needs light, in a scene with no light and no
    environment map: they render black whatever their colour."""
    if summary.get("counts", {}).get("lights") or summary.get("environment"):
        return []
    bad = []
    for o in _visible(summary.get("objects", [])):
        for m in o.get("materials") or []:
            if not m or m.get("type") not in LIT_TYPES or not m.get("visible", True):
                continue
            glows = (m.get("emissive") not in (None, "#000000") and (m.get("emissiveIntensity") or 1) > 0) \
                or m.get("emissiveMap") or m.get("envMap")
            if not glows:
                bad.append(f"{o.get('type')}({o.get('geometry')}, {m.get('type')} {m.get('color')})")
    return bad


def colour_evidence(name: str, summary: dict[str, Any], frame: np.ndarray | None, min_pixels: float) -> str | None:
    """Where colour `name` shows up, or None if nowhere."""
    for o in _visible(summary.get("objects", [])):
        for m in o.get("materials") or []:
            if not m:
                continue
            if matches(m.get("color"), name):
                return f"{o.get('geometry') or o.get('type')} material {m.get('color')}"
            if m.get("emissive") and m.get("emissive") != "#000000" and matches(m.get("emissive"), name):
                return f"{o.get('geometry') or o.get('type')} emissive {m.get('emissive')}"
    for light in summary.get("lights", []):
        if matches(light.get("color"), name):
            return f"{light.get('type')} {light.get('color')}"
    for key in ("background", "fog", "clearColor"):
        if matches(summary.get(key), name):
            return f"{key} {summary.get(key)}"
    if frame is not None and frame.size:
        share = float(colour_mask(frame, name).mean())
        if share >= min_pixels:
            return f"{share:.1%} of the frame's pixels"
    return None


def description_problems(wants: Wants, summary: dict[str, Any], frame: np.ndarray | None,
                         min_pixels: float = 0.003) -> tuple[list[str], list[str]]:
    """(missing, found): what the description names and the scene lacks, and the evidence
    for what it has."""
    missing, found = [], []
    geometries = {o.get("geometry") for o in _visible(summary.get("objects", []))}
    for word, types in wants.shapes.items():
        have = sorted(g for g in geometries if g in types)
        if have:
            found.append(f"{word}: {', '.join(have)}")
        else:
            missing.append(f"{word} (no {' / '.join(types[:2])} among {sorted(g for g in geometries if g) or 'no meshes'})")
    for name in wants.colours:
        where = colour_evidence(name, summary, frame, min_pixels)
        if where:
            found.append(f"{name}: {where}")
        else:
            missing.append(f"{name} (no material, light, background or pixels of that colour)")
    return missing, found


def transforms_moved(a: dict[str, Any], b: dict[str, Any], eps: float = 1e-4) -> bool:
    """Did any object's (or the camera's) world matrix change between two summaries?"""
    ta, tb = a.get("transforms") or [], b.get("transforms") or []
    if len(ta) != len(tb):
        return True
    return any(abs(x - y) > eps for ma, mb in zip(ta, tb) for x, y in zip(ma, mb))


def compact(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary as stored in artifacts (no matrices)."""
    return {k: v for k, v in summary.items() if k != "transforms"}
