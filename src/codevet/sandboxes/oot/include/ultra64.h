/*
 * codevet's stand-in for the N64 SDK types and display-list API (original, written for
 * codevet). The display-list commands are static inline functions with the argument
 * types of the real macros: they type-check a call and evaluate each argument once, but
 * they do not produce the real RSP/RDP encodings. The `gs*` static forms expand to a
 * constant initializer that still requires every argument to be a valid expression.
 */
#ifndef CODEVET_ULTRA64_H
#define CODEVET_ULTRA64_H

typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed long s32;
typedef unsigned long u32;
typedef signed long long s64;
typedef unsigned long long u64;
typedef volatile u8 vu8;
typedef volatile u16 vu16;
typedef volatile u32 vu32;
typedef volatile s32 vs32;
typedef float f32;
typedef double f64;
typedef u32 uintptr_t;
typedef s32 intptr_t;
typedef u32 size_t;
typedef s32 ptrdiff_t;
typedef s32 OSPri;
typedef s32 OSId;
typedef u64 OSTime;

#ifndef NULL
#define NULL ((void*)0)
#endif
#ifndef true
#define true 1
#define false 0
#endif
#ifndef M_PI
#define M_PI 3.14159265358979323846f
#endif
#define M_SQRT2 1.41421356237309504880f
#define FLT_MAX 3.40282347e+38f
#define SHRT_MAX 32767
#define SHRT_MIN (-32768)

#define offsetof(st, m) __builtin_offsetof(st, m)
#define fabsf(x) __builtin_fabsf((f32)(x))
#define sqrtf(x) __builtin_sqrtf((f32)(x))
f32 sinf(f32 x);
f32 cosf(f32 x);
f32 floorf(f32 x);
f32 ceilf(f32 x);
f32 roundf(f32 x);
f32 powf(f32 x, f32 y);
f32 atan2f(f32 y, f32 x);
s32 abs(s32 x);
void* memcpy(void* dst, const void* src, size_t size);
void* memset(void* dst, s32 val, size_t size);
s32 sprintf(char* dst, const char* fmt, ...);
void bzero(void* dst, s32 size);
void bcopy(const void* src, void* dst, s32 size);

typedef struct {
    u16 button;
    s8 stick_x;
    s8 stick_y;
    u8 err_no;
} OSContPad;

#define BTN_CRIGHT 0x0001
#define BTN_CLEFT 0x0002
#define BTN_CDOWN 0x0004
#define BTN_CUP 0x0008
#define BTN_R 0x0010
#define BTN_L 0x0020
#define BTN_DRIGHT 0x0100
#define BTN_DLEFT 0x0200
#define BTN_DDOWN 0x0400
#define BTN_DUP 0x0800
#define BTN_START 0x1000
#define BTN_Z 0x2000
#define BTN_B 0x4000
#define BTN_A 0x8000

typedef union {
    s32 m[4][4];
    s64 force_structure_alignment;
} Mtx;

typedef union {
    f32 mf[4][4];
    struct {
        f32 xx, yx, zx, wx;
        f32 xy, yy, zy, wy;
        f32 xz, yz, zz, wz;
        f32 xw, yw, zw, ww;
    };
} MtxF;

typedef struct {
    s16 ob[3];
    u16 flag;
    s16 tc[2];
    u8 cn[4];
} Vtx_t;

typedef struct {
    s16 ob[3];
    u16 flag;
    s16 tc[2];
    s8 n[3];
    u8 a;
} Vtx_tn;

typedef union {
    Vtx_t v;
    Vtx_tn n;
    s64 force_structure_alignment;
} Vtx;

#define VTX(x, y, z, s, t, crnx, cgny, cbnz, a) \
    { { { x, y, z }, 0, { s, t }, { crnx, cgny, cbnz, a } } }

typedef struct {
    u32 w0;
    u32 w1;
} Gwords;

typedef union {
    Gwords words;
    s64 force_structure_alignment;
} Gfx;

