/* codevet: the long tail of the game's API that real actors use (one or a few actor files each),
 * written for codevet as declarations like api_wide.h: names and signatures are the game's
 * interface as the decomp names it (modern era); layouts are codevet's own. Struct members that
 * go with them are in oot.h's structs. Part of oot.h, after api_wide.h. */
#ifndef CODEVET_API_TAIL_H
#define CODEVET_API_TAIL_H

/* ----------------------------------------------------------------- actor helpers -- */

Actor* Actor_GetProjectileActor(struct PlayState* play, Actor* refActor, f32 radius);
s32 Actor_OtherIsLockedOn(struct PlayState* play, Actor* actor);
s32 Actor_OfferGetItemNearby(Actor* actor, struct PlayState* play, s32 getItemId);
void Actor_PlaySfx_SurfaceBomb(struct PlayState* play, Actor* actor);
void Actor_SetFeetPos(Actor* actor, s32 limbIndex, s32 leftFootIndex, Vec3f* leftFootPos, s32 rightFootIndex,
                      Vec3f* rightFootPos);
s32 Actor_CullingVolumeTest(struct PlayState* play, Actor* actor, Vec3f* projPos, f32 projW);
void Horse_RotateToPoint(Actor* actor, Vec3f* pos, s16 turnAmount);
void func_8002F5C4(Actor* actorA, Actor* actorB, struct PlayState* play);
s32 func_800354B4(struct PlayState* play, Actor* actor, f32 range, s16 arg3, s16 arg4, s16 arg5);

/* effects that have no EffectSs name yet */
void func_80026608(struct PlayState* play);
void func_8002865C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale, s16 scaleStep);

/* ------------------------------------------------------------------------ player -- */

void Player_SetAutoLockOnActor(struct PlayState* play, Actor* actor);
void Player_SetModelGroup(struct Player* this, s32 modelGroup);
void Player_UpdateBottleHeld(struct PlayState* play, struct Player* this, s32 item, s32 itemAction);

typedef enum PlayerModelGroup {
    PLAYER_MODELGROUP_0,
    PLAYER_MODELGROUP_CHILD_HYLIAN_SHIELD,
    PLAYER_MODELGROUP_SWORD_AND_SHIELD,
    PLAYER_MODELGROUP_DEFAULT,
    PLAYER_MODELGROUP_4,
    PLAYER_MODELGROUP_BGS,
    PLAYER_MODELGROUP_BOW_SLINGSHOT,
    PLAYER_MODELGROUP_EXPLOSIVES,
    PLAYER_MODELGROUP_BOOMERANG,
    PLAYER_MODELGROUP_HOOKSHOT,
    PLAYER_MODELGROUP_10,
    PLAYER_MODELGROUP_HAMMER,
    PLAYER_MODELGROUP_OCARINA,
    PLAYER_MODELGROUP_OOT,
    PLAYER_MODELGROUP_BOTTLE,
    PLAYER_MODELGROUP_SWORD,
    PLAYER_MODELGROUP_MAX
} PlayerModelGroup;

typedef enum PlayerKnockbackType {
    PLAYER_KNOCKBACK_NONE,
    PLAYER_KNOCKBACK_SMALL,
    PLAYER_KNOCKBACK_LARGE,
    PLAYER_KNOCKBACK_LARGE_ELECTRIFIED
} PlayerKnockbackType;

/* what the held item does (Player.heldItemAction, Player.itemAction), in the game's order */
typedef enum PlayerItemAction {
    PLAYER_IA_NONE,
    PLAYER_IA_SWORD_CS,
    PLAYER_IA_FISHING_POLE,
    PLAYER_IA_SWORD_MASTER,
    PLAYER_IA_SWORD_KOKIRI,
    PLAYER_IA_SWORD_BIGGORON,
    PLAYER_IA_DEKU_STICK,
    PLAYER_IA_HAMMER,
    PLAYER_IA_BOW,
    PLAYER_IA_BOW_FIRE,
    PLAYER_IA_BOW_ICE,
    PLAYER_IA_BOW_LIGHT,
    PLAYER_IA_BOW_0C,
    PLAYER_IA_BOW_0D,
    PLAYER_IA_BOW_0E,
    PLAYER_IA_SLINGSHOT,
    PLAYER_IA_HOOKSHOT,
    PLAYER_IA_LONGSHOT,
    PLAYER_IA_BOMB,
    PLAYER_IA_BOMBCHU,
    PLAYER_IA_BOOMERANG,
    PLAYER_IA_MAGIC_SPELL_15,
    PLAYER_IA_MAGIC_SPELL_16,
    PLAYER_IA_MAGIC_SPELL_17,
    PLAYER_IA_FARORES_WIND,
    PLAYER_IA_NAYRUS_LOVE,
    PLAYER_IA_DINS_FIRE,
    PLAYER_IA_DEKU_NUT,
    PLAYER_IA_OCARINA_FAIRY,
    PLAYER_IA_OCARINA_OF_TIME,
    PLAYER_IA_BOTTLE,
    PLAYER_IA_BOTTLE_FISH,
    PLAYER_IA_BOTTLE_FIRE,
    PLAYER_IA_BOTTLE_BUG,
    PLAYER_IA_BOTTLE_POE,
    PLAYER_IA_BOTTLE_BIG_POE,
    PLAYER_IA_BOTTLE_RUTOS_LETTER,
    PLAYER_IA_BOTTLE_POTION_RED,
    PLAYER_IA_BOTTLE_POTION_BLUE,
    PLAYER_IA_BOTTLE_POTION_GREEN,
    PLAYER_IA_BOTTLE_MILK_FULL,
    PLAYER_IA_BOTTLE_MILK_HALF,
    PLAYER_IA_BOTTLE_FAIRY,
    PLAYER_IA_ZELDAS_LETTER,
    PLAYER_IA_WEIRD_EGG,
    PLAYER_IA_CHICKEN,
    PLAYER_IA_MAGIC_BEAN,
    PLAYER_IA_POCKET_EGG,
    PLAYER_IA_POCKET_CUCCO,
    PLAYER_IA_COJIRO,
    PLAYER_IA_ODD_MUSHROOM,
    PLAYER_IA_ODD_POTION,
    PLAYER_IA_POACHERS_SAW,
    PLAYER_IA_BROKEN_GORONS_SWORD,
    PLAYER_IA_PRESCRIPTION,
    PLAYER_IA_FROG,
    PLAYER_IA_EYEDROPS,
    PLAYER_IA_CLAIM_CHECK,
    PLAYER_IA_MASK_KEATON,
    PLAYER_IA_MASK_SKULL,
    PLAYER_IA_MASK_SPOOKY,
    PLAYER_IA_MASK_BUNNY_HOOD,
    PLAYER_IA_MASK_GORON,
    PLAYER_IA_MASK_ZORA,
    PLAYER_IA_MASK_GERUDO,
    PLAYER_IA_MASK_TRUTH,
    PLAYER_IA_LENS_OF_TRUTH,
    PLAYER_IA_MAX
} PlayerItemAction;

