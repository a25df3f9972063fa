"""Prompt templates live as files beside this module, not as strings in code, so they can
be read, diffed and tuned without touching the generator."""
from __future__ import annotations

from functools import lru_cache
from string import Template
from codevet.core.resources import package_dir

ROOT = package_dir(__package__) / "templates"


@lru_cache(maxsize=None)
def template(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8").strip()


def render(name: str, **values: object) -> str:
    return Template(template(name)).substitute({k: str(v) for k, v in values.items()})


def lines(name: str) -> list[str]:
    return [line.strip() for line in template(name).splitlines() if line.strip()]


def names(folder: str) -> list[str]:
    return sorted(p.stem for p in (ROOT / folder).glob("*.md"))
