"""Compiling against a user's own decomp checkout (`--oot-decomp PATH`, SandboxOptions.oot.decomp).

We never ship the decomp's headers; a user who has a checkout can point codevet at it.
The answer is then compiled with the decomp's own include paths (include/, include/libc,
src/, build/<version>/ for generated asset headers, extracted/<version>/) and the defines
its Makefile passes for the GCC build of the chosen version (default gc-eu-mq-dbg), with
`global.h` (or, after its 2025 removal, the per-topic headers) as the prelude. The
checkout is bound read-only into the isolated compiler. Naming era: the checkout's own.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MODERN_PRELUDE = ("ultra64.h", "actor.h", "play_state.h", "player.h", "z_lib.h", "gfx.h", "gfx_setupdl.h",
                  "sys_matrix.h", "ichain.h", "collision_check.h", "animation.h", "sfx.h", "save.h",
                  "segmented_address.h", "printf.h", "translation.h", "rand.h", "z64math.h")


def version_defines(version: str) -> list[str]:
    macro = re.sub(r"[^A-Za-z0-9]", "_", version).upper()
    platform = "N64" if version.startswith(("ntsc", "pal-1")) else "IQUE" if version.startswith("ique") else "GC"
    debug = version.endswith("dbg")
    region = "EU" if "-eu" in version or version.startswith("pal") else "JP" if "-jp" in version else "US"
    defs = [f"-DOOT_VERSION={macro}", f"-DOOT_REGION=REGION_{region}", "-DOOT_REVISION=0",
            f"-DPLATFORM_N64={int(platform == 'N64')}", f"-DPLATFORM_GC={int(platform == 'GC')}",
            f"-DPLATFORM_IQUE={int(platform == 'IQUE')}",
            "-DLIBULTRA_VERSION=LIBULTRA_VERSION_L", "-DLIBULTRA_PATCH=1",
            f"-DDEBUG_FEATURES={int(debug)}", "-DF3DEX_GBI_2", "-DNON_MATCHING", "-DAVOID_UB", "-DCOMPILER_GCC",
            "-D_LANGUAGE_C", "-DGBI_DEBUG" if debug else "-DNDEBUG"]
    if platform != "N64":
        defs += ["-DF3DEX_GBI_PL", "-DGBI_DOWHILE"]
    if platform == "IQUE":
        defs.append("-DBBPLAYER")
    return defs


@dataclass
class DecompCheckout:
    root: Path
    version: str = "gc-eu-mq-dbg"
    actor_dirs: dict[str, Path] = field(default_factory=dict)
    stub_dir: Path | None = None   # XML-generated asset declarations (checkout_cache.py), searched last

    @property
    def include_dirs(self) -> list[Path]:
        r = self.root
        return [p for p in (r / "include", r / "include" / "libc", r / "src", r / "build" / self.version, r,
                            r / "extracted" / self.version, self.stub_dir) if p is not None and p.is_dir()]

    def prelude(self) -> str:
        if (self.root / "include" / "global.h").is_file():
            return '#include "global.h"\n'
        return "".join(f'#include "{h}"\n' for h in MODERN_PRELUDE
                       if any((d / h).is_file() for d in self.include_dirs))

    def resolve(self, name: str, angled: bool) -> bool:
        """Does the checkout have this header (inside the checkout, no symlink escape)?"""
        roots = [os.path.realpath(r) for r in (self.root, self.stub_dir) if r is not None]
        for d in self.include_dirs:
            p = os.path.realpath(d / name)
            if any(p.startswith(r + os.sep) for r in roots) and os.path.isfile(p):
                return True
        base = name.rsplit("/", 1)[-1]
        return base in self.actor_dirs

    def extra_include_dirs(self, names: list[str]) -> list[Path]:
        """Actor headers (`#include "z_en_foo.h"`) live next to their actor's source."""
        dirs: list[Path] = []
        for name in names:
            d = self.actor_dirs.get(name.rsplit("/", 1)[-1])
            if d is not None and d not in dirs and not any((i / name).is_file() for i in self.include_dirs):
                dirs.append(d)
        return dirs

    def flags(self) -> list[str]:
        out: list[str] = []
        for d in self.include_dirs:
            out += ["-I", str(d)]
        return out + version_defines(self.version)


@lru_cache(maxsize=4)
def open_checkout(path: str, version: str = "gc-eu-mq-dbg") -> DecompCheckout:
    root = Path(path).expanduser().resolve()
    if not (root / "include").is_dir():
        raise FileNotFoundError(f"{root} does not look like a decomp checkout (no include/ directory)")
    actor_dirs: dict[str, Path] = {}
    overlays = root / "src" / "overlays"
    if overlays.is_dir():
        for h in overlays.rglob("*.h"):
            actor_dirs.setdefault(h.name, h.parent)
    return DecompCheckout(root, version, actor_dirs)


@lru_cache(maxsize=4)
def checkout_types(path: str) -> frozenset[str]:
    """Type names the checkout defines (so the wrapper never synthesizes a real struct)."""
    names: set[str] = set()
    root = Path(path)
    for sub in ("include", "src"):
        for p in (root / sub).rglob("*.h") if (root / sub).is_dir() else []:
            try:
                text = p.read_text(errors="replace")
            except OSError:
                continue
            names |= set(re.findall(r"\}\s*([A-Za-z_]\w*)\s*;", text))
            names |= set(re.findall(r"\btypedef\b[^;{}]*?\b([A-Za-z_]\w*)\s*;", text))
    return frozenset(names)