#define MELEE_WEAPON_INFO_TIP(weaponInfo) (&(weaponInfo)->posA)
#define MELEE_WEAPON_INFO_BASE(weaponInfo) (&(weaponInfo)->posB)

/* the player's own limb callbacks, which a few actors draw a Player skeleton with */
s32 Player_OverrideLimbDrawGameplayCommon(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3f* pos, Vec3s* rot,
                                          void* thisx);
s32 Player_OverrideLimbDrawGameplayDefault(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3f* pos, Vec3s* rot,
                                           void* thisx);
void Player_PostLimbDrawGameplay(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3s* rot, void* thisx);
u8 Player_UpdateWeaponInfo(struct PlayState* play, ColliderQuad* collider, WeaponInfo* weaponInfo, Vec3f* newPosA,
                           Vec3f* newPosB);

/* resetting one side of a collider */
s32 Collider_ResetJntSphAT(struct PlayState* play, Collider* col);
s32 Collider_ResetJntSphAC(struct PlayState* play, Collider* col);
s32 Collider_ResetJntSphOC(struct PlayState* play, Collider* col);
s32 Collider_ResetCylinderAT(struct PlayState* play, Collider* col);
s32 Collider_ResetCylinderAC(struct PlayState* play, Collider* col);
s32 Collider_ResetCylinderOC(struct PlayState* play, Collider* col);
s32 Collider_ResetTrisAT(struct PlayState* play, Collider* col);
s32 Collider_ResetTrisAC(struct PlayState* play, Collider* col);
s32 Collider_ResetTrisOC(struct PlayState* play, Collider* col);
s32 Collider_ResetQuadAT(struct PlayState* play, Collider* col);
s32 Collider_ResetQuadAC(struct PlayState* play, Collider* col);
s32 Collider_ResetQuadOC(struct PlayState* play, Collider* col);

/* ------------------------------------------------------------------ save, items -- */

typedef enum UpgradeType {
    UPG_QUIVER,
    UPG_BOMB_BAG,
    UPG_STRENGTH,
    UPG_SCALE,
    UPG_WALLET,
    UPG_BULLET_BAG,
    UPG_DEKU_STICKS,
    UPG_DEKU_NUTS,
    UPG_MAX
} UpgradeType;

typedef enum HighScores {
    HS_HBA,
    HS_POE_POINTS,
    HS_FISHING,
    HS_HORSE_RACE,
    HS_MARATHON,
    HS_UNK_05,
    HS_DAMPE_RACE
} HighScores;
#define HIGH_SCORE(score) (gSaveContext.save.info.highScores[score])

/* entrances: the game has over 1500 (ENTR_<SCENE>_<n>); the shipped headers declare only these
 * special ones, and an ENTR_ name of a declared scene is a name codevet cannot check */
#define ENTR_LOAD_OPENING -1
typedef enum EntranceReturnIndex {
    ENTR_RETURN_GREAT_FAIRYS_FOUNTAIN_SPELLS = 0x7FF9,
    ENTR_RETURN_SHOOTING_GALLERY,
    ENTR_RETURN_2,
    ENTR_RETURN_BAZAAR,
    ENTR_RETURN_4,
    ENTR_RETURN_GREAT_FAIRYS_FOUNTAIN_MAGIC,
    ENTR_RETURN_GROTTO
} EntranceReturnIndex;

/* ------------------------------------------------------------- title cards, light -- */

void TitleCard_InitBossName(struct PlayState* play, TitleCardContext* titleCtx, void* texture, s16 x, s16 y, u8 width,
                            u8 height);
void TitleCard_InitPlaceName(struct PlayState* play, TitleCardContext* titleCtx, void* texture, s32 x, s32 y, s32 width,
                             s32 height, s32 delay);
s32 TitleCard_Clear(struct PlayState* play, TitleCardContext* titleCtx);

#define LIGHT_SETTING_MAX 31
#define LIGHT_SETTING_OVERRIDE_NONE 0xFF
#define LIGHT_SETTING_OVERRIDE_FULL_CONTROL 0xFE
typedef enum LightMode {
    LIGHT_MODE_TIME,
    LIGHT_MODE_SETTINGS
} LightMode;

/* ------------------------------------------------------------------------ camera -- */

s16 Camera_SetStateFlag(Camera* camera, s16 stateFlag);
s16 Camera_UnsetStateFlag(Camera* camera, s16 stateFlag);
#define CAM_STATE_CHECK_BG_ALT (1 << 0)
#define CAM_STATE_CHECK_WATER (1 << 1)
#define CAM_STATE_CHECK_BG (1 << 2)
#define CAM_STATE_EXTERNAL_FINISHED (1 << 3)
#define CAM_STATE_CAM_FUNC_FINISH (1 << 4)
#define CAM_STATE_LOCK_MODE (1 << 5)
#define CAM_STATE_DISTORTION (1 << 6)
#define CAM_STATE_PLAY_INIT (1 << 7)
#define CAM_STATE_CAMERA_IN_WATER (1 << 8)
#define CAM_STATE_PLAYER_IN_WATER (1 << 9)
#define CAM_STATE_BLOCK_BG (1 << 10)
#define CAM_STATE_DEMO7 (1 << 12)
#define CAM_STATE_CAM_INIT (1 << 14)
#define CAM_STATE_PLAYER_DIVING ((s16)(1 << 15))
#define CHILD_CAM(cam) ((cam)->play->cameraPtrs[(cam)->childCamId])

