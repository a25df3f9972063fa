"""The Three.js sandbox against a real headless Chromium (no mocks): every good fixture
passes and every bad fixture fails for exactly the check it names (all rendered once, by
the module fixture), with screenshots, scene facts and the three that judged it; plus the
page, CDN, description and version rules the verdicts rest on. Browser behaviour (hangs,
killed browsers, hostile pages, the jail, isolation between candidates) is in
test_threejs_browser.py, so the two halves run on different test workers."""
from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from codevet.generators.candidates import read_candidates
from codevet.generators.formats import detect_format
from codevet.core.options import SandboxOptions
from codevet.core.model import Candidate, Status, Verdict
from codevet.sandboxes import create_sandbox
from threejs_cases import BAD, GOOD, HANG_TIMEOUT_S, TIMEOUT_S, TJ, explain as _explain, skip_without_a_browser

skip_without_a_browser()
pytestmark = pytest.mark.start_early

from codevet.sandboxes.threejs import ThreeJSSandbox  # noqa: E402
from codevet.sandboxes.threejs.cdn import match_cdn  # noqa: E402
from codevet.sandboxes.threejs.page import build_page  # noqa: E402
from codevet.sandboxes.threejs.pixels import BlankThresholds, blank_reason, frame_stats  # noqa: E402
from codevet.sandboxes.threejs.scene import read_description  # noqa: E402
from codevet.sandboxes.threejs.verdict import ORDER, WARNINGS  # noqa: E402


def _candidates(path: Path) -> list[Candidate]:
    return list(read_candidates(str(path)))


# Rendered by `make test-slow` only: more of the same rule (another pass on a different
# part of the API, a second fixture failing the same check). `make test` keeps one failing
# fixture per check and the passing ones the other tests below read.
SLOW_FIXTURES = {
    "addon_orbit_controls_torus_knot.js", "canvas_texture_box.js", "data_texture_plane.js",
    "spinning_torus_normal_material.js", "classic_cdnjs_orange_box.html", "rotating_particles.js",
    "custom_shader_gradient.js", "bouncing_ball_shadows.js", "instanced_cubes.js",
    "pinned_r120_classic_geometry.html", "pinned_0160_module_webgl1_renderer.js",
    "official_webgl_buffergeometry_lines.html",
    "external_fetch.js", "pinned_0150_classic_addon_missing.html", "official_webgl_loader_pcd.html",
    "black_on_black.js", "removed_named_import.js",
    # its verdict (fail timeout) is asserted in make test by test_threejs_browser.py's
    # test_browser_survives_infinite_loop_and_a_killed_browser: rendering it here too spun a
    # core for the whole hang budget, in two more browsers
    "infinite_loop.js",
}
# what the tests below read whatever is selected
READ_BY_NAME = {"module_red_sphere.js", "cdn_url_imports_purple_cylinder.js", "classic_addon_orbit_controls.html",
                "object_behind_camera.js", "pinned_r128_classic_buffer_geometry.html",
                "pinned_0150_module_srgb_encoding.js", "pinned_0161_classic_build_missing.html"}


def _by_speed(*values: str):
    """A parametrize entry, marked slow when its fixture (the first value) is in the slow set."""
    return pytest.param(*values, marks=[pytest.mark.slow] if values[0] in SLOW_FIXTURES else [])


@pytest.fixture(scope="module")
def verdicts(request: pytest.FixtureRequest) -> dict[str, Verdict]:
    """The fixtures the selected tests need (all of them under `make test-slow`), through one
    shared sandbox, two at a time, as the pipeline runs them."""
    here = request.node.nodeid
    needed = set(READ_BY_NAME)
    for item in request.session.items:
        params = getattr(item, "callspec", None)
        if item.nodeid.startswith(here) and params is not None and "name" in params.params:
            needed.add(params.params["name"])
    cands = [c for c in _candidates(TJ / "good.json") + _candidates(TJ / "bad.json") if c.raw["filename"] in needed]
    hangs = [c for c in cands if c.raw.get("expect") == "timeout"]
    rest = [c for c in cands if c.raw.get("expect") != "timeout"]
    out: dict[str, Verdict] = {}
    for group, budget in ((rest, TIMEOUT_S), (hangs, HANG_TIMEOUT_S)):
        sandbox = create_sandbox("threejs", SandboxOptions(timeout_s=budget), jobs=2)
        with sandbox:
            with ThreadPoolExecutor(2) as pool:
                out.update({c.raw["filename"]: v for c, v in zip(group, pool.map(sandbox.verify, group))})
    return out


