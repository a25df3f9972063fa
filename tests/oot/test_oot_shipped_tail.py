"""Shipped headers WITHOUT the optional name index (what a user who only installs codevet has),
real gcc: actor code that uses the long tail of the game's API (api_tail.h and the struct members
added with it) passes; a misuse of that API fails for its own reason; an entrance of a declared
scene is `error context-missing` while an entrance of an invented scene fails; and errors that
only follow from the actor's own unshown header stay undecidable, never a fail.

The fixtures are written for codevet (no decomp file is copied)."""
from __future__ import annotations

import os
import shutil

import pytest

from codevet.core.model import Candidate, Status, Verdict
from codevet.core.options import SandboxOptions
from codevet.sandboxes import create_sandbox
from codevet.sandboxes.oot.locality import GAME_NAMES_ENV, game_names

pytestmark = pytest.mark.skipif(shutil.which("mips-linux-gnu-gcc") is None,
                                reason="mips-linux-gnu-gcc is not installed (apt-get install gcc-mips-linux-gnu)")


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory):
    """The shipped headers alone: the name index points at a file that does not exist."""
    saved = {k: os.environ.get(k) for k in ("CODEVET_CACHE_DIR", GAME_NAMES_ENV)}
    tmp = tmp_path_factory.mktemp("oot-shipped-tail")
    os.environ["CODEVET_CACHE_DIR"] = str(tmp / "cache")
    os.environ[GAME_NAMES_ENV] = str(tmp / "no-index.txt")
    with create_sandbox("oot", SandboxOptions(timeout_s=20, memory_mb=1024), jobs=1) as sb:
        yield sb
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def verify(sb, code: str) -> Verdict:
    return sb.verify(Candidate(id="t", source="test", language="oot", instruction="Write the code.", code=code))


def explain(v: Verdict) -> str:
    return f"{v.status} {v.reason}: " + " | ".join(f"{c.name}: {c.detail}" for c in v.checks)


def test_there_is_no_index_here(sandbox) -> None:
    assert game_names() == (frozenset(), frozenset())


# A kite-flyer NPC written for codevet. Every name it uses outside its own file is one the
# shipped headers declare only since api_tail.h (or a member added to oot.h's structs with it).
KITE = r"""
typedef struct EnKite {
    Actor actor;
    Skin skin;
    s16 windTimer;
    s16 flightHeight;
    u8 scoreGiven;
} EnKite;

/* the object's skeleton and animation (an asset header would declare them as gKite...) */
extern SkeletonHeader kiteSkeleton;
extern AnimationHeader kiteFlutterAnim;

void EnKite_Init(Actor* thisx, PlayState* play) {
    EnKite* this = (EnKite*)thisx;

    Skin_Init(play, &this->skin, &kiteSkeleton, &kiteFlutterAnim);
    this->skin.skelAnime.movementFlags = 0;
    TitleCard_InitPlaceName(play, &play->actorCtx.titleCtx, NULL, 160, 120, 144, 24, 20);
}

void EnKite_Destroy(Actor* thisx, PlayState* play) {
    EnKite* this = (EnKite*)thisx;

    Skin_Free(play, &this->skin);
}

void EnKite_Update(Actor* thisx, PlayState* play) {
    EnKite* this = (EnKite*)thisx;
    Player* player = GET_PLAYER(play);
    Actor* arrow = Actor_GetProjectileActor(play, &this->actor, 80.0f);
    Vec3f tailPos;
    Vec3f zero = { 0.0f, 0.0f, 0.0f };
    Color_RGBA8 prim = { 255, 255, 200, 255 };
    Color_RGBA8 env = { 100, 200, 255, 255 };

    if (arrow != NULL && !Actor_OtherIsLockedOn(play, &this->actor)) {
        Camera_SetStateFlag(play->cameraPtrs[CAM_ID_MAIN], CAM_STATE_CHECK_BG);
        play->damagePlayer(play, -4);
    }
    if (player->heldItemAction == PLAYER_IA_DEKU_STICK && player->meleeWeaponInfo[0].active) {
        Vec3f* tip = MELEE_WEAPON_INFO_TIP(&player->meleeWeaponInfo[0]);

        if (Math_Vec3f_DistXYZ(tip, &this->actor.world.pos) < 30.0f) {
            player->knockbackType = PLAYER_KNOCKBACK_SMALL;
            player->av2.actionVar2 = 0;
        }
    }
    if (!this->scoreGiven && CUR_UPG_VALUE(UPG_DEKU_NUTS) != 0) {
        HIGH_SCORE(HS_FISHING) += 1;
        gSaveContext.subTimerState = SUBTIMER_STATE_OFF;
        this->scoreGiven = true;
    }
    if (play->roomCtx.curRoom.type == ROOM_TYPE_INDOORS) {
        play->envCtx.lightSettingOverride = LIGHT_SETTING_OVERRIDE_NONE;
    }
    Math_StepUntilS(&this->flightHeight, 200, 4);
    Skin_GetLimbPos(&this->skin, 3, &zero, &tailPos);
    EffectSsKiraKira_SpawnFocused(play, &tailPos, &zero, &zero, &prim, &env, 1000, 10);
    Audio_PlaySfxWaterfall(&this->actor.projectedPos, 1.0f);
    if (this->windTimer == 0) {
        play->nextEntranceIndex = ENTR_RETURN_GROTTO;
    }
}
"""