/* ------------------------------------------------------------------ maths, audio -- */

s32 Math3D_TriChkPointParaYSlopedY(Vec3f* v0, Vec3f* v1, Vec3f* v2, f32 z, f32 x);
s32 Math3D_PointDistSqToLine2D(f32 x0, f32 y0, f32 x1, f32 y1, f32 x2, f32 y2, f32* lineLenSq);
void Math3D_RotateXZPlane(Vec3f* pointOnPlane, s16 angle, f32* a, f32* c, f32* d);
void Audio_StopSfxByPosAndId(Vec3f* pos, u16 sfxId);
void func_800F4190(Vec3f* pos, u16 sfxId);

/* ------------------------------------------------------------- more actor helpers -- */

s32 Actor_ActorAIsFacingAndNearActorB(Actor* actorA, Actor* actorB, f32 range, s16 maxAngle);
s32 Actor_OfferTalkExchange(Actor* actor, struct PlayState* play, f32 xzRange, f32 yRange, u32 exchangeItemId);
void Actor_PlaySfx_Flagged2(Actor* actor, u16 sfxId);
void Actor_SetProjectileSpeed(Actor* actor, f32 speedXYZ);
s16 Actor_WorldPitchTowardPoint(Actor* actor, Vec3f* refPoint);
void Flags_UnsetClear(struct PlayState* play, s32 flag);
s16 Npc_GetTrackingPresetMaxPlayerYaw(s16 presetIndex);
s32 OnePointCutscene_CheckForCategory(struct PlayState* play, s32 actorCategory);
int Player_HoldsHookshot(struct Player* this);
void Horse_ResetHorseData(struct PlayState* play);
u8 Inventory_DeleteEquipment(struct PlayState* play, s16 equipment);
void Interface_SetSubTimer(s16 seconds);
void Letterbox_SetSizeTarget(s32 target);
void Lib_MemSet(u8* dest, size_t len, u8 val);
s32 Math_StepUntilS(s16* pValue, s16 limit, s16 step);
s16 coss(u16 angle);
int func_8002DD78(struct Player* player);
s32 func_8002DDE4(struct PlayState* play);
s32 func_8002DDF4(struct PlayState* play);
void func_8002DF90(DynaPolyActor* dynaActor);
s32 func_8002F9EC(struct PlayState* play, Actor* actor, struct CollisionPoly* poly, s32 bgId, Vec3f* pos);
void func_8003424C(struct PlayState* play, Vec3f* arg1);
void func_80034BA0(struct PlayState* play, SkelAnime* skelAnime, OverrideLimbDraw overrideLimbDraw,
                   PostLimbDraw postLimbDraw, Actor* actor, s16 alpha);
void func_8003555C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel);
void func_80035844(Vec3f* arg0, Vec3f* arg1, Vec3s* arg2, s32 arg3);
Actor* func_800358DC(Actor* actor, Vec3f* spawnPos, Vec3s* spawnRot, f32* arg3, s32 timer, s16* unused,
                     struct PlayState* play, s16 params, Gfx* dList);
u16 func_80037C30(struct PlayState* play, s16 arg1);

/* ----------------------------------------------------------- animation and skins -- */

void Animation_ChangeImpl(SkelAnime* skelAnime, AnimationHeader* animation, f32 playSpeed, f32 startFrame,
                          f32 endFrame, u8 mode, f32 morphFrames, s8 taper);
void AnimTaskQueue_AddCopyUsingMap(struct PlayState* play, s32 vecCount, Vec3s* dest, Vec3s* src, u8* limbCopyMap);
void SkelAnime_CopyFrameTableTrue(SkelAnime* skelAnime, Vec3s* dst, Vec3s* src, u8* copyFlag);

/* a skinned (vertex-animated) skeleton, as the bosses and horses use */
typedef struct Skin {
    SkeletonHeader* skeletonHeader;
    MtxF mtx;
    s32 limbCount;
    void* vtxTable;
    SkelAnime skelAnime;
} Skin;
typedef void (*SkinPostDraw)(struct Actor*, struct PlayState*, Skin*);
typedef s32 (*SkinOverrideLimbDraw)(struct Actor*, struct PlayState*, s32, Skin*);
#define SKIN_DRAW_FLAG_CUSTOM_TRANSFORMS (1 << 0)
#define SKIN_DRAW_FLAG_CUSTOM_MATRIX (1 << 1)
void Skin_Init(struct PlayState* play, Skin* skin, SkeletonHeader* skeletonHeader, AnimationHeader* animationHeader);
void Skin_Free(struct PlayState* play, Skin* skin);
void Skin_GetLimbPos(Skin* skin, s32 limbIndex, Vec3f* offset, Vec3f* dst);
void Skin_DrawLimb(GraphicsContext* gfxCtx, Skin* skin, s32 limbIndex, Gfx* dlistOverride, s32 drawFlags);
void Skin_DrawAnimatedLimb(GraphicsContext* gfxCtx, Skin* skin, s32 limbIndex, s32 arg3, s32 drawFlags);
void func_800A6330(struct Actor* actor, struct PlayState* play, Skin* skin, SkinPostDraw postDraw, s32 setTranslation);
void func_800A6360(struct Actor* actor, struct PlayState* play, Skin* skin, SkinPostDraw postDraw,
                   SkinOverrideLimbDraw overrideLimbDraw, s32 setTranslation);
void func_800A6394(struct Actor* actor, struct PlayState* play, Skin* skin, SkinPostDraw postDraw,
                   SkinOverrideLimbDraw overrideLimbDraw, s32 setTranslation, s32 arg6);
void func_800A63CC(struct Actor* actor, struct PlayState* play, Skin* skin, SkinPostDraw postDraw,
                   SkinOverrideLimbDraw overrideLimbDraw, s32 setTranslation, s32 arg6, s32 drawFlags);

/* ------------------------------------------------------- collision, bg, effects -- */

s32 BgCheck_EntityLineTest2(CollisionContext* colCtx, Vec3f* posA, Vec3f* posB, Vec3f* posResult,
                            CollisionPoly** outPoly, s32 chkWall, s32 chkFloor, s32 chkCeil, s32 chkOneFace,
                            s32* bgId, struct Actor* actor);