typedef u64 TexturePtr_t;
typedef void* TexturePtr;

/* ---- constants (values are codevet's own, not the SDK's) ------------------------ */

#define G_ON 1
#define G_OFF 0
#define G_MTX_MODELVIEW 0x00
#define G_MTX_PROJECTION 0x04
#define G_MTX_MUL 0x00
#define G_MTX_LOAD 0x02
#define G_MTX_NOPUSH 0x00
#define G_MTX_PUSH 0x01
#define G_ZBUFFER 0x00000001
#define G_SHADE 0x00000004
#define G_CULL_FRONT 0x00000200
#define G_CULL_BACK 0x00000400
#define G_CULL_BOTH 0x00000600
#define G_FOG 0x00010000
#define G_LIGHTING 0x00020000
#define G_TEXTURE_GEN 0x00040000
#define G_TEXTURE_GEN_LINEAR 0x00080000
#define G_SHADING_SMOOTH 0x00200000
#define G_IM_FMT_RGBA 0
#define G_IM_FMT_YUV 1
#define G_IM_FMT_CI 2
#define G_IM_FMT_IA 3
#define G_IM_FMT_I 4
#define G_IM_SIZ_4b 0
#define G_IM_SIZ_8b 1
#define G_IM_SIZ_16b 2
#define G_IM_SIZ_32b 3
#define G_TX_NOMIRROR 0
#define G_TX_WRAP 0
#define G_TX_MIRROR 1
#define G_TX_CLAMP 2
#define G_TX_NOMASK 0
#define G_TX_NOLOD 0
#define G_TX_RENDERTILE 0
#define G_TX_LOADTILE 7
#define G_TT_NONE 0
#define G_TT_RGBA16 0x8000
#define G_RM_AA_ZB_OPA_SURF 0x1
#define G_RM_AA_ZB_OPA_SURF2 0x2
#define G_RM_AA_ZB_XLU_SURF 0x3
#define G_RM_AA_ZB_XLU_SURF2 0x4
#define G_RM_AA_ZB_TEX_EDGE 0x5
#define G_RM_AA_ZB_TEX_EDGE2 0x6
#define G_RM_FOG_SHADE_A 0x7
#define G_RM_PASS 0x8
#define G_RM_XLU_SURF 0x9
#define G_RM_XLU_SURF2 0xA
#define G_CC_PRIMITIVE 0x10
#define G_CC_SHADE 0x11
#define G_CC_MODULATEIA 0x12
#define G_CC_MODULATEIA_PRIM 0x13
#define G_CC_MODULATEIDECALA 0x14
#define G_CC_MODULATEIDECALA_PRIM 0x15
#define G_CC_DECALRGBA 0x16
#define G_CC_PASS2 0x17
#define G_CC_BLENDPRIMDECALA 0x18

/* ---- display-list commands -------------------------------------------------------- */

static inline void codevet_gfx(Gfx* pkt, u32 w0, u32 w1) {
    pkt->words.w0 = w0;
    pkt->words.w1 = w1;
}

