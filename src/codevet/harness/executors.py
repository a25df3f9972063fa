"""Where verdicts are computed. The pipeline stays the only place that joins candidates to
sandboxes (cache, prefilter, ordered sink, summary, report); an executor only answers
"run this candidate in its language's sandbox" with a Future of a Verdict.

- `local` (default): today's behaviour, one sandbox per language opened in this process
  (warm workers, browsers) and a thread pool sized to --jobs.
- `ray` (`pip install 'codevet[ray]'`): one Ray actor per (language, slot), each holding
  an opened sandbox (a warm pytest zygote, a warm Chromium, a precompiled header).
  three.js actors ask for the custom resource `chromium` and OoT actors for
  `mips_toolchain`, so that work lands only on nodes that declared them
  (`ray start --resources='{"chromium": 4}'`). Every exception is caught per example
  and becomes an `error` verdict: one bad example never fails the job.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
import warnings
from abc import ABC, abstractmethod
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from codevet.core.errors import UnavailableError
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig
from codevet.core.model import Candidate, Verdict
from codevet.sandboxes import available_languages, create_sandbox
from codevet.sandboxes.base import Sandbox
from codevet.sandboxes.requires import REQUIREMENTS, requirements

class ExecutorUnavailable(UnavailableError, RuntimeError):
    """The executor asked for cannot start (Ray missing, no cluster)."""


def unavailable_message(language: str, exc: BaseException) -> str:
    return f"{language} sandbox unavailable: {type(exc).__name__}: {exc}"


def verify_one(sandbox: Sandbox, candidate: Candidate) -> Verdict:
    """One candidate in an opened sandbox; a sandbox bug becomes an `error` verdict."""
    start = time.monotonic()
    try:
        verdict = sandbox.verify(candidate)
    except Exception as exc:  # a sandbox bug must not take the run down
        verdict = Verdict.error("sandbox-error", f"{type(exc).__name__}: {exc}")
    if not verdict.duration_s:
        verdict.duration_s = time.monotonic() - start
    return verdict


class SandboxSet:
    """Sandboxes opened lazily, one per language the input actually uses."""

    def __init__(self, config: RunConfig, open_them: bool = True) -> None:
        self.config = config
        self.open_them = open_them
        self.open: dict[str, Sandbox] = {}
        self.broken: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, language: str) -> Sandbox | str:
        with self._lock:
            if language in self.open:
                return self.open[language]
            if language in self.broken:
                return self.broken[language]
            try:
                options = self.config.sandbox
                if not self.open_them:
                    # Only for cache keys (version, fingerprint): isolation is not part of a
                    # key, and the isolation the workers use may not exist on this machine.
                    options = options.model_copy(update={"isolation": "none"})
                with warnings.catch_warnings():
                    if not self.open_them:
                        warnings.simplefilter("ignore")
                    sandbox = create_sandbox(language, options, self.config.jobs)
                if self.open_them:
                    sandbox.open()
            except Exception as exc:  # a missing toolchain is an `error` verdict, not a crash
                self.broken[language] = unavailable_message(language, exc)
                return self.broken[language]
            self.open[language] = sandbox
            return sandbox

    def close(self) -> None:
        for sandbox in self.open.values():
            try:
                sandbox.close()
            except Exception:
                pass
        self.open.clear()


class Executor(ABC):
    name = ""

    @abstractmethod
    def sandbox(self, language: str) -> Sandbox | str:
        """The sandbox that keys the cache for `language`, or why there is none."""

    @abstractmethod
    def environment(self, language: str) -> dict[str, Any] | str:
        """What of the machine that runs `language` decides its verdicts (a compiler's
        version, the three.js served), from a sandbox opened there; or why there is none."""

    @abstractmethod
    def submit(self, sandbox: Sandbox, candidate: Candidate) -> "Future[Verdict]":
        """Verify one candidate; the Future never raises (errors are `error` verdicts)."""

    @abstractmethod
    def interrupt(self) -> None:
        """Ctrl-C: stop everything now; unfinished work is abandoned."""

    @abstractmethod
    def close(self) -> None:
        """Finish and stop everything this executor started."""

    @property
    def notes(self) -> list[str]:
        return []


class LocalExecutor(Executor):
    name = "local"

    def __init__(self, config: RunConfig) -> None:
        self.sandboxes = SandboxSet(config)
        self.pool = ThreadPoolExecutor(max_workers=config.jobs, thread_name_prefix="codevet-verify")

    def sandbox(self, language: str) -> Sandbox | str:
        return self.sandboxes.get(language)

    def environment(self, language: str) -> dict[str, Any] | str:
        sandbox = self.sandboxes.get(language)
        return sandbox if isinstance(sandbox, str) else sandbox.environment()

    def submit(self, sandbox: Sandbox, candidate: Candidate) -> "Future[Verdict]":
        return self.pool.submit(verify_one, sandbox, candidate)

    def interrupt(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.sandboxes.close()  # kills the workers: threads blocked on them return at once

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.sandboxes.close()

    @property
    def notes(self) -> list[str]:
        return list(self.sandboxes.broken.values())


class SandboxActor:
    """A Ray actor holding one opened sandbox of one language (one warm worker/browser)."""

    def __init__(self, language: str, options_json: str) -> None:
        self.language = language
        self.error: str | None = None
        self.sandbox: Sandbox | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                sandbox = create_sandbox(language, SandboxOptions.model_validate_json(options_json), 1)
            sandbox.open()
            self.sandbox = sandbox
        except Exception as exc:
            self.error = unavailable_message(language, exc)

    def ready(self) -> str | None:
        return self.error

    def environment(self) -> dict[str, Any] | str:
        return self.error or "not opened" if self.sandbox is None else self.sandbox.environment()

    def verify(self, candidate: Candidate) -> Verdict:
        if self.sandbox is None:
            return Verdict.error("sandbox-unavailable", self.error or "not opened", check="sandbox")
        return verify_one(self.sandbox, candidate)

    def close(self) -> None:
        if self.sandbox is not None:
            self.sandbox.close()
            self.sandbox = None


def local_ray_resources() -> dict[str, float]:
    """What this machine offers when codevet starts Ray itself: each sandbox's resources,
    where every command it needs is on PATH."""
    n = float(os.cpu_count() or 1)
    found: dict[str, float] = {}
    for req in REQUIREMENTS.values():
        if all(shutil.which(cmd) for cmd in req.debian):
            found.update({name: n for name in req.ray_resources})
    return found


class RayExecutor(Executor):
    name = "ray"

    def __init__(self, config: RunConfig) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ExecutorUnavailable("--executor ray needs Ray: pip install 'codevet[ray]'") from exc
        self.ray = ray
        self.config = config
        self.started_ray = False
        if not ray.is_initialized():
            if config.ray_address:
                ray.init(address=config.ray_address, log_to_driver=False)
            else:
                ray.init(num_cpus=os.cpu_count() or 1, resources=local_ray_resources(), include_dashboard=False,
                         log_to_driver=False, object_store_memory=256 * 1024 * 1024)
            self.started_ray = True
        self.keys = SandboxSet(config, open_them=False)
        self.actor_cpus = config.ray_actor_cpus or 1.0 / max(1, len(available_languages()))
        self.actors: dict[str, list[Any]] = {}
        self.load: dict[int, int] = {}
        self.broken: dict[str, str] = {}
        self._start_lock = threading.Lock()  # held while actors start (blocks on Ray)
        self._load_lock = threading.Lock()  # never held while blocking: Ray's callback thread takes it
        self._options_json = config.sandbox.model_dump_json()
        self._remote = ray.remote(SandboxActor)

    def sandbox(self, language: str) -> Sandbox | str:
        return self.keys.get(language)

    def _actors(self, language: str) -> list[Any]:
        with self._start_lock:
            if language not in self.actors:
                self.actors[language] = self._start_actors(language)
            return self.actors[language]

    def environment(self, language: str) -> dict[str, Any] | str:
        actors = self._actors(language)
        if not actors:
            return self.broken[language]
        return self.ray.get(actors[0].environment.remote())

    def _start_actors(self, language: str) -> list[Any]:
        ray = self.ray
        need = requirements(language).ray_resources
        total = ray.cluster_resources()
        n = self.config.jobs
        for res, amount in need.items():
            n = min(n, int(total.get(res, 0) // amount))
        n = min(n, max(1, int(total.get("CPU", 1) // self.actor_cpus)))
        if n < 1:
            missing = ", ".join(need)
            self.broken[language] = (f"{language} sandbox unavailable: no node of the Ray cluster offers the "
                                     f"resource {missing!r} (start such nodes with "
                                     f"ray start --resources='{{\"{missing}\": N}}')")
            return []
        opts = dict(num_cpus=self.actor_cpus, resources=dict(need) or None, max_restarts=2, max_task_retries=0,
                    scheduling_strategy="SPREAD")
        actors = [self._remote.options(**opts).remote(language, self._options_json) for _ in range(n)]
        errors = [e for e in ray.get([a.ready.remote() for a in actors]) if e]
        if errors:
            self.broken[language] = errors[0]
        with self._load_lock:
            for a in actors:
                self.load[id(a)] = 0
        return actors

    def submit(self, sandbox: Sandbox, candidate: Candidate) -> "Future[Verdict]":
        language = candidate.language
        out: Future[Verdict] = Future()
        actors = self._actors(language)
        if not actors:
            out.set_result(Verdict.error("sandbox-unavailable", self.broken[language], check="sandbox"))
            return out
        with self._load_lock:
            actor = min(actors, key=lambda a: self.load[id(a)])
            self.load[id(actor)] += 1
        try:
            ref_future = actor.verify.remote(candidate).future()
        except Exception as exc:  # serialising the candidate failed, the cluster is gone, ...
            with self._load_lock:
                self.load[id(actor)] -= 1
            out.set_result(Verdict.error("executor-error", f"{type(exc).__name__}: {exc}"[:2000]))
            return out

        def done(f: Future) -> None:
            with self._load_lock:
                self.load[id(actor)] -= 1
            try:
                verdict = f.result()
            except BaseException as exc:  # the actor died (OOM-killed, node lost): this example only
                verdict = Verdict.error("executor-error", f"{type(exc).__name__}: {exc}"[:2000])
            out.set_result(verdict)
        ref_future.add_done_callback(done)
        return out

    def _stop_actors(self, graceful: bool) -> None:
        ray = self.ray
        actors = [a for group in self.actors.values() for a in group]
        if graceful and actors:
            try:
                ray.get([a.close.remote() for a in actors], timeout=60)
            except Exception:
                pass
        for a in actors:
            try:
                ray.kill(a, no_restart=True)
            except Exception:
                pass
        self.actors.clear()

    def interrupt(self) -> None:
        self._stop_actors(graceful=False)

    def close(self) -> None:
        self._stop_actors(graceful=True)
        if self.started_ray:
            self.ray.shutdown()
            self.started_ray = False

    @property
    def notes(self) -> list[str]:
        return list(self.keys.broken.values()) + list(self.broken.values())


def make_executor(config: RunConfig) -> Executor:
    if config.executor == "ray":
        return RayExecutor(config)
    return LocalExecutor(config)
