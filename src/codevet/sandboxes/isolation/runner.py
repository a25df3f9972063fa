"""Run one command in isolation with files in a private workspace (used by compilers).

The Python sandbox keeps warm workers instead (see sandboxes/python/pool.py); this is the
simple path for tools that are started once per example anyway.
"""
from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from codevet.sandboxes.isolation.base import Limits, RunResult
from codevet.sandboxes.isolation.owntime import TreeTimeLimit
from codevet.sandboxes.isolation.bwrap import BASE_ENV, bwrap_argv

if TYPE_CHECKING:
    from codevet.sandboxes.isolation.docker import WarmContainers

WORKDIR = "/tmp/work"


PRLIMIT = "/usr/bin/prlimit"


def nproc_in_namespace(isolation: str) -> bool:
    """Not root, under bwrap: the process limit is set inside the sandbox's own user
    namespace (by prlimit, after bwrap made it), where the kernel counts only the
    sandbox's processes against it. Set before bwrap, RLIMIT_NPROC would count every
    process the user runs (a desktop session, the same run's Chromium) and fail compiles."""
    return isolation == "bwrap" and os.geteuid() != 0 and os.path.exists(PRLIMIT)


def _limit_resources(limits: Limits, isolation: str = "none"):
    import resource

    skip_nproc = os.geteuid() == 0 or nproc_in_namespace(isolation)

    def apply() -> None:
        for res, value in limits.rlimits():
            if res == resource.RLIMIT_NPROC and skip_nproc:
                continue  # root: not enforced (PID namespace); not root: set inside the namespace
            try:
                resource.setrlimit(res, (value, value))
            except (ValueError, OSError):
                pass
    return apply


_START_FAILURES = ("bwrap: ", "prlimit: ", "Cannot fork", "cannot fork", "vfork", "Resource temporarily unavailable",
                   "cannot execute")


def sandbox_start_failure(stderr: str) -> str | None:
    """The line saying the sandbox (not the example) failed: bwrap could not make its
    namespaces, or a process could not be started under the limits. Such a run decides
    nothing about the example: an `error`, never cached."""
    for line in stderr.splitlines():
        if any(marker in line for marker in _START_FAILURES):
            return line.strip()[:300]
    return None


