"""Model replies kept on disk by a hash of the whole request, so a second run of
`verify --synthesize-tests` (or one resumed after Ctrl-C) pays nothing for the answers it
already asked about.

The key is the request exactly as it would be sent (model, system prompt, messages,
schema, thinking, max_tokens): a changed template, model or instruction is a new key. A
reply is stored with its blocks as they came (a recheck turn built from a cached first
reply passes the same thinking block back, signature and all) and its usage, which a hit
reports as cached and free. One file per key, written aside and renamed, so a killed run
never leaves half a reply.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from codevet.generators.llm.client import Reply


class ReplyCache:
    def __init__(self, directory: Path) -> None:
        self.dir = directory / "model-replies"
        self.dir.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key(params: dict[str, Any]) -> str:
        blob = json.dumps(params, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, params: dict[str, Any], schema: type[BaseModel]) -> Reply | None:
        path = self.dir / f"{self.key(params)}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            data = schema.model_validate(stored["data"])
        except (OSError, ValueError, KeyError):  # absent, torn or from another schema: ask again
            return None
        usage = {k: v for k, v in stored.get("usage", {}).items()}
        return Reply(data, stored.get("assistant", []), {**usage, "cost_usd": 0.0, "cached": True})

    def put(self, params: dict[str, Any], reply: Reply) -> None:
        path = self.dir / f"{self.key(params)}.json"
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"data": reply.data.model_dump(), "assistant": reply.assistant,
                                   "usage": reply.usage}, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
