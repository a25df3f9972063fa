"""Shipped headers WITHOUT the optional name index (what a user who only installs codevet has),
real gcc: actor code that uses the long tail of the game's API (api_tail.h and the struct members
added with it) passes; a misuse of that API fails for its own reason; an entrance of a declared
scene is `error context-missing` while an entrance of an invented scene fails; and errors that
only follow from the actor's own unshown header stay undecidable, never a fail.

The fixtures are written for codevet (no decomp file is copied)."""
from __future__ import annotations

import pytest

from codevet.core.model import Status
from codevet.sandboxes.oot.locality import game_names
from shipped_cases import NO_MIPS_GCC, explain, shipped_sandbox, verify

pytestmark = NO_MIPS_GCC


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory):
    """The shipped headers alone: the name index points at a file that does not exist."""
    tmp = tmp_path_factory.mktemp("oot-shipped-tail")
    with shipped_sandbox(tmp / "cache", tmp / "no-index.txt") as sb:
        yield sb


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


# A lantern-glow draw written for codevet: the colour combiner's bare tokens, texture rectangles,
# weather, transitions, respawn modes, the player's spawn parameters, items and songs.
GLOW = r"""
static Gfx sGlowSetupDL[] = {
    gsDPSetCombineLERP(TEXEL0, 0, PRIMITIVE, 0, TEXEL0, 0, PRIMITIVE, 0, COMBINED, 0, SHADE, 0, 0, 0, 0, COMBINED),
    gsSPEndDisplayList(),
};

void EnGlow_Draw(Actor* thisx, PlayState* play) {
    OPEN_DISPS(play->state.gfxCtx, "../z_en_glow.c", 40);
    gSPDisplayList(POLY_XLU_DISP++, sGlowSetupDL);
    gDPSetCycleType(POLY_XLU_DISP++, G_CYC_2CYCLE);
    gDPSetCombineLERP(POLY_XLU_DISP++, TEXEL0, PRIMITIVE, ENV_ALPHA, TEXEL0, 0, 0, 0, PRIMITIVE, COMBINED, 0, SHADE,
                      0, 0, 0, 0, COMBINED);
    gSPTextureRectangle(POLY_XLU_DISP++, 0, 0, 64 << 2, 64 << 2, G_TX_RENDERTILE, 0, 0, 1 << 10, 1 << 10);
    CLOSE_DISPS(play->state.gfxCtx, "../z_en_glow.c", 48);
}

void EnGlow_Update(Actor* thisx, PlayState* play) {
    if (gWeatherMode == WEATHER_MODE_SNOW && play->envCtx.stormRequest == STORM_REQUEST_START) {
        play->transitionType = TRANS_TYPE_FADE_BLACK;
        gSaveContext.respawnFlag = RESPAWN_MODE_RETURN;
        thisx->params = PLAYER_PARAMS(PLAYER_START_MODE_GROTTO, PLAYER_START_BG_CAM_DEFAULT);
    }
    if (INV_CONTENT(ITEM_SKULL_TOKEN) != ITEM_NONE && play->msgCtx.lastPlayedSong == OCARINA_SONG_TIME) {
        Actor_Kill(thisx);
    }
}
"""


def test_draw_and_update_code_using_the_third_layer_passes(sandbox) -> None:
    v = verify(sandbox, GLOW)
    assert v.status == Status.PASS, explain(v)


@pytest.mark.parametrize("old,new,reason", [
    # a combiner input that does not exist, in either form
    ("TEXEL0, PRIMITIVE, ENV_ALPHA, TEXEL0", "TEXEL0, PRIMITIVE, ENV_ALPHAX, TEXEL0", "unknown-identifier"),
    ("gsDPSetCombineLERP(TEXEL0, 0, PRIMITIVE", "gsDPSetCombineLERP(TEXEL2, 0, PRIMITIVE", "unknown-identifier"),
    # a texture rectangle without its tile, an invented weather mode, a spawn mode of another game
    ("G_TX_RENDERTILE, 0, 0, 1 << 10, 1 << 10)", "0, 0, 1 << 10, 1 << 10)", "type-error"),
    ("WEATHER_MODE_SNOW", "WEATHER_MODE_SANDSTORM", "unknown-identifier"),
    ("PLAYER_START_MODE_GROTTO", "PLAYER_START_MODE_SWIM", "unknown-identifier"),
])
def test_misuse_of_the_third_layer_fails_for_its_own_reason(sandbox, old: str, new: str, reason: str) -> None:
    assert old in GLOW
    v = verify(sandbox, GLOW.replace(old, new, 1))
    assert v.status == Status.FAIL and v.reason == reason, explain(v)


def test_a_numbered_actor_s_own_constants_may_drop_its_number(sandbox) -> None:
    # EnKite02's header names its kinds KITE_...: context-missing; a constant with another prefix
    # is not the actor's own and may be invented
    code = ("void EnKite02_Destroy(Actor* thisx, PlayState* play) {\n    EnKite02* this = (EnKite02*)thisx;\n\n"
            "    if (this->actor.params <= KITE_KIND_BOX) {\n        Actor_Kill(&this->actor);\n    }\n}\n")
    v = verify(sandbox, code)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert "KITE_KIND_BOX" in v.artifacts["missing"]
    v = verify(sandbox, code.replace("KITE_KIND_BOX", "WIND_KIND_BOX"))
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)
