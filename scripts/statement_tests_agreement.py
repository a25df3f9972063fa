"""How far tests derived from a statement's samples agree with the dataset's own tests.

For each SandboxFusion code_contests row (real Codeforces/CodeChef statements with their
real stdin/stdout tests), derive the sample tests from the statement text alone and look
each one up among the row's own tests (inputs and outputs compared token by token, as the
stdio judge compares). Nothing runs: the rows carry no solution.

Also the SandboxFusion LiveCodeBench rows (stdin ones).
Run: .venv/bin/python scripts/statement_tests_agreement.py [FILE.jsonl ...]
"""
from __future__ import annotations

import json
import sys
from collections import Counter

from codevet.generators.statement_tests import samples as sample_tests
from codevet.generators.statement_tests.text import accepts_any_answer, plain_text

DEFAULT = "../shared/data/sandboxfusion/code_eval_code_contests.jsonl"
LCB = "../shared/data/sandboxfusion/code_eval_live_code_bench_v1.jsonl"


def own_tests(row: dict) -> list[tuple[list[str], list[str]]]:
    """The row's own stdin/stdout tests: code_contests rows hold JSON, LiveCodeBench rows
    base64(zlib(pickle)) read by the LiveCodeBench adapter's data-only unpickler."""
    try:
        tests = json.loads(row["test"])
        return [(t["input"]["stdin"].split(), t["output"]["stdout"].split()) for t in tests]
    except (json.JSONDecodeError, TypeError, KeyError):
        from codevet.generators.formats.livecodebench import decode_cases

        return [(str(t["input"]).split(), str(t["output"]).split()) for t in decode_cases(row["test"], "test")
                if t.get("testtype") == "stdin"]


def main(*paths: str) -> None:
    for path in paths or (DEFAULT, LCB):
        print(path)
        measure(path)


def measure(path: str) -> None:
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    tally: Counter = Counter()
    for row in rows:
        own = own_tests(row)
        found = sample_tests.samples(row["content"])
        any_answer = accepts_any_answer(plain_text(row["content"])) or bool(sample_tests._INTERACTIVE.search(row["content"]))
        verdicts = []
        for s in found:
            same_in = [o for i, o in own if i == s.input.split()]
            verdicts.append("agree" if s.output.split() in same_in else "output-differs" if same_in else "input-not-found")
        kept = "not derived (any answer / interactive)" if any_answer else "derived"
        tally["rows"] += 1
        tally["rows with samples"] += bool(found)
        tally[f"rows {kept}"] += bool(found)
        for v in verdicts:
            tally[f"samples {v}" + (" (row not derived)" if any_answer else "")] += 1
        print(f"{row['id']:>3} {str(json.loads(row['labels']).get('name') or json.loads(row['labels']).get('task_id'))[:40]:40} {kept:34} {verdicts}")
    print(json.dumps(dict(tally), indent=1))


if __name__ == "__main__":
    main(*sys.argv[1:])
