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

#endif
