"""Checkout mode against a small hand-made checkout laid out like zeldaret/oot
(fixtures/oot/checkout: include/, src/overlays/actors/ovl_X/z_x.{c,h}, assets/xml/, a header
that includes a generated object header, no extracted/), with the real mips-linux-gnu-gcc.

What must hold: the checkout's own files and functions pass in their file's context (statics,
helpers and header there); what only a ROM could give is `error needs-assets`; every mutation
is rejected with its own class; the verdict names the checkout, its commit and the file."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from codevet.core.model import Candidate, Status, Verdict
from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox

pytestmark = pytest.mark.skipif(shutil.which("mips-linux-gnu-gcc") is None,
                                reason="mips-linux-gnu-gcc is not installed (apt-get install gcc-mips-linux-gnu)")

ROOT = Path(__file__).resolve().parents[2]
CHECKOUT = ROOT / "fixtures" / "oot" / "checkout"
TST = CHECKOUT / "src" / "overlays" / "actors" / "ovl_En_Tst" / "z_en_tst.c"
CRV = CHECKOUT / "src" / "overlays" / "actors" / "ovl_En_Crv" / "z_en_crv.c"

IDLE = """void EnTst_Idle(EnTst* this, PlayState* play) {
    if (Math_StepToF(&this->timer, 0.0f, 2.0f)) {
        this->actor.speed = sChaseSpeed;
        EnTst_SetupIdle(this);
    }
}
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture checkout as a git repository (so the verdict can name a commit)."""
    path = tmp_path_factory.mktemp("checkout") / "oot"
    shutil.copytree(CHECKOUT, path)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    for argv in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        subprocess.run(["git", "-C", str(path), *argv], check=True, env=env, capture_output=True)
    return path


@pytest.fixture(scope="module")
def sandbox(repo: Path, private_cache_dir: Path):
    opts = SandboxOptions(timeout_s=10, memory_mb=1024).with_option("oot.decomp", str(repo))
    with create_sandbox("oot", opts, jobs=1) as sb:
        yield sb


def verify(sb, code: str) -> Verdict:
    return sb.verify(Candidate(id="t", source="test", language="oot", instruction="Write the code.", code=code))


def explain(v: Verdict) -> str:
    return f"{v.status} {v.reason}: " + " | ".join(f"{c.name}: {c.detail}" for c in v.checks) + \
        f" | {v.artifacts.get('diagnostics')}"


def test_the_fixture_has_no_extracted_assets() -> None:
    assert not (CHECKOUT / "extracted").exists() and not (CHECKOUT / "build").exists()
    assert '#include "assets/objects/object_tst/object_tst.h"' in (TST.with_suffix(".h")).read_text()


def test_a_verbatim_file_passes_in_its_own_context(sandbox, repo: Path) -> None:
    v = verify(sandbox, TST.read_text())
    assert v.status == Status.PASS, explain(v)
    against = v.artifacts["checked_against"]
    commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert against["mode"] == "checkout" and against["commit"] == commit
    assert against["file_context"] == "src/overlays/actors/ovl_En_Tst/z_en_tst.c"
    assert "EnTst_Update" in against["replaced"] and against["added"] == []
    context = next(c for c in v.checks if c.name == "context")
    assert commit[:12] in context.detail and "z_en_tst.c" in context.detail


def test_a_single_function_gets_the_files_statics_and_helpers(sandbox) -> None:
    v = verify(sandbox, IDLE)  # sChaseSpeed and EnTst_SetupIdle are statics the answer never shows
    assert v.status == Status.PASS, explain(v)
    assert v.artifacts["checked_against"]["replaced"] == ["EnTst_Idle"]
    # the untouched functions cannot be affected by a function-only change: prototypes only
    assert v.artifacts["checked_against"]["untouched_functions_as_prototypes"] == 6


def test_a_new_helper_is_added_before_the_function_that_uses_it(sandbox) -> None:
    code = ("static void EnTst_Wobble(EnTst* this) {\n    this->actor.shape.rot.z += 0x100;\n}\n\n"
            "void EnTst_Chase(EnTst* this, PlayState* play) {\n    EnTst_Wobble(this);\n"
            "    this->actionFunc = EnTst_Idle;\n}\n")
    v = verify(sandbox, code)
    assert v.status == Status.PASS, explain(v)
    assert v.artifacts["checked_against"]["added"] == ["EnTst_Wobble"]


def test_a_snippet_naming_the_actor_struct_gets_its_header(sandbox) -> None:
    v = verify(sandbox, "this->timer += 1.5f;\nthis->cryCount = 0;\nEnTst_SetupIdle(this);\n")
    assert v.status == Status.PASS, explain(v)
    assert v.artifacts["checked_against"]["file_context"].endswith("z_en_tst.c")
    assert v.artifacts["checked_against"]["why"].startswith(("names its struct", "uses"))


def test_a_changed_header_struct_replaces_the_original(sandbox) -> None:
    header = (TST.with_suffix(".h")).read_text().replace("s16 cryCount;", "s16 cryCount;\n    s16 mood;")
    code = header + "\nvoid EnTst_Idle(EnTst* this, PlayState* play) {\n    this->mood = 3;\n}\n"
    v = verify(sandbox, code)
    assert v.status == Status.PASS, explain(v)
    assert v.artifacts["checked_against"].get("actor_header", "").endswith("z_en_tst.h")
    assert v.artifacts["checked_against"]["untouched_functions_as_prototypes"] == 0  # a shared type changed


def test_a_changed_type_is_checked_against_every_function_of_the_file(sandbox) -> None:
    header = (TST.with_suffix(".h")).read_text().replace("f32 timer;", "s16* timer;")
    v = verify(sandbox, header)  # EnTst_SetupIdle assigns 30.0f to it: the file no longer compiles
    assert v.status == Status.FAIL and v.reason == "type-error", explain(v)


def test_assets_come_from_the_xml_without_a_rom(sandbox, private_cache_dir: Path) -> None:
    stubs = list(private_cache_dir.rglob("stubs/assets/objects/object_tst/object_tst.h"))
    assert len(stubs) == 1
    text = stubs[0].read_text()
    assert "extern FlexSkeletonHeader gTstSkel;" in text and "TST_LIMB_MAX" in text
    assert "#define gTstEyeTex_WIDTH 16" in text and "extern Vtx gTstBodyVtx[12];" in text
    assert "gTstWaveCurveAnim" not in text  # a kind we cannot type with certainty is not guessed


def test_what_only_the_rom_gives_is_needs_assets_not_fail(sandbox) -> None:
    v = verify(sandbox, CRV.read_text())
    assert v.status == Status.ERROR and v.reason == "needs-assets", explain(v)
    assert v.artifacts["missing"] == ["gTstWaveCurveAnim"]


def test_an_invented_asset_in_the_answer_is_a_fail(sandbox) -> None:
    v = verify(sandbox, "void EnTst_Draw(Actor* thisx, PlayState* play) {\n    Gfx_DrawDListOpa(play, gTstWingDL);\n}\n")
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)


MUTATIONS = {
    "unknown-function": IDLE.replace("EnTst_SetupIdle(this);", "EnTst_SetupIdle(this);\n        Actor_Teleport(&this->actor);"),
    "unknown-field": IDLE.replace("this->actor.speed", "this->actor.speedY"),
    "type-error": IDLE.replace("Math_StepToF(&this->timer, 0.0f, 2.0f)", "Math_StepToF(&this->timer, 0.0f)"),
    "wrong-era-name": IDLE.replace("PlayState* play", "GlobalContext* globalCtx"),
    "syntax": IDLE.replace("this->actor.speed = sChaseSpeed;", "this->actor.speed = sChaseSpeed"),
}


@pytest.mark.parametrize("reason", sorted(MUTATIONS))
def test_mutations_fail_for_their_own_reason(sandbox, reason: str) -> None:
    v = verify(sandbox, MUTATIONS[reason])
    assert v.status == Status.FAIL and v.reason == reason, explain(v)


def test_wrong_argument_type_and_old_function_name(sandbox) -> None:
    v = verify(sandbox, IDLE.replace("Math_StepToF(&this->timer", "Math_StepToF(this->timer"))
    assert v.status == Status.FAIL and v.reason == "type-error", explain(v)
    v = verify(sandbox, "void EnTst_Chase(EnTst* this, PlayState* play) {\n    Actor_MoveForward(&this->actor);\n}\n")
    assert v.status == Status.FAIL and v.reason == "wrong-era-name", explain(v)


def test_the_prelude_is_precompiled_once_per_commit(sandbox, repo: Path, private_cache_dir: Path) -> None:
    gchs = list(private_cache_dir.rglob("codevet_prelude.h.gch"))
    assert len(gchs) == 1
    assert sandbox.prepared.has_pch and gchs[0].parent.name.startswith(sandbox.prepared.identity.commit[:24])
    # a new commit is a new cache entry; the old one stays valid for its own commit
    (repo / "include" / "z_lib.h").write_text((repo / "include" / "z_lib.h").read_text()
                                              .replace("#endif", "f32 Math_CosS(s16 angle);\n#endif"))
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(["git", "-C", str(repo), "commit", "-qam", "cos"], check=True, env=env, capture_output=True)
    opts = SandboxOptions(timeout_s=10, memory_mb=1024).with_option("oot.decomp", str(repo))
    with create_sandbox("oot", opts, jobs=1) as sb:
        v = verify(sb, "void EnTst_Idle(EnTst* this, PlayState* play) {\n    this->timer = Math_CosS(0);\n}\n")
        assert v.status == Status.PASS, explain(v)
    assert len(list(private_cache_dir.rglob("codevet_prelude.h.gch"))) == 2
