"""Which language an answer's code is in, decided without running anything.

Evidence, strongest first (the first that names a supported language wins):

1. the fence tag (```java),
2. the instruction ("Write a function in Java", "Create a SQL query"),
3. a shebang (#!/bin/bash, #!/usr/bin/env node),
4. the content: Python's own parser (`ast`) for Python, then a score of each language's
   distinctive tokens (`public static void`, `#include`, `fn main`, `<?php`, `SELECT .. FROM`).

Why a token score and not a learned detector: the answers here are short unfenced snippets
(CodeAlpaca has no fences at all), where the learned detectors we could install (magika,
guesslang) are trained on whole files and need hundreds of bytes to be confident; the
distinctive-token rules are the ones GitHub linguist's heuristics use to split ambiguous
extensions, and each one is a line a reviewer can read. What was found and how is kept on
the candidate (`meta["language_evidence"]`), so the report says why.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from codevet.core import pyast

# Every language the polyglot sandboxes check, plus python (its own sandbox).
LANGUAGES = ("python", "javascript", "typescript", "java", "c", "cpp", "go", "rust", "csharp", "php", "ruby",
             "shell", "sql", "html", "css")

FENCE_TAGS: dict[str, str] = {
    "python": "python", "py": "python", "python3": "python",
    "javascript": "javascript", "js": "javascript", "node": "javascript", "jsx": "javascript", "mjs": "javascript",
    "typescript": "typescript", "ts": "typescript", "tsx": "typescript",
    "java": "java", "c": "c", "h": "c", "cpp": "cpp", "c++": "cpp", "cc": "cpp", "cxx": "cpp", "hpp": "cpp",
    "go": "go", "golang": "go", "rust": "rust", "rs": "rust",
    "csharp": "csharp", "cs": "csharp", "c#": "csharp",
    "php": "php", "ruby": "ruby", "rb": "ruby",
    "bash": "shell", "sh": "shell", "shell": "shell", "zsh": "shell", "console": "shell", "shell-session": "shell",
    "sql": "sql", "mysql": "sql", "postgresql": "sql", "postgres": "sql", "sqlite": "sql", "tsql": "sql", "plsql": "sql",
    "html": "html", "htm": "html", "xhtml": "html", "css": "css",
}

# How people name a language in an instruction; longest names first so "C++" beats "C".
_NAMED = [
    (r"c\+\+|cpp", "cpp"), (r"c#|c sharp|csharp|\.net", "csharp"), (r"typescript", "typescript"),
    (r"javascript|js|node\.?js|jquery|react", "javascript"), (r"java", "java"), (r"golang|go", "go"),
    (r"rust", "rust"), (r"php", "php"), (r"ruby", "ruby"), (r"bash|shell|sh|unix|linux", "shell"),
    (r"sql|mysql|postgresql|sqlite|t-sql|pl/sql", "sql"), (r"html5?", "html"), (r"css3?", "css"),
    (r"python3?", "python"), (r"c", "c"),
]
_TARGET_WORDS = (r"(?:\bin|\busing|\bwith|\ba|\ban|\bthe|\bwrite|\bcreate|\bgenerate|\bconstruct|\bdesign"
                 r"|\bdevelop|\bimplement|\bcompose|\bto|\binto)")
# "the following SQL query", "this C code": the language of the code given, which the answer
# is in unless the instruction names another one ("Convert the following SQL query to Java")
_SOURCE_WORDS = r"(?:\bfollowing|\bthis|\bgiven)"
_INSTRUCTION = [(re.compile(_TARGET_WORDS + r"\s+(?:(?:a|an|the)\s+)?"
                            r"(?:(?:new|simple|basic|small|short|empty|valid|complete|single|working|recursive)\s+){0,2}"
                            r"(?:" + rx + r")(?![\w+#])",
                            re.IGNORECASE), lang) for rx, lang in _NAMED]
_INSTRUCTION_SOURCE = [(re.compile(_SOURCE_WORDS + r"\s+(?:(?:new|simple|basic|small|short)\s+){0,2}(?:" + rx
                                   + r")(?![\w+#])", re.IGNORECASE), lang) for rx, lang in _NAMED]
# Names that are also ordinary words ("Go", "C") only count written as the language.
_CASE_SENSITIVE = {"go": re.compile(r"\b(?:in|using|a|write|to|into|following|this|given)\s+(?:Go|Golang|golang)\b"),
                   "c": re.compile(r"\b(?:in|using|a|an|write|to|into|following|this|given)\s+(?:ANSI\s+)?C\b(?![+#]|\s*\+\+)")}

# Languages an instruction may name that codevet has no sandbox for: their answers are not
# guessed into a look-alike (Swift's `func` is not Go, VB's Console.WriteLine is not C#).
UNSUPPORTED = re.compile(r"\b(?:in|using|a|an|write|create|generate|design|construct|implement)\s+(?:(?:a|an|the)\s+)?"
                         r"(swift|kotlin|perl|visual basic|vb\.net|vba|scala|haskell|lua|matlab|objective-c|dart|"
                         r"applescript|powershell|assembly|julia|elixir|erlang|clojure|f#|fortran|cobol|pascal|groovy|"
                         r"mongodb|mongo|r(?= (?:function|program|script|code))|prolog|lisp|scheme|ocaml|vue|angular|"
                         r"jsx|react native|regex|regular expression|latex|json|xml|yaml)(?![\w+#])", re.IGNORECASE)

_SHEBANG = [(re.compile(r"^#!.*\b(?:ba|z|k|da)?sh\b"), "shell"), (re.compile(r"^#!.*\bnode\b"), "javascript"),
            (re.compile(r"^#!.*\bpython"), "python"), (re.compile(r"^#!.*\bruby\b"), "ruby"),
            (re.compile(r"^#!.*\bphp\b"), "php")]

# (pattern, weight) per language: tokens that are rare outside it.
_M = re.MULTILINE
_TOKENS: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "java": [(re.compile(r"\bpublic\s+(?:static\s+)?(?:final\s+)?(?:void|int|String|boolean|double|long|char|float)"
                         r"(?:\[\])*\s+\w+\s*\("), 4), (re.compile(r"\bSystem\.out\.print"), 6),
             (re.compile(r"\bString\[\]"), 3), (re.compile(r"\bpublic\s+class\b"), 4),
             (re.compile(r"\b(?:ArrayList|HashMap|List|Map)<"), 2), (re.compile(r"\bimport\s+java\."), 8),
             (re.compile(r"\.length\(\)|\.equals\("), 1), (re.compile(r"\bnew\s+int\["), 3)],
    "csharp": [(re.compile(r"\bConsole\.Write"), 8), (re.compile(r"\busing\s+System\b"), 8),
               (re.compile(r"\bstatic\s+void\s+Main\b"), 5), (re.compile(r"\bnamespace\s+\w+"), 3),
               (re.compile(r"\bstring\[\]|\bstring\s+\w+\s*="), 1), (re.compile(r"\.Length\b|\.Count\b"), 2),
               (re.compile(r"\bforeach\s*\(\s*(?:var|int|string)\s+\w+\s+in\b"), 4)],
    "c": [(re.compile(r"^\s*#include\s*<(?:stdio|stdlib|string|math|stdbool)\.h>", _M), 6),
          (re.compile(r"\bprintf\s*\("), 2), (re.compile(r"\bscanf\s*\("), 3), (re.compile(r"\bmalloc\s*\("), 3),
          (re.compile(r"\bint\s+main\s*\("), 2), (re.compile(r"\bstruct\s+\w+\s*\*"), 2)],
    "cpp": [(re.compile(r"^\s*#include\s*<(?:iostream|vector|string|algorithm|map|bits/stdc\+\+\.h)>", _M), 8),
            (re.compile(r"\bstd::|\bcout\s*<<|\bcin\s*>>"), 6), (re.compile(r"\busing\s+namespace\s+std\b"), 8),
            (re.compile(r"\bvector<"), 3), (re.compile(r"\btemplate\s*<"), 3)],
    "go": [(re.compile(r"^\s*package\s+\w+", _M), 6), (re.compile(r"\bfunc\s+(?:\(\w+\s+\*?\w+\)\s*)?\w+\s*\("), 5),
           (re.compile(r"\bfmt\.\w+"), 5), (re.compile(r":=\s*"), 1), (re.compile(r"\[\]\w+\{"), 2)],
    "rust": [(re.compile(r"\bfn\s+\w+\s*(?:<[^>]*>)?\s*\("), 5), (re.compile(r"\blet\s+mut\b"), 6),
             (re.compile(r"\bprintln!\s*\("), 6), (re.compile(r"->\s*(?:i32|u32|i64|usize|bool|String|Vec<)"), 4),
             (re.compile(r"\bimpl\b|&str\b|\bVec<"), 3)],
    "php": [(re.compile(r"<\?php"), 12), (re.compile(r"\$\w+\s*=[^=]"), 3), (re.compile(r"\becho\s+[\"'$]"), 3),
            (re.compile(r"\bfunction\s+\w+\s*\(\s*\$"), 6), (re.compile(r"\$\w+->"), 3)],
    "ruby": [(re.compile(r"^\s*def\s+\w+[?!]?\s*(?:\(.*\))?\s*$", _M), 2), (re.compile(r"^\s*end\s*$", _M), 3),
             (re.compile(r"\bputs\b"), 4), (re.compile(r"\.each\s+do\s*\|"), 6), (re.compile(r"\bdo\s*\|\w+"), 4),
             (re.compile(r"^\s*require\s+['\"]", _M), 2), (re.compile(r"\battr_accessor\b"), 6),
             (re.compile(r"\belsif\b"), 5)],
    "shell": [(re.compile(r"^\s*(?:echo|ls|cd|mkdir|grep|sudo|apt-get|pip|npm|git|export|chmod|cat|find|wc|awk|sed"
                          r"|curl|tar|rm|cp|mv|touch|ps|kill|df|du)\b(?!\s*\()", _M), 3),
              (re.compile(r"^\s*(?:gcc|g\+\+|clang\+{0,2}|javac|rustc|go\s+(?:run|build)|mcs|tsc|make|curl|wget)\s+-?[\w./-]+"
                          r"[^\n(]*$", _M), 8), (re.compile(r"(?:^|;\s*)\./\w+", _M), 3),
              (re.compile(r"\$\{?\w+\}?|\$\(\(?"), 1), (re.compile(r"^\s*(?:fi|done|esac)\s*$", _M), 5),
              (re.compile(r"\bthen\s*$|;\s*then\b|;\s*do\b", _M), 4), (re.compile(r"\[\[? .* \]\]?"), 2)],
    "sql": [(re.compile(r"^\s*SELECT\b[\s\S]+?\bFROM\b", _M | re.IGNORECASE), 8),
            (re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(?:TABLE|DATABASE|INDEX|VIEW)"
                        r"|ALTER\s+TABLE|DROP\s+TABLE)\b", _M | re.IGNORECASE), 10),
            (re.compile(r"\b(?:WHERE|GROUP BY|ORDER BY|INNER JOIN|LEFT JOIN|HAVING)\b"), 2)],
    "html": [(re.compile(r"<!DOCTYPE\s+html|<html\b", re.IGNORECASE), 12),
             (re.compile(r"<(?:div|body|head|p|table|form|input|span|ul|li|h[1-6]|a|button|label|select|tr|td)\b[^>]*>",
                         re.IGNORECASE), 4), (re.compile(r"</\w+>"), 2)],
    "css": [(re.compile(r"^\s*[.#]?[\w\-\s,.#:>*\[\]=\"']+\{\s*$", _M), 2),
            (re.compile(r"^\s*(?:color|background(?:-color)?|font-(?:size|family|weight)|margin|padding|border|"
                        r"display|width|height|text-align)\s*:[^;]+;", _M), 5)],
    "javascript": [(re.compile(r"\bconsole\.log\s*\("), 6), (re.compile(r"\b(?:const|let)\s+\w+\s*="), 2),
                   (re.compile(r"\bfunction\s+\w+\s*\((?!\s*\$)"), 4), (re.compile(r"\btypeof\b|\.push\(|\.forEach\("), 2), (re.compile(r"=>"), 2),
                   (re.compile(r"\bdocument\.|\bwindow\.|\$\(\s*['\"]"), 5), (re.compile(r"===|!=="), 3),
                   (re.compile(r"\bvar\s+\w+\s*="), 2), (re.compile(r"\brequire\(['\"]|\bmodule\.exports\b"), 4)],
    "python": [(re.compile(r"^\s*def\s+\w+\s*\([^)]*\)\s*(?:->[^:]+)?:\s*$", _M), 6),
               (re.compile(r"^\s*(?:elif\b|import\s+\w+\s*$|from\s+\w+\s+import\b)", _M), 5),
               (re.compile(r"\bprint\(|\bself\.|\bNone\b|\bTrue\b|\bFalse\b"), 1),
               (re.compile(r"^\s*(?:for|while|if)\b[^{;]*:\s*$", _M), 3)],
    "typescript": [(re.compile(r"\b(?:let|const|var)\s+\w+\s*:\s*(?:number|string|boolean|any)\b"), 8),
                   (re.compile(r"\binterface\s+\w+\s*\{"), 3),
                   (re.compile(r"\)\s*:\s*(?:number|string|boolean|void)\s*(?:\{|=>)"), 8)],
}
# Tokens that say the code is NOT that language (a JS arrow in SQL text, a `$` in Java).
_MIN_SCORE = 4.0


@dataclass(frozen=True)
class Detection:
    language: str  # one of LANGUAGES, or "" when nothing says
    how: str  # fence | instruction | shebang | content | none
    detail: str = ""


def from_fence(tag: str) -> str:
    return FENCE_TAGS.get((tag or "").strip().lower(), "")


def from_instruction(instruction: str) -> tuple[str, str]:
    """The language the instruction names, with the words that named it."""
    text = instruction or ""
    for table in (_INSTRUCTION, _INSTRUCTION_SOURCE):  # a target language first, then the given code's
        best: tuple[int, str, str] | None = None
        for rx, lang in table:
            m = rx.search(text)
            if m and lang in _CASE_SENSITIVE:
                m = _CASE_SENSITIVE[lang].search(text)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), lang, m.group(0))
        if best:
            return best[1], best[2]
    return "", ""


def from_shebang(code: str) -> str:
    first = (code or "").lstrip().split("\n", 1)[0]
    for rx, lang in _SHEBANG:
        if rx.match(first):
            return lang
    return ""


def _is_python(code: str) -> bool:
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    # a lone expression (`true`, `5`, `a + b`) parses in every language: not evidence, unless
    # it uses what only Python has (a slice `xs[::-1]`, a builtin `len(s)`, a `#` comment)
    if re.search(r";\s*$", code.strip()):
        return False
    return any(not isinstance(node, ast.Expr) for node in tree.body) or bool(_PYTHON_ONLY_EXPR.search(code))


_PYTHON_ONLY_EXPR = re.compile(r"\[[^\]\[]*::|\[\s*-?\w*\s*:\s*-?\w*\s*\]|(?<![\w.$])(?:len|sorted|range|enumerate|zip|"
                               r"isinstance|sum|max|min|abs|str|int|list|dict|set|tuple)\(|\s#\s")


def scores(code: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for lang, rules in _TOKENS.items():
        total = sum(weight * min(3, len(rx.findall(code))) for rx, weight in rules)
        if total:
            out[lang] = total
    # TypeScript is JavaScript plus types; C++ is often C plus iostream: the superset wins only with its own tokens
    if "typescript" in out:
        out["typescript"] += out.get("javascript", 0)
    if "cpp" in out:
        out["cpp"] += out.get("c", 0)
    return out


_WORD = re.compile(r"^[A-Za-z][a-z'’,]*[.,:;!?]?$")


def explanation_line(line: str) -> bool:
    """A line of English explanation ("In Java, inheritance is achieved with ...", "For
    example:"): a sentence ending in . : ? or !, or a short label, with no code punctuation."""
    line = line.strip()
    # English starts with a capital (`For example:`); code does not (`class Account:`, `for x in xs:`)
    prose = line[:1].isupper()
    label = prose and line.endswith(":") and len(line.split()) <= 5 and all(_WORD.match(t) for t in line.split())
    sentence = prose and _sentence(line) and line[-1] in ".:?!" and not re.search(r"[;{}=<>]", line)
    return bool(label or sentence)


def explanation_lines(text: str) -> int:
    """How many leading lines of `text` are an English explanation (blank lines included)."""
    lines = text.split("\n")
    k = 0
    while k < len(lines) and (not lines[k].strip() or explanation_line(lines[k])):
        k += 1
    return k


def _sentence(line: str) -> bool:
    """A line of English: six or more words, nearly all plain words."""
    tokens = line.split()
    return len(tokens) >= 6 and sum(1 for t in tokens if _WORD.match(t)) >= 0.7 * len(tokens)


_CODE_LINE = re.compile(r"[;{}=\[\]$]|\w\(|^\s*(?:#|//|<|def |end\s*$)")


def looks_like_prose(text: str) -> bool:
    """Sentences, a bare value (`true`, `'A'`, `5`) or a list of words: no code to check."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return True
    code_lines = sum(1 for line in lines if _CODE_LINE.search(line))
    if _sentence(lines[0]) or sum(1 for line in lines if _sentence(line)) * 2 >= len(lines):
        return True  # an explanation, perhaps quoting code: not a program to check
    return code_lines * 2 < len(lines) or (len(lines) == 1 and len(text.split()) <= 3 and not _CODE_LINE.search(text)
                                           ) or (len(lines) == 1 and not re.search(r"[;{}=()<>$]", text))


def from_content(code: str) -> tuple[str, str]:
    text = code or ""
    if not text.strip():
        return "", "empty"
    if _is_python(text):
        return "python", "parses as Python (ast)"
    found = scores(text)
    if not found:
        return "", "no distinctive tokens"
    lang, best = max(found.items(), key=lambda kv: kv[1])
    if best < _MIN_SCORE:
        return "", f"weak evidence ({lang} {best:g})"
    ranked = ", ".join(f"{k} {v:g}" for k, v in sorted(found.items(), key=lambda kv: -kv[1])[:3])
    return lang, f"tokens: {ranked}"


def detect(code: str, instruction: str = "", fence_tag: str = "") -> Detection:
    """The language of `code` (an answer's code), strongest evidence first.

    The instruction is trusted only when the content does not clearly say otherwise: "Write
    a Java program" answered in Python is Python (and the report says both)."""
    lang = from_fence(fence_tag)
    if lang:
        return Detection(lang, "fence", f"```{fence_tag}")
    content_lang, content_why = from_content(code)
    named, words = from_instruction(instruction)
    other = UNSUPPORTED.search(instruction or "")
    if not content_lang and looks_like_prose(code or ""):
        # a bare token (`^a.+`) asked for in a language codevet lacks is that language, not prose
        if other and not named and not any(_sentence(line) for line in (code or "").splitlines()) \
                and len((code or "").split()) == 1:
            return Detection("", "unsupported", f"the instruction asks for {other.group(1)}, which codevet does not check")
        return Detection("", "none", "prose or a bare value, not code")
    if other and (not named or other.start() < (instruction or "").find(words)):
        return Detection("", "unsupported", f"the instruction asks for {other.group(1)}, which codevet does not check")
    if named:
        confident = content_why.startswith("parses as") or scores(code).get(content_lang, 0) >= 8
        strong = content_lang and content_lang != named and confident \
            and not (named, content_lang) in (("cpp", "c"), ("c", "cpp"), ("typescript", "javascript"),
                                             ("javascript", "typescript"), ("javascript", "html"), ("html", "css"),
                                             ("css", "html"), ("html", "javascript"))
        if not strong:
            return Detection(named, "instruction", f"instruction says {words!r}")
    shebang = from_shebang(code)
    if shebang:
        return Detection(shebang, "shebang", (code or "").lstrip().split("\n", 1)[0][:80])
    if content_lang:
        detail = content_why + (f" (instruction said {words!r})" if named else "")
        return Detection(content_lang, "content", detail)
    return Detection("", "none", content_why)
