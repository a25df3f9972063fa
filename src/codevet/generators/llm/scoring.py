"""The quality score of the OoT generator guide: a base plus bonuses minus penalties,
computed by codevet from the reviewer's findings and from the answer itself, not a number
the model picks.

    score = BASE
          + CODE_EXAMPLE_BONUS   if the answer holds a fenced code block (that compiled)
          + TERMINOLOGY_BONUS    if the reviewer found the field's terminology used properly
          - ISSUE_PENALTY        for each technical issue the reviewer listed (at most MAX_ISSUES)
          - LOW_USEFULNESS_PENALTY if usefulness < LOW_USEFULNESS
    clamped to 0..10.

An answer with code, proper terminology and no issues scores 9; one issue takes it to 7.5;
the default --min-score 6 therefore keeps at most two issues on a coded answer.
"""
from __future__ import annotations

import re
from typing import Any

BASE = 6.0
CODE_EXAMPLE_BONUS = 2.0
TERMINOLOGY_BONUS = 1.0
ISSUE_PENALTY = 1.5
MAX_ISSUES = 4
LOW_USEFULNESS = 5.0
LOW_USEFULNESS_PENALTY = 2.0

_FENCE = re.compile(r"^```[ \t]*[A-Za-z0-9_+-]*[ \t]*\n.*?^```", re.S | re.M)


def has_code_example(answer: str) -> bool:
    return bool(_FENCE.search(answer))


def quality_score(judgement: Any, answer: str) -> dict[str, Any]:
    """The score and its parts, so the report shows how it was reached."""
    issues = list(getattr(judgement, "technical_issues", []) or [])
    parts = {
        "base": BASE,
        "code_example_bonus": CODE_EXAMPLE_BONUS if has_code_example(answer) else 0.0,
        "terminology_bonus": TERMINOLOGY_BONUS if judgement.uses_proper_terminology else 0.0,
        "issue_penalty": -ISSUE_PENALTY * min(len(issues), MAX_ISSUES),
        "low_usefulness_penalty": -LOW_USEFULNESS_PENALTY if judgement.usefulness < LOW_USEFULNESS else 0.0,
    }
    score = max(0.0, min(10.0, sum(parts.values())))
    return {"score": round(score, 2), "parts": parts}