s32 BgCheck_ProjectileLineTest(CollisionContext* colCtx, Vec3f* posA, Vec3f* posB, Vec3f* posResult,
                               CollisionPoly** outPoly, s32 chkWall, s32 chkFloor, s32 chkCeil, s32 chkOneFace,
                               s32* bgId);
s32 BgCheck_SphVsFirstPoly(CollisionContext* colCtx, Vec3f* center, f32 radius);
void DynaPoly_InvalidateLookup(struct PlayState* play, DynaCollisionContext* dyna);
u32 SurfaceType_CanHookshot(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
u32 SurfaceType_GetFloorProperty(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
s32 SurfaceType_GetWallFlags(CollisionContext* colCtx, CollisionPoly* poly, s32 bgId);
void func_80038A28(CollisionPoly* poly, f32 tx, f32 ty, f32 tz, MtxF* dest);
s32 func_800435D8(struct PlayState* play, DynaPolyActor* dynaActor, s16 arg2, s16 arg3, s16 arg4);
void CollisionCheck_SpawnShieldParticlesMetal2(struct PlayState* play, Vec3f* v);
s32 Math3D_PointInSquare2D(f32 upperLeftX, f32 lowerRightX, f32 upperLeftY, f32 lowerRightY, f32 x, f32 y);
void Math3D_Vec3fReflect(Vec3f* vec, Vec3f* normal, Vec3f* reflVec);
void Math3D_Vec3f_Cross(Vec3f* a, Vec3f* b, Vec3f* ret);

void EffectSsDtBubble_SpawnColorProfile(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale,
                                       s16 life, s16 colorProfile, s16 randXZ);
void EffectSsEnIce_Spawn(struct PlayState* play, Vec3f* pos, f32 scale, Vec3f* velocity, Vec3f* accel,
                         Color_RGBA8* primColor, Color_RGBA8* envColor, s32 life);
void EffectSsKiraKira_SpawnFocused(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel,
                                   Color_RGBA8* primColor, Color_RGBA8* envColor, s16 scale, s32 life);
void EffectSsKiraKira_SpawnSmallYellow(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel);
void func_80026230(struct PlayState* play, Color_RGBA8* color, s16 arg2, s16 arg3);
void func_80026A6C(struct PlayState* play);
void func_800283D4(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, Color_RGBA8* primColor,
                   Color_RGBA8* envColor, s16 scale, s16 scaleStep, s16 life);
void func_8002843C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, Color_RGBA8* primColor,
                   Color_RGBA8* envColor, s16 scale, s16 scaleStep, s16 life);
void func_8002873C(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale, s16 scaleStep,
                   s16 life);
void func_800287AC(struct PlayState* play, Vec3f* pos, Vec3f* velocity, Vec3f* accel, s16 scale, s16 scaleStep,
                   s16 life);

/* ---------------------------------------------------------------------- drawing -- */

Gfx* Gfx_SetFog2(Gfx* gfx, s32 r, s32 g, s32 b, s32 a, s32 near, s32 far);
void Gfx_SetupDL_56Ptr(Gfx** gfxP);
Gfx* Gfx_SetupDL_57(Gfx* gfx);
Gfx* Gfx_TwoTexScrollEnvColor(GraphicsContext* gfxCtx, s32 tile1, u32 x1, u32 y1, s32 width1, s32 height1, s32 tile2,
                              u32 x2, u32 y2, s32 width2, s32 height2, s32 r, s32 g, s32 b, s32 a);
#define gsDPSetCombineLERP(a0, b0, c0, d0, Aa0, Ab0, Ac0, Ad0, a1, b1, c1, d1, Aa1, Ab1, Ac1, Ad1) \
    CODEVET_GS(0xFC000000u | CODEVET_CC(a0, b0, c0, d0, Aa0, Ab0, Ac0, Ad0), \
               CODEVET_CC(a1, b1, c1, d1, Aa1, Ab1, Ac1, Ad1))

/* --------------------------------------------------- camera, cutscenes, rooms -- */

typedef union CutsceneCameraPoint {
    struct {
        s8 continueFlag;
        s8 cameraRoll;
        u16 nextPointFrame;
        f32 viewAngle;
        Vec3s pos;
    };
    s32 _words[4];
} CutsceneCameraPoint;
Vec3s Camera_GetCamDir(Camera* camera);
s16 Camera_GetCamDirPitch(Camera* camera);
Vec3f Camera_GetQuakeOffset(Camera* camera);
s32 Camera_ResetAnim(Camera* camera);
s32 Camera_SetCSParams(Camera* camera, CutsceneCameraPoint* atPoints, CutsceneCameraPoint* eyePoints,
                       struct Player* player, s16 relativeToPlayer);
void Camera_SetCameraData(Camera* camera, s16 setDataFlags, void* data0, void* data1, s16 data2, s16 data3,
                          s32 data4);
void CutsceneFlags_Unset(struct PlayState* play, s16 flag);
void Cutscene_SetScript(struct PlayState* play, void* script);
void Room_FinishRoomChange(struct PlayState* play, RoomContext* roomCtx);
s32 Room_RequestNewRoom(struct PlayState* play, RoomContext* roomCtx, s32 roomNum);
typedef enum RoomType {
    ROOM_TYPE_NORMAL,
    ROOM_TYPE_DUNGEON,
    ROOM_TYPE_INDOORS,
    ROOM_TYPE_3,
    ROOM_TYPE_4,
    ROOM_TYPE_BOSS
} RoomType;
typedef enum RoomEnvironmentType {
    ROOM_ENV_DEFAULT,
    ROOM_ENV_COLD,
    ROOM_ENV_WARM,
    ROOM_ENV_HOT,
    ROOM_ENV_UNK_STRETCH_1,
    ROOM_ENV_UNK_STRETCH_2,
    ROOM_ENV_UNK_STRETCH_3
} RoomEnvironmentType;
void Message_StartOcarinaSunsSongDisabled(struct PlayState* play, u16 ocarinaActionId);

/* ------------------------------------------------------------------ environment -- */

void Environment_AdjustLights(struct PlayState* play, f32 arg1, f32 arg2, f32 arg3, f32 arg4);
void Environment_ChangeLightSetting(struct PlayState* play, u32 lightSetting);
void Environment_ForcePlaySequence(u16 seqId);
s32 Environment_GetBgsDayCount(void);
void Environment_PlayStormNatureAmbience(struct PlayState* play);
void Environment_StopStormNatureAmbience(struct PlayState* play);
extern u8 gSkyboxIsChanging;
extern u8 gWeatherMode;
extern u8 gLightConfigAfterUnderwater;
extern u8 gInterruptSongOfStorms;
extern u16 gTimeSpeed;

/* ------------------------------------------------------------------------ audio -- */

void Audio_ClearSariaBgm2(void);
void Audio_ClearSariaBgmAtPos(Vec3f* pos);
u16 Audio_GetActiveSeqId(u8 seqPlayerIndex);
void Audio_LowerMainBgmVolume(u8 volume);
void Audio_PlayNatureAmbienceSequence(u8 natureAmbienceId);
void Audio_PlaySariaBgm(Vec3f* pos, u16 seqId, u16 distMax);
void Audio_PlaySfxTransposed(Vec3f* pos, u16 sfxId, s8 semitone);
void Audio_PlaySfxWaterfall(Vec3f* pos, f32 freqScale);
void Audio_PlaySwordChargeSfx(Vec3f* pos, u8 level);
void Audio_PlayWindmillBgm(void);
void Audio_ResetIncreasingTranspose(void);
void Audio_SetCutsceneFlag(s8 flag);
void Audio_SetGanonsTowerBgmVolumeLevel(u8 ganonsTowerLevel);
void Audio_SetMainBgmTempoFreqAfterFanfare(f32 scaleTempoAndFreq, u8 duration);
void Audio_SetNatureAmbienceChannelIO(u8 channelIdxRange, u8 ioPort, u8 ioData);
void Audio_ToggleMalonSinging(u8 malonSingingDisabled);
void Audio_UpdateMalonSinging(f32 dist, u16 seqId);
void func_800F4524(Vec3f* pos, u16 sfxId, s8 arg2);
void func_800F4E30(Vec3f* pos, f32 arg1);

/* ----------------------------------------------------- skin matrices, fonts, DLs -- */

void SkinMatrix_SetTranslateRotateYXZScale(MtxF* dest, f32 scaleX, f32 scaleY, f32 scaleZ, s16 rotX, s16 rotY,
                                           s16 rotZ, f32 translateX, f32 translateY, f32 translateZ);
Mtx* SkinMatrix_MtxFToNewMtx(GraphicsContext* gfxCtx, MtxF* src);
void Gfx_SetupDL_39Ptr(Gfx** gfxP);

/* the message font (16x16 I4 characters), as the title screen draws it */
#define FONT_CHAR_TEX_WIDTH 16
#define FONT_CHAR_TEX_HEIGHT 16
#define FONT_CHAR_TEX_SIZE ((FONT_CHAR_TEX_WIDTH * FONT_CHAR_TEX_HEIGHT) / 2)
typedef struct Font {
    u32 msgOffset;
    u32 msgLength;
    u8 charTexBuf[FONT_CHAR_TEX_SIZE * 120];
    u8 iconBuf[FONT_CHAR_TEX_SIZE];
    u8 fontBuf[FONT_CHAR_TEX_SIZE * 320];
} Font;
void Font_LoadOrderedFont(Font* font);

/* ---------------------------------------------------- more display-list commands -- */

/* the colour combiner takes bare tokens (TEXEL0, PRIMITIVE, 0, 1...), as libultra's does: each
 * one must be a real input of its slot (G_CCMUX_x for colour, G_ACMUX_x for alpha) */
#define G_CCMUX_COMBINED 0
#define G_CCMUX_TEXEL0 1
#define G_CCMUX_TEXEL1 2
#define G_CCMUX_PRIMITIVE 3
#define G_CCMUX_SHADE 4
#define G_CCMUX_ENVIRONMENT 5
#define G_CCMUX_CENTER 6
#define G_CCMUX_SCALE 6
#define G_CCMUX_COMBINED_ALPHA 7
#define G_CCMUX_TEXEL0_ALPHA 8
#define G_CCMUX_TEXEL1_ALPHA 9
#define G_CCMUX_PRIMITIVE_ALPHA 10
#define G_CCMUX_SHADE_ALPHA 11
#define G_CCMUX_ENV_ALPHA 12
#define G_CCMUX_LOD_FRACTION 13
#define G_CCMUX_PRIM_LOD_FRAC 14
#define G_CCMUX_NOISE 7
#define G_CCMUX_K4 7
#define G_CCMUX_K5 15
#define G_CCMUX_1 6
#define G_CCMUX_0 31
#define G_ACMUX_COMBINED 0
#define G_ACMUX_TEXEL0 1
#define G_ACMUX_TEXEL1 2
#define G_ACMUX_PRIMITIVE 3
#define G_ACMUX_SHADE 4
#define G_ACMUX_ENVIRONMENT 5
#define G_ACMUX_LOD_FRACTION 0
#define G_ACMUX_PRIM_LOD_FRAC 6
#define G_ACMUX_1 6
#define G_ACMUX_0 7
#define CODEVET_CC(a, b, c, d, Aa, Ab, Ac, Ad) \
    ((u32)(G_CCMUX_##a | G_CCMUX_##b | G_CCMUX_##c | G_CCMUX_##d | G_ACMUX_##Aa | G_ACMUX_##Ab | G_ACMUX_##Ac | \
           G_ACMUX_##Ad))
#undef gDPSetCombineLERP
#define gDPSetCombineLERP(pkt, a0, b0, c0, d0, Aa0, Ab0, Ac0, Ad0, a1, b1, c1, d1, Aa1, Ab1, Ac1, Ad1) \
    codevet_gfx(pkt, 0xFC000000u | CODEVET_CC(a0, b0, c0, d0, Aa0, Ab0, Ac0, Ad0), \
                CODEVET_CC(a1, b1, c1, d1, Aa1, Ab1, Ac1, Ad1))

#define G_TEXTURE_ENABLE 0x00000002
#define G_CYC_1CYCLE (0 << 20)
#define G_CYC_2CYCLE (1 << 20)
#define G_CYC_COPY (2 << 20)
#define G_CYC_FILL (3 << 20)
#define G_AD_PATTERN (0 << 4)
#define G_AD_NOTPATTERN (1 << 4)
#define G_AD_NOISE (2 << 4)
#define G_AD_DISABLE (3 << 4)
static inline void gDPSetCycleType(Gfx* pkt, u32 type) { codevet_gfx(pkt, 0xE3000000u, type); }
static inline void gDPSetAlphaDither(Gfx* pkt, u32 mode) { codevet_gfx(pkt, 0xE3000000u, mode); }
static inline void gDPLoadSync(Gfx* pkt) { codevet_gfx(pkt, 0xE6000000u, 0); }
static inline void gDPSetTileSize(Gfx* pkt, u32 t, u32 uls, u32 ult, u32 lrs, u32 lrt) {
    codevet_gfx(pkt, 0xF2000000u | (uls << 12) | ult, (t << 24) | (lrs << 12) | lrt);
}
static inline void gDPLoadTile(Gfx* pkt, u32 t, u32 uls, u32 ult, u32 lrs, u32 lrt) {
    codevet_gfx(pkt, 0xF4000000u | (uls << 12) | ult, (t << 24) | (lrs << 12) | lrt);
}
static inline void gDPSetTile(Gfx* pkt, u32 fmt, u32 siz, u32 line, u32 tmem, u32 tile, u32 palette, u32 cmt,
                              u32 maskt, u32 shiftt, u32 cms, u32 masks, u32 shifts) {
    codevet_gfx(pkt, 0xF5000000u | (fmt << 21) | (siz << 19) | (line << 9) | tmem,
                (tile << 24) | (palette << 20) | cmt | maskt | shiftt | cms | masks | shifts);
}
static inline void gDPSetTileCustom(Gfx* pkt, u32 fmt, u32 siz, u32 uls, u32 ult, u32 lrs, u32 lrt, u32 pal, u32 cms,
                                    u32 cmt, u32 masks, u32 maskt, u32 shifts, u32 shiftt) {
    codevet_gfx(pkt, 0xF5000000u | (fmt << 21) | (siz << 19), uls + ult + lrs + lrt + pal + cms + cmt + masks +
                maskt + shifts + shiftt);
}
static inline void gDPLoadTextureTile(Gfx* pkt, const void* timg, u32 fmt, u32 siz, u32 width, u32 height, u32 uls,
                                      u32 ult, u32 lrs, u32 lrt, u32 pal, u32 cms, u32 cmt, u32 masks, u32 maskt,
                                      u32 shifts, u32 shiftt) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | (siz << 19) | width, (u32)timg + height + uls + ult + lrs + lrt +
                pal + cms + cmt + masks + maskt + shifts + shiftt);
}
static inline void gDPLoadTextureBlock_4b(Gfx* pkt, const void* timg, u32 fmt, u32 width, u32 height, u32 pal,
                                          u32 cms, u32 cmt, u32 masks, u32 maskt, u32 shifts, u32 shiftt) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | width, (u32)timg + height + pal + cms + cmt + masks + maskt +
                shifts + shiftt);
}
static inline void gDPLoadMultiBlock(Gfx* pkt, const void* timg, u32 tmem, u32 rtile, u32 fmt, u32 siz, u32 width,
                                     u32 height, u32 pal, u32 cms, u32 cmt, u32 masks, u32 maskt, u32 shifts,
                                     u32 shiftt) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | (siz << 19) | width, (u32)timg + tmem + rtile + height + pal + cms +
                cmt + masks + maskt + shifts + shiftt);
}
static inline void gDPLoadMultiBlock_4b(Gfx* pkt, const void* timg, u32 tmem, u32 rtile, u32 fmt, u32 width,
                                        u32 height, u32 pal, u32 cms, u32 cmt, u32 masks, u32 maskt, u32 shifts,
                                        u32 shiftt) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | width, (u32)timg + tmem + rtile + height + pal + cms + cmt + masks +
                maskt + shifts + shiftt);
}
static inline void gSPTextureRectangle(Gfx* pkt, s32 xl, s32 yl, s32 xh, s32 yh, u32 tile, s32 s, s32 t, s32 dsdx,
                                       s32 dtdy) {
    codevet_gfx(pkt, 0xE4000000u | ((u32)xh << 12) | (u32)yh, (tile << 24) | ((u32)xl << 12) | (u32)yl);
    codevet_gfx(pkt, 0xE1000000u, ((u32)s << 16) | (u32)t);
    codevet_gfx(pkt, 0xF1000000u, ((u32)dsdx << 16) | (u32)dtdy);
}

