/*
 * codevet's original Ocarina of Time header set (written for codevet, not copied from
 * any decompilation project).
 *
 * It declares the names, member names and argument types that actor code uses, so that
 * an answer can be type-checked by mips-linux-gnu-gcc. It does NOT reproduce the game's
 * memory layout, constant values or display-list encodings: a pass means "uses the real
 * API with the right types", not "runs in the ROM".
 *
 * Naming eras (OOT_ERA, chosen by codevet from the names an answer uses):
 *   1  early decomp (2020 - mid 2022): GlobalContext, globalCtx, speedXZ, ActorInit, ...
 *   2  z64hdr snapshot (mid/late 2022): PlayState, but speedXZ, ActorInit, Actor_MoveForward
 *   3  modern decomp (2023 -): PlayState, speed, ActorProfile, Actor_MoveXZGravity, ...
 * Only names that were renamed outright are era-gated (see codevet/sandboxes/oot/era.py,
 * which holds the same table); small renames of sub-fields are accepted in every era via
 * anonymous unions.
 */
#ifndef CODEVET_OOT_H
#define CODEVET_OOT_H

#ifndef OOT_ERA
#define OOT_ERA 3
#endif

#include "ultra64.h"

/* ------------------------------------------------------------------ basic macros -- */

#define ABS(x) ((x) >= 0 ? (x) : -(x))
#define ABS_ALT(x) ((x) < 0 ? -(x) : (x))
#define SQ(x) ((x) * (x))
#define CLAMP(x, min, max) ((x) < (min) ? (min) : (x) > (max) ? (max) : (x))
#define CLAMP_MAX(x, max) ((x) > (max) ? (max) : (x))
#define CLAMP_MIN(x, min) ((x) < (min) ? (min) : (x))
#define DECR(x) ((x) == 0 ? 0 : --(x))
#define ARRAY_COUNT(arr) (s32)(sizeof(arr) / sizeof(arr[0]))
#define ARRAY_COUNTU(arr) (u32)(sizeof(arr) / sizeof(arr[0]))
#define SHT_MAX 32767.0f
#define SHT_MIN -32768.0f
#define BINANG_TO_RAD(binang) ((f32)(binang) * (M_PI / 0x8000))
#define BINANG_TO_RAD_ALT(binang) (((f32)(binang) / 0x8000) * M_PI)
#define BINANG_TO_DEG(binang) ((f32)(binang) * (180.0f / 0x8000))
#define RAD_TO_BINANG(radians) (s16)((radians) * (0x8000 / M_PI))
#define DEG_TO_BINANG(degrees) (s16)((degrees) * (0x8000 / 180.0f))
#define DEG_TO_RAD(degrees) ((degrees) * (M_PI / 180.0f))
#define BINANG_ROT180(angle) ((s16)((angle) + 0x8000))
#define BINANG_SUB(a, b) ((s16)((a) - (b)))
#define BINANG_ADD(a, b) ((s16)((a) + (b)))
#define SEGMENTED_TO_VIRTUAL(addr) ((void*)(addr))
#define VIRTUAL_TO_PHYSICAL(addr) ((uintptr_t)(addr) & 0x1FFFFFFF)
#define BAD_RETURN(type) type
#define UNUSED __attribute__((unused))
#define NORETURN __attribute__((noreturn))
#define ALIGNED(n) __attribute__((aligned(n)))
#define T(jp, en) en  /* no parentheses: it is concatenated with other string literals */

#if OOT_ERA >= 3
#define PARAMS_GET_U(p, s, n) (((p) >> (s)) & ((1 << (n)) - 1))
#define PARAMS_GET_S(p, s, n) PARAMS_GET_U((s16)(p), s, n)
#define PARAMS_GET_NOSHIFT(p, s, n) ((p) & (((1 << (n)) - 1) << (s)))
#endif

/* ----------------------------------------------------------------------- maths -- */

typedef struct { f32 x, y; } Vec2f;
typedef struct { f32 x, y, z; } Vec3f;
typedef struct { s16 x, y, z; } Vec3s;
typedef struct { s32 x, y, z; } Vec3i;
typedef struct { Vec3f pos; Vec3s rot; } PosRot;
typedef struct { Vec3f center; f32 radius; } Sphere16f;
typedef struct { Vec3s center; s16 radius; } Sphere16;
typedef struct { s16 radius; s16 height; s16 yShift; Vec3s pos; } Cylinder16;
typedef struct { u8 r, g, b; } Color_RGB8;
typedef struct { u8 r, g, b, a; } Color_RGBA8;
typedef struct { f32 r, g, b, a; } Color_RGBAf;
typedef union { Color_RGBA8 c; u32 rgba; } Color_RGBA8_u32;

f32 Math_SinS(s16 angle);
f32 Math_CosS(s16 angle);
f32 Math_SinF(f32 angle);
f32 Math_CosF(f32 angle);
s16 Math_Atan2S(f32 x, f32 y);
f32 Math_Atan2F(f32 x, f32 y);
f32 Math_FAtan2F(f32 y, f32 x);
f32 Math_SmoothStepToF(f32* pValue, f32 target, f32 fraction, f32 step, f32 minStep);
s16 Math_SmoothStepToS(s16* pValue, s16 target, s16 scale, s16 step, s16 minStep);
void Math_ApproachF(f32* pValue, f32 target, f32 fraction, f32 step);
void Math_ApproachS(s16* pValue, s16 target, s16 scale, s16 step);
void Math_ApproachZeroF(f32* pValue, f32 fraction, f32 step);
s32 Math_StepToF(f32* pValue, f32 target, f32 step);
s32 Math_StepToS(s16* pValue, s16 target, s16 step);
s32 Math_StepUntilF(f32* pValue, f32 limit, f32 step);
s32 Math_StepToAngleS(s16* pValue, s16 target, s16 step);
s32 Math_ScaledStepToS(s16* pValue, s16 target, s16 step);
s32 Math_AsymStepToF(f32* pValue, f32 target, f32 incrStep, f32 decrStep);
f32 Math_Vec3f_DistXZ(Vec3f* a, Vec3f* b);
f32 Math_Vec3f_DistXYZ(Vec3f* a, Vec3f* b);
f32 Math_Vec3f_DistXYZAndStoreDiff(Vec3f* a, Vec3f* b, Vec3f* dest);
s16 Math_Vec3f_Yaw(Vec3f* origin, Vec3f* point);
s16 Math_Vec3f_Pitch(Vec3f* origin, Vec3f* point);
void Math_Vec3f_Copy(Vec3f* dest, Vec3f* src);
void Math_Vec3s_Copy(Vec3s* dest, Vec3s* src);
void Math_Vec3s_ToVec3f(Vec3f* dest, Vec3s* src);
void Math_Vec3f_ToVec3s(Vec3s* dest, Vec3f* src);
void Math_Vec3f_Sum(Vec3f* a, Vec3f* b, Vec3f* dest);
void Math_Vec3f_Diff(Vec3f* a, Vec3f* b, Vec3f* dest);
void Math_Vec3f_Scale(Vec3f* vec, f32 scaleF);
f32 Math3D_Vec3fMagnitude(Vec3f* vec);
f32 Math3D_Vec3fDistSq(Vec3f* a, Vec3f* b);
f32 Rand_ZeroOne(void);
f32 Rand_Centered(void);
f32 Rand_ZeroFloat(f32 f);
f32 Rand_CenteredFloat(f32 f);
s16 Rand_S16Offset(s16 base, s16 range);
void Rand_Seed(u32 seed);
u32 Rand_Next(void);
#if OOT_ERA == 1
f32 Math_Rand_ZeroOne(void);
f32 Math_Rand_CenteredFloat(f32 f);
f32 Math_Rand_ZeroFloat(f32 f);
s16 Math_Rand_S16Offset(s16 base, s16 range);
f32 Math_Sins(s16 angle);
f32 Math_Coss(s16 angle);
#endif

/* ------------------------------------------------------------- forward structs -- */

struct Actor;
struct PlayState;
struct Player;
struct Lights;
struct CollisionPoly;
struct GraphicsContext;
struct Collider;

#if OOT_ERA == 1
typedef struct PlayState GlobalContext;
#else
typedef struct PlayState PlayState;
#endif

typedef void (*ActorFunc)(struct Actor* actor, struct PlayState* play);
typedef void (*ActorShadowFunc)(struct Actor* actor, struct Lights* lights, struct PlayState* play);

/* -------------------------------------------------------- graphics contexts -- */

typedef struct {
    u32 size;
    Gfx* bufp;
    Gfx* p;
    Gfx* d;
} TwoHeadGfxArena;

typedef struct GraphicsContext {
    Gfx* polyOpaBuffer;
    Gfx* polyXluBuffer;
    Gfx* overlayBuffer;
    TwoHeadGfxArena polyOpa;
    TwoHeadGfxArena polyXlu;
    TwoHeadGfxArena overlay;
    TwoHeadGfxArena work;
    u32 gfxPoolIdx;
    u16* curFrameBuffer;
} GraphicsContext;

#define OPEN_DISPS(gfxCtx, file, line) \
    {                                  \
        GraphicsContext* __gfxCtx = (gfxCtx); \
        (void)(file); (void)(line);   \
        (void)__gfxCtx

#define CLOSE_DISPS(gfxCtx, file, line) \
        (void)(gfxCtx);                 \
    }                                   \
    (void)0

#define POLY_OPA_DISP __gfxCtx->polyOpa.p
#define POLY_XLU_DISP __gfxCtx->polyXlu.p
#define OVERLAY_DISP __gfxCtx->overlay.p
#define WORK_DISP __gfxCtx->work.p

typedef struct {
    OSContPad cur;
    OSContPad prev;
    OSContPad press;
    OSContPad rel;
} Input;

#define CHECK_BTN_ALL(state, combo) (~((state) | ~(combo)) == 0)
#define CHECK_BTN_ANY(state, combo) (((state) & (combo)) != 0)

typedef struct GameState {
    GraphicsContext* gfxCtx;
    void (*main)(struct GameState* gameState);
    void (*destroy)(struct GameState* gameState);
    void (*init)(struct GameState* gameState);
    u32 size;
    Input input[4];
    u32 frames;
    u32 running;
} GameState;

/* ---------------------------------------------------------------- collision -- */

typedef struct CollisionPoly {
    u16 type;
    u16 flags_vIA;
    u16 flags_vIB;
    u16 vIC;
    Vec3s normal;
    s16 dist;
} CollisionPoly;

typedef struct {
    Vec3s minBounds;
    Vec3s maxBounds;
    u16 numVertices;
    Vec3s* vtxList;
    u16 numPolygons;
    CollisionPoly* polyList;
    void* surfaceTypeList;
    void* bgCamList;
    u16 numWaterBoxes;
    struct WaterBox* waterBoxes;
} CollisionHeader;

typedef struct {
    u8 bitFlag;
    void* bgActors;
    u16* bgActorFlags;
    CollisionPoly* polyList;
    Vec3s* vtxList;
} DynaCollisionContext;

typedef struct {
    CollisionHeader* colHeader;
    Vec3f minBounds;
    Vec3f maxBounds;
    DynaCollisionContext dyna;
    u32 memSize;
} CollisionContext;

typedef struct {
    u8 table[32];
} DamageTable;

#define DMG_ENTRY(damage, effect) ((((effect) & 0xF) << 4) | ((damage) & 0xF))

typedef struct {
    DamageTable* damageTable;
    Vec3f displacement;
    s16 cylRadius;
    s16 cylHeight;
    s16 cylYShift;
    u8 mass;
    u8 health;
    u8 damage;
    u8 damageEffect;
    u8 atHitEffect;
    u8 acHitEffect;
    u8 damageReaction;
} CollisionCheckInfo;

typedef struct {
    u8 health;
    s16 cylRadius;
    s16 cylHeight;
    u8 mass;
} CollisionCheckInfoInit;

