"""One candidate in one fresh browser context: load its page, let it render, and collect
the evidence (console, page errors, requests, scene facts, screenshots).

Nothing here decides pass or fail; verdict.py does, from the Evidence. The Evidence
object is created by the caller and filled in as the session goes, so when the
deadline cancels a hung page, what was seen until then still reaches the verdict.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Callable
from urllib.parse import quote

from codevet.core.resources import package_dir
from codevet.sandboxes.threejs.browser import persistent_context
from codevet.sandboxes.threejs.page import ANCHOR_URL, ORIGIN, PAGE_URL, Page
from codevet.sandboxes.threejs.router import RequestLog, Router

INSTRUMENT = (package_dir(__package__) / "instrument.js").read_text()
MAX_MESSAGES = 200
MAX_TEXT = 2000


@dataclass(frozen=True)
class SessionSettings:
    viewport: tuple[int, int] = (480, 320)
    settle_s: float = 3.0        # how long to wait for the first render() after load
    frames: int = 3              # frames to let pass after the first render before sampling
    motion_gap_s: float = 0.6    # time between the two samples when motion is asked for
    # The example's whole budget (from --timeout). A page is hung only when its main thread
    # does not answer before this budget runs out: a slow SwiftShader frame (1-5 s on a
    # loaded machine) is slow, not hung.
    budget_s: float = 20.0
    # The page's requestAnimationFrame runs at most once per frame_ms (0: at the display's
    # rate, 60 Hz). See instrument.js.
    frame_ms: float = 50.0


@dataclass
class Evidence:
    page_kind: str = ""
    stage: str = "starting"
    timed_out: bool = False
    hung: bool = False
    crashed: bool = False
    load_error: str | None = None
    navigated_away: str | None = None
    library_failed: str | None = None  # one of them failed: the harness's fault, not the page's
    console: list[tuple[str, str, str]] = field(default_factory=list)  # (type, text, url)
    page_errors: list[tuple[str, str]] = field(default_factory=list)  # (name, message)
    requests: RequestLog = field(default_factory=RequestLog)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    shots: list[bytes] = field(default_factory=list)
    gap_s: float = 0.0
    screenshot_error: str | None = None  # why no frame could be captured (a fail, not a crash)
    interaction: str | None = None  # the pointer gestures dispatched, when the description asks for them
    interaction_from: int = 0  # the frame (and summary) taken just before them
    timings: dict[str, float] = field(default_factory=dict)


class PageHung(Exception):
    """The page stopped answering (its main thread is busy)."""


class Budget:
    """What is left of the example's time. Waits on the page are bounded by it and
    nothing else, so only a page that stops answering for the rest of its budget is hung."""

    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self, margin: float = 0.25) -> float:
        return max(0.05, self.end - time.monotonic() - margin)


async def _probe(page: Any, expression: str, budget: Budget, arg: Any = None) -> Any:
    try:
        return await asyncio.wait_for(page.evaluate(expression, arg), budget.left())
    except asyncio.TimeoutError as exc:
        raise PageHung(expression) from exc


# Isolation unit: a fresh page in a reused context. What one candidate could leave for the
# next is wiped between them (cookies; local/session storage, IndexedDB, Cache Storage,
# service workers for the origin; every page closed, so no window globals survive).
# Service workers are blocked anyway. A page that ended abnormally (hung, crashed, timed
# out, navigated away) takes its context with it: nothing of it is trusted.
CONTEXT_REUSE = 100  # candidates per context before it is replaced (bounded memory)
# A browser's persistent context lives as long as the browser; the pool replaces the
# browser every `recycle_after` candidates.


# Renderer process reuse. With `--process-per-site` (browser.py) every page of the origin
# lives in one renderer process, and an empty page of the origin that no candidate code
# ever runs in (the anchor) keeps that process alive between candidates. A candidate's
# page is still a new page: a new document, a new JS realm, its own session storage; what
# it saves is the process start (V8, Blink), and V8 finds three's compiled code in the
# process's compilation cache. Measured in a bare Playwright loop (a page importing three,
# persistent context): 0.66 CPU s per page against 1.29-1.35 without the anchor.
# A candidate cannot reach the anchor: it did not open it (no opener, another browsing
# context group), the anchor runs no script, and listens on nothing (BroadcastChannel,
# shared workers), and the wipe clears the origin's storage as before.
ANCHOR_HTML = "<!doctype html><title>codevet</title>"


# Everything a page can store and read back ("all" but the GPU's compiled-shader cache,
# which no page can read: like V8's code cache it only saves compiling three's shaders
# again for the next page; measured about 0.1-0.2 GPU-process CPU s per example).
WIPED_STORAGE = ("cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage,"
                 "interest_groups,shared_storage,storage_buckets,other")


@dataclass
class _Shared:
    """One browser's reused context and whose requests it is answering now."""

    context: Any
    browser: Any = None  # the browser it belongs to (ids of dead browsers are reused)
    router: Router | None = None
    uses: int = 0
    anchor: Any = None  # the empty page of the origin that keeps its renderer process alive
    cdp: Any = None  # the anchor's DevTools session (the wipe goes through it)
    library: str | None = None  # the library server in the browser's jail (libserver.py), if any


