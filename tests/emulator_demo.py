"""`python tests/emulator_demo.py LANG OUT [codevet generate options...]`: a real
`codevet generate` run (real sandboxes) against the strict API emulator, with a scripted
model that answers from outside material: MBPP tasks (../shared/data/mbpp.jsonl) for
Python, the three.js and OoT fixtures for the others. A repair turn gets a corrected
example, as a model shown the sandbox's evidence would give.

Prints what the emulator saw: requests, 4xx answers, schema violations. This is how the
issue-16 figures in /work/notes/issue-16.md were measured."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from anthropic_emulator import Emulator, spend_limit_400  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MBPP = ROOT.parent.parent / "shared" / "data" / "mbpp.jsonl"
if not MBPP.exists():
    MBPP = Path("/work/shared/data/mbpp.jsonl")


def kind(body: dict[str, Any]) -> str:
    system = body["system"][0]["text"]
    return "judge" if system.startswith("You review") else "vision" if system.startswith("You look") else "example"


def index(body: dict[str, Any]) -> int:
    import re
    return int(re.search(r"example #(\d+)", body["messages"][0]["content"]).group(1))


def python_example(i: int) -> dict:
    rows = [json.loads(line) for line in MBPP.read_text().splitlines()[:200]]
    row = rows[(i * 7) % len(rows)]
    name = row["test_list"][0].split("assert ")[1].split("(")[0].strip()
    tests = "from solution import *\n" + (row.get("test_setup_code") or "") + "\n" + "".join(
        f"\ndef test_{n}():\n    {t}\n" for n, t in enumerate(row["test_list"]))
    return {"instruction": f"{row['text']} Name the function `{name}`.", "code": row["code"].replace("\r\n", "\n"),
            "tests": tests}


SCENE = """const scene = new THREE.Scene();
scene.background = new THREE.Color(0x101820);
const camera = new THREE.PerspectiveCamera(60, innerWidth / innerHeight, 0.1, 100);
camera.position.set(0, 1, 5);
const renderer = new THREE.WebGLRenderer({ antialias: true });
renderer.setSize(innerWidth, innerHeight);
document.body.appendChild(renderer.domElement);
const light = new THREE.DirectionalLight(0xffffff, 2);
light.position.set(2, 4, 3);
scene.add(light, new THREE.AmbientLight(0xffffff, 0.3));
const mesh = new THREE.Mesh(
  new THREE.%s,
  new THREE.MeshStandardMaterial({ color: %s })
);
scene.add(mesh);
const clock = new THREE.Clock();
function animate() {
  requestAnimationFrame(animate);
  const t = clock.getElapsedTime();
  mesh.rotation.x = t * 0.4;
  mesh.rotation.y = t * 0.7;
  renderer.render(scene, camera);
}
addEventListener('resize', () => {
  camera.aspect = innerWidth / innerHeight;
  camera.updateProjectionMatrix();
  renderer.setSize(innerWidth, innerHeight);
});
animate();
"""
SHAPES = [("BoxGeometry(1.2, 1.2, 1.2)", "0xdd3333", "red cube"), ("SphereGeometry(1, 32, 16)", "0x3366ff", "blue sphere"),
          ("TorusKnotGeometry(0.8, 0.25, 128, 16)", "0x33cc66", "green torus knot"),
          ("ConeGeometry(1, 2, 32)", "0xffcc00", "yellow cone"), ("CylinderGeometry(0.7, 0.7, 2, 32)", "0x9933cc", "purple cylinder")]


def threejs_example(i: int, repaired: bool) -> dict:
    fixtures = json.loads((ROOT / "fixtures" / "threejs" / "good.json").read_text())
    if not repaired:  # the fixture as a model might first write it (its description turned into an instruction)
        f = fixtures[i % len(fixtures)]
        d = f["description"]
        return {"description": "Create " + d[0].lower() + d[1:], "code": f["code"], "filename": f"scene-{i}.js"}
    geometry, colour, name = SHAPES[i % len(SHAPES)]
    return {"description": f"Create a {name} that rotates slowly in the centre of a dark scene (scene {i}).",
            "code": SCENE % (geometry, colour), "filename": f"{name.replace(' ', '-')}-{i}.js"}


def oot_example(i: int) -> dict:
    rows = [json.loads(line) for line in (ROOT / "fixtures" / "oot" / "good.jsonl").read_text().splitlines()]
    row = rows[i % len(rows)]
    return {"instruction": f"{row['instruction']} (request {i})", "input": row.get("input", ""), "output": row["output"]}


def model(language: str):
    def answer(body: dict[str, Any]) -> Any:
        k = kind(body)
        if k == "judge":
            return {"technical_accuracy": 8.5, "usefulness": 8, "uses_proper_terminology": True,
                    "technical_issues": [], "rationale": "correct and to the point"}
        if k == "vision":
            return {"matches": True, "reason": "the named object is visible"}
        i, repaired = index(body), len(body["messages"]) > 1
        if language == "python":
            return python_example(i)
        if language == "threejs":
            return threejs_example(i, repaired)
        return oot_example(i)
    return answer


def main() -> int:
    language, out, *rest = sys.argv[1:]
    spend_after = int(os.environ.get("DEMO_SPEND_LIMIT_AFTER", "0"))
    faults = (lambda body, n: spend_limit_400() if n > spend_after else None) if spend_after else None
    with Emulator(model(language), faults=faults) as emu:
        env = {**os.environ, "ANTHROPIC_BASE_URL": emu.url, "ANTHROPIC_API_KEY": "sk-test-not-a-key"}
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "codevet", "generate", language, "--out", out, *rest],
                              env=env, cwd=ROOT)
        took = time.monotonic() - started
    fours = [r for r in emu.rejections if 400 <= r[0] < 500]
    print(f"emulator: {len(emu.requests)} requests, {len(fours)} 4xx answers {fours[:3]}, "
          f"{len(emu.violations)} schema violations, {len(emu.batches)} batch(es); exit {proc.returncode} "
          f"after {took:.1f} s")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
