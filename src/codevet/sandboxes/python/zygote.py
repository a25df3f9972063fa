"""The warm worker that runs inside the isolation (stdlib and pytest only, no codevet).

Starting Python and pytest costs ~0.25 s per example; forking a process that has already
imported pytest *and started its session* costs ~13 ms. So this process configures one
pytest session over a fixed workspace path, then for every job forks a child that writes
the job's files, collects and runs them, and streams pytest's per-test reports back.

Each child (bwrap mode) lives in new PID and mount namespaces: it is PID 1 of its own
namespace with a fresh tmpfs on /tmp, so killing it kills everything it started, and
nothing it wrote survives. It drops to an unprivileged uid with rlimits before any
candidate code runs. Protocol on stdin/stdout: 4-byte big-endian length + JSON.

In docker mode the zygote is the main process of a container of its own (unprivileged,
no capabilities, so no namespaces per example): children run as in "none" mode, and
after each example every other process of the container is killed, so nothing an
example detached outlives it.
"""
from __future__ import annotations

import ctypes
import gc
import json
import os
import resource
import select
import shutil
import signal
import struct
import sys
import time

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
MS_REC, MS_PRIVATE = 0x4000, 0x40000
MS_RDONLY, MS_REMOUNT, MS_BIND = 0x1, 0x20, 0x1000
MS_NOSUID, MS_NODEV, MS_NOEXEC = 0x2, 0x4, 0x8
# statvfs flag -> mount flag. In a user namespace (not root) a bind mount's flags that came
# from the source mount (nosuid, nodev, ...) are locked: a read-only remount must repeat them.
_LOCKED = ((os.ST_NOSUID, 0x2), (os.ST_NODEV, 0x4), (os.ST_NOEXEC, 0x8), (os.ST_NOATIME, 0x400),
           (os.ST_NODIRATIME, 0x800), (os.ST_RELATIME, 0x200000))


def _locked_flags(path: str) -> int:
    f = os.statvfs(path).f_flag
    return sum(ms for st, ms in _LOCKED if f & st)
RESULT_CAP = 8 * 1024 * 1024
KEEP = 4096  # bytes of output kept from the head and from the tail

_libc = ctypes.CDLL(None, use_errno=True)


def _check(rc: int, what: str) -> None:
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 24, 38, 47, 4
CAP_LAST = 63
LINUX_CAPABILITY_VERSION_3 = 0x20080522


def drop_all_capabilities() -> None:
    """No capability left, none to regain: bounding set and ambient set emptied, the
    effective/permitted/inheritable sets zeroed, and no_new_privs (no setuid binary or file
    capability gives one back)."""
    for cap in range(CAP_LAST + 1):
        _libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)  # EINVAL past the kernel's last cap: fine
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    header = (ctypes.c_uint32 * 2)(LINUX_CAPABILITY_VERSION_3, 0)
    data = (ctypes.c_uint32 * 6)()
    _check(_libc.capset(header, data), "capset")
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")


def read_msg(fd: int):
    head = _read_exact(fd, 4)
    if head is None:
        return None
    (size,) = struct.unpack(">I", head)
    body = _read_exact(fd, size)
    return None if body is None else json.loads(body)


def _read_exact(fd: int, n: int) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def write_msg(fd: int, obj) -> None:
    data = json.dumps(obj).encode()
    _write_all(fd, struct.pack(">I", len(data)) + data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]



def _reported_pid(res: bytes | bytearray) -> int | None:
    """The example's pid from the intermediate's result line, once it has arrived (it is
    written first thing, so it is among the first lines)."""
    for line in bytes(res[:65536]).split(b"\n")[:-1]:
        if b'"pid"' in line:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict) and event.get("t") == "pid":
                return event.get("pid")
    return None


class Reporter:
    """pytest plugin: streams collection and per-phase reports to the result pipe."""

    def __init__(self) -> None:
        self.fd: int | None = None
        self.cases_only = True

    def send(self, obj) -> None:
        if self.fd is not None:
            try:
                _write_all(self.fd, (json.dumps(obj) + "\n").encode())
            except OSError:
                pass

    def pytest_collectreport(self, report) -> None:
        if report.failed:
            self.send({"t": "collect_error", "nodeid": report.nodeid, "message": report.longreprtext[-6000:]})
        elif report.skipped:
            why = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.send({"t": "collect_skipped", "nodeid": report.nodeid, "message": why[:2000]})

    def pytest_collection_modifyitems(self, session, config, items) -> None:
        if self.cases_only:  # the candidate's own test_* functions are not ours to run
            items[:] = [i for i in items if i.name.startswith("codevet_case_")]

    def pytest_collection_finish(self, session) -> None:
        self.send({"t": "collected", "nodeids": [i.nodeid for i in session.items]})

    def pytest_runtest_logreport(self, report) -> None:
        msg = ""
        if report.failed:
            msg = report.longreprtext[-6000:]
        elif report.skipped and isinstance(report.longrepr, tuple):
            msg = str(report.longrepr[2])[:2000]
        self.send({"t": "report", "nodeid": report.nodeid, "when": report.when,
                   "outcome": report.outcome, "message": msg, "duration": report.duration})

    def pytest_sessionfinish(self, session, exitstatus) -> None:
        self.send({"t": "finished", "exitstatus": int(exitstatus)})


