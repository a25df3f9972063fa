"""Colour words and the colours they mean, for materials (one hex value) and for
screenshots (every pixel at once).

Matching is by hue with generous tolerances: the point is to catch "a red sphere" drawn
green, not to argue about crimson against scarlet. Lighting changes a pixel's value and
saturation far more than its hue, so hue is what both sides are compared on.
"""
from __future__ import annotations

import numpy as np

# name -> (hue centre in degrees, tolerance); None for the achromatic ones
HUES: dict[str, tuple[float, float] | None] = {
    "red": (0, 22), "crimson": (350, 20), "scarlet": (5, 20), "maroon": (0, 25),
    "orange": (30, 18), "brown": (25, 25), "gold": (50, 14), "golden": (50, 14), "yellow": (57, 16),
    "lime": (95, 30), "green": (120, 50), "emerald": (140, 30), "olive": (60, 20),
    "teal": (175, 25), "turquoise": (172, 25), "cyan": (182, 25), "aqua": (182, 25),
    "blue": (222, 38), "navy": (235, 30), "azure": (210, 25), "indigo": (255, 22),
    "purple": (278, 32), "violet": (275, 32), "lavender": (270, 30),
    "magenta": (300, 25), "fuchsia": (305, 25), "pink": (330, 32),
    "white": None, "black": None, "gray": None, "grey": None, "silver": None,
}
ALIASES = {"grey": "gray", "golden": "gold"}
DARK = {"brown", "maroon", "navy", "olive"}


def hex_to_rgb(value: str) -> tuple[int, int, int] | None:
    value = value.lstrip("#")
    if len(value) != 6:
        return None
    try:
        return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
    except ValueError:
        return None


def hsv(rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """uint8 (..., 3) -> hue degrees, saturation 0..1, value 0..1."""
    x = rgb.astype(np.float32) / 255.0
    r, g, b = x[..., 0], x[..., 1], x[..., 2]
    mx = x.max(axis=-1)
    mn = x.min(axis=-1)
    d = mx - mn
    safe = np.where(d == 0, 1, d)
    h = np.where(mx == r, ((g - b) / safe) % 6, np.where(mx == g, (b - r) / safe + 2, (r - g) / safe + 4)) * 60.0
    h = np.where(d == 0, 0, h)
    s = np.where(mx == 0, 0, d / np.where(mx == 0, 1, mx))
    return h, s, mx


def colour_mask(rgb: np.ndarray, name: str) -> np.ndarray:
    """Which pixels (or colours) of `rgb` look like `name`."""
    name = ALIASES.get(name, name)
    h, s, v = hsv(rgb)
    if name == "black":
        return v < 0.18
    if name == "white":
        return (s < 0.18) & (v > 0.8)
    if name in ("gray", "silver"):
        return (s < 0.2) & (v >= 0.15) & (v <= 0.92)
    centre, tol = HUES[name]  # type: ignore[misc]
    dist = np.abs((h - centre + 180) % 360 - 180)
    chroma = (s >= 0.2) & (v >= 0.12)
    mask = chroma & (dist <= tol)
    if name in DARK:
        mask &= v < 0.75
    if name == "pink":  # light reds are pink too
        mask |= (s >= 0.1) & (v > 0.6) & (np.abs((h + 180) % 360 - 180) <= 25) & (s < 0.6)
    return mask


def matches(hex_value: str | None, name: str) -> bool:
    rgb = hex_to_rgb(hex_value) if hex_value else None
    if rgb is None:
        return False
    return bool(colour_mask(np.array([rgb], dtype=np.uint8), name)[0])
