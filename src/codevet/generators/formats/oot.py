"""Alpaca-style Ocarina of Time romhacking sets ({instruction, input, output}, C in the answer).

Detected before the Python alpaca adapter: a record matches when its text talks OoT
(PlayState, GlobalContext, Actor*, z64, Ocarina, decomp, romhack...) or its answer holds
c/cpp/h fenced blocks with N64 types (s16, f32, Vec3f...). The candidate's code is the
answer's C blocks joined by a blank line (untagged blocks only when they look like C);
the record's `type`/`category` (code explanation, feature implementation, debugging
help, architecture question, conversational, code modification) goes to `meta`, where
the sandbox reads whether an answer without code is acceptable.
"""
from __future__ import annotations

import re
from typing import Any

from codevet.core.markdown import C_TAGS, c_code, fenced_blocks
from codevet.generators.formats.base import FormatAdapter, require
from codevet.core.model import Candidate

ASM_TAGS = ("asm", "mips", "s", "gas", "assembly")
_OOT_WORDS = re.compile(r"\b(PlayState|GlobalContext|globalCtx|Ocarina|OoT|z64\w*|zeldaret|decomp|romhack\w*|"
                        r"ActorProfile|ActorInit|Actor_\w+|SkelAnime\w*|Collider\w*|OPEN_DISPS|HackerOoT|"
                        r"z64hdr|Link's|Hyrule|Zelda)\b|\bActor\s*\*", re.IGNORECASE)
_N64_TYPES = re.compile(r"\b(s8|u8|s16|u16|s32|u32|f32|Vec3f|Vec3s|Gfx)\b")
TYPE_FIELDS = ("type", "category", "task_type", "kind")


def _text(record: dict[str, Any]) -> str:
    return "\n".join(str(record.get(k) or "") for k in ("instruction", "input", "output"))


class OoTAlpaca(FormatAdapter):
    name = "oot"
    signature = ("instruction", "output")
    languages = ("oot",)

    def matches(self, record: dict[str, Any]) -> bool:
        if not super().matches(record) or not isinstance(record.get("output"), str):
            return False
        text = _text(record)
        if _OOT_WORDS.search(text):
            return True
        blocks = [body for tag, body in fenced_blocks(record["output"]) if tag in C_TAGS]
        return any(_N64_TYPES.search(b) for b in blocks)

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        instruction = require(record, "instruction")
        output = require(record, "output")
        code, n_blocks = c_code(output)
        extra = record.get("input") or ""
        meta: dict[str, Any] = {"blocks": n_blocks}
        asm = [body for tag, body in fenced_blocks(output) if tag in ASM_TAGS]
        if asm:  # the sandbox assembles these (layer 1)
            meta["asm"] = asm
        for key in TYPE_FIELDS:
            if isinstance(record.get(key), str):
                meta["type"] = record[key]
                break
        return Candidate(
            id=self.record_id(record, index), source=source, language=language or "oot",
            instruction=instruction + ("\n\n" + str(extra) if extra else ""), code=code,
            tests=None, format=self.name, meta=meta,
        )
