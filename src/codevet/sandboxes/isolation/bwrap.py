"""The bubblewrap command line: what the sandboxed process can see and do.

Only the system directories, the Python installation and the paths a sandbox asks for
are visible, all read-only; /tmp is a private tmpfs. No network (own net namespace),
own PID/IPC/UTS namespaces, dies with its parent, empty environment.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

SYSTEM_DIRS = ("/usr", "/etc", "/opt")
SYMLINKS = {"/bin": "usr/bin", "/sbin": "usr/sbin", "/lib": "usr/lib", "/lib64": "usr/lib64"}

BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "TMPDIR": "/tmp",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONUNBUFFERED": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
}


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def python_paths() -> list[str]:
    """The interpreter's own tree and the environment's, so `sys.executable` runs inside."""
    paths = {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}
    exe = os.path.realpath(sys.executable)
    if not any(exe.startswith(p + os.sep) for p in paths):
        paths.add(os.path.dirname(exe))
    return sorted(paths)


def _parents(path: str) -> list[str]:
    parts = Path(path).parts
    return [str(Path(*parts[: i + 1])) for i in range(1, len(parts) - 1)]


def bwrap_argv(ro_paths: list[str] | tuple[str, ...] = (), rw_binds: dict[str, str] | None = None,
               env: dict[str, str] | None = None, tmp_mb: int = 256, share_net: bool = False,
               cap_add_all: bool = False, chdir: str = "/tmp", with_python: bool = True) -> list[str]:
    """The argv prefix; append the command after it."""
    exe = bwrap_path()
    if exe is None:
        raise FileNotFoundError("bwrap")
    argv = [exe, "--die-with-parent", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
            "--unshare-cgroup-try", "--new-session"]
    if not share_net:
        argv.append("--unshare-net")
    if os.geteuid() != 0:
        argv.append("--unshare-user")
    for d in SYSTEM_DIRS:
        if os.path.isdir(d):
            argv += ["--ro-bind", d, d]
    for link, target in SYMLINKS.items():
        if os.path.islink(link):
            argv += ["--symlink", target, link]
        elif os.path.isdir(link):
            argv += ["--ro-bind", link, link]
    argv += ["--proc", "/proc", "--dev", "/dev", "--size", str(tmp_mb * 1024 * 1024), "--tmpfs", "/tmp"]
    made: set[str] = {"/", "/usr", "/etc", "/opt", "/tmp", "/proc", "/dev"}
    binds = [(p, p, "--ro-bind") for p in (list(python_paths()) if with_python else []) + list(ro_paths)]
    binds += [(src, dst, "--bind") for src, dst in (rw_binds or {}).items()]
    for src, dst, flag in binds:
        for parent in _parents(dst):
            if parent not in made and not parent.startswith(("/usr/", "/etc/", "/tmp/", "/opt/")):
                argv += ["--perms", "0755", "--dir", parent]
                made.add(parent)
        argv += [flag, src, dst]
        made.add(dst)
    # example code gets no capability; a zygote that must unshare per example gets them
    # all (inside its own namespaces) and drops them in the example (python/zygote.py)
    argv += ["--cap-add", "ALL"] if cap_add_all else ["--cap-drop", "ALL"]
    argv += ["--clearenv"]
    for k, v in {**BASE_ENV, **(env or {})}.items():
        argv += ["--setenv", k, v]
    argv += ["--chdir", chdir, "--"]
    return argv


@functools.lru_cache(maxsize=1)
def bwrap_works() -> bool:
    """Can we make namespaces here (root, or unprivileged user namespaces)?"""
    if bwrap_path() is None:
        return False
    try:
        proc = subprocess.run(bwrap_argv() + [sys.executable, "-I", "-c", "print('ok')"],
                              capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0 and proc.stdout.strip() == b"ok"


def bwrap_problem() -> str:
    if bwrap_path() is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    try:
        proc = subprocess.run(bwrap_argv() + ["/bin/true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return str(exc)
    return proc.stderr.decode(errors="replace").strip() or f"exit {proc.returncode}"
