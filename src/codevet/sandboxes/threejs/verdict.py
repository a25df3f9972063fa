"""From evidence to named checks. Each check says one thing and names its evidence.

Order matters: the verdict's reason is the first failing check, and checks are ordered
from cause to consequence (a syntax error also means no render and a blank frame; a
blocked texture also means a console error), so the reason names the root cause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from codevet.core.model import Check
from codevet.sandboxes.threejs.pixels import BlankThresholds, FrameStats, blank_reason, changed_fraction
from codevet.sandboxes.threejs.scene import Wants, description_problems, transforms_moved, unlit_objects
from codevet.sandboxes.threejs.session import Evidence

# Checks that warn and never fail an example (their detail starts with "warning:").
# "three-version" only informs: which three judged the page (added by the sandbox).
WARNINGS = ("optional-requests", "three-version")
ORDER = ("has-code", "three-version", "timeout", "page-loads", "no-blocked-requests", "optional-requests", "no-syntax-errors", "three-api-exists",
         "no-page-errors", "webgl-context", "no-shader-errors", "no-webgl-warnings", "no-console-errors",
         "render-called", "scene-is-lit", "frame-not-blank", "motion", "interaction", "scene-matches-description")

SHADER = re.compile(r"Shader Error|WebGLProgram|WebGLShader|shader (?:compile|link)|ERROR: \d+:\d+", re.I)
CONTEXT_LOST = re.compile(r"Context Lost|CONTEXT_LOST_WEBGL", re.I)
GL_WARNING = re.compile(r"WebGL: (?:INVALID_\w+|OUT_OF_MEMORY)|GL_INVALID_\w+|GL ERROR|"
                        r"Too many active WebGL contexts|WebGL: too many errors", re.I)
BLOCKED_ECHO = re.compile(r"^Failed to load resource: net::ERR_(?:BLOCKED_BY_CLIENT|FAILED)")
DEFAULT_ALLOW = re.compile(r"favicon\.ico|KHR_parallel_shader_compile|Timestamp tracking is disabled", re.I)
MISSING_EXPORT = re.compile(r"does not provide an export named '([\w$]+)'")
THREE_MEMBER = re.compile(r"\bTHREE\.([\w$]+)(?:\.[\w$]+)* is not a (?:constructor|function)|"
                          r"\bTHREE\.([\w$]+) is undefined")
# Names LLMs still emit from three.js before r125..r160 (removed or renamed since).
REMOVED = {"Geometry", "Face3", "Face4", "CubeGeometry", "MeshFaceMaterial", "MultiMaterial", "JSONLoader",
           "ImageUtils", "GeometryUtils", "computeFaceNormals", "applyMatrix", "setClearColorHex",
           "LensFlare", "SceneUtils", "Projector", "CanvasRenderer", "Math", "LinePieces",
           "BoxBufferGeometry", "SphereBufferGeometry", "PlaneBufferGeometry", "CylinderBufferGeometry",
           "TorusBufferGeometry", "ConeBufferGeometry", "CircleBufferGeometry", "RingBufferGeometry",
           "TorusKnotBufferGeometry", "IcosahedronBufferGeometry", "OctahedronBufferGeometry",
           "DodecahedronBufferGeometry", "TetrahedronBufferGeometry", "ExtrudeBufferGeometry",
           "ShapeBufferGeometry", "LatheBufferGeometry", "TubeBufferGeometry", "ParametricGeometry",
           "TextGeometry", "FontLoader", "OrbitControls", "GLTFLoader", "OBJLoader", "EffectComposer",
           "RenderPass", "UnrealBloomPass", "TrackballControls", "PointerLockControls", "Stats",
           "encoding", "outputEncoding", "sRGBEncoding", "LinearEncoding", "physicallyCorrectLights"}
WEBGL_CREATE = re.compile(r"Error creating WebGL context|WebGL context could not be created", re.I)


@dataclass(frozen=True)
class Judgement:
    checks: list[Check]
    reason: str | None


def _short(items: list[str], n: int = 3) -> str:
    head = "; ".join(items[:n])
    return head + (f" (+{len(items) - n} more)" if len(items) > n else "")


def _classify_errors(ev: Evidence) -> tuple[list[str], list[str], list[str], list[str]]:
    syntax, api, webgl, other = [], [], [], []
    for name, message in ev.page_errors:
        text = f"{name}: {message}"
        export = MISSING_EXPORT.search(message)
        member = THREE_MEMBER.search(message)
        removed = re.search(r"\b([\w$]+) is not a (?:constructor|function)", message)
        if export and ("three" in message.lower()):
            api.append(f"{text} (not exported by three)")
        elif member:
            api.append(text)
        elif removed and removed.group(1) in REMOVED:
            api.append(text)
        elif WEBGL_CREATE.search(message):
            webgl.append(text)
        elif name == "SyntaxError" and not export:
            syntax.append(text)
        else:
            other.append(text)
    return syntax, api, webgl, other


def judge(ev: Evidence, *, code: str, wants: Wants, timeout_s: float, th: BlankThresholds,
          console_allow: re.Pattern[str] | None, frames: list[np.ndarray], stats: FrameStats | None, shown: int = 0) -> Judgement:
    checks: list[Check] = []
    add = checks.append
    if not code.strip():
        return Judgement([Check("has-code", False, "the example has no code")], "has-code")
    add(Check("has-code", True, f"{ev.page_kind} page"))

    if ev.timed_out or ev.hung:
        why = "stopped answering" if ev.hung else f"did not finish within {timeout_s:g} s"
        add(Check("timeout", False, f"the page {why} while {ev.stage} (an endless loop or far too much work)"))
    else:
        add(Check("timeout", True, f"finished in {ev.timings.get('total', 0):.2f} s"))

    if ev.crashed:
        add(Check("page-loads", False, "the page crashed (renderer process died)"))
    elif ev.navigated_away:
        add(Check("page-loads", False, f"the page navigated away to {ev.navigated_away}"))
    elif ev.load_error:
        add(Check("page-loads", False, ev.load_error))
    elif ev.timed_out and ev.stage == "loading the page":
        add(Check("page-loads", False, "the load event never fired"))
    else:
        add(Check("page-loads", True, "load event fired"))

    blocked = list(ev.requests.blocked)
    add(Check("no-blocked-requests", not blocked,
              f"needs what is not available offline: {_short(blocked)}" if blocked else
              f"{ev.requests.served} requests answered locally"))

    optional = list(ev.requests.optional)
    add(Check("optional-requests", True, f"warning: blocked, not needed for the scene: {_short(optional)}"
              if optional else "no stylesheet, favicon or polyfill was blocked"))

    syntax, api, webgl_errors, other = _classify_errors(ev)
    add(Check("no-syntax-errors", not syntax, _short(syntax) if syntax else "code parsed"))
    add(Check("three-api-exists", not api, f"uses three.js API that does not exist in this version: {_short(api)}"
              if api else "every three.js name used exists"))
    add(Check("no-page-errors", not other, _short(other) if other else "no uncaught exceptions"))

    if ev.timed_out or ev.hung:
        return Judgement(checks, "no-blocked-requests" if blocked else "timeout")

    summaries = ev.summaries
    s1 = summaries[0] if summaries else {}
    lost_msgs = [t for _, t, _ in ev.console if CONTEXT_LOST.search(t)]
    contexts = int(s1.get("contexts") or 0)
    lost = max((int(s.get("lost") or 0) for s in summaries), default=0)
    if webgl_errors:
        add(Check("webgl-context", False, _short(webgl_errors)))
    elif lost or lost_msgs:
        add(Check("webgl-context", False, f"WebGL context lost ({lost} lost event(s); {_short(lost_msgs, 1)})"))
    elif contexts == 0:
        failures = int(s1.get("contextFailures") or 0)
        add(Check("webgl-context", False, "no WebGL context was created"
                  + (f" ({failures} getContext call(s) returned null)" if failures else "")))
    else:
        add(Check("webgl-context", True, f"{contexts} context(s), none lost"))

    shader = [t for _, t, _ in ev.console if SHADER.search(t)]
    add(Check("no-shader-errors", not shader, _short([s.splitlines()[0][:300] for s in shader], 2)
              if shader else "all programs compiled and linked"))
    gl_warn = [t for _, t, _ in ev.console if GL_WARNING.search(t) and not SHADER.search(t)]
    add(Check("no-webgl-warnings", not gl_warn, _short(gl_warn) if gl_warn else "no WebGL validation messages"))

    errors = []
    for kind, text, url in ev.console:
        if kind != "error" or SHADER.search(text) or CONTEXT_LOST.search(text) or GL_WARNING.search(text):
            continue
        if BLOCKED_ECHO.search(text) and (blocked or optional):
            continue  # the browser's echo of a request we blocked: reported above, with its URL
        if DEFAULT_ALLOW.search(text + " " + url) or (console_allow and console_allow.search(text)):
            continue
        errors.append(text.splitlines()[0][:300] if text else "(empty console.error)")
    add(Check("no-console-errors", not errors, _short(errors) if errors else "no console errors"))

    renders = int(s1.get("renders") or 0)
    add(Check("render-called", renders > 0, f"render() called {renders} time(s) before the first sample"
              if renders else "renderer.render() was never called"))

    unlit = unlit_objects(s1) if renders else []
    add(Check("scene-is-lit", not unlit, f"lit materials but no light or environment map: {_short(unlit)}"
              if unlit else "every lit material has light"))

    seen = summaries[shown] if shown < len(summaries) else s1  # the summary taken with the frame judged
    canvas = seen.get("canvas") or {}
    info = seen.get("info") or {}
    draw = f"last render: {info.get('calls', '?')} draw call(s), {info.get('triangles', '?')} triangles"
    if not renders:
        add(Check("frame-not-blank", False, "nothing was rendered"))
    elif canvas and not canvas.get("attached"):
        add(Check("frame-not-blank", False, "the renderer's canvas is not in the page (domElement never appended)"))
    elif canvas and not canvas.get("visible", True):
        add(Check("frame-not-blank", False, "the renderer's canvas is hidden"))
    elif stats is None:
        add(Check("frame-not-blank", False, ev.screenshot_error or "no screenshot could be taken"))
    elif int(seen.get("maxCalls") or 0) == 0 and not info.get("triangles") and not info.get("points") \
            and not info.get("lines"):
        add(Check("frame-not-blank", False, f"nothing drawn: 0 draw calls in {renders} render(s) "
                  f"(the WebGL canvas shows only its clear colour or background)"))
    else:
        why = blank_reason(stats, th)
        measures = (f"content {stats.content:.2%}, {stats.colors} colours, edges {stats.edges:.2%}, "
                    f"luma std {stats.luma_std:.1f}; {draw}")
        if shown:
            measures += f"; frame {shown + 1} of {len(frames)} (the first was blank: looked again)"
        elif not wants.motion and len(frames) > 1 and ev.interaction is None:
            measures += f"; blank in all {len(frames)} frames taken"
        add(Check("frame-not-blank", why is None, f"blank: {why}; {measures}" if why else measures))

    if wants.motion:
        if len(frames) < 2 or len(summaries) < 2:
            add(Check("motion", False, f"asked for ('{wants.motion}') but no second frame could be taken"))
        else:
            changed = changed_fraction(frames[0], frames[1], th.pixel_delta)
            renders2 = int(summaries[1].get("renders") or 0)
            kept_rendering = renders2 > renders
            moved = transforms_moved(summaries[0], summaries[1]) and kept_rendering
            ok = (changed >= th.min_motion and kept_rendering) or moved
            add(Check("motion", ok, f"'{wants.motion}': {changed:.2%} of pixels changed in {ev.gap_s:.2f} s "
                      f"(need {th.min_motion:.2%}); objects/camera moved: {'yes' if moved else 'no'}; "
                      f"{renders2 - renders} render(s) in between"))
    else:
        add(Check("motion", True, "the description asks for no motion"))

    if wants.interaction:
        i0 = ev.interaction_from
        if ev.interaction is None or len(frames) < i0 + 2 or len(summaries) < i0 + 2:
            add(Check("interaction", False, f"asked for ('{wants.interaction}') but no frame after the pointer "
                      f"events could be taken" + (f": {ev.screenshot_error}" if ev.screenshot_error else "")))
        else:
            changed = changed_fraction(frames[i0], frames[i0 + 1], th.pixel_delta)
            moved = transforms_moved(summaries[i0], summaries[i0 + 1])
            ok = changed >= th.min_motion or moved
            add(Check("interaction", ok, f"'{wants.interaction}': after {ev.interaction}, {changed:.2%} of pixels "
                      f"changed (need {th.min_motion:.2%}); objects/camera moved: {'yes' if moved else 'no'}"))
    else:
        add(Check("interaction", True, "the description asks for no pointer interaction"))

    if wants.colours or wants.shapes:
        missing, found = description_problems(wants, s1, frames[shown] if frames else None)
        add(Check("scene-matches-description", not missing,
                  f"missing: {_short(missing)}" + (f"; found: {_short(found)}" if found else "")
                  if missing else f"found {_short(found, 6)}"))
    else:
        add(Check("scene-matches-description", True, "the description names no colour or primitive"))

    failed = [c.name for c in checks if not c.passed]
    if "no-blocked-requests" in failed:  # what the scene needed and could not get is named first
        return Judgement(checks, "no-blocked-requests")
    return Judgement(checks, failed[0] if failed else None)
