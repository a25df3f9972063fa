"""Shipped headers, real gcc: actor code in the style of the real game passes because the
shipped headers declare the API it uses (api_wide.h), with the real signatures, so a misuse of
that API still fails for its own reason; what the shipped headers cannot check (a real game
name or member they do not declare, a constant of a header the answer includes but does not
show) is `error context-missing` naming it, while an invented name still fails.

The fixtures are written for codevet (no decomp file is copied)."""
from __future__ import annotations

import pytest

from codevet.core.model import Status
from codevet.sandboxes.oot.headers import INCLUDE_DIR, known_header_names
from codevet.sandboxes.oot.locality import game_names
from conftest import FIXTURES
from shipped_cases import NO_MIPS_GCC, explain, shipped_sandbox, verify

pytestmark = NO_MIPS_GCC


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory):
    """The shipped headers, and a name index as a user builds it from their own checkout (here
    a hand-written excerpt of one)."""
    with shipped_sandbox(tmp_path_factory.mktemp("oot-shipped-api-cache"),
                         FIXTURES / "oot" / "game_names_sample.txt") as sb:
        yield sb


# A lantern-keeper NPC written for codevet in the style of a modern decomp actor. Every name it
# uses outside its own file is one that api_wide.h declares (none of them was in the shipped
# headers before): Npc tracking, cutscene/message/ocarina states, Tris colliders, water boxes,
# effects, the non-Opa flex draw with its Gfx** callbacks, and the save macros.
NPC = r"""
typedef struct EnLamp {
    Actor actor;
    SkelAnime skelAnime;
    Vec3s jointTable[12];
    Vec3s morphTable[12];
    NpcInteractInfo interactInfo;
    ColliderTris colliderTris;
    ColliderTrisElement colliderTrisElements[2];
    s16 talkState;
    s32 blureIndex;
    u8 noteIndex;
} EnLamp;

static ColliderTrisElementInit sTrisElementsInit[2] = {
    {
        { ELEM_MATERIAL_UNK0, { 0x00000000, HIT_SPECIAL_EFFECT_NONE, 0x00 }, { 0xFFCFFFFF, HIT_BACKLASH_NONE, 0x00 },
          ATELEM_NONE, ACELEM_ON, OCELEM_NONE },
        { { { -10.0f, 0.0f, 0.0f }, { 10.0f, 0.0f, 0.0f }, { 0.0f, 20.0f, 0.0f } } },
    },
    {
        { ELEM_MATERIAL_UNK0, { 0x00000000, HIT_SPECIAL_EFFECT_NONE, 0x00 }, { 0xFFCFFFFF, HIT_BACKLASH_NONE, 0x00 },
          ATELEM_NONE, ACELEM_ON, OCELEM_NONE },
        { { { -10.0f, 0.0f, 5.0f }, { 10.0f, 0.0f, 5.0f }, { 0.0f, 20.0f, 5.0f } } },
    },
};

static ColliderTrisInit sTrisInit = {
    { COL_MATERIAL_NONE, AT_NONE, AC_ON | AC_TYPE_PLAYER, OC1_NONE, OC2_NONE, COLSHAPE_TRIS },
    2,
    sTrisElementsInit,
};

u16 EnLamp_GetTextId(PlayState* play, Actor* thisx) {
    if (CHECK_QUEST_ITEM(QUEST_SONG_SUN) || GET_EVENTINF(0x21)) {
        return 0x5010;
    }
    return (gSaveContext.save.dayTime > CLOCK_TIME(18, 0)) ? 0x5011 : 0x5012;
}

s16 EnLamp_UpdateTalkState(PlayState* play, Actor* thisx) {
    switch (Message_GetState(&play->msgCtx)) {
        case TEXT_STATE_EVENT:
            if (play->msgCtx.msgMode == MSGMODE_PAUSED) {
                Message_StartOcarina(play, 0x2A);
            }
            FALLTHROUGH;
        case TEXT_STATE_DONE:
            return NPC_TALK_STATE_IDLE;
        default:
            return NPC_TALK_STATE_TALKING;
    }
}

void EnLamp_PostLimbDraw(PlayState* play, s32 limbIndex, Gfx** dList, Vec3s* rot, void* thisx, Gfx** gfx) {
    if (limbIndex == 3) {
        Matrix_MultVec3f(&((EnLamp*)thisx)->actor.world.pos, &((EnLamp*)thisx)->actor.focus.pos);
    }
}

void EnLamp_Init(Actor* thisx, PlayState* play) {
    EnLamp* this = (EnLamp*)thisx;
    EffectBlureInit1 blureInit;

    Collider_InitTris(play, &this->colliderTris);
    Collider_SetTris(play, &this->colliderTris, &this->actor, &sTrisInit, this->colliderTrisElements);
    blureInit.p1StartColor[0] = 255;
    blureInit.elemDuration = 4;
    Effect_Add(play, &this->blureIndex, EFFECT_BLURE1, 0, 0, &blureInit);
    ASSERT(this->blureIndex >= 0, "this->blureIndex >= 0", "../z_en_lamp.c", 120);
}

void EnLamp_Update(Actor* thisx, PlayState* play) {
    EnLamp* this = (EnLamp*)thisx;
    Player* player = GET_PLAYER(play);
    WaterBox* waterBox;
    f32 ySurface;

    if (play->csCtx.state != CS_STATE_IDLE || (player->stateFlags2 & PLAYER_STATE2_23)) {
        return;
    }
    Npc_UpdateTalking(play, &this->actor, &this->talkState, 80.0f, EnLamp_GetTextId, EnLamp_UpdateTalkState);
    this->interactInfo.trackPos = player->actor.world.pos;
    Npc_TrackPoint(&this->actor, &this->interactInfo, 2, NPC_TRACKING_HEAD_AND_TORSO);
    if (WaterBox_GetSurfaceImpl(play, &play->colCtx, this->actor.world.pos.x, this->actor.world.pos.z, &ySurface,
                                &waterBox) && waterBox->ySurface > this->actor.world.pos.y + play->envCtx.sunPos.y) {
        EffectSsGRipple_Spawn(play, &this->actor.world.pos, 100, 500, 0);
        Actor_SetColorFilter(&this->actor, COLORFILTER_COLORFLAG_RED, 255, COLORFILTER_BUFFLAG_OPA, 8);
    }
    if (play->msgCtx.ocarinaMode == OCARINA_MODE_04) {
        Collider_SetTrisVertices(&this->colliderTris, 0, &this->actor.world.pos, &this->actor.home.pos,
                                 &this->actor.focus.pos);
        SFX_PLAY_CENTERED(NA_SE_SY_CORRECT_CHIME);
    }
    CollisionCheck_SetAC(play, &play->colChkCtx, &this->colliderTris.base);
}

void EnLamp_Draw(Actor* thisx, PlayState* play) {
    EnLamp* this = (EnLamp*)thisx;

    OPEN_DISPS(play->state.gfxCtx, "../z_en_lamp.c", 200);
    Gfx_SetupDL_25Opa(play->state.gfxCtx);
    POLY_OPA_DISP = SkelAnime_DrawFlex(play, this->skelAnime.skeleton, this->skelAnime.jointTable,
                                       this->skelAnime.dListCount, NULL, EnLamp_PostLimbDraw, this, POLY_OPA_DISP);
    CLOSE_DISPS(play->state.gfxCtx, "../z_en_lamp.c", 210);
}
"""


