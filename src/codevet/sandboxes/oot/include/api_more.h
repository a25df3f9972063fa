/* codevet: more of the game's API that real actors use (written for codevet; the names and
 * signatures are the game's interface as the decomp names it, modern era). Part of oot.h. */
#ifndef CODEVET_API_MORE_H
#define CODEVET_API_MORE_H

#ifndef DEBUG_FEATURES
#define DEBUG_FEATURES 1
#endif

/* actor flags and attention */
#define ACTOR_FLAG_UPDATE_DURING_OCARINA (1 << 25)
#define ACTOR_FLAGS_CHECK_ALL(actor, mask) (((actor)->flags & (mask)) == (mask))
typedef enum AttentionRangeType {
    ATTENTION_RANGE_0, ATTENTION_RANGE_1, ATTENTION_RANGE_2, ATTENTION_RANGE_3, ATTENTION_RANGE_4,
    ATTENTION_RANGE_5, ATTENTION_RANGE_6, ATTENTION_RANGE_7, ATTENTION_RANGE_8, ATTENTION_RANGE_9,
    ATTENTION_RANGE_MAX
} AttentionRangeType;

/* what a hit does to the attacker (collision_check) */
typedef enum HitSpecialEffect {
    HIT_SPECIAL_EFFECT_NONE, HIT_SPECIAL_EFFECT_FIRE, HIT_SPECIAL_EFFECT_ICE, HIT_SPECIAL_EFFECT_ELECTRIC,
    HIT_SPECIAL_EFFECT_KNOCKBACK, HIT_SPECIAL_EFFECT_7 = 7, HIT_SPECIAL_EFFECT_8, HIT_SPECIAL_EFFECT_9
} HitSpecialEffect;


/* functions */
void Actor_Noop(Actor* actor, struct PlayState* play);
Actor* Actor_GetCollidedExplosive(struct PlayState* play, Collider* collider);
s32 DynaPolyActor_IsPlayerAbove(DynaPolyActor* dynaActor);
void DynaPoly_DisableCollision(struct PlayState* play, DynaCollisionContext* dyna, s32 bgId);
void DynaPoly_EnableCollision(struct PlayState* play, DynaCollisionContext* dyna, s32 bgId);
void Play_TriggerVoidOut(struct PlayState* play);
s32 Flags_GetEventChkInf(s32 flag);
void Flags_SetEventChkInf(s32 flag);
void Rumble_Request(f32 distSq, u8 sourceStrength, u8 duration, u8 decreaseRate);
void EffectSsBomb2_SpawnLayered(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale,
                                s16 scaleStep);

#define SFX_PLAY_AT_POS(projectedPos, sfxId) \
    Audio_PlaySfxGeneral(sfxId, projectedPos, 4, &gSfxDefaultFreqAndVolScale, &gSfxDefaultFreqAndVolScale, \
                         &gSfxDefaultReverb)

/* collision: what hurting this AC collider does to the attacker (newer name of the above) */
typedef enum HitBacklash { HIT_BACKLASH_NONE, HIT_BACKLASH_ELECTRIC } HitBacklash;

/* paths of the scene (play->pathList) */
typedef struct Path {
    u8 count;
    Vec3s* points;
} Path;

#define BG_ACTOR_MAX 50
#define SFX_FLAG 0x800
#define YEARS_CHILD 5
#define YEARS_ADULT 17
#define LINK_AGE_IN_YEARS (!LINK_IS_ADULT ? YEARS_CHILD : YEARS_ADULT)
#define GET_TRANSITION_ACTOR_INDEX(actor) ((u16)(actor)->params >> 10)

/* ANSI colours of the debug console (PRINTF(VT_FGCOL(RED) "..." VT_RST)) */
#define VT_COLOR_BLACK 0
#define VT_COLOR_RED 1
#define VT_COLOR_GREEN 2
#define VT_COLOR_YELLOW 3
#define VT_COLOR_BLUE 4
#define VT_COLOR_MAGENTA 5
#define VT_COLOR_CYAN 6
#define VT_COLOR_WHITE 7
#define CODEVET_VT_STR2(x) #x
#define CODEVET_VT_STR(x) CODEVET_VT_STR2(x)
#define VT_FGCOL(color) "\x1b[3" CODEVET_VT_STR(VT_COLOR_##color) "m"
#define VT_BGCOL(color) "\x1b[4" CODEVET_VT_STR(VT_COLOR_##color) "m"
#define VT_COL(back, fore) "\x1b[4" CODEVET_VT_STR(VT_COLOR_##back) ";3" CODEVET_VT_STR(VT_COLOR_##fore) "m"
#define VT_RST "\x1b[m"

