"""HTML and CSS: parsed, never run (a page's scripts belong to the three.js sandbox's
browser). Both parsers are pure Python and execute nothing from the input.

HTML: the standard library's tokenizer, then the tag structure checked the way a reader
would: an end tag that closes nothing, or an element that needs an end tag and never gets
one. Optional end tags (p, li, td, ...) and void elements follow the HTML spec's lists.
CSS: tinycss2 (the CSS Syntax Level 3 tokenizer) for rules and declarations, plus brace
balance, which the spec's error recovery would otherwise silently repair.
"""
from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "!doctype", "basefont", "frame", "keygen"}
OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt",
                "rp", "colgroup", "caption", "html", "head", "body"}


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, int]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                skipped = [t for t, _ in self.stack[i + 1:] if t not in OPTIONAL_END]
                if skipped:
                    self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes <{skipped[-1]}> "
                                         f"(opened without its end tag)")
                del self.stack[i:]
                return
        self.problems.append(f"line {self.getpos()[0]}: </{tag}> has no open <{tag}>")


def check_html(text: str) -> tuple[bool, str]:
    parser = _Structure()
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # the tokenizer's own failure on odd input
        return False, f"{type(exc).__name__}: {exc}"
    unclosed = [(t, line) for t, line in parser.stack if t not in OPTIONAL_END]
    problems = parser.problems + [f"line {line}: <{t}> is never closed" for t, line in unclosed]
    if problems:
        return False, "; ".join(problems[:5])
    return True, "well-formed"


def _brace_balance(text: str) -> str:
    depth, i, n, line = 0, 0, len(text), 1
    quote = ""
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                return f"line {line}: unclosed comment"
            line += text.count("\n", i, end)
            i = end + 1
        elif ch in "\"'":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return f"line {line}: '}}' closes nothing"
        i += 1
    if quote:
        return "unclosed string"
    return f"{depth} unclosed '{{'" if depth else ""


def check_css(text: str) -> tuple[bool, str]:
    import tinycss2

    problem = _brace_balance(text)
    if problem:
        return False, problem
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    errors: list[str] = []
    n_decls = 0
    for rule in rules:
        if rule.type == "error":
            errors.append(f"line {rule.source_line}: {rule.message}")
            continue
        if rule.type == "qualified-rule" or (rule.type == "at-rule" and rule.content is not None
                                             and rule.lower_at_keyword in ("font-face", "page")):
            for decl in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True):
                if decl.type == "error":
                    errors.append(f"line {decl.source_line}: {decl.message}")
                elif decl.type == "declaration":
                    n_decls += 1
    if errors:
        return False, "; ".join(errors[:5])
    return True, f"{len(rules)} rules, {n_decls} declarations"