def context_options(settings: SessionSettings) -> dict[str, Any]:
    """What every context a candidate page lives in is made with (also the pool's persistent one)."""
    w, h = settings.viewport
    return {"viewport": {"width": w, "height": h}, "device_scale_factor": 1,
            "service_workers": "block", "accept_downloads": False}


_contexts: dict[int, _Shared] = {}
stats = {"contexts_created": 0, "pages": 0, "library_files": 0}


async def _context_for(browser: Any, settings: SessionSettings) -> _Shared:
    shared = _contexts.get(id(browser))
    persistent = persistent_context(browser)  # the pool launched it with its profile: reuse that
    if (shared is not None and shared.browser is browser and browser.is_connected()
            and (shared.uses < CONTEXT_REUSE or persistent is not None)):  # the pool recycles that browser
        return shared
    if shared is not None:
        await _drop(browser)
    context = persistent
    if context is None:
        context = await browser.new_context(**context_options(settings))
    shared = _Shared(context, browser)
    await context.add_init_script(script=INSTRUMENT.replace("__CODEVET_FRAME_MS__", f"{settings.frame_ms:g}"))

    async def handle(route: Any) -> None:
        try:
            if route.request.url == ANCHOR_URL and route.request.resource_type == "document":
                await route.fulfill(status=200, body=ANCHOR_HTML, headers={"content-type": "text/html",
                                                                          "cache-control": "no-store"})
                return
            router = shared.router
            answer = router.answer(route.request.url, route.request.resource_type) if router else None
            if answer is None or answer.blocked:
                await route.abort("blockedbyclient")
            elif answer.file is not None and shared.library is not None and route.request.method == "GET":
                # the same bytes from the library server in the jail; the page still sees its own URL
                target = shared.library + quote(answer.file)
                router.log.library.update((route.request.url, target))  # a failure there is ours, not the page's
                await route.continue_(url=target)
                stats["library_files"] += 1
            else:
                await route.fulfill(status=answer.status, body=answer.body,
                                    headers={"content-type": answer.content_type,
                                             "access-control-allow-origin": "*",
                                             "cache-control": "no-store"})
        except Exception:
            pass  # the page went away while we answered

    await context.route("**/*", handle)
    if persistent is not None:  # a context that lives as long as its browser gets the anchor
        shared.anchor = await context.new_page()
        await shared.anchor.goto(ANCHOR_URL)
        for other in list(context.pages):  # a persistent context starts with a blank page
            if other is not shared.anchor:
                await other.close()
    _contexts[id(browser)] = shared
    stats["contexts_created"] += 1
    return shared