def test_actor_code_using_the_wider_api_passes(sandbox) -> None:
    v = verify(sandbox, NPC)
    assert v.status == Status.PASS, explain(v)


@pytest.mark.parametrize("old,new,reason", [
    # a wrong argument count or type against the real signatures
    ("Npc_TrackPoint(&this->actor, &this->interactInfo, 2, NPC_TRACKING_HEAD_AND_TORSO);",
     "Npc_TrackPoint(&this->actor, &this->interactInfo, NPC_TRACKING_HEAD_AND_TORSO);", "type-error"),
    ("Collider_InitTris(play, &this->colliderTris);", "Collider_InitTris(play, &this->colliderTrisElements[0]);",
     "type-error"),
    ("EffectSsGRipple_Spawn(play, &this->actor.world.pos, 100, 500, 0);",
     "EffectSsGRipple_Spawn(play, &this->actor.world.pos, 100, 500);", "type-error"),
    # the Opa callback shape (no Gfx** gfx) is not what the non-Opa flex draw takes
    ("Vec3s* rot, void* thisx, Gfx** gfx) {", "Vec3s* rot, void* thisx) {", "type-error"),
    # an invented member of a declared struct, an invented constant, an invented function
    ("waterBox->ySurface >", "waterBox->surfaceY >", "unknown-field"),
    ("play->csCtx.state != CS_STATE_IDLE", "play->csCtx.state != CS_STATE_WAITING", "unknown-identifier"),
    ("Message_StartOcarina(play, 0x2A);", "Message_StartOcarinaSong(play, 0x2A);", "unknown-function"),
    ("Collider_InitTris(play, &this->colliderTris);", "Collider_InitTris(play, &this->colliderTris)", "syntax"),
])
def test_misuse_of_the_wider_api_fails_for_its_own_reason(sandbox, old: str, new: str, reason: str) -> None:
    assert old in NPC
    mutated = NPC.replace(old, new, 1)
    v = verify(sandbox, mutated)
    assert v.status == Status.FAIL and v.reason == reason, explain(v)