typedef struct {
    u8 health;
    s16 cylRadius;
    s16 cylHeight;
    s16 cylYShift;
    u8 mass;
} CollisionCheckInfoInit2;

#define MASS_IMMOVABLE 0xFF
#define MASS_HEAVY 0xFE

typedef struct Collider {
    struct Actor* actor;
    struct Actor* at;
    struct Actor* ac;
    struct Actor* oc;
    u8 atFlags;
    u8 acFlags;
    u8 ocFlags1;
    u8 ocFlags2;
    union { u8 colType; u8 colMaterial; };
    u8 shape;
} Collider;

typedef struct {
    union { u8 colType; u8 colMaterial; };
    u8 atFlags;
    u8 acFlags;
    u8 ocFlags1;
    u8 ocFlags2;
    u8 shape;
} ColliderInit;

typedef struct {
    union { u8 colType; u8 colMaterial; };
    u8 atFlags;
    u8 acFlags;
    u8 ocFlags1;
    u8 shape;
} ColliderInitType1;

typedef struct {
    struct Actor* actor;
    union { u8 colType; u8 colMaterial; };
    u8 atFlags;
    u8 acFlags;
    u8 ocFlags1;
    u8 ocFlags2;
    u8 shape;
} ColliderInitToActor;

typedef struct {
    u32 dmgFlags;
    union { u8 effect; u8 hitSpecialEffect; };
    u8 damage;
} ColliderElementDamageInfoAT;

typedef struct {
    u32 dmgFlags;
    u8 effect;
    u8 defense;
    Vec3s hitPos;
} ColliderElementDamageInfoAC;

typedef struct {
    u32 dmgFlags;
    u8 effect;
    u8 defense;
} ColliderElementDamageInfoACInit;

typedef ColliderElementDamageInfoAT ColliderTouch;
typedef ColliderElementDamageInfoAC ColliderBump;
typedef ColliderElementDamageInfoACInit ColliderBumpInit;

typedef struct ColliderElement {
    union { ColliderElementDamageInfoAT atDmgInfo; ColliderElementDamageInfoAT toucher; };
    union { ColliderElementDamageInfoAC acDmgInfo; ColliderElementDamageInfoAC bumper; };
    union { u8 elemType; u8 elemMaterial; };
    union { u8 atElemFlags; u8 toucherFlags; };
    union { u8 acElemFlags; u8 bumperFlags; };
    union { u8 ocElemFlags; u8 ocFlags; };
    Collider* atHit;
    Collider* acHit;
    struct ColliderElement* atHitElem;
    struct ColliderElement* acHitElem;
} ColliderElement;
typedef ColliderElement ColliderInfo;

typedef struct {
    union { u8 elemType; u8 elemMaterial; };
    union { ColliderElementDamageInfoAT atDmgInfo; ColliderElementDamageInfoAT toucher; };
    union { ColliderElementDamageInfoACInit acDmgInfo; ColliderElementDamageInfoACInit bumper; };
    union { u8 atElemFlags; u8 toucherFlags; };
    union { u8 acElemFlags; u8 bumperFlags; };
    union { u8 ocElemFlags; u8 ocFlags; };
} ColliderElementInit;
typedef ColliderElementInit ColliderInfoInit;

typedef struct {
    Collider base;
    union { ColliderElement elem; ColliderElement info; };
    Cylinder16 dim;
} ColliderCylinder;

typedef struct {
    ColliderInit base;
    union { ColliderElementInit elem; ColliderElementInit info; };
    Cylinder16 dim;
} ColliderCylinderInit;

typedef struct {
    ColliderInitType1 base;
    union { ColliderElementInit elem; ColliderElementInit info; };
    Cylinder16 dim;
} ColliderCylinderInitType1;

typedef struct {
    Sphere16 modelSphere;
    Sphere16 worldSphere;
    f32 scale;
    u8 limb;
} ColliderJntSphElementDim;

typedef struct {
    union { ColliderElement base; ColliderElement info; };
    ColliderJntSphElementDim dim;
} ColliderJntSphElement;

typedef struct {
    u8 limb;
    Sphere16 modelSphere;
    s16 scale;
} ColliderJntSphElementDimInit;

typedef struct {
    union { ColliderElementInit base; ColliderElementInit info; };
    ColliderJntSphElementDimInit dim;
} ColliderJntSphElementInit;

typedef struct {
    Collider base;
    s32 count;
    ColliderJntSphElement* elements;
} ColliderJntSph;

typedef struct {
    ColliderInit base;
    s32 count;
    ColliderJntSphElementInit* elements;
} ColliderJntSphInit;

typedef struct {
    Vec3f quad[4];
} ColliderQuadDimInit;

typedef struct ColliderQuadDim {
    Vec3f quad[4];
    Vec3s dcMid;
    Vec3s baMid;
    f32 acDistSq;
} ColliderQuadDim;

typedef struct {
    Collider base;
    union { ColliderElement elem; ColliderElement info; };
    union { ColliderQuadDim dim; Vec3f quad[4]; };
} ColliderQuad;

typedef struct {
    ColliderInit base;
    union { ColliderElementInit elem; ColliderElementInit info; };
    ColliderQuadDimInit dim;
} ColliderQuadInit;

typedef struct {
    s16 colATCount;
    u16 sacFlags;
    Collider* colAT[50];
    s32 colACCount;
    Collider* colAC[60];
    s32 colOCCount;
    Collider* colOC[50];
} CollisionCheckContext;

enum ColliderMaterial {
    COLTYPE_HIT0, COLTYPE_HIT1, COLTYPE_HIT2, COLTYPE_HIT3, COLTYPE_HIT4, COLTYPE_HIT5,
    COLTYPE_HIT6, COLTYPE_HIT7, COLTYPE_HIT8, COLTYPE_METAL, COLTYPE_NONE, COLTYPE_WOOD,
    COLTYPE_HARD, COLTYPE_TREE
};
enum ColliderMaterialNew {
    COL_MATERIAL_HIT0, COL_MATERIAL_HIT1, COL_MATERIAL_HIT2, COL_MATERIAL_HIT3,
    COL_MATERIAL_HIT4, COL_MATERIAL_HIT5, COL_MATERIAL_HIT6, COL_MATERIAL_HIT7,
    COL_MATERIAL_HIT8, COL_MATERIAL_METAL, COL_MATERIAL_NONE, COL_MATERIAL_WOOD,
    COL_MATERIAL_HARD, COL_MATERIAL_TREE
};
enum ColliderShape { COLSHAPE_JNTSPH, COLSHAPE_CYLINDER, COLSHAPE_TRIS, COLSHAPE_QUAD, COLSHAPE_MAX };
enum ElementMaterial {
    ELEMTYPE_UNK0, ELEMTYPE_UNK1, ELEMTYPE_UNK2, ELEMTYPE_UNK3, ELEMTYPE_UNK4, ELEMTYPE_UNK5,
    ELEMTYPE_UNK6, ELEMTYPE_UNK7
};
enum ElementMaterialNew {
    ELEM_MATERIAL_UNK0, ELEM_MATERIAL_UNK1, ELEM_MATERIAL_UNK2, ELEM_MATERIAL_UNK3,
    ELEM_MATERIAL_UNK4, ELEM_MATERIAL_UNK5, ELEM_MATERIAL_UNK6, ELEM_MATERIAL_UNK7
};

#define AT_NONE 0
#define AT_ON (1 << 0)
#define AT_HIT (1 << 1)
#define AT_BOUNCED (1 << 2)
#define AT_TYPE_PLAYER (1 << 3)
#define AT_TYPE_ENEMY (1 << 4)
#define AT_TYPE_OTHER (1 << 5)
#define AT_SELF (1 << 6)
#define AT_TYPE_ALL (AT_TYPE_PLAYER | AT_TYPE_ENEMY | AT_TYPE_OTHER)
#define AC_NONE 0
#define AC_ON (1 << 0)
#define AC_HIT (1 << 1)
#define AC_HARD (1 << 2)
#define AC_TYPE_PLAYER AT_TYPE_PLAYER
#define AC_TYPE_ENEMY AT_TYPE_ENEMY
#define AC_TYPE_OTHER AT_TYPE_OTHER
#define AC_NO_DAMAGE (1 << 6)
#define AC_BOUNCED (1 << 7)
#define AC_TYPE_ALL (AC_TYPE_PLAYER | AC_TYPE_ENEMY | AC_TYPE_OTHER)
#define OC1_NONE 0
#define OC1_ON (1 << 0)
#define OC1_HIT (1 << 1)
#define OC1_NO_PUSH (1 << 2)
#define OC1_TYPE_PLAYER (1 << 3)
#define OC1_TYPE_1 (1 << 4)
#define OC1_TYPE_2 (1 << 5)
#define OC1_TYPE_ALL (OC1_TYPE_PLAYER | OC1_TYPE_1 | OC1_TYPE_2)
#define OC2_NONE 0
#define OC2_HIT_PLAYER (1 << 0)
#define OC2_UNK1 (1 << 1)
#define OC2_TYPE_PLAYER (1 << 3)
#define OC2_TYPE_1 (1 << 4)
#define OC2_TYPE_2 (1 << 5)
#define OC2_FIRST_ONLY (1 << 6)
#define TOUCH_NONE 0
#define TOUCH_ON (1 << 0)
#define TOUCH_HIT (1 << 1)
#define TOUCH_NEAREST (1 << 2)
#define TOUCH_SFX_NORMAL (0 << 3)
#define TOUCH_SFX_HARD (1 << 3)
#define TOUCH_SFX_WOOD (2 << 3)
#define TOUCH_SFX_NONE (3 << 3)
#define TOUCH_AT_HITMARK (1 << 5)
#define BUMP_NONE 0
#define BUMP_ON (1 << 0)
#define BUMP_HIT (1 << 1)
#define BUMP_HOOKABLE (1 << 2)
#define BUMP_NO_AT_INFO (1 << 3)
#define BUMP_NO_DAMAGE (1 << 4)
#define BUMP_NO_SWORD_SFX (1 << 5)
#define BUMP_NO_HITMARK (1 << 6)
#define BUMP_DRAW_HITMARK (1 << 7)
#define ATELEM_NONE TOUCH_NONE
#define ATELEM_ON TOUCH_ON
#define ATELEM_HIT TOUCH_HIT
#define ATELEM_NEAREST TOUCH_NEAREST
#define ATELEM_SFX_NORMAL TOUCH_SFX_NORMAL
#define ATELEM_SFX_HARD TOUCH_SFX_HARD
#define ATELEM_SFX_WOOD TOUCH_SFX_WOOD
#define ATELEM_SFX_NONE TOUCH_SFX_NONE
#define ATELEM_AT_HITMARK TOUCH_AT_HITMARK
#define ACELEM_NONE BUMP_NONE
#define ACELEM_ON BUMP_ON
#define ACELEM_HIT BUMP_HIT
#define ACELEM_HOOKABLE BUMP_HOOKABLE
#define ACELEM_NO_AT_INFO BUMP_NO_AT_INFO
#define ACELEM_NO_DAMAGE BUMP_NO_DAMAGE
#define ACELEM_NO_SWORD_SFX BUMP_NO_SWORD_SFX
#define ACELEM_NO_HITMARK BUMP_NO_HITMARK
#define ACELEM_DRAW_HITMARK BUMP_DRAW_HITMARK
#define OCELEM_NONE 0
#define OCELEM_ON (1 << 0)
#define OCELEM_HIT (1 << 1)
#define OCELEM_UNK3 (1 << 3)

