"""The C of an answer: fenced blocks tagged c/cpp/h (or untagged blocks that look like C).

The format adapter already hands the sandbox the joined C blocks; this module is the
sandbox's own fallback for candidates whose `code` is still a Markdown answer (from a
generator that did not extract), and the place that blanks comments and string literals
for the scanners (era detection, include hygiene, fragment wrapping) without moving any
line, so every position still maps to the answer's own line.
"""
from __future__ import annotations

import re

C_TAGS: frozenset[str] = frozenset({"c", "cpp", "c++", "h", "hpp", "cc", "objc"})
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)[^\n`]*$")
_C_HINT = re.compile(r"(;\s*$|\{\s*$|^\s*#\s*(include|define)\b|\b(void|s16|s32|u8|u16|u32|f32|Vec3f|Actor|"
                     r"PlayState|GlobalContext|struct|typedef|static)\b)", re.MULTILINE)


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(tag, body) per fenced block, CommonMark-style: the closing fence uses the same
    character, is at least as long, and an unclosed fence runs to the end."""
    blocks: list[tuple[str, str]] = []
    lines = (text or "").split("\n")
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence, tag = m.group(1), m.group(2).lower()
        body: list[str] = []
        i += 1
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped and set(stripped) == {fence[0]} and len(stripped) >= len(fence) and \
                    len(lines[i]) - len(lines[i].lstrip(" ")) <= 3:
                break
            body.append(lines[i])
            i += 1
        blocks.append((tag, "\n".join(body)))
        i += 1
    return blocks


def looks_like_c(body: str) -> bool:
    return len(_C_HINT.findall(body)) >= 2


def c_code(answer: str) -> tuple[str, int]:
    """The answer's C blocks joined by a blank line, and how many blocks there were."""
    picked = [body.rstrip("\n") for tag, body in fenced_blocks(answer)
              if tag in C_TAGS or (tag == "" and looks_like_c(body))]
    return ("\n\n".join(picked) + "\n" if picked else ""), len(picked)


def code_for(candidate_code: str) -> str:
    """Candidate code as C: extract fences if a Markdown answer slipped through."""
    if re.search(r"^ {0,3}(```|~~~)", candidate_code or "", re.MULTILINE):
        code, n = c_code(candidate_code)
        return code
    return candidate_code or ""


def blank_comments_and_strings(code: str, keep_strings: bool = False) -> str:
    """Comments (and, unless keep_strings, string/char literal contents) replaced by
    spaces; newlines are kept, so offsets and line numbers do not move."""
    out = list(code)
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c == "/" and i + 1 < n and code[i + 1] == "/":
            j = code.find("\n", i)
            j = n if j < 0 else j
            while True:  # a line comment continues over backslash-newline
                if j > 0 and code[j - 1] == "\\" and j < n:
                    nxt = code.find("\n", j + 1)
                    j = n if nxt < 0 else nxt
                else:
                    break
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c == "/" and i + 1 < n and code[i + 1] == "*":
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            for k in range(i, j):
                if out[k] != "\n":
                    out[k] = " "
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and code[j] != c and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            j = min(j, n - 1)
            if not keep_strings:
                for k in range(i + 1, j):
                    if out[k] != "\n":
                        out[k] = " "
            i = j + 1
        else:
            i += 1
    return "".join(out)
