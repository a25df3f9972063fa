"""One error hierarchy, the way httpx has one: callers catch `CodevetError` and get every
failure codevet raises on purpose, or a branch of it when they care which.

- `InputError`: the user's input cannot be read (missing file, bad `--out`, unreadable).
- `FormatError`: the input was read but is not the format asked for.
- `UnavailableError`: a component codevet needs is missing here (a toolchain, an isolation
  backend, three.js, an engine); the message says how to get it.
- `ConfigError`: options that do not fit together.

A bad *example* is never an exception: it is a `fail` or `error` verdict.
"""
from __future__ import annotations


class CodevetError(Exception):
    """The root of every error codevet raises on purpose."""


class InputError(CodevetError):
    """An input the user named cannot be read as data."""


class FormatError(InputError):
    """The input was read but does not have the fields of its format."""


class ConfigError(CodevetError):
    """Options that are invalid or contradict each other."""


class UnavailableError(CodevetError):
    """A component needed for the run is missing on this machine."""
