/* codevet: the next layer of the game's API that real actors use, by how many actor files use
 * each name (written for codevet as declarations: the names and signatures are the game's
 * interface as the decomp names it, modern era; layouts are codevet's own and constant values
 * only matter where code can tell them apart). Part of oot.h, after api_more.h. */
#ifndef CODEVET_API_WIDE_H
#define CODEVET_API_WIDE_H

/* ------------------------------------------------------------ attributes, debug -- */

#define FALLTHROUGH __attribute__((fallthrough))
void __assert(const char* assertion, const char* file, int line);
#define ASSERT(cond, msg, file, line) ((cond) ? ((void)0) : __assert(msg, file, line))
#define MATRIX_CHECK_FLOATS(mtx, file, line) (mtx)
#define PRINTF_RST() PRINTF(VT_RST)
#define PRINTF_COLOR_BLACK() PRINTF(VT_FGCOL(BLACK))
#define PRINTF_COLOR_RED() PRINTF(VT_FGCOL(RED))
#define PRINTF_COLOR_GREEN() PRINTF(VT_FGCOL(GREEN))
#define PRINTF_COLOR_YELLOW() PRINTF(VT_FGCOL(YELLOW))
#define PRINTF_COLOR_BLUE() PRINTF(VT_FGCOL(BLUE))
#define PRINTF_COLOR_MAGENTA() PRINTF(VT_FGCOL(MAGENTA))
#define PRINTF_COLOR_CYAN() PRINTF(VT_FGCOL(CYAN))
#define PRINTF_COLOR_WHITE() PRINTF(VT_FGCOL(WHITE))
#define PRINTF_COLOR_WARNING() PRINTF(VT_COL(YELLOW, BLACK))
#define PRINTF_COLOR_ERROR() PRINTF(VT_COL(RED, WHITE))
#define LOG_STRING_T(stringJP, stringEN, file, line) PRINTF("%s", stringEN)

/* versions (OOT_VERSION compares against these) */
#define NTSC_1_0 0
#define NTSC_1_1 1
#define NTSC_1_2 2
#define PAL_1_0 3
#define PAL_1_1 4
#define GC_JP 5
#define GC_JP_MQ 6
#define GC_US 7
#define GC_US_MQ 8
#define GC_EU_MQ_DBG 9
#define GC_EU 10
#define GC_EU_MQ 11
#define GC_JP_CE 12
#define IQUE_CN 13
#ifndef OOT_VERSION
#define OOT_VERSION GC_EU_MQ_DBG
#endif
#define FRAMERATE_CONST(value50Hz, value60Hz) (value60Hz)

/* ---------------------------------------------------------------- graphics -- */

#define SCREEN_WIDTH 320
#define SCREEN_HEIGHT 240
void* Graph_Alloc(GraphicsContext* gfxCtx, size_t size);
#define GRAPH_ALLOC(gfxCtx, size) Graph_Alloc(gfxCtx, size)
#define TEX_LEN(type, width, height, bitsPerTexel) ((width) * (height) * (bitsPerTexel) / 8 / sizeof(type))
Mtx* Matrix_Finalize(GraphicsContext* gfxCtx, const char* file, s32 line);
#define MATRIX_FINALIZE(gfxCtx, file, line) Matrix_Finalize(gfxCtx, file, line)
void Matrix_MtxFToYXZRotS(MtxF* mf, Vec3s* rotDest, s32 flag);
extern MtxF gIdentityMtxF;
Gfx* Gfx_SetFog(Gfx* gfx, s32 r, s32 g, s32 b, s32 a, s32 near, s32 far);
Gfx* Play_SetFog(struct PlayState* play, Gfx* gfx);
typedef enum SetupDL {
    SETUPDL_0, SETUPDL_1, SETUPDL_2, SETUPDL_3, SETUPDL_4, SETUPDL_5, SETUPDL_6, SETUPDL_7, SETUPDL_8, SETUPDL_9,
    SETUPDL_10, SETUPDL_11, SETUPDL_12, SETUPDL_13, SETUPDL_14, SETUPDL_15, SETUPDL_16, SETUPDL_17, SETUPDL_18,
    SETUPDL_19, SETUPDL_20, SETUPDL_21, SETUPDL_22, SETUPDL_23, SETUPDL_24, SETUPDL_25, SETUPDL_26, SETUPDL_27,
    SETUPDL_28, SETUPDL_29, SETUPDL_30, SETUPDL_31, SETUPDL_32, SETUPDL_33, SETUPDL_34, SETUPDL_35, SETUPDL_36,
    SETUPDL_37, SETUPDL_38, SETUPDL_39, SETUPDL_40, SETUPDL_41, SETUPDL_42, SETUPDL_43, SETUPDL_44, SETUPDL_45,
    SETUPDL_46, SETUPDL_47, SETUPDL_48, SETUPDL_49, SETUPDL_50, SETUPDL_51, SETUPDL_52, SETUPDL_53, SETUPDL_54,
    SETUPDL_55, SETUPDL_56, SETUPDL_57, SETUPDL_58, SETUPDL_59, SETUPDL_60, SETUPDL_61, SETUPDL_62, SETUPDL_63,
    SETUPDL_64, SETUPDL_65, SETUPDL_66, SETUPDL_67, SETUPDL_68, SETUPDL_69, SETUPDL_70, SETUPDL_MAX
} SetupDL;
Gfx* Gfx_SetupDL(Gfx* gfx, u32 i);
Gfx* Gfx_SetupDL_64(Gfx* gfx);
Gfx* SkelAnime_DrawFlex(struct PlayState* play, void** skeleton, Vec3s* jointTable, s32 dListCount,
                        OverrideLimbDraw overrideLimbDraw, PostLimbDraw postLimbDraw, void* arg, Gfx* gfx);

/* ---------------------------------------------------------------- actors -- */

#define ACTOR_FLAG_IGNORE_QUAKE (1 << 12)
#define ACTOR_FLAG_HOOKSHOT_ATTACHED (1 << 13)
#define ACTOR_FLAG_CAN_ATTACH_TO_ARROW (1 << 14)
#define ACTOR_FLAG_ATTACHED_TO_ARROW (1 << 15)
#define ACTOR_FLAG_TALK_OFFER_AUTO_ACCEPTED (1 << 16)
#define ACTOR_FLAG_SFX_FOR_PLAYER_BODY_HIT (1 << 24)
#define ACTOR_FLAG_GRASS_DESTROYED (1 << 11)
#define ACTOR_FLAG_IGNORE_POINT_LIGHTS (1 << 22)

#define COLORFILTER_COLORFLAG_GRAY 0x8000
#define COLORFILTER_COLORFLAG_RED 0x4000
#define COLORFILTER_COLORFLAG_BLUE 0x0000
#define COLORFILTER_BUFFLAG_XLU 0x2000
#define COLORFILTER_BUFFLAG_OPA 0x0000

#define FIDGET_AMPLITUDE 200.0f
#define PARAMS_GET_NOMASK(p, s) ((p) >> (s))

typedef struct NpcInteractInfo {
    s16 talkState;
    s16 trackingMode;
    s16 autoTurnTimer;
    s16 autoTurnState;
    Vec3s headRot;
    Vec3s torsoRot;
    f32 yOffset;
    Vec3f trackPos;
} NpcInteractInfo;
typedef enum NpcTalkState {
    NPC_TALK_STATE_IDLE, NPC_TALK_STATE_TALKING, NPC_TALK_STATE_ACTION, NPC_TALK_STATE_ITEM_GIVEN
} NpcTalkState;
typedef enum NpcTrackingMode {
    NPC_TRACKING_PLAYER_AUTO_TURN, NPC_TRACKING_NONE, NPC_TRACKING_HEAD_AND_TORSO, NPC_TRACKING_HEAD,
    NPC_TRACKING_FULL_BODY
} NpcTrackingMode;
typedef u16 (*NpcGetTextIdFunc)(struct PlayState* play, Actor* actor);
typedef s16 (*NpcUpdateTalkStateFunc)(struct PlayState* play, Actor* actor);
void Npc_TrackPoint(Actor* actor, NpcInteractInfo* interactInfo, s16 presetIndex, s16 trackingMode);
s32 Npc_UpdateTalking(struct PlayState* play, Actor* actor, s16* talkState, f32 interactRange,
                      NpcGetTextIdFunc getTextId, NpcUpdateTalkStateFunc updateTalkState);

void Enemy_StartFinishingBlow(struct PlayState* play, Actor* actor);
void Actor_SetDropFlag(Actor* actor, ColliderElement* elem, s32 freezeFlag);
void Actor_SetPlayerKnockbackLarge(struct PlayState* play, Actor* actor, f32 speed, s16 rot, f32 yVelocity,
                                   u32 damage);
void Actor_SetPlayerKnockbackLargeNoDamage(struct PlayState* play, Actor* actor, f32 speed, s16 rot, f32 yVelocity);
s32 Actor_TrackPlayer(struct PlayState* play, Actor* actor, Vec3s* headRot, Vec3s* torsoRot, Vec3f focusPos);
s8 Actor_GetPlayerExchangeItemId(struct PlayState* play);
s32 Actor_OfferTalkNearColChkInfoCylinder(Actor* actor, struct PlayState* play);
s32 Actor_OfferTalkExchangeEquiCylinder(Actor* actor, struct PlayState* play, f32 radius, u32 exchangeItemId);
s32 Actor_OfferCarry(Actor* actor, struct PlayState* play);
Actor* Actor_FindNearby(struct PlayState* play, Actor* refActor, s16 actorId, u8 actorCategory, f32 range);
void Actor_PlaySfx_FlaggedCentered2(Actor* actor, u16 sfxId);
void Actor_PlaySfx_FlaggedTimer(Actor* actor, s32 timer);
void Actor_GetScreenPos(struct PlayState* play, Actor* actor, s16* x, s16* y);
void Actor_SetObjectDependency(struct PlayState* play, Actor* actor);
void Actor_UpdateFidgetTables(struct PlayState* play, s16* fidgetTableY, s16* fidgetTableZ, s32 tableLen);
void Actor_UpdateVelocityXYZ(Actor* actor);
void Actor_MoveXYZ(Actor* actor);
s16 Actor_TestFloorInDirection(Actor* actor, struct PlayState* play, f32 distance, s16 angle);
void Actor_RequestQuake(struct PlayState* play, s16 y, s16 duration);
void func_80033480(struct PlayState* play, Vec3f* posBase, f32 randRangeDiameter, s32 amountMinusOne, s16 scaleBase,
                   s16 scaleStep, u8 arg6);
