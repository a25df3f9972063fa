"""Naming eras of the OoT decomp API: which era an answer is written in.

The decomp renamed much of its API over the years, and LLM answers mix the eras. The
shipped headers are compiled with one era at a time (`-DOOT_ERA=n`, the same table as
`include/oot.h`), chosen here from the names the answer uses, so an answer that mixes
names from two eras fails to compile in the era it was given, and the compiler's own
diagnostic ("unknown type name 'GlobalContext'") becomes the evidence for
`wrong-era-name`.

Eras:
  1  early decomp (2020 to May 2022): GlobalContext/globalCtx, speedXZ, ActorInit
  2  z64hdr snapshot (mid/late 2022): PlayState, but still speedXZ, ActorInit
  3  modern decomp (2023 on): speed, ActorProfile, Actor_MoveXZGravity, Actor_PlaySfx
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ERAS: tuple[int, ...] = (1, 2, 3)
ERA_LABELS: dict[int, str] = {1: "e1-globalctx", 2: "e2-z64hdr", 3: "e3-modern"}
_OLD = frozenset({1, 2})
_NEW = frozenset({3})
_E1 = frozenset({1})
_E23 = frozenset({2, 3})

# name -> eras in which the shipped headers (include/oot.h) declare it
ERA_NAMES: dict[str, frozenset[int]] = {
    "GlobalContext": _E1, "globalCtx": _E1, "PLAYER": _E1,
    "PlayState": _E23,
    "speedXZ": _OLD, "speed": _NEW,
    "objBankIndex": _OLD, "objectSlot": _NEW,
    "targetMode": _OLD, "attentionRangeType": _NEW,
    "ActorInit": _OLD, "ActorProfile": _NEW,
    "Actor_MoveForward": _OLD, "Actor_MoveXZGravity": _NEW,
    "func_8002D7EC": _OLD, "Actor_UpdatePos": _NEW,
    "Audio_PlayActorSound2": _OLD, "Audio_PlayActorSfx2": _OLD, "Actor_PlaySfx": _NEW,
    "func_8002F974": _OLD, "Actor_PlaySfx_Flagged": _NEW,
    "Actor_ProcessTalkRequest": _OLD, "Actor_TalkOfferAccepted": _NEW,
    "func_8002F2CC": _OLD, "Actor_OfferTalk": _NEW,
    "func_8002F434": _OLD, "Actor_OfferGetItem": _NEW,
    "func_8002DF54": _OLD, "Player_SetCsActionWithHaltedActors": _NEW,
    "Object_GetIndex": _OLD, "Object_GetSlot": _NEW,
    "func_80078884": _OLD, "Sfx_PlaySfxCentered": _NEW,
    "Actor_SetHeight": _E1, "Collider_CylinderUpdate": _E1,
    "func_80093D18": _E1, "func_80093D84": _E1,
    "func_8010BDBC": _E1, "func_80106BC8": _E1,
    "Math_Rand_ZeroOne": _E1, "Math_Rand_CenteredFloat": _E1, "Math_Rand_ZeroFloat": _E1,
    "Math_Rand_S16Offset": _E1, "Math_Sins": _E1, "Math_Coss": _E1,
    "MATRIX_FINALIZE_AND_LOAD": _NEW, "PARAMS_GET_U": _NEW, "PARAMS_GET_S": _NEW,
    "PARAMS_GET_NOSHIFT": _NEW,
}

# Field names are only era markers when read off an actor (player->speedXZ is modern too).
FIELD_MARKERS = frozenset({"speedXZ", "speed", "objBankIndex", "objectSlot", "targetMode", "attentionRangeType"})
_FIELD_RE = re.compile(r"\b(?:actor|thisx|dyna\.actor)\s*(?:\.|->)\s*(" + "|".join(sorted(FIELD_MARKERS)) + r")\b")
_NAME_RE = re.compile(r"\b(" + "|".join(sorted((n for n in ERA_NAMES if n not in FIELD_MARKERS),
                                                key=len, reverse=True)) + r")\b")
# `profile`-style variable names are era hints too (En_Foo_InitVars vs En_Foo_Profile)
_INITVARS_RE = re.compile(r"\b\w+_InitVars\b")
_PROFILE_RE = re.compile(r"\b\w+_Profile\b")


@dataclass
class EraGuess:
    """What the answer's names say about its era."""

    era: int                      # the era to compile in
    compatible: tuple[int, ...]   # eras every marker allows (empty: a mix)
    markers: dict[str, list[int]] = field(default_factory=dict)  # name -> eras it belongs to

    @property
    def label(self) -> str:
        return ERA_LABELS[self.era]

    @property
    def mixed(self) -> bool:
        return bool(self.markers) and not self.compatible

    def as_dict(self) -> dict[str, object]:
        return {"era": self.label, "compiled_as": self.era, "compatible": [ERA_LABELS[e] for e in self.compatible],
                "mixed": self.mixed, "markers": self.markers}


def detect_era(code: str) -> EraGuess:
    """`code` should have comments and string literals blanked (see wrap.strip_comments)."""
    markers: dict[str, frozenset[int]] = {}
    for m in _NAME_RE.finditer(code):
        markers[m.group(1)] = ERA_NAMES[m.group(1)]
    for m in _FIELD_RE.finditer(code):
        markers[m.group(1)] = ERA_NAMES[m.group(1)]
    if _INITVARS_RE.search(code):
        markers.setdefault("*_InitVars", _OLD)
    if _PROFILE_RE.search(code):
        markers.setdefault("*_Profile", _NEW)
    compatible = set(ERAS)
    for eras in markers.values():
        compatible &= eras
    if compatible:
        era = max(compatible)
    else:  # a mix: compile in the era most markers vote for (the latest on a tie)
        votes = {e: sum(e in eras for eras in markers.values()) for e in ERAS}
        era = max(ERAS, key=lambda e: (votes[e], e))
    return EraGuess(era, tuple(sorted(compatible)) if markers else ERAS,
                    {k: sorted(v) for k, v in sorted(markers.items())})


def is_era_name_elsewhere(name: str, era: int) -> bool:
    """Is `name` a real name of another era that the compiled era does not have?"""
    eras = ERA_NAMES.get(name)
    return eras is not None and era not in eras
