"""Problem text as plain lines, and values in LeetCode's notation as Python values.

Statements come as plain text, as LeetCode's HTML (`<strong>Input:</strong>`, `&quot;`,
`<sup>`), or as the Markdown greengerong/leetcode stores (`**Input:** nums = \\[2,7\\]`).
Everything downstream reads the one plain form this module makes.
"""
from __future__ import annotations

import ast
import html
import json
import re

_BLOCK_TAGS = re.compile(r"<\s*(?:br|/p|/pre|/li|/div|/h\d|/ul|/ol|p|pre|li|div)\b[^>]*>", re.IGNORECASE)
_SUP = re.compile(r"<\s*sup\s*>(.*?)<\s*/\s*sup\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_MD_ESCAPE = re.compile(r"\\([\[\]_*`#|<>(){}.!+-])")


def looks_html(text: str) -> bool:
    return bool(re.search(r"<\s*(p|pre|strong|code|em|ul|li|br|sup)\b", text, re.IGNORECASE))


def plain_text(statement: str) -> str:
    """The statement without HTML tags or Markdown emphasis; `10<sup>-5</sup>` becomes
    `10^-5`, entities are decoded, and line structure is kept."""
    text = statement or ""
    if looks_html(text):
        text = _SUP.sub(lambda m: "^" + m.group(1), text)
        text = _BLOCK_TAGS.sub("\n", text)
        text = _TAG.sub("", text)
        text = html.unescape(text)
    else:
        text = _MD_ESCAPE.sub(r"\1", text)
        text = text.replace("**", "").replace("`", "")
    text = text.replace("\u00a0", " ").replace("\r\n", "\n")
    return re.sub(r"[ \t]+\n", "\n", text)


class NotAValue(ValueError):
    """Text that is not one value in LeetCode's notation."""


def parse_value(text: str):
    """`[2,7,11,15]`, `"abc"`, `true`, `null`, `2.50000`, `[[1,null],[]]` as Python values;
    single-quoted strings too. Anything else (prose, `[1,2,_]`, two values) is NotAValue."""
    text = text.strip().rstrip(",").strip()
    if not text:
        raise NotAValue("empty")
    try:
        return json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        pass
    py = re.sub(r"\bnull\b", "None", re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", text)))
    try:
        value = ast.literal_eval(py)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError) as exc:
        raise NotAValue(f"not a value: {text[:80]!r}") from exc
    if isinstance(value, tuple):  # `1, 2` parsed as a tuple: two values, not one
        raise NotAValue(f"more than one value: {text[:80]!r}")
    return value


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """`text` cut at `sep` outside brackets and quotes."""
    parts, depth, quote, start = [], 0, "", 0
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "[({":
            depth += 1
        elif ch in "])}":
            depth -= 1
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
        i += 1
    parts.append(text[start:])
    return parts


_ASSIGN = re.compile(r"^\s*([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$", re.DOTALL)


def parse_assignments(text: str) -> list[tuple[str, object]] | None:
    """`nums = [2,7,11,15], target = 9` as [("nums", [...]), ("target", 9)]; None when
    the text is not a list of `name = value` (it may be a bare value)."""
    out: list[tuple[str, object]] = []
    for part in split_top_level(" ".join(text.split("\n"))):
        m = _ASSIGN.match(part)
        if not m:
            if out and not part.strip():
                continue
            return None
        out.append((m.group(1), parse_value(m.group(2))))
    return out or None


def parse_values(text: str) -> list:
    """Values one after another (a design problem's input: operations, then arguments)."""
    decoder, values, i = json.JSONDecoder(), [], 0
    text = text.strip()
    while i < len(text):
        if text[i].isspace() or text[i] == ",":
            i += 1
            continue
        try:
            value, i = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            raise NotAValue(f"not a value at {text[i:i + 40]!r}") from exc
        values.append(value)
    return values


def decimals(text: str) -> int:
    """The most digits after a decimal point in `text` (0 when it shows no float)."""
    return max((len(m) for m in re.findall(r"\d\.(\d+)", text)), default=0)


_ANY_ANSWER = re.compile(r"\b(return|output|print)\s+any\b(?!\s+(order|case))|\b(multiple|several|many|more than one)\s+"
                         r"(valid |possible |optimal |correct )?(answers|solutions)|\bany of them\b"
                         r"|\bone possible\b|\bone of (the )?(possible|valid|optimal|correct)\b", re.IGNORECASE)
_UNIQUE_PICK = re.compile(r"lexicographically|smallest|largest|minimum|maximum|minimal|maximal|first|last|earliest",
                          re.IGNORECASE)


def accepts_any_answer(text: str) -> bool:
    """Whether the statement accepts any of several answers ("If there are multiple
    answers, print any of them"): then an example's output is one answer among others and
    no test may demand it. A sentence that picks one ("print the smallest") does not count."""
    for sentence in re.split(r"(?<=[.;!?])\s+|\n", text):
        if _ANY_ANSWER.search(sentence) and not _UNIQUE_PICK.search(sentence):
            return True
    return False