void func_8002EBCC(Actor* actor, struct PlayState* play, s32 flag);
void func_8002ED80(Actor* actor, struct PlayState* play, s32 flag);
void func_80033C30(Vec3f* arg0, Vec3f* arg1, u8 alpha, struct PlayState* play);
extern Gfx D_80116280[];
u16 MaskReaction_GetTextId(struct PlayState* play, u32 maskReactionSet);
void AnimTaskQueue_AddActorMovement(struct PlayState* play, struct Actor* actor, SkelAnime* skelAnime,
                                    f32 moveDiffScaleY);
#define ANIM_FLAG_UPDATE_XZ (1 << 0)
typedef struct AnimationFrameCountInfo {
    AnimationHeader* animation;
    f32 frameCount;
    u8 mode;
    f32 morphFrames;
} AnimationFrameCountInfo;

/* ---------------------------------------------------------------- collision -- */

#define BGCHECK_Y_MIN -32000.0f
#define BGCHECK_SCENE BG_ACTOR_MAX
#define COLPOLY_NORMAL_FRAC (1.0f / 32767)
#define COLPOLY_GET_NORMAL(n) ((n) * COLPOLY_NORMAL_FRAC)
#define ATELEM_UNK7 (1 << 7)
#define DMG_ARROW_UNK1 (1 << 14)
#define DMG_ARROW_UNK2 (1 << 15)
#define DMG_ARROW_UNK3 (1 << 16)
#define DMG_SPIN_MASTER (1 << 23)
#define DMG_SPIN_GIANT (1 << 24)
#define DMG_JUMP_KOKIRI (1 << 25)
#define DMG_JUMP_GIANT (1 << 26)
#define DMG_UNBLOCKABLE (1 << 28)
#define DMG_HAMMER_JUMP (1 << 30)
#define DMG_ARROW (DMG_ARROW_NORMAL | DMG_ARROW_FIRE | DMG_ARROW_ICE | DMG_ARROW_LIGHT | DMG_ARROW_UNK1 | \
                   DMG_ARROW_UNK2 | DMG_ARROW_UNK3)
#define DMG_HAMMER (DMG_HAMMER_SWING | DMG_HAMMER_JUMP)
#define DMG_SLASH (DMG_SLASH_KOKIRI | DMG_SLASH_MASTER | DMG_SLASH_GIANT)
#define DMG_SPIN_ATTACK (DMG_SPIN_KOKIRI | DMG_SPIN_MASTER | DMG_SPIN_GIANT)
#define DMG_JUMP_SLASH (DMG_JUMP_KOKIRI | DMG_JUMP_MASTER | DMG_JUMP_GIANT)
#define DMG_FIRE (DMG_ARROW_FIRE | DMG_MAGIC_FIRE)

typedef struct WaterBox {
    s16 xMin;
    s16 ySurface;
    s16 zMin;
    s16 xLength;
    s16 zLength;
    u32 properties;
} WaterBox;
s32 WaterBox_GetSurfaceImpl(struct PlayState* play, CollisionContext* colCtx, f32 x, f32 z, f32* ySurface,
                            WaterBox** outWaterBox);
u16 SurfaceType_GetSfxOffset(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
u32 SurfaceType_GetFloorType(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
struct DynaPolyActor* DynaPoly_GetActor(CollisionContext* colCtx, s32 bgId);
u8 CollisionCheck_GetSwordDamage(s32 dmgFlags);

typedef struct { Vec3f vtx[3]; struct { Vec3f normal; f32 originDist; } plane; } TriNorm;
typedef struct ColliderTrisElement {
    union { ColliderElement base; ColliderElement info; };
    TriNorm dim;
} ColliderTrisElement;
typedef struct ColliderTris {
    Collider base;
    s32 count;
    ColliderTrisElement* elements;
} ColliderTris;
typedef struct ColliderTrisElementDimInit {
    Vec3f vtx[3];
} ColliderTrisElementDimInit;
typedef struct ColliderTrisElementInit {
    union { ColliderElementInit base; ColliderElementInit info; };
    ColliderTrisElementDimInit dim;
} ColliderTrisElementInit;
typedef struct ColliderTrisInit {
    ColliderInit base;
    s32 count;
    ColliderTrisElementInit* elements;
} ColliderTrisInit;
typedef struct ColliderTrisInitType1 {
    ColliderInitType1 base;
    s32 count;
    ColliderTrisElementInit* elements;
} ColliderTrisInitType1;
s32 Collider_InitTris(struct PlayState* play, ColliderTris* tris);
s32 Collider_DestroyTris(struct PlayState* play, ColliderTris* tris);
s32 Collider_SetTris(struct PlayState* play, ColliderTris* dest, struct Actor* actor, ColliderTrisInit* src,
                     ColliderTrisElement* trisElements);
s32 Collider_SetTrisType1(struct PlayState* play, ColliderTris* dest, struct Actor* actor, ColliderTrisInitType1* src);
void Collider_SetTrisVertices(ColliderTris* tris, s32 elemIndex, Vec3f* a, Vec3f* b, Vec3f* c);

/* ---------------------------------------------------------------- effects -- */

typedef enum EffectType { EFFECT_SPARK, EFFECT_BLURE1, EFFECT_BLURE2, EFFECT_SHIELD_PARTICLE } EffectType;
typedef struct EffectBlureInit1 {
    char unk_00[0x184];
    u8 p1StartColor[4];
    u8 p2StartColor[4];
    u8 p1EndColor[4];
    u8 p2EndColor[4];
    s32 elemDuration;
    s32 unkFlag;
    s32 calcMode;
} EffectBlureInit1;
typedef struct EffectBlureInit2 {
    s32 calcMode;
    u16 flags;
    s16 addAngleChange;
    u8 p1StartColor[4];
    u8 p2StartColor[4];
    u8 p1EndColor[4];
    u8 p2EndColor[4];
    u8 elemDuration;
    u8 unkFlag;
    u8 drawMode;
    u8 mode4Param;
    Color_RGBA8 altPrimColor;
    Color_RGBA8 altEnvColor;
} EffectBlureInit2;
typedef struct EffectBlure EffectBlure;
void Effect_Add(struct PlayState* play, s32* pIndex, s32 type, u8 arg3, u8 arg4, void* initParams);
void Effect_Delete(struct PlayState* play, s32 index);
void EffectBlure_AddVertex(EffectBlure* this, Vec3f* p1, Vec3f* p2);
void EffectBlure_AddSpace(EffectBlure* this);

#define HAHEN_OBJECT_DEFAULT -1
typedef enum KakeraColor { KAKERA_COLOR_NONE = -1, KAKERA_COLOR_WHITE, KAKERA_COLOR_BROWN } KakeraColor;
void EffectSsKakera_Spawn(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* arg3, s16 gravity, s16 arg5,
                          s16 arg6, s16 arg7, s16 arg8, s16 scale, s16 arg10, s16 arg11, s32 life, s16 colorIdx,
                          s16 objId, Gfx* dList);
void EffectSsDeadDb_Spawn(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale, s16 scaleStep,
                          s16 primR, s16 primG, s16 primB, s16 primA, s16 envR, s16 envG, s16 envB, s16 unused,
                          s32 arg14, s16 playSfx);
void EffectSsGSplash_Spawn(struct PlayState* play, Vec3f* pos, Color_RGBA8* primColor, Color_RGBA8* envColor,
                           s16 type, s16 scale);
void EffectSsGRipple_Spawn(struct PlayState* play, Vec3f* pos, s16 radius, s16 radiusMax, s16 life);
void EffectSsBubble_Spawn(struct PlayState* play, Vec3f* pos, f32 yPosOffset, f32 yPosRandScale, f32 xzPosRandScale,
                          f32 scale);
void EffectSsEnIce_SpawnFlyingVec3f(struct PlayState* play, struct Actor* actor, Vec3f* pos, s16 primR, s16 primG,
                                    s16 primB, s16 primA, s16 envR, s16 envG, s16 envB, f32 scale);
void EffectSsEnFire_SpawnVec3f(struct PlayState* play, struct Actor* actor, Vec3f* pos, s16 scale, s16 arg4,
                               s16 flags, s16 bodyPart);
void EffectSsKiraKira_SpawnDispersed(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel,
                                     Color_RGBA8* primColor, Color_RGBA8* envColor, s16 scale, s32 life);
void EffectSsDeadSound_SpawnStationary(struct PlayState* play, Vec3f* pos, u16 sfxId, s16 lowerPriority,
                                       s16 repeatMode, s32 life);
void EffectSsHahen_Spawn(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 unused, s16 scale,
                         s16 objId, s16 life, Gfx* dList);
void func_8002829C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, Color_RGBA8* primColor,
                   Color_RGBA8* envColor, s16 scale, s16 scaleStep);
void func_8002836C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, Color_RGBA8* primColor,
                   Color_RGBA8* envColor, s16 scale, s16 scaleStep, s16 life);
void func_800286CC(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale, s16 scaleStep);

/* ---------------------------------------------------------------- player -- */

