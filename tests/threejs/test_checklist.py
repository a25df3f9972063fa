"""The three.js data guide's checklist: each named check has examples that pass and
examples that fail for the reason it names, and `verify --checklist` applies it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from codevet.core.model import Candidate
from codevet.harness import threejs_checklist as cl

SCENE = "\n".join([
    "const scene = new THREE.Scene();",
    "const camera = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100);",
    "camera.position.z = 5;",
    "const renderer = new THREE.WebGLRenderer();",
    "renderer.setSize(innerWidth, innerHeight);",
    "document.body.appendChild(renderer.domElement);",
    "scene.add(new THREE.AmbientLight(0xffffff, 0.4));",
    "const light = new THREE.DirectionalLight(0xffffff, 1.5);",
    "light.position.set(1, 2, 3);",
    "scene.add(light);",
    "const cube = new THREE.Mesh(",
    "  new THREE.BoxGeometry(1, 1, 1),",
    "  new THREE.MeshStandardMaterial({ color: 0xcc2020 })",
    ");",
    "scene.add(cube);",
    "function animate() {",
    "  requestAnimationFrame(animate);",
    "  cube.rotation.y += 0.01;",
    "  renderer.render(scene, camera);",
    "}",
    "animate();",
])


def names_failing(description: str, code: str) -> set[str]:
    c = Candidate(id="t", source="test", language="threejs", instruction=description, code=code)
    return {check.name for check in cl.checklist(c) if not check.passed}


def test_a_complete_instruction_passes_every_check() -> None:
    assert names_failing("Create a red cube that rotates slowly.", SCENE) == set()


@pytest.mark.parametrize("description,code,failing", [
    ("A red cube that rotates slowly.", SCENE, "instruction-style"),
    ("Create a red cube. Make it rotate. Light it. Put it in the middle.", SCENE, "one-to-three-sentences"),
    ("Create the red cube from the attached file.", SCENE, "self-contained"),
    ("Create a red cube.", SCENE + "\nfetch('https://example.com/scene.json');", "self-contained"),
    ("Create a red cube.", "import { GLTFLoader } from 'https://cdn.example.com/GLTFLoader.js';\n" + SCENE,
     "self-contained"),
    ("Create a red cube.", "\n".join(SCENE.splitlines()[:15]), "20-100-lines"),
    ("Create a red cube.", SCENE + "\n" + "\n".join(f"cube.position.x = {i};" for i in range(90)), "20-100-lines"),
    ("Create a red cube.", SCENE.replace("requestAnimationFrame(animate);", ""), "complete"),
    ("Create a blue sphere.", SCENE, "matches-description"),
    ("Create a green cube.", SCENE, "matches-description"),
])
def test_each_check_fails_for_its_reason(description: str, code: str, failing: str) -> None:
    assert failing in names_failing(description, code)


def test_three_and_its_addons_are_not_outside_material() -> None:
    code = "import * as THREE from 'three';\nimport { OrbitControls } from 'three/addons/controls/OrbitControls.js';\n" + SCENE
    assert "self-contained" not in names_failing("Create a red cube.", code)


def test_verify_checklist_is_opt_in(tmp_path: Path, cache_env: dict) -> None:
    """Off by default (the same record is not judged by it: covered by the three.js sandbox
    tests); on with --checklist."""
    from conftest import load_jsonl, run_cli

    data = tmp_path / "in.json"
    data.write_text(json.dumps([{"description": "A red cube.", "code": SCENE, "filename": "cube.js"}]))
    # a picture description is rejected by the checklist before any browser starts
    proc = run_cli("verify", data, "--lang", "threejs", "--out", tmp_path / "out", "--checklist", env=cache_env)
    assert proc.returncode in (0, 1), proc.stderr
    (line,) = load_jsonl(tmp_path / "out" / "report.jsonl")
    assert (line["status"], line["reason"]) == ("fail", "instruction-style")
