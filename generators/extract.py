"""Pull code out of a Markdown answer. Used by adapters of answer-style datasets."""
from __future__ import annotations

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
