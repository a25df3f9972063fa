"""Headless Chromium for many threads: one browser per worker slot, driven from one
asyncio loop on a background thread.

Why asyncio and not Playwright's sync API per thread: a candidate with an infinite loop
blocks its page's main thread, and a sync `page.evaluate` then never returns. Here
every candidate's whole session runs under `asyncio.wait_for`, so a hung page is
cancelled, its context closed, and, if even that does not answer, the slot's
Playwright driver is stopped (which takes its Chromium with it, the two are joined by
a pipe) and a fresh browser is launched for the next candidate. The calling thread
only ever waits on a future with a deadline, so nothing can hang the run.
"""
from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import tempfile
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Awaitable, Callable
from codevet.core.errors import UnavailableError

CHROMIUM = "/usr/bin/chromium"
# The same Chromium release built without Chrome's browser UI (Debian's
# chromium-headless-shell; Playwright's default headless browser): the same Blink, V8,
# ANGLE and SwiftShader, so a page renders the same, but no tab strip, browser window
# views, WebUI renderer or UI compositor work for each new page. Measured in a bare
# Playwright loop (a page importing three, one render, screenshot, close; 12 pages,
# alternating): 0.45-0.51 CPU s per page against 0.65-0.71 with `chromium`; the browser
# process 0.11-0.12 against 0.25-0.27 CPU s. A trace of `chromium` showed why: per page,
# ~20 ms in chrome::Navigate (a new tab in the browser window) and ~33 ms of the browser
# UI compositor's frames, out of ~170 ms on the browser's main thread.
HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell"

# Blink features turned off. ScriptStreaming: Blink parses every large script on a
# background thread while it downloads ("script streaming"), even when V8's compilation
# cache of the (warm, shared) renderer already holds the script: for three's 2.1 MB that
# was ~35 ms of renderer CPU per page, thrown away (traced: v8.parseOnBackground on every
# page; with streaming off, v8.compileModule takes 0.1 ms per page: a cache hit). Chromium
# keeps only the last --disable-features switch, so this one repeats the features
# Playwright turns off with its own (tests/threejs check that it still covers them).
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
    "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
    "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
    "msForceBrowserSignIn", "msEdgeUpdateLaunchServicesPreferredVersion")
DISABLED_FEATURES = "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + ("ScriptStreaming",))

# SwiftShader must be asked for explicitly since Chrome 139; the rest keeps Chromium
# from phoning home (there is no network anyway) and from doing background work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--ignore-gpu-blocklist",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-breakpad",
    "--metrics-recording-only",
    "--mute-audio",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-dev-shm-usage",
    # every page of the origin shares one renderer process, kept warm by session.py's anchor page
    "--process-per-site",
    DISABLED_FEATURES,
]


# A browser launched with a profile of its own keeps that one (persistent, non-incognito)
# context here, for the session to reuse. Measured: in a bare Playwright loop a fresh page
# of a persistent context cost 0.9-1.0 CPU s against 1.6-1.9 for one of an incognito
# context (new_context), same scene, cache off in both; in the whole sandbox with 2 jobs
# the gain is smaller (2.54-2.56 against 2.58-2.89 CPU s per example, bench/threejs_profile.py).
_persistent: dict[int, tuple[Any, Any]] = {}  # id(browser) -> (browser, its persistent context)


def persistent_context(browser: Any) -> Any | None:
    """The persistent context the pool launched `browser` with, or None (a plain launch)."""
    entry = _persistent.get(id(browser))
    return entry[1] if entry is not None and entry[0] is browser else None


class BrowserUnavailable(UnavailableError, RuntimeError):
    """Chromium could not be launched (missing, or crashing at start)."""


def page_browser() -> str:
    """The binary candidate pages run in: the headless shell when installed, else chromium."""
    return HEADLESS_SHELL if os.access(HEADLESS_SHELL, os.X_OK) else CHROMIUM


def chromium_version(path: str = CHROMIUM) -> str | None:
    exe = shutil.which(path)
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None


@dataclass
class Slot:
    """One worker's browser and the Playwright driver that owns it."""

    index: int
    driver: Any = None
    browser: Any = None
    used: int = 0
    relaunches: int = 0
    profile: str | None = None  # the persistent profile's folder (as Chromium sees it)

    def alive(self) -> bool:
        return self.browser is not None and self.browser.is_connected()