def test_actor_code_using_the_api_tail_passes_without_the_index(sandbox) -> None:
    v = verify(sandbox, KITE)
    assert v.status == Status.PASS, explain(v)


@pytest.mark.parametrize("old,new,reason", [
    # the real signatures: a missing argument, a struct where a pointer goes
    ("Actor_GetProjectileActor(play, &this->actor, 80.0f)", "Actor_GetProjectileActor(play, &this->actor)",
     "type-error"),
    ("Skin_Free(play, &this->skin);", "Skin_Free(play, this->skin);", "type-error"),
    ("play->damagePlayer(play, -4);", "play->damagePlayer(-4);", "type-error"),
    # invented members of the structs that gained members, invented constants of the new enums
    ("player->av2.actionVar2 = 0;", "player->av2.actionVar3 = 0;", "unknown-field"),
    ("play->envCtx.lightSettingOverride =", "play->envCtx.lightSettingOverrides =", "unknown-field"),
    ("== PLAYER_IA_DEKU_STICK", "== PLAYER_IA_DEKU_STICKS", "unknown-identifier"),
    ("== ROOM_TYPE_INDOORS", "== ROOM_TYPE_CAVE", "unknown-identifier"),
    # an invented function next to the new ones, a broken statement
    ("Camera_SetStateFlag(", "Camera_SetStateFlags(", "unknown-function"),
    ("Math_StepUntilS(&this->flightHeight, 200, 4);", "Math_StepUntilS(&this->flightHeight, 200, 4)", "syntax"),
])
def test_misuse_of_the_api_tail_fails_for_its_own_reason(sandbox, old: str, new: str, reason: str) -> None:
    assert old in KITE
    v = verify(sandbox, KITE.replace(old, new, 1))
    assert v.status == Status.FAIL and v.reason == reason, explain(v)


def test_an_entrance_of_a_declared_scene_is_context_missing_an_invented_scene_fails(sandbox) -> None:
    code = KITE.replace("ENTR_RETURN_GROTTO", "ENTR_HYRULE_FIELD_3")
    v = verify(sandbox, code)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert v.artifacts["missing"] == ["ENTR_HYRULE_FIELD_3"]
    assert any("entrances of declared scenes" in n and "ENTR_HYRULE_FIELD_3" in n for n in v.artifacts["notes"])
    v = verify(sandbox, KITE.replace("ENTR_RETURN_GROTTO", "ENTR_KITE_HILL_0"))
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)


# One function of an actor whose struct and action-function type live in its own header, which
# the answer includes but does not show: codevet synthesizes the struct and guesses field types.
UNSHOWN_STRUCT = """#include "z_en_kite.h"

void En_Kite_SetupAction(EnKite* this, EnKiteActionFunc actionFunc) {
    this->actionFunc = actionFunc;
}

void EnKite_SpawnTail(EnKite* this, PlayState* play) {
    static EnKiteActionFunc sTailFuncs[] = {
        EnKite_Flutter,
        EnKite_Fall,
    };
    EnKite* other = (EnKite*)this->actor.child;

    this->tail =
        Actor_Spawn(&play->actorCtx, play, ACTOR_EN_KITE, 0.0f, 0.0f, 0.0f, 0, 0, 0, 1);
    ((EnKite*)this->actor.parent)->tail = &this->actor;
    other->tail = &this->actor;
    this->actor.speed = 2.0f;
    this->speedXZ = 0.0f; /* the kite's own member, not the old name of Actor.speed */
    En_Kite_SetupAction(this, sTailFuncs[0]);
}
"""


def test_errors_that_follow_from_the_unshown_actor_header_are_context_missing(sandbox) -> None:
    v = verify(sandbox, UNSHOWN_STRUCT)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)


@pytest.mark.parametrize("old,new,reason", [
    ("En_Kite_SetupAction(this, sTailFuncs[0]);", "En_Kite_SetupActon(this, sTailFuncs[0]);", "unknown-function"),
    ("other->tail = &this->actor;", "other->tail = &this->actor;\n    Actor_Kill(this->actor);", "type-error"),
    ("this->speedXZ = 0.0f;", "this->actor.speedXZ = 0.0f;", "wrong-era-name"),
    ("this->speedXZ = 0.0f;", "this->actor.speedXY = 0.0f;", "unknown-field"),
])
def test_a_real_mistake_next_to_the_unshown_header_still_fails(sandbox, old: str, new: str, reason: str) -> None:
    assert old in UNSHOWN_STRUCT
    v = verify(sandbox, UNSHOWN_STRUCT.replace(old, new, 1))
    assert v.status == Status.FAIL and v.reason == reason, explain(v)
