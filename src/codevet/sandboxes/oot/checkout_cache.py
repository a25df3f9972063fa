"""What codevet builds once per checkout, cached by the checkout's commit: the XML asset
stubs (assets.py) and a precompiled prelude (the decomp headers every actor includes).

The cache key is the checkout's commit (`git rev-parse HEAD`), plus a hash of
`git diff HEAD` over include/, src/ and assets/xml when the work tree has changes there;
without git it is a hash of those files' names, sizes and modification times. The
version's defines, the flags, the compiler version and this generator's own source are part
of the key too, because a
precompiled header is only valid for the flags it was built with.

The naming era also comes from the checkout: a modern checkout (ActorProfile) makes
`GlobalContext` or `ActorInit` in an answer a wrong-era name, whatever the answer uses.
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
from pathlib import Path

from codevet.sandboxes.oot import assets
from codevet.sandboxes.oot.decomp import DecompCheckout
from codevet.sandboxes.oot.headers import cache_root, compiler_version

PRELUDE = "codevet_prelude.h"
PRELUDE_NO_PCH = "codevet_prelude_nopch.h"


@dataclass(frozen=True)
class CheckoutIdentity:
    commit: str        # 40 hex digits, or "" without git
    dirty: bool
    key: str           # what the cache is keyed by

    @property
    def label(self) -> str:
        if not self.commit:
            return f"no git ({self.key[:20]})"
        return self.commit[:12] + (" + uncommitted changes" if self.dirty else "")


def identity(root: Path) -> CheckoutIdentity:
    git = shutil.which("git")
    if git and (root / ".git").exists():
        try:
            head = subprocess.run([git, "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                  timeout=30)
            if head.returncode == 0 and re.fullmatch(r"[0-9a-f]{40}", head.stdout.strip()):
                commit = head.stdout.strip()
                diff = subprocess.run([git, "-C", str(root), "diff", "HEAD", "--", "include", "src", "assets/xml"],
                                      capture_output=True, timeout=120)
                dirty = bool(diff.stdout.strip())
                key = commit + ("-" + hashlib.sha256(diff.stdout).hexdigest()[:12] if dirty else "")
                return CheckoutIdentity(commit, dirty, key)
        except (OSError, subprocess.TimeoutExpired):
            pass
    h = hashlib.sha256()
    for sub in ("include", "src", "assets/xml"):
        base = root / sub
        for p in sorted(base.rglob("*")) if base.is_dir() else []:
            if p.suffix in (".h", ".c", ".xml") and p.is_file():
                st = p.stat()
                h.update(f"{p.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return CheckoutIdentity("", False, "content-" + h.hexdigest()[:24])


def checkout_era(root: Path) -> int:
    """3 when the checkout's headers define ActorProfile, 1 when they still have GlobalContext, else 2."""
    text = ""
    include = root / "include"
    for p in sorted(include.glob("*.h")) if include.is_dir() else []:
        try:
            text += p.read_text(errors="replace")
        except OSError:
            continue
    if re.search(r"\}\s*ActorProfile\s*;", text):
        return 3
    if re.search(r"\bGlobalContext\b", text) and not re.search(r"\}\s*PlayState\s*;", text):
        return 1
    return 2


@dataclass(frozen=True)
class PreparedCheckout:
    """The per-checkout cache directory: stubs under `stubs/`, the prelude headers."""

    dir: Path
    identity: CheckoutIdentity
    era: int
    index: assets.AssetIndex
    has_pch: bool

    @property
    def stubs(self) -> Path:
        return self.dir / "stubs"

    def prelude(self, pch: bool) -> Path:
        return self.dir / (PRELUDE if pch and self.has_pch else PRELUDE_NO_PCH)


def prepare(checkout: DecompCheckout, gcc: str, prefix: str, flags: list[str], pch: bool = True) -> PreparedCheckout:
    """Build (once per key; concurrent runs wait on a lock) the stubs and the precompiled prelude.
    `flags` are the exact flags answers are compiled with (a PCH is only used under them)."""
    root = checkout.root
    ident = identity(root)
    era = checkout_era(root)
    generator = hashlib.sha256(Path(assets.__file__).read_bytes() + Path(__file__).read_bytes()).hexdigest()
    h = hashlib.sha256("\0".join([ident.key, checkout.version, *flags, compiler_version(prefix) or "",
                                   generator]).encode())
    base = cache_root() / "checkouts"
    target = base / f"{ident.key[:24]}-{h.hexdigest()[:12]}"
    base.mkdir(parents=True, exist_ok=True)
    with open(base / f"{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "index.txt").is_file():
            tmp = Path(tempfile.mkdtemp(prefix=target.name + ".", dir=base))
            try:
                index = assets.generate(root, tmp / "stubs")
                assets.write_index(tmp, index)
                text = "/* codevet: the headers every actor includes, precompiled once per checkout commit */\n" + \
                    checkout.prelude()
                (tmp / PRELUDE).write_text(text)
                (tmp / PRELUDE_NO_PCH).write_text(text)
                os.chmod(tmp, 0o755)
                shutil.rmtree(target, ignore_errors=True)
                os.replace(tmp, target)
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        gch = target / (PRELUDE + ".gch")
        if pch and not gch.is_file() and not (target / "pch.failed").is_file():
            part = target / (PRELUDE + ".gch.part")
            proc = subprocess.run([gcc, *flags, "-I", str(target / "stubs"), "-x", "c-header", str(target / PRELUDE),
                                   "-o", str(part)], capture_output=True, text=True, timeout=300)
            if proc.returncode == 0:
                os.replace(part, gch)
            else:  # the prelude itself does not compile in this checkout: parse it per answer instead
                (target / "pch.failed").write_text(proc.stderr[-4000:])
    return PreparedCheckout(target, ident, era, assets.read_index(target), gch.is_file())
