"""The Three.js sandbox: render every candidate in headless Chromium and keep only real
scenes.

A candidate's code (bare script with a global THREE, ES module, or whole HTML page)
becomes one page (page.py), answered from memory with three.js from the local npm
install (router.py, assets.py); instrument.js watches WebGL and three from inside;
session.py loads it in a fresh page (of a reused, wiped context) of a pooled browser
(browser.py) and collects evidence; pixels.py and scene.py measure the frame (the WebGL
canvas alone) and the scene graph; verdict.py turns all of it into named checks.
versions.py picks the three release a page pins (installed by `codevet setup`);
purpose.py says which blocked requests the scene needed; jail.py keeps Chromium in
bubblewrap (or its own sandbox), never unsandboxed on the bare host.

Options: `SandboxOptions.threejs` (core/options.py: viewport, settle and motion times,
console allow-list, blank-frame thresholds). The screenshot travels in the verdict as
bytes (`files["screenshot.png"]`); the sink writes it.
"""
from __future__ import annotations

import asyncio
import hashlib
import os
import re
import shutil
import time
from pathlib import Path
from typing import Any

from codevet.core.resources import package_dir
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Check, Status, Verdict
from codevet.sandboxes.base import Sandbox
from codevet.sandboxes.threejs.assets import INSTALL_COMMAND, ThreeInstall
from codevet.sandboxes.threejs.browser import (CHROMIUM, HEADLESS_SHELL, BrowserPool, BrowserUnavailable,
                                               chromium_version, page_browser)
from codevet.sandboxes.threejs import libserver
from codevet.sandboxes.threejs.jail import browser_args, bwrap_launcher, library_python, plan
from codevet.sandboxes.threejs.page import build_page
from codevet.sandboxes.threejs.pixels import FrameStats, blank_reason, frame_stats, load_png
from codevet.sandboxes.threejs.router import Router
from codevet.sandboxes.threejs.scene import compact, read_description
from codevet.sandboxes.threejs.session import Evidence, SessionSettings, context_options, run_session
from codevet.sandboxes.threejs.verdict import judge
from codevet.sandboxes.threejs.versions import Choice, ThreeVersions, pinned_version

HERE = package_dir(__name__)


def _source_hash() -> str:
    """Cached verdicts are only trusted for the sandbox code that made them."""
    h = hashlib.sha256()
    for path in sorted(HERE.glob("*.py")) + [HERE / "instrument.js", HERE / "web" / "package.json"]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


