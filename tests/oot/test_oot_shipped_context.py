"""Shipped headers, real gcc: what an answer uses but does not show, and the shipped headers
cannot know, is `error context-missing` listing the names; a guessed field type is never
asserted as certain; a real mistake next to such names still fails for its own reason."""
from __future__ import annotations

import os
import shutil

import pytest

from codevet.core.model import Candidate, Status, Verdict
from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.oot.headers import INCLUDE_DIR, known_header_names
from codevet.sandboxes.oot.symbols import shipped_symbols

pytestmark = pytest.mark.skipif(shutil.which("mips-linux-gnu-gcc") is None,
                                reason="mips-linux-gnu-gcc is not installed (apt-get install gcc-mips-linux-gnu)")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory):
    old = os.environ.get("CODEVET_CACHE_DIR")
    os.environ["CODEVET_CACHE_DIR"] = str(tmp_path_factory.mktemp("oot-shipped-cache"))
    with create_sandbox("oot", SandboxOptions(timeout_s=10, memory_mb=1024), jobs=1) as sb:
        yield sb
    if old is None:
        os.environ.pop("CODEVET_CACHE_DIR", None)
    else:
        os.environ["CODEVET_CACHE_DIR"] = old


def verify(sb, code: str) -> Verdict:
    return sb.verify(Candidate(id="t", source="test", language="oot", instruction="Write the code.", code=code))


def explain(v: Verdict) -> str:
    return f"{v.status} {v.reason}: " + " | ".join(f"{c.name}: {c.detail}" for c in v.checks)


LOCAL = """void EnBird_Idle(EnBird* this, PlayState* play) {
    if (this->actor.xzDistToPlayer < sFleeRange) {
        EnBird_SetupFlee(this, play);
    }
    this->actor.speed = ENBIRD_WALK_SPEED;
    func_80A1B2C4(this);
}
"""


def test_file_local_names_are_context_missing_and_listed(sandbox) -> None:
    v = verify(sandbox, LOCAL)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert set(v.artifacts["missing"]) >= {"sFleeRange", "EnBird_SetupFlee", "ENBIRD_WALK_SPEED", "func_80A1B2C4"}
    assert v.artifacts["checked_against"]["mode"] == "shipped-headers"
    assert "shipped headers" in next(c.detail for c in v.checks if c.name == "context")


def test_a_real_mistake_among_unshown_names_still_fails(sandbox) -> None:
    v = verify(sandbox, LOCAL.replace("func_80A1B2C4(this);", "func_80A1B2C4(this);\n    Actor_Kil(&this->actor);"))
    assert v.status == Status.FAIL and v.reason == "unknown-function", explain(v)
    v = verify(sandbox, LOCAL.replace("this->actor.speed", "this->actor.speedZ"))
    assert v.status == Status.FAIL and v.reason == "unknown-field", explain(v)
    v = verify(sandbox, "void EnBell_Ring(Actor* thisx, PlayState* play) {\n    Actor_PlaySfx(thisx, SOUND_BELL_RING);\n}\n")
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)  # not the actor's own prefix


def test_a_guessed_field_type_is_never_asserted(sandbox) -> None:
    # `timer` is conventionally s16, but real actors have f32 timers: the guess cannot fail the answer
    code = ("void EnBird_Wait(EnBird* this, PlayState* play) {\n"
            "    f32* timer = &this->timer;\n    Actor_Kill(&this->actor);\n}\n")
    v = verify(sandbox, code)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    # the prototype a field is passed to is better evidence than its name: still a guess, listed
    code = ("void EnBird_Wait(EnBird* this, PlayState* play) {\n"
            "    if (Math_StepToF(&this->timer, 0.0f, 1.0f)) {\n        Actor_Kill(&this->actor);\n    }\n}\n")
    v = verify(sandbox, code)
    assert v.status == Status.PASS, explain(v)
    assert "EnBird.timer: f32 (guessed)" in v.artifacts["checked_against"]["assumed"]


def test_a_real_function_the_headers_lack_is_not_the_answers_fault(sandbox) -> None:
    _, declared = known_header_names(INCLUDE_DIR)
    name = sorted(n for n in shipped_symbols() - declared if n[0].isupper() and "_" in n)[0]
    v = verify(sandbox, f"void EnBird_Draw(Actor* thisx, PlayState* play) {{\n    {name}();\n}}\n")
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert v.artifacts["missing"] == [name]


def test_a_required_era_makes_old_names_wrong(sandbox) -> None:
    code = "void EnBird_Update(Actor* thisx, GlobalContext* globalCtx) {\n    Actor_Kill(thisx);\n}\n"
    assert verify(sandbox, code).status == Status.PASS  # auto: any one era is accepted
    with create_sandbox("oot", SandboxOptions(timeout_s=10, memory_mb=1024).with_option("oot.era", "e3"), jobs=1) as sb:
        v = verify(sb, code)
        assert v.status == Status.FAIL and v.reason == "wrong-era-name", explain(v)
        assert verify(sb, code.replace("GlobalContext* globalCtx", "PlayState* play")).status == Status.PASS


def test_the_verdict_lists_what_was_assumed(sandbox) -> None:
    v = verify(sandbox, "void EnBird_Wait(EnBird* this, PlayState* play) {\n    this->timer = 3;\n"
                        "    Gfx_DrawDListOpa(play, gBirdWingDL);\n}\n")
    assumed = v.artifacts["checked_against"]["assumed"]
    assert "gBirdWingDL" in assumed and "struct EnBird (not shown)" in assumed
    assert any(a.startswith("EnBird.timer: s16") and a.endswith("(guessed)") for a in assumed)
    assert "assumed: gBirdWingDL" in next(c.detail for c in v.checks if c.name == "context")


def test_a_function_like_id_macro_is_never_assumed_as_a_constant(sandbox) -> None:
    ok = "void EnBird_Check(Actor* thisx, PlayState* play) {\n    if (ACTOR_FLAGS_CHECK_ALL(thisx, 3)) {}\n}\n"
    assert verify(sandbox, ok).status == Status.PASS
    v = verify(sandbox, ok.replace("ACTOR_FLAGS_CHECK_ALL", "ACTOR_FLAGS_CHECK_ANY"))
    assert v.status == Status.FAIL and v.reason == "unknown-function", explain(v)
