"""What a sandbox saw, as text for the model that has to repair the example: the failing
checks (a browser's console errors are in their details), the failing tests with their
messages, compiler diagnostics."""
from __future__ import annotations

from codevet.core.model import Verdict

MAX_CHARS = 6000


def evidence_text(verdict: Verdict) -> str:
    parts = [f"Verdict: {verdict.status.value} ({verdict.reason or 'no reason'})"]
    for check in verdict.checks:
        if not check.passed:
            parts.append(f"- check `{check.name}` failed: {check.detail}")
    for test in [t for t in verdict.tests if t.outcome != "passed"][:3]:
        parts.append(f"\nTest `{test.name}` {test.outcome}:\n{test.message[-1500:]}")
    art = verdict.artifacts
    for diag in (art.get("diagnostics") or [])[:10]:
        parts.append(f"- line {diag.get('line', '?')}: {diag.get('severity', 'error')}: {diag.get('message', '')}")
    if art.get("output"):
        parts.append(f"\nOutput (tail):\n{str(art['output'])[-800:]}")
    text = "\n".join(parts)
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 20] + "\n... (cut)"
