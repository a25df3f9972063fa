"""The one Markdown fence parser. Adapters, filters and sandboxes all read an answer's code
through it, so a filter and a sandbox can never disagree about where a block ends.

Fences follow CommonMark: up to three spaces of indent, three or more backticks or tildes,
an info string whose first word is the language tag; the closing fence uses the same
character, is at least as long, and an unclosed fence runs to the end of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from codevet.core import pyast

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n]*)$")
_ANY_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)


@dataclass(frozen=True)
class Fence:
    """One fenced block: its language tag (lower-cased, "" when untagged), its body and
    the 1-based line of the answer where the body starts (for mapping diagnostics back)."""

    tag: str
    body: str
    line: int


def fences(text: str) -> list[Fence]:
    """Every fenced block of `text`, in order."""
    found: list[Fence] = []
    lines = (text or "").split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        info = m.group("info") if m else ""
        if not m or (m.group("fence")[0] == "`" and "`" in info):
            i += 1
            continue
        fence = m.group("fence")
        tag = info.split()[0].lower() if info.split() else ""
        tag = tag.split("{")[0]
        start = i + 1
        body: list[str] = []
        i += 1
        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            indent = len(line) - len(line.lstrip(" "))
            if stripped and indent <= 3 and set(stripped) == {fence[0]} and len(stripped) >= len(fence):
                break
            body.append(line)
            i += 1
        found.append(Fence(tag, "\n".join(body) + ("\n" if body else ""), start + 1))
        i += 1
    return found


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(tag, body) for every fenced block, in order."""
    return [(f.tag, f.body) for f in fences(text)]


def has_fence(text: str) -> bool:
    return bool(_ANY_FENCE.search(text or ""))


def join_blocks(bodies: list[str]) -> str:
    """Blocks joined by a blank line, ending in one newline ("" when there are none)."""
    return "\n\n".join(b.rstrip("\n") for b in bodies) + ("\n" if bodies else "")


def extract_code(text: str, languages: tuple[str, ...] | frozenset[str], accept_untagged: bool = True) -> str:
    """Join the blocks tagged with one of `languages` (and untagged ones if allowed).

    Returns "" when the answer holds no such block, so the sandbox can say `no-code`.
    """
    return join_blocks([f.body for f in fences(text)
                        if f.tag in languages or (accept_untagged and f.tag == "")])


C_TAGS: frozenset[str] = frozenset({"c", "cpp", "c++", "h", "hpp", "cc", "objc"})
_C_HINT = re.compile(r"(;\s*$|\{\s*$|^\s*#\s*(include|define)\b|\b(void|s16|s32|u8|u16|u32|f32|Vec3f|Actor|"
                     r"PlayState|GlobalContext|struct|typedef|static)\b)", re.MULTILINE)


def looks_like_c(body: str) -> bool:
    """An untagged block that is C (N64 C included): two or more C-shaped lines or names."""
    return len(_C_HINT.findall(body)) >= 2


def c_code(answer: str) -> tuple[str, int]:
    """The answer's C blocks (tagged c/cpp/h..., or untagged that look like C) joined by a
    blank line, and how many blocks there were. The OoT adapter and sandbox both use it."""
    picked = [f.body for f in fences(answer) if f.tag in C_TAGS or (f.tag == "" and looks_like_c(f.body))]
    return join_blocks(picked), len(picked)


_PY_LINE = re.compile(r"^\s*(def |class |import |from \S+ import |for |while |if |print\(|return |@\w)", re.MULTILINE)


def bare_python(text: str) -> str:
    """An answer with no fences that is itself Python: it parses, or it is plainly meant
    as code (a def, an import...) so that a syntax error is reported as one."""
    if not text or not text.strip() or has_fence(text):
        return ""
    try:
        pyast.parse(text)
        return text
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    braces = sum(1 for line in lines if line.endswith(("{", "}", ";")))  # C, Java, JavaScript...
    starts = sum(1 for line in lines if _PY_LINE.match(line))
    return text if lines and starts and braces * 3 < len(lines) else ""


_STATEMENT = re.compile(r"^(def |class |import |from \S+ import |for |while |if |with |try:|print\(|@\w|async def "
                        r"|[A-Za-z_][\w.]*(\[[^\]]*\])?\s*(=[^=]|\+=|-=|\*=|/=)|[A-Za-z_][\w.]*\()")


def unfenced_python(text: str, max_lines: int = 400) -> str:
    """Python written straight into prose with no fence ("Correct code:\n\nnames = {...}",
    GPTeacher's usual layout): the whole text when it is code (`bare_python`), else the
    longest run of lines that starts like a statement at column 0 and parses. Two lines at
    least, or one def/class/import, so a sentence that happens to parse is not code."""
    whole = bare_python(text)
    if not text or has_fence(text):
        return whole
    if whole and _parses(whole):
        return "" if _semicolon_lines(whole) else whole
    lines = text.split("\n")[:max_lines]
    best = ""
    i = 0
    while i < len(lines):
        if not _STATEMENT.match(lines[i]):
            i += 1
            continue
        for j in range(len(lines), i, -1):
            block = "\n".join(lines[i:j]).strip("\n")
            body = [line for line in block.splitlines() if line.strip()]
            if len(body) < 2 and not re.match(r"^(def |class |import |from \S+ import )", block):
                continue
            if _semicolon_lines(block):
                continue
            try:
                pyast.parse(block)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                continue
            if len(block) > len(best):
                best = block + "\n"
            i = j - 1
            break
        i += 1
    return best or whole  # no part parses: the code-like whole, so its syntax error is reported


def _semicolon_lines(code: str) -> bool:
    """JavaScript statements that happen to parse as Python (`x = 1;`)."""
    body = [line for line in code.splitlines() if line.strip()]
    return sum(1 for line in body if line.rstrip().endswith(";")) * 3 >= len(body)


def _parses(code: str) -> bool:
    try:
        pyast.parse(code)
        return True
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
