"""What each model accepts (models.json beside this file, dated, with its sources):
thinking modes, forced tool use, prefill, the minimum prompt prefix that is cached.

The request builder reads it so codevet only sends what the model takes; the strict test
emulator reads the same table so a request the API would refuse fails the tests."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from codevet.core.resources import package_dir

TABLE = package_dir(__package__) / "models.json"


@dataclass(frozen=True)
class Capabilities:
    model: str
    thinking: tuple[str, ...]  # accepted thinking.type values
    thinking_required: bool  # "disabled" is refused / thinking is always on
    forced_tool_choice: bool  # tool_choice any|tool accepted (never together with thinking)
    prefill: bool  # a last assistant turn is continued instead of refused
    cache_min_tokens: int  # a shorter cached prefix is silently not cached
    max_output: int
    known: bool = True


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    return json.loads(TABLE.read_text())


def checked_on() -> str:
    return str(_table()["checked"])


def capabilities(model: str) -> Capabilities:
    """The entry whose id is the longest prefix of `model` (dated ids share their alias's
    row). A model not in the table gets the strictest current behaviour."""
    models = _table()["models"]
    matches = [k for k in models if model == k or model.startswith(k + "-")]
    if matches:
        key = max(matches, key=len)
        row = models[key]
        return Capabilities(key, tuple(row["thinking"]), row["thinking_required"], row["forced_tool_choice"],
                            row["prefill"], row["cache_min_tokens"], row["max_output"])
    return Capabilities(model, ("adaptive",), True, False, False, 1024, 64000, known=False)
