"""Warm zygote workers, one per job slot, each inside its own isolation.

The host talks to a zygote over its stdin/stdout. A zygote that stops answering (it was
killed, or the machine is in trouble) is killed with everything under it and restarted;
the example it was running gets a verdict, never a hang.
"""
from __future__ import annotations

import json
import os
import queue
import selectors
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
import time
from dataclasses import dataclass
from pathlib import Path

from codevet.core.resources import package_dir
from codevet.sandboxes.isolation.bwrap import BASE_ENV, bwrap_argv, python_paths
from codevet.sandboxes.isolation.cgroups import WorkerCgroup

HERE = package_dir(__package__)
ZYGOTE = HERE / "zygote.py"
SUPPORT = HERE / "support"
GRACE_S = 15.0
START_TIMEOUT_S = 60.0
# why an example got no verdict when the pool stopped under it: it says nothing of the example
CLOSED = "the sandbox was closed (the run ended or was interrupted)"


class WorkerCrashed(RuntimeError):
    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(message)
        self.stderr = stderr


class WorkerStartFailed(WorkerCrashed):
    """The sandbox could not start (bwrap refused, limits too tight): nothing is known about
    the example, so its verdict is an `error`, never cached."""


@dataclass(frozen=True)
class WorkerSpec:
    isolation: str  # bwrap | docker | none
    memory_mb: int
    file_mb: int
    cpu_s: int
    nproc: int
    open_files: int
    output_bytes: int
    workspace_mb: int
    image: str = ""  # docker: the python sandbox image
    site_dirs: tuple[str, ...] = ()  # installed --python-packages, added to the examples' sys.path


def sandbox_uid_base() -> int:
    # Distinct unprivileged uids per concurrent run and slot: RLIMIT_NPROC counts per uid.
    return 200_000 + (os.getpid() % 10_000) * 64


def python_readable_by_others() -> bool:
    """`none` can drop to another uid only if that uid can still read the interpreter."""
    for root in {os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix)}:
        parts = Path(root).parts
        for i in range(1, len(parts) + 1):
            mode = os.stat(os.path.join(*parts[:i])).st_mode
            if not mode & 0o001:
                return False
    return True