@pytest.mark.parametrize("name", [_by_speed(r["filename"]) for r in GOOD])
def test_good_fixture_passes(verdicts: dict[str, Verdict], name: str) -> None:
    v = verdicts[name]
    assert v.status is Status.PASS, _explain(v)
    assert [c.name for c in v.checks] == list(ORDER)


@pytest.mark.parametrize("name, expect", [_by_speed(r["filename"], r["expect"]) for r in BAD])
def test_bad_fixture_fails_for_its_reason(verdicts: dict[str, Verdict], name: str, expect: str) -> None:
    v = verdicts[name]
    assert v.status is Status.FAIL, _explain(v)
    assert v.reason == expect, _explain(v)


def test_the_quick_set_still_fails_every_check_and_passes_the_page_kinds() -> None:
    """What `make test` renders still has a failing fixture for every check (the slow set
    only repeats checks) and a passing page of each kind: module, classic, full page, CDN
    URLs, a pinned release, an official example, user interaction, autonomous motion."""
    quick_bad = {r["expect"] for r in BAD if r["filename"] not in SLOW_FIXTURES}
    quick_bad.add("timeout")  # infinite_loop.js: test_threejs_browser.py's hang test asserts that verdict
    assert quick_bad == {r["expect"] for r in BAD}
    quick_good = {r["filename"] for r in GOOD} - SLOW_FIXTURES
    for kind in ("module_", "classic_", "full_page_", "cdn_url_", "pinned_", "official_", "orbit_with_the_mouse",
                 "camera_orbits"):
        assert any(name.startswith(kind) for name in quick_good), kind
    assert READ_BY_NAME <= {r["filename"] for r in GOOD + BAD} - SLOW_FIXTURES


def test_every_check_has_fixtures_that_fail_it_and_pass_it(verdicts: dict[str, Verdict]) -> None:
    failed_by = {r["expect"] for r in BAD}
    assert failed_by >= set(ORDER) - {"has-code"} - set(WARNINGS), set(ORDER) - failed_by
    good = [verdicts[r["filename"]] for r in GOOD if r["filename"] in verdicts]
    everything = len(good) == len(GOOD)  # under `make test-slow`
    asked = [c for v in good for c in v.checks if c.name == "motion" and "asks for no motion" not in c.detail]
    assert len(asked) >= (3 if everything else 2) and all(c.passed for c in asked)
    named = [c for v in good for c in v.checks if c.name == "scene-matches-description" and c.detail.startswith("found")]
    assert len(named) >= (8 if everything else 4)


def test_empty_code_fails_without_a_browser() -> None:
    sandbox = ThreeJSSandbox(SandboxOptions(), jobs=1)  # never opened: no browser needed
    v = sandbox.verify(Candidate(id="e", source="t", language="threejs", instruction="a cube", code="  \n"))
    assert v.status is Status.FAIL and v.reason == "has-code"


def test_screenshots_scene_facts_and_notes(verdicts: dict[str, Verdict]) -> None:
    import io

    from PIL import Image

    for row in (r for r in GOOD if r["filename"] in verdicts):
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
                summary = {"renders": 3, "contexts": 1, "maxCalls": 1, "info": {"calls": 1, "triangles": 12},
                           "canvas": {"x": 0, "y": 0, "width": 480, "height": 320, "attached": True, "visible": True}}
                return [summary, True] if "only_canvas" in expression else summary  # with the overlays hidden
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
    want = {"pinned_r120_classic_geometry.html": "judged with three 0.120.1",
            "pinned_r128_classic_buffer_geometry.html": "judged with three 0.128.0",
            "pinned_0150_module_srgb_encoding.js": "judged with three 0.150.1",
            "pinned_0160_module_webgl1_renderer.js": "judged with three 0.160.0",
            "pinned_0161_classic_build_missing.html": "pins 0.161.0, judged with 0.160.0"}
    for name, prefix in want.items():
        if name in lines or name not in SLOW_FIXTURES:
            assert lines[name].startswith(prefix), (name, lines.get(name))
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


def test_no_sandbox_flag_only_where_something_else_is_the_sandbox() -> None:
    from codevet.sandboxes.threejs.browser import CHROMIUM_ARGS
    from codevet.sandboxes.threejs.jail import browser_args, plan

    assert "--no-sandbox" in browser_args(CHROMIUM_ARGS, "bwrap")
    assert "--no-sandbox" not in browser_args(CHROMIUM_ARGS, "own-sandbox")
    if os.geteuid() == 0:  # Chromium's own sandbox cannot run as root: bare `none` is not allowed
        assert plan("none") in ("bwrap", "unavailable")
    assert plan("docker") == "container"


@pytest.mark.slow  # five more browsers, one per release: `make test-slow` (CI runs it too)
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