#define PLAYER_STATE1_8 (1 << 8)
#define PLAYER_STATE1_9 (1 << 9)
#define PLAYER_STATE1_15 (1 << 15)
#define PLAYER_STATE1_16 (1 << 16)
#define PLAYER_STATE1_17 (1 << 17)
#define PLAYER_STATE1_19 (1 << 19)
#define PLAYER_STATE1_22 (1 << 22)
#define PLAYER_STATE1_24 (1 << 24)
#define PLAYER_STATE1_25 (1 << 25)
#define PLAYER_STATE1_26 (1 << 26)
#define PLAYER_STATE1_28 (1 << 28)
#define PLAYER_STATE1_30 (1 << 30)
#define PLAYER_STATE1_31 (1 << 31)
#define PLAYER_STATE2_1 (1 << 1)
#define PLAYER_STATE2_2 (1 << 2)
#define PLAYER_STATE2_3 (1 << 3)
#define PLAYER_STATE2_5 (1 << 5)
#define PLAYER_STATE2_6 (1 << 6)
#define PLAYER_STATE2_7 (1 << 7)
#define PLAYER_STATE2_8 (1 << 8)
#define PLAYER_STATE2_9 (1 << 9)
#define PLAYER_STATE2_11 (1 << 11)
#define PLAYER_STATE2_12 (1 << 12)
#define PLAYER_STATE2_13 (1 << 13)
#define PLAYER_STATE2_14 (1 << 14)
#define PLAYER_STATE2_15 (1 << 15)
#define PLAYER_STATE2_16 (1 << 16)
#define PLAYER_STATE2_17 (1 << 17)
#define PLAYER_STATE2_18 (1 << 18)
#define PLAYER_STATE2_20 (1 << 20)
#define PLAYER_STATE2_21 (1 << 21)
#define PLAYER_STATE2_22 (1 << 22)
#define PLAYER_STATE2_23 (1 << 23)
#define PLAYER_STATE2_24 (1 << 24)
#define PLAYER_STATE2_25 (1 << 25)
#define PLAYER_STATE2_26 (1 << 26)
#define PLAYER_STATE2_27 (1 << 27)
#define PLAYER_STATE2_28 (1 << 28)
#define PLAYER_STATE2_29 (1 << 29)
#define PLAYER_STATE2_30 (1 << 30)
#define PLAYER_STATE2_31 (1 << 31)
typedef enum PlayerCsAction {
    PLAYER_CSACTION_NONE, PLAYER_CSACTION_1, PLAYER_CSACTION_2, PLAYER_CSACTION_3, PLAYER_CSACTION_4,
    PLAYER_CSACTION_5, PLAYER_CSACTION_6, PLAYER_CSACTION_7, PLAYER_CSACTION_8, PLAYER_CSACTION_9,
    PLAYER_CSACTION_10, PLAYER_CSACTION_11, PLAYER_CSACTION_12, PLAYER_CSACTION_13, PLAYER_CSACTION_14,
    PLAYER_CSACTION_15, PLAYER_CSACTION_16, PLAYER_CSACTION_17, PLAYER_CSACTION_18, PLAYER_CSACTION_19,
    PLAYER_CSACTION_20, PLAYER_CSACTION_21, PLAYER_CSACTION_22, PLAYER_CSACTION_23, PLAYER_CSACTION_24,
    PLAYER_CSACTION_25, PLAYER_CSACTION_26, PLAYER_CSACTION_27, PLAYER_CSACTION_28, PLAYER_CSACTION_29,
    PLAYER_CSACTION_30, PLAYER_CSACTION_31, PLAYER_CSACTION_32, PLAYER_CSACTION_33, PLAYER_CSACTION_34,
    PLAYER_CSACTION_35, PLAYER_CSACTION_36, PLAYER_CSACTION_37, PLAYER_CSACTION_38, PLAYER_CSACTION_39,
    PLAYER_CSACTION_40, PLAYER_CSACTION_41, PLAYER_CSACTION_42, PLAYER_CSACTION_43, PLAYER_CSACTION_44,
    PLAYER_CSACTION_45, PLAYER_CSACTION_46, PLAYER_CSACTION_47, PLAYER_CSACTION_48, PLAYER_CSACTION_49,
    PLAYER_CSACTION_50, PLAYER_CSACTION_51, PLAYER_CSACTION_52, PLAYER_CSACTION_53, PLAYER_CSACTION_54,
    PLAYER_CSACTION_55, PLAYER_CSACTION_56, PLAYER_CSACTION_57, PLAYER_CSACTION_58, PLAYER_CSACTION_59,
    PLAYER_CSACTION_60, PLAYER_CSACTION_61, PLAYER_CSACTION_62, PLAYER_CSACTION_63, PLAYER_CSACTION_64,
    PLAYER_CSACTION_65, PLAYER_CSACTION_66, PLAYER_CSACTION_67, PLAYER_CSACTION_68, PLAYER_CSACTION_69,
    PLAYER_CSACTION_70, PLAYER_CSACTION_71, PLAYER_CSACTION_72, PLAYER_CSACTION_73, PLAYER_CSACTION_74,
    PLAYER_CSACTION_75, PLAYER_CSACTION_76, PLAYER_CSACTION_77, PLAYER_CSACTION_78, PLAYER_CSACTION_79,
    PLAYER_CSACTION_80, PLAYER_CSACTION_81, PLAYER_CSACTION_82, PLAYER_CSACTION_83, PLAYER_CSACTION_84,
    PLAYER_CSACTION_85, PLAYER_CSACTION_86, PLAYER_CSACTION_87, PLAYER_CSACTION_88, PLAYER_CSACTION_89,
    PLAYER_CSACTION_90, PLAYER_CSACTION_91, PLAYER_CSACTION_92, PLAYER_CSACTION_93, PLAYER_CSACTION_94,
    PLAYER_CSACTION_95, PLAYER_CSACTION_96, PLAYER_CSACTION_97, PLAYER_CSACTION_98, PLAYER_CSACTION_99,
    PLAYER_CSACTION_MAX
} PlayerCsAction;
typedef enum PlayerBodyPart {
    PLAYER_BODYPART_WAIST, PLAYER_BODYPART_R_THIGH, PLAYER_BODYPART_R_SHIN, PLAYER_BODYPART_R_FOOT,
    PLAYER_BODYPART_L_THIGH, PLAYER_BODYPART_L_SHIN, PLAYER_BODYPART_L_FOOT, PLAYER_BODYPART_HEAD,
    PLAYER_BODYPART_HAT, PLAYER_BODYPART_COLLAR, PLAYER_BODYPART_L_SHOULDER, PLAYER_BODYPART_L_FOREARM,
    PLAYER_BODYPART_L_HAND, PLAYER_BODYPART_R_SHOULDER, PLAYER_BODYPART_R_FOREARM, PLAYER_BODYPART_R_HAND,
    PLAYER_BODYPART_SHEATH, PLAYER_BODYPART_TORSO, PLAYER_BODYPART_MAX
} PlayerBodyPart;
typedef enum PlayerShield {
    PLAYER_SHIELD_NONE, PLAYER_SHIELD_DEKU, PLAYER_SHIELD_HYLIAN, PLAYER_SHIELD_MIRROR, PLAYER_SHIELD_MAX
} PlayerShield;
typedef enum ExchangeItemID {
    EXCH_ITEM_NONE, EXCH_ITEM_ZELDAS_LETTER, EXCH_ITEM_WEIRD_EGG, EXCH_ITEM_CHICKEN, EXCH_ITEM_MAGIC_BEAN,
    EXCH_ITEM_POCKET_EGG, EXCH_ITEM_POCKET_CUCCO, EXCH_ITEM_COJIRO, EXCH_ITEM_ODD_MUSHROOM, EXCH_ITEM_ODD_POTION,
    EXCH_ITEM_POACHERS_SAW, EXCH_ITEM_BROKEN_GORONS_SWORD, EXCH_ITEM_PRESCRIPTION, EXCH_ITEM_EYEBALL_FROG,
    EXCH_ITEM_EYE_DROPS, EXCH_ITEM_CLAIM_CHECK, EXCH_ITEM_MASK_SKULL, EXCH_ITEM_MASK_SPOOKY, EXCH_ITEM_MASK_KEATON,
    EXCH_ITEM_MASK_BUNNY_HOOD, EXCH_ITEM_MASK_TRUTH, EXCH_ITEM_MASK_GORON, EXCH_ITEM_MASK_ZORA,
    EXCH_ITEM_MASK_GERUDO, EXCH_ITEM_FROG, EXCH_ITEM_LENS_OF_TRUTH, EXCH_ITEM_BOTTLE_FISH,
    EXCH_ITEM_BOTTLE_BLUE_FIRE, EXCH_ITEM_BOTTLE_BUG, EXCH_ITEM_BOTTLE_POE, EXCH_ITEM_BOTTLE_BIG_POE,
    EXCH_ITEM_BOTTLE_RUTOS_LETTER, EXCH_ITEM_MAX
} ExchangeItemID;

/* ------------------------------------------------------- cutscenes, camera -- */

typedef enum CutsceneState {
    CS_STATE_IDLE, CS_STATE_START, CS_STATE_RUN, CS_STATE_STOP, CS_STATE_RUN_UNSTOPPABLE
} CutsceneState;
void Cutscene_StartManual(struct PlayState* play, CutsceneContext* csCtx);
void Cutscene_StopManual(struct PlayState* play, CutsceneContext* csCtx);
s32 CutsceneFlags_Get(struct PlayState* play, s16 flag);
void CutsceneFlags_Set(struct PlayState* play, s16 flag);
#define CS_INDEX_0 0xFFF0
#define CS_INDEX_1 0xFFF1
#define CS_INDEX_2 0xFFF2
#define CS_INDEX_3 0xFFF3

#define CAM_ID_NONE -1
#define SUB_CAM_ID_DONE 0
#define CAM_STAT_CUT 0
#define CAM_STAT_WAIT 1
#define CAM_STAT_UNK3 3
#define CAM_STAT_ACTIVE 7
#define CAM_STAT_UNK100 0x100
s16 Camera_SetFinishedFlag(Camera* camera);
s32 Camera_RequestQuake(Camera* camera, s32 unused, s16 y, s32 duration);
s32 func_8005B198(void);
s32 Play_SetCameraAtEye(struct PlayState* play, s16 camId, Vec3f* at, Vec3f* eye);
void Play_ReturnToMainCam(struct PlayState* play, s16 camId, s16 duration);
s32 OnePointCutscene_Attention(struct PlayState* play, struct Actor* actor);

typedef enum QuakeType {
    QUAKE_TYPE_NONE, QUAKE_TYPE_1, QUAKE_TYPE_2, QUAKE_TYPE_3, QUAKE_TYPE_4, QUAKE_TYPE_5, QUAKE_TYPE_6
} QuakeType;

/* transitions */
#define TRANS_TRIGGER_OFF 0
#define TRANS_TRIGGER_START 20
#define TRANS_TRIGGER_END -20
typedef enum TransitionCircleAppearance { TCA_NORMAL, TCA_WAVE, TCA_RIPPLE, TCA_STARBURST } TransitionCircleAppearance;
typedef enum TransitionCircleColor { TCC_BLACK, TCC_WHITE, TCC_GRAY, TCC_SPECIAL } TransitionCircleColor;
typedef enum TransitionCircleSpeed { TCS_FAST, TCS_SLOW } TransitionCircleSpeed;
#define TRANS_TYPE_CIRCLE(appearance, color, speed) \
    ((1 << 5) | (((color) & 3) << 3) | (((appearance) & 3) << 1) | ((speed) & 1))

/* ---------------------------------------------------------- message, ocarina -- */