def test_a_real_name_or_member_the_headers_lack_is_context_missing_an_invented_one_fails(sandbox) -> None:
    names, fields = game_names()
    types, declared = known_header_names(INCLUDE_DIR)
    assert "ENTR_GROTTOS_0" in names and "ENTR_GROTTOS_0" not in declared  # real, not shipped
    assert "Player.hoverBootsTimer" in fields
    code = ("void EnLamp_Check(Actor* thisx, PlayState* play) {\n    Player* player = GET_PLAYER(play);\n"
            "    if (play->nextEntranceIndex == ENTR_GROTTOS_0) {\n"
            "        player->hoverBootsTimer = 0;\n    }\n}\n")
    v = verify(sandbox, code)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert set(v.artifacts["missing"]) == {"ENTR_GROTTOS_0", "Player.hoverBootsTimer"}
    assert any("real game names the shipped headers do not declare" in n for n in v.artifacts["notes"])
    v = verify(sandbox, code.replace("ENTR_GROTTOS_0", "ENTR_LAMP_ROOM_0"))
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)
    v = verify(sandbox, code.replace("hoverBootsTimer", "lampBootsTimer"))
    assert v.status == Status.FAIL and v.reason == "unknown-field", explain(v)


UNSHOWN_HEADER = """#include "z_bg_lamp_switch.h"

void BgLampSwitch_SetColor(Actor* thisx, PlayState* play) {
    if (thisx->params == SWITCH_COLOR_BLUE) {
        Actor_SetColorFilter(thisx, COLORFILTER_COLORFLAG_BLUE, 255, COLORFILTER_BUFFLAG_OPA, 8);
    }
}
"""


def test_a_constant_from_a_header_the_answer_includes_but_does_not_show_is_context_missing(sandbox) -> None:
    v = verify(sandbox, UNSHOWN_HEADER)
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
    assert v.artifacts["missing"] == ["SWITCH_COLOR_BLUE"]
    assert any('"z_bg_lamp_switch.h"' in n and "SWITCH_COLOR_BLUE" in n for n in v.artifacts["notes"])
    # without the include, nothing says where it would come from: an invented constant
    v = verify(sandbox, UNSHOWN_HEADER.split("\n", 2)[2])
    assert v.status == Status.FAIL and v.reason == "unknown-identifier", explain(v)
    # an unshown header never excuses a function that does not exist
    v = verify(sandbox, UNSHOWN_HEADER.replace("Actor_SetColorFilter(", "Actor_SetColourFilter("))
    assert v.status == Status.FAIL and v.reason == "unknown-function", explain(v)


FUNC_TABLE = """void BgLampSwitch_Update(Actor* thisx, PlayState* play) {
    BgLampSwitch* this = (BgLampSwitch*)thisx;

    if (sActionFuncs[this->action] != NULL) {
        sActionFuncs[this->action](this, play);
    }
    OPEN_DISPS(play->state.gfxCtx, "../z_bg_lamp_switch.c", 80);
    POLY_OPA_DISP =
        Gfx_SetupDL_57(POLY_OPA_DISP);
    CLOSE_DISPS(play->state.gfxCtx, "../z_bg_lamp_switch.c", 83);
    Actor_PlaySfx(thisx, NA_SE_EV_LAMP_BURN, 1);
}
"""


def test_errors_that_follow_from_undecidable_names_take_their_class_but_an_arity_error_does_not(sandbox) -> None:
    code = "static BgLampSwitchActionFunc sActionFuncs[] = { NULL, NULL };\n\n" + FUNC_TABLE
    v = verify(sandbox, code)
    # the call through the table of an unshown type, and the assignment of a real function the
    # headers lack (two lines), are undecidable; the extra argument to Actor_PlaySfx is not,
    # even on a line that names an assumed sound id
    assert v.status == Status.FAIL and v.reason == "type-error", explain(v)
    assert "too many arguments to function" in next(c.detail for c in v.checks if c.name == "compile")
    v = verify(sandbox, code.replace("NA_SE_EV_LAMP_BURN, 1)", "NA_SE_EV_LAMP_BURN)"))
    assert v.status == Status.ERROR and v.reason == "context-missing", explain(v)
