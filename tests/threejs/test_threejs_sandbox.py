"""The Three.js sandbox against a real headless Chromium (no mocks): every good fixture
passes, every bad fixture fails for exactly the check it names, screenshots and scene
facts are written, and a hung or killed browser never costs the rest of the run."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from codevet.generators.candidates import read_candidates
from codevet.generators.formats import detect_format
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Status, Verdict
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.threejs.assets import INSTALL_COMMAND, three_dir
from codevet.sandboxes.threejs.browser import CHROMIUM
from conftest import FIXTURES

if not Path(CHROMIUM).exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)
if not (three_dir() / "package.json").exists():
    pytest.skip(f"three.js is not installed: {INSTALL_COMMAND}", allow_module_level=True)

from codevet.sandboxes.threejs import ThreeJSSandbox  # noqa: E402
from codevet.sandboxes.threejs.cdn import match_cdn  # noqa: E402
from codevet.sandboxes.threejs.page import build_page  # noqa: E402
from codevet.sandboxes.threejs.pixels import BlankThresholds, blank_reason, frame_stats  # noqa: E402
from codevet.sandboxes.threejs.scene import read_description  # noqa: E402
from codevet.sandboxes.threejs.verdict import ORDER, WARNINGS  # noqa: E402

TJ = FIXTURES / "threejs"
GOOD = json.loads((TJ / "good.json").read_text())
BAD = json.loads((TJ / "bad.json").read_text())
# Budgets generous enough that load cannot turn a slow frame into a verdict: only the
# fixtures that hang use a short one (a hung page fails under any budget).
TIMEOUT_S = 120.0
HANG_TIMEOUT_S = 4.0


def _candidates(path: Path) -> list[Candidate]:
    return list(read_candidates(str(path)))


def _explain(v: Verdict) -> str:
    return f"{v.status.value} {v.reason}: " + "; ".join(f"{c.name}: {c.detail}" for c in v.checks if not c.passed)


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Verdict]:
    """Every fixture through one shared sandbox, two at a time, as the pipeline runs them."""
    cands = _candidates(TJ / "good.json") + _candidates(TJ / "bad.json")
    hangs = [c for c in cands if c.raw.get("expect") == "timeout"]
    rest = [c for c in cands if c.raw.get("expect") != "timeout"]
    out: dict[str, Verdict] = {}
    for group, budget in ((rest, TIMEOUT_S), (hangs, HANG_TIMEOUT_S)):
        sandbox = create_sandbox("threejs", SandboxOptions(timeout_s=budget), jobs=2)
        with sandbox:
            with ThreadPoolExecutor(2) as pool:
                out.update({c.raw["filename"]: v for c, v in zip(group, pool.map(sandbox.verify, group))})
    return out


@pytest.mark.parametrize("name", [r["filename"] for r in GOOD])
def test_good_fixture_passes(verdicts: dict[str, Verdict], name: str) -> None:
    v = verdicts[name]
    assert v.status is Status.PASS, _explain(v)
    assert [c.name for c in v.checks] == list(ORDER)


@pytest.mark.parametrize("name, expect", [(r["filename"], r["expect"]) for r in BAD])
def test_bad_fixture_fails_for_its_reason(verdicts: dict[str, Verdict], name: str, expect: str) -> None:
    v = verdicts[name]
    assert v.status is Status.FAIL, _explain(v)
    assert v.reason == expect, _explain(v)


def test_every_check_has_fixtures_that_fail_it_and_pass_it(verdicts: dict[str, Verdict]) -> None:
    failed_by = {r["expect"] for r in BAD}
    assert failed_by >= set(ORDER) - {"has-code"} - set(WARNINGS), set(ORDER) - failed_by
    good = [verdicts[r["filename"]] for r in GOOD]
    asked = [c for v in good for c in v.checks if c.name == "motion" and "asks for no motion" not in c.detail]
    assert len(asked) >= 3 and all(c.passed for c in asked)
    named = [c for v in good for c in v.checks if c.name == "scene-matches-description" and c.detail.startswith("found")]
    assert len(named) >= 8


def test_empty_code_fails_without_a_browser() -> None:
    sandbox = ThreeJSSandbox(SandboxOptions(), jobs=1)  # never opened: no browser needed
    v = sandbox.verify(Candidate(id="e", source="t", language="threejs", instruction="a cube", code="  \n"))
    assert v.status is Status.FAIL and v.reason == "has-code"


def test_screenshots_scene_facts_and_notes(verdicts: dict[str, Verdict]) -> None:
    import io

    from PIL import Image

    for row in GOOD:
        v = verdicts[row["filename"]]
        with Image.open(io.BytesIO(v.files["screenshot.png"])) as im:  # bytes in the verdict: the sink writes them
            assert im.format == "PNG" and im.size[0] > 100 and im.size[1] > 100
        scene = v.artifacts["scene"]
        assert scene["renders"] >= 1 and scene["counts"]["meshes"] >= 1 and scene["camera"]["type"]
        assert "SwiftShader" in (scene["glRenderer"] or "")
    sphere = verdicts["module_red_sphere.js"].artifacts["scene"]
    mesh = next(o for o in sphere["objects"] if o["geometry"] == "SphereGeometry")
    assert mesh["materials"][0]["color"] == "#dd2222" and mesh["onScreen"] is True
    assert {light["type"] for light in sphere["lights"]} == {"PointLight", "AmbientLight"}
    cdn_notes = verdicts["cdn_url_imports_purple_cylinder.js"].artifacts["notes"]
    assert any("cdn.jsdelivr.net" in n for n in cdn_notes) and any("unpkg.com" in n for n in cdn_notes)
    classic = verdicts["classic_addon_orbit_controls.html"].artifacts["notes"]
    assert any("examples/js/controls/OrbitControls.js" in n for n in classic)
    behind = verdicts["object_behind_camera.js"].artifacts["scene"]
    assert behind["objects"][0]["onScreen"] is False


def _browser_pids() -> set[int]:
    """Chromium browser processes (not renderers) started below this test process."""
    mine, pids = os.getpid(), set()
    parents: dict[int, int] = {}
    cmds: dict[int, str] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            cmds[int(entry)] = Path(f"/proc/{entry}/cmdline").read_text().replace("\0", " ")
            parents[int(entry)] = int(stat[1])
        except (OSError, IndexError, ValueError):
            continue
    for pid, cmd in cmds.items():
        if "chromium" in cmd and "--type=" not in cmd and "--remote-debugging-pipe" in cmd:
            p = pid
            while p > 1 and p != mine:
                p = parents.get(p, 1)
            if p == mine:
                pids.add(pid)
    return pids


def test_browser_survives_infinite_loop_and_a_killed_browser() -> None:
    rows = {r["filename"]: r for r in GOOD + BAD}

    def cand(name: str) -> Candidate:
        r = rows[name]
        return Candidate(id=name, source="t", language="threejs", instruction=r["description"], code=r["code"])

    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=4), jobs=1)  # one browser: the next candidate reuses it
    with sandbox:
        hung = sandbox.verify(cand("infinite_loop.js"))
        assert hung.status is Status.FAIL and hung.reason == "timeout", _explain(hung)
        # the same browser, now with a budget no load can exhaust, judges the next ones
        sandbox.timeout_s = TIMEOUT_S
        sandbox.settings = dataclasses.replace(sandbox.settings, budget_s=TIMEOUT_S)
        after = sandbox.verify(cand("module_red_sphere.js"))
        assert after.status is Status.PASS, _explain(after)
        wrong = sandbox.verify(cand("wrong_scene_for_description.js"))
        assert wrong.reason == "scene-matches-description", _explain(wrong)

        for pid in _browser_pids():  # the browser dies between two candidates
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:  # gone already (a relaunch was under way)
                pass
        time.sleep(0.5)
        revived = sandbox.verify(cand("spinning_torus_normal_material.js"))
        assert revived.status is Status.PASS, _explain(revived)
        assert sandbox.pool.relaunches >= 2


def test_hostile_pages_still_get_verdicts() -> None:
    scene = ("const r = new THREE.WebGLRenderer(); r.setSize(innerWidth, innerHeight);"
             "document.body.appendChild(r.domElement); const s = new THREE.Scene();"
             "const c = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100); c.position.z = 3;"
             "s.add(new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshNormalMaterial())); r.render(s, c);")
    imp = "import * as THREE from 'three';\n"
    cases = {
        "alert": ("a cube", imp + "alert('hello'); confirm('sure?'); " + scene, Status.PASS),
        "console-spam": ("a cube", imp + "for (let i = 0; i < 20000; i++) console.log('x', i); " + scene, Status.PASS),
        "script-close": ("a cube", imp + "const t = '</script><script>alert(1)</script>'; " + scene, Status.PASS),
        "too-many-contexts": ("cubes", imp + "for (let i = 0; i < 20; i++) { const x = document.createElement('canvas');"
                              " x.getContext('webgl2'); } " + scene, Status.FAIL),
        "not-code": ("a cube", "This is not code at all, just prose about cubes.", Status.FAIL),
    }
    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=TIMEOUT_S), jobs=2)
    with sandbox:
        names = list(cases)
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda n: sandbox.verify(Candidate(
                id=n, source="t", language="threejs", instruction=cases[n][0], code=cases[n][1])), names))
    for name, v in zip(names, results):
        assert v.status is cases[name][2], f"{name}: {_explain(v)}"
    by = dict(zip(names, results))
    assert by["too-many-contexts"].reason in ("webgl-context", "no-webgl-warnings"), _explain(by["too-many-contexts"])
    assert by["not-code"].reason == "no-syntax-errors"


def test_doctor() -> None:
    rows = ThreeJSSandbox.doctor()
    assert rows and all(ok for _what, ok, _detail in rows), rows
    what = {w: d for w, _ok, d in rows}
    assert "Chromium" in what["chromium"] and "0.187.0" in what["three.js (npm)"]
    assert "SwiftShader" in what["WebGL via SwiftShader"]


def test_format_detection_keeps_records_as_read() -> None:
    for path in (TJ / "good.json", TJ / "bad.json"):
        records = json.loads(path.read_text())
        assert all(detect_format(r).name == "threejs" for r in records)
        cands = _candidates(path)
        assert [c.raw for c in cands] == records
        assert {c.language for c in cands} == {"threejs"} and all(c.error is None for c in cands)
        assert [c.instruction for c in cands] == [r["description"] for r in records]
    broken = list(read_candidates(str(TJ / "good.json"), format_name="threejs"))
    assert broken[0].meta["filename"] == GOOD[0]["filename"]


@pytest.mark.parametrize("url, kind, path", [
    ("https://unpkg.com/three@0.160.0/build/three.module.js", "module", "build/three.module.js"),
    ("https://unpkg.com/three", "module", "build/three.module.js"),
    ("https://cdn.jsdelivr.net/npm/three@0.150.1/examples/jsm/loaders/GLTFLoader.js", "module",
     "examples/jsm/loaders/GLTFLoader.js"),
    ("https://cdn.jsdelivr.net/npm/three@0.160/+esm", "module", "build/three.module.js"),
    ("https://esm.sh/three@0.160.0", "module", "build/three.module.js"),
    ("https://esm.sh/three@0.160.0/addons/controls/OrbitControls.js", "module", "examples/jsm/controls/OrbitControls.js"),
    ("https://cdn.skypack.dev/three@0.132.2", "module", "build/three.module.js"),
    ("https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js", "classic-core", "build/three.module.js"),
    ("https://cdnjs.cloudflare.com/ajax/libs/three.js/0.160.0/three.module.min.js", "module", "build/three.module.js"),
    ("https://unpkg.com/three@0.128.0/build/three.min.js", "classic-core", "build/three.module.js"),
    ("https://unpkg.com/three@0.128.0/examples/js/controls/OrbitControls.js", "classic-addon",
     "examples/jsm/controls/OrbitControls.js"),
    ("https://threejs.org/build/three.module.js", "module", "build/three.module.js"),
    ("https://threejs.org/examples/textures/crate.gif", "missing", "examples/textures/crate.gif"),
])
def test_cdn_urls_map_to_the_local_install(url: str, kind: str, path: str) -> None:
    hit = match_cdn(url)
    assert hit is not None and (hit.kind, hit.path) == (kind, path)


@pytest.mark.parametrize("url", ["https://unpkg.com/lodash@4/lodash.js", "https://cdn.jsdelivr.net/npm/three-stdlib@2",
                                 "https://example.com/three.module.js", "https://unpkg.com/threejs-extras/x.js"])
def test_other_urls_are_not_three(url: str) -> None:
    assert match_cdn(url) is None


def test_page_kinds() -> None:
    assert build_page("import * as THREE from 'three';\n").kind == "module"
    assert build_page("const s = new THREE.Scene();").kind == "script"
    assert build_page("<!DOCTYPE html><html><body></body></html>").kind == "html"
    html = build_page("<html><head></head><body><script src='https://unpkg.com/three@0.120.0/build/three.min.js'>"
                      "</script></body></html>")
    assert "/codevet/three.classic.js" in html.html and "unpkg.com" not in html.html and html.notes


def test_blank_frame_measures() -> None:
    th = BlankThresholds()
    black = np.zeros((200, 300, 3), dtype=np.uint8)
    assert blank_reason(frame_stats(black, th), th)
    dim = black.copy()
    dim[90:110, 140:160] = 6  # a nearly black object on black: blank
    assert blank_reason(frame_stats(dim, th), th)
    cube = black.copy()
    cube[80:120, 130:170] = (200, 30, 30)
    assert blank_reason(frame_stats(cube, th), th) is None
    sky = np.full((200, 300, 3), (90, 140, 220), dtype=np.uint8)
    assert blank_reason(frame_stats(sky, th), th)


@pytest.mark.parametrize("text, motion", [
    ("A rotating red cube", "rotating"), ("a cube spinning slowly", "spinning"),
    ("A static cube, not rotating", None), ("A torus knot with orbit controls", None),
    ("The camera orbits a sphere", "orbits"), ("a red sphere", None),
])
def test_description_motion_words(text: str, motion: str | None) -> None:
    assert read_description(text).motion == motion


def test_description_colours_and_shapes() -> None:
    w = read_description("A red sphere and a blue cube in a skybox")
    assert w.colours == ["red", "blue"]
    assert set(w.shapes) == {"sphere", "cube"}


def test_slow_frames_are_slow_not_hung() -> None:
    """The first frames block the main thread for 2.5 s each (a heavy SwiftShader frame on
    a loaded machine): longer than the old fixed 2 s probe, well inside the budget, so it
    passes. Later frames are quick, so the test spends its time on the slow part only."""
    code = ("import * as THREE from 'three';\n"
            "const r = new THREE.WebGLRenderer(); r.setSize(innerWidth, innerHeight);"
            "document.body.appendChild(r.domElement); const s = new THREE.Scene();"
            "const c = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100); c.position.z = 3;"
            "s.add(new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshNormalMaterial()));"
            "let n = 0; function loop() { const t = performance.now();"
            " while (n < 3 && performance.now() - t < 2500) {} n++;"
            " r.render(s, c); requestAnimationFrame(loop); } loop();")
    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=TIMEOUT_S), jobs=1)
    with sandbox:
        v = sandbox.verify(Candidate(id="slow", source="t", language="threejs", instruction="a cube", code=code))
    assert v.status is Status.PASS, _explain(v)
    assert v.artifacts["timings"]["total"] > 2.5  # it really was slow


def test_screenshot_timeout_is_a_fail_not_a_crash() -> None:
    """Playwright's own TimeoutError from page.screenshot ends as a failed frame check with
    its reason, never as `browser-crashed`."""
    import asyncio

    from playwright.async_api import TimeoutError as PlaywrightTimeout

    from codevet.sandboxes.threejs.session import Budget, Evidence, SessionSettings, _sample
    from codevet.sandboxes.threejs.verdict import judge

    class NoFramePage:
        async def evaluate(self, expression: str, arg: object = None) -> object:
            if "summary" in expression:
                return {"renders": 3, "contexts": 1, "maxCalls": 1, "info": {"calls": 1, "triangles": 12},
                        "canvas": {"x": 0, "y": 0, "width": 480, "height": 320, "attached": True, "visible": True}}
            return True

        async def screenshot(self, **kw: object) -> bytes:
            raise PlaywrightTimeout(f"Timeout {kw.get('timeout')}ms exceeded.")

    ev, settings = Evidence(page_kind="module"), SessionSettings(budget_s=5)
    asyncio.run(_sample(NoFramePage(), ev, settings, Budget(5)))
    assert not ev.shots and "screenshot timed out" in (ev.screenshot_error or "")
    out = judge(ev, code="x", wants=read_description("a cube"), timeout_s=5, th=BlankThresholds(),
                console_allow=None, frames=[], stats=None)
    assert out.reason == "frame-not-blank"
    assert "screenshot timed out" in next(c.detail for c in out.checks if c.name == "frame-not-blank")


@pytest.mark.parametrize("text, interaction, motion", [
    ("Create a cube you can orbit around with the mouse", True, None),
    ("A blue torus knot that the user can inspect with orbit controls.", True, None),
    ("Click on the sphere to change its colour", True, None),
    ("a red cube that spins when you drag it", True, None),
    ("A rotating red cube", False, "rotating"),
    ("The camera orbits around a static red cube.", False, "orbits"),
])
def test_description_interaction_words(text: str, interaction: bool, motion: str | None) -> None:
    w = read_description(text)
    assert bool(w.interaction) is interaction and w.motion == motion


@pytest.mark.parametrize("code, pin", [
    ("<script src='https://unpkg.com/three@0.120.1/build/three.min.js'></script>", "0.120.1"),
    ("<script src='https://cdnjs.cloudflare.com/ajax/libs/three.js/r128/three.min.js'></script>", "r128"),
    ("import * as THREE from 'https://cdn.jsdelivr.net/npm/three@0.160.0/build/three.module.js';", "0.160.0"),
    ("import * as THREE from 'https://esm.sh/three@0.150';", "0.150"),
    ("import * as THREE from 'three';", None),
])
def test_pinned_version_is_read_from_cdn_urls(code: str, pin: str | None) -> None:
    from codevet.sandboxes.threejs.versions import pinned_version

    assert pinned_version(code) == pin


def test_version_choice_and_its_report_line(tmp_path: Path) -> None:
    from codevet.sandboxes.threejs.versions import ThreeVersions, versions_dir

    versions = ThreeVersions()
    installed = set(versions.available)
    assert {"0.120.1", "0.128.0", "0.150.1", "0.160.0"} <= installed, f"run `codevet setup`: {installed}"
    assert versions.choose("r128").three.version == "0.128.0" and versions.choose("r128").exact
    assert versions.choose("0.150.0").three.version == "0.150.1"  # same minor, other patch: that release line
    odd = versions.choose("0.155.0")
    assert not odd.exact and odd.line == f"pins 0.155.0, judged with {odd.three.version} (pinned version not installed)"
    assert versions.choose(None).three.version == versions.current.version
    bare = ThreeVersions(folder=tmp_path)  # nothing older installed: everything goes to the current one
    assert bare.choose("r120").line.startswith("pins r120, judged with " + versions.current.version)
    assert versions_dir().name == "node_modules"


def test_pinned_fixtures_say_which_three_judged_them(verdicts: dict[str, Verdict]) -> None:
    lines = {name: next(c.detail for c in v.checks if c.name == "three-version") for name, v in verdicts.items()}
    assert lines["pinned_r120_classic_geometry.html"].startswith("judged with three 0.120.1")
    assert lines["pinned_r128_classic_buffer_geometry.html"].startswith("judged with three 0.128.0")
    assert lines["pinned_0150_module_srgb_encoding.js"].startswith("judged with three 0.150.1")
    assert lines["pinned_0160_module_webgl1_renderer.js"].startswith("judged with three 0.160.0")
    assert lines["pinned_0161_classic_build_missing.html"].startswith("pins 0.161.0, judged with 0.160.0")
    assert "pins no version" in lines["module_red_sphere.js"]
    assert verdicts["pinned_r128_classic_buffer_geometry.html"].artifacts["three"] == "0.128.0"


def test_setup_reads_the_version_list_and_its_aliases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from codevet.harness.setup import THREE_VERSIONS_ENV, _configured, npm_installed
    from codevet.sandboxes.requires import REQUIREMENTS

    assert "pinned" in REQUIREMENTS["threejs"].npm
    pkg = tmp_path / "node_modules" / "three-0.128.0"
    pkg.mkdir(parents=True)
    (pkg / "package.json").write_text(json.dumps({"name": "three", "version": "0.128.0"}))
    assert npm_installed(tmp_path, {"dependencies": {"three-0.128.0": "npm:three@0.128.0"}})
    assert not npm_installed(tmp_path, {"dependencies": {"three-0.128.0": "npm:three@0.128.1"}})
    shipped = {"dependencies": {"three-0.150.1": "npm:three@0.150.1"}}
    monkeypatch.setenv(THREE_VERSIONS_ENV, "0.128.0,0.160.1")
    assert _configured("threejs", "pinned", shipped)["dependencies"] == {
        "three-0.128.0": "npm:three@0.128.0", "three-0.160.1": "npm:three@0.160.1"}
    assert _configured("threejs", "web", shipped) is shipped


def test_chromium_is_jailed_no_host_files_no_loopback(tmp_path: Path) -> None:
    """Under the default backend Chromium runs in bubblewrap. A candidate's fetch to a
    loopback listener is blocked and named; and even the browser itself, driven straight
    to the host's files and to the listener (no router in the way), sees neither: its /tmp
    is private, the home is not there, its network namespace is empty."""
    import socket
    import threading

    from codevet.sandboxes.isolation.bwrap import bwrap_works

    if not bwrap_works():
        pytest.skip("bubblewrap cannot make namespaces here")
    secret = Path("/tmp") / f"codevet-secret-{os.getpid()}.txt"
    secret.write_text("host secret")
    in_home = Path.home() / f".codevet-jail-probe-{os.getpid()}"
    in_home.write_text("host home")
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.2)
    port, hits, stop = srv.getsockname()[1], [], threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, addr = srv.accept()
                hits.append(addr)
                conn.close()
            except OSError:
                pass

    threading.Thread(target=accept, daemon=True).start()
    code = ("import * as THREE from 'three';\n"
            f"try {{ await fetch('file://{secret}'); }} catch (e) {{}}\n"
            f"try {{ await fetch('http://127.0.0.1:{port}/steal'); }} catch (e) {{}}\n")

    async def straight_to_host(browser: object) -> list[str]:
        context = await browser.new_context()  # type: ignore[attr-defined]
        try:
            page = await context.new_page()
            seen = []
            for url in (f"file://{secret}", f"file://{Path.home()}/", f"http://127.0.0.1:{port}/direct"):
                try:
                    await page.goto(url, timeout=30_000)
                    seen.append(await page.content())
                except Exception as exc:
                    seen.append(f"error {str(exc).splitlines()[0]}")
            return seen
        finally:
            await context.close()

    try:
        sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=TIMEOUT_S, isolation="bwrap"), jobs=1)
        with sandbox:
            assert sandbox.confinement == "bwrap" and sandbox.pool.executable.endswith("chromium-in-bwrap")
            v = sandbox.verify(Candidate(id="jail", source="t", language="threejs", instruction="x", code=code))
            seen = sandbox.pool.run(straight_to_host, timeout=TIMEOUT_S)
    finally:
        stop.set()
        secret.unlink()
        in_home.unlink()
    blocked = next(c.detail for c in v.checks if c.name == "no-blocked-requests")
    assert v.reason == "no-blocked-requests" and f"127.0.0.1:{port}/steal" in blocked, _explain(v)
    assert seen[2].startswith("error"), seen[2]  # own, empty network namespace
    assert "host secret" not in seen[0] and seen[0].startswith("error"), seen[0]  # private /tmp
    assert in_home.name not in seen[1], seen[1]  # no home
    assert not hits, hits  # nothing from inside reached the host's loopback


def test_no_sandbox_flag_only_where_something_else_is_the_sandbox() -> None:
    from codevet.sandboxes.threejs.browser import CHROMIUM_ARGS
    from codevet.sandboxes.threejs.jail import browser_args, plan

    assert "--no-sandbox" in browser_args(CHROMIUM_ARGS, "bwrap")
    assert "--no-sandbox" not in browser_args(CHROMIUM_ARGS, "own-sandbox")
    if os.geteuid() == 0:  # Chromium's own sandbox cannot run as root: bare `none` is not allowed
        assert plan("none") in ("bwrap", "unavailable")
    assert plan("docker") == "container"


LEAVE_TRACES = """
localStorage.setItem('codevet-trace', '1');
sessionStorage.setItem('codevet-trace', '1');
document.cookie = 'codevettrace=1; max-age=3600; path=/';
window.codevetTrace = 1;
await caches.open('codevet-trace').then((c) => c.put('/trace', new Response('1')));
await new Promise((ok, bad) => { const r = indexedDB.open('codevet-trace', 1);
  r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => { r.result.close(); ok(); }; r.onerror = bad; });