#define DMG_DEKU_NUT (1 << 0)
#define DMG_DEKU_STICK (1 << 1)
#define DMG_SLINGSHOT (1 << 2)
#define DMG_EXPLOSIVE (1 << 3)
#define DMG_BOOMERANG (1 << 4)
#define DMG_ARROW_NORMAL (1 << 5)
#define DMG_HAMMER_SWING (1 << 6)
#define DMG_HOOKSHOT (1 << 7)
#define DMG_SLASH_KOKIRI (1 << 8)
#define DMG_SLASH_MASTER (1 << 9)
#define DMG_SLASH_GIANT (1 << 10)
#define DMG_ARROW_FIRE (1 << 11)
#define DMG_ARROW_ICE (1 << 12)
#define DMG_ARROW_LIGHT (1 << 13)
#define DMG_MAGIC_FIRE (1 << 17)
#define DMG_MAGIC_ICE (1 << 18)
#define DMG_MAGIC_LIGHT (1 << 19)
#define DMG_SHIELD (1 << 20)
#define DMG_MIR_RAY (1 << 21)
#define DMG_SPIN_KOKIRI (1 << 22)
#define DMG_JUMP_MASTER (1 << 27)
#define DMG_DEFAULT ~(DMG_SHIELD | DMG_MIR_RAY)
#define DMG_SWORD (DMG_SLASH_KOKIRI | DMG_SLASH_MASTER | DMG_SLASH_GIANT | DMG_SPIN_KOKIRI | DMG_JUMP_MASTER)

/* --------------------------------------------------------------------- actor -- */

typedef struct {
    Vec3s rot;
    s16 face;
    f32 yOffset;
    ActorShadowFunc shadowDraw;
    f32 shadowScale;
    u8 shadowAlpha;
    u8 feetFloorFlag;
    Vec3f feetPos[2];
} ActorShape;

typedef struct Actor {
    s16 id;
    u8 category;
    s8 room;
    u32 flags;
    PosRot home;
    s16 params;
#if OOT_ERA >= 3
    s8 objectSlot;
    s8 attentionRangeType;
#else
    s8 objBankIndex;
    s8 targetMode;
#endif
    u16 sfx;
    PosRot world;
    PosRot focus;
    union { f32 targetArrowOffset; f32 lockOnArrowOffset; };
    Vec3f scale;
    Vec3f velocity;
#if OOT_ERA >= 3
    f32 speed;
#else
    f32 speedXZ;
#endif
    f32 gravity;
    f32 minVelocityY;
    CollisionPoly* wallPoly;
    CollisionPoly* floorPoly;
    u8 wallBgId;
    u8 floorBgId;
    s16 wallYaw;
    f32 floorHeight;
    union { f32 yDistToWater; f32 depthInWater; };
    u16 bgCheckFlags;
    s16 yawTowardsPlayer;
    f32 xyzDistToPlayerSq;
    f32 xzDistToPlayer;
    f32 yDistToPlayer;
    CollisionCheckInfo colChkInfo;
    ActorShape shape;
    Vec3f projectedPos;
    f32 projectedW;
    union { f32 uncullZoneForward; f32 cullingVolumeDistance; };
    union { f32 uncullZoneScale; f32 cullingVolumeScale; };
    union { f32 uncullZoneDownward; f32 cullingVolumeDownward; };
    Vec3f prevPos;
    union { u8 isTargeted; u8 isLockedOn; };
    union { u8 targetPriority; u8 attentionPriority; };
    u16 textId;
    u16 freezeTimer;
    u16 colorFilterParams;
    u8 colorFilterTimer;
    u8 isDrawn;
    u8 dropFlag;
    u8 naviEnemyId;
    struct Actor* parent;
    struct Actor* child;
    struct Actor* prev;
    struct Actor* next;
    ActorFunc init;
    ActorFunc destroy;
    ActorFunc update;
    ActorFunc draw;
    void* overlayEntry;
} Actor;

typedef struct DynaPolyActor {
    Actor actor;
    s32 bgId;
    f32 unk_150;
    f32 unk_154;
    s16 unk_158;
    u16 unk_15A;
    u32 transformFlags;
    u8 interactFlags;
    s16 unk_162;
} DynaPolyActor;

typedef struct {
    s16 id;
    u8 category;
    u32 flags;
    s16 objectId;
    u32 instanceSize;
    ActorFunc init;
    ActorFunc destroy;
    ActorFunc update;
    ActorFunc draw;
} ActorProfileStruct;
#if OOT_ERA >= 3
typedef ActorProfileStruct ActorProfile;
#else
typedef ActorProfileStruct ActorInit;
#endif

typedef enum {
    ACTORCAT_SWITCH, ACTORCAT_BG, ACTORCAT_PLAYER, ACTORCAT_EXPLOSIVE, ACTORCAT_NPC,
    ACTORCAT_ENEMY, ACTORCAT_PROP, ACTORCAT_ITEMACTION, ACTORCAT_MISC, ACTORCAT_BOSS,
    ACTORCAT_DOOR, ACTORCAT_CHEST, ACTORCAT_MAX
} ActorCategory;

#define ACTOR_FLAG_0 (1 << 0)
#define ACTOR_FLAG_2 (1 << 2)
#define ACTOR_FLAG_3 (1 << 3)
#define ACTOR_FLAG_4 (1 << 4)
#define ACTOR_FLAG_5 (1 << 5)
#define ACTOR_FLAG_6 (1 << 6)
#define ACTOR_FLAG_7 (1 << 7)
#define ACTOR_FLAG_8 (1 << 8)
#define ACTOR_FLAG_9 (1 << 9)
#define ACTOR_FLAG_10 (1 << 10)
#define ACTOR_FLAG_11 (1 << 11)
#define ACTOR_FLAG_12 (1 << 12)
#define ACTOR_FLAG_13 (1 << 13)
#define ACTOR_FLAG_14 (1 << 14)
#define ACTOR_FLAG_15 (1 << 15)
#define ACTOR_FLAG_16 (1 << 16)
#define ACTOR_FLAG_17 (1 << 17)
#define ACTOR_FLAG_18 (1 << 18)
#define ACTOR_FLAG_19 (1 << 19)
#define ACTOR_FLAG_20 (1 << 20)
#define ACTOR_FLAG_22 (1 << 22)
#define ACTOR_FLAG_23 (1 << 23)
#define ACTOR_FLAG_24 (1 << 24)
#define ACTOR_FLAG_25 (1 << 25)
#define ACTOR_FLAG_26 (1 << 26)
#define ACTOR_FLAG_27 (1 << 27)
#define ACTOR_FLAG_28 (1 << 28)
#define ACTOR_FLAG_ATTENTION_ENABLED ACTOR_FLAG_0
#define ACTOR_FLAG_HOSTILE ACTOR_FLAG_2
#define ACTOR_FLAG_FRIENDLY ACTOR_FLAG_3
#define ACTOR_FLAG_UPDATE_CULLING_DISABLED ACTOR_FLAG_4
#define ACTOR_FLAG_DRAW_CULLING_DISABLED ACTOR_FLAG_5
#define ACTOR_FLAG_INSIDE_CULLING_VOLUME ACTOR_FLAG_6
#define ACTOR_FLAG_REACT_TO_LENS ACTOR_FLAG_7
#define ACTOR_FLAG_TALK ACTOR_FLAG_8
#define ACTOR_FLAG_HOOKSHOT_PULLS_ACTOR ACTOR_FLAG_9
#define ACTOR_FLAG_HOOKSHOT_PULLS_PLAYER ACTOR_FLAG_10
#define ACTOR_FLAG_LOCK_ON_DISABLED ACTOR_FLAG_27
#define ACTOR_FLAG_CAN_PRESS_SWITCHES ACTOR_FLAG_26

#define BGCHECKFLAG_GROUND (1 << 0)
#define BGCHECKFLAG_GROUND_TOUCH (1 << 1)
#define BGCHECKFLAG_GROUND_LEAVE (1 << 2)
#define BGCHECKFLAG_WALL (1 << 3)
#define BGCHECKFLAG_CEILING (1 << 4)
#define BGCHECKFLAG_WATER (1 << 5)
#define BGCHECKFLAG_WATER_TOUCH (1 << 6)
#define BGCHECKFLAG_GROUND_STRICT (1 << 7)
#define BGCHECKFLAG_CRUSHED (1 << 8)
#define BGCHECKFLAG_PLAYER_WALL_INTERACT (1 << 9)

#define UPDBGCHECKINFO_FLAG_0 (1 << 0)
#define UPDBGCHECKINFO_FLAG_1 (1 << 1)
#define UPDBGCHECKINFO_FLAG_2 (1 << 2)
#define UPDBGCHECKINFO_FLAG_3 (1 << 3)
#define UPDBGCHECKINFO_FLAG_4 (1 << 4)
#define UPDBGCHECKINFO_FLAG_5 (1 << 5)
#define UPDBGCHECKINFO_FLAG_6 (1 << 6)
#define UPDBGCHECKINFO_FLAG_7 (1 << 7)

#define DPM_UNK 0
#define DPM_PLAYER 1
#define DPM_UNK3 3
#define DYNA_TRANSFORM_POS (1 << 0)
#define DYNA_TRANSFORM_ROT_Y (1 << 1)

/* ------------------------------------------------------------- init chains -- */

typedef struct {
    u32 cont : 1;
    u32 type : 4;
    u32 offset : 11;
    s32 value : 16;
} InitChainEntry;

enum { ICHAINTYPE_U8, ICHAINTYPE_S8, ICHAINTYPE_U16, ICHAINTYPE_S16, ICHAINTYPE_U32,
       ICHAINTYPE_S32, ICHAINTYPE_F32, ICHAINTYPE_F32_DIV1000, ICHAINTYPE_VEC3F,
       ICHAINTYPE_VEC3F_DIV1000, ICHAINTYPE_VEC3S };

#define ICHAIN_CONTINUE 1
#define ICHAIN_STOP 0
#define ICHAIN(type, member, value, cont) \
    { (cont), (type), __builtin_offsetof(Actor, member), (value) }
#define ICHAIN_U8(member, val, cont) ICHAIN(ICHAINTYPE_U8, member, val, cont)
#define ICHAIN_S8(member, val, cont) ICHAIN(ICHAINTYPE_S8, member, val, cont)
#define ICHAIN_U16(member, val, cont) ICHAIN(ICHAINTYPE_U16, member, val, cont)
#define ICHAIN_S16(member, val, cont) ICHAIN(ICHAINTYPE_S16, member, val, cont)
#define ICHAIN_U32(member, val, cont) ICHAIN(ICHAINTYPE_U32, member, val, cont)
#define ICHAIN_S32(member, val, cont) ICHAIN(ICHAINTYPE_S32, member, val, cont)
#define ICHAIN_F32(member, val, cont) ICHAIN(ICHAINTYPE_F32, member, val, cont)
#define ICHAIN_F32_DIV1000(member, val, cont) ICHAIN(ICHAINTYPE_F32_DIV1000, member, val, cont)
#define ICHAIN_VEC3F(member, val, cont) ICHAIN(ICHAINTYPE_VEC3F, member, val, cont)
#define ICHAIN_VEC3F_DIV1000(member, val, cont) ICHAIN(ICHAINTYPE_VEC3F_DIV1000, member, val, cont)
#define ICHAIN_VEC3S(member, val, cont) ICHAIN(ICHAINTYPE_VEC3S, member, val, cont)

/* ---------------------------------------------------------------- animation -- */

typedef struct { s16 frameCount; } AnimationHeaderCommon;
typedef struct { AnimationHeaderCommon common; void* frameData; void* jointIndices; u16 staticIndexMax; } AnimationHeader;
typedef struct { AnimationHeaderCommon common; void* segment; } LinkAnimationHeader;
typedef struct { void** segment; u8 limbCount; } SkeletonHeader;
typedef struct { SkeletonHeader sh; u8 dListCount; } FlexSkeletonHeader;

