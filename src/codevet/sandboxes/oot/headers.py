"""The shipped header set, the decomp's GCC flags, and the precompiled headers.

The flags are the decomp's GCC build for actor code (zeldaret/oot Makefile, COMPILER=gcc),
all checked against Debian's mips-linux-gnu-gcc 12. The headers are copied into a cache
directory keyed by a hash of their content, the flags and the compiler version, and one
`.gch` per naming era is built there once; a compile then only parses the answer. That
directory is the only header path the isolated compiler sees (read-only).
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from codevet.core.resources import package_dir
from codevet.core.paths import cache_dir as default_cache_dir
from codevet.sandboxes.oot.era import ERAS

HERE = package_dir(__package__)
INCLUDE_DIR = HERE / "include"
DEFAULT_PREFIX = "mips-linux-gnu-"

# The decomp's flags for actor overlays (see module docstring); every one works with gcc 12.
TARGET_FLAGS: tuple[str, ...] = (
    "-march=vr4300", "-mfix4300", "-mabi=32", "-mno-abicalls", "-G", "0", "-fno-PIC", "-mdivide-breaks",
    "-nostdinc", "-ffreestanding", "-funsigned-char", "-mips3", "-Os", "-fno-common",
    "-mno-explicit-relocs", "-mno-split-addresses",
)
CHECK_FLAGS: tuple[str, ...] = (
    "-Werror=implicit-function-declaration", "-Werror=implicit-int", "-Werror=int-conversion",
    "-Werror=incompatible-pointer-types",
    "-Wall", "-Wno-unused-parameter", "-Wno-unused-variable", "-Wno-unused-function", "-Wno-missing-braces",
    "-Wno-unknown-pragmas", "-Wno-unused-but-set-variable", "-Wno-format-security",
)
DEFINES: tuple[str, ...] = ("-DNON_MATCHING", "-DAVOID_UB", "-DCOMPILER_GCC", "-DF3DEX_GBI_2", "-D_LANGUAGE_C")


def compiler(prefix: str = DEFAULT_PREFIX) -> str | None:
    return shutil.which(prefix + "gcc")


@lru_cache(maxsize=4)
def compiler_version(prefix: str = DEFAULT_PREFIX) -> str | None:
    exe = compiler(prefix)
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.splitlines()[0].strip() if out else None


def header_files() -> list[Path]:
    return sorted(p for p in INCLUDE_DIR.rglob("*.h") if p.is_file())


@lru_cache(maxsize=1)
def headers_hash() -> str:
    h = hashlib.sha256()
    for p in header_files():
        h.update(str(p.relative_to(INCLUDE_DIR)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def pch_name(era: int) -> str:
    return f"codevet_oot_e{era}.h"


@dataclass(frozen=True)
class HeaderSet:
    """A built header directory: headers + one precompiled header per era."""

    root: Path        # read-only bind for the compiler
    include: Path     # -I path
    key: str

    def entry(self, era: int) -> Path:
        return self.include / pch_name(era)

    def has_pch(self, era: int) -> bool:
        return (self.include / (pch_name(era) + ".gch")).is_file()


def cache_root() -> Path:
    return default_cache_dir() / "oot"


def build_key(prefix: str = DEFAULT_PREFIX) -> str:
    h = hashlib.sha256()
    h.update(headers_hash().encode())
    h.update("\0".join(TARGET_FLAGS + CHECK_FLAGS + DEFINES).encode())
    h.update((compiler_version(prefix) or "none").encode())
    return h.hexdigest()[:16]


def prepare_headers(prefix: str = DEFAULT_PREFIX, root: Path | None = None, pch: bool = True) -> HeaderSet:
    """Copy the headers to the cache and build the precompiled headers (once per key;
    concurrent runs wait on a lock). The headers are ours, not an answer's, so the PCH
    build runs the compiler directly."""
    base = (root or cache_root())
    key = build_key(prefix)
    target = base / key
    include = target / "include"
    hs = HeaderSet(target, include, key)
    if target.is_dir() and target.stat().st_mode & 0o005 != 0o005:
        os.chmod(target, 0o755)  # a cache made by an older codevet (mkdtemp's 0700): sandbox users read it
    if all(hs.has_pch(e) for e in ERAS) or (not pch and (include / "oot.h").is_file()):
        return hs
    base.mkdir(parents=True, exist_ok=True)
    with open(base / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if all(hs.has_pch(e) for e in ERAS) or (not pch and (include / "oot.h").is_file()):
            return hs
        tmp = Path(tempfile.mkdtemp(prefix=f"{key}.", dir=base))
        try:
            shutil.copytree(INCLUDE_DIR, tmp / "include")
            for era in ERAS:
                (tmp / "include" / pch_name(era)).write_text(
                    f"/* codevet: the shipped OoT headers in naming era {era} */\n"
                    f"#define OOT_ERA {era}\n#include \"oot.h\"\n")
            os.chmod(tmp, 0o755)  # unprivileged sandbox users (docker's 10001) read the headers
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            os.replace(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        if pch:
            exe = compiler(prefix)
            if exe is None:
                raise FileNotFoundError(prefix + "gcc")
            for era in ERAS:
                out = include / (pch_name(era) + ".gch")
                part = include / (pch_name(era) + ".gch.part")
                proc = subprocess.run([exe, *TARGET_FLAGS, *CHECK_FLAGS, *DEFINES, "-I", str(include),
                                       "-x", "c-header", str(hs.entry(era)), "-o", str(part)],
                                      capture_output=True, text=True, timeout=120)
                if proc.returncode != 0:
                    raise RuntimeError(f"building the precompiled header failed: {proc.stderr[-2000:]}")
                os.replace(part, out)
    return hs


def known_header_names(include: Path = INCLUDE_DIR) -> tuple[set[str], set[str]]:
    """(type names, all other declared names) of the shipped headers, for the wrapper."""
    types: set[str] = set()
    names: set[str] = set()
    for p in include.rglob("*.h"):
        text = p.read_text(errors="replace")
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.DOTALL)
        types |= set(re.findall(r"\}\s*([A-Za-z_]\w*)\s*;", text))
        types |= set(re.findall(r"\btypedef\b[^;{}]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;", text))
        types |= set(re.findall(r"\btypedef\b[^;{}]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)", text))
        types |= set(re.findall(r"\bstruct\s+([A-Za-z_]\w*)", text))
        names |= set(re.findall(r"#\s*define\s+([A-Za-z_]\w*)", text))
        names |= set(re.findall(r"\b([A-Za-z_]\w*)\s*\(", text))
        for body in re.findall(r"\benum\b[^{;]*\{([^}]*)\}", text):
            names |= set(re.findall(r"\b([A-Z_][A-Z0-9_]*)\b", body))
        names |= set(re.findall(r"\bextern\b[^;(]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;", text))
    return types, names | types