/* ------------------------------------------------------ more of the game's families -- */

typedef enum TransitionType {
    TRANS_TYPE_WIPE,
    TRANS_TYPE_TRIFORCE,
    TRANS_TYPE_FADE_BLACK,
    TRANS_TYPE_FADE_WHITE,
    TRANS_TYPE_FADE_BLACK_FAST,
    TRANS_TYPE_FADE_WHITE_FAST,
    TRANS_TYPE_FADE_BLACK_SLOW,
    TRANS_TYPE_FADE_WHITE_SLOW,
    TRANS_TYPE_WIPE_FAST,
    TRANS_TYPE_FILL_WHITE2,
    TRANS_TYPE_FILL_WHITE,
    TRANS_TYPE_INSTANT,
    TRANS_TYPE_FILL_BROWN,
    TRANS_TYPE_FADE_WHITE_CS_DELAYED,
    TRANS_TYPE_SANDSTORM_PERSIST,
    TRANS_TYPE_SANDSTORM_END,
    TRANS_TYPE_CS_BLACK_FILL,
    TRANS_TYPE_FADE_WHITE_INSTANT,
    TRANS_TYPE_FADE_GREEN,
    TRANS_TYPE_FADE_BLUE,
    TRANS_TYPE_MAX = 56
} TransitionType;
typedef enum TransitionMode {
    TRANS_MODE_OFF,
    TRANS_MODE_SETUP,
    TRANS_MODE_INSTANCE_INIT,
    TRANS_MODE_INSTANCE_RUNNING,
    TRANS_MODE_FILL_WHITE_INIT,
    TRANS_MODE_FILL_IN,
    TRANS_MODE_FILL_OUT,
    TRANS_MODE_FILL_BROWN_INIT,
    TRANS_MODE_08,
    TRANS_MODE_09,
    TRANS_MODE_INSTANT,
    TRANS_MODE_INSTANCE_WAIT,
    TRANS_MODE_SANDSTORM_INIT,
    TRANS_MODE_SANDSTORM,
    TRANS_MODE_SANDSTORM_END_INIT,
    TRANS_MODE_SANDSTORM_END,
    TRANS_MODE_CS_BLACK_FILL_INIT,
    TRANS_MODE_CS_BLACK_FILL
} TransitionMode;

