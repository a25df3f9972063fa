"""What every format adapter provides."""
from __future__ import annotations

import json
from typing import Any

from codevet.core.errors import FormatError as CoreFormatError
from codevet.core.model import Candidate


class FormatError(CoreFormatError, ValueError):
    """A record that does not fit its format (a missing field, a wrong type)."""


class FormatAdapter:
    name: str = ""
    # fields whose presence identifies the format
    signature: tuple[str, ...] = ()
    # languages this format can carry; the first is the default
    languages: tuple[str, ...] = ("python",)
    id_field: str | None = None

    def matches(self, record: dict[str, Any]) -> bool:
        return all(k in record for k in self.signature)

    def record_id(self, record: Any, index: int) -> str:
        if self.id_field and isinstance(record, dict) and record.get(self.id_field) is not None:
            return str(record[self.id_field])
        return str(index)

    def to_candidate(self, record: dict[str, Any], *, source: str, index: int,
                     language: str | None = None) -> Candidate:
        raise NotImplementedError


def require(record: dict[str, Any], field: str, kind: type | tuple[type, ...] = str) -> Any:
    if not isinstance(record, dict):
        raise FormatError(f"record is a {type(record).__name__}, not an object")
    if field not in record or record[field] is None:
        raise FormatError(f"missing field {field!r}")
    value = record[field]
    if not isinstance(value, kind):
        want = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
        raise FormatError(f"field {field!r} is {type(value).__name__}, expected {want}")
    return value


def json_field(record: dict[str, Any], field: str, default: Any) -> Any:
    """Fields that some exports store as JSON text (APPS `solutions`, `input_output`)."""
    value = record.get(field)
    if value in (None, ""):
        return default
    if isinstance(value, str):
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise FormatError(f"field {field!r} is not valid JSON: {exc.msg}") from exc
    return value