try { await navigator.serviceWorker.register('/sw.js'); } catch (e) { /* blocked: that is the point */ }
"""
FIND_TRACES = """
const found = [];
if (localStorage.getItem('codevet-trace')) found.push('localStorage');
if (sessionStorage.getItem('codevet-trace')) found.push('sessionStorage');
if (document.cookie.includes('codevettrace')) found.push('cookie');
if (window.codevetTrace) found.push('global');
if ((await caches.keys()).includes('codevet-trace')) found.push('Cache Storage');
if ((await indexedDB.databases()).some((d) => d.name === 'codevet-trace')) found.push('IndexedDB');
if (navigator.serviceWorker && (await navigator.serviceWorker.getRegistrations()).length) found.push('service worker');
if (found.length) throw new Error('traces of the previous candidate: ' + found.join(', '));
"""
CUBE = ("const r = new THREE.WebGLRenderer(); r.setSize(innerWidth, innerHeight);"
        "document.body.appendChild(r.domElement); const s = new THREE.Scene();"
        "const c = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100); c.position.z = 3;"
        "s.add(new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshNormalMaterial())); r.render(s, c);\n")


def test_a_fresh_page_sees_nothing_of_the_previous_candidate() -> None:
    """The browser context is reused (that is the speed); the page is the isolation unit.
    One candidate writes storage, a cookie, caches, IndexedDB, a global and tries a
    service worker; the next one, on the same browser and context, must find none of
    them. The control (both halves in one page) shows the finder finds them."""
    from codevet.sandboxes.threejs import session

    imp = "import * as THREE from 'three';\n"
    cand = lambda i, code: Candidate(id=i, source="t", language="threejs", instruction="a cube", code=code)  # noqa: E731
    sandbox = ThreeJSSandbox(SandboxOptions(timeout_s=TIMEOUT_S), jobs=1)  # one browser, one context
    with sandbox:
        before = session.stats["contexts_created"]
        writer = sandbox.verify(cand("writer", imp + LEAVE_TRACES + CUBE))
        reader = sandbox.verify(cand("reader", imp + FIND_TRACES + CUBE))
        control = sandbox.verify(cand("control", imp + LEAVE_TRACES + FIND_TRACES + CUBE))
        reused = session.stats["contexts_created"] - before
    assert writer.status is Status.PASS, _explain(writer)
    assert reader.status is Status.PASS, _explain(reader)
    assert control.status is Status.FAIL and "traces of the previous candidate" in _explain(control)
    assert {"localStorage", "cookie", "global", "Cache Storage", "IndexedDB"} <= set(
        _explain(control).split("candidate: ")[1].split(";")[0].split(", "))
    assert reused == 1, f"{reused} contexts for 3 candidates: the context was not reused"


def test_pinned_pages_match_a_reference_run_with_their_version(verdicts: dict[str, Verdict], tmp_path: Path) -> None:
    """A sandbox whose only three is the pinned release (the reference run) gives each pinned
    page the verdict the shipped sandbox gave it; with only the current three they fail."""
    from codevet.sandboxes.threejs.assets import ThreeInstall
    from codevet.sandboxes.threejs.versions import ThreeVersions, versions_dir

    pinned = {"pinned_r120_classic_geometry.html": "0.120.1", "pinned_r128_classic_buffer_geometry.html": "0.128.0",
              "pinned_0150_module_srgb_encoding.js": "0.150.1", "pinned_0160_module_webgl1_renderer.js": "0.160.0",
              "pinned_0150_classic_addon_missing.html": "0.150.1"}
    rows = {r["filename"]: r for r in GOOD + BAD}
    for name, version in pinned.items():
        reference = ThreeJSSandbox(SandboxOptions(timeout_s=TIMEOUT_S), jobs=1)
        only = ThreeInstall(versions_dir() / f"three-{version}")
        reference.three, reference.versions = only, ThreeVersions(only, folder=tmp_path)  # every page: that release
        with reference:
            ref = reference.verify(Candidate(id=name, source="t", language="threejs",
                                             instruction=rows[name]["description"], code=rows[name]["code"]))
        assert (ref.status, ref.reason) == (verdicts[name].status, verdicts[name].reason), (name, _explain(ref))
        assert ref.artifacts["three"] == version
