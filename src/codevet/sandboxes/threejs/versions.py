"""Which three.js judges a page: the release it pins, when that release is installed.

Public datasets pin three on a CDN (`three@0.160.0`, cdnjs `r128`): a page written for
r120's `THREE.Geometry` or r128's `BoxBufferGeometry` is correct for its version and
wrong for today's. `codevet setup` installs a list of older releases next to the
current one (npm aliases `three-<version>` in the data directory); a page is served
the release it pins when installed, else the nearest installed one, and the verdict
says "pins X, judged with Y". An unpinned page is judged with the current release.

A URL is also judged at its own version: `build/three.min.js` after r159 or
`examples/js/...` after r147 never existed, so a page asking for them is asking for a
missing file.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from codevet.core.paths import data_dir
from codevet.sandboxes.threejs.assets import ThreeInstall

# three@0.160.0 (unpkg, jsdelivr, esm.sh, skypack, jspm), cdnjs three.js/r128 or /0.160.0/,
# github mrdoob/three.js/r128/
PIN = re.compile(r"""(?:\bthree@\^?~?(\d+\.\d+(?:\.\d+)?|r?\d{2,3})\b|"""
                 r"""/ajax/libs/three\.js/(r?\d+(?:\.\d+){0,2})/|"""
                 r"""mrdoob/three\.js/(r\d{2,3})/)""")


def versions_dir() -> Path:
    return data_dir() / "threejs" / "pinned" / "node_modules"


def key(version: str) -> tuple[int, int, int]:
    """(major, minor, patch) of "0.128.0", "0.160", "r128" or "128"."""
    v = version.strip().lstrip("^~")
    if v.lower().startswith("r") or re.fullmatch(r"\d{2,3}", v):
        return (0, int(v.lstrip("rR")), 0)
    parts = [int(p) for p in re.findall(r"\d+", v)[:3]] + [0, 0, 0]
    return (parts[0], parts[1], parts[2])


def url_version(url: str) -> str | None:
    """The three.js version a URL pins, if any."""
    m = PIN.search(url)
    return next((g for g in m.groups() if g), None) if m else None


def pinned_version(code: str) -> str | None:
    """The first three.js version the page pins in a CDN URL, if any."""
    for m in PIN.finditer(code or ""):
        v = next((g for g in m.groups() if g), None)
        if v and key(v)[1] > 0:
            return v
    return None


def missing_at(kind: str, version: str | None) -> str | None:
    """Why a file of this kind (cdn.CdnHit.kind) never existed at `version`, or None:
    the classic build is gone from r161, the classic addons (examples/js) from r148."""
    if not version:
        return None
    minor = key(version)[1]
    if kind == "classic-core" and minor >= 161:
        return f"three {version} has no classic build (build/three.min.js was removed in r161)"
    if kind == "classic-addon" and minor >= 148:
        return f"three {version} has no examples/js (classic addons were removed in r148)"
    return None


@dataclass(frozen=True)
class Choice:
    three: ThreeInstall
    pinned: str | None
    exact: bool  # the pinned release (same minor) is the one serving the page

    @property
    def line(self) -> str:
        """The report line: which three judged the page, and why."""
        if self.pinned is None:
            return f"judged with three {self.three.version} (the page pins no version)"
        if self.exact:
            return f"judged with three {self.three.version}, the version the page pins ({self.pinned})"
        return f"pins {self.pinned}, judged with {self.three.version} (pinned version not installed)"


class ThreeVersions:
    """The current install plus the older ones `codevet setup` put in the data dir."""

    def __init__(self, current: ThreeInstall | None = None, folder: Path | None = None) -> None:
        self.current = current or ThreeInstall()
        self._lock = threading.Lock()
        self.installs: dict[tuple[int, int, int], ThreeInstall] = {key(self.current.version): self.current} \
            if self.current.installed else {}
        root = folder or versions_dir()
        if root.is_dir():
            for pkg in sorted(root.glob("three-*")):
                inst = ThreeInstall(pkg)
                if inst.installed:
                    self.installs.setdefault(key(inst.version), inst)

    @property
    def available(self) -> list[str]:
        return [i.version for _k, i in sorted(self.installs.items())]

    def choose(self, pinned: str | None) -> Choice:
        if pinned is None or not self.installs:
            return Choice(self.current, None, True)
        want = key(pinned)
        same_minor = [k for k in self.installs if k[:2] == want[:2]]
        if same_minor:
            best = min(same_minor, key=lambda k: abs(k[2] - want[2]))
            return Choice(self.installs[best], pinned, True)
        best = min(self.installs, key=lambda k: (abs(k[1] - want[1]), -k[1]))
        return Choice(self.installs[best], pinned, False)