typedef struct SkelAnime {
    u8 limbCount;
    u8 mode;
    u8 dListCount;
    s8 taper;
    void** skeleton;
    void* animation;
    f32 startFrame;
    f32 endFrame;
    f32 animLength;
    f32 curFrame;
    f32 playSpeed;
    Vec3s* jointTable;
    Vec3s* morphTable;
    f32 morphWeight;
    f32 morphRate;
    s32 (*update)(struct SkelAnime* skelAnime);
    s8 initFlags;
    union { u8 moveFlags; u8 movementFlags; };
    s16 prevRot;
    Vec3s prevTransl;
    Vec3s baseTransl;
} SkelAnime;

typedef enum {
    ANIMMODE_LOOP, ANIMMODE_LOOP_INTERP, ANIMMODE_ONCE, ANIMMODE_ONCE_INTERP,
    ANIMMODE_LOOP_PARTIAL, ANIMMODE_LOOP_PARTIAL_INTERP
} AnimationMode;

typedef struct {
    AnimationHeader* animation;
    f32 playSpeed;
    f32 startFrame;
    f32 frameCount;
    u8 mode;
    f32 morphFrames;
} AnimationInfo;

typedef s32 (*OverrideLimbDrawOpa)(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3f* pos,
                                   Vec3s* rot, void* arg);
typedef void (*PostLimbDrawOpa)(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3s* rot, void* arg);
/* the non-Opa draws (SkelAnime_Draw, SkelAnime_DrawFlex) pass the display list being built too */
typedef s32 (*OverrideLimbDraw)(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3f* pos, Vec3s* rot,
                                void* arg, Gfx** gfx);
typedef void (*PostLimbDraw)(struct PlayState* play, s32 limbIndex, Gfx** dList, Vec3s* rot, void* arg,
                             Gfx** gfx);

s32 SkelAnime_Init(struct PlayState* play, SkelAnime* skelAnime, SkeletonHeader* skeletonHeaderSeg,
                   AnimationHeader* animation, Vec3s* jointTable, Vec3s* morphTable, s32 limbCount);
s32 SkelAnime_InitFlex(struct PlayState* play, SkelAnime* skelAnime, FlexSkeletonHeader* skeletonHeaderSeg,
                       AnimationHeader* animation, Vec3s* jointTable, Vec3s* morphTable, s32 limbCount);
s32 SkelAnime_Update(SkelAnime* skelAnime);
void SkelAnime_Free(SkelAnime* skelAnime, struct PlayState* play);
void SkelAnime_DrawOpa(struct PlayState* play, void** skeleton, Vec3s* jointTable,
                       OverrideLimbDrawOpa overrideLimbDraw, PostLimbDrawOpa postLimbDraw, void* arg);
void SkelAnime_DrawFlexOpa(struct PlayState* play, void** skeleton, Vec3s* jointTable, s32 dListCount,
                           OverrideLimbDrawOpa overrideLimbDraw, PostLimbDrawOpa postLimbDraw, void* arg);
Gfx* SkelAnime_Draw(struct PlayState* play, void** skeleton, Vec3s* jointTable,
                    OverrideLimbDraw overrideLimbDraw, PostLimbDraw postLimbDraw, void* arg, Gfx* gfx);
void Animation_Change(SkelAnime* skelAnime, AnimationHeader* animation, f32 playSpeed, f32 startFrame,
                      f32 endFrame, u8 mode, f32 morphFrames);
void Animation_PlayOnce(SkelAnime* skelAnime, AnimationHeader* animation);
void Animation_PlayOnceSetSpeed(SkelAnime* skelAnime, AnimationHeader* animation, f32 playSpeed);
void Animation_PlayLoop(SkelAnime* skelAnime, AnimationHeader* animation);
void Animation_PlayLoopSetSpeed(SkelAnime* skelAnime, AnimationHeader* animation, f32 playSpeed);
void Animation_MorphToLoop(SkelAnime* skelAnime, AnimationHeader* animation, f32 morphFrames);
void Animation_MorphToPlayOnce(SkelAnime* skelAnime, AnimationHeader* animation, f32 morphFrames);
s16 Animation_GetLastFrame(void* animation);
s16 Animation_GetFrameCount(void* animation);
s32 Animation_OnFrame(SkelAnime* skelAnime, f32 frame);
void Animation_ChangeByInfo(SkelAnime* skelAnime, AnimationInfo* animationInfo, s32 index);

/* ------------------------------------------------------------ play contexts -- */

typedef struct {
    s32 length;
    Actor* head;
} ActorListEntry;

typedef struct {
    u8 freezeFlashTimer;
    u8 unk_01;
    u8 unk_02;
    u8 lensActive;
    u8 total;
    union { ActorListEntry actorLists[ACTORCAT_MAX]; ActorListEntry actorList[ACTORCAT_MAX]; };
    struct {
        u32 swch;
        u32 tempSwch;
        u32 unk0;
        u32 unk1;
        u32 chest;
        u32 clear;
        u32 tempClear;
        u32 collect;
        u32 tempCollect;
    } flags;
    struct Attention {
        Vec3f naviHoverPos;
        Vec3f reticlePos;
        Color_RGBAf naviInnerColor;
        Color_RGBAf naviOuterColor;
        struct Actor* naviHoverActor;
        struct Actor* reticleActor;
        f32 naviMoveProgressFactor;
        f32 reticleRadius;
        s16 reticleFadeAlphaControl;
        u8 naviHoverActorCategory;
        u8 reticleSpinCounter;
        s8 curReticle;
        struct Actor* forcedLockOnActor;
        struct Actor* bgmEnemy;
        struct Actor* arrowHoverActor;
    } attention;
    struct TitleCardContext {
        void* texture;
        s16 x;
        s16 y;
        u8 width;
        u8 height;
        u8 durationTimer;
        u8 delayTimer;
        s16 alpha;
        s16 intensity;
    } titleCtx;
} ActorContext;
typedef struct Attention Attention;
typedef struct TitleCardContext TitleCardContext;

typedef struct {
    s16 id;
    void* segment;
} ObjectEntry;

typedef struct {
    void* spaceStart;
    void* spaceEnd;
    u8 numEntries;
    u8 numPersistentEntries;
    union { u8 mainKeepSlot; u8 mainKeepIndex; };
    union { u8 subKeepSlot; u8 subKeepIndex; };
    union { ObjectEntry slots[19]; ObjectEntry status[19]; };
} ObjectContext;

typedef struct {
    u16 id;
    u16 startFrame;
    u16 endFrame;
    Vec3s rot;
    Vec3i startPos;
    Vec3i endPos;
} CsCmdActorCue;
typedef CsCmdActorCue CsCmdActorAction;

typedef struct {
    char unk_00[4];
    void* script;
    u8 state;
    f32 timer;
    u16 curFrame;
    union { CsCmdActorCue* actorCues[10]; CsCmdActorCue* npcActions[10]; };
    union { CsCmdActorCue* playerCue; CsCmdActorCue* linkAction; };
    u16 camEyeSplinePointsAppliedFrame;
    u8 camAtReady;
    u8 camEyeReady;
} CutsceneContext;

typedef struct {
    u16 textId;
    u8 msgMode;
    u8 textboxEndType;
    u8 choiceIndex;
    u8 ocarinaMode;
    u16 lastPlayedSong;
    u8 ocarinaAction;
    u8 lastOcarinaButtonIndex;
    u16 unk_E3F2;
    s32 msgLength;
    char stateTimer;
    s16 disableSunsSong;
} MessageContext;

typedef struct {
    u8 type;
    u8 color[3];
    s16 x, y, z;
    s16 radius;
} LightPoint;

typedef struct {
    u8 type;
    union { LightPoint point; struct { s8 x, y, z; u8 color[3]; } dir; u8 raw[12]; } params;
} LightInfo;

typedef struct {
    u8 lightBlend;
    u16 skyboxDmaState;
    Vec3f sunPos;
    u8 fogNear;
    u8 precipitation[4];
    u8 screenFillColor[4];
    f32 windSpeed;
    Vec3s windDirection;
    s16 adjAmbientColor[3];
    s16 adjLight1Color[3];
    s16 adjFogColor[3];
    s16 adjFogNear;
    s16 adjZFar;
    u8 skyboxConfig;
    u8 changeSkyboxNextConfig;
    u8 changeSkyboxState;
    u16 changeSkyboxTimer;
    u8 lightMode;
    u8 lightConfig;
    u8 changeLightNextConfig;
    u8 changeLightEnabled;
    u16 changeLightTimer;
    u16 changeDuration;
    LightInfo dirLight1;
    u8 lightSetting;
    u8 prevLightSetting;
    u8 lightSettingOverride;
    u16 lightBlendRateOverride;
    u8 lightBlendOverride;
    u8 stormRequest;
    u8 stormState;
    u8 lightningState;
    u8 fillScreen;
    struct {
        u8 ambientColor[3];
        s8 light1Dir[3];
        u8 light1Color[3];
        s8 light2Dir[3];
        u8 light2Color[3];
        u8 fogColor[3];
        s16 fogNear;
        s16 zFar;
    } lightSettings;
    u8 customSkyboxFilter;
    u8 skyboxFilterColor[4];
} EnvironmentContext;

typedef struct {
    s8 num;
    u8 unk_01;
    union { u8 behaviorType2; u8 environmentType; };
    union { u8 behaviorType1; u8 type; };
    s8 echo;
    u8 lensMode;
    void* segment;
} Room;

typedef struct {
    Room curRoom;
    Room prevRoom;
    u8 activeBufPage;
    s8 status;
    s16 drawParams[2];
} RoomContext;

typedef struct {
    Vec3f eye;
    Vec3f at;
    Vec3f up;
    f32 fovy;
} View;

typedef struct Camera {
    Vec3f at;
    Vec3f eye;
    Vec3f eyeNext;
    s16 camId;
    s16 setting;
    s16 mode;
    s16 bgCamIndex;
    s16 roll;
    s16 animState;
    f32 fov;
    struct Actor* target;
    struct Player* player;
    struct PlayState* play;
    Vec3s camDir;
    s16 childCamId;
} Camera;


typedef struct Lights {
    u8 numLights;
    Vec3f* dirs;
} Lights;

typedef struct LightNode {
    LightInfo* info;
    struct LightNode* prev;
    struct LightNode* next;
} LightNode;

typedef struct {
    LightNode* listHead;
    u8 ambientColor[3];
    u8 fogColor[3];
    s16 fogNear;
    s16 zFar;
} LightContext;

/* the pause menu and respawn points, as far as actors read them */
struct PauseContext {
    u16 state;
    u16 debugState;
    u16 pageIndex;
};
typedef struct PauseContext PauseContext;

struct RespawnData {
    Vec3f pos;
    s16 yaw;
    s16 playerParams;
    s16 entranceIndex;
    u8 roomIndex;
    s8 data;
    u32 tempSwitchFlags;
    u32 tempCollectFlags;
};
typedef struct RespawnData RespawnData;

/* the doors and other actors that join rooms (PlayState.transitionActors) */
typedef struct TransitionActorEntry {
    struct {
        s8 room;
        s8 bgCamIndex;
    } sides[2];
    s16 id;
    Vec3s pos;
    s16 rotY;
    s16 params;
} TransitionActorEntry;

typedef struct TransitionActorList {
    u8 count;
    TransitionActorEntry* list;
} TransitionActorList;

