"""Adapters for instruction sets in many languages: each answer's code goes to the sandbox
of the language it is in (detect_language.py), and every block of a mixed answer is kept
with its own language in `meta["blocks"]` for the polyglot sandbox to check one by one.

- `polyglot_alpaca`: {instruction, input, output} with code in any language, fenced or
  bare (sahil2801/CodeAlpaca-20k). `input` is the task's data: it is also what a complete
  program reads on stdin.
- `code_search_net`: one function per record, language named by the record
  (`language`), code in `whole_func_string` (or `func_code_string`), the docstring as the
  instruction. A lone function is a fragment: compiled where it can be, never run.
"""
from __future__ import annotations

from typing import Any

from codevet.core.markdown import fences
from codevet.core.model import Candidate
from codevet.generators.detect_language import Detection, detect, explanation_line, explanation_lines
from codevet.generators.formats.answers import run_with_input
from codevet.generators.formats.base import FormatAdapter, FormatError, require


def answer_blocks(instruction: str, answer: str) -> tuple[list[dict[str, str]], list[Detection]]:
    """(blocks with a language, every detection) of an answer: each fence on its own, or
    the whole answer when it has no fence."""
    found = fences(answer or "")
    parts = [(f.tag, f.body) for f in found] if found else [("", answer or "")]
    blocks: list[dict[str, str]] = []
    detections: list[Detection] = []
    if not found and (answer or "").strip():
        # an unfenced explanation: its code, if any, is what follows the sentences
        lines = answer.split("\n")
        k = explanation_lines(answer)
        if k and any(line.strip() for line in lines[:k]):
            # an explanation interleaved with its code (sentence, code, sentence, code): the code
            # lines, in order, are the program; the sentences are blanked
            rest = "\n".join("" if explanation_line(line) else line for line in lines[k:])
            if not rest.strip():
                return [], [Detection("", "none", "an explanation in prose, no code")]
            parts = [("", rest)]
    for tag, body in parts:
        d = detect(body, instruction, tag)
        detections.append(d)
        if d.language and body.strip():
            blocks.append({"language": d.language, "code": body, "how": d.how, "detail": d.detail})
    return blocks, detections


def polyglot_candidate(instruction: str, answer: str, stdin: str, *, id: str, source: str, fmt: str,
                       language: str | None = None) -> Candidate:
    """The Candidate of one answer. Its language is the main block's (the longest); a
    Python-only answer goes to the Python sandbox with its code as the Python adapters give it."""
    blocks, detections = answer_blocks(instruction, answer)
    if language:  # the user or the record says which language: trust it for every untagged block
        for b in blocks:
            if b["how"] != "fence":
                b["language"], b["how"] = language, "given"
        if not blocks and answer.strip():
            blocks = [{"language": language, "code": answer, "how": "given", "detail": ""}]
    evidence = "; ".join(f"{d.language or 'none'} by {d.how}" + (f" ({d.detail})" if d.detail else "")
                         for d in detections)
    meta: dict[str, Any] = {"answer": answer, "stdin": stdin, "language_evidence": evidence}
    if not blocks:
        return Candidate(id=id, source=source, language="polyglot", instruction=instruction, code="",
                         format=fmt, meta={**meta, "blocks": []})
    main = max(blocks, key=lambda b: len(b["code"]))
    langs = {b["language"] for b in blocks}
    if langs == {"python"}:
        code = "\n\n".join(b["code"].rstrip("\n") for b in blocks) + "\n"
        return Candidate(id=id, source=source, language="python", instruction=instruction, code=code, format=fmt,
                         tests=run_with_input(stdin), meta=meta)
    meta["blocks"] = [{"language": b["language"], "code": b["code"], "how": b["how"]} for b in blocks]
    return Candidate(id=id, source=source, language=main["language"], instruction=instruction, code=main["code"],
                     format=fmt, meta=meta)


class PolyglotAlpaca(FormatAdapter):
    """{instruction, input, output} in any language. Never detected from fields (plain
    Alpaca has the same ones): chosen by preset or `--format polyglot_alpaca`."""

    name = "polyglot_alpaca"
    signature = ("instruction", "output")
    languages = ("polyglot",)

    def matches(self, record: dict[str, Any]) -> bool:
        return False

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        instruction = require(record, "instruction")
        output = require(record, "output")
        extra = record.get("input") or ""
        if not isinstance(extra, str):
            raise FormatError(f"field 'input' is {type(extra).__name__}, expected str")
        return polyglot_candidate(instruction + ("\n\n" + extra if extra else ""), output, extra,
                                  id=self.record_id(record, index), source=source, fmt=self.name,
                                  language=None if language in (None, "polyglot") else language)


# code_search_net's language names -> codevet's
CSN_LANGUAGES = {"go": "go", "java": "java", "javascript": "javascript", "php": "php", "python": "python",
                 "ruby": "ruby"}


class CodeSearchNet(FormatAdapter):
    name = "code_search_net"
    signature = ("func_code_string", "func_name", "language")
    languages = ("polyglot",)

    def record_id(self, record, index: int) -> str:
        if isinstance(record, dict) and record.get("func_code_url"):
            return str(record["func_code_url"])
        return str(index)

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        lang_field = str(require(record, "language")).lower()
        code = record.get("whole_func_string") or require(record, "func_code_string")
        if not isinstance(code, str):
            raise FormatError("field 'whole_func_string' is not a string")
        lang = CSN_LANGUAGES.get(lang_field)
        if lang is None:
            raise FormatError(f"code_search_net language {lang_field!r} is not one codevet checks")
        doc = str(record.get("func_documentation_string") or "")
        name = str(record.get("func_name") or "")
        path = str(record.get("func_path_in_repository") or "")
        instruction = (doc.strip() or f"{name} in {path}").strip()
        meta: dict[str, Any] = {"stdin": "", "language_evidence": f"{lang} by dataset (language={lang_field!r})",
                                "fragment": True, "func_name": name, "repository": record.get("repository_name")}
        if lang != "python":
            meta["blocks"] = [{"language": lang, "code": code, "how": "dataset"}]
        return Candidate(id=self.record_id(record, index), source=source, language=lang, instruction=instruction,
                         code=code, format=self.name, meta=meta)