static inline void gSPDisplayList(Gfx* pkt, const Gfx* dl) { codevet_gfx(pkt, 0xDE000000u, (u32)dl); }
static inline void gSPBranchList(Gfx* pkt, const Gfx* dl) { codevet_gfx(pkt, 0xDE010000u, (u32)dl); }
static inline void gSPEndDisplayList(Gfx* pkt) { codevet_gfx(pkt, 0xDF000000u, 0); }
static inline void gSPMatrix(Gfx* pkt, const Mtx* mtx, u32 params) { codevet_gfx(pkt, 0xDA000000u | params, (u32)mtx); }
static inline void gSPPopMatrix(Gfx* pkt, u32 which) { codevet_gfx(pkt, 0xD8000000u, which); }
static inline void gSPSegment(Gfx* pkt, u32 segment, const void* base) { codevet_gfx(pkt, 0xDB060000u | segment, (u32)base); }
static inline void gDPPipeSync(Gfx* pkt) { codevet_gfx(pkt, 0xE7000000u, 0); }
static inline void gDPFullSync(Gfx* pkt) { codevet_gfx(pkt, 0xE9000000u, 0); }
static inline void gDPSetPrimColor(Gfx* pkt, u8 m, u8 l, u8 r, u8 g, u8 b, u8 a) {
    codevet_gfx(pkt, 0xFA000000u | (m << 8) | l, (r << 24) | (g << 16) | (b << 8) | a);
}
static inline void gDPSetEnvColor(Gfx* pkt, u8 r, u8 g, u8 b, u8 a) {
    codevet_gfx(pkt, 0xFB000000u, (r << 24) | (g << 16) | (b << 8) | a);
}
static inline void gDPSetFogColor(Gfx* pkt, u8 r, u8 g, u8 b, u8 a) {
    codevet_gfx(pkt, 0xF8000000u, (r << 24) | (g << 16) | (b << 8) | a);
}
static inline void gDPSetRenderMode(Gfx* pkt, u32 c0, u32 c1) { codevet_gfx(pkt, 0xE2000000u, c0 | c1); }
static inline void gDPSetCombineMode(Gfx* pkt, u32 a, u32 b) { codevet_gfx(pkt, 0xFC000000u, a | b); }
static inline void gDPSetCombineLERP(Gfx* pkt, u32 a0, u32 b0, u32 c0, u32 d0, u32 Aa0, u32 Ab0, u32 Ac0, u32 Ad0,
                                     u32 a1, u32 b1, u32 c1, u32 d1, u32 Aa1, u32 Ab1, u32 Ac1, u32 Ad1) {
    codevet_gfx(pkt, 0xFC000000u | a0 | b0 | c0 | d0 | Aa0 | Ab0 | Ac0 | Ad0,
                a1 | b1 | c1 | d1 | Aa1 | Ab1 | Ac1 | Ad1);
}
static inline void gSPSetGeometryMode(Gfx* pkt, u32 mode) { codevet_gfx(pkt, 0xD9FFFFFFu, mode); }
static inline void gSPClearGeometryMode(Gfx* pkt, u32 mode) { codevet_gfx(pkt, 0xD9000000u, ~mode); }
static inline void gSPLoadGeometryMode(Gfx* pkt, u32 mode) { codevet_gfx(pkt, 0xD9000000u, mode); }
static inline void gSPTexture(Gfx* pkt, u32 s, u32 t, u32 level, u32 tile, u32 on) {
    codevet_gfx(pkt, 0xD7000000u | (level << 11) | (tile << 8) | on, (s << 16) | t);
}
static inline void gSPVertex(Gfx* pkt, const Vtx* v, u32 n, u32 v0) { codevet_gfx(pkt, 0x01000000u | (n << 12) | v0, (u32)v); }
static inline void gSP1Triangle(Gfx* pkt, u32 v0, u32 v1, u32 v2, u32 flag) {
    codevet_gfx(pkt, 0x05000000u | (v0 << 16) | (v1 << 8) | v2, flag);
}
static inline void gSP2Triangles(Gfx* pkt, u32 v00, u32 v01, u32 v02, u32 flag0, u32 v10, u32 v11, u32 v12,
                                 u32 flag1) {
    codevet_gfx(pkt, 0x06000000u | (v00 << 16) | (v01 << 8) | v02, (v10 << 16) | (v11 << 8) | v12 | flag0 | flag1);
}
static inline void gDPLoadTextureBlock(Gfx* pkt, const void* timg, u32 fmt, u32 siz, u32 width, u32 height,
                                       u32 pal, u32 cms, u32 cmt, u32 masks, u32 maskt, u32 shifts, u32 shiftt) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | (siz << 19) | width, (u32)timg + height + pal + cms + cmt + masks +
                maskt + shifts + shiftt);
}
static inline void gDPSetTextureImage(Gfx* pkt, u32 fmt, u32 siz, u32 width, const void* img) {
    codevet_gfx(pkt, 0xFD000000u | (fmt << 21) | (siz << 19) | width, (u32)img);
}
static inline void gDPSetTextureLUT(Gfx* pkt, u32 type) { codevet_gfx(pkt, 0xE3000000u, type); }
static inline void gDPSetAlphaCompare(Gfx* pkt, u32 type) { codevet_gfx(pkt, 0xE2000000u, type); }
static inline void gDPSetColorDither(Gfx* pkt, u32 type) { codevet_gfx(pkt, 0xE3000000u, type); }
static inline void gDPFillRectangle(Gfx* pkt, u32 ulx, u32 uly, u32 lrx, u32 lry) {
    codevet_gfx(pkt, 0xF6000000u | (lrx << 12) | lry, (ulx << 12) | uly);
}
static inline void gDPSetFillColor(Gfx* pkt, u32 color) { codevet_gfx(pkt, 0xF7000000u, color); }
static inline void gSPNoOp(Gfx* pkt) { codevet_gfx(pkt, 0, 0); }