typedef enum MessageMode {
    MSGMODE_NONE, MSGMODE_TEXT_START, MSGMODE_TEXT_BOX_GROWING, MSGMODE_TEXT_STARTING, MSGMODE_TEXT_NEXT_MSG,
    MSGMODE_TEXT_CONTINUING, MSGMODE_TEXT_DISPLAYING, MSGMODE_TEXT_AWAIT_INPUT, MSGMODE_TEXT_DELAYED_BREAK,
    MSGMODE_OCARINA_STARTING, MSGMODE_SONG_DEMONSTRATION_STARTING, MSGMODE_SONG_PLAYBACK_STARTING,
    MSGMODE_OCARINA_PLAYING, MSGMODE_OCARINA_CORRECT_PLAYBACK, MSGMODE_OCARINA_FAIL, MSGMODE_OCARINA_FAIL_NO_TEXT,
    MSGMODE_OCARINA_NOTES_DROP, MSGMODE_SONG_PLAYED, MSGMODE_SETUP_DISPLAY_SONG_PLAYED,
    MSGMODE_DISPLAY_SONG_PLAYED, MSGMODE_DISPLAY_SONG_PLAYED_TEXT_BEGIN, MSGMODE_DISPLAY_SONG_PLAYED_TEXT,
    MSGMODE_SONG_PLAYED_ACT_BEGIN, MSGMODE_SONG_PLAYED_ACT, MSGMODE_SONG_PLAYBACK, MSGMODE_SONG_PLAYBACK_SUCCESS,
    MSGMODE_SONG_PLAYBACK_FAIL, MSGMODE_SONG_PLAYBACK_NOTES_DROP, MSGMODE_SONG_DEMONSTRATION_SELECT_INSTRUMENT,
    MSGMODE_SONG_DEMONSTRATION, MSGMODE_SONG_DEMONSTRATION_DONE, MSGMODE_OCARINA_AWAIT_INPUT,
    MSGMODE_SCARECROW_LONG_RECORDING_START, MSGMODE_SCARECROW_LONG_RECORDING_ONGOING,
    MSGMODE_SCARECROW_LONG_PLAYBACK, MSGMODE_SCARECROW_SPAWN_RECORDING_START,
    MSGMODE_SCARECROW_SPAWN_RECORDING_ONGOING, MSGMODE_SCARECROW_SPAWN_RECORDING_FAILED,
    MSGMODE_SCARECROW_SPAWN_RECORDING_DONE, MSGMODE_MEMORY_GAME_START, MSGMODE_MEMORY_GAME_LEFT_SKULLKID_PLAYING,
    MSGMODE_MEMORY_GAME_LEFT_SKULLKID_WAIT, MSGMODE_MEMORY_GAME_RIGHT_SKULLKID_PLAYING,
    MSGMODE_MEMORY_GAME_RIGHT_SKULLKID_WAIT, MSGMODE_MEMORY_GAME_PLAYER_PLAYING, MSGMODE_MEMORY_GAME_ROUND_SUCCESS,
    MSGMODE_MEMORY_GAME_START_NEXT_ROUND, MSGMODE_FROGS_START, MSGMODE_FROGS_PLAYING, MSGMODE_FROGS_WAITING,
    MSGMODE_TEXT_AWAIT_NEXT, MSGMODE_TEXT_DONE, MSGMODE_TEXT_CLOSING, MSGMODE_PAUSED
} MessageMode;
void Message_StartOcarina(struct PlayState* play, u16 ocarinaActionId);
typedef enum OcarinaMode {
    OCARINA_MODE_00, OCARINA_MODE_01, OCARINA_MODE_02, OCARINA_MODE_03, OCARINA_MODE_04, OCARINA_MODE_05,
    OCARINA_MODE_06, OCARINA_MODE_07, OCARINA_MODE_08, OCARINA_MODE_09, OCARINA_MODE_0A, OCARINA_MODE_0B,
    OCARINA_MODE_0C, OCARINA_MODE_0D, OCARINA_MODE_0E, OCARINA_MODE_0F
} OcarinaMode;
typedef enum OcarinaButtonIndex {
    OCARINA_BTN_A, OCARINA_BTN_C_DOWN, OCARINA_BTN_C_RIGHT, OCARINA_BTN_C_LEFT, OCARINA_BTN_C_UP,
    OCARINA_BTN_C_RIGHT_OR_C_LEFT, OCARINA_BTN_INVALID = 0xFF
} OcarinaButtonIndex;

/* ---------------------------------------------------------- audio -- */

typedef enum SequencePlayerId {
    SEQ_PLAYER_BGM_MAIN, SEQ_PLAYER_FANFARE, SEQ_PLAYER_SFX, SEQ_PLAYER_BGM_SUB
} SequencePlayerId;
void Audio_QueueSeqCmd(u32 cmd);
#define SEQCMD_PLAY_SEQUENCE(seqPlayerIndex, fadeInDuration, seqArg, seqId) \
    Audio_QueueSeqCmd((0x0 << 28) | ((u8)(seqPlayerIndex) << 24) | ((u8)(fadeInDuration) << 16) | \
                      ((u8)(seqArg) << 8) | (u16)(seqId))
#define SEQCMD_STOP_SEQUENCE(seqPlayerIndex, fadeOutDuration) \
    Audio_QueueSeqCmd((0x1 << 28) | ((u8)(seqPlayerIndex) << 24) | ((u8)(fadeOutDuration) << 16))
void Sfx_PlaySfxAtPos(Vec3f* projectedPos, u16 sfxId);
#define SFX_PLAY_CENTERED(sfxId) \
    Audio_PlaySfxGeneral(sfxId, &gSfxDefaultPos, 4, &gSfxDefaultFreqAndVolScale, &gSfxDefaultFreqAndVolScale, \
                         &gSfxDefaultReverb)
void func_800F5ACC(u16 seqId);
void func_800F436C(Vec3f* pos, u16 sfxId, f32 arg2);
void func_800F5B58(void);
void Audio_PlayCutsceneEffectsSequence(u8 csEffectType);

/* ---------------------------------------------------------- save, items -- */

#define CLOCK_TIME(hr, min) ((s32)(((hr) * 60 + (min)) * (f32)0x10000 / (24 * 60) + 0.5f))
extern u32 gBitFlags[32];
extern u32 gUpgradeMasks[8];
extern u8 gUpgradeShifts[8];
#define CHECK_QUEST_ITEM(item) (gSaveContext.save.info.inventory.questItems & gBitFlags[item])
#define CUR_UPG_VALUE(upg) ((s32)(gSaveContext.save.info.inventory.upgrades & gUpgradeMasks[upg]) >> gUpgradeShifts[upg])
#define INV_CONTENT(item) gSaveContext.save.info.inventory.items[SLOT(item)]
extern u8 gItemSlots[];
#define SLOT(item) gItemSlots[item]
#define EVENTINF_INDEX(flag) ((flag) >> 4)
#define EVENTINF_MASK(flag) (1 << ((flag) & 0xF))
#define GET_EVENTINF(flag) (gSaveContext.save.info.eventInf[EVENTINF_INDEX(flag)] & EVENTINF_MASK(flag))
#define SET_EVENTINF(flag) (gSaveContext.save.info.eventInf[EVENTINF_INDEX(flag)] |= EVENTINF_MASK(flag))
#define CLEAR_EVENTINF(flag) (gSaveContext.save.info.eventInf[EVENTINF_INDEX(flag)] &= ~EVENTINF_MASK(flag))
#define SCENE_LAYER_CHILD_DAY 0
#define SCENE_LAYER_CHILD_NIGHT 1
#define SCENE_LAYER_ADULT_DAY 2
#define SCENE_LAYER_ADULT_NIGHT 3
#define SCENE_LAYER_CUTSCENE_FIRST 4
#define IS_CUTSCENE_LAYER (gSaveContext.sceneLayer >= SCENE_LAYER_CUTSCENE_FIRST)
#define EVENTCHKINF_TALON_RETURNED_FROM_CASTLE 0x14
#define EVENTCHKINF_EPONA_OBTAINED 0x18
#define EVENTCHKINF_40 0x40
#define EVENTCHKINF_80 0x80
typedef enum QuestItem {
    QUEST_MEDALLION_FOREST, QUEST_MEDALLION_FIRE, QUEST_MEDALLION_WATER, QUEST_MEDALLION_SPIRIT,
    QUEST_MEDALLION_SHADOW, QUEST_MEDALLION_LIGHT, QUEST_SONG_MINUET, QUEST_SONG_BOLERO, QUEST_SONG_SERENADE,
    QUEST_SONG_REQUIEM, QUEST_SONG_NOCTURNE, QUEST_SONG_PRELUDE, QUEST_SONG_LULLABY, QUEST_SONG_EPONA,
    QUEST_SONG_SARIA, QUEST_SONG_SUN, QUEST_SONG_TIME, QUEST_SONG_STORMS, QUEST_KOKIRI_EMERALD, QUEST_GORON_RUBY,
    QUEST_ZORA_SAPPHIRE, QUEST_STONE_OF_AGONY, QUEST_GERUDOS_CARD, QUEST_SKULL_TOKEN, QUEST_HEART_PIECE
} QuestItem;
typedef enum SubTimerState {
    SUBTIMER_STATE_OFF, SUBTIMER_STATE_DOWN_INIT, SUBTIMER_STATE_DOWN_PREVIEW, SUBTIMER_STATE_DOWN_MOVE,
    SUBTIMER_STATE_DOWN_TICK, SUBTIMER_STATE_RESPAWN, SUBTIMER_STATE_STOP, SUBTIMER_STATE_UP_INIT,
    SUBTIMER_STATE_UP_PREVIEW, SUBTIMER_STATE_UP_MOVE, SUBTIMER_STATE_UP_TICK
} SubTimerState;
#define COLLECTIBLE_DROP_RANDOM_PARAMS(dropTable, params8000) (((dropTable) * 16) | ((params8000) ? 0x8000 : 0))
void Magic_Reset(struct PlayState* play);
void Interface_SetTimer(s16 seconds);
void Interface_ChangeHudVisibilityMode(u16 hudVisibilityMode);
void GetItem_Draw(struct PlayState* play, s16 giDrawId);
f32 Environment_LerpWeight(u16 max, u16 min, u16 val);

/* ---------------------------------------------------------- maths -- */

f64 sqrt(f64 f);
f32 Math3D_Vec3f_DistXYZ(Vec3f* a, Vec3f* b);
void SkinMatrix_Vec3fMtxFMultXYZW(MtxF* mf, Vec3f* src, Vec3f* xyzDest, f32* wDest);

