"""Fragments into a translation unit, with `#line` so diagnostics land on the answer's lines.

Answers are rarely whole files. The answer's code is split into top-level items
(preprocessor lines, type definitions, functions, other declarations, loose statements):

- loose statements (`this->actor.speed = 5.0f;`, a call, an `if`) go, in order, into a
  wrapper `void codevet_fragment(Actor* thisx, PlayState* play)` that also declares
  `this` and `player` (in an outer block, so the answer may declare its own);
- an actor struct the answer names but never defines (`EnFoo* this`) is synthesized as
  `typedef struct EnFoo { Actor actor; ... } EnFoo;` with the fields the answer uses,
  typed from conventional names and usage; errors that only come from such a guess are
  classed `context-missing` (the harness cannot decide), never `fail`;
- type definitions are hoisted above functions when the answer shows them after use;
- with the shipped headers (which cannot list every asset and id of the game), asset
  symbols (`gFooDL`, `gFooSkel`, `gFooAnim`) and `ACTOR_`/`OBJECT_`/`NA_SE_` ids the
  headers lack are declared and listed as `assumed`, so they are reported, not fatal.

Every piece of answer text is preceded by `#line N "answer.c"`, so gcc's line numbers
are the answer's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from codevet.sandboxes.oot.era import ERA_NAMES
from codevet.sandboxes.oot.headers import INCLUDE_DIR
from codevet.sandboxes.oot.prototypes import field_types_from_calls, pointer_params

ANSWER_FILE = "answer.c"
MAX_SYNTH_TYPES = 8
MAX_GUESSED_FIELDS = 64
_IDENT = re.compile(r"\b[A-Za-z_]\w*\b")
CODEVET_FILE = "codevet-wrapper.c"

_KEYWORD_STMT = re.compile(r"^\s*(if|for|while|do|switch|return|break|continue|goto|else|case|default)\b")
_CALL_STMT = re.compile(r"^\s*[A-Za-z_]\w*\s*\(")
_ASSIGN_STMT = re.compile(r"^\s*(\*+\s*)?[A-Za-z_][\w.\[\]]*(?:\s*->\s*[\w.\[\]]+)*\s*"
                          r"(=(?!=)|\+=|-=|\*=|/=|%=|\|=|&=|\^=|<<=|>>=|\+\+|--)")
_PREFIX_STMT = re.compile(r"^\s*(\+\+|--|\*)")
_RUNTIME_REF = re.compile(r"\b(play|globalCtx|thisx|this|player|gSaveContext)\b|->")
_C_KEYWORDS = frozenset("""auto break case char const continue default do double else enum extern float for goto if
inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void
volatile while _Bool _Static_assert __attribute__ __asm__ asm typeof __typeof__ __inline__ __extension__""".split())

# conventional actor-struct field types: the first guess for a field of that name, never certain
KNOWN_FIELDS: dict[str, str] = {
    "skelAnime": "SkelAnime", "collider": "ColliderCylinder", "colliderCylinder": "ColliderCylinder",
    "cylinder": "ColliderCylinder", "jntSph": "ColliderJntSph", "colliderJntSph": "ColliderJntSph",
    "jointTable": "Vec3s {}[24]", "morphTable": "Vec3s {}[24]", "timer": "s16", "timers": "s16 {}[8]",
    "alpha": "s16", "action": "s16", "actionState": "s16", "state": "s16", "unk_timer": "s16",
    "headRot": "Vec3s", "torsoRot": "Vec3s", "targetPos": "Vec3f", "lightNode": "LightNode*",
    "lightInfo": "LightInfo", "textId": "u16", "scale": "f32", "switchFlag": "s16", "rotSpeed": "s16",
    "bgId": "s32", "interactInfo": "s32", "eyeIndex": "s16", "blinkTimer": "s16", "animIndex": "s16",
}


# one type in every actor of zeldaret/oot that has them (counted at 269d03016c: skelAnime 141/141
# SkelAnime, jointTable 118/118 and morphTable 116/116 Vec3s arrays, lightNode/lightInfo 18/18)
CERTAIN_FIELDS = frozenset({"skelAnime", "jointTable", "morphTable", "lightNode", "lightInfo"})


@dataclass
class Item:
    kind: str      # pp | type | func | decl | stmt
    start: int     # offset in the answer
    end: int
    line: int      # 1-based line of start


@dataclass
class SynthType:
    name: str
    base: str                      # "Actor actor" or "DynaPolyActor dyna"
    fields: list[tuple[str, str, bool]] = field(default_factory=list)  # (name, decl pattern, guessed)


@dataclass
class TranslationUnit:
    text: str
    items: list[Item]
    synthesized: list[SynthType] = field(default_factory=list)
    wrapper: bool = False
    hoisted: bool = False
    assumed: list[str] = field(default_factory=list)

    @property
    def guessed_fields(self) -> set[str]:
        return {f for t in self.synthesized for f, _, guessed in t.fields if guessed}

    @property
    def synthesized_names(self) -> set[str]:
        return {t.name for t in self.synthesized}


def split_items(scan: str) -> list[Item]:
    """Top-level items of comment- and string-blanked code (offsets shared with the answer)."""
    items: list[Item] = []
    n = len(scan)
    i = 0
    line = 1

    counted = [0, 1]  # (position, line there): items come in order, so count forward only

    def line_of(pos: int) -> int:
        counted[1] += scan.count("\n", counted[0], pos)
        counted[0] = pos
        return counted[1]

    while i < n:
        while i < n and scan[i] in " \t\r\n;":
            i += 1
        if i >= n:
            break
        start = i
        if scan[i] == "#" or scan.startswith("%:", i):
            j = i
            while True:
                k = scan.find("\n", j)
                if k < 0:
                    j = n
                    break
                if scan[k - 1] == "\\":
                    j = k + 1
                    continue
                j = k
                break
            items.append(Item("pp", start, j, line_of(start)))
            i = j
            continue
        depth = 0
        j = i
        end = n
        saw_brace_head: str | None = None
        while j < n:
            c = scan[j]
            if c in "([{":
                if c == "{" and depth == 0 and saw_brace_head is None:
                    saw_brace_head = scan[start:j]
                depth += 1
            elif c in ")]}":
                depth = max(0, depth - 1)
                if c == "}" and depth == 0 and saw_brace_head is not None:
                    head = saw_brace_head.strip()
                    rest = scan[j + 1:j + 200].lstrip()
                    is_body = (head.endswith(")") or _KEYWORD_STMT.match(head) is not None or head == ""
                               or re.search(r"\)\s*(__attribute__\s*\(\(.*\)\))?\s*$", head) is not None
                               or re.search(r"\b(else|do)\s*$", head) is not None)
                    if is_body and not re.match(r"(else|while)\b", rest) and "=" not in head.split("(")[0]:
                        end = j + 1
                        break
            elif c == ";" and depth == 0:
                end = j + 1
                break
            elif c == "\n" and depth == 0 and j + 1 < n and scan[j + 1:].lstrip(" \t").startswith("#") \
                    and not scan[start:j].strip():
                end = j
                break
            j += 1
        text = scan[start:end]
        items.append(Item(_classify(text), start, end, line_of(start)))
        i = end
    return items


def _classify(text: str) -> str:
    head = text.split("{", 1)[0]
    stripped = text.strip()
    if stripped.startswith("{") or _KEYWORD_STMT.match(text) or _PREFIX_STMT.match(text):
        return "stmt"
    if re.match(r"^\s*(typedef\b|(struct|union|enum)\b[^;(]*\{)", text):
        return "type"
    if re.match(r"^\s*(struct|union|enum)\s+\w+\s*;", text):
        return "type"
    if "->" in head:
        return "stmt"
    first = re.match(r"^\s*([A-Za-z_]\w*)", text)
    if _CALL_STMT.match(text) and first and first.group(1) not in _C_KEYWORDS:
        return "stmt"
    if _ASSIGN_STMT.match(text) and first and first.group(1) not in _C_KEYWORDS:
        return "stmt"
    if "{" in text and re.search(r"\)\s*(__attribute__\s*\(\(.*\)\))?\s*$", head):
        return "func"
    if "=" in head and _RUNTIME_REF.search(head.split("=", 1)[1]):
        return "stmt"
    return "decl"


def defined_types(scan: str) -> set[str]:
    """Type names the answer defines itself."""
    names = set(re.findall(r"\b(?:struct|union|enum)\s+([A-Za-z_]\w*)\s*\{", scan))
    names |= set(re.findall(r"\}\s*([A-Za-z_]\w*)\s*;", scan))
    names |= set(re.findall(r"\btypedef\b[^;{}]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;", scan))
    names |= set(re.findall(r"\btypedef\b[^;{}]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)", scan))
    names |= set(re.findall(r"\btypedef\s+struct\s+\w+\s+([A-Za-z_]\w*)\s*;", scan))
    return names


_TYPE_USE = re.compile(r"(?:\(\s*|[,;{}(]\s*|^\s*|\bsizeof\s*\(\s*|\bconst\s+|\bstatic\s+)"
                       r"([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)\s*\*", re.MULTILINE)
_SIZEOF_TYPE = re.compile(r"\bsizeof\s*\(\s*([A-Z][A-Za-z0-9_]*)\s*\)")


def actor_types_needed(scan: str, known: set[str], own: set[str]) -> list[str]:
    """CamelCase types used as `T*` / `sizeof(T)` that neither the headers nor the answer define."""
    found: list[str] = []
    for m in list(_TYPE_USE.finditer(scan)) + list(_SIZEOF_TYPE.finditer(scan)):
        name = m.group(1)
        if name in known or name in own or name in found or name in _C_KEYWORDS:
            continue
        if not re.search(r"[a-z]", name) or "_" in name or name in ERA_NAMES:
            continue  # an era's own type name (GlobalContext) is never synthesized: it must be real
        found.append(name)
    return found


_FIELD_USE = re.compile(r"\bthis\s*->\s*([A-Za-z_]\w*)(\s*\[[^\]]*\])?(\s*(?:\.|->)\s*([A-Za-z_]\w*)|\s*\()?")


def guess_fields(scan: str, by_call: dict[str, tuple[str, bool]] | None = None) -> list[tuple[str, str, bool]]:
    """Fields used as `this->name`, typed by the shipped prototype they are passed to
    (`by_call`, prototypes.field_types_from_calls), else by convention or by usage."""
    by_call = by_call or {}
    uses: dict[str, set[str]] = {}
    for m in _FIELD_USE.finditer(scan):
        name = m.group(1)
        if name in ("actor", "dyna"):
            continue
        u = uses.setdefault(name, set())
        if m.group(2):
            u.add("index")
        tail = m.group(3) or ""
        if tail.strip().startswith("("):
            u.add("call")
        elif m.group(4):
            u.add(("arrow:" if "->" in tail else "member:") + m.group(4))
    amp_f_names = set(re.findall(r"\w+F\s*\(\s*&\s*this\s*->\s*(\w+)", scan))
    amp_s_names = set(re.findall(r"\w+S\s*\(\s*&\s*this\s*->\s*(\w+)", scan))
    float_names = set(re.findall(r"\bthis\s*->\s*(\w+)\s*=\s*-?\d*\.\d*f?\b", scan))
    out: list[tuple[str, str, bool]] = []
    for name, u in list(uses.items())[:MAX_GUESSED_FIELDS]:
        if name in by_call and name not in CERTAIN_FIELDS:
            ptype, by_address = by_call[name]
            assigned = re.search(r"\bthis\s*->\s*" + re.escape(name) + r"\s*=[^=]", scan)
            decl = f"{ptype} {{}}" if by_address else (f"{ptype}* {{}}" if assigned else f"{ptype} {{}}[8]")
            out.append((name, decl, True))
            continue
        if name in KNOWN_FIELDS:
            pattern = KNOWN_FIELDS[name]
            # conventional, still a guess (the real `timer` may be f32, the real `collider` a JntSph),
            # except the few names that have one type in every actor of the decomp
            out.append((name, pattern if "{}" in pattern else pattern + " {}", name not in CERTAIN_FIELDS))
            continue
        members = {x.split(":", 1)[1] for x in u if x.startswith("member:")}
        arrows = {x for x in u if x.startswith("arrow:")}
        amp_f, amp_s = name in amp_f_names, name in amp_s_names
        if "call" in u or name.endswith("Func") or name.endswith("func"):
            decl = "void (*{})(void* self, struct PlayState* play)"
        elif members and members <= {"x", "y", "z"}:
            decl = "Vec3f {}" + ("[8]" if "index" in u else "")
        elif members & {"pos", "rot"} and members <= {"pos", "rot"}:
            decl = "PosRot {}"
        elif members & {"r", "g", "b", "a"} and members <= {"r", "g", "b", "a"}:
            decl = "Color_RGBA8 {}"
        elif members & {"base", "dim", "elem", "info"}:
            decl = "ColliderCylinder {}"
        elif arrows or members:
            decl = "Actor* {}" if arrows else "Actor {}"
        elif amp_f:
            decl = "f32 {}" + ("[8]" if "index" in u else "")
        elif amp_s:
            decl = "s16 {}" + ("[8]" if "index" in u else "")
        elif name in float_names:
            decl = "f32 {}"
        else:
            decl = "s32 {}" + ("[8]" if "index" in u else "")
        out.append((name, decl, True))
    return out


# ------------------------------------------------------------- assumed asset names --

_ASSET = re.compile(r"\b(g[A-Z]\w*?(DL|Dl|DList|Tex|TLUT|Skel|Anim|Col|Vtx|Mtx)(?:_[0-9A-Fa-f]{3,8})?|"
                    r"(?:object|gameplay)_\w+?_(DL|Tex|TLUT|Skel|Anim|Col|Vtx)_\w+)\b")
_ID = re.compile(r"\b((?:ACTOR|OBJECT|NA_SE)_[A-Z0-9_]+)\b")


def _asset_decl(name: str, kind: str, plain_skeleton: bool) -> str:
    kind = kind.rstrip("_")
    if kind in ("DL", "Dl", "DList"):
        return f"extern Gfx {name}[];"
    if kind in ("Tex", "TLUT"):
        return f"extern u64 {name}[];"
    if kind == "Vtx":
        return f"extern Vtx {name}[];"
    if kind == "Mtx":
        return f"extern Mtx {name};"
    if kind == "Anim":
        return f"extern AnimationHeader {name};"
    if kind == "Col":
        return f"extern CollisionHeader {name};"
    if kind == "Skel":
        if plain_skeleton:
            return f"extern SkeletonHeader {name};"
        return f"extern FlexSkeletonHeader {name};"
    return ""


def assumed_declarations(scan: str, known_names: set[str], own_text: str) -> list[tuple[str, str]]:
    """(name, declaration) for asset symbols and ids the shipped headers cannot know."""
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    defined = set(re.findall(r"\b[A-Za-z_]\w*\s*\**\s*\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*[=;]", own_text))
    externs = set(re.findall(r"\bextern\b[^;]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;", own_text))
    defines = set(re.findall(r"#\s*define\s+([A-Za-z_]\w*)", own_text))
    enumerated: set[str] = set()
    for body in re.findall(r"\benum\b[^;{]*\{([^}]*)\}", own_text):
        enumerated |= set(re.findall(r"\b([A-Za-z_]\w*)\b", body))
    plain_skel = set(re.findall(r"SkelAnime_Init\s*\([^;]*?&\s*(\w+Skel)\b", scan))
    for m in _ASSET.finditer(scan):
        name = m.group(1)
        kind = m.group(2) or m.group(3) or ""
        if name in seen or name in known_names:
            continue
        seen.add(name)
        if name in defined and name not in externs:
            continue  # the answer defines it
        decl = _asset_decl(name, kind, name in plain_skel)
        if decl:
            out.append((name, decl))
    ids: list[str] = []
    for m in _ID.finditer(scan):
        name = m.group(1)
        if name in seen or name in known_names or name.startswith("ACTOR_FLAG_"):
            continue
        if scan[m.end():m.end() + 40].lstrip().startswith("("):
            continue  # a function-like macro (ACTOR_FLAGS_CHECK_ALL(...)): never an enum constant
        seen.add(name)
        if name in defines or name in enumerated:
            continue
        ids.append(name)
    if ids:
        out.append((",".join(ids), "enum { " + ", ".join(f"{n} = 0x{0x7000 + i:04X}" for i, n in enumerate(ids)) + " };"))
    return out


# ------------------------------------------------------------------ the whole TU --

def _piece(code: str, item: Item) -> str:
    return f'#line {item.line} "{ANSWER_FILE}"\n' + code[item.start:item.end] + "\n"


def fragment_wrapper(code: str, stmts: list[Item], era: int, this_type: str | None,
                     player: bool = True) -> str:
    """Loose statements, in order, inside `void codevet_fragment(Actor* thisx, PlayState* play)`."""
    if not stmts:
        return ""
    params = "Actor* thisx, GlobalContext* globalCtx" if era == 1 else "Actor* thisx, PlayState* play"
    ctx = "globalCtx" if era == 1 else "play"
    out = [f'#line 1 "{CODEVET_FILE}"\n', f"void codevet_fragment({params}) {{\n"]
    if this_type:
        out.append(f"    {this_type}* this = ({this_type}*)thisx; (void)this;\n")
    if player:
        out.append(f"    Player* player = GET_PLAYER({ctx}); (void)player;\n")
    out.append("    {\n")
    for it in stmts:
        out.append(_piece(code, it))
    out.append(f'#line 9000 "{CODEVET_FILE}"\n    }}\n}}\n')
    return "".join(out)


def build_unit(code: str, scan: str, era: int, known_types: set[str], known_names: set[str],
               prelude: str = "", assume: bool = True) -> TranslationUnit:
    """The translation unit for `code` (already include-cleaned), `scan` its blanked twin."""
    items = split_items(scan)
    own = defined_types(scan)
    synth: list[SynthType] = []
    for name in actor_types_needed(scan, known_types, own)[:MAX_SYNTH_TYPES]:
        base = "DynaPolyActor dyna" if re.search(r"\bthis\s*->\s*dyna\b", scan) and \
            not re.search(r"\bthis\s*->\s*actor\b", scan) else "Actor actor"
        synth.append(SynthType(name, base))
    stmts = [it for it in items if it.kind == "stmt"]
    uses_this = bool(re.search(r"\bthis\b", "".join(scan[it.start:it.end] for it in stmts)))
    this_type = None
    if uses_this or stmts:
        actor_structs = set(re.findall(r"\b(?:Actor|DynaPolyActor)\s+(?:actor|dyna)\s*;[^}]*\}\s*(\w+)", scan))
        actorish = [t.name for t in synth] + sorted(own & actor_structs)
        this_type = actorish[0] if actorish else None
        if this_type is None and uses_this:
            base = "DynaPolyActor dyna" if re.search(r"\bthis\s*->\s*dyna\b", scan) else "Actor actor"
            synth.append(SynthType("CodevetThis", base))
            this_type = "CodevetThis"
    own_fields = set()
    for m in re.finditer(r"\{([^{}]*)\}\s*(\w+)\s*;", scan):
        own_fields |= set(re.findall(r"\b(\w+)\s*(?:\[[^\]]*\])?\s*;", m.group(1)))
    if len(synth) == 1 or (synth and this_type in {t.name for t in synth}):
        target = next((t for t in synth if t.name == this_type), synth[0])
        by_call = field_types_from_calls(scan, pointer_params(str(INCLUDE_DIR)))
        target.fields = [f for f in guess_fields(scan, by_call) if f[0] not in own_fields or target.name != this_type]

    out: list[str] = [prelude] if prelude else []
    out.append(f'#line 1 "{CODEVET_FILE}"\n')
    assumed: list[str] = []
    if assume:
        for name, decl in assumed_declarations(scan, known_names, scan):
            out.append(decl + "\n")
            assumed.extend(name.split(","))
    for t in synth:
        out.append(f"typedef struct {t.name} {{\n    {t.base};\n")
        for fname, pattern, _guessed in t.fields:
            out.append("    " + pattern.format(fname) + ";\n")
        out.append(f"}} {t.name};\n")

    # hoist the answer's own types above a use that comes first
    hoisted = False
    first_def: dict[str, int] = {}
    for idx, it in enumerate(items):
        if it.kind == "type":
            for name in defined_types(scan[it.start:it.end]):
                first_def.setdefault(name, idx)
    if first_def:
        idents = [set(_IDENT.findall(scan[it.start:it.end])) if it.kind in ("func", "decl", "stmt") else set()
                  for it in items]
        seen_before: set[str] = set()
        for idx, ids in enumerate(idents):
            if any(first_def.get(n) is not None and first_def[n] > idx for n in ids):
                hoisted = True
                break
            seen_before |= ids
    order = ([it for it in items if it.kind in ("pp", "type")] + [it for it in items if it.kind not in ("pp", "type")]) \
        if hoisted else items

    body_items = [it for it in order if it.kind != "stmt"]
    for it in body_items:
        out.append(_piece(code, it))
    out.append(fragment_wrapper(code, stmts, era, this_type))
    return TranslationUnit("".join(out), items, synth, bool(stmts), hoisted, assumed)