/* weather */
typedef enum LightningState { LIGHTNING_OFF, LIGHTNING_ON, LIGHTNING_LAST } LightningState;
typedef enum LightningStrikeState {
    LIGHTNING_STRIKE_WAIT, LIGHTNING_STRIKE_START, LIGHTNING_STRIKE_END
} LightningStrikeState;
typedef enum WeatherMode {
    WEATHER_MODE_CLEAR,
    WEATHER_MODE_CLOUDY_CONFIG3,
    WEATHER_MODE_CLOUDY_CONFIG2,
    WEATHER_MODE_SNOW,
    WEATHER_MODE_RAIN,
    WEATHER_MODE_HEAVY_RAIN
} WeatherMode;
typedef enum PrecipitationData {
    PRECIP_RAIN_MAX, PRECIP_RAIN_CUR, PRECIP_SNOW_CUR, PRECIP_SNOW_MAX, PRECIP_SOS_MAX, PRECIP_MAX
} PrecipitationData;
typedef enum StormRequest { STORM_REQUEST_NONE, STORM_REQUEST_START, STORM_REQUEST_STOP } StormRequest;
typedef enum StormState { STORM_STATE_OFF, STORM_STATE_ON } StormState;
extern u8 gCustomLensFlareOn;
extern Vec3f gCustomLensFlarePos;
extern s16 gLensFlareScale;
extern f32 gLensFlareColorIntensity;
extern s16 gLensFlareGlareStrength;

