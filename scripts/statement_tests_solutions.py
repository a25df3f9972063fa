"""Derived sample tests against the dataset's own tests, with a solution run on both.

For the SandboxFusion code_contests rows that fixtures/python/statement_samples/own_solutions.json
has a solution for (written for codevet; the rows carry none): run the solution on the row's
own stdin/stdout tests (the truth) and on the tests derived from the statement alone. A
solution the dataset's tests accept must pass the derived ones too.
Run: .venv/bin/python scripts/statement_tests_solutions.py
"""
from __future__ import annotations

import json
from pathlib import Path

from codevet.core.model import Candidate, TestCase, TestSpec
from codevet.core.options import SandboxOptions
from codevet.generators.statement_tests import add_statement_tests
from codevet.sandboxes import create_sandbox

ROWS = Path("../shared/data/sandboxfusion/code_eval_code_contests.jsonl")
SOLUTIONS = Path(__file__).resolve().parent.parent / "fixtures/python/statement_samples/own_solutions.json"


def main() -> None:
    rows = {str(r["id"]): r for r in map(json.loads, ROWS.open(encoding="utf-8"))}
    data = json.loads(SOLUTIONS.read_text())
    wrong = data.pop("wrong", {})
    solutions = {k: v for k, v in data.items() if not k.startswith("_")}
    with create_sandbox("python", SandboxOptions(timeout_s=60), jobs=1) as sandbox:
        runs = [(rid, code, "solution") for rid, code in solutions.items()]
        runs += [(rid, code, "wrong twin") for rid, code in wrong.items()]
        for rid, code, kind in runs:
            row = rows[rid]
            own = TestSpec(tuple(TestCase("stdio", input=t["input"]["stdin"], output=t["output"]["stdout"], name=f"own_{i}")
                                 for i, t in enumerate(json.loads(row["test"]))))
            truth = sandbox.verify(Candidate(id=rid, source="sf", instruction=row["content"], code=code, tests=own))
            derived = add_statement_tests(Candidate(id=rid, source="sf", instruction=row["content"], code=code))
            dv = sandbox.verify(derived) if derived.tests else None
            print(json.dumps({"id": rid, "kind": kind, "name": json.loads(row["labels"])["name"],
                              "own_tests": f"{sum(t.outcome == 'passed' for t in truth.tests)}/{len(own)} {truth.status.value}",
                              "derived": (f"{len(derived.tests)} {derived.tests.origin} -> {dv.status.value}" if dv else "none")}))


if __name__ == "__main__":
    main()