class BrowserPool:
    """`run(fn, timeout)` calls `await fn(browser)` on a free browser, from any thread."""

    def __init__(self, size: int, executable: str = CHROMIUM, args: list[str] | None = None,
                 recycle_after: int = 500, persistent: dict[str, Any] | None = None) -> None:
        """`persistent`: launch each browser with a profile of its own and these context
        options (viewport, ...); its one context is then reused for every page (see
        `persistent_context`). None: a plain launch, the caller makes its contexts."""
        self.size = max(1, size)
        self.executable = executable
        self.args = list(args or CHROMIUM_ARGS)
        self.recycle_after = recycle_after
        self.persistent = persistent
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._free: asyncio.Queue[Slot] | None = None
        self._slots: list[Slot] = []
        self._start_lock = threading.Lock()
        self.relaunches = 0
        self._closed = False
        self._running: set[asyncio.Task] = set()  # candidates in flight, cancelled by stop()

    # lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        with self._start_lock:
            self._closed = False
            if self._loop is not None:
                return
            loop = asyncio.new_event_loop()
            ready = threading.Event()

            def main() -> None:
                asyncio.set_event_loop(loop)
                loop.call_soon(ready.set)
                loop.run_forever()

            self._thread = threading.Thread(target=main, name="codevet-threejs-browsers", daemon=True)
            self._thread.start()
            ready.wait()
            self._loop = loop
            self._call(self._init_slots(), timeout=30)

    async def _init_slots(self) -> None:
        self._free = asyncio.Queue()
        self._slots = [Slot(i) for i in range(self.size)]
        for slot in self._slots:
            self._free.put_nowait(slot)

    def stop(self) -> None:
        with self._start_lock:
            self._closed = True  # work that arrives from now on is refused, not relaunched
            loop = self._loop
            if loop is None:
                return
            try:
                self._call(self._stop_all(), timeout=30)
            except Exception:
                pass
            loop.call_soon_threadsafe(loop.stop)
            if self._thread is not None:
                self._thread.join(timeout=10)
            self._loop = None
            self._thread = None

    async def _stop_all(self) -> None:
        # Candidates still running are cancelled first, so the threads waiting on them
        # return at once (they get an error verdict) instead of at their safety deadline.
        # Only our own: Playwright's connection tasks must live on to close the browsers.
        for task in list(self._running):
            task.cancel()
        await asyncio.gather(*(self._shutdown(s) for s in self._slots), return_exceptions=True)

    # running ---------------------------------------------------------------------------

    def _call(self, coro: Awaitable[Any], timeout: float) -> Any:
        assert self._loop is not None
        fut: Future = asyncio.run_coroutine_threadsafe(coro, self._loop)  # type: ignore[arg-type]
        try:
            return fut.result(timeout)
        except FutureTimeout:
            fut.cancel()
            raise

    def run(self, fn: Callable[[Any], Awaitable[Any]], timeout: float) -> Any:
        """Run `fn(browser)` with a free browser. Raises asyncio.TimeoutError when `fn`
        overruns `timeout` (its slot is recovered before the next use) and
        BrowserUnavailable when no browser can be launched."""
        if self._closed:
            raise BrowserUnavailable("the three.js sandbox is closed")
        if self._loop is None:
            self.start()
        # The outer wait is a safety net: the loop-side deadline normally fires first.
        return self._call(self._with_slot(fn, timeout), timeout=timeout + 60)

    async def _with_slot(self, fn: Callable[[Any], Awaitable[Any]], timeout: float) -> Any:
        assert self._free is not None
        task = asyncio.current_task()
        if task is not None:
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        slot = await self._free.get()
        try:
            if not slot.alive() or slot.used >= self.recycle_after:
                await self._relaunch(slot)
            slot.used += 1
            try:
                return await asyncio.wait_for(fn(slot.browser), timeout)
            except asyncio.TimeoutError:
                # fn's own cleanup ran on cancellation; if the browser is wedged, replace it now.
                if not await self._responsive(slot):
                    await self._shutdown(slot)
                raise
        finally:
            self._free.put_nowait(slot)

    async def _responsive(self, slot: Slot) -> bool:
        if not slot.alive():
            return False
        try:
            ctx = await asyncio.wait_for(slot.browser.new_context(), 5)
            await asyncio.wait_for(ctx.close(), 5)
            return True
        except Exception:
            return False

    async def _relaunch(self, slot: Slot) -> None:
        await self._shutdown(slot)
        from playwright.async_api import async_playwright

        last: Exception | None = None
        for _attempt in range(2):
            try:
                slot.driver = await async_playwright().start()
                if self.persistent is None:
                    slot.browser = await slot.driver.chromium.launch(
                        executable_path=self.executable, headless=True, args=self.args, timeout=30_000)
                else:
                    # Under bwrap /tmp is the jail's own tmpfs: Chromium makes the folder there.
                    slot.profile = tempfile.mkdtemp(prefix="codevet-profile-")
                    context = await slot.driver.chromium.launch_persistent_context(
                        slot.profile, executable_path=self.executable, headless=True, args=self.args,
                        timeout=30_000, **self.persistent)
                    slot.browser = context.browser
                    _persistent[id(slot.browser)] = (slot.browser, context)
                slot.used = 0
                slot.relaunches += 1
                self.relaunches += 1
                return
            except Exception as exc:  # missing binary, crash at start
                last = exc
                await self._shutdown(slot)
        raise BrowserUnavailable(f"cannot launch {self.executable}: {last}")

    async def _shutdown(self, slot: Slot) -> None:
        browser, driver, profile = slot.browser, slot.driver, slot.profile
        slot.browser = slot.driver = slot.profile = None
        if browser is not None:
            _persistent.pop(id(browser), None)
            try:
                await asyncio.wait_for(browser.close(), 5)
            except Exception:
                pass
        if driver is not None:
            try:  # stopping the driver closes the pipe, and Chromium exits with it
                await asyncio.wait_for(driver.stop(), 10)
            except Exception:
                pass
        if profile is not None:  # outside a jail the profile is on the host
            shutil.rmtree(profile, ignore_errors=True)
