"""Sample input and output of a stdin/stdout problem statement as `stdio` tests.

Judges' statements show samples in a few layouts: APPS's `-----Sample Input-----` /
`-----Sample Output-----`, AtCoder's and LiveCodeBench's `Sample Input 1:`, and
Codeforces/CodeChef's `Example(s)` section with bare `Input` / `Output` headers. A bare
`Input` header counts only after an `Example` header, because the statement's own
`Input` section (which describes the format) comes first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from codevet.core.model import TestCase, TestSpec
from codevet.generators.statement_tests.text import accepts_any_answer, plain_text

_HEADER = re.compile(r"^-*\s*(?P<sample>sample\s+|example\s+)?(?P<what>input|output)(?:\s*(?:example\s*)?#?\s*\d+)?"
                     r"\s*:?\s*-*\s*$", re.IGNORECASE)
_EXAMPLES = re.compile(r"^-*\s*(examples?|samples?|sample tests?)(\s*\d+)?\s*:?\s*-*\s*$", re.IGNORECASE)
_STOP = re.compile(r"^-*\s*(notes?|explanation|hints?|constraints|scoring|subtasks?)\b.*$", re.IGNORECASE)
_PROSE = re.compile(r"^(#{2,}\s|\S+(\s+\S+){3,}[.:]$)")
_INLINE_SAMPLE = re.compile(r"(?<=\S)[ \t]*(Sample (?:Input|Output)\s*\d*\s*:)", re.IGNORECASE)
_ANY_CASE = re.compile(r"\bin any (letter )?case\b|case[- ]insensitive|any combination of (upper|lower)", re.IGNORECASE)
_INTERACTIVE = re.compile(r"\binteract(ive|or|ion)\b", re.IGNORECASE)  # the samples are a dialogue, not a file
_READS_STDIN = re.compile(r"\binput\s*\(|sys\.stdin|open\s*\(\s*0|fileinput")


@dataclass
class Sample:
    input: str
    output: str


def _undouble(lines: list[str]) -> list[str]:
    """Lines with a blank line after every one (`6`, ``, `abc`, ``, `acb`: how SandboxFusion's
    LiveCodeBench prompts print samples) are the lines without the blanks; a program reading
    with input() would otherwise see empty lines the judge never gives it."""
    body = list(lines)
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    if len(body) >= 5 and all(line.strip() for line in body[0::2]) and not any(line.strip() for line in body[1::2]):
        return body[0::2]
    return lines


def reads_stdin(code: str) -> bool:
    return bool(_READS_STDIN.search(code or ""))


def samples(statement: str) -> list[Sample]:
    """The (input, output) pairs the statement shows, in order."""
    text = _INLINE_SAMPLE.sub(r"\n\1", plain_text(statement))  # "...positive answer).Sample Input 1:"
    lines = text.split("\n")
    in_examples = False
    pending_input: list[str] | None = None
    current: list[str] | None = None
    current_kind = ""
    found: list[Sample] = []

    def close() -> None:
        nonlocal pending_input, current, current_kind
        if current is None:
            return
        body = "\n".join(current).strip("\n")
        if current_kind == "input":
            pending_input = _undouble(current)
        elif current_kind == "output" and pending_input is not None:
            body = "\n".join(_undouble(current)).strip("\n")
            text_in = "\n".join(pending_input).strip("\n")
            if text_in.strip() and body.strip():
                found.append(Sample(text_in + "\n", body + "\n"))
            pending_input = None
        current, current_kind = None, ""

    for line in lines:
        stripped = line.strip()
        if _EXAMPLES.match(stripped):
            close()
            in_examples = True
            continue
        m = _HEADER.match(stripped)
        if m and (m.group("sample") or in_examples):
            close()
            current, current_kind = [], m.group("what").lower()
            continue
        if _STOP.match(stripped) and current is not None and current_kind == "output":
            close()
            continue
        if (current is not None and current_kind == "output" and current and not current[-1].strip()
                and any(x.strip() for x in current) and _PROSE.match(stripped)):
            close()  # a paragraph after the sample output (AtCoder's explanations have no header)
            continue
        if current is not None:
            current.append(line.rstrip())
    close()
    return found


def derive(statement: str, code: str) -> TestSpec | None:
    """`stdio` tests from the statement's samples, for code that reads stdin."""
    if not reads_stdin(code):
        return None
    found = samples(statement)
    text = plain_text(statement)
    if not found or accepts_any_answer(text) or _INTERACTIVE.search(text):
        return None
    judge = {"ignore_case": True} if _ANY_CASE.search(text) else None
    cases = tuple(TestCase("stdio", input=s.input, output=s.output, name=f"sample_{i + 1}", judge=judge)
                  for i, s in enumerate(found))
    return TestSpec(cases, origin="statement")