struct PlayState {
    GameState state;
    s16 sceneId_unused;
    union { s16 sceneId; s16 sceneNum; };
    u8 sceneDrawConfig;
    View view;
    Camera mainCamera;
    Camera* cameraPtrs[4];
    s16 activeCamId;
    s16 nextCamId;
    LightContext lightCtx;
    CollisionContext colCtx;
    ActorContext actorCtx;
    CutsceneContext csCtx;
    MessageContext msgCtx;
    EnvironmentContext envCtx;
    RoomContext roomCtx;
    ObjectContext objectCtx;
    CollisionCheckContext colChkCtx;
    u32 gameplayFrames;
    union { s8 transitionTrigger; s8 sceneLoadFlag; };
    union { u8 transitionType; u8 fadeTransition; };
    s16 nextEntranceIndex;
    u8 shootingGalleryStatus;
    u8 bombchuBowlingStatus;
    struct Path* pathList;
    struct PauseContext pauseCtx;
    void* specialEffects;
    s16 bgCoverAlpha;
    MtxF viewProjectionMtxF;
    MtxF billboardMtxF;
    TransitionActorList transitionActors;
    void (*playerInit)(struct Player* player, struct PlayState* play, FlexSkeletonHeader* skelHeader);
    int (*isPlayerDroppingFish)(struct PlayState* play);
    s32 (*grabPlayer)(struct PlayState* play, struct Player* player);
    void (*func_11D54)(struct Player* player, struct PlayState* play);
    void (*playerUpdate)(struct Player* player, struct PlayState* play, Input* input);
    s32 (*startPlayerFishing)(struct PlayState* play);
    s32 (*tryPlayerCsAction)(struct PlayState* play, Actor* actor, s32 csAction);
    s32 (*damagePlayer)(struct PlayState* play, s32 damage);
    void (*talkWithPlayer)(struct PlayState* play, Actor* actor);
    Mtx* billboardMtx;
    struct { u16 state; } gameOverCtx;
    u8 linkAgeOnLoad;
    u8 spawn;
    u8 skyboxId;
    u8 transitionMode;
};

#define GET_PLAYER(play) ((struct Player*)(play)->actorCtx.actorLists[ACTORCAT_PLAYER].head)
#define GET_ACTIVE_CAM(play) ((play)->cameraPtrs[(play)->activeCamId])
#if OOT_ERA == 1
#define PLAYER ((struct Player*)globalCtx->actorCtx.actorLists[ACTORCAT_PLAYER].head)
#endif
#define CAM_ID_MAIN 0
#define MAIN_CAM 0

/* -------------------------------------------------------------------- player -- */

/* a melee weapon's two ends (Player.meleeWeaponInfo) */
typedef struct WeaponInfo {
    s32 active;
    Vec3f posA; /* the tip */
    Vec3f posB; /* the base */
} WeaponInfo;

/* per-age movement constants and animations (Player.ageProperties) */
typedef struct PlayerAgeProperties {
    f32 ceilingCheckHeight;
    f32 unk_04;
    f32 unk_08;
    f32 unk_0C;
    f32 unk_10;
    f32 unk_14;
    f32 unk_18;
    f32 unk_1C;
    f32 unk_20;
    f32 unk_24;
    f32 unk_28;
    f32 unk_2C;
    f32 unk_30;
    f32 unk_34;
    f32 wallCheckRadius;
    f32 unk_3C;
    f32 unk_40;
    Vec3s unk_44;
    Vec3s unk_4A[4];
    Vec3s unk_62[4];
    Vec3s unk_7A[2];
    Vec3s unk_86[2];
    u16 unk_92;
    u16 unk_94;
    LinkAnimationHeader* unk_98;
    LinkAnimationHeader* timeTravelStartAnim;
    LinkAnimationHeader* timeTravelEndAnim;
    LinkAnimationHeader* unk_A4;
    LinkAnimationHeader* unk_A8;
    LinkAnimationHeader* unk_AC[4];
    LinkAnimationHeader* unk_BC[2];
    LinkAnimationHeader* unk_C4[2];
    LinkAnimationHeader* unk_CC[2];
} PlayerAgeProperties;

typedef struct Player {
    Actor actor;
    s8 currentTunic;
    s8 currentSwordItemId;
    s8 currentShield;
    s8 currentBoots;
    s8 heldItemButton;
    s8 heldItemAction;
    u8 heldItemId;
    s8 prevBoots;
    s8 itemAction;
    s8 currentMask;
    Vec3f bodyPartsPos[18];
    SkelAnime skelAnime;
    Vec3s jointTable[23];
    Vec3s morphTable[23];
    Actor* heldActor;
    Actor* rideActor;
    s8 exchangeItemId;
    Actor* talkActor;
    union { Actor* focusActor; Actor* unk_664; };
    u32 stateFlags1;
    u32 stateFlags2;
    u32 stateFlags3;
    s16 yaw;
    union { f32 linearVelocity; f32 speedXZ; };
    s8 invincibilityTimer;
    u8 meleeWeaponAnimation;
    u8 meleeWeaponState;
    s8 unk_845;
    struct PlayerAgeProperties* ageProperties;
    Vec3f leftHandPos;
    s8 doorType;
    s8 doorDirection;
    s16 doorTimer;
    Actor* doorActor;
    Actor* interactRangeActor;
    ColliderQuad meleeWeaponQuads[2];
    ColliderQuad shieldQuad;
    s16 naviTextId;
    s16 unk_860;
    MtxF shieldMf;
    u8 csAction;
    Actor* csActor;
    union {
        s16 haltActorsDuringCsAction;
        s16 slidingDoorBgCamIndex;
    } cv;
    ColliderCylinder cylinder;
    s32 meleeWeaponEffectIndex;
    s8 unk_844;
    union {
        s8 actionVar1;
        s8 startedAnim;
        s8 facingUpSlope;
        s8 isLakeHyliaCs;
        s8 bottleCatchType;
    } av1;
    union {
        s16 actionVar2;
        s16 fallDamageStunTimer;
        s16 bonked;
        s16 animDelayTimer;
        s16 startedTextbox;
        s16 inWater;
        s16 csDelayTimer;
        s16 playedLandingSfx;
        s16 appearTimer;
    } av2;
    u8 knockbackDamage;
    u8 knockbackType;
    s16 knockbackRot;
    f32 knockbackSpeed;
    f32 knockbackYVelocity;
    f32 pushedSpeed;
    s16 pushedYaw;
    WeaponInfo meleeWeaponInfo[3];
    MtxF mf_9E0;
    u8 rightHandType;
    Vec3f unk_3C8;
    Vec3f unk_450;
    s32 zTargetActiveTimer;
    Actor* naviActor;
    Actor* autoLockOnActor;
    Actor* unk_6A8;
    s16 parallelYaw;
    f32 unk_858;
    f32 unk_85C;
    s16 fallStartHeight;
    s16 fallDistance;
    u16 floorSfxOffset;
    u8 bodyIsBurning;
    u8 bodyFlameTimers[18];
    u8 unk_A73;
} Player;

#define PLAYER_STATE1_0 (1 << 0)
#define PLAYER_STATE1_1 (1 << 1)
#define PLAYER_STATE1_2 (1 << 2)
#define PLAYER_STATE1_3 (1 << 3)
#define PLAYER_STATE1_4 (1 << 4)
#define PLAYER_STATE1_5 (1 << 5)
#define PLAYER_STATE1_6 (1 << 6)
#define PLAYER_STATE1_7 (1 << 7)
#define PLAYER_STATE1_10 (1 << 10)
#define PLAYER_STATE1_11 (1 << 11)
#define PLAYER_STATE1_12 (1 << 12)
#define PLAYER_STATE1_13 (1 << 13)
#define PLAYER_STATE1_14 (1 << 14)
#define PLAYER_STATE1_18 (1 << 18)
#define PLAYER_STATE1_20 (1 << 20)
#define PLAYER_STATE1_21 (1 << 21)
#define PLAYER_STATE1_23 (1 << 23)
#define PLAYER_STATE1_27 (1 << 27)
#define PLAYER_STATE1_29 (1 << 29)
#define PLAYER_STATE2_0 (1 << 0)
#define PLAYER_STATE2_4 (1 << 4)
#define PLAYER_STATE2_10 (1 << 10)
#define PLAYER_STATE2_19 (1 << 19)
#define PLAYER_STATE3_0 (1 << 0)
#define PLAYER_STATE1_TALKING PLAYER_STATE1_6
#define PLAYER_STATE1_DEAD PLAYER_STATE1_7
#define PLAYER_STATE1_HOSTILE_LOCK_ON PLAYER_STATE1_4
#define PLAYER_STATE1_CARRYING_ACTOR PLAYER_STATE1_11
#define PLAYER_STATE1_ON_HORSE PLAYER_STATE1_23
#define PLAYER_STATE1_IN_WATER PLAYER_STATE1_27
#define PLAYER_STATE1_IN_CUTSCENE PLAYER_STATE1_29

typedef enum {
    PLAYER_MASK_NONE, PLAYER_MASK_KEATON, PLAYER_MASK_SKULL, PLAYER_MASK_SPOOKY,
    PLAYER_MASK_BUNNY, PLAYER_MASK_GORON, PLAYER_MASK_ZORA, PLAYER_MASK_GERUDO,
    PLAYER_MASK_TRUTH, PLAYER_MASK_MAX
} PlayerMask;

typedef enum {
    PLAYER_BOOTS_KOKIRI, PLAYER_BOOTS_IRON, PLAYER_BOOTS_HOVER
} PlayerBoots;

s32 Player_InCsMode(struct PlayState* play);
s32 Player_GetMask(struct PlayState* play);
void Player_UnsetMask(struct PlayState* play);
s32 Player_HasMirrorShieldEquipped(struct PlayState* play);
void Player_PlaySfx(Player* player, u16 sfxId);
s32 Player_IsFacingActor(Actor* actor, s16 maxAngle, struct PlayState* play);
#if OOT_ERA >= 3
s32 Player_SetCsActionWithHaltedActors(struct PlayState* play, Actor* csActor, u8 csAction);
#else
s32 func_8002DF54(struct PlayState* play, Actor* actor, u8 csMode);
#endif

/* ---------------------------------------------------------------- save data -- */

typedef struct {
    u8 items[24];
    s8 ammo[16];
    u16 equipment;
    u32 upgrades;
    u32 questItems;
    u8 dungeonItems[20];
    s8 dungeonKeys[19];
    s8 defenseHearts;
    s16 gsTokens;
} Inventory;

typedef struct {
    u32 chest;
    u32 swch;
    u32 clear;
    u32 collect;
    u32 unk;
    u32 rooms;
    u32 floors;
} SavedSceneFlags;

typedef struct {
    char newf[6];
    u16 deaths;
    char playerName[8];
    s16 n64ddFlag;
    s16 healthCapacity;
    s16 health;
    s8 magicLevel;
    s8 magic;
    s16 rupees;
    u16 swordHealth;
    u16 naviTimer;
    u8 isMagicAcquired;
    u8 isDoubleMagicAcquired;
    u8 isDoubleDefenseAcquired;
    u8 bgsFlag;
    u8 ocarinaGameRoundNum;
} PlayerData;

typedef struct {
    PlayerData playerData;
    Inventory inventory;
    SavedSceneFlags sceneFlags[124];
    u16 eventChkInf[14];
    u16 itemGetInf[4];
    u16 infTable[30];
    u32 worldMapAreaData;
    u16 eventInf[4];
    u8 scarecrowLongSongSet;
    u8 scarecrowLongSong[0x360];
    u8 scarecrowSpawnSongSet;
    u8 scarecrowSpawnSong[0x80];
    s32 highScores[7];
} SaveInfo;

typedef struct {
    s32 entranceIndex;
    s32 linkAge;
    s32 cutsceneIndex;
    u16 dayTime;
    s32 nightFlag;
    s32 totalDays;
    s32 bgsDayCount;
    SaveInfo info;
} Save;