class ZygoteWorker:
    def __init__(self, index: int, spec: WorkerSpec, spawner: ThreadPoolExecutor,
                 closed: threading.Event | None = None) -> None:
        self.index = index
        self.spec = spec
        # Set when the pool is stopped (the run ends or is interrupted): a thread still
        # holding this worker must not start a new zygote that nobody would stop.
        self.closed = closed or threading.Event()
        # bwrap --die-with-parent uses PR_SET_PDEATHSIG, which fires when the *thread*
        # that forked it exits; so every worker is spawned from one long-lived thread.
        self.spawner = spawner
        self.proc: subprocess.Popen | None = None
        self.host_dir: Path | None = None
        self.cgroup: WorkerCgroup | None = None
        self.info: dict = {}
        self._stderr_file = None
        self.container: str | None = None  # docker: this worker's container name

    # -- lifecycle ------------------------------------------------------------------------
    def _docker_config(self) -> tuple[list[str], dict | None]:
        """One long-lived container per worker, running the zygote in its docker mode."""
        from codevet.sandboxes.isolation.base import Limits
        from codevet.sandboxes.isolation.docker import IN_IMAGE_ROOT, container_name, run_argv

        spec = self.spec
        limits = {"memory_mb": spec.memory_mb, "file_mb": spec.file_mb, "cpu_s": spec.cpu_s,
                  "open_files": spec.open_files, "output_bytes": spec.output_bytes,
                  "workspace_mb": spec.workspace_mb, "nproc": 0}  # --pids-limit bounds processes
        home = f"{IN_IMAGE_ROOT}/python"
        cfg = {"mode": "docker", "uid": None, "workspace": "/tmp/work", "support_dir": f"{home}/support",
               "limits": limits}
        self.container = container_name("py", self.index)
        argv = run_argv(spec.image, Limits(memory_mb=spec.memory_mb, processes=spec.nproc, file_mb=spec.file_mb,
                                           open_files=spec.open_files, workspace_mb=spec.workspace_mb),
                        self.container, BASE_ENV, interactive=True,
                        memory_mb=spec.memory_mb * 2 + spec.workspace_mb * 2 + 512, pids=spec.nproc * 4 + 64)
        argv += ["python3", "-I", f"{home}/zygote.py", json.dumps(cfg)]
        return argv, dict(os.environ)  # the docker client's own environment, not the example's

    def _config(self) -> tuple[list[str], dict | None]:
        """The command that starts this worker's zygote, and its environment."""
        spec = self.spec
        if spec.isolation == "docker":
            return self._docker_config()
        root = os.geteuid() == 0
        uid = sandbox_uid_base() + self.index if root and (spec.isolation == "bwrap" or python_readable_by_others()) else None
        limits = {"memory_mb": spec.memory_mb, "file_mb": spec.file_mb, "cpu_s": spec.cpu_s,
                  "open_files": spec.open_files, "output_bytes": spec.output_bytes,
                  "workspace_mb": spec.workspace_mb,
                  # RLIMIT_NPROC only means something for a uid of our own.
                  "nproc": spec.nproc if uid is not None else 0}
        if spec.isolation == "bwrap":
            if uid is None:
                # not root: the worker has a user namespace of its own, where RLIMIT_NPROC
                # counts only its processes (the zygote and its PID-1 helper, hence +2),
                # not the user's others; and the example drops every capability
                limits["nproc"] = spec.nproc + 2
            ro = [str(HERE), *spec.site_dirs]
            # The example's own tmpfs on /tmp would hide whatever of these lives under /tmp
            # (a venv made there): the zygote puts them back in every example.
            keep = [p for p in python_paths() + ro if p == "/tmp" or p.startswith("/tmp/")]
            cfg = {"mode": "bwrap", "uid": uid, "workspace": "/tmp/work", "tmp_root": "/tmp",
                   "support_dir": str(SUPPORT), "limits": limits, "site_dirs": list(spec.site_dirs), "keep": keep,
                   "drop_caps": uid is None}
            argv = bwrap_argv(ro_paths=ro, cap_add_all=True, tmp_mb=spec.workspace_mb * 2 + 64)
            argv += [sys.executable, "-I", str(ZYGOTE), json.dumps(cfg)]
            return argv, None
        self.host_dir = Path(tempfile.mkdtemp(prefix=f"codevet-w{self.index}-"))
        os.chmod(self.host_dir, 0o755)
        tmp = self.host_dir / "tmp"
        tmp.mkdir()
        if uid is not None:
            os.chown(tmp, uid, uid)
        cfg = {"mode": "none", "uid": uid, "workspace": str(self.host_dir / "work"),
               "support_dir": str(SUPPORT), "limits": limits, "site_dirs": list(spec.site_dirs)}
        env = {**BASE_ENV, "HOME": str(tmp), "TMPDIR": str(tmp)}
        return [sys.executable, "-I", str(ZYGOTE), json.dumps(cfg)], env

    def start(self) -> None:
        argv, env = self._config()
        if self.spec.isolation != "docker":  # a container has its own memory and pids limits
            self.cgroup = WorkerCgroup(f"{os.getpid()}-py{self.index}-{time.monotonic_ns()}",
                                       pids_max=self.spec.nproc * 4 + 64,
                                       memory_bytes=(self.spec.memory_mb * 2 + self.spec.workspace_mb * 2 + 512) * 1024 * 1024)
            argv = self.cgroup.enter_command() + argv
        self._stderr_file = tempfile.TemporaryFile()
        self.proc = self.spawner.submit(
            subprocess.Popen, argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr_file,
            env=env if env is not None else {"PATH": BASE_ENV["PATH"]}, start_new_session=True,
            close_fds=True).result()
        ready = self._read(START_TIMEOUT_S)
        if self.closed.is_set():  # the pool was stopped while this one was starting
            self.stop()
            raise WorkerStartFailed(f"{CLOSED} while a python worker started")
        if not ready or not ready.get("ready"):
            tail = self.stderr_tail()  # before stop() closes the file it is in
            self.stop()
            raise WorkerStartFailed("python worker did not start", tail)
        self.info = ready

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            try:
                proc.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            proc.kill()
            proc.wait()
            proc.stdout.close()  # type: ignore[union-attr]
        if self.container is not None:  # killing the client does not stop its container
            from codevet.sandboxes.isolation.docker import kill_container

            kill_container(self.container)
            self.container = None
        if self.cgroup is not None:
            self.cgroup.remove()
            self.cgroup = None
        if self.host_dir is not None:
            shutil.rmtree(self.host_dir, ignore_errors=True)
            self.host_dir = None
        if self._stderr_file is not None:
            self._stderr_file.close()
            self._stderr_file = None

    def stderr_tail(self, n: int = 3000) -> str:
        f = self._stderr_file
        if f is None:
            return ""
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - n))
        return f.read().decode(errors="replace")

    # -- protocol -------------------------------------------------------------------------
    def _read(self, timeout: float) -> dict | None:
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        head = self._read_exact(fd, 4, deadline)
        if head is None:
            return None
        (size,) = struct.unpack(">I", head)
        body = self._read_exact(fd, size, deadline)
        return None if body is None else json.loads(body)

    def _read_exact(self, fd: int, n: int, deadline: float) -> bytes | None:
        """`n` bytes, or None at EOF, at the deadline, or once the pool is closed. The wait
        is sliced: a stop() from another thread may close this fd, and a closed fd never
        wakes a selector, so without the slices an interrupted run would wait out the
        example's whole limit here."""
        buf = bytearray()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            while len(buf) < n:
                left = deadline - time.monotonic()
                if left <= 0 or self.closed.is_set():
                    return None
                if not sel.select(min(left, 0.25)):
                    continue
                try:
                    chunk = os.read(fd, n - len(buf))
                except OSError:
                    return None
                if not chunk:
                    return None
                buf += chunk
        return bytes(buf)

    def run(self, job: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.stop()
            if self.closed.is_set():
                raise WorkerStartFailed(CLOSED)
            self.start()
        data = json.dumps(job).encode()
        try:
            self.proc.stdin.write(struct.pack(">I", len(data)) + data)  # type: ignore[union-attr]
            self.proc.stdin.flush()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError) as exc:
            tail = self.stderr_tail()
            self.stop()
            raise WorkerCrashed(f"python worker went away: {exc}", tail) from exc
        proc = self.proc  # stop() from another thread (an interrupt) may clear self.proc
        reply = self._read(timeout + GRACE_S)
        if reply is None and self.closed.is_set():  # stopped under it: says nothing of the example
            self.stop()
            raise WorkerStartFailed(f"{CLOSED} during the example")
        if reply is None:
            try:
                proc.wait(timeout=0.5)  # type: ignore[union-attr]
            except subprocess.TimeoutExpired:
                pass
            tail = f"[worker exit status {proc.returncode}] " + self.stderr_tail()  # type: ignore[union-attr]
            self.stop()
            raise WorkerCrashed("python worker died or stopped answering during the example", tail)
        return reply