def kill_tree(proc: subprocess.Popen) -> None:
    """The process was started in its own session; with bwrap its PID namespace dies with it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.kill()
    except ProcessLookupError:
        pass


def pump(proc: subprocess.Popen, timeout_s: float, cap: int) -> tuple[bytes, bytes, bool, bool]:
    """Read stdout/stderr until exit or the time limit, keeping at most `cap` bytes in
    total. The limit counts the command's own time (owntime.py): machine load never makes
    a timeout. Returns (stdout, stderr, timed_out, truncated)."""
    bufs = {proc.stdout: bytearray(), proc.stderr: bytearray()}
    sel = selectors.DefaultSelector()
    for f in bufs:
        if f is not None:
            os.set_blocking(f.fileno(), False)
            sel.register(f, selectors.EVENT_READ)
    limit = TreeTimeLimit(proc.pid, timeout_s)
    timed_out = truncated = False
    total = 0
    while sel.get_map():
        left = limit.left_s()
        if left <= 0:
            timed_out = True
            break
        limit.sample()  # every half second at least: a compiler's passes end one after another
        for key, _ in sel.select(min(left, 0.5)):
            chunk = os.read(key.fd, 65536)
            if not chunk:
                sel.unregister(key.fileobj)
                continue
            total += len(chunk)
            if total > cap:
                truncated = True
                break
            bufs[key.fileobj] += chunk  # type: ignore[index]
        if truncated:
            break
    sel.close()
    return bytes(bufs[proc.stdout]), bytes(bufs[proc.stderr]), timed_out, truncated


def run_isolated(argv: list[str], files: dict[str, str | bytes], limits: Limits, isolation: str,
                 ro_paths: tuple[str, ...] = (), collect: tuple[str, ...] = (),
                 env: dict[str, str] | None = None, warm: "WarmContainers | None" = None) -> RunResult:
    """Write `files` into a fresh workspace, run `argv` there, read back `collect`.

    The workspace is `/tmp/work` inside bwrap and docker (the only writable place) and a
    private temp dir with `none`. Paths in `argv` may use `{work}` for the workspace.
    With docker, the command is an exec in one of `warm`'s running containers of the
    sandbox's image (`ro_paths` mounted read-only, under other names: see WarmContainers).
    """
    if isolation == "docker":
        if warm is None:
            from codevet.sandboxes.isolation.base import IsolationUnavailable

            raise IsolationUnavailable("docker isolation runs commands in warm containers of the sandbox's image; "
                                       "none was given")
        return _run_warm(argv, files, limits, ro_paths, collect, env, warm)
    host_dir = Path(tempfile.mkdtemp(prefix="codevet-run-"))
    try:
        _write(host_dir, files)
        if isolation == "bwrap":
            work = WORKDIR
            prefix = bwrap_argv(ro_paths=ro_paths, rw_binds={str(host_dir): work}, env=env,
                                tmp_mb=limits.workspace_mb, chdir=work)
            if nproc_in_namespace(isolation):  # + bwrap's PID 1 and prlimit's own process
                prefix += [PRLIMIT, f"--nproc={limits.processes + 2}:{limits.processes + 2}"]
            cmd, cwd, run_env = prefix + [a.replace("{work}", work) for a in argv], None, None
        else:
            work = str(host_dir)
            cmd, cwd, run_env = [a.replace("{work}", work) for a in argv], work, {**BASE_ENV, "HOME": work, "TMPDIR": work, **(env or {})}
        result = _run(cmd, limits.wall_s, limits.output_bytes, cwd=cwd, env=run_env,
                      preexec_fn=_limit_resources(limits, isolation))
        _collect(host_dir, collect, result)
        return result
    finally:
        shutil.rmtree(host_dir, ignore_errors=True)


def _write(directory: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)


def _collect(directory: Path, names: tuple[str, ...], result: RunResult) -> None:
    for name in names:
        path = directory / name
        if path.is_file() and not path.is_symlink():
            result.files[name] = path.read_bytes()


def _run(cmd: list[str], wall_s: float, cap: int, cwd: str | None = None, env: dict[str, str] | None = None,
         preexec_fn=None) -> RunResult:
    """Run cmd in its own session until exit or deadline, keeping at most `cap` bytes of output."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=preexec_fn)
    try:
        out, err, timed_out, truncated = pump(proc, wall_s, cap)
    finally:
        if proc.poll() is None:
            kill_tree(proc)
        proc.wait()
        for f in (proc.stdout, proc.stderr):
            if f:
                f.close()
    return RunResult(proc.returncode, out, err, timed_out, truncated, time.monotonic() - start)


def _run_warm(argv: list[str], files: dict[str, str | bytes], limits: Limits, ro_paths: tuple[str, ...],
              collect: tuple[str, ...], env: dict[str, str] | None, warm: "WarmContainers") -> RunResult:
    """One `docker exec` in a warm container. The container has its own limits; what the
    exec started goes on in the engine when the client is killed, so a container whose
    command overran or flooded is discarded (killed), never handed to the next example."""
    container = warm.acquire(tuple(ro_paths))
    healthy = False
    try:
        for old in container.host_dir.iterdir():  # the previous example's files
            shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
        _write(container.host_dir, files)
        cmd = warm.exec_argv(container, [a.replace("{work}", warm.workdir) for a in argv], {**BASE_ENV, **(env or {})},
                             limits.wall_s)
        # the in-container `timeout -s KILL` fires first; the client's deadline is the backstop
        result = _run(cmd, limits.wall_s + 2, limits.output_bytes, env=dict(os.environ))
        if result.returncode == 137 and result.duration_s >= limits.wall_s - 0.5:
            result.timed_out = True
        healthy = not (result.timed_out or result.output_truncated)
        _collect(container.host_dir, collect, result)
        if healthy and warm.scrub:
            healthy = warm.scrubbed(container)
        return result
    finally:
        if healthy:
            warm.release(container)
        else:
            warm.discard(container)