typedef struct {
    union {
        Save save;
        struct {
            s32 entranceIndex;
            s32 linkAge;
            s32 cutsceneIndex;
            u16 dayTime;
            s32 nightFlag;
            s32 totalDays;
            s32 bgsDayCount;
            union {
                SaveInfo info;
                struct {
                    union {
                        PlayerData playerData;
                        struct {
                            char newf[6];
                            u16 deaths;
                            char playerName[8];
                            s16 n64ddFlag;
                            s16 healthCapacity;
                            s16 health;
                            s8 magicLevel;
                            s8 magic;
                            s16 rupees;
                            u16 swordHealth;
                            u16 naviTimer;
                            u8 isMagicAcquired;
                            u8 isDoubleMagicAcquired;
                            u8 isDoubleDefenseAcquired;
                            u8 bgsFlag;
                            u8 ocarinaGameRoundNum;
                        };
                    };
                    Inventory inventory;
                    SavedSceneFlags sceneFlags[124];
                    u16 eventChkInf[14];
                    u16 itemGetInf[4];
                    u16 infTable[30];
                    u32 worldMapAreaData;
                    u16 eventInf[4];
                    u8 scarecrowLongSongSet;
                    u8 scarecrowLongSong[0x360];
                    u8 scarecrowSpawnSongSet;
                    u8 scarecrowSpawnSong[0x80];
                    s32 highScores[7];
                };
            };
        };
    };
    s32 fileNum;
    s32 gameMode;
    s32 sceneLayer;
    s32 respawnFlag;
    struct RespawnData respawn[3];
    s16 timerState;
    s16 timerSeconds;
    u16 nextDayTime;
    s16 rupeeAccumulator;
    s16 healthAccumulator;
    u8 buttonStatus[5];
    s16 magicState;
    u16 mapIndex;
    u8 cutsceneTrigger;
    s16 dogParams;
    u8 chamberCutsceneNum;
    u8 dogIsLost;
    s16 nayrusLoveTimer;
    s16 subTimerState;
    s16 subTimerSeconds;
    u8 forceRisingButtonAlphas;
    u16 prevHudVisibilityMode;
    s16 magicCapacity;
    s16 magicFillTarget;
    u16 minigameState;
    u16 minigameScore;
    u8 language;
    u8 soundSetting;
    u8 zTargetSetting;
    u16 nextCutsceneIndex;
    u8 transFadeDuration;
    u8 transWipeSpeed;
    u8 nextTransitionType;
    s16 sunsSongState;
} SaveContext;

extern SaveContext gSaveContext;

#define LINK_AGE_ADULT 0
#define LINK_AGE_CHILD 1
#define LINK_IS_ADULT (gSaveContext.save.linkAge == LINK_AGE_ADULT)
#define LINK_IS_CHILD (gSaveContext.save.linkAge == LINK_AGE_CHILD)
#define IS_DAY (gSaveContext.save.nightFlag == 0)
#define IS_NIGHT (gSaveContext.save.nightFlag == 1)

#define EVENTCHKINF_INDEX(flag) ((flag) >> 4)
#define EVENTCHKINF_MASK(flag) (1 << ((flag) & 0xF))
#define GET_EVENTCHKINF(flag) (gSaveContext.save.info.eventChkInf[EVENTCHKINF_INDEX(flag)] & EVENTCHKINF_MASK(flag))
#define SET_EVENTCHKINF(flag) (gSaveContext.save.info.eventChkInf[EVENTCHKINF_INDEX(flag)] |= EVENTCHKINF_MASK(flag))
#define CLEAR_EVENTCHKINF(flag) (gSaveContext.save.info.eventChkInf[EVENTCHKINF_INDEX(flag)] &= ~EVENTCHKINF_MASK(flag))
#define GET_INFTABLE(flag) (gSaveContext.save.info.infTable[(flag) >> 4] & (1 << ((flag) & 0xF)))
#define SET_INFTABLE(flag) (gSaveContext.save.info.infTable[(flag) >> 4] |= (1 << ((flag) & 0xF)))
#define CLEAR_INFTABLE(flag) (gSaveContext.save.info.infTable[(flag) >> 4] &= ~(1 << ((flag) & 0xF)))
#define GET_ITEMGETINF(flag) (gSaveContext.save.info.itemGetInf[(flag) >> 4] & (1 << ((flag) & 0xF)))
#define SET_ITEMGETINF(flag) (gSaveContext.save.info.itemGetInf[(flag) >> 4] |= (1 << ((flag) & 0xF)))

/* the game's items, in its order (ItemID) */
typedef enum ItemID {
    ITEM_DEKU_STICK, ITEM_DEKU_NUT, ITEM_BOMB, ITEM_BOW, ITEM_ARROW_FIRE, ITEM_DINS_FIRE, ITEM_SLINGSHOT,
    ITEM_OCARINA_FAIRY, ITEM_OCARINA_OF_TIME, ITEM_BOMBCHU, ITEM_HOOKSHOT, ITEM_LONGSHOT, ITEM_ARROW_ICE,
    ITEM_FARORES_WIND, ITEM_BOOMERANG, ITEM_LENS_OF_TRUTH, ITEM_MAGIC_BEAN, ITEM_HAMMER, ITEM_ARROW_LIGHT,
    ITEM_NAYRUS_LOVE, ITEM_BOTTLE_EMPTY, ITEM_BOTTLE_POTION_RED, ITEM_BOTTLE_POTION_GREEN, ITEM_BOTTLE_POTION_BLUE,
    ITEM_BOTTLE_FAIRY, ITEM_BOTTLE_FISH, ITEM_BOTTLE_MILK_FULL, ITEM_BOTTLE_RUTOS_LETTER, ITEM_BOTTLE_BLUE_FIRE,
    ITEM_BOTTLE_BUG, ITEM_BOTTLE_BIG_POE, ITEM_BOTTLE_MILK_HALF, ITEM_BOTTLE_POE, ITEM_WEIRD_EGG, ITEM_CHICKEN,
    ITEM_ZELDAS_LETTER, ITEM_MASK_KEATON, ITEM_MASK_SKULL, ITEM_MASK_SPOOKY, ITEM_MASK_BUNNY_HOOD, ITEM_MASK_GORON,
    ITEM_MASK_ZORA, ITEM_MASK_GERUDO, ITEM_MASK_TRUTH, ITEM_SOLD_OUT, ITEM_POCKET_EGG, ITEM_POCKET_CUCCO,
    ITEM_COJIRO, ITEM_ODD_MUSHROOM, ITEM_ODD_POTION, ITEM_POACHERS_SAW, ITEM_BROKEN_GORONS_SWORD, ITEM_PRESCRIPTION,
    ITEM_EYEBALL_FROG, ITEM_EYE_DROPS, ITEM_CLAIM_CHECK, ITEM_BOW_FIRE, ITEM_BOW_ICE, ITEM_BOW_LIGHT,
    ITEM_SWORD_KOKIRI, ITEM_SWORD_MASTER, ITEM_SWORD_BIGGORON, ITEM_SHIELD_DEKU, ITEM_SHIELD_HYLIAN,
    ITEM_SHIELD_MIRROR, ITEM_TUNIC_KOKIRI, ITEM_TUNIC_GORON, ITEM_TUNIC_ZORA, ITEM_BOOTS_KOKIRI, ITEM_BOOTS_IRON,
    ITEM_BOOTS_HOVER, ITEM_BULLET_BAG_30, ITEM_BULLET_BAG_40, ITEM_BULLET_BAG_50, ITEM_QUIVER_30, ITEM_QUIVER_40,
    ITEM_QUIVER_50, ITEM_BOMB_BAG_20, ITEM_BOMB_BAG_30, ITEM_BOMB_BAG_40, ITEM_STRENGTH_GORONS_BRACELET,
    ITEM_STRENGTH_SILVER_GAUNTLETS, ITEM_STRENGTH_GOLD_GAUNTLETS, ITEM_SCALE_SILVER, ITEM_SCALE_GOLDEN,
    ITEM_GIANTS_KNIFE, ITEM_ADULTS_WALLET, ITEM_GIANTS_WALLET, ITEM_DEKU_SEEDS, ITEM_FISHING_POLE, ITEM_SONG_MINUET,
    ITEM_SONG_BOLERO, ITEM_SONG_SERENADE, ITEM_SONG_REQUIEM, ITEM_SONG_NOCTURNE, ITEM_SONG_PRELUDE,
    ITEM_SONG_LULLABY, ITEM_SONG_EPONA, ITEM_SONG_SARIA, ITEM_SONG_SUN, ITEM_SONG_TIME, ITEM_SONG_STORMS,
    ITEM_MEDALLION_FOREST, ITEM_MEDALLION_FIRE, ITEM_MEDALLION_WATER, ITEM_MEDALLION_SPIRIT, ITEM_MEDALLION_SHADOW,
    ITEM_MEDALLION_LIGHT, ITEM_KOKIRI_EMERALD, ITEM_GORON_RUBY, ITEM_ZORA_SAPPHIRE, ITEM_STONE_OF_AGONY,
    ITEM_GERUDOS_CARD, ITEM_SKULL_TOKEN, ITEM_HEART_CONTAINER, ITEM_HEART_PIECE, ITEM_DUNGEON_BOSS_KEY,
    ITEM_DUNGEON_COMPASS, ITEM_DUNGEON_MAP, ITEM_SMALL_KEY, ITEM_MAGIC_JAR_SMALL, ITEM_MAGIC_JAR_BIG,
    ITEM_HEART_PIECE_2, ITEM_INVALID_1, ITEM_INVALID_2, ITEM_INVALID_3, ITEM_INVALID_4, ITEM_INVALID_5,
    ITEM_INVALID_6, ITEM_INVALID_7, ITEM_MILK, ITEM_RECOVERY_HEART, ITEM_RUPEE_GREEN, ITEM_RUPEE_BLUE,
    ITEM_RUPEE_RED, ITEM_RUPEE_PURPLE, ITEM_RUPEE_GOLD, ITEM_INVALID_8, ITEM_DEKU_STICKS_5, ITEM_DEKU_STICKS_10,
    ITEM_DEKU_NUTS_5, ITEM_DEKU_NUTS_10, ITEM_BOMBS_5, ITEM_BOMBS_10, ITEM_BOMBS_20, ITEM_BOMBS_30, ITEM_ARROWS_5,
    ITEM_ARROWS_10, ITEM_ARROWS_30, ITEM_DEKU_SEEDS_30, ITEM_BOMBCHUS_5, ITEM_BOMBCHUS_20,
    ITEM_DEKU_STICK_UPGRADE_20, ITEM_DEKU_STICK_UPGRADE_30, ITEM_DEKU_NUT_UPGRADE_30, ITEM_DEKU_NUT_UPGRADE_40,
    ITEM_SWORD_CS = 0xFC, ITEM_NONE_FE = 0xFE, ITEM_NONE = 0xFF
} ItemID;
typedef ItemID ItemId;
#define ITEM_HEART ITEM_RECOVERY_HEART /* its older name */

typedef enum {
    SLOT_DEKU_STICK, SLOT_DEKU_NUT, SLOT_BOMB, SLOT_BOW, SLOT_ARROW_FIRE, SLOT_DINS_FIRE,
    SLOT_SLINGSHOT, SLOT_OCARINA, SLOT_BOMBCHU, SLOT_HOOKSHOT, SLOT_ARROW_ICE,
    SLOT_FARORES_WIND, SLOT_BOOMERANG, SLOT_LENS_OF_TRUTH, SLOT_MAGIC_BEAN, SLOT_HAMMER,
    SLOT_ARROW_LIGHT, SLOT_NAYRUS_LOVE, SLOT_BOTTLE_1, SLOT_BOTTLE_2, SLOT_BOTTLE_3,
    SLOT_BOTTLE_4, SLOT_TRADE_ADULT, SLOT_TRADE_CHILD, SLOT_NONE = 0xFF
} InventorySlot;

