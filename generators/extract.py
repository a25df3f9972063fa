"""Pull code out of a Markdown answer. Used by adapters of answer-style datasets."""
from __future__ import annotations

import ast
import re

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[\w+#.-]*)[^\n]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
                    re.MULTILINE | re.DOTALL)


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(language tag lower-cased, body) for every fenced block, in order."""
    return [(m.group("lang").lower(), m.group("body")) for m in _FENCE.finditer(text or "")]


def extract_code(text: str, languages: tuple[str, ...], accept_untagged: bool = True) -> str:
    """Join the blocks tagged with one of `languages` (and untagged ones if allowed).

    Returns "" when the answer holds no such block, so the sandbox can say `no-code`.
    """
    picked = [body for lang, body in fenced_blocks(text)
              if lang in languages or (accept_untagged and lang == "")]
    return "\n\n".join(b.rstrip("\n") for b in picked) + ("\n" if picked else "")


_PY_LINE = re.compile(r"^\s*(def |class |import |from \S+ import |for |while |if |print\(|return |@\w)", re.MULTILINE)


def bare_python(text: str) -> str:
    """An answer with no fences that is itself Python: it parses, or it is plainly meant
    as code (a def, an import...) so that a syntax error is reported as one."""
    if not text or not text.strip() or "```" in text:
        return ""
    try:
        ast.parse(text)
        return text
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        pass
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    braces = sum(1 for line in lines if line.endswith(("{", "}", ";")))  # C, Java, JavaScript...
    starts = sum(1 for line in lines if _PY_LINE.match(line))
    return text if lines and starts and braces * 3 < len(lines) else ""