/* respawn points, the player's spawn parameters */
typedef enum RespawnMode { RESPAWN_MODE_DOWN, RESPAWN_MODE_RETURN, RESPAWN_MODE_TOP, RESPAWN_MODE_MAX } RespawnMode;
#define NBITS_TO_MASK(n) ((1 << (n)) - 1)
#define PARAMS_PACK(p, s, n) (((p) & NBITS_TO_MASK(n)) << (s))
#define PARAMS_PACK_NOMASK(p, s) ((p) << (s))
#define PARAMS_MAKE_MASK(s, n) PARAMS_GET_NOSHIFT(~0, s, n)
#define PLAYER_PARAMS(startMode, startBgCamIndex) \
    (PARAMS_PACK_NOMASK(startMode, 8) | PARAMS_PACK_NOMASK(startBgCamIndex, 0))
#define PLAYER_START_BG_CAM_DEFAULT ((u8)-1)
typedef enum PlayerStartMode {
    PLAYER_START_MODE_NOTHING,
    PLAYER_START_MODE_TIME_TRAVEL,
    PLAYER_START_MODE_BLUE_WARP,
    PLAYER_START_MODE_DOOR,
    PLAYER_START_MODE_GROTTO,
    PLAYER_START_MODE_WARP_SONG,
    PLAYER_START_MODE_FARORES_WIND,
    PLAYER_START_MODE_KNOCKED_OVER,
    PLAYER_START_MODE_UNUSED_8,
    PLAYER_START_MODE_UNUSED_9,
    PLAYER_START_MODE_UNUSED_10,
    PLAYER_START_MODE_UNUSED_11,
    PLAYER_START_MODE_UNUSED_12,
    PLAYER_START_MODE_IDLE,
    PLAYER_START_MODE_MOVE_FORWARD_SLOW,
    PLAYER_START_MODE_MOVE_FORWARD,
    PLAYER_START_MODE_MAX
} PlayerStartMode;

/* the player state bits that have a name (the others are PLAYER_STATEn_<bit>) */
#define PLAYER_STATE1_SWINGING_BOTTLE (1 << 1)
#define PLAYER_STATE1_START_CHANGING_HELD_ITEM (1 << 8)
#define PLAYER_STATE1_CHARGING_SPIN_ATTACK (1 << 12)
#define PLAYER_STATE1_Z_TARGETING (1 << 15)
#define PLAYER_STATE1_FRIENDLY_ACTOR_FOCUS (1 << 16)
#define PLAYER_STATE1_PARALLEL (1 << 17)
#define PLAYER_STATE1_SHIELDING (1 << 22)
#define PLAYER_STATE1_USING_BOOMERANG (1 << 24)
#define PLAYER_STATE1_BOOMERANG_THROWN (1 << 25)
#define PLAYER_STATE1_LOCK_ON_FORCED_TO_RELEASE (1 << 30)
#define PLAYER_STATE2_CAN_ACCEPT_TALK_OFFER (1 << 1)
#define PLAYER_STATE2_FORCE_SAND_FLOOR_SOUND (1 << 9)
#define PLAYER_STATE2_LOCK_ON_WITH_SWITCH (1 << 13)
#define PLAYER_STATE2_DO_ACTION_ENTER (1 << 16)
#define PLAYER_STATE2_CRAWLING (1 << 18)
#define PLAYER_STATE2_NAVI_ACTIVE (1 << 20)
#define PLAYER_STATE2_USING_OCARINA (1 << 27)
#define PLAYER_STATE2_IDLE_FIDGET (1 << 28)
#define PLAYER_STATE3_1 (1 << 1)
#define PLAYER_STATE3_2 (1 << 2)
#define PLAYER_STATE3_3 (1 << 3)
#define PLAYER_STATE3_4 (1 << 4)
#define PLAYER_STATE3_5 (1 << 5)
#define PLAYER_STATE3_RESTORE_NAYRUS_LOVE (1 << 6)
#define PLAYER_STATE3_FLYING_WITH_HOOKSHOT (1 << 7)