/* get-item ids, in the game's order */
typedef enum GetItemID {
    GI_NONE, GI_BOMBS_5, GI_DEKU_NUTS_5, GI_BOMBCHUS_10, GI_BOW, GI_SLINGSHOT, GI_BOOMERANG, GI_DEKU_STICKS_1,
    GI_HOOKSHOT, GI_LONGSHOT, GI_LENS_OF_TRUTH, GI_ZELDAS_LETTER, GI_OCARINA_OF_TIME, GI_HAMMER, GI_COJIRO,
    GI_BOTTLE_EMPTY, GI_BOTTLE_POTION_RED, GI_BOTTLE_POTION_GREEN, GI_BOTTLE_POTION_BLUE, GI_BOTTLE_FAIRY,
    GI_BOTTLE_MILK_FULL, GI_BOTTLE_RUTOS_LETTER, GI_MAGIC_BEAN, GI_MASK_SKULL, GI_MASK_SPOOKY, GI_CHICKEN,
    GI_MASK_KEATON, GI_MASK_BUNNY_HOOD, GI_MASK_TRUTH, GI_POCKET_EGG, GI_POCKET_CUCCO, GI_ODD_MUSHROOM,
    GI_ODD_POTION, GI_POACHERS_SAW, GI_BROKEN_GORONS_SWORD, GI_PRESCRIPTION, GI_EYEBALL_FROG, GI_EYE_DROPS,
    GI_CLAIM_CHECK, GI_SWORD_KOKIRI, GI_SWORD_KNIFE, GI_SHIELD_DEKU, GI_SHIELD_HYLIAN, GI_SHIELD_MIRROR,
    GI_TUNIC_GORON, GI_TUNIC_ZORA, GI_BOOTS_IRON, GI_BOOTS_HOVER, GI_QUIVER_40, GI_QUIVER_50, GI_BOMB_BAG_20,
    GI_BOMB_BAG_30, GI_BOMB_BAG_40, GI_SILVER_GAUNTLETS, GI_GOLD_GAUNTLETS, GI_SCALE_SILVER, GI_SCALE_GOLDEN,
    GI_STONE_OF_AGONY, GI_GERUDOS_CARD, GI_OCARINA_FAIRY, GI_DEKU_SEEDS_5, GI_HEART_CONTAINER, GI_HEART_PIECE,
    GI_BOSS_KEY, GI_COMPASS, GI_DUNGEON_MAP, GI_SMALL_KEY, GI_MAGIC_JAR_SMALL, GI_MAGIC_JAR_LARGE,
    GI_WALLET_ADULT, GI_WALLET_GIANT, GI_WEIRD_EGG, GI_RECOVERY_HEART, GI_ARROWS_5, GI_ARROWS_10, GI_ARROWS_30,
    GI_RUPEE_GREEN, GI_RUPEE_BLUE, GI_RUPEE_RED, GI_HEART_CONTAINER_2, GI_MILK, GI_MASK_GORON, GI_MASK_ZORA,
    GI_MASK_GERUDO, GI_GORONS_BRACELET, GI_RUPEE_PURPLE, GI_RUPEE_GOLD, GI_SWORD_BIGGORON, GI_ARROW_FIRE,
    GI_ARROW_ICE, GI_ARROW_LIGHT, GI_SKULL_TOKEN, GI_DINS_FIRE, GI_FARORES_WIND, GI_NAYRUS_LOVE,
    GI_BULLET_BAG_30, GI_BULLET_BAG_40, GI_DEKU_STICKS_5, GI_DEKU_STICKS_10, GI_DEKU_NUTS_5_2, GI_DEKU_NUTS_10,
    GI_BOMBS_1, GI_BOMBS_10, GI_BOMBS_20, GI_BOMBS_30, GI_DEKU_SEEDS_30, GI_BOMBCHUS_5, GI_BOMBCHUS_20,
    GI_BOTTLE_FISH, GI_BOTTLE_BUGS, GI_BOTTLE_BLUE_FIRE, GI_BOTTLE_POE, GI_BOTTLE_BIG_POE, GI_DOOR_KEY,
    GI_RUPEE_GREEN_LOSE, GI_RUPEE_BLUE_LOSE, GI_RUPEE_RED_LOSE, GI_RUPEE_PURPLE_LOSE, GI_HEART_PIECE_WIN,
    GI_DEKU_STICK_UPGRADE_20, GI_DEKU_STICK_UPGRADE_30, GI_DEKU_NUT_UPGRADE_30, GI_DEKU_NUT_UPGRADE_40,
    GI_BULLET_BAG_50, GI_ICE_TRAP, GI_TEXT_0, GI_MAX
} GetItemID;
typedef GetItemID GetItemId;

void Rupees_ChangeBy(s16 rupeeChange);
s32 Health_ChangeBy(struct PlayState* play, s16 amount);
u8 Item_Give(struct PlayState* play, u8 item);
s32 Inventory_HasEmptyBottle(void);
s32 Inventory_ConsumeFairy(struct PlayState* play);
void Inventory_ChangeAmmo(s16 item, s16 ammoChange);
s32 Magic_RequestChange(struct PlayState* play, s16 amount, s16 type);

/* ---------------------------------------------------------------- items ----- */

typedef struct EnItem00 {
    Actor actor;
    void* actionFunc;
    s16 collectibleFlag;
    s16 getItemId;
    s16 despawnTimer;
    f32 scale;
    ColliderCylinder collider;
} EnItem00;

typedef enum {
    ITEM00_RUPEE_GREEN, ITEM00_RUPEE_BLUE, ITEM00_RUPEE_RED, ITEM00_RECOVERY_HEART,
    ITEM00_BOMBS_A, ITEM00_ARROWS_SINGLE, ITEM00_HEART_PIECE, ITEM00_HEART_CONTAINER,
    ITEM00_ARROWS_SMALL, ITEM00_ARROWS_MEDIUM, ITEM00_ARROWS_LARGE, ITEM00_BOMBS_B,
    ITEM00_NUTS, ITEM00_STICK, ITEM00_MAGIC_LARGE, ITEM00_MAGIC_SMALL, ITEM00_SEEDS,
    ITEM00_SMALL_KEY, ITEM00_FLEXIBLE, ITEM00_RUPEE_ORANGE, ITEM00_RUPEE_PURPLE,
    ITEM00_SHIELD_DEKU, ITEM00_SHIELD_HYLIAN, ITEM00_TUNIC_ZORA, ITEM00_TUNIC_GORON,
    ITEM00_BOMBS_SPECIAL, ITEM00_MAX, ITEM00_NONE = 0xFF
} Item00Type;
#define ITEM00_HEART ITEM00_RECOVERY_HEART

EnItem00* Item_DropCollectible(struct PlayState* play, Vec3f* spawnPos, s16 params);
EnItem00* Item_DropCollectible2(struct PlayState* play, Vec3f* spawnPos, s16 params);
void Item_DropCollectibleRandom(struct PlayState* play, Actor* fromActor, Vec3f* spawnPos, s16 params);

/* ------------------------------------------------------------ actor functions -- */

void Actor_Kill(Actor* actor);
void Actor_SetScale(Actor* actor, f32 scale);
void Actor_ProcessInitChain(Actor* actor, InitChainEntry* ichainEntry);
void Actor_UpdateBgCheckInfo(struct PlayState* play, Actor* actor, f32 wallCheckHeight, f32 wallCheckRadius,
                             f32 ceilingCheckHeight, s32 flags);
void ActorShape_Init(ActorShape* shape, f32 yOffset, ActorShadowFunc shadowDraw, f32 shadowScale);
void ActorShadow_DrawCircle(Actor* actor, Lights* lights, struct PlayState* play);
void ActorShadow_DrawSquare(Actor* actor, Lights* lights, struct PlayState* play);
void ActorShadow_DrawWhiteCircle(Actor* actor, Lights* lights, struct PlayState* play);
void ActorShadow_DrawHorse(Actor* actor, Lights* lights, struct PlayState* play);
void ActorShadow_DrawFeet(Actor* actor, Lights* lights, struct PlayState* play);
void Actor_SetFocus(Actor* actor, f32 yOffset);
void Actor_UpdateVelocityXZGravity(Actor* actor);
#if OOT_ERA >= 3
void Actor_MoveXZGravity(Actor* actor);
void Actor_UpdatePos(Actor* actor);
void Actor_PlaySfx(Actor* actor, u16 sfxId);
void Actor_PlaySfx_Flagged(Actor* actor, u16 sfxId);
s32 Actor_TalkOfferAccepted(Actor* actor, struct PlayState* play);
s32 Actor_OfferTalk(Actor* actor, struct PlayState* play, f32 radius);
s32 Actor_OfferGetItem(Actor* actor, struct PlayState* play, s32 getItemId, f32 xzRange, f32 yRange);
#else
void Actor_MoveForward(Actor* actor);
void func_8002D7EC(Actor* actor);
void Audio_PlayActorSound2(Actor* actor, u16 sfxId);
void Audio_PlayActorSfx2(Actor* actor, u16 sfxId);
void func_8002F974(Actor* actor, u16 sfxId);
s32 Actor_ProcessTalkRequest(Actor* actor, struct PlayState* play);
s32 func_8002F2CC(Actor* actor, struct PlayState* play, f32 arg2);
s32 func_8002F434(Actor* actor, struct PlayState* play, s32 getItemId, f32 xzRange, f32 yRange);
#endif
#if OOT_ERA == 1
void Actor_SetHeight(Actor* actor, f32 offset);
void Collider_CylinderUpdate(Actor* actor, ColliderCylinder* collider);
#endif
Actor* Actor_Spawn(ActorContext* actorCtx, struct PlayState* play, s16 actorId, f32 posX, f32 posY, f32 posZ,
                   s16 rotX, s16 rotY, s16 rotZ, s16 params);
Actor* Actor_SpawnAsChild(ActorContext* actorCtx, Actor* parent, struct PlayState* play, s16 actorId, f32 posX,
                          f32 posY, f32 posZ, s16 rotX, s16 rotY, s16 rotZ, s16 params);
Actor* Actor_Find(ActorContext* actorCtx, s32 actorId, s32 actorCategory);
void Actor_ChangeCategory(struct PlayState* play, ActorContext* actorCtx, Actor* actor, u8 actorCategory);
s16 Actor_WorldYawTowardActor(Actor* actorA, Actor* actorB);
s16 Actor_FocusYawTowardActor(Actor* actorA, Actor* actorB);
s16 Actor_WorldYawTowardPoint(Actor* actor, Vec3f* refPoint);
s16 Actor_WorldPitchTowardActor(Actor* actorA, Actor* actorB);
f32 Actor_WorldDistXYZToActor(Actor* actorA, Actor* actorB);
f32 Actor_WorldDistXYZToPoint(Actor* actor, Vec3f* refPoint);
f32 Actor_WorldDistXZToActor(Actor* actorA, Actor* actorB);
f32 Actor_WorldDistXZToPoint(Actor* actor, Vec3f* refPoint);
s32 Actor_IsFacingPlayer(Actor* actor, s16 maxAngle);
s32 Actor_IsFacingAndNearPlayer(Actor* actor, f32 range, s16 maxAngle);
s32 Actor_ActorAIsFacingActorB(Actor* actorA, Actor* actorB, s16 maxAngle);
s32 Actor_HasParent(Actor* actor, struct PlayState* play);
s32 Actor_HasNoParent(Actor* actor, struct PlayState* play);
void Actor_SetColorFilter(Actor* actor, s16 colorFlag, s16 colorIntensityMax, s16 bufFlag, s16 duration);
u8 Actor_ApplyDamage(Actor* actor);
void Actor_PlayDeathFx(struct PlayState* play, Actor* actor);
s32 Actor_IsTalking(Actor* actor, struct PlayState* play);
s32 Actor_TextboxIsClosing(Actor* actor, struct PlayState* play);
void Actor_SpawnFloorDustRing(struct PlayState* play, Actor* actor, Vec3f* posXZ, f32 radius, s32 amountMinusOne,
                              f32 randAccelWeight, s16 scale, s16 scaleStep, u8 useLighting);
