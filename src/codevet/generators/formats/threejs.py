"""Three.js training data: `{description, code, filename}` records (a JSON array or
JSONL). `code` is a bare script using a global THREE, an ES module, or a whole HTML
page; the sandbox tells them apart, the adapter only maps fields. `description` is the
instruction: the sandbox reads it for motion, colours and shapes it must see."""
from __future__ import annotations

from codevet.generators.formats.base import FormatAdapter, require
from codevet.core.model import Candidate


class ThreeJS(FormatAdapter):
    name = "threejs"
    signature = ("description", "code", "filename")
    languages = ("threejs",)

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        description = require(record, "description")
        code = require(record, "code")
        filename = require(record, "filename")
        return Candidate(
            id=self.record_id(record, index), source=source, language=language or "threejs",
            instruction=description, code=code, tests=None, format=self.name,
            meta={"filename": filename},
        )