/* ids the game's tables and camera settings enumerate (in their order) */
typedef enum SceneID {
    SCENE_DEKU_TREE, SCENE_DODONGOS_CAVERN, SCENE_JABU_JABU, SCENE_FOREST_TEMPLE, SCENE_FIRE_TEMPLE,
    SCENE_WATER_TEMPLE, SCENE_SPIRIT_TEMPLE, SCENE_SHADOW_TEMPLE, SCENE_BOTTOM_OF_THE_WELL, SCENE_ICE_CAVERN,
    SCENE_GANONS_TOWER, SCENE_GERUDO_TRAINING_GROUND, SCENE_THIEVES_HIDEOUT, SCENE_INSIDE_GANONS_CASTLE,
    SCENE_GANONS_TOWER_COLLAPSE_INTERIOR, SCENE_INSIDE_GANONS_CASTLE_COLLAPSE, SCENE_TREASURE_BOX_SHOP,
    SCENE_DEKU_TREE_BOSS, SCENE_DODONGOS_CAVERN_BOSS, SCENE_JABU_JABU_BOSS, SCENE_FOREST_TEMPLE_BOSS,
    SCENE_FIRE_TEMPLE_BOSS, SCENE_WATER_TEMPLE_BOSS, SCENE_SPIRIT_TEMPLE_BOSS, SCENE_SHADOW_TEMPLE_BOSS,
    SCENE_GANONDORF_BOSS, SCENE_GANONS_TOWER_COLLAPSE_EXTERIOR, SCENE_MARKET_ENTRANCE_DAY,
    SCENE_MARKET_ENTRANCE_NIGHT, SCENE_MARKET_ENTRANCE_RUINS, SCENE_BACK_ALLEY_DAY, SCENE_BACK_ALLEY_NIGHT,
    SCENE_MARKET_DAY, SCENE_MARKET_NIGHT, SCENE_MARKET_RUINS, SCENE_TEMPLE_OF_TIME_EXTERIOR_DAY,
    SCENE_TEMPLE_OF_TIME_EXTERIOR_NIGHT, SCENE_TEMPLE_OF_TIME_EXTERIOR_RUINS, SCENE_KNOW_IT_ALL_BROS_HOUSE,
    SCENE_TWINS_HOUSE, SCENE_MIDOS_HOUSE, SCENE_SARIAS_HOUSE, SCENE_KAKARIKO_CENTER_GUEST_HOUSE,
    SCENE_BACK_ALLEY_HOUSE, SCENE_BAZAAR, SCENE_KOKIRI_SHOP, SCENE_GORON_SHOP, SCENE_ZORA_SHOP,
    SCENE_POTION_SHOP_KAKARIKO, SCENE_POTION_SHOP_MARKET, SCENE_BOMBCHU_SHOP, SCENE_HAPPY_MASK_SHOP,
    SCENE_LINKS_HOUSE, SCENE_DOG_LADY_HOUSE, SCENE_STABLE, SCENE_IMPAS_HOUSE, SCENE_LAKESIDE_LABORATORY,
    SCENE_CARPENTERS_TENT, SCENE_GRAVEKEEPERS_HUT, SCENE_GREAT_FAIRYS_FOUNTAIN_MAGIC, SCENE_FAIRYS_FOUNTAIN,
    SCENE_GREAT_FAIRYS_FOUNTAIN_SPELLS, SCENE_GROTTOS, SCENE_REDEAD_GRAVE, SCENE_GRAVE_WITH_FAIRYS_FOUNTAIN,
    SCENE_ROYAL_FAMILYS_TOMB, SCENE_SHOOTING_GALLERY, SCENE_TEMPLE_OF_TIME, SCENE_CHAMBER_OF_THE_SAGES,
    SCENE_CASTLE_COURTYARD_GUARDS_DAY, SCENE_CASTLE_COURTYARD_GUARDS_NIGHT, SCENE_CUTSCENE_MAP,
    SCENE_WINDMILL_AND_DAMPES_GRAVE, SCENE_FISHING_POND, SCENE_CASTLE_COURTYARD_ZELDA,
    SCENE_BOMBCHU_BOWLING_ALLEY, SCENE_LON_LON_BUILDINGS, SCENE_MARKET_GUARD_HOUSE, SCENE_POTION_SHOP_GRANNY,
    SCENE_GANON_BOSS, SCENE_HOUSE_OF_SKULLTULA, SCENE_HYRULE_FIELD, SCENE_KAKARIKO_VILLAGE, SCENE_GRAVEYARD,
    SCENE_ZORAS_RIVER, SCENE_KOKIRI_FOREST, SCENE_SACRED_FOREST_MEADOW, SCENE_LAKE_HYLIA, SCENE_ZORAS_DOMAIN,
    SCENE_ZORAS_FOUNTAIN, SCENE_GERUDO_VALLEY, SCENE_LOST_WOODS, SCENE_DESERT_COLOSSUS, SCENE_GERUDOS_FORTRESS,
    SCENE_HAUNTED_WASTELAND, SCENE_HYRULE_CASTLE, SCENE_DEATH_MOUNTAIN_TRAIL, SCENE_DEATH_MOUNTAIN_CRATER,
    SCENE_GORON_CITY, SCENE_LON_LON_RANCH, SCENE_OUTSIDE_GANONS_CASTLE, SCENE_TEST01, SCENE_BESITU,
    SCENE_DEPTH_TEST, SCENE_SYOTES, SCENE_SYOTES2, SCENE_SUTARU, SCENE_HAIRAL_NIWA2, SCENE_SASATEST,
    SCENE_TESTROOM, SCENE_ID_MAX
} SceneID;
typedef enum CameraSettingType {
    CAM_SET_NONE, CAM_SET_NORMAL0, CAM_SET_NORMAL1, CAM_SET_DUNGEON0, CAM_SET_DUNGEON1, CAM_SET_NORMAL3,
    CAM_SET_HORSE, CAM_SET_BOSS_GOHMA, CAM_SET_BOSS_DODONGO, CAM_SET_BOSS_BARINADE, CAM_SET_BOSS_PHANTOM_GANON,
    CAM_SET_BOSS_VOLVAGIA, CAM_SET_BOSS_BONGO, CAM_SET_BOSS_MORPHA, CAM_SET_BOSS_TWINROVA_PLATFORM,
    CAM_SET_BOSS_TWINROVA_FLOOR, CAM_SET_BOSS_GANONDORF, CAM_SET_BOSS_GANON, CAM_SET_TOWER_CLIMB,
    CAM_SET_TOWER_UNUSED, CAM_SET_MARKET_BALCONY, CAM_SET_CHU_BOWLING, CAM_SET_PIVOT_CRAWLSPACE,
    CAM_SET_PIVOT_SHOP_BROWSING, CAM_SET_PIVOT_IN_FRONT, CAM_SET_PREREND_FIXED, CAM_SET_PREREND_PIVOT,
    CAM_SET_PREREND_SIDE_SCROLL, CAM_SET_DOOR0, CAM_SET_DOORC, CAM_SET_CRAWLSPACE, CAM_SET_START0,
    CAM_SET_START1, CAM_SET_FREE0, CAM_SET_FREE2, CAM_SET_PIVOT_CORNER, CAM_SET_PIVOT_WATER_SURFACE,
    CAM_SET_CS_0, CAM_SET_CS_TWISTED_HALLWAY, CAM_SET_FOREST_BIRDS_EYE, CAM_SET_SLOW_CHEST_CS,
    CAM_SET_ITEM_UNUSED, CAM_SET_CS_3, CAM_SET_CS_ATTENTION, CAM_SET_BEAN_GENERIC, CAM_SET_BEAN_LOST_WOODS,
    CAM_SET_SCENE_UNUSED, CAM_SET_SCENE_TRANSITION, CAM_SET_ELEVATOR_PLATFORM, CAM_SET_FIRE_STAIRCASE,
    CAM_SET_FOREST_UNUSED, CAM_SET_FOREST_DEFEAT_POE, CAM_SET_BIG_OCTO, CAM_SET_MEADOW_BIRDS_EYE,
    CAM_SET_MEADOW_UNUSED, CAM_SET_FIRE_BIRDS_EYE, CAM_SET_TURN_AROUND, CAM_SET_PIVOT_VERTICAL, CAM_SET_NORMAL2,
    CAM_SET_FISHING, CAM_SET_CS_C, CAM_SET_JABU_TENTACLE, CAM_SET_DUNGEON2, CAM_SET_DIRECTED_YAW,
    CAM_SET_PIVOT_FROM_SIDE, CAM_SET_NORMAL4, CAM_SET_MAX
} CameraSettingType;
typedef enum SeqId {
    NA_BGM_GENERAL_SFX, NA_BGM_NATURE_AMBIENCE, NA_BGM_FIELD_LOGIC, NA_BGM_FIELD_INIT, NA_BGM_FIELD_DEFAULT_1,
    NA_BGM_FIELD_DEFAULT_2, NA_BGM_FIELD_DEFAULT_3, NA_BGM_FIELD_DEFAULT_4, NA_BGM_FIELD_DEFAULT_5,
    NA_BGM_FIELD_DEFAULT_6, NA_BGM_FIELD_DEFAULT_7, NA_BGM_FIELD_DEFAULT_8, NA_BGM_FIELD_DEFAULT_9,
    NA_BGM_FIELD_DEFAULT_A, NA_BGM_FIELD_DEFAULT_B, NA_BGM_FIELD_ENEMY_INIT, NA_BGM_FIELD_ENEMY_1,
    NA_BGM_FIELD_ENEMY_2, NA_BGM_FIELD_ENEMY_3, NA_BGM_FIELD_ENEMY_4, NA_BGM_FIELD_STILL_1,
    NA_BGM_FIELD_STILL_2, NA_BGM_FIELD_STILL_3, NA_BGM_FIELD_STILL_4, NA_BGM_DUNGEON, NA_BGM_KAKARIKO_ADULT,
    NA_BGM_ENEMY, NA_BGM_BOSS, NA_BGM_INSIDE_DEKU_TREE, NA_BGM_MARKET, NA_BGM_TITLE, NA_BGM_LINK_HOUSE,
    NA_BGM_GAME_OVER, NA_BGM_BOSS_CLEAR, NA_BGM_ITEM_GET, NA_BGM_OPENING_GANON, NA_BGM_HEART_GET,
    NA_BGM_OCA_LIGHT, NA_BGM_JABU_JABU, NA_BGM_KAKARIKO_KID, NA_BGM_GREAT_FAIRY, NA_BGM_ZELDA_THEME,
    NA_BGM_FIRE_TEMPLE, NA_BGM_OPEN_TRE_BOX, NA_BGM_FOREST_TEMPLE, NA_BGM_COURTYARD, NA_BGM_GANON_TOWER,
    NA_BGM_LONLON, NA_BGM_GORON_CITY, NA_BGM_FIELD_MORNING, NA_BGM_SPIRITUAL_STONE, NA_BGM_OCA_BOLERO,
    NA_BGM_OCA_MINUET, NA_BGM_OCA_SERENADE, NA_BGM_OCA_REQUIEM, NA_BGM_OCA_NOCTURNE, NA_BGM_MINI_BOSS,
    NA_BGM_SMALL_ITEM_GET, NA_BGM_TEMPLE_OF_TIME, NA_BGM_EVENT_CLEAR, NA_BGM_KOKIRI, NA_BGM_OCA_FAIRY_GET,
    NA_BGM_SARIA_THEME, NA_BGM_SPIRIT_TEMPLE, NA_BGM_HORSE, NA_BGM_HORSE_GOAL, NA_BGM_INGO,
    NA_BGM_MEDALLION_GET, NA_BGM_OCA_SARIA, NA_BGM_OCA_EPONA, NA_BGM_OCA_ZELDA, NA_BGM_OCA_SUNS,
    NA_BGM_OCA_TIME, NA_BGM_OCA_STORM, NA_BGM_NAVI_OPENING, NA_BGM_DEKU_TREE_CS, NA_BGM_WINDMILL,
    NA_BGM_HYRULE_CS, NA_BGM_MINI_GAME, NA_BGM_SHEIK, NA_BGM_ZORA_DOMAIN, NA_BGM_APPEAR, NA_BGM_ADULT_LINK,
    NA_BGM_MASTER_SWORD, NA_BGM_INTRO_GANON, NA_BGM_SHOP, NA_BGM_CHAMBER_OF_SAGES, NA_BGM_FILE_SELECT,
    NA_BGM_ICE_CAVERN, NA_BGM_DOOR_OF_TIME, NA_BGM_OWL, NA_BGM_SHADOW_TEMPLE, NA_BGM_WATER_TEMPLE,
    NA_BGM_BRIDGE_TO_GANONS, NA_BGM_SEAL_OF_SAGES, NA_BGM_GERUDO_VALLEY, NA_BGM_POTION_SHOP,
    NA_BGM_KOTAKE_KOUME, NA_BGM_ESCAPE, NA_BGM_UNDERGROUND, NA_BGM_GANONDORF_BOSS, NA_BGM_GANON_BOSS,
    NA_BGM_OCARINA_OF_TIME, NA_BGM_STAFF_1, NA_BGM_STAFF_2, NA_BGM_STAFF_3, NA_BGM_STAFF_4, NA_BGM_FIRE_BOSS,
    NA_BGM_TIMED_MINI_GAME, NA_BGM_CUTSCENE_EFFECTS, NA_BGM_MAX,
    NA_BGM_NO_MUSIC = 0x7F, NA_BGM_NATURE_SFX_RAIN = 0x80, NA_BGM_DISABLED = 0xFFFF
} SeqId;

