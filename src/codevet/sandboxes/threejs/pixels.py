"""Is there a picture? Measured on the screenshot (what the compositor showed), never on
canvas.toDataURL, which reads back a cleared buffer once the frame has been presented.

A frame is blank when almost every pixel is the background colour (black, the clear
colour or a flat `scene.background`), or when what differs has neither variation nor
edges (a faint smooth tint). A black object on a black background is blank, which is
what an unlit MeshStandardMaterial looks like.
"""
from __future__ import annotations

import io
from dataclasses import asdict, dataclass

import numpy as np
from PIL import Image
from skimage.filters import sobel

from codevet.core.options import BlankThresholds

__all__ = ["BlankThresholds", "FrameStats", "blank_reason", "changed_fraction", "frame_stats", "load_png"]


@dataclass(frozen=True)
class FrameStats:
    width: int
    height: int
    background: tuple[int, int, int]
    content: float
    colors: int
    edges: float
    luma_std: float

    def as_dict(self) -> dict:
        d = asdict(self)
        d["background"] = "#%02x%02x%02x" % self.background
        d["content"] = round(self.content, 5)
        d["edges"] = round(self.edges, 5)
        d["luma_std"] = round(self.luma_std, 2)
        return d


def load_png(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB"))


def frame_stats(img: np.ndarray, th: BlankThresholds) -> FrameStats:
    h, w = img.shape[:2]
    if h == 0 or w == 0:
        return FrameStats(w, h, (0, 0, 0), 0.0, 0, 0.0, 0.0)
    q = (img >> 3).astype(np.int32)
    keys = (q[..., 0] << 10) | (q[..., 1] << 5) | q[..., 2]
    counts = np.bincount(keys.ravel(), minlength=1 << 15)
    mode = int(counts.argmax())
    in_mode = keys == mode
    background = tuple(int(c) for c in img[in_mode].mean(axis=0).round())
    diff = np.abs(img.astype(np.int16) - np.array(background, dtype=np.int16)).max(axis=-1)
    content = float((diff > th.pixel_delta).mean())
    colors = int((counts >= 3).sum())  # rendered frames have no noise: 3 pixels is a colour
    luma = img.astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    edges = float((sobel(luma / 255.0) > 0.1).mean()) if min(h, w) >= 3 else 0.0
    return FrameStats(w, h, background, content, colors, edges, float(luma.std()))  # type: ignore[arg-type]


def blank_reason(s: FrameStats, th: BlankThresholds) -> str | None:
    """Why the frame counts as blank, or None when it shows something."""
    if s.width == 0 or s.height == 0:
        return "the canvas has no visible area"
    if s.content < th.min_content:
        return (f"{s.content:.2%} of pixels differ from the background "
                f"#{s.background[0]:02x}{s.background[1]:02x}{s.background[2]:02x} (need {th.min_content:.2%})")
    if s.colors < th.min_colors:
        return f"only {s.colors} colour(s) in the frame (need {th.min_colors})"
    if s.edges < th.min_edges and s.luma_std < th.min_std:
        return f"no structure: edges {s.edges:.3%}, luma std {s.luma_std:.1f}"
    return None


def changed_fraction(a: np.ndarray, b: np.ndarray, delta: int) -> float:
    if a.shape != b.shape or a.size == 0:
        return 1.0 if a.shape != b.shape else 0.0
    return float((np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=-1) > delta).mean())
