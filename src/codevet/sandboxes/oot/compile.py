"""One isolated compile: gcc to an object, then readelf of that object, in one sandbox run.

gcc's diagnostics come back as plain one-line text (`-fdiagnostics-plain-output`) on stderr; readelf's
symbol and relocation tables on stdout, for the link check. Both run under the same
isolation as the Python sandbox (bwrap: read-only system, only the header directory
bound, no network; rlimits on CPU, memory, processes, file size and output; a wall-clock
kill), so a macro bomb ends as a timeout or a memory-limit verdict instead of a hang.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from codevet.core.options import SandboxOptions
from codevet.sandboxes.isolation import Limits, RunResult, run_isolated

if TYPE_CHECKING:
    from codevet.sandboxes.isolation.docker import WarmContainers

TU_NAME = "tu.c"
OBJ_NAME = "tu.o"
_SCRIPT = ('"$0" "$@"; r=$?; if [ -f {work}/' + OBJ_NAME + ' ]; then "$CODEVET_READELF" -W -s -r {work}/'
           + OBJ_NAME + '; fi; exit $r')


@dataclass
class CompileResult:
    returncode: int | None
    stderr: str
    elf: str
    timed_out: bool
    truncated: bool
    duration_s: float

    @property
    def memory_exhausted(self) -> bool:
        s = self.stderr
        return ("out of memory" in s or "virtual memory exhausted" in s or "cannot allocate memory" in s.lower()
                or ("internal compiler error: Killed" in s) or ("Killed signal terminated program" in s))

    @property
    def crashed(self) -> bool:
        return self.returncode is not None and self.returncode < 0


def limits_for(options: SandboxOptions) -> Limits:
    return Limits(wall_s=float(options.timeout_s), cpu_s=max(1, int(options.timeout_s) + 1),
                  memory_mb=options.memory_mb, processes=max(8, options.max_processes),
                  file_mb=options.max_file_mb, output_bytes=options.max_output_bytes,
                  workspace_mb=options.workspace_mb)


def run_compile(gcc: str, readelf: str, flags: list[str], source: str, options: SandboxOptions,
                isolation: str, ro_paths: tuple[str, ...], warm: WarmContainers | None = None) -> CompileResult:
    argv = ["/bin/sh", "-c", _SCRIPT, gcc, *flags, "-c", "{work}/" + TU_NAME, "-o", "{work}/" + OBJ_NAME]
    res: RunResult = run_isolated(argv, {TU_NAME: source}, limits_for(options), isolation, ro_paths=ro_paths,
                                  env={"CODEVET_READELF": readelf}, warm=warm)
    return CompileResult(res.returncode, res.stderr.decode("utf-8", "replace"), res.stdout.decode("utf-8", "replace"),
                         res.timed_out, res.output_truncated, res.duration_s)