/* Static forms: a constant initializer; `(arg) + 0` keeps every argument type-checked. */
#define CODEVET_GS(op, a) { { (u32)(op) + 0 * sizeof((a) + 0), 0 } }
#define gsSPDisplayList(dl) CODEVET_GS(0xDE000000u, dl)
#define gsSPBranchList(dl) CODEVET_GS(0xDE010000u, dl)
#define gsSPEndDisplayList() { { 0xDF000000u, 0 } }
#define gsDPPipeSync() { { 0xE7000000u, 0 } }
#define gsDPFullSync() { { 0xE9000000u, 0 } }
#define gsSPNoOp() { { 0, 0 } }
#define gsSPMatrix(mtx, params) CODEVET_GS(0xDA000000u + 0 * (params), mtx)
#define gsSPSegment(seg, base) CODEVET_GS(0xDB060000u + 0 * (seg), base)
#define gsDPSetPrimColor(m, l, r, g, b, a) CODEVET_GS(0xFA000000u + 0 * ((m) + (l) + (r) + (g) + (b)), a)
#define gsDPSetEnvColor(r, g, b, a) CODEVET_GS(0xFB000000u + 0 * ((r) + (g) + (b)), a)
#define gsDPSetRenderMode(c0, c1) CODEVET_GS(0xE2000000u + 0 * (c0), c1)
#define gsDPSetCombineMode(a, b) CODEVET_GS(0xFC000000u + 0 * (a), b)
#define gsSPSetGeometryMode(mode) CODEVET_GS(0xD9FFFFFFu, mode)
#define gsSPClearGeometryMode(mode) CODEVET_GS(0xD9000000u, mode)
#define gsSPTexture(s, t, level, tile, on) CODEVET_GS(0xD7000000u + 0 * ((s) + (t) + (level) + (tile)), on)
#define gsSPVertex(v, n, v0) CODEVET_GS(0x01000000u + 0 * ((n) + (v0)), v)
#define gsSP1Triangle(v0, v1, v2, flag) CODEVET_GS(0x05000000u + 0 * ((v0) + (v1) + (v2)), flag)
#define gsSP2Triangles(v00, v01, v02, flag0, v10, v11, v12, flag1) \
    CODEVET_GS(0x06000000u + 0 * ((v00) + (v01) + (v02) + (flag0) + (v10) + (v11) + (v12)), flag1)
#define gsDPLoadTextureBlock(timg, fmt, siz, width, height, pal, cms, cmt, masks, maskt, shifts, shiftt) \
    CODEVET_GS(0xFD000000u + 0 * ((fmt) + (siz) + (width) + (height) + (pal) + (cms) + (cmt) + (masks) + \
               (maskt) + (shifts) + (shiftt)), timg)
#define gsDPSetTextureLUT(type) CODEVET_GS(0xE3000000u, type)

#endif /* CODEVET_ULTRA64_H */