class ThreeJSSandbox(Sandbox):
    language = "threejs"
    isolation_backends = ("bwrap", "docker", "none")
    version = "1." + _source_hash()

    def __init__(self, options: SandboxOptions, jobs: int = 1) -> None:
        super().__init__(options, jobs)
        opts = options.threejs
        self.thresholds = opts.thresholds
        self.timeout_s = float(options.timeout_s)
        self.settings = SessionSettings(viewport=opts.viewport, settle_s=min(opts.settle_s, max(0.5, self.timeout_s / 2)),
                                        motion_gap_s=opts.motion_gap_s, budget_s=self.timeout_s,
                                        frame_ms=opts.frame_ms)
        try:
            self.console_allow = re.compile(opts.console_allow) if opts.console_allow else None
        except re.error:
            self.console_allow = re.compile(re.escape(opts.console_allow or ""))
        self.three = ThreeInstall()
        self.versions = ThreeVersions(self.three)  # the current three plus older pinned releases
        # Each browser with its own persistent profile, whose one context every page reuses.
        self.pool = BrowserPool(max(1, jobs), executable=page_browser(), persistent=context_options(self.settings))
        self._docker_dir: Path | None = None  # docker: the launcher script's folder
        self._docker_label = ""
        self._launcher_dir: Path | None = None  # bwrap: the launcher script's folder
        self.library: str | None = None  # the library server's base URL (bwrap only), see libserver.py
        self.confinement = "not started"

    # lifecycle -------------------------------------------------------------------------

    def open(self) -> None:
        if not self.three.installed:
            raise RuntimeError(f"three.js is not installed; run: {INSTALL_COMMAND}")
        self.three.classic_core()  # build once, before the threads need it
        self.confinement = plan(self.options.isolation)
        if self.confinement == "container":
            self._use_docker()
        elif self.confinement == "bwrap":
            import tempfile

            self._launcher_dir = Path(tempfile.mkdtemp(prefix="codevet-browser-"))
            roots = sorted({str(i.root) for i in self.versions.installs.values()}) if library_python() else []
            if roots:  # the generated classic build (r160 on) is served as a file too
                generated = self._launcher_dir / "library"
                generated.mkdir()
                self.three.save_classic_core(generated)
                roots.append(str(generated))
            self.pool.executable = str(bwrap_launcher(page_browser(), self._launcher_dir, library_roots=roots))
            if roots:  # three's files come from the library server in each browser's jail
                self.library = libserver.BASE
                self.pool.args = self.pool.args + [libserver.ADDRESS_SPACE_ARG]
        elif self.confinement == "unavailable":
            raise BrowserUnavailable("Chromium would run without any sandbox: bubblewrap does not work here "
                                     "and Chromium's own sandbox cannot run as root")
        self.pool.args = browser_args(self.pool.args, self.confinement)
        self.pool.start()

    def _use_docker(self) -> None:
        """Each worker's Chromium runs in the three.js image instead of on the host; the
        pages it loads are still answered by the host's router (over CDP), so the
        container has no network at all."""
        import tempfile

        from codevet.sandboxes.isolation.base import Limits
        from codevet.sandboxes.isolation.docker import browser_launcher, require_image

        image = require_image("threejs")  # says why when there is no engine or no image
        self._docker_dir = Path(tempfile.mkdtemp(prefix="codevet-browser-"))
        self._docker_label = f"codevet-browser-{os.getpid()}-{os.urandom(3).hex()}"
        limits = Limits(memory_mb=self.options.memory_mb, processes=max(512, self.options.max_processes),
                        workspace_mb=max(256, self.options.workspace_mb))
        self.pool.executable = str(browser_launcher(image, limits, self._docker_label, self._docker_dir))

    def close(self) -> None:
        self.pool.stop()
        if getattr(self, "_launcher_dir", None) is not None:
            shutil.rmtree(self._launcher_dir, ignore_errors=True)
            self._launcher_dir = None
        if self._docker_dir is not None:
            from codevet.sandboxes.isolation.docker import kill_labelled

            kill_labelled(self._docker_label)  # a browser whose client died keeps its container
            shutil.rmtree(self._docker_dir, ignore_errors=True)
            self._docker_dir = None

    def fingerprint(self, candidate: Candidate) -> dict[str, Any]:
        # The description decides the motion and scene checks, so it is part of the key.
        return {"code": candidate.code, "instruction": candidate.instruction}

    def environment(self) -> dict[str, Any]:
        return {"three": self.three.version, "three_installed": self.versions.available,
                "browser_confinement": plan(self.options.isolation),
                "three_from_library_server": plan(self.options.isolation) == "bwrap" and library_python() is not None,
                "chromium": chromium_version(CHROMIUM), "page_browser": page_browser()}

    # one candidate ---------------------------------------------------------------------

    def verify(self, candidate: Candidate) -> Verdict:
        start = time.monotonic()
        code = candidate.code or ""
        wants = read_description(candidate.instruction or "")
        if not code.strip():
            return Verdict.from_checks([Check("has-code", False, "the example has no code")],
                                       duration_s=time.monotonic() - start)
        page = build_page(code, title=str(candidate.id)[:60])
        choice = self.versions.choose(pinned_version(code))
        ev: Evidence | None = None
        crash_reason, crash_detail = "browser-crashed", ""
        for _attempt in range(2):  # a browser crash gets one more try on a fresh browser
            ev = Evidence()
            router = Router(choice.three, page.html, ev.requests)

            async def session(browser: Any, ev: Evidence = ev, router: Router = router) -> Evidence:
                return await run_session(browser, page, router, ev, self.settings, bool(wants.motion),
                                         bool(wants.interaction), looks_blank=self._looks_blank,
                                         library=self.library)

            try:
                self.pool.run(session, timeout=self.timeout_s)
                if ev.library_failed:  # the harness failed the page: once more, on a fresh browser
                    crash_reason, crash_detail = "library-unavailable", (
                        f"the library server in the browser's jail did not deliver {ev.library_failed}")
                    ev = None
                    continue
                break
            except (asyncio.TimeoutError, TimeoutError):
                ev.timed_out = True
                break
            except BrowserUnavailable as exc:
                return Verdict.error("browser-unavailable", str(exc))
            except Exception as exc:  # the browser died under us (not the page: that is `crashed`)
                crash_reason = "browser-crashed"
                crash_detail = f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"
                ev = None
        if ev is None:
            return Verdict.error(crash_reason, f"the browser failed twice: {crash_detail}")
        return self._verdict(candidate, code, wants, page.notes, ev, start, choice)

    def _looks_blank(self, shot: bytes) -> bool:
        try:
            return blank_reason(frame_stats(load_png(shot), self.thresholds), self.thresholds) is not None
        except Exception:  # an unreadable frame is judged later, from the same bytes
            return False

    def _judged_frame(self, frames: list[Any], ev: Evidence) -> tuple[int, FrameStats | None]:
        """The frame the blank-frame check and the description judge, with its statistics
        (each frame measured once): the first one taken before any pointer event that shows
        something (an animated scene may be blank at one of the instants sampled), else the
        first."""
        untouched = frames[: ev.interaction_from + 1] if ev.interaction is not None else frames
        first: FrameStats | None = None
        for i, frame in enumerate(untouched):
            stats = frame_stats(frame, self.thresholds)
            if first is None:
                first = stats
            if blank_reason(stats, self.thresholds) is None:
                return i, stats
        return 0, first

    def _verdict(self, candidate: Candidate, code: str, wants: Any, notes: list[str], ev: Evidence,
                 start: float, choice: Choice) -> Verdict:
        frames = []
        for shot in ev.shots:
            try:
                frames.append(load_png(shot))
            except Exception:
                break
        shown, stats = self._judged_frame(frames, ev)
        judgement = judge(ev, code=code, wants=wants, timeout_s=self.timeout_s, th=self.thresholds,
                          console_allow=self.console_allow, frames=frames, stats=stats, shown=shown)
        checks = list(judgement.checks)
        if checks and checks[0].name == "has-code":  # the report line says which three judged the page
            checks.insert(1, Check("three-version", True, choice.line))
        artifacts: dict[str, Any] = {
            "three": choice.three.version,
            "notes": list(notes) + list(ev.requests.notes),
            "scene": compact(ev.summaries[-1]) if ev.summaries else None,
            "page": ev.page_kind,
            "timings": {k: round(v, 3) for k, v in ev.timings.items()},
        }
        if stats is not None:
            artifacts["frame"] = stats.as_dict()
        files = {"screenshot.png": ev.shots[shown]} if ev.shots else {}
        return Verdict.from_checks(checks, reason=judgement.reason,
                                   duration_s=time.monotonic() - start, artifacts=artifacts, files=files)

    # doctor ----------------------------------------------------------------------------

    @classmethod
    def doctor(cls) -> list[tuple[str, bool, str]]:
        rows: list[tuple[str, bool, str]] = []
        version = chromium_version(CHROMIUM)
        rows.append(("chromium", version is not None, version or f"{CHROMIUM} not found (apt-get install chromium)"))
        shell = page_browser() == HEADLESS_SHELL
        rows.append(("chromium-headless-shell", True, f"pages run in {HEADLESS_SHELL}" if shell else
                     "not installed: pages run in chromium, about 0.2 CPU s more per example "
                     "(apt-get install chromium-headless-shell)"))
        three = ThreeInstall()
        rows.append(("three.js (npm)", three.installed,
                     f"three {three.version} in {three.root}" if three.installed else f"missing; run: {INSTALL_COMMAND}"))
        try:
            import playwright  # noqa: F401
            from importlib.metadata import version as pkg_version
            rows.append(("playwright (python)", True, pkg_version("playwright")))
        except ImportError:
            rows.append(("playwright (python)", False, "pip install 'codevet[threejs]'"))
            return rows
        if version is None or not three.installed:
            rows.append(("WebGL via SwiftShader", False, "needs chromium and three.js first"))
            return rows
        rows.append(self_test())
        return rows


