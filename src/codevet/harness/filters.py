"""Cheap checks that run before any sandbox, datatrove-style: each returns a Check, and
the first one that fails rejects the example with its name as the reason. Prechecks an
adapter already decided come first, then the content filters, then de-duplication."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from codevet.core.markdown import fenced_blocks
from codevet.core.model import Candidate, Check, Verdict


class FilterOptions(BaseModel):
    require_code_block: bool = False
    min_code_ratio: float | None = Field(None, ge=0)
    min_lines: int | None = Field(None, ge=0)
    max_lines: int | None = Field(None, ge=1)
    dedup: Literal["off", "exact", "near"] = "off"
    near_threshold: float = Field(0.8, gt=0, le=1)
    threejs_checklist: bool = False  # the three.js data guide's named checks (harness/threejs_checklist.py)


def _answer(candidate: Candidate) -> str | None:
    answer = candidate.meta.get("answer")
    return answer if isinstance(answer, str) else None


def code_block(candidate: Candidate) -> Check:
    answer = _answer(candidate)
    if answer is None:  # a code field, not an answer: nothing to look for
        return Check("code-block", True, "the example is code, not an answer")
    n = len(fenced_blocks(answer))
    return Check("code-block", n > 0, f"{n} fenced code block(s) in the answer")


def code_ratio(candidate: Candidate, minimum: float) -> Check:
    answer = _answer(candidate)
    if answer is None:
        return Check("code-ratio", True, "the example is code, not an answer")
    blocks = fenced_blocks(answer)
    bodies = [body for _, body in blocks] or ([candidate.code.strip()] if candidate.code.strip() else [])
    code_chars = sum(len(body) for body in bodies)
    prose = answer
    for body in bodies:
        prose = prose.replace(body, "")
    prose_chars = max(1, len(prose.replace("```", "").strip()))
    ratio = code_chars / prose_chars if prose.strip("` \n") else float("inf")
    shown = "all code" if ratio == float("inf") else f"{ratio:.2f}"
    return Check("code-ratio", ratio >= minimum, f"code/explanation = {shown} (minimum {minimum:g})")


def line_count(candidate: Candidate, minimum: int | None, maximum: int | None) -> Check:
    n = sum(1 for line in candidate.code.splitlines() if line.strip())
    if minimum is not None and n < minimum:
        return Check("min-lines", False, f"{n} lines of code, fewer than {minimum}")
    if maximum is not None and n > maximum:
        return Check("max-lines", False, f"{n} lines of code, more than {maximum}")
    return Check("lines", True, f"{n} lines of code")


class Prefilter:
    """Decides, before any sandbox, whether an example is worth running. Lives for one
    run: the de-duplication index spans all of the run's inputs."""

    def __init__(self, options: FilterOptions) -> None:
        self.options = options
        self.dedup = None
        if options.dedup != "off":
            from codevet.harness.dedup import DedupIndex  # numpy: only for runs that de-duplicate

            self.dedup = DedupIndex(options.dedup == "near", options.near_threshold)

    def verdict(self, candidate: Candidate) -> Verdict | None:
        """A fail verdict if a filter rejects the example, else None (go on to the sandbox)."""
        o = self.options
        checks: list[Check] = list(candidate.prechecks)
        if o.require_code_block:
            checks.append(code_block(candidate))
        if o.min_code_ratio is not None:
            checks.append(code_ratio(candidate, o.min_code_ratio))
        if o.min_lines is not None or o.max_lines is not None:
            checks.append(line_count(candidate, o.min_lines, o.max_lines))
        if o.threejs_checklist and candidate.language == "threejs":
            from codevet.harness.threejs_checklist import checklist

            checks.extend(checklist(candidate))
        failed = next((c for c in checks if not c.passed), None)
        if failed is not None:
            return Verdict.from_checks(checks, reason=failed.name)
        if self.dedup is not None and candidate.code.strip():
            dup = self.dedup.check(candidate.code, candidate.id, candidate.source)
            if dup is not None:
                detail = (f"{dup.kind} duplicate of {dup.of_id} ({dup.of_source})"
                          + (f", similarity {dup.similarity:.2f}" if dup.kind == "near" else ""))
                v = Verdict.from_checks(checks + [Check("duplicate", False, detail)], reason=f"{dup.kind}-duplicate")
                v.artifacts["duplicate_of"] = {"id": dup.of_id, "source": dup.of_source, "kind": dup.kind,
                                               "similarity": dup.similarity}
                return v
        return None
