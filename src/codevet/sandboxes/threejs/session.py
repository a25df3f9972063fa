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
from typing import Any

from codevet.core.resources import package_dir
from codevet.sandboxes.threejs.page import PAGE_URL, Page
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
    probe_s: float = 2.0         # an evaluate that takes longer means the page is hung


@dataclass
class Evidence:
    page_kind: str = ""
    stage: str = "starting"
    timed_out: bool = False
    hung: bool = False
    crashed: bool = False
    load_error: str | None = None
    navigated_away: str | None = None
    console: list[tuple[str, str, str]] = field(default_factory=list)  # (type, text, url)
    page_errors: list[tuple[str, str]] = field(default_factory=list)  # (name, message)
    requests: RequestLog = field(default_factory=RequestLog)
    summaries: list[dict[str, Any]] = field(default_factory=list)
    shots: list[bytes] = field(default_factory=list)
    gap_s: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)


class PageHung(Exception):
    """The page stopped answering (its main thread is busy)."""


async def _probe(page: Any, expression: str, seconds: float, arg: Any = None) -> Any:
    try:
        return await asyncio.wait_for(page.evaluate(expression, arg), seconds)
    except asyncio.TimeoutError as exc:
        raise PageHung(expression) from exc


async def run_session(browser: Any, page_spec: Page, router: Router, ev: Evidence,
                      settings: SessionSettings, want_motion: bool) -> Evidence:
    t0 = time.monotonic()
    ev.page_kind = page_spec.kind
    w, h = settings.viewport
    context = await browser.new_context(viewport={"width": w, "height": h}, device_scale_factor=1,
                                        service_workers="block", accept_downloads=False)
    try:
        await context.add_init_script(script=INSTRUMENT)

        async def handle(route: Any) -> None:
            try:
                answer = router.answer(route.request.url)
                if answer.blocked:
                    await route.abort("blockedbyclient")
                else:
                    await route.fulfill(status=answer.status, body=answer.body,
                                        headers={"content-type": answer.content_type,
                                                 "access-control-allow-origin": "*",
                                                 "cache-control": "no-store"})
            except Exception:
                pass  # the page went away while we answered

        await context.route("**/*", handle)
        page = await context.new_page()
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
        try:
            await page.wait_for_function("() => window.__codevet && (window.__codevet.renders > 0 || window.__codevet.errors > 0)",
                                         polling=50, timeout=settings.settle_s * 1000)
        except Exception:
            pass  # never rendered: the verdict says so; first make sure the page still answers
        await _probe(page, "() => 1", settings.probe_s)
        ev.timings["first_render"] = time.monotonic() - t0

        ev.stage = "rendering frames"
        await _probe(page, "([n, ms]) => window.__codevet.frames(n, ms)", settings.probe_s + 1,
                     [settings.frames, 500])
        await _sample(page, ev, settings)
        ev.timings["sample"] = time.monotonic() - t0
        if want_motion:
            ev.stage = "watching for motion"
            start = time.monotonic()
            await asyncio.sleep(settings.motion_gap_s)
            await _sample(page, ev, settings)
            ev.gap_s = time.monotonic() - start
        ev.stage = "done"
        return ev
    except PageHung:
        ev.hung = True
        return ev
    finally:
        ev.timings["total"] = time.monotonic() - t0
        try:
            await asyncio.wait_for(context.close(), 5)
        except BaseException:
            pass  # the pool checks the browser and relaunches it if it is wedged


async def _sample(page: Any, ev: Evidence, settings: SessionSettings) -> None:
    summary = await _probe(page, "() => window.__codevet.summary(200)", settings.probe_s)
    ev.summaries.append(summary or {})
    w, h = settings.viewport
    clip = {"x": 0, "y": 0, "width": w, "height": h}
    canvas = (summary or {}).get("canvas")
    if canvas and canvas.get("width") and canvas.get("height"):
        x0, y0 = max(0.0, canvas["x"]), max(0.0, canvas["y"])
        x1, y1 = min(float(w), canvas["x"] + canvas["width"]), min(float(h), canvas["y"] + canvas["height"])
        if x1 - x0 >= 1 and y1 - y0 >= 1:
            clip = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
    try:
        shot = await asyncio.wait_for(page.screenshot(type="png", clip=clip, animations="allow",
                                                      timeout=settings.probe_s * 2000), settings.probe_s * 2 + 1)
    except asyncio.TimeoutError as exc:
        raise PageHung("screenshot") from exc
    ev.shots.append(shot)


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

    def on_dialog(dialog: Any) -> None:  # alert() would block the page forever
        asyncio.ensure_future(dialog.dismiss())

    page.on("console", on_console)
    page.on("pageerror", on_error)
    page.on("crash", on_crash)
    page.on("request", on_request)
    page.on("dialog", on_dialog)