class Zygote:
    def __init__(self, cfg: dict) -> None:
        self.mode = cfg["mode"]  # "bwrap" | "none" | "docker"
        self.uid = cfg.get("uid")
        # not root: the zygote holds every capability of its user namespace (it unshares
        # per example); the example gets none of them
        self.drop_caps = bool(cfg.get("drop_caps"))
        self.work = cfg["workspace"]
        self.tmp_root = cfg.get("tmp_root", "/tmp")
        self.limits = cfg["limits"]
        self.reporter = Reporter()
        # Paths under /tmp the example must still see (a venv there, installed packages):
        # bound back onto each example's fresh /tmp.
        self.keep = [p for p in cfg.get("keep", []) if os.path.isdir(p)]
        os.makedirs(self.work, exist_ok=True)
        self._start_session(cfg.get("pytest_args", []))

    def _start_session(self, extra: list[str]) -> None:
        import pytest  # noqa: F401  (imported here, once, for every child)
        from _pytest.config import ExitCode, get_config
        from _pytest.main import Session

        args = ["-s", "-p", "no:cacheprovider", "-p", "no:faulthandler", "-p", "no:terminal",
                "--rootdir", self.work, "-o", "python_functions=test* codevet_case_*",
                *extra, self.work]
        os.chdir(self.work)
        config = get_config(args, plugins=[self.reporter])
        pm = config.pluginmanager
        pm.register(self.reporter, "codevet-reporter")
        config = pm.hook.pytest_cmdline_parse(pluginmanager=pm, args=args)
        config._do_configure()
        session = Session.from_config(config)
        session.exitstatus = ExitCode.OK
        config.hook.pytest_sessionstart(session=session)
        self.config, self.session = config, session
        os.chdir("/")

    # ---- child side -------------------------------------------------------------------
    def _child(self, job: dict, res_w: int, out_w: int) -> None:
        """Runs as the example's own process. Never returns."""
        try:
            if self.mode == "bwrap":
                _check(_libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "make / private")
                opts = f"size={self.limits['workspace_mb']}m,mode=1777".encode()
                # opened in this mount namespace (a bind source must be in the caller's own)
                keep = [(p, os.open(p, os.O_PATH | os.O_DIRECTORY), _locked_flags(p)) for p in self.keep]
                _check(_libc.mount(b"tmpfs", self.tmp_root.encode(), b"tmpfs", 0, opts), "mount tmpfs")
                for path, fd, locked in keep:
                    os.makedirs(path, exist_ok=True)
                    _check(_libc.mount(f"/proc/self/fd/{fd}".encode(), path.encode(), None, MS_BIND | MS_REC, None),
                           f"bind {path}")
                    _check(_libc.mount(None, path.encode(), None, MS_REMOUNT | MS_BIND | MS_RDONLY | locked, None),
                           f"read-only {path}")
                    os.close(fd)
                # /proc of the example's own PID namespace: it sees only its own processes,
                # and a time limit inside it (a stdin/stdout case) reads the right ones
                _check(_libc.mount(b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, None), "mount proc")
                os.makedirs(self.work, exist_ok=True)
                self._write_files(job["files"])
            os.setsid()
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 0)
            os.dup2(out_w, 1)
            os.dup2(out_w, 2)
            for fd in (devnull, out_w):
                os.close(fd)
            os.closerange(3, res_w)
            os.closerange(res_w + 1, 65536)
            self._limit()
            _forbid_harness_kills()
            os.chdir(self.work)
            self.reporter.fd = res_w
            self.reporter.cases_only = job.get("cases_only", True)
            self.config.option.maxfail = int(job.get("maxfail", 0))  # this child's session only
            self._run_pytest()
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException as exc:  # a broken child must still say what happened
            try:
                self.reporter.fd = res_w
                self.reporter.send({"t": "aborted", "error": f"{type(exc).__name__}: {exc}"[:2000]})
            except BaseException:
                pass
        os._exit(0)

    def _write_files(self, files: dict) -> None:
        for name, text in files.items():
            path = os.path.join(self.work, name)
            with open(path, "w", encoding="utf-8", errors="surrogatepass") as fh:
                fh.write(text)
            if self.uid is not None:
                os.chown(path, self.uid, self.uid)
        if self.uid is not None:
            os.chown(self.work, self.uid, self.uid)
            if self.mode == "bwrap":
                os.chown(self.tmp_root, self.uid, self.uid)

    def _limit(self) -> None:
        lim = self.limits
        mb = 1024 * 1024
        pairs = [
            (resource.RLIMIT_AS, lim["memory_mb"] * mb),
            (resource.RLIMIT_FSIZE, lim["file_mb"] * mb),
            (resource.RLIMIT_CPU, lim["cpu_s"]),
            (resource.RLIMIT_NOFILE, lim["open_files"]),
            (resource.RLIMIT_CORE, 0),
        ]
        if lim.get("nproc"):
            pairs.append((resource.RLIMIT_NPROC, lim["nproc"]))
        for res, value in pairs:
            resource.setrlimit(res, (value, value))
        if self.drop_caps:
            drop_all_capabilities()
        if self.uid is not None:
            os.setgroups([])
            os.setgid(self.uid)
            os.setuid(self.uid)

    def _run_pytest(self) -> None:
        config, session = self.config, self.session
        try:
            config.hook.pytest_collection(session=session)
            config.hook.pytest_runtestloop(session=session)
        except (session.Interrupted, session.Failed):
            pass  # pytest's own way of stopping after collection errors or -x: a normal end
        except BaseException as exc:
            self.reporter.send({"t": "aborted", "error": f"{type(exc).__name__}: {exc}"[:2000]})
            return
        config.hook.pytest_sessionfinish(session=session, exitstatus=session.exitstatus)

    # ---- zygote side ------------------------------------------------------------------
    def run(self, job: dict) -> dict:
        if self.mode != "bwrap":
            shutil.rmtree(self.work, ignore_errors=True)
            os.makedirs(self.work)
            self._write_files(job["files"])
        res_r, res_w = os.pipe()
        out_r, out_w = os.pipe()
        start = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os.close(res_r)
            os.close(out_r)
            if self.mode == "bwrap":
                _check(_libc.unshare(CLONE_NEWPID | CLONE_NEWNS), "unshare")
                inner = os.fork()
                if inner:  # the intermediate: report the example's pid, wait, pass its status on
                    _write_all(res_w, (json.dumps({"t": "pid", "pid": inner}) + "\n").encode())
                    os.close(res_w)
                    os.close(out_w)
                    _, status = os.waitpid(inner, 0)
                    os._exit(128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status))
            self._child(job, res_w, out_w)
        os.close(res_w)
        os.close(out_w)
        try:
            return self._collect(pid, res_r, out_r, start, float(job["timeout"]), job.get("wall_cap"))
        finally:
            os.close(res_r)
            os.close(out_r)
            if self.mode != "bwrap":
                shutil.rmtree(self.work, ignore_errors=True)

    def _collect(self, pid: int, res_r: int, out_r: int, start: float, timeout: float,
                 wall_cap: float | None) -> dict:
        from codevet_support import OwnTimeLimit

        pidfd = os.pidfd_open(pid)
        res, head, tail = bytearray(), bytearray(), bytearray()
        out_total = 0
        timed_out = output_limit = False
        open_fds = {res_r, out_r}
        # the example's own time: load on the machine never turns into a timeout
        limit = OwnTimeLimit(timeout, wall_cap, start)
        example: int | None = pid if self.mode != "bwrap" else None  # bwrap: the pid the intermediate reports
        exited = False
        try:
            while open_fds or not exited:
                if example is None:
                    example = _reported_pid(res)
                left = limit.left_s(example)
                watched = list(open_fds) + ([] if exited else [pidfd])
                ready, _, _ = select.select(watched, [], [], max(left, 0))
                if left <= 0 and pidfd not in ready and not exited:  # still running at its limit
                    timed_out = True
                    break
                for fd in ready:
                    if fd == pidfd:
                        exited = True
                        continue
                    chunk = os.read(fd, 65536)
                    if not chunk:
                        open_fds.discard(fd)
                    elif fd == res_r:
                        if len(res) + len(chunk) > RESULT_CAP:
                            output_limit = True
                        res += chunk
                    else:
                        out_total += len(chunk)
                        if len(head) < KEEP:
                            head += chunk[: KEEP - len(head)]
                        tail = (tail + chunk)[-KEEP:]
                        if out_total > self.limits["output_bytes"]:
                            output_limit = True
                if output_limit:
                    break
                if exited and open_fds:
                    # The example is gone; what it wrote is in the pipes. Anything still
                    # holding them open is a leftover to be killed, not waited for.
                    for fd in list(open_fds):
                        os.set_blocking(fd, False)
                        try:
                            while chunk := os.read(fd, 65536):
                                if fd == res_r and len(res) < RESULT_CAP:
                                    res += chunk
                                elif fd == out_r:
                                    out_total += len(chunk)
                                    tail = (tail + chunk)[-KEEP:]
                        except BlockingIOError:
                            pass
                    break
        finally:
            os.close(pidfd)
        events = []
        for line in bytes(res).split(b"\n"):
            if line.strip():
                try:
                    events.append(json.loads(line))
                except ValueError:
                    events.append({"t": "garbage", "text": line[:200].decode(errors="replace")})
        inner = next((e["pid"] for e in events if e.get("t") == "pid"), None)
        self._kill(pid, inner)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            exit_info = {"signal": os.WTERMSIG(status)}
        else:
            code = os.WEXITSTATUS(status)
            exit_info = {"signal": code - 128} if self.mode == "bwrap" and code > 128 else {"code": code}
        if timed_out or output_limit:
            exit_info = {"killed": True}
        return {
            "events": [e for e in events if e.get("t") != "pid"],
            "exit": exit_info,
            "timed_out": timed_out,
            "output_limit": output_limit,
            "output_bytes": out_total,
            "output": _text(head) + ("\n...\n" + _text(tail) if out_total > KEEP else ""),
            "duration": time.monotonic() - start,
        }

    def _kill(self, pid: int, inner: int | None) -> None:
        if self.mode == "bwrap":
            # The example is PID 1 of its namespace: all of it dies with it, and it exits
            # only once every process of the namespace is gone. The intermediate waits for
            # it, so it is killed only when the example's pid is unknown: killed at once,
            # it let the next example start while a fork bomb's processes still counted
            # against the uid's RLIMIT_NPROC (that example's first fork failed: EAGAIN).
            try:
                os.kill(inner if inner else pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return
        try:
            os.killpg(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.mode == "docker" and _alone_in_container():
            me = os.getpid()
            for entry in os.listdir("/proc"):
                if entry.isdigit() and int(entry) not in (1, me):
                    try:
                        os.kill(int(entry), signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
        if self.uid is not None:  # whatever else runs as the example's uid escaped its group
            killer = os.fork()
            if killer == 0:
                try:
                    os.setgid(self.uid)
                    os.setuid(self.uid)
                    os.kill(-1, signal.SIGKILL)
                finally:
                    os._exit(0)
            os.waitpid(killer, 0)


def _alone_in_container() -> bool:
    """The sweep after an example kills every process but this one: only ever do that in
    a PID namespace of our own, where PID 1 is the container's init or this process."""
    if os.getpid() == 1:
        return True
    try:
        with open("/proc/1/cmdline", "rb") as fh:
            init = fh.read().split(b"\0")[0]
    except OSError:
        return False
    return os.path.basename(init) in (b"docker-init", b"tini", b"tini-static")


def _forbid_harness_kills() -> None:
    """Signals aimed at the harness (the parent, a process group, every process) are
    refused, so an example that tries it fails visibly instead of silently missing: in
    its own PID namespace the kill would simply have no target."""
    parent = os.getppid()

    def hook(event: str, args: tuple) -> None:
        if event == "os.killpg" or (event == "os.kill" and (args[0] <= 0 or (parent > 0 and args[0] == parent))):
            raise PermissionError(f"codevet: {event}{args} refused: examples may not signal the harness")
    sys.addaudithook(hook)


def _text(b: bytes | bytearray) -> str:
    return bytes(b).decode("utf-8", errors="replace")


PRELOAD = ("re", "math", "collections", "itertools", "functools", "heapq", "bisect", "string",
           "operator", "random", "decimal", "fractions", "statistics", "copy", "typing", "json",
           "datetime", "array", "cmath", "io", "textwrap", "unittest", "dataclasses", "enum",
           "hashlib", "struct", "sys", "os", "numbers")


def main() -> None:
    cfg = json.loads(sys.argv[1])
    proto_in, proto_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    sys.path.insert(0, cfg["support_dir"])
    sys.path.extend(cfg.get("site_dirs", []))  # installed --python-packages, after the harness's own
    import codevet_support  # noqa: F401
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    zygote = Zygote(cfg)
    gc.collect()
    gc.freeze()  # children then leave the parent's objects alone: far fewer copied pages
    import pytest

    write_msg(proto_out, {"ready": True, "pytest": pytest.__version__, "python": sys.version.split()[0]})
    while True:
        job = read_msg(proto_in)
        if job is None:
            return
        try:
            result = zygote.run(job)
        except Exception as exc:  # report, keep serving
            result = {"error": f"{type(exc).__name__}: {exc}"}
        write_msg(proto_out, result)


if __name__ == "__main__":
    main()