async def _open_page(shared: _Shared) -> Any:
    """A new, empty page (tab) for the next candidate, opened by the anchor with
    `noopener`: no opener, no shared browsing context group, nothing of the anchor's.

    Why not `context.new_page()`: a tab made by DevTools starts in a renderer process of
    its own for its about:blank document, which exits when the page goes to the origin
    (whose pages all live in the anchor's process), a process started and reaped per
    candidate. A tab the anchor opens starts in the anchor's process. Measured (profile,
    24 examples, 2 jobs, alternating, 3 rounds each): 0.52-0.58 CPU s per example against
    0.58-0.62, the reaped processes' 0.05 CPU s gone, and the page ready in ~0.026 s
    instead of ~0.05."""
    if shared.anchor is None or shared.anchor.is_closed():
        return await shared.context.new_page()
    # Not Playwright's expect_page: when the browser goes away meanwhile (Ctrl-C, a crash)
    # its waiter fails in a task nobody awaits. Here a closed context fails the wait itself.
    opened: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

    def on_page(page: Any) -> None:
        if not opened.done():
            opened.set_result(page)

    def on_close(_context: Any = None) -> None:
        if not opened.done():
            opened.set_exception(RuntimeError("the browser closed while a page was being opened"))

    shared.context.on("page", on_page)
    shared.context.on("close", on_close)
    try:
        await shared.anchor.evaluate("() => { window.open('about:blank', '_blank', 'noopener'); }")
        return await opened
    finally:
        shared.context.remove_listener("page", on_page)
        shared.context.remove_listener("close", on_close)
        if not opened.done():
            opened.cancel()
        elif not opened.cancelled():
            opened.exception()  # seen: an exception here is the evaluate's, already raised


async def _drop(browser: Any) -> None:
    """Close the context; a persistent one takes its browser with it, and the pool
    launches a fresh one for the next candidate."""
    shared = _contexts.pop(id(browser), None)
    if shared is not None:
        try:
            await asyncio.wait_for(shared.context.close(), 5)
        except BaseException:
            pass  # the pool checks the browser and relaunches it if it is wedged


async def _wipe(shared: _Shared, page: Any) -> None:
    """Leave nothing for the next candidate: all its pages (first, so it stops drawing),
    then the origin's storage and the cookies (through the anchor's DevTools session;
    without an anchor, through the page's own, before it is closed)."""
    clear = {"origin": ORIGIN, "storageTypes": WIPED_STORAGE}
    if shared.anchor is None:
        cdp = await shared.context.new_cdp_session(page)
        await cdp.send("Storage.clearDataForOrigin", clear)
        await cdp.detach()
    for other in [page] + [p for p in shared.context.pages if p is not page]:
        if other is not shared.anchor and not other.is_closed():
            await other.close()
    if shared.anchor is not None:
        if shared.cdp is None:
            shared.cdp = await shared.context.new_cdp_session(shared.anchor)
        await shared.cdp.send("Storage.clearDataForOrigin", clear)
    await shared.context.clear_cookies()


