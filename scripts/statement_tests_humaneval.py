"""Doctests derived from HumanEval's prompts, judged on the canonical solutions.

Each HumanEval task's own `test` is dropped; the prompt (signature plus docstring) is the
instruction and prompt + canonical_solution the answer, so the only tests are those
derived from the docstring's `>>>` examples (origin "docstring"). A reference solution that
fails them means the derivation (or the docstring) is wrong; one that passes agrees.
Run: .venv/bin/python scripts/statement_tests_humaneval.py [../shared/data/HumanEval.jsonl.gz]
"""
from __future__ import annotations

import gzip
import json
import sys
from collections import Counter

from codevet.core.model import Candidate
from codevet.core.options import SandboxOptions
from codevet.generators.statement_tests import add_statement_tests
from codevet.sandboxes import create_sandbox


def main(path: str = "../shared/data/HumanEval.jsonl.gz") -> None:
    rows = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    tally: Counter = Counter()
    with create_sandbox("python", SandboxOptions(timeout_s=10), jobs=2) as sandbox:
        for row in rows:
            cand = add_statement_tests(Candidate(id=row["task_id"], source="HumanEval", instruction=row["prompt"],
                                                 code=row["prompt"] + row["canonical_solution"]))
            tally["tasks"] += 1
            if cand.tests is None:
                continue
            tally[f"derived ({cand.tests.origin})"] += 1
            verdict = sandbox.verify(cand)
            tally[f"reference {verdict.status.value}"] += 1
            if verdict.status.value != "pass":
                msg = next((t.message for t in verdict.tests if t.outcome != "passed"), "")
                print(row["task_id"], verdict.reason, msg[-400:].replace("\n", " | "))
    print(json.dumps(dict(tally), indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
