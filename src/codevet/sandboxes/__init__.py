"""Sandboxes, one package per language, and the isolation backends they share.

A sandbox gets Candidates and returns Verdicts; it never reads input files. New languages
register here (or through the `codevet.sandboxes` entry-point group) the way pytest
plugins do.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from codevet.core.options import SandboxOptions
from codevet.sandboxes.base import Sandbox

# language -> "module:Class", imported only when a run needs it (Chromium, gcc, ...).
BUILTIN: dict[str, str] = {
    "python": "codevet.sandboxes.python:PythonSandbox",
    "threejs": "codevet.sandboxes.threejs:ThreeJSSandbox",
    "oot": "codevet.sandboxes.oot:OoTSandbox",
    # polyglot: one name per language, one class each (see sandboxes/polyglot/__init__.py for why)
    **{lang: f"codevet.sandboxes.polyglot:{''.join(p.capitalize() for p in lang.split('_'))}Sandbox"
       for lang in ("polyglot", "javascript", "typescript", "java", "c", "cpp", "go", "rust", "csharp", "php", "ruby",
                    "shell", "sql", "html", "css")},
}


# Registered at run time (`register`), e.g. a test's in-memory sandbox; wins over the rest.
REGISTERED: dict[str, type[Sandbox]] = {}


def register(language: str, cls: type[Sandbox]) -> None:
    """Make `cls` the sandbox of `language` in this process (a plugin, a test double)."""
    REGISTERED[language] = cls


def available_languages() -> list[str]:
    names = set(BUILTIN) | set(REGISTERED)
    names.update(ep.name for ep in entry_points(group="codevet.sandboxes"))
    return sorted(names)


def sandbox_class(language: str) -> type[Sandbox]:
    if language in REGISTERED:
        return REGISTERED[language]
    target = BUILTIN.get(language)
    if target is None:
        for ep in entry_points(group="codevet.sandboxes"):
            if ep.name == language:
                return ep.load()
        raise KeyError(f"no sandbox for language {language!r} (have: {', '.join(available_languages())})")
    module, _, cls = target.partition(":")
    return getattr(import_module(module), cls)


def create_sandbox(language: str, options: SandboxOptions, jobs: int) -> Sandbox:
    cls = sandbox_class(language)
    if options.isolation not in ("auto", *cls.isolation_backends):
        from codevet.sandboxes.isolation import IsolationUnavailable

        raise IsolationUnavailable(f"--isolation {options.isolation} is not implemented for the {language} sandbox"
                                   f" (it has: {', '.join(cls.isolation_backends)})")
    return cls(options, jobs)
