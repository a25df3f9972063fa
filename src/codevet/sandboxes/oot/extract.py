"""The C of an answer: fenced blocks tagged c/cpp/h (or untagged blocks that look like C).

The format adapter already hands the sandbox the joined C blocks; this module is the
sandbox's own fallback for candidates whose `code` is still a Markdown answer (from a
generator that did not extract), and the place that blanks comments and string literals
for the scanners (era detection, include hygiene, fragment wrapping) without moving any
line, so every position still maps to the answer's own line.
"""
from __future__ import annotations


from codevet.core.markdown import c_code, has_fence

def code_for(candidate_code: str) -> str:
    """Candidate code as C: extract fences if a Markdown answer slipped through."""
    if has_fence(candidate_code):
        return c_code(candidate_code)[0]
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