/* the frog songs' flags and the other save-flag names the first list lacked */
#define EVENTCHKINF_INDEX_0 0
#define EVENTCHKINF_INDEX_40 EVENTCHKINF_INDEX(EVENTCHKINF_40)
#define EVENTCHKINF_INDEX_TALON_RETURNED_FROM_KAKARIKO EVENTCHKINF_INDEX(EVENTCHKINF_TALON_RETURNED_FROM_KAKARIKO)
#define EVENTCHKINF_INDEX_SONGS_FOR_FROGS EVENTCHKINF_INDEX(EVENTCHKINF_SONGS_FOR_FROGS_CHOIR)
#define EVENTCHKINF_SONGS_FOR_FROGS_CHOIR 0xD0
#define EVENTCHKINF_SONGS_FOR_FROGS_ZL 0xD1
#define EVENTCHKINF_SONGS_FOR_FROGS_EPONA 0xD2
#define EVENTCHKINF_SONGS_FOR_FROGS_SUNS 0xD3
#define EVENTCHKINF_SONGS_FOR_FROGS_SARIA 0xD4
#define EVENTCHKINF_SONGS_FOR_FROGS_SOT 0xD5
#define EVENTCHKINF_SONGS_FOR_FROGS_STORMS 0xD6

/* the ocarina's songs */
typedef enum OcarinaSongId {
    OCARINA_SONG_MINUET,
    OCARINA_SONG_BOLERO,
    OCARINA_SONG_SERENADE,
    OCARINA_SONG_REQUIEM,
    OCARINA_SONG_NOCTURNE,
    OCARINA_SONG_PRELUDE,
    OCARINA_SONG_SARIAS,
    OCARINA_SONG_EPONAS,
    OCARINA_SONG_LULLABY,
    OCARINA_SONG_SUNS,
    OCARINA_SONG_TIME,
    OCARINA_SONG_STORMS,
    OCARINA_SONG_SCARECROW_SPAWN,
    OCARINA_SONG_MEMORY_GAME,
    OCARINA_SONG_MAX,
    OCARINA_SONG_SCARECROW_LONG = OCARINA_SONG_MAX
} OcarinaSongId;

/* wall flags of a collision poly's surface type */
#define WALL_FLAG_0 (1 << 0)
#define WALL_FLAG_1 (1 << 1)
#define WALL_FLAG_2 (1 << 2)
#define WALL_FLAG_3 (1 << 3)
#define WALL_FLAG_CRAWLSPACE_1 (1 << 4)
#define WALL_FLAG_CRAWLSPACE_2 (1 << 5)
#define WALL_FLAG_6 (1 << 6)
#define WALL_FLAG_CRAWLSPACE (WALL_FLAG_CRAWLSPACE_1 | WALL_FLAG_CRAWLSPACE_2)

/* debug registers actors read */
#define R_UPDATE_RATE SREG(30)
#define R_TRANS_FADE_FLASH_ALPHA_STEP iREG(50)

/* surface types of collision polys */
typedef enum FloorType {
    FLOOR_TYPE_0, FLOOR_TYPE_1, FLOOR_TYPE_2, FLOOR_TYPE_3, FLOOR_TYPE_4, FLOOR_TYPE_5, FLOOR_TYPE_6,
    FLOOR_TYPE_7, FLOOR_TYPE_8, FLOOR_TYPE_9, FLOOR_TYPE_10, FLOOR_TYPE_11, FLOOR_TYPE_12
} FloorType;
typedef enum WallType {
    WALL_TYPE_0, WALL_TYPE_1, WALL_TYPE_2, WALL_TYPE_3, WALL_TYPE_4, WALL_TYPE_5, WALL_TYPE_6, WALL_TYPE_7,
    WALL_TYPE_8, WALL_TYPE_9, WALL_TYPE_10, WALL_TYPE_11, WALL_TYPE_12, WALL_TYPE_MAX
} WallType;
typedef enum FloorProperty {
    FLOOR_PROPERTY_0, FLOOR_PROPERTY_5 = 5, FLOOR_PROPERTY_6, FLOOR_PROPERTY_7, FLOOR_PROPERTY_8, FLOOR_PROPERTY_9,
    FLOOR_PROPERTY_11 = 11, FLOOR_PROPERTY_12
} FloorProperty;

#define LIGHT_BLEND_OVERRIDE_NONE 0
#define LIGHT_BLEND_OVERRIDE_ON 1
#define LIGHT_BLEND_OVERRIDE_FULL_CONTROL 2
#define AMMO(item) gSaveContext.save.info.inventory.ammo[SLOT(item)]
#define UNREACHABLE() __builtin_unreachable()
#define R_EPONAS_SONG_PLAYED DREG(53)

/* the main timer's states (gSaveContext.timerState; the sub timer's are SubTimerState) */
typedef enum TimerState {
    TIMER_STATE_OFF,
    TIMER_STATE_ENV_HAZARD_INIT,
    TIMER_STATE_ENV_HAZARD_PREVIEW,
    TIMER_STATE_ENV_HAZARD_MOVE,
    TIMER_STATE_ENV_HAZARD_TICK,
    TIMER_STATE_DOWN_INIT,
    TIMER_STATE_DOWN_PREVIEW,
    TIMER_STATE_DOWN_MOVE,
    TIMER_STATE_DOWN_TICK,
    TIMER_STATE_STOP = 10,
    TIMER_STATE_UP_INIT,
    TIMER_STATE_UP_PREVIEW,
    TIMER_STATE_UP_MOVE,
    TIMER_STATE_UP_TICK,
    TIMER_STATE_UP_FREEZE
} TimerState;

/* a jointed-sphere collider set up from the older init form */
typedef struct ColliderJntSphInitType1 {
    ColliderInitType1 base;
    s32 count;
    ColliderJntSphElementInit* elements;
} ColliderJntSphInitType1;
s32 Collider_SetJntSphAllocType1(struct PlayState* play, ColliderJntSph* dest, struct Actor* actor,
                                 ColliderJntSphInitType1* src);

/* a display list built in a scratch buffer (the title screen's font) */
Gfx* Gfx_Open(Gfx* gfx);
Gfx* Gfx_Close(Gfx* gfx, Gfx* dst);

#endif
