"""Layer 1 for the MIPS in an answer: every ```asm / ```mips / ```s block is assembled
with mips-linux-gnu-as for the N64's VR4300 (o32), isolated like the compile.

An ASM patch that does not assemble is a wrong answer (`asm-error`), whatever its prose
says; `as` missing from the machine is an `error` (the harness could not decide)."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

from codevet.core.options import SandboxOptions
from codevet.sandboxes.isolation import run_isolated
from codevet.sandboxes.oot.compile import limits_for

ASM_TAGS = ("asm", "mips", "s", "gas", "assembly", "armasm")
AS_FLAGS = ("-march=vr4300", "-mabi=32", "-EB", "--fatal-warnings")
SOURCE = "patch.s"
_DIAG = re.compile(r"^[^:]*:(\d+): (Error|Warning): (.*)$", re.M)


@dataclass
class AsmResult:
    ok: bool
    detail: str
    errors: list[dict]
    timed_out: bool = False


def assembler(prefix: str) -> str | None:
    return shutil.which(prefix + "as")


def assemble(as_path: str, body: str, options: SandboxOptions, isolation: str, warm=None) -> AsmResult:
    """One block through `as`; diagnostics mapped to the block's own lines."""
    source = body if body.endswith("\n") else body + "\n"
    argv = [as_path, *AS_FLAGS, "-o", "{work}/patch.o", "{work}/" + SOURCE]
    res = run_isolated(argv, {SOURCE: source}, limits_for(options), isolation, warm=warm)
    text = res.stderr.decode("utf-8", "replace")
    errors = [{"line": int(m.group(1)), "severity": m.group(2).lower(), "message": m.group(3), "class": "asm-error"}
              for m in _DIAG.finditer(text)]
    if res.timed_out:
        return AsmResult(False, "the assembler ran past the time limit", errors, timed_out=True)
    if res.returncode != 0:
        first = errors[0] if errors else None
        where = f"line {first['line']}: {first['message']}" if first else text.strip()[:300]
        return AsmResult(False, f"mips-linux-gnu-as rejected the patch: {where}", errors)
    return AsmResult(True, f"assembled for the VR4300 ({source.count(chr(10))} lines)", [])
