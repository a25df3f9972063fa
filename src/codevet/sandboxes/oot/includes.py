"""Include hygiene: what an answer may pull into the compile, decided before gcc runs.

Even with `-nostdinc`, gcc reads any path it is given, and echoes the content of a file
it cannot parse into its diagnostics; inside bwrap /usr and /etc are still visible. So an
`#include` of an absolute path or one with `..`, a computed include, `#pragma GCC
dependency`, `__has_include` of such a path and `.incbin` fail the `include-escape`
check and the answer is never compiled. Includes of headers the set does not have (the
answer's own `z_en_foo.h`, asset headers, <stdio.h>) are blanked and noted: what they
would have declared then shows up as ordinary diagnostics. Every edit keeps the line
count, so diagnostics still point at the answer's own lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from codevet.sandboxes.oot.extract import blank_comments_and_strings

_DIRECTIVE = re.compile(r"^\s*(?:#|%:|\?\?=)\s*(\w+)(.*)$", re.DOTALL)
_OPERAND = re.compile(r'^\s*(?:"([^"\n]*)"|<([^>\n]*)>)\s*$')
_INCBIN = re.compile(r"\.incbin\b|\.include\b|\.macro\b", re.IGNORECASE)
_HAS_INCLUDE = re.compile(r"__has_include(?:_next)?\s*\(\s*(?:\"([^\"\n]*)\"|<([^>\n]*)>)?")
_PRAGMA_OP = re.compile(r"_Pragma\s*\(\s*\"\s*GCC\s+dependency", re.IGNORECASE)


@dataclass
class IncludeReport:
    code: str                                   # the answer with disallowed lines blanked
    escapes: list[tuple[int, str]] = field(default_factory=list)   # (line, why) -> include-escape
    removed: list[tuple[int, str]] = field(default_factory=list)   # (line, name) includes we do not have
    kept: list[str] = field(default_factory=list)
    line_directives: int = 0


def bad_path(name: str) -> str | None:
    """Why an include name may not be used, or None."""
    if not name.strip():
        return "an empty include name"
    if name.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:", name):
        return "an absolute path"
    parts = re.split(r"[\\/]+", name)
    if ".." in parts:
        return "a path that climbs out with '..'"
    if any(ord(ch) < 32 for ch in name):
        return "a control character in the name"
    return None


def _logical_lines(code: str) -> list[tuple[int, int, str]]:
    """(first physical line index, last index, joined text) for backslash-continued lines."""
    phys = code.split("\n")
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(phys):
        start, text = i, phys[i]
        while text.endswith("\\") and i + 1 < len(phys):
            i += 1
            text = text[:-1] + phys[i]
        out.append((start, i, text))
        i += 1
    return out


def check_includes(code: str, resolve: Callable[[str, bool], bool]) -> IncludeReport:
    """`resolve(name, angled)` says whether the header set (or the decomp checkout) has
    the header. Returns the cleaned code and what was found."""
    scan = blank_comments_and_strings(code, keep_strings=True)
    phys = code.split("\n")
    report = IncludeReport(code=code)
    for start, end, text in _logical_lines(scan):
        lineno = start + 1
        if _INCBIN.search(text):
            report.escapes.append((lineno, "an assembler directive that reads files (.incbin/.include)"))
        for m in _HAS_INCLUDE.finditer(text):
            name = m.group(1) if m.group(1) is not None else m.group(2)
            why = bad_path(name) if name is not None else "a computed __has_include"
            if why:
                report.escapes.append((lineno, f"__has_include of {why}"))
        if _PRAGMA_OP.search(text):
            report.escapes.append((lineno, "_Pragma(\"GCC dependency\") reads a file"))
        m = _DIRECTIVE.match(text)
        if not m:
            continue
        word, rest = m.group(1), m.group(2)
        if word in ("include", "include_next", "import", "embed"):
            op = _OPERAND.match(rest)
            if not op:
                report.escapes.append((lineno, f"a computed #{word} (the file name comes from a macro)"))
                continue
            name = op.group(1) if op.group(1) is not None else op.group(2)
            why = bad_path(name)
            if why or word == "embed":
                report.escapes.append((lineno, f"#{word} of {why or 'a file'}"))
                continue
            if resolve(name, op.group(2) is not None):
                report.kept.append(name)
            else:
                report.removed.append((lineno, name))
                for k in range(start, end + 1):
                    phys[k] = ""
        elif word == "pragma" and re.match(r"\s*GCC\s+dependency\b", rest):
            report.escapes.append((lineno, "#pragma GCC dependency reads a file"))
        elif word == "line" or (word.isdigit()):
            # the answer's own #line would break the mapping of diagnostics to its lines
            report.line_directives += 1
            for k in range(start, end + 1):
                phys[k] = ""
    report.code = "\n".join(phys)
    return report