void Actor_Destroy(Actor* actor, struct PlayState* play);
void Gfx_DrawDListOpa(struct PlayState* play, Gfx* dlist);
void Gfx_DrawDListXlu(struct PlayState* play, Gfx* dlist);

s32 Flags_GetSwitch(struct PlayState* play, s32 flag);
void Flags_SetSwitch(struct PlayState* play, s32 flag);
void Flags_UnsetSwitch(struct PlayState* play, s32 flag);
s32 Flags_GetClear(struct PlayState* play, s32 roomNumber);
void Flags_SetClear(struct PlayState* play, s32 roomNumber);
s32 Flags_GetTreasure(struct PlayState* play, s32 flag);
void Flags_SetTreasure(struct PlayState* play, s32 flag);
s32 Flags_GetCollectible(struct PlayState* play, s32 flag);
void Flags_SetCollectible(struct PlayState* play, s32 flag);
s32 Flags_GetTempClear(struct PlayState* play, s32 roomNumber);

/* ------------------------------------------------------------ collision API -- */

s32 Collider_InitCylinder(struct PlayState* play, ColliderCylinder* cyl);
s32 Collider_DestroyCylinder(struct PlayState* play, ColliderCylinder* cyl);
s32 Collider_SetCylinder(struct PlayState* play, ColliderCylinder* cyl, Actor* actor, ColliderCylinderInit* src);
s32 Collider_SetCylinderType1(struct PlayState* play, ColliderCylinder* cyl, Actor* actor,
                              ColliderCylinderInitType1* src);
void Collider_UpdateCylinder(Actor* actor, ColliderCylinder* cyl);
void Collider_SetCylinderPosition(ColliderCylinder* cyl, Vec3s* pos);
s32 Collider_InitJntSph(struct PlayState* play, ColliderJntSph* jntSph);
s32 Collider_DestroyJntSph(struct PlayState* play, ColliderJntSph* jntSph);
s32 Collider_SetJntSph(struct PlayState* play, ColliderJntSph* jntSph, Actor* actor, ColliderJntSphInit* src,
                       ColliderJntSphElement* elements);
void Collider_UpdateSpheres(s32 limb, ColliderJntSph* jntSph);
s32 Collider_InitQuad(struct PlayState* play, ColliderQuad* quad);
s32 Collider_DestroyQuad(struct PlayState* play, ColliderQuad* quad);
s32 Collider_SetQuad(struct PlayState* play, ColliderQuad* quad, Actor* actor, ColliderQuadInit* src);
void Collider_SetQuadVertices(ColliderQuad* quad, Vec3f* a, Vec3f* b, Vec3f* c, Vec3f* d);
s32 CollisionCheck_SetAT(struct PlayState* play, CollisionCheckContext* colChkCtx, Collider* collider);
s32 CollisionCheck_SetAC(struct PlayState* play, CollisionCheckContext* colChkCtx, Collider* collider);
s32 CollisionCheck_SetOC(struct PlayState* play, CollisionCheckContext* colChkCtx, Collider* collider);
void CollisionCheck_SetInfo(CollisionCheckInfo* info, DamageTable* damageTable, CollisionCheckInfoInit* init);
void CollisionCheck_SetInfo2(CollisionCheckInfo* info, DamageTable* damageTable, CollisionCheckInfoInit2* init);
DamageTable* DamageTable_Get(s32 index);

void DynaPolyActor_Init(DynaPolyActor* dynaActor, s32 flags);
s32 DynaPolyActor_IsPlayerOnTop(DynaPolyActor* dynaActor);
s32 DynaPolyActor_IsActorOnTop(DynaPolyActor* dynaActor);
void CollisionHeader_GetVirtual(void* colHeader, CollisionHeader** dest);
s32 DynaPoly_SetBgActor(struct PlayState* play, DynaCollisionContext* dyna, Actor* actor, CollisionHeader* colHeader);
void DynaPoly_DeleteBgActor(struct PlayState* play, DynaCollisionContext* dyna, s32 bgId);
f32 BgCheck_EntityRaycastDown1(CollisionContext* colCtx, CollisionPoly** outGroundPoly, Vec3f* pos);
f32 BgCheck_EntityRaycastDown4(CollisionContext* colCtx, CollisionPoly** outGroundPoly, s32* bgId, Actor* actor,
                               Vec3f* pos);
s32 BgCheck_EntityLineTest1(CollisionContext* colCtx, Vec3f* posA, Vec3f* posB, Vec3f* posResult,
                            CollisionPoly** outPoly, s32 checkWall, s32 checkFloor, s32 checkCeil, s32 checkOneFace,
                            s32* bgId);

/* ---------------------------------------------------------- objects, camera -- */

#if OOT_ERA >= 3
s32 Object_GetSlot(ObjectContext* objectCtx, s16 objectId);
#else
s32 Object_GetIndex(ObjectContext* objectCtx, s16 objectId);
#endif
s32 Object_IsLoaded(ObjectContext* objectCtx, s32 slot);
s16 OnePointCutscene_Init(struct PlayState* play, s16 csId, s16 timer, Actor* actor, s16 subCamId);
s32 Play_InCsMode(struct PlayState* play);
Camera* Play_GetCamera(struct PlayState* play, s16 camId);
s16 Play_CreateSubCamera(struct PlayState* play);
void Play_ChangeCameraStatus(struct PlayState* play, s16 camId, s16 status);
void Play_ClearCamera(struct PlayState* play, s16 camId);
s32 Play_CameraSetAtEye(struct PlayState* play, s16 camId, Vec3f* at, Vec3f* eye);
void Play_SetRespawnData(struct PlayState* play, s32 respawnMode, s16 entranceIndex, s32 roomIndex,
                         s32 playerParams, Vec3f* pos, s16 yaw);
s16 Quake_Request(Camera* camera, u32 type);
u32 Quake_SetSpeed(s16 index, s16 speed);
u32 Quake_SetDuration(s16 index, s16 duration);
LightNode* LightContext_InsertLight(struct PlayState* play, LightContext* lightCtx, LightInfo* info);
void LightContext_RemoveLight(struct PlayState* play, LightContext* lightCtx, LightNode* node);
void Lights_PointNoGlowSetInfo(LightInfo* info, s16 x, s16 y, s16 z, u8 r, u8 g, u8 b, s16 radius);
void Lights_PointGlowSetInfo(LightInfo* info, s16 x, s16 y, s16 z, u8 r, u8 g, u8 b, s16 radius);
void Lights_PointSetColorAndRadius(LightInfo* info, u8 r, u8 g, u8 b, s16 radius);

/* ------------------------------------------------------------------ messages -- */

typedef enum {
    TEXT_STATE_NONE, TEXT_STATE_DONE_HAS_NEXT, TEXT_STATE_CLOSING, TEXT_STATE_DONE_FADING,
    TEXT_STATE_CHOICE, TEXT_STATE_EVENT, TEXT_STATE_DONE, TEXT_STATE_SONG_DEMO_DONE,
    TEXT_STATE_8, TEXT_STATE_9, TEXT_STATE_AWAITING_NEXT
} TextState;

void Message_StartTextbox(struct PlayState* play, u16 textId, Actor* actor);
void Message_ContinueTextbox(struct PlayState* play, u16 textId);
void Message_CloseTextbox(struct PlayState* play);
u8 Message_GetState(MessageContext* msgCtx);
s32 Message_ShouldAdvance(struct PlayState* play);
#if OOT_ERA == 1
u8 func_8010BDBC(MessageContext* msgCtx);
s32 func_80106BC8(struct PlayState* play);
#endif

/* -------------------------------------------------------------------- audio -- */

extern Vec3f gSfxDefaultPos;
extern f32 gSfxDefaultFreqAndVolScale;
extern s8 gSfxDefaultReverb;
void Audio_PlaySfxGeneral(u16 sfxId, Vec3f* pos, u8 token, f32* freqScale, f32* vol, s8* reverbAdd);
void Audio_PlaySoundGeneral(u16 sfxId, Vec3f* pos, u8 token, f32* freqScale, f32* vol, s8* reverbAdd);
void Audio_StopSfxById(u32 sfxId);
void Audio_PlayFanfare(u16 seqId);
void SfxSource_PlaySfxAtFixedWorldPos(struct PlayState* play, Vec3f* worldPos, s32 duration, u16 sfxId);
#if OOT_ERA >= 3
void Sfx_PlaySfxCentered(u16 sfxId);
#endif
#if OOT_ERA <= 2
void func_80078884(u16 sfxId);
#endif

#include "sfx_ids.h"

/* ------------------------------------------------------------------ matrices -- */

#define MTXMODE_NEW 0
#define MTXMODE_APPLY 1

void Matrix_Push(void);
void Matrix_Pop(void);
void Matrix_Get(MtxF* dest);
void Matrix_Put(MtxF* src);
void Matrix_Mult(MtxF* mf, u8 mode);
void Matrix_Translate(f32 x, f32 y, f32 z, u8 mode);
void Matrix_Scale(f32 x, f32 y, f32 z, u8 mode);
void Matrix_RotateX(f32 x, u8 mode);
void Matrix_RotateY(f32 y, u8 mode);
void Matrix_RotateZ(f32 z, u8 mode);
void Matrix_RotateZYX(s16 x, s16 y, s16 z, u8 mode);
void Matrix_SetTranslateRotateYXZ(f32 translateX, f32 translateY, f32 translateZ, Vec3s* rot);
void Matrix_MultVec3f(Vec3f* src, Vec3f* dest);
void Matrix_ReplaceRotation(MtxF* mf);
Mtx* Matrix_NewMtx(GraphicsContext* gfxCtx, const char* file, s32 line);
Mtx* Matrix_ToMtx(Mtx* dest, const char* file, s32 line);
#define MATRIX_NEW(gfxCtx, file, line) Matrix_NewMtx(gfxCtx, file, line)
#define MATRIX_TO_MTX(gfxCtx, file, line) Matrix_ToMtx(gfxCtx, file, line)
#if OOT_ERA >= 3
#define MATRIX_FINALIZE_AND_LOAD(pkt, gfxCtx, file, line) \
    gSPMatrix(pkt, Matrix_NewMtx(gfxCtx, file, line), G_MTX_NOPUSH | G_MTX_LOAD | G_MTX_MODELVIEW)
#endif

/* ----------------------------------------------------------------- gfx setup -- */

void Gfx_SetupDL_25Opa(GraphicsContext* gfxCtx);
void Gfx_SetupDL_25Xlu(GraphicsContext* gfxCtx);
void Gfx_SetupDL_25Xlu2(GraphicsContext* gfxCtx);
void Gfx_SetupDL_37Opa(GraphicsContext* gfxCtx);
void Gfx_SetupDL_44Xlu(GraphicsContext* gfxCtx);
Gfx* Gfx_SetupDL_20NoCD(Gfx* gfx);
#if OOT_ERA == 1
void func_80093D18(GraphicsContext* gfxCtx);
void func_80093D84(GraphicsContext* gfxCtx);
#endif
Gfx* Gfx_TwoTexScroll(GraphicsContext* gfxCtx, s32 tile1, u32 x1, u32 y1, s32 width1, s32 height1, s32 tile2,
                      u32 x2, u32 y2, s32 width2, s32 height2);
Gfx* Gfx_TexScroll(GraphicsContext* gfxCtx, u32 x, u32 y, s32 width, s32 height);
Gfx* Gfx_EnvColor(GraphicsContext* gfxCtx, s32 r, s32 g, s32 b, s32 a);

/* --------------------------------------------------------------- debug print -- */

void osSyncPrintf(const char* fmt, ...);
#define PRINTF osSyncPrintf

#include "actor_ids.h"
#include "object_ids.h"
#include "api_more.h"
#include "api_wide.h"
#include "api_tail.h"

#endif /* CODEVET_OOT_H */