/* doors, secrets, lock-on */
typedef enum DoorLockType { DOORLOCK_NORMAL, DOORLOCK_BOSS, DOORLOCK_NORMAL_SPIRIT } DoorLockType;
typedef enum PlayerDoorType {
    PLAYER_DOORTYPE_AJAR = -1, PLAYER_DOORTYPE_NONE, PLAYER_DOORTYPE_HANDLE, PLAYER_DOORTYPE_SLIDING,
    PLAYER_DOORTYPE_FAKE
} PlayerDoorType;
void Actor_DrawDoorLock(struct PlayState* play, s32 frame, s32 type);
void Actor_SetClosestSecretDistance(Actor* actor, struct PlayState* play);
s32 Actor_IsLockedOn(struct PlayState* play, Actor* actor);
Actor* func_80033684(struct PlayState* play, Actor* explosiveActor);
s16 OnePointCutscene_EndCutscene(struct PlayState* play, s16 subCamId);
#ifndef MAXFLOAT
#define MAXFLOAT 3.40282347e+38f
#endif


/* save flags (GET_/SET_EVENTCHKINF, INFTABLE, ITEMGETINF, EVENTINF): the game's flag numbers */
#define EVENTCHKINF_00_UNUSED 0x00
#define EVENTCHKINF_01_UNUSED 0x01
#define EVENTCHKINF_MIDO_DENIED_DEKU_TREE_ACCESS 0x02
#define EVENTCHKINF_SARIA_WAS_TOLD_ABOUT_MIDO 0x03
#define EVENTCHKINF_04 0x04
#define EVENTCHKINF_05 0x05
#define EVENTCHKINF_07 0x07
#define EVENTCHKINF_09 0x09
#define EVENTCHKINF_0A 0x0A
#define EVENTCHKINF_0B 0x0B
#define EVENTCHKINF_0C 0x0C
#define EVENTCHKINF_0F 0x0F
#define EVENTCHKINF_TALKED_TO_MALON_FIRST_TIME 0x10
#define EVENTCHKINF_11 0x11
#define EVENTCHKINF_RECEIVED_WEIRD_EGG 0x12
#define EVENTCHKINF_TALON_WOKEN_IN_CASTLE 0x13
#define EVENTCHKINF_TALKED_TO_CHILD_MALON_AT_RANCH 0x15
#define EVENTCHKINF_CAN_LEARN_EPONAS_SONG 0x16
#define EVENTCHKINF_1B 0x1B
#define EVENTCHKINF_1C 0x1C
#define EVENTCHKINF_1D 0x1D
#define EVENTCHKINF_HORSE_RACE_COW_UNLOCK 0x1E
#define EVENTCHKINF_20 0x20
#define EVENTCHKINF_21 0x21
#define EVENTCHKINF_22 0x22
#define EVENTCHKINF_23 0x23
#define EVENTCHKINF_25 0x25
#define EVENTCHKINF_2A 0x2A
#define EVENTCHKINF_2B 0x2B
#define EVENTCHKINF_2C 0x2C
#define EVENTCHKINF_2D 0x2D
#define EVENTCHKINF_2F 0x2F
#define EVENTCHKINF_30 0x30
#define EVENTCHKINF_31 0x31
#define EVENTCHKINF_32 0x32
#define EVENTCHKINF_GAVE_LETTER_TO_KING_ZORA 0x33
#define EVENTCHKINF_37 0x37
#define EVENTCHKINF_OBTAINED_SILVER_SCALE 0x38
#define EVENTCHKINF_39 0x39
#define EVENTCHKINF_OPENED_JABU_JABU 0x3A
#define EVENTCHKINF_3B 0x3B
#define EVENTCHKINF_DEFEATED_NABOORU_KNUCKLE 0x3C
#define EVENTCHKINF_41 0x41
#define EVENTCHKINF_42 0x42
#define EVENTCHKINF_43 0x43
#define EVENTCHKINF_45 0x45
#define EVENTCHKINF_48 0x48
#define EVENTCHKINF_49 0x49
#define EVENTCHKINF_4A 0x4A
#define EVENTCHKINF_OPENED_DOOR_OF_TIME 0x4B
#define EVENTCHKINF_4C 0x4C
#define EVENTCHKINF_CREATED_RAINBOW_BRIDGE 0x4D
#define EVENTCHKINF_CAUGHT_BY_CASTLE_GUARDS 0x4E
#define EVENTCHKINF_REVEALED_MASTER_SWORD 0x4F
#define EVENTCHKINF_50 0x50
#define EVENTCHKINF_51 0x51
#define EVENTCHKINF_52 0x52
#define EVENTCHKINF_54 0x54
#define EVENTCHKINF_55 0x55
#define EVENTCHKINF_59 0x59
#define EVENTCHKINF_5A 0x5A
#define EVENTCHKINF_5B 0x5B
#define EVENTCHKINF_5C 0x5C
#define EVENTCHKINF_65 0x65
#define EVENTCHKINF_DRAINED_WELL 0x67
#define EVENTCHKINF_68 0x68
#define EVENTCHKINF_RESTORED_LAKE_HYLIA 0x69
#define EVENTCHKINF_TALON_WOKEN_IN_KAKARIKO 0x6A
#define EVENTCHKINF_TALON_RETURNED_FROM_KAKARIKO 0x6B
#define EVENTCHKINF_6E 0x6E
#define EVENTCHKINF_6F 0x6F
#define EVENTCHKINF_BEGAN_GOHMA_BATTLE 0x70
#define EVENTCHKINF_BEGAN_KING_DODONGO_BATTLE 0x71
#define EVENTCHKINF_BEGAN_PHANTOM_GANON_BATTLE 0x72
#define EVENTCHKINF_BEGAN_VOLVAGIA_BATTLE 0x73
#define EVENTCHKINF_BEGAN_MORPHA_BATTLE 0x74
#define EVENTCHKINF_BEGAN_TWINROVA_BATTLE 0x75
#define EVENTCHKINF_BEGAN_BARINADE_BATTLE 0x76
#define EVENTCHKINF_BEGAN_BONGO_BONGO_BATTLE 0x77
#define EVENTCHKINF_BEGAN_GANONDORF_BATTLE 0x78
#define EVENTCHKINF_82 0x82
#define EVENTCHKINF_PAID_BACK_KEATON_MASK 0x8C
#define EVENTCHKINF_PAID_BACK_SKULL_MASK 0x8D
#define EVENTCHKINF_PAID_BACK_SPOOKY_MASK 0x8E
#define EVENTCHKINF_PAID_BACK_BUNNY_HOOD 0x8F
#define EVENTCHKINF_INDEX_CARPENTERS_RESCUED 0x9
#define EVENTCHKINF_CARPENTER_0_RESCUED 0x90
#define EVENTCHKINF_CARPENTER_1_RESCUED 0x91
#define EVENTCHKINF_CARPENTER_2_RESCUED 0x92
#define EVENTCHKINF_CARPENTER_3_RESCUED 0x93
#define EVENTCHKINF_94 0x94
#define EVENTCHKINF_95 0x95
#define EVENTCHKINF_96 0x96
#define EVENTCHKINF_9C 0x9C
#define EVENTCHKINF_A0 0xA0
#define EVENTCHKINF_A1 0xA1
#define EVENTCHKINF_A3 0xA3
#define EVENTCHKINF_A4 0xA4
#define EVENTCHKINF_A5 0xA5
#define EVENTCHKINF_A6 0xA6
#define EVENTCHKINF_A7 0xA7
#define EVENTCHKINF_A8 0xA8
#define EVENTCHKINF_A9 0xA9
#define EVENTCHKINF_AA 0xAA
#define EVENTCHKINF_AC 0xAC
#define EVENTCHKINF_AD 0xAD
#define EVENTCHKINF_B0 0xB0
#define EVENTCHKINF_B1 0xB1
#define EVENTCHKINF_B2 0xB2
#define EVENTCHKINF_B3 0xB3
#define EVENTCHKINF_B4 0xB4
#define EVENTCHKINF_B5 0xB5
#define EVENTCHKINF_B6 0xB6
#define EVENTCHKINF_B7 0xB7
#define EVENTCHKINF_B8 0xB8
#define EVENTCHKINF_B9 0xB9
#define EVENTCHKINF_BA 0xBA
#define EVENTCHKINF_BB 0xBB
#define EVENTCHKINF_BC 0xBC
#define EVENTCHKINF_BD 0xBD
#define EVENTCHKINF_BE 0xBE
#define EVENTCHKINF_BF 0xBF
#define EVENTCHKINF_C0 0xC0
#define EVENTCHKINF_C1 0xC1
#define EVENTCHKINF_C3 0xC3
#define EVENTCHKINF_C4 0xC4
#define EVENTCHKINF_C5 0xC5
#define EVENTCHKINF_C6 0xC6
#define EVENTCHKINF_C7 0xC7
#define EVENTCHKINF_C8 0xC8
#define EVENTCHKINF_C9 0xC9
#define EVENTCHKINF_SONGS_FOR_FROGS_STORMS 0xD6
#define EVENTCHKINF_INDEX_SKULLTULA_REWARD 0xD
#define EVENTCHKINF_SKULLTULA_REWARD_10 0xDA
#define EVENTCHKINF_SKULLTULA_REWARD_20 0xDB
#define EVENTCHKINF_SKULLTULA_REWARD_30 0xDC
#define EVENTCHKINF_SKULLTULA_REWARD_40 0xDD
#define EVENTCHKINF_SKULLTULA_REWARD_50 0xDE
#define ITEMGETINF_TALON_BOTTLE 0x02
#define ITEMGETINF_03 0x03
#define ITEMGETINF_04 0x04
#define ITEMGETINF_05 0x05
#define ITEMGETINF_06 0x06
#define ITEMGETINF_07 0x07
#define ITEMGETINF_08 0x08
#define ITEMGETINF_09 0x09
#define ITEMGETINF_0A 0x0A
#define ITEMGETINF_DEKU_HEART_PIECE 0x0B
#define ITEMGETINF_0C 0x0C
#define ITEMGETINF_0D 0x0D
#define ITEMGETINF_0E 0x0E
#define ITEMGETINF_0F 0x0F
#define ITEMGETINF_10 0x10
#define ITEMGETINF_11 0x11
#define ITEMGETINF_12 0x12
#define ITEMGETINF_13 0x13
#define ITEMGETINF_15 0x15
#define ITEMGETINF_16 0x16
#define ITEMGETINF_17 0x17
#define ITEMGETINF_18 0x18
#define ITEMGETINF_19 0x19
#define ITEMGETINF_1A 0x1A
#define ITEMGETINF_1B 0x1B
#define ITEMGETINF_1C 0x1C
#define ITEMGETINF_1D 0x1D
#define ITEMGETINF_FOREST_STAGE_STICK_UPGRADE 0x1E
#define ITEMGETINF_FOREST_STAGE_NUT_UPGRADE 0x1F
#define ITEMGETINF_23 0x23
#define ITEMGETINF_24 0x24
#define ITEMGETINF_25 0x25
#define ITEMGETINF_26 0x26
#define ITEMGETINF_2A 0x2A
#define ITEMGETINF_2C 0x2C
#define ITEMGETINF_2E 0x2E
#define ITEMGETINF_30 0x30
#define ITEMGETINF_31 0x31
#define ITEMGETINF_38 0x38
#define ITEMGETINF_39 0x39
#define ITEMGETINF_3A 0x3A
#define ITEMGETINF_3B 0x3B
#define ITEMGETINF_3F 0x3F
#define INFTABLE_SARIA_GREETED_LINK 0x00
#define INFTABLE_SARIA_NOTICED_FAIRY 0x01
#define INFTABLE_SARIA_WAS_TOLD_ABOUT_MIDO 0x03
#define INFTABLE_SARIA_SPOKE_IN_HER_HOUSE 0x05
#define INFTABLE_0C 0x0C
#define INFTABLE_0E 0x0E
#define INFTABLE_10 0x10
#define INFTABLE_15 0x15
#define INFTABLE_17 0x17
#define INFTABLE_19 0x19
#define INFTABLE_1E 0x1E
#define INFTABLE_22 0x22
#define INFTABLE_24 0x24
#define INFTABLE_26 0x26
#define INFTABLE_28 0x28
#define INFTABLE_2A 0x2A
#define INFTABLE_2B 0x2B
#define INFTABLE_2E 0x2E
#define INFTABLE_2F 0x2F
#define INFTABLE_30 0x30
#define INFTABLE_41 0x41
#define INFTABLE_47 0x47
#define INFTABLE_51 0x51
#define INFTABLE_59 0x59
#define INFTABLE_61 0x61
#define INFTABLE_66 0x66
#define INFTABLE_6A 0x6A
#define INFTABLE_6C 0x6C
#define INFTABLE_71 0x71
#define INFTABLE_76 0x76
#define INFTABLE_77 0x77
#define INFTABLE_TALKED_TO_TALON_IN_RANCH_HOUSE 0x7E
#define INFTABLE_TALKED_TO_MALON_FIRST_TIME 0x84
#define INFTABLE_TOLD_EPONA_IS_SCARED 0x85
#define INFTABLE_MALON_SPAWNED_AT_HYRULE_CASTLE 0x8B
#define INFTABLE_TALKED_TO_ADULT_MALON_AFTER_SONG 0x8C
#define INFTABLE_8D 0x8D
#define INFTABLE_PLAYED_SONG_FOR_ADULT_MALON 0x8E
#define INFTABLE_94 0x94
#define INFTABLE_97 0x97
#define INFTABLE_9A 0x9A
#define INFTABLE_A2 0xA2
#define INFTABLE_AB 0xAB
#define INFTABLE_B0 0xB0
#define INFTABLE_B1 0xB1
#define INFTABLE_B4 0xB4
#define INFTABLE_B6 0xB6
#define INFTABLE_B7 0xB7
#define INFTABLE_B8 0xB8
#define INFTABLE_B9 0xB9
#define INFTABLE_BC 0xBC
#define INFTABLE_C0 0xC0
#define INFTABLE_C1 0xC1
#define INFTABLE_C2 0xC2
#define INFTABLE_C3 0xC3
#define INFTABLE_C4 0xC4
#define INFTABLE_C5 0xC5
#define INFTABLE_C6 0xC6
#define INFTABLE_C7 0xC7
#define INFTABLE_C8 0xC8
#define INFTABLE_C9 0xC9
#define INFTABLE_CA 0xCA
#define INFTABLE_CB 0xCB
#define INFTABLE_CC 0xCC
#define INFTABLE_CD 0xCD
#define INFTABLE_CE 0xCE
#define INFTABLE_D0 0xD0
#define INFTABLE_D2 0xD2
#define INFTABLE_D4 0xD4
#define INFTABLE_D6 0xD6
#define INFTABLE_D8 0xD8
#define INFTABLE_D9 0xD9
#define INFTABLE_E0 0xE0
#define INFTABLE_E3 0xE3
#define INFTABLE_E6 0xE6
#define INFTABLE_EB 0xEB
#define INFTABLE_F0 0xF0
#define INFTABLE_F4 0xF4
#define INFTABLE_F8 0xF8
#define INFTABLE_FC 0xFC
#define INFTABLE_109 0x109
#define INFTABLE_10A 0x10A
#define INFTABLE_10B 0x10B
#define INFTABLE_10C 0x10C
#define INFTABLE_10D 0x10D
#define INFTABLE_10E 0x10E
#define INFTABLE_10F 0x10F
#define INFTABLE_113 0x113
#define INFTABLE_11A 0x11A
#define INFTABLE_11E 0x11E
#define INFTABLE_124 0x124
#define INFTABLE_129 0x129
#define INFTABLE_12A 0x12A
#define INFTABLE_138 0x138
#define INFTABLE_139 0x139
#define INFTABLE_RUTO_PLACED_ON_SWITCH 0x140
#define INFTABLE_RUTO_MET_FIRST_TIME 0x141
#define INFTABLE_RUTO_EXPLAINED_WHY_IN_JABU 0x142
#define INFTABLE_RUTO_LET_LINK_CARRY 0x143
#define INFTABLE_RUTO_BROUGHT_TO_SAPPHIRE_ROOM 0x144
#define INFTABLE_RUTO_HAS_SAPPHIRE 0x145
#define INFTABLE_RUTO_ABDUCTED 0x146
#define INFTABLE_RUTO_BROUGHT_BACK_TO_HOLES_ROOM 0x147
#define INFTABLE_160 0x160
#define INFTABLE_161 0x161
#define INFTABLE_162 0x162
#define INFTABLE_163 0x163
#define INFTABLE_164 0x164
#define INFTABLE_166 0x166
#define INFTABLE_16A 0x16A
#define INFTABLE_16C 0x16C
#define INFTABLE_170 0x170
#define INFTABLE_171 0x171
#define INFTABLE_172 0x172
#define INFTABLE_176 0x176
#define INFTABLE_178 0x178
#define INFTABLE_17C 0x17C
#define INFTABLE_17F 0x17F
#define INFTABLE_190 0x190
#define INFTABLE_191 0x191
#define INFTABLE_HAS_DEKU_STICK_UPGRADE 0x192
#define INFTABLE_HAS_DEKU_NUT_UPGRADE 0x193
#define INFTABLE_195 0x195
#define INFTABLE_196 0x196
#define INFTABLE_197 0x197
#define INFTABLE_198 0x198
#define INFTABLE_199 0x199
#define INFTABLE_19A 0x19A
#define INFTABLE_19B 0x19B
#define INFTABLE_19C 0x19C
#define INFTABLE_19D 0x19D
#define INFTABLE_19E 0x19E
#define INFTABLE_19F 0x19F
#define INFTABLE_1D0 0x1D0
#define EVENTINF_INGO_RACE_HORSETYPE 0x04
#define EVENTINF_INGO_RACE_LOST_ONCE 0x05
#define EVENTINF_INGO_RACE_SECOND_RACE 0x06
#define EVENTINF_HORSES_08 0x08
#define EVENTINF_HORSES_0A 0x0A
#define EVENTINF_INGO_RACE_0F 0x0F
#define EVENTINF_MARATHON_ACTIVE 0x10
#define EVENTINF_INDEX_HAGGLING_TOWNSFOLK 0x2
#define EVENTINF_HAGGLING_TOWNSFOLK_MESG_0 0x20
#define EVENTINF_HAGGLING_TOWNSFOLK_MESG_1 0x21
#define EVENTINF_HAGGLING_TOWNSFOLK_MESG_2 0x22
#define EVENTINF_HAGGLING_TOWNSFOLK_MESG_3 0x23
#define EVENTINF_HAGGLING_TOWNSFOLK_MESG_4 0x24
#define EVENTINF_30 0x30
#define EVENTCHKINF_CARPENTERS_ALL_RESCUED_MASK \
    (EVENTCHKINF_MASK(EVENTCHKINF_CARPENTER_0_RESCUED) | EVENTCHKINF_MASK(EVENTCHKINF_CARPENTER_1_RESCUED) | \
     EVENTCHKINF_MASK(EVENTCHKINF_CARPENTER_2_RESCUED) | EVENTCHKINF_MASK(EVENTCHKINF_CARPENTER_3_RESCUED))