async def run_session(browser: Any, page_spec: Page, router: Router, ev: Evidence,
                      settings: SessionSettings, want_motion: bool, want_interaction: bool = False,
                      looks_blank: Callable[[bytes], bool] | None = None, library: str | None = None) -> Evidence:
    """`library`: the base URL of the library server in the browser's jail (libserver.py),
    which serves three's own files; None: the router sends every body.

    `looks_blank` tells whether a captured frame shows nothing. A blank first frame of a
    scene that needs no motion gets a second look `motion_gap_s` later: an animated scene can
    be blank for an instant (a plane turned edge-on by a clock-driven rotation), and which
    instant the capture falls on depends on the wall clock and the machine's load, never on
    the example."""
    t0 = time.monotonic()
    budget = Budget(settings.budget_s)
    ev.page_kind = page_spec.kind
    shared = await _context_for(browser, settings)
    shared.router, shared.uses, shared.library = router, shared.uses + 1, library
    clean = False
    page = None
    try:
        page = await _open_page(shared)
        stats["pages"] += 1
        _listen(page, ev)
        ev.timings["context"] = time.monotonic() - t0

        ev.stage = "loading the page"
        try:
            await page.goto(PAGE_URL, wait_until="load", timeout=0)
        except Exception as exc:  # a navigation error, not a timeout (the deadline is outside)
            ev.load_error = str(exc).splitlines()[0][:300]
        ev.timings["load"] = time.monotonic() - t0
        if ev.load_error or ev.crashed:
            return ev

        ev.stage = "waiting for the first render"
        framed = False  # the first render and the frames after it, in one round trip
        try:
            framed = bool(await asyncio.wait_for(
                page.evaluate(FIRST_RENDER_THEN_FRAMES, [settings.settle_s * 1000, settings.frames, FRAMES_MS]),
                min(settings.settle_s + 0.5 + FRAMES_MS / 1000, budget.left())))
        except Exception:  # never rendered, or slow: the verdict says so; first make sure the page still answers
            await _probe(page, "() => 1", budget)
        ev.timings["first_render"] = time.monotonic() - t0

        ev.stage = "rendering frames"
        if not framed:
            await _probe(page, FRAMES, budget, [settings.frames, FRAMES_MS])
        # the overlays come back only when the page is used again after the capture
        await _sample(page, ev, settings, budget, restore=bool(want_motion or want_interaction))
        ev.timings["sample"] = time.monotonic() - t0
        # first, untouched: does it move by itself? Or, with no motion asked for, was the
        # first frame only blank for an instant?
        blank_first = (not want_motion and looks_blank is not None and len(ev.shots) == 1
                       and looks_blank(ev.shots[0]))
        if (want_motion or blank_first) and ev.shots:
            ev.stage = "watching for motion" if want_motion else "taking a second look at a blank frame"
            start = time.monotonic()
            await asyncio.sleep(settings.motion_gap_s)
            await _sample(page, ev, settings, budget, restore=bool(want_interaction))
            ev.gap_s = time.monotonic() - start
        if want_interaction and ev.shots:  # then: does it answer the pointer? (compared with the last frame)
            ev.stage = "dragging, zooming and clicking on the canvas"
            ev.interaction = await _interact(page, ev.summaries[-1], settings, budget)
            ev.interaction_from = len(ev.shots) - 1
            await _probe(page, FRAMES, budget, [settings.frames, FRAMES_MS])
            await _sample(page, ev, settings, budget, restore=False)
        ev.stage = "done"
        clean = not (ev.crashed or ev.navigated_away or ev.library_failed)
        return ev
    except PageHung:
        ev.hung = True
        return ev
    finally:
        ev.timings["total"] = time.monotonic() - t0
        shared.router = None  # late requests of this page are refused
        try:
            if not clean or page is None:
                raise RuntimeError("not reusable")
            await asyncio.wait_for(_wipe(shared, page), 5)
        except BaseException:
            await _drop(browser)  # a fresh context next time


# Waits (in the page, no Playwright helper script) for the first render() or an uncaught
# error, at most `ms` milliseconds.
FIRST_RENDER = """(ms) => new Promise((resolve) => {
  const end = performance.now() + ms;
  const check = () => {
    const H = window.__codevet;
    if (H && (H.renders > 0 || H.errors > 0)) resolve(true);
    else if (performance.now() >= end) resolve(false);
    else setTimeout(check, 50);
  };
  check();
})"""


# Frames to let pass (at most FRAMES_MS) after the first render, before a sample.
FRAMES_MS = 500
FRAMES = "([n, ms]) => window.__codevet.frames(n, ms)"
# The common path in one round trip: the first render, then the frames after it. True
# when both happened; otherwise the session probes the page and waits for the frames alone.
FIRST_RENDER_THEN_FRAMES = (f"([ms, n, fms]) => ({FIRST_RENDER})(ms).then("
                            "(ok) => ok ? window.__codevet.frames(n, fms).then(() => true) : false)")


