"""Answer-style sets whose code sits in a Markdown or raw answer and that have no tests:
the LeetCode answers, GPTeacher responses, GitHub files and the 120k code instructions.
Each is compiled and imported by the sandbox (`untested` unless untested examples are
allowed); what is not Python is rejected by a precheck before any sandbox starts."""
from __future__ import annotations

from codevet.core.markdown import extract_code, unfenced_python
from codevet.generators.formats.base import FormatAdapter, require
from codevet.core.model import Candidate, Check, TestCase, TestSpec

PY_TAGS = ("python", "py", "python3")


def run_with_input(extra: str) -> TestSpec | None:
    """No tests, but the record's `input` (the values the answer works on) is given to the
    code when it runs (as stdin, or as the variables it names: see the Python sandbox)."""
    return TestSpec((TestCase("run", input=extra, name="runs"),)) if extra and extra.strip() else None


class LeetCode(FormatAdapter):
    """greengerong/leetcode: the `python` field is Markdown, fenced code plus explanation."""

    name = "leetcode"
    signature = ("slug", "content", "python")
    id_field = "id"

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        answer = require(record, "python")
        title = record.get("title") or record.get("slug") or ""
        return Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=f"{title}\n\n{record.get('content') or ''}".strip(), code=extract_code(answer, PY_TAGS),
            format=self.name, meta={"answer": answer, "difficulty": record.get("difficulty")},
        )


class GPTeacher(FormatAdapter):
    """teknium/GPTeacher-General-Instruct: code blocks inside a prose `response`."""

    name = "gpteacher"
    signature = ("instruction", "response")

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        instruction = require(record, "instruction")
        response = require(record, "response")
        extra = record.get("input") or ""
        code = extract_code(response, PY_TAGS) or unfenced_python(response)
        cand = Candidate(
            id=self.record_id(record, index), source=source, language="python",
            instruction=instruction + ("\n\n" + extra if extra else ""), code=code,
            tests=run_with_input(extra), format=self.name, meta={"answer": response},
        )
        return cand


class GitHubCode(FormatAdapter):
    """codeparrot/github-code: whole files, no instruction. Only Python files are run."""

    name = "github_code"
    signature = ("code", "repo_name", "path")

    def record_id(self, record, index: int) -> str:
        return f"{record.get('repo_name', '')}/{record.get('path', '')}" if isinstance(record, dict) else str(index)

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        code = require(record, "code")
        lang = str(record.get("language") or ("Python" if str(record.get("path", "")).endswith(".py") else "unknown"))
        cand = Candidate(id=self.record_id(record, index), source=source, language="python",
                         instruction=f"{record.get('path', '')} from {record.get('repo_name', '')}", code=code,
                         format=self.name, meta={"file_language": lang})
        if lang.lower() != "python":
            cand.prechecks.append(Check("language", False, f"the file is {lang}, not Python"))
        return cand


class CodeInstructions(FormatAdapter):
    """sahil2801/code_instructions_120k: the output is bare code in any language; each
    answer goes to the sandbox of the language it is in (see formats/polyglot.py)."""

    name = "code_instructions"
    signature = ("instruction", "output")

    def to_candidate(self, record, *, source, index, language=None) -> Candidate:
        from codevet.generators.formats.polyglot import polyglot_candidate

        instruction = require(record, "instruction")
        output = require(record, "output")
        extra = record.get("input") or ""
        return polyglot_candidate(instruction + ("\n\n" + extra if extra else ""), output,
                                  extra if isinstance(extra, str) else "", id=self.record_id(record, index),
                                  source=source, fmt=self.name, language=language)