void Sfx_PlaySfxCentered2(u16 sfxId);
void EffectSsHahen_SpawnBurst(struct PlayState* play, Vec3f* pos, f32 burstScale, s16 unused, s16 scale,
                              s16 randScaleRange, s16 count, s16 objId, s16 life, Gfx* dList);

/* animation played with a speed and morph (AnimationSpeedInfo tables of NPCs) */
typedef struct AnimationSpeedInfo {
    AnimationHeader* animation;
    f32 playSpeed;
    u8 mode;
    f32 morphFrames;
} AnimationSpeedInfo;

s32 Camera_RequestSetting(Camera* camera, s16 setting);
s16 Camera_GetCamDirYaw(Camera* camera);
Mtx* Matrix_MtxFToMtx(MtxF* src, Mtx* dest);
void Actor_WorldToActorCoords(Actor* actor, Vec3f* dest, Vec3f* pos);
s32 Player_SetCsAction(struct PlayState* play, Actor* csActor, u8 csAction);
void Actor_RequestQuakeAndRumble(Actor* actor, struct PlayState* play, s16 quakeY, s16 quakeDuration);
s32 OnePointCutscene_AttentionSetSfx(struct PlayState* play, Actor* actor, s32 sfxId);
f32 Environment_LerpWeightAccelDecel(u16 endFrame, u16 startFrame, u16 curFrame, u16 accelDuration,
                                     u16 decelDuration);
u32 Quake_SetPerturbations(s16 index, s16 y, s16 x, s16 fov, s16 roll);
void* Effect_GetByIndex(s32 index);
s32 func_8008EF44(struct PlayState* play, s32 ammo);

/* the debug register editor (kREG(n) and friends) */
#define REG_GROUPS 29
#define REG_PER_GROUP 96
typedef struct RegEditor {
    u8 regPage;
    u8 regGroup;
    u8 regCur;
    u8 dPadInputPrev;
    u32 inputRepeatTimer;
    s16 data[REG_GROUPS * REG_PER_GROUP];
} RegEditor;
extern RegEditor* gRegEditor;
#define BASE_REG(n, r) gRegEditor->data[(n) * REG_PER_GROUP + (r)]
#define REG(r) BASE_REG(0, (r))
#define SREG(r) BASE_REG(1, (r))
#define OREG(r) BASE_REG(2, (r))
#define PREG(r) BASE_REG(3, (r))
#define QREG(r) BASE_REG(4, (r))
#define MREG(r) BASE_REG(5, (r))
#define YREG(r) BASE_REG(6, (r))
#define DREG(r) BASE_REG(7, (r))
#define UREG(r) BASE_REG(8, (r))
#define IREG(r) BASE_REG(9, (r))
#define ZREG(r) BASE_REG(10, (r))
#define CREG(r) BASE_REG(11, (r))
#define NREG(r) BASE_REG(12, (r))
#define KREG(r) BASE_REG(13, (r))
#define XREG(r) BASE_REG(14, (r))
#define cREG(r) BASE_REG(15, (r))
#define sREG(r) BASE_REG(16, (r))
#define iREG(r) BASE_REG(17, (r))
#define WREG(r) BASE_REG(18, (r))
#define AREG(r) BASE_REG(19, (r))
#define VREG(r) BASE_REG(20, (r))
#define HREG(r) BASE_REG(21, (r))
#define GREG(r) BASE_REG(22, (r))
#define mREG(r) BASE_REG(23, (r))
#define nREG(r) BASE_REG(24, (r))
#define BREG(r) BASE_REG(25, (r))
#define dREG(r) BASE_REG(26, (r))
#define kREG(r) BASE_REG(27, (r))
#define bREG(r) BASE_REG(28, (r))

#endif