#define GET_EVENTCHKINF_CARPENTERS_ALL_RESCUED() \
    ((gSaveContext.save.info.eventChkInf[EVENTCHKINF_INDEX_CARPENTERS_RESCUED] & \
      EVENTCHKINF_CARPENTERS_ALL_RESCUED_MASK) == EVENTCHKINF_CARPENTERS_ALL_RESCUED_MASK)

/* Navi's enemy info (ColliderInit/ActorProfile users), mask reactions, drop tables */
typedef enum NaviEnemy {
    NAVI_ENEMY_DEFAULT, NAVI_ENEMY_GOHMA, NAVI_ENEMY_GOHMA_EGG, NAVI_ENEMY_GOHMA_LARVA, NAVI_ENEMY_SKULLTULA,
    NAVI_ENEMY_BIG_SKULLTULA, NAVI_ENEMY_TAILPASARAN, NAVI_ENEMY_DEKU_BABA, NAVI_ENEMY_BIG_DEKU_BABA,
    NAVI_ENEMY_WITHERED_DEKU_BABA, NAVI_ENEMY_DEKU_SCRUB, NAVI_ENEMY_UNUSED_B, NAVI_ENEMY_KING_DODONGO,
    NAVI_ENEMY_DODONGO, NAVI_ENEMY_BABY_DODONGO, NAVI_ENEMY_LIZALFOS, NAVI_ENEMY_DINOLFOS,
    NAVI_ENEMY_FIRE_KEESE, NAVI_ENEMY_KEESE, NAVI_ENEMY_ARMOS, NAVI_ENEMY_BARINADE,
    NAVI_ENEMY_PARASITIC_TENTACLE, NAVI_ENEMY_SHABOM, NAVI_ENEMY_BIRI, NAVI_ENEMY_BARI, NAVI_ENEMY_STINGER,
    NAVI_ENEMY_PHANTOM_GANON_PHASE_2, NAVI_ENEMY_STALFOS, NAVI_ENEMY_BLUE_BUBBLE, NAVI_ENEMY_WHITE_BUBBLE,
    NAVI_ENEMY_GREEN_BUBBLE, NAVI_ENEMY_SKULLWALLTULA, NAVI_ENEMY_GOLD_SKULLTULA, NAVI_ENEMY_VOLVAGIA,
    NAVI_ENEMY_FLARE_DANCER, NAVI_ENEMY_TORCH_SLUG, NAVI_ENEMY_RED_BUBBLE, NAVI_ENEMY_MORPHA,
    NAVI_ENEMY_DARK_LINK, NAVI_ENEMY_SHELL_BLADE, NAVI_ENEMY_SPIKE, NAVI_ENEMY_BONGO_BONGO, NAVI_ENEMY_REDEAD,
    NAVI_ENEMY_PHANTOM_GANON_PHASE_1, NAVI_ENEMY_UNUSED_2C, NAVI_ENEMY_GIBDO, NAVI_ENEMY_DEAD_HANDS_HAND,
    NAVI_ENEMY_DEAD_HAND, NAVI_ENEMY_WALLMASTER, NAVI_ENEMY_FLOORMASTER, NAVI_ENEMY_TWINROVA_KOUME,
    NAVI_ENEMY_TWINROVA_KOTAKE, NAVI_ENEMY_IRON_KNUCKLE_NABOORU, NAVI_ENEMY_IRON_KNUCKLE,
    NAVI_ENEMY_SKULL_KID_ADULT, NAVI_ENEMY_LIKE_LIKE, NAVI_ENEMY_UNUSED_38, NAVI_ENEMY_BEAMOS,
    NAVI_ENEMY_ANUBIS, NAVI_ENEMY_FREEZARD, NAVI_ENEMY_UNUSED_3C, NAVI_ENEMY_GANONDORF, NAVI_ENEMY_GANON,
    NAVI_ENEMY_SKULL_KID, NAVI_ENEMY_SKULL_KID_FRIENDLY, NAVI_ENEMY_SKULL_KID_MASK, NAVI_ENEMY_OCTOROK,
    NAVI_ENEMY_POE_COMPOSER, NAVI_ENEMY_POE, NAVI_ENEMY_RED_TEKTITE, NAVI_ENEMY_BLUE_TEKTITE, NAVI_ENEMY_LEEVER,
    NAVI_ENEMY_PEAHAT, NAVI_ENEMY_PEAHAT_LARVA, NAVI_ENEMY_MOBLIN, NAVI_ENEMY_MOBLIN_CLUB, NAVI_ENEMY_WOLFOS,
    NAVI_ENEMY_MAD_SCRUB, NAVI_ENEMY_BUSINESS_SCRUB, NAVI_ENEMY_DAMPES_GHOST, NAVI_ENEMY_POE_SISTER_MEG,
    NAVI_ENEMY_POE_SISTER_JOELLE, NAVI_ENEMY_POE_SISTER_BETH, NAVI_ENEMY_POE_SISTER_AMY,
    NAVI_ENEMY_GERUDO_THIEF, NAVI_ENEMY_STALCHILD, NAVI_ENEMY_ICE_KEESE, NAVI_ENEMY_WHITE_WOLFOS,
    NAVI_ENEMY_GUAY, NAVI_ENEMY_BIGOCTO, NAVI_ENEMY_BIG_POE, NAVI_ENEMY_TWINROVA, NAVI_ENEMY_POE_WASTELAND,
    NAVI_ENEMY_NONE = 0xFF
} NaviEnemy;
typedef enum MaskReactionSet {
    MASK_REACTION_SET_CARPENTER_BOSS, MASK_REACTION_SET_CARPENTER_1, MASK_REACTION_SET_CARPENTER_2,
    MASK_REACTION_SET_CARPENTER_3, MASK_REACTION_SET_CARPENTER_4, MASK_REACTION_SET_HYRULIAN_GUARD,
    MASK_REACTION_SET_HEISHI4_1, MASK_REACTION_SET_HEISHI4_2, MASK_REACTION_SET_CUCCO_LADY,
    MASK_REACTION_SET_CARPENTERS_SON, MASK_REACTION_SET_KAKARIKO_ROOF_MAN, MASK_REACTION_SET_WINDMILL_MAN,
    MASK_REACTION_SET_12, MASK_REACTION_SET_CURSED_SKULLTULA_MAN, MASK_REACTION_SET_DAMPE,
    MASK_REACTION_SET_GRAVEYARD_KID, MASK_REACTION_SET_SARIA, MASK_REACTION_SET_MIDO, MASK_REACTION_SET_FADO,
    MASK_REACTION_SET_KOKIRI_1, MASK_REACTION_SET_KOKIRI_2, MASK_REACTION_SET_SKULL_KID,
    MASK_REACTION_SET_ZELDA, MASK_REACTION_SET_MALON, MASK_REACTION_SET_TALON, MASK_REACTION_SET_INGO,
    MASK_REACTION_SET_LAKESIDE_PROFESSOR, MASK_REACTION_SET_MAGIC_BEAN_SALESMAN, MASK_REACTION_SET_RUNNING_MAN,
    MASK_REACTION_SET_ZORA, MASK_REACTION_SET_KING_ZORA, MASK_REACTION_SET_RUTO, MASK_REACTION_SET_GORON,
    MASK_REACTION_SET_DARUNIA, MASK_REACTION_SET_GERUDO_WHITE, MASK_REACTION_SET_NABOORU,
    MASK_REACTION_SET_DANCING_COUPLE, MASK_REACTION_SET_DOG_LADY, MASK_REACTION_SET_WOMAN_3,
    MASK_REACTION_SET_MAN_1_BEARD, MASK_REACTION_SET_MAN_2_BALD, MASK_REACTION_SET_MAN_1_SHAVED_BLACK_SHIRT,
    MASK_REACTION_SET_BEGGAR, MASK_REACTION_SET_OLD_WOMAN, MASK_REACTION_SET_OLD_MAN,
    MASK_REACTION_SET_YOUNG_WOMAN_BROWN_HAIR, MASK_REACTION_SET_MAN_2_MUSTACHE_RED_SHIRT,
    MASK_REACTION_SET_MAN_2_MUSTACHE_BLUE_SHIRT, MASK_REACTION_SET_YOUNG_WOMAN_ORANGE_HAIR,
    MASK_REACTION_SET_MAN_2_ALT_MUSTACHE, MASK_REACTION_SET_MAN_1_BOWL_CUT_PURPLE_SHIRT,
    MASK_REACTION_SET_MAN_2_BEARD, MASK_REACTION_SET_OLD_MAN_BALD_BROWN_ROBE,
    MASK_REACTION_SET_MAN_2_MUSTACHE_WHITE_SHIRT, MASK_REACTION_SET_MAN_1_SHAVED_GREEN_SHIRT,
    MASK_REACTION_SET_WOMAN_2, MASK_REACTION_SET_OLD_MAN_BALD_PURPLE_ROBE,
    MASK_REACTION_SET_MAN_1_BOWL_CUT_GREEN_SHIRT, MASK_REACTION_SET_HAGGLING_TOWNSPEOPLE_1,
    MASK_REACTION_SET_HAGGLING_TOWNSPEOPLE_2, MASK_REACTION_SET_MAX
} MaskReactionSet;
typedef enum CollectibleDropTable {
    COLLECTIBLE_DROP_TABLE_0, COLLECTIBLE_DROP_TABLE_1, COLLECTIBLE_DROP_TABLE_2, COLLECTIBLE_DROP_TABLE_3,
    COLLECTIBLE_DROP_TABLE_4, COLLECTIBLE_DROP_TABLE_5, COLLECTIBLE_DROP_TABLE_6, COLLECTIBLE_DROP_TABLE_7,
    COLLECTIBLE_DROP_TABLE_8, COLLECTIBLE_DROP_TABLE_9, COLLECTIBLE_DROP_TABLE_10, COLLECTIBLE_DROP_TABLE_11,
    COLLECTIBLE_DROP_TABLE_12, COLLECTIBLE_DROP_TABLE_13, COLLECTIBLE_DROP_TABLE_14
} CollectibleDropTable;