class WorkerPool:
    """Up to `size` warm workers handed out to threads one at a time.

    Only the first worker starts with the pool (so a sandbox that cannot start says so at
    once); the others start when that many examples run at the same time. A run of three
    examples with `--jobs 64`, or a sequential caller, starts one or two workers instead of
    64 (each is a bwrap namespace, an interpreter and pytest, ~0.3 CPU s). The free list is
    last-in first-out, so a sequential caller keeps getting the warm worker back."""

    def __init__(self, size: int, spec: WorkerSpec) -> None:
        self.spec = spec
        self.spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="codevet-spawner")
        self.closed = threading.Event()
        self.workers = [ZygoteWorker(i, spec, self.spawner, self.closed) for i in range(size)]
        self.free: queue.LifoQueue[ZygoteWorker] = queue.LifoQueue()
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self.closed.clear()
            first = self.workers[0]
            try:
                first.start()
            except BaseException:
                first.stop()
                raise
            for w in reversed(self.workers):  # the started one on top; the rest start on first use
                self.free.put(w)
            self._started = True

    def run(self, job: dict, timeout: float) -> dict:
        while True:  # stop() empties `free`: a caller waiting there must not wait forever
            if self.closed.is_set():
                raise WorkerStartFailed(CLOSED)
            try:
                worker = self.free.get(timeout=0.25)
                break
            except queue.Empty:
                continue
        try:
            return worker.run(job, timeout)
        finally:
            self.free.put(worker)

    def stop(self) -> None:
        self.closed.set()  # first, and outside the lock: no thread starts a worker from now on
        with self._lock:
            for w in self.workers:
                w.stop()
            self._started = False
            while not self.free.empty():
                self.free.get_nowait()
