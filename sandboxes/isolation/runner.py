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

from codevet.sandboxes.isolation.base import Limits, RunResult
from codevet.sandboxes.isolation.bwrap import BASE_ENV, bwrap_argv

WORKDIR = "/tmp/work"


def _limit_resources(limits: Limits):
    import resource

    def apply() -> None:
        for res, value in limits.rlimits():
            if res == resource.RLIMIT_NPROC and os.geteuid() == 0:
                continue  # not enforced for root; the PID namespace and cgroup bound it instead
            try:
                resource.setrlimit(res, (value, value))
            except (ValueError, OSError):
                pass
    return apply


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
    """Read stdout/stderr until exit or deadline, keeping at most `cap` bytes in total.
    Returns (stdout, stderr, timed_out, truncated)."""
    bufs = {proc.stdout: bytearray(), proc.stderr: bytearray()}
    sel = selectors.DefaultSelector()
    for f in bufs:
        if f is not None:
            os.set_blocking(f.fileno(), False)
            sel.register(f, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout_s
    timed_out = truncated = False
    total = 0
    while sel.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
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
                 env: dict[str, str] | None = None, image: str = "") -> RunResult:
    """Write `files` into a fresh workspace, run `argv` there, read back `collect`.

    The workspace is `/tmp/work` inside bwrap and docker (the only writable place) and a
    private temp dir with `none`. Paths in `argv` may use `{work}` for the workspace.
    With docker, `image` is the sandbox image the command runs in (one container per call,
    the workspace and `ro_paths` bind-mounted, killed by name on a timeout).
    """
    if isolation == "docker" and not image:
        from codevet.sandboxes.isolation.base import IsolationUnavailable

        raise IsolationUnavailable("docker isolation needs the sandbox's image for this command")
    container = None
    host_dir = Path(tempfile.mkdtemp(prefix="codevet-run-"))
    try:
        for name, content in files.items():
            path = host_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode() if isinstance(content, str) else content)
        if isolation == "bwrap":
            work = WORKDIR
            prefix = bwrap_argv(ro_paths=ro_paths, rw_binds={str(host_dir): work}, env=env,
                                tmp_mb=limits.workspace_mb, chdir=work)
            cmd, cwd, run_env = prefix + [a.replace("{work}", work) for a in argv], None, None
        elif isolation == "docker":
            from codevet.sandboxes.isolation.docker import Mount, container_name, docker_run_prefix

            work = WORKDIR
            os.chmod(host_dir, 0o777)  # the container's unprivileged user writes its outputs here
            container = container_name("run", 0)
            mounts = (Mount(str(host_dir), work, readonly=False), *(Mount(p, p) for p in ro_paths))
            prefix = docker_run_prefix(image, limits, container, {**BASE_ENV, **(env or {})}, mounts, work)
            cmd, cwd, run_env = prefix + [a.replace("{work}", work) for a in argv], None, dict(os.environ)
        else:
            work = str(host_dir)
            cmd, cwd, run_env = [a.replace("{work}", work) for a in argv], work, {**BASE_ENV, "HOME": work, "TMPDIR": work, **(env or {})}
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, env=run_env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True,
                                # a container has its own limits; the docker client needs none
                                preexec_fn=None if container else _limit_resources(limits))
        finished = False
        try:
            out, err, timed_out, truncated = pump(proc, limits.wall_s, limits.output_bytes)
            finished = not (timed_out or truncated)
        finally:
            if proc.poll() is None:
                kill_tree(proc)
            if container is not None and not finished:
                from codevet.sandboxes.isolation.docker import kill_container

                kill_container(container)  # the client was killed; its container was not
            proc.wait()
            for f in (proc.stdout, proc.stderr):
                if f:
                    f.close()
        result = RunResult(proc.returncode, out, err, timed_out, truncated, time.monotonic() - start)
        for name in collect:
            path = host_dir / name
            if path.is_file() and not path.is_symlink():
                result.files[name] = path.read_bytes()
        return result
    finally:
        shutil.rmtree(host_dir, ignore_errors=True)