#define DYNA_INTERACT_PLAYER_ON_TOP (1 << 1)
#define R_DEBUG_FORCE_EPONA_OBTAINED DREG(1)
#define DEG_TO_BINANG2(degrees) (s32)((degrees) * (0x8000 / 180.0f))
#define LOG(exp, value, format, file, line) (void)(value)
#define LOG_FLOAT(exp, value, file, line) LOG(exp, value, "%f", file, line)
#define LOG_NUM(exp, value, file, line) LOG(exp, value, "%d", file, line)
#define LOG_HEX(exp, value, file, line) LOG(exp, value, "%x", file, line)
typedef struct DebugDispObject DebugDispObject;
DebugDispObject* DebugDisplay_AddObject(f32 posX, f32 posY, f32 posZ, s16 rotX, s16 rotY, s16 rotZ, f32 scaleX,
                                        f32 scaleY, f32 scaleZ, u8 red, u8 green, u8 blue, u8 alpha, s16 type,
                                        struct GraphicsContext* gfxCtx);
void EffectSsDtBubble_SpawnCustomColor(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel,
                                       Color_RGBA8* primColor, Color_RGBA8* envColor, s16 scale, s16 life,
                                       s16 randXZ);
s32 SurfaceType_IsIgnoredByProjectiles(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
s32 Math3D_CosOut(Vec3f* a, Vec3f* b, f32* dst);
void Math_Vec3s_DiffToVec3f(Vec3f* dest, Vec3s* a, Vec3s* b);

#endif
