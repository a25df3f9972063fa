"""Tests from the text, for examples that come with none.

A problem statement often shows what the answer must do: LeetCode's `Example 1: Input:
nums = [2,7,11,15], target = 9 Output: [0,1]`, a judge's sample input and output, a
doctest. These become the candidate's tests (TestSpec.origin "statement" or "docstring",
reported as `tests_origin`), so an answer that would otherwise be `untested` is judged on
the examples its own instruction gives. Deriving reads text and parses code; it runs
nothing (the Python sandbox runs the cases). A candidate with no derivable tests is left
exactly as it was.
"""
from __future__ import annotations

from dataclasses import replace

from codevet.core.model import Candidate, TestSpec
from codevet.generators.statement_tests import doctests, leetcode, samples


def needs_tests(candidate: Candidate) -> bool:
    """No tests of its own (none, or only the `run` of an untested answer)."""
    if candidate.error or candidate.language != "python" or not candidate.code.strip():
        return False
    tests = candidate.tests
    return tests is None or not tests.cases or all(c.kind == "run" for c in tests.cases)


# Real statements are a few KB (greengerong/leetcode's longest is under 6 KB); a longer
# text is not a problem statement, and parsing it would cost more than it could give.
MAX_STATEMENT_CHARS = 64_000


def derive_tests(statement: str, code: str, slug: str = "") -> tuple[TestSpec | None, dict]:
    """(tests, what was found): LeetCode examples first, then stdin/stdout samples, then
    doctests; the first that yields a test wins."""
    if len(statement) > MAX_STATEMENT_CHARS:
        return None, {"skipped": [f"statement of {len(statement)} characters: longer than any problem text"]}
    note: dict = {}
    lc = leetcode.derive(statement, code, slug)
    if lc.examples:
        note = {"examples": lc.examples, "skipped": lc.skipped}
    if lc.spec is not None:
        note["tests"] = len(lc.spec)
        return lc.spec, note
    stdio = samples.derive(statement, code)
    if stdio is not None:
        return stdio, {**note, "samples": len(stdio)}
    doc = doctests.derive(statement, code)
    if doc is not None:
        return doc, {**note, "doctests": len(doc)}
    return None, note


def add_statement_tests(candidate: Candidate) -> Candidate:
    """Give a candidate without tests the tests its text shows (in place); what was found,
    or why nothing was, goes to `meta["statement_tests"]`."""
    if not needs_tests(candidate):
        return candidate
    slug = candidate.raw.get("slug", "") if isinstance(candidate.raw, dict) else ""
    try:
        spec, note = derive_tests(candidate.instruction, candidate.code, str(slug or ""))
    except Exception as exc:  # an odd statement costs its tests, never the example or the run
        candidate.meta["statement_tests"] = {"error": f"{type(exc).__name__}: {str(exc)[:200]}"}
        return candidate
    if note:
        candidate.meta["statement_tests"] = note
    if spec is not None:
        old = candidate.tests
        if old is not None and old.prelude and not spec.prelude:  # the dataset's harness header still applies
            spec = replace(spec, prelude=old.prelude)
        candidate.tests = spec
    return candidate


__all__ = ["add_statement_tests", "derive_tests", "needs_tests"]
