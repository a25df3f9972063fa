"""The Docker isolation backend: each sandbox's code runs in its image from `dockerfiles/`.

Every container gets the same hardening (see `run_argv`): no network (`--network none`),
a read-only root with a tmpfs work dir, memory / pids / CPU limits, an unprivileged user
(10001), every capability dropped, `no-new-privileges`, an init process (so orphans are
reaped), and auto-removal. Images are tagged with a hash of their Dockerfile and of the
files it copies in, so a stale image is never used for a newer sandbox.

- python: warm pools. Each worker slot is one long-lived container running the same
  pytest zygote as the other backends, in its "docker" mode (per-example children as in
  "none"; the container is the isolation boundary, and after each example every process
  of the container except the zygote is killed). The host speaks the zygote protocol over
  the container's stdin/stdout (`docker run -i`).
- oot: warm containers too (`WarmContainers`): one long-lived container per concurrent
  compile, the workspace and the header set bind-mounted (read-write and read-only), each
  compile a `docker exec` under an in-container `timeout`; a container whose compile
  overran is killed and replaced.
- threejs: each worker's browser is a warm container (`browser_launcher`): Playwright
  launches `docker run -i IMAGE <chromium flags>` as if it were Chromium and speaks CDP
  over the client's stdin/stdout (Chromium's --remote-debugging-pipe fds, mapped by the
  image's entrypoint). Every page request is still answered by the host's router.

The engine is reached through the `docker` SDK (ping, image build, inspection, killing
leftover containers); the warm workers' streams go through the `docker` CLI, which
de-multiplexes stdout for us. `auto` never picks this backend: only `--isolation docker`.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from codevet.core.resources import package_dir
from codevet.sandboxes.isolation.base import IsolationUnavailable, Limits

ROOT = package_dir("codevet")  # the build context: paths in the Dockerfiles are package-relative
DOCKERFILES = ROOT / "dockerfiles"
WHEELS = DOCKERFILES / "wheels"  # filled by download_wheels, not committed
SANDBOX_USER = "10001:10001"
LABEL = "codevet.sandbox"
# One image per sandbox that has a Dockerfile.
LANGUAGES = tuple(sorted(p.name.split(".")[0] for p in DOCKERFILES.glob("*.Dockerfile")))
# Where the images keep codevet's own in-sandbox code: /opt/codevet/<language> (the COPY
# targets in the Dockerfiles).
IN_IMAGE_ROOT = "/opt/codevet"

KNOWN_INSTRUCTIONS = {"FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
                      "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"}


# -- the engine ---------------------------------------------------------------------------

def docker_problem() -> str | None:
    """Why the Docker backend cannot be used here, or None when an engine answers."""
    try:
        import docker
    except ImportError:
        return "the docker SDK is not installed (pip install 'codevet[docker]')"
    try:
        client = docker.from_env(timeout=5)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:  # DockerException, connection refused, no socket, ...
        return f"no Docker engine answers on this machine ({type(exc).__name__}: {str(exc)[:200]})"
    if shutil.which("docker") is None:
        return "the docker CLI is not on PATH (the warm workers stream through `docker run -i`)"
    return None


@functools.lru_cache(maxsize=1)
def docker_works() -> bool:
    return docker_problem() is None


def require_docker() -> None:
    problem = docker_problem()
    if problem is not None:
        raise IsolationUnavailable(f"--isolation docker was asked for, but {problem}. "
                                   "Use --isolation bwrap (the default where it works) or see `codevet doctor`.")


def client():
    import docker

    return docker.from_env(timeout=30)


# -- images -------------------------------------------------------------------------------

def dockerfile(language: str) -> Path:
    return DOCKERFILES / f"{language}.Dockerfile"


def copied_sources(text: str) -> list[Path]:
    """The build-context paths a Dockerfile COPYs in (they are part of the image's tag).
    The downloaded wheels are not: the pins that name them are in the Dockerfile."""
    found: list[Path] = []
    for instr, args in instructions(text):
        if instr != "COPY":
            continue
        parts = [p for p in shlex.split(args) if not p.startswith("--")]
        for src in parts[:-1]:
            path = ROOT / src
            if path == WHEELS:
                continue
            if path.is_dir():
                found += sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                                and "node_modules" not in p.parts)
            elif path.is_file():
                found.append(path)
    return found


def image_tag(language: str) -> str:
    """A hash of the Dockerfile and of what it copies in; the base image an image was
    built from is in its labels, not its tag, so a run finds it whatever base was used."""
    path = dockerfile(language)
    h = hashlib.sha256(path.read_bytes())
    for src in copied_sources(path.read_text()):
        h.update(str(src.relative_to(ROOT)).encode() + b"\0" + src.read_bytes())
    return h.hexdigest()[:12]


def image_ref(language: str) -> str:
    return f"codevet/{language}:{image_tag(language)}"


def download_wheels(text: str, log=print) -> None:
    """The pinned pip packages a Dockerfile installs `--no-index` from dockerfiles/wheels,
    fetched by the host's pip (its index, proxy and certificates), so the build needs no
    PyPI access of its own."""
    pins = [pkg for m in _PIP_INSTALL.finditer(text) for pkg in _packages(m.group(1)) if "==" in pkg]
    WHEELS.mkdir(parents=True, exist_ok=True)
    if not pins:
        return
    log(f"downloading wheels for {' '.join(pins)} into {WHEELS.relative_to(ROOT)}")
    out = subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
                          "--python-version", "3.11", "--dest", str(WHEELS), *pins],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"pip download {' '.join(pins)} failed: {out.stderr.strip()[-500:]}")


def build_image(language: str, log=print, base: str | None = None) -> str:
    """`codevet images build`: build one sandbox image from the repository root.
    `base` overrides the Dockerfile's BASE (any Debian 12 image; see scripts/docker-base.sh)."""
    ref = image_ref(language)
    download_wheels(dockerfile(language).read_text(), log)
    cli = client()
    try:
        _, stream = cli.images.build(path=str(ROOT), dockerfile=str(dockerfile(language).relative_to(ROOT)),
                                     tag=ref, rm=True, forcerm=True, buildargs={"BASE": base} if base else None,
                                     labels={LABEL: language, LABEL + ".base": base or "default"})
        for chunk in stream:
            if "stream" in chunk and chunk["stream"].strip():
                log(chunk["stream"].rstrip())
    finally:
        cli.close()
    return ref


def image_present(language: str) -> bool:
    import docker

    cli = client()
    try:
        cli.images.get(image_ref(language))
        return True
    except docker.errors.ImageNotFound:
        return False
    finally:
        cli.close()


def require_image(language: str) -> str:
    require_docker()
    if not image_present(language):
        raise IsolationUnavailable(f"the {language} sandbox image {image_ref(language)} is not built: "
                                   f"run `codevet images build {language}`")
    return image_ref(language)


# -- containers ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Mount:
    source: str
    target: str
    readonly: bool = True


def run_argv(image: str, limits: Limits, name: str, env: dict[str, str], mounts: tuple[Mount, ...] = (),
             interactive: bool = False, workdir: str = "/tmp", tmp_mb: int | None = None, cpus: float = 1.0,
             run_label: str = "", memory_mb: int | None = None, pids: int | None = None) -> list[str]:
    """`docker run ...` up to the image; append the command. Every hardening flag is here."""
    tmp = tmp_mb or limits.workspace_mb * 2 + 64
    memory = memory_mb or limits.memory_mb + 256
    argv = ["docker", "run", "--rm", "--name", name, "--label", f"{LABEL}={run_label or name}",
            "--network", "none", "--read-only",
            "--tmpfs", f"/tmp:rw,nosuid,nodev,size={tmp}m,mode=1777",
            "--user", SANDBOX_USER, "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
            "--init", "--ipc", "private",
            "--memory", f"{memory}m", "--memory-swap", f"{memory}m",
            "--pids-limit", str(pids or limits.processes), "--cpus", f"{cpus:g}",
            "--ulimit", f"nofile={limits.open_files}:{limits.open_files}",
            "--ulimit", f"fsize={limits.file_mb * 1024 * 1024}:{limits.file_mb * 1024 * 1024}",
            "--ulimit", "core=0:0", "--workdir", workdir]
    if interactive:
        argv.append("-i")
    for m in mounts:
        argv += ["--mount", f"type=bind,source={m.source},target={m.target}" + (",readonly" if m.readonly else "")]
    for k, v in env.items():
        argv += ["--env", f"{k}={v}"]
    return argv + [image]


def kill_container(name: str) -> None:
    """Best effort: a container whose client was killed keeps running until told."""
    try:
        subprocess.run(["docker", "kill", name], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        pass


# -- Dockerfile checks (tests and `codevet doctor`) ---------------------------------------

def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with line continuations joined and comments dropped."""
    out: list[tuple[str, str]] = []
    buf = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if buf and line.startswith("#"):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        buf += line
        word, _, rest = buf.strip().partition(" ")
        out.append((word.upper() if word.upper() in KNOWN_INSTRUCTIONS else word, rest.strip()))
        buf = ""
    if buf.strip():
        word, _, rest = buf.strip().partition(" ")
        out.append((word, rest.strip()))
    return out


_APT_INSTALL = re.compile(r"apt-get\s+install\s+([^;&|]*)")
_PIP_INSTALL = re.compile(r"pip3?\s+install\s+([^;&|]*)")
_NPM_INSTALL = re.compile(r"npm\s+(?:install|i|add)\s+([^;&|]*)")
_FETCH = re.compile(r"(?<![\w.-])(curl|wget)\s|\bADD\s+https?://", re.IGNORECASE)


def _packages(args: str) -> list[str]:
    return [w for w in args.split() if not w.startswith("-")]


def lint_dockerfile(text: str) -> list[str]:
    """Problems with a sandbox Dockerfile: unknown instructions, an unpinned base image or
    package, a network fetch, a root user. An empty list means it passes."""
    problems: list[str] = []
    ins = instructions(text)
    if not ins or ins[0][0] not in ("FROM", "ARG"):
        problems.append("the first instruction must be FROM (or ARG)")
    users: list[str] = []
    arg_defaults: dict[str, str] = {}
    for instr, args in ins:
        if instr not in KNOWN_INSTRUCTIONS:
            problems.append(f"unknown instruction {instr!r}")
            continue
        if instr == "ARG":
            name, eq, default = args.partition("=")
            if eq:
                arg_defaults[name.strip()] = default.strip().strip('"')
        if instr == "FROM":
            image = re.sub(r"\$\{?(\w+)\}?", lambda m: arg_defaults.get(m.group(1), m.group(0)), args.split()[0])
            if "$" in image:
                problems.append(f"base image {args.split()[0]!r} names an ARG with no default")
                continue
            ref = image.split("@", 1)
            name_tag = ref[0].rsplit("/", 1)[-1]
            tag = name_tag.split(":", 1)[1] if ":" in name_tag else ""
            if len(ref) == 1 and (not tag or tag == "latest" or not re.search(r"\d", tag)):
                problems.append(f"base image {image!r} is not pinned to a versioned tag or a digest")
        if instr == "ADD" and re.search(r"https?://", args):
            problems.append(f"ADD fetches from the network: {args[:80]}")
        if instr in ("RUN", "CMD", "ENTRYPOINT") and _FETCH.search(args):
            problems.append(f"{instr} fetches from the network with curl/wget: {args[:80]}")
        if instr in ("CMD", "ENTRYPOINT") and re.search(r"\b(apt-get|pip3?|npm|npx)\b", args):
            problems.append(f"{instr} installs at run time: {args[:80]}")
        if instr == "RUN":
            for m in _APT_INSTALL.finditer(args):
                for pkg in _packages(m.group(1)):
                    if "=" not in pkg:
                        problems.append(f"apt package {pkg!r} is not pinned (pkg=version)")
            for m in _PIP_INSTALL.finditer(args):
                for pkg in _packages(m.group(1)):
                    if "==" not in pkg:
                        problems.append(f"pip package {pkg!r} is not pinned (pkg==version)")
            for m in _NPM_INSTALL.finditer(args):
                for pkg in _packages(m.group(1)):
                    if not re.search(r".@\d", pkg):
                        problems.append(f"npm package {pkg!r} is not pinned (pkg@version)")
        if instr == "USER":
            users.append(args.split()[0])
    if not users:
        problems.append("no USER: the sandbox would run as root")
    elif users[-1].split(":")[0] in ("root", "0"):
        problems.append(f"the final USER is root ({users[-1]})")
    return problems


def doctor_rows() -> list[tuple[str, bool, str]]:
    problem = docker_problem()
    rows = [("isolation: docker", problem is None,
             "engine reachable (use --isolation docker)" if problem is None else problem)]
    for language in LANGUAGES:
        path = dockerfile(language)
        if not path.is_file():
            rows.append((f"docker image: {language}", False, f"{path} is missing"))
            continue
        lint = lint_dockerfile(path.read_text())
        if lint:
            rows.append((f"docker image: {language}", False, f"{path.name}: " + "; ".join(lint)))
        elif problem is not None:
            rows.append((f"docker image: {language}", False, f"{path.name} checked; no engine to build "
                         f"{image_ref(language)} with"))
        else:
            have = image_present(language)
            rows.append((f"docker image: {language}", have, image_ref(language) + (" built" if have else
                         f" not built: codevet images build {language}")))
    return rows


def container_name(kind: str, index: int) -> str:
    return f"codevet-{kind}-{os.getpid()}-{index}-{os.urandom(3).hex()}"


def kill_labelled(run_label: str, settle_s: float = 30.0) -> None:
    """Kill every container of one run (a crashed client leaves its container running), then
    wait (up to `settle_s`) until the engine has removed them all: `docker kill` returns
    before `--rm` has removed a container, so without the wait a caller (or a test) that
    looks right after still sees it."""
    import time

    def listed(all_states: bool) -> list[str]:
        return subprocess.run(["docker", "ps", *(["-a"] if all_states else []), "-q", "--filter",
                               f"label={LABEL}={run_label}"], capture_output=True, text=True, timeout=20).stdout.split()
    try:
        ids = listed(False)
        if ids:
            subprocess.run(["docker", "kill", *ids], capture_output=True, timeout=30)
        deadline = time.monotonic() + settle_s
        while listed(True) and time.monotonic() < deadline:
            time.sleep(0.2)
    except (OSError, subprocess.TimeoutExpired):
        pass


# -- warm containers for one-shot tools (the OoT compiler) --------------------------------

@dataclass
class WarmContainer:
    name: str
    host_dir: Path  # bind-mounted read-write at the workspace
    inside: dict[str, str]  # read-only host path -> where the container sees it


def container_path(arg: str, inside: dict[str, str]) -> str:
    """`arg` with every mounted host path replaced by the container's name for it."""
    for host in sorted(inside, key=len, reverse=True):
        arg = arg.replace(host, inside[host])
    return arg


# Run as the sandbox's user in a warm container between two examples. Processes are
# killed until none but init (PID 1), the keeper (the lowest other PID: started first) and
# this shell remain; a fork loop that outlives 20 rounds fails the scrub.
SCRUB_SCRIPT = r"""
keeper=$(ls /proc | grep -E '^[0-9]+$' | grep -vx 1 | sort -n | head -n 1)
i=0
while :; do
  left=0
  for p in $(ls /proc | grep -E '^[0-9]+$'); do
    case "$p" in 1|"$keeper"|"$$") continue ;; esac
    [ "$(cat /proc/$p/stat 2>/dev/null | cut -d' ' -f4)" = "$$" ] && continue
    kill -9 "$p" 2>/dev/null && left=1
  done
  [ "$left" = 0 ] && break
  i=$((i + 1)); [ "$i" -ge 20 ] && exit 1
done
find /tmp /dev/shm -mindepth 1 -maxdepth 1 ! -path {workdir} -exec rm -rf {{}} + 2>/dev/null
find /tmp /dev/shm -mindepth 1 -maxdepth 1 ! -path {workdir} | grep -q . && exit 1
exit 0
"""


class WarmContainers:
    """Long-lived containers of one image, one per concurrent caller: a compile becomes a
    `docker exec` (~0.1 s) instead of a `docker run` (~0.5 s and more). Each container has
    its own bind-mounted workspace, emptied before every use. A container whose command
    overran or flooded is killed and replaced, so nothing of one example reaches the next.
    """

    def __init__(self, image: str, limits: Limits, workdir: str, scrub: bool = False) -> None:
        self.image = image
        self.limits = limits
        self.workdir = workdir
        # Untrusted programs (the polyglot ladder runs the answers) may leave a daemon or
        # files in /tmp behind: with `scrub`, each container is scrubbed after every use.
        self.scrub = scrub
        self.run_label = f"codevet-warm-{os.getpid()}-{os.urandom(3).hex()}"
        self._idle: list[WarmContainer] = []
        self._lock = threading.Lock()
        self._count = 0
        self.started = 0

    def acquire(self, ro_paths: tuple[str, ...]) -> WarmContainer:
        with self._lock:
            for i, c in enumerate(self._idle):
                if tuple(c.inside) == ro_paths:
                    return self._idle.pop(i)
            self._count += 1
            index = self._count
        return self._start(ro_paths, index)

    def release(self, container: WarmContainer) -> None:
        with self._lock:
            self._idle.append(container)

    def discard(self, container: WarmContainer) -> None:
        kill_container(container.name)
        shutil.rmtree(container.host_dir, ignore_errors=True)

    def _start(self, ro_paths: tuple[str, ...], index: int) -> WarmContainer:
        host_dir = Path(tempfile.mkdtemp(prefix="codevet-warm-"))
        os.chmod(host_dir, 0o777)  # the container's unprivileged user writes its outputs here
        name = container_name("warm", index)
        # Host paths are mounted under /opt/codevet/ro/N, not at their own names: those may
        # sit under folders the container's user cannot enter (/root/.cache/...).
        inside = {p: f"/opt/codevet/ro/{i}" for i, p in enumerate(ro_paths)}
        mounts = (Mount(str(host_dir), self.workdir, readonly=False), *(Mount(p, q) for p, q in inside.items()))
        argv = run_argv(self.image, self.limits, name, {}, mounts, workdir=self.workdir,
                        run_label=self.run_label)
        argv.insert(2, "--detach")
        out = subprocess.run(argv + ["sleep", "infinity"], capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            shutil.rmtree(host_dir, ignore_errors=True)
            raise IsolationUnavailable(f"cannot start a warm {self.image} container: {out.stderr.strip()[:300]}")
        self.started += 1
        return WarmContainer(name, host_dir, inside)

    def exec_argv(self, container: WarmContainer, argv: list[str], env: dict[str, str],
                  wall_s: float | None = None) -> list[str]:
        """`docker exec` of argv in the container, under an in-container wall-clock kill of
        its whole process group (coreutils `timeout`), the host's deadline being the backstop.
        Host paths in argv and in env values (a tool's location) become the container's names."""
        cmd = ["docker", "exec", "--workdir", self.workdir]
        for k, v in env.items():
            cmd += ["--env", f"{k}={container_path(v, container.inside)}"]
        return cmd + [container.name, "timeout", "-s", "KILL", f"{wall_s or self.limits.wall_s:g}",
                      *(container_path(a, container.inside) for a in argv)]

    def scrubbed(self, container: WarmContainer) -> bool:
        """Kill every process the last example left in the container (all but its init and
        the `sleep` that keeps it up, the lowest PID after init) and empty /tmp outside the
        workspace and /dev/shm. False when something survived: the caller discards it."""
        try:
            out = subprocess.run(["docker", "exec", container.name, "/bin/sh", "-c", SCRUB_SCRIPT.format(
                workdir=self.workdir)], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return out.returncode == 0

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for c in idle:
            shutil.rmtree(c.host_dir, ignore_errors=True)
        kill_labelled(self.run_label)


# -- a browser in a container (the three.js sandbox) --------------------------------------

def browser_launcher(image: str, limits: Limits, run_label: str, directory: Path) -> Path:
    """A script Playwright can launch as if it were Chromium: it runs the browser image with
    Playwright's flags and hands the CDP pipe (fds 3 and 4, which `docker run` does not
    pass on) over as the client's stdin and stdout. When the client goes (Playwright
    closes the browser or kills its process), stdin closes, Chromium sees its pipe end and
    exits, and the container is removed (--rm); `kill_labelled(run_label)` is the backstop."""
    argv = run_argv(image, limits, "__NAME__", {}, interactive=True, run_label=run_label,
                    cpus=float(os.cpu_count() or 1), memory_mb=max(2048, limits.memory_mb * 2),
                    pids=max(512, limits.processes))
    # one name per launch, made by the shell: the same script starts every relaunch
    command = " ".join(shlex.quote(a) for a in argv).replace("__NAME__", "codevet-browser-$$-$(date +%s%N)")
    script = directory / "chromium-in-docker"
    script.write_text("#!/bin/sh\n# Written by codevet: Chromium in its sandbox image, CDP over stdio.\n"
                      f'exec {command} "$@" <&3 >&4 3<&- 4>&-\n')
    script.chmod(0o755)
    return script