# While the frame is captured, everything but the WebGL canvas is hidden: HTML overlays
# (lil-gui, Stats, info text) are not rendered content.
HIDE_OVERLAYS = """() => {
  const c = window.__codevet && window.__codevet.canvasElement();
  if (!c) return false;
  if (document.getElementById('__codevet_only_canvas')) return true;
  c.setAttribute('data-codevet-gl', '');
  const s = document.createElement('style');
  s.id = '__codevet_only_canvas';
  s.textContent = 'body *{visibility:hidden!important} canvas[data-codevet-gl]{visibility:visible!important}';
  document.documentElement.appendChild(s);
  return true;
}"""
SUMMARY_AND_HIDE = f"() => [window.__codevet.summary(200), ({HIDE_OVERLAYS})()]"
SHOW_OVERLAYS = """() => { const s = document.getElementById('__codevet_only_canvas'); if (s) s.remove(); }"""


async def _sample(page: Any, ev: Evidence, settings: SessionSettings, budget: Budget,
                  restore: bool = True) -> None:
    """`restore`: show the overlays again after the capture (not needed, and one round trip
    saved, when the page is not used again: it is closed next)."""
    # one round trip: the scene's summary, then the overlays hidden for the capture
    summary, hidden = await _probe(page, SUMMARY_AND_HIDE, budget)
    ev.summaries.append(summary or {})
    clip = _canvas_clip(summary, settings)
    try:
        shot = await asyncio.wait_for(page.screenshot(type="png", clip=clip, animations="allow",
                                                      timeout=budget.left() * 1000), budget.left(0.1))
    except asyncio.TimeoutError as exc:
        raise PageHung("screenshot") from exc
    except Exception as exc:  # Playwright's TimeoutError: the compositor gave no frame in time
        if "Timeout" not in type(exc).__name__ and "imeout" not in str(exc)[:200]:
            raise
        ev.screenshot_error = (f"the screenshot timed out after {time.monotonic() - (budget.end - settings.budget_s):.1f} s "
                               f"of the {settings.budget_s:g} s budget (no frame was presented)")
        return
    finally:
        if hidden and restore:
            try:
                await asyncio.wait_for(page.evaluate(SHOW_OVERLAYS), budget.left(0.1))
            except Exception:
                pass
    ev.shots.append(shot)


def _canvas_clip(summary: dict[str, Any] | None, settings: SessionSettings) -> dict[str, float]:
    w, h = settings.viewport
    clip = {"x": 0, "y": 0, "width": w, "height": h}
    canvas = (summary or {}).get("canvas")
    if canvas and canvas.get("width") and canvas.get("height"):
        x0, y0 = max(0.0, canvas["x"]), max(0.0, canvas["y"])
        x1, y1 = min(float(w), canvas["x"] + canvas["width"]), min(float(h), canvas["y"] + canvas["height"])
        if x1 - x0 >= 1 and y1 - y0 >= 1:
            clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    return clip


def _gestures(cx: float, cy: float, dx: float, dy: float) -> list[dict[str, Any]]:
    """The pointer gestures as DevTools input events, exactly what Playwright's
    mouse.move/down/move x8/up/wheel/click send: a left-button drag from the centre, a
    wheel turn where the drag ended, a click back at the centre."""
    def ev(kind: str, x: float, y: float, button: str = "none", buttons: int = 0, **more: Any) -> dict[str, Any]:
        return {"type": kind, "x": x, "y": y, "button": button, "buttons": buttons, "modifiers": 0, **more}

    out = [ev("mouseMoved", cx, cy),
           ev("mousePressed", cx, cy, "left", 1, clickCount=1, force=0.5)]
    out += [ev("mouseMoved", cx + dx * i / 8, cy + dy * i / 8, "left", 1, force=0.5) for i in range(1, 9)]
    out.append(ev("mouseReleased", cx + dx, cy + dy, "left", 0, clickCount=1))
    out.append({"type": "mouseWheel", "x": cx + dx, "y": cy + dy, "modifiers": 0, "deltaX": 0, "deltaY": -240})
    out += [ev("mouseMoved", cx, cy), ev("mousePressed", cx, cy, "left", 1, clickCount=1, force=0.5),
            ev("mouseReleased", cx, cy, "left", 0, clickCount=1)]
    return out