SELF_TEST = """
import * as THREE from 'three';
const renderer = new THREE.WebGLRenderer();
renderer.setSize(window.innerWidth, window.innerHeight);
document.body.appendChild(renderer.domElement);
const scene = new THREE.Scene();
const camera = new THREE.PerspectiveCamera(60, window.innerWidth / window.innerHeight, 0.1, 100);
camera.position.z = 3;
scene.add(new THREE.Mesh(new THREE.BoxGeometry(1, 1, 1), new THREE.MeshBasicMaterial({ color: 0xff0000 })));
renderer.render(scene, camera);
"""


def self_test() -> tuple[str, bool, str]:
    """Render a red cube through the whole sandbox: WebGL must exist (SwiftShader) and the
    frame must not be blank."""
    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=20), jobs=1)
    try:
        sandbox.open()
        verdict = sandbox.verify(Candidate(id="self-test", source="doctor", language="threejs",
                                           instruction="a red cube", code=SELF_TEST))
    except Exception as exc:
        return ("WebGL via SwiftShader", False, f"{type(exc).__name__}: {exc}")
    finally:
        sandbox.close()
    if verdict.status is not Status.PASS:
        failed = next((c for c in verdict.checks if not c.passed), None)
        return ("WebGL via SwiftShader", False, f"self-test {verdict.status.value}: {verdict.reason}: "
                f"{failed.detail if failed else ''}")
    gl = (verdict.artifacts.get("scene") or {}).get("glRenderer") or "unknown GL renderer"
    ok = "swiftshader" in gl.lower()
    return ("WebGL via SwiftShader", ok, f"red cube rendered in {verdict.duration_s:.2f} s by {gl}"
            + ("" if ok else " (expected SwiftShader: results may differ between machines)"))