async def _interact(page: Any, summary: dict[str, Any], settings: SessionSettings, budget: Budget) -> str:
    """Drag across the canvas (orbit, pan), turn the wheel (zoom) and click: real input
    events through the browser, as a user's mouse would send them.

    Sent as DevTools `Input.dispatchMouseEvent`s on a session of the page, all at once
    (DevTools hands them to the page in order), not through Playwright's mouse, which
    takes a round trip per event and, for every move with the button held, also sets up
    and reads back HTML drag-and-drop detection in every frame (~40 round trips for this
    gesture, while an animated page keeps drawing). A canvas drag is not an HTML drag.
    Measured on the orbit-controls bench scene (6 each, alternating, 3 rounds): 1.05-1.20
    CPU s per example against 1.37-1.46, 11-11.5 render() calls against 13.5-16; the
    interaction evidence of the orbit fixtures is unchanged (e.g. 18.06% against 18.00% of
    pixels changed, 0.00% for the page without controls)."""
    clip = _canvas_clip(summary, settings)
    cx, cy = clip["x"] + clip["width"] / 2, clip["y"] + clip["height"] / 2
    dx, dy = clip["width"] / 4, clip["height"] / 6

    async def gestures() -> None:
        cdp = await page.context.new_cdp_session(page)
        try:
            # all sent at once: DevTools dispatches them in order, each after the previous
            await asyncio.gather(*(cdp.send("Input.dispatchMouseEvent", event) for event in _gestures(cx, cy, dx, dy)))
        finally:
            try:
                await cdp.detach()
            except Exception:
                pass  # the page went away

    try:
        await asyncio.wait_for(gestures(), budget.left())
    except asyncio.TimeoutError as exc:
        raise PageHung("pointer events") from exc
    return f"drag {dx:.0f},{dy:.0f} px from the canvas centre, wheel -240, click"


def _listen(page: Any, ev: Evidence) -> None:
    def on_console(msg: Any) -> None:
        if len(ev.console) >= MAX_MESSAGES:
            return
        try:
            url = (msg.location or {}).get("url", "")
        except Exception:
            url = ""
        ev.console.append((msg.type, msg.text[:MAX_TEXT], url))

    def on_error(err: Any) -> None:
        if len(ev.page_errors) < MAX_MESSAGES:
            name = getattr(err, "name", "") or "Error"
            message = getattr(err, "message", "") or str(err)
            ev.page_errors.append((name, message[:MAX_TEXT]))

    def on_crash(_page: Any) -> None:
        ev.crashed = True

    def on_request(request: Any) -> None:
        try:
            if (request.is_navigation_request() and request.frame == page.main_frame
                    and request.url != PAGE_URL and not ev.navigated_away):
                ev.navigated_away = request.url
        except Exception:
            pass

    def on_request_failed(request: Any) -> None:
        # A file of three that the library server did not deliver (the server is gone):
        # not the page's fault. ERR_ABORTED is the page going away while it loaded.
        try:
            failure = request.failure or ""
            if request.url in ev.requests.library and "ERR_ABORTED" not in failure and not ev.library_failed:
                ev.library_failed = f"{request.url}: {failure}"
        except Exception:
            pass

    def on_dialog(dialog: Any) -> None:  # alert() would block the page forever
        asyncio.ensure_future(dialog.dismiss())

    page.on("console", on_console)
    page.on("pageerror", on_error)
    page.on("crash", on_crash)
    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("requestfailed", on_request_failed)
