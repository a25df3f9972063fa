"""`python scripts/mutation_guard_mbpp.py [N] [--jobs J]`: does the mutation guard of
`--synthesize-tests` keep good tests and reject tautological ones, on tests nobody here
wrote? MBPP's own asserts (../shared/data/mbpp.jsonl, first N tasks without setup code)
stand in for model tests: each task's reference solution gets its mutants
(generators/mutants.py, at most 12), every assert runs on every mutant in the real Python
sandbox, and a test is "kept" when it kills at least one. Two control tests ride along in
every task: `assert True` and the task's first assert with its expected value replaced by
the call itself (`assert f(x) == f(x)`); the guard must reject both.

Prints the share of MBPP asserts the guard keeps, the controls it keeps (should be 0),
the mutation score distribution and the kill rate per operator."""
from __future__ import annotations

import ast
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from codevet.core.model import Candidate
from codevet.core.options import SandboxOptions
from codevet.harness.config import RunConfig
from codevet.harness.synthesize import Synthesis, SynthesisConfig, TestFate, TestSynthesizer
from codevet.harness.verifier import Verifier

ROOT = Path(__file__).resolve().parents[1]
MBPP = ROOT.parent / "shared" / "data" / "mbpp.jsonl"
if not MBPP.exists():
    MBPP = Path("/work/shared/data/mbpp.jsonl")


def self_compare(test: str) -> str | None:
    """`assert f(x) == y` -> `assert f(x) == f(x)`: a test that cannot fail."""
    try:
        node = ast.parse(test).body[0]
    except (SyntaxError, IndexError):
        return None
    if isinstance(node, ast.Assert) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 \
            and isinstance(node.test.ops[0], ast.Eq):
        left = ast.unparse(node.test.left)
        return f"assert {left} == {left}"
    return None


def main() -> None:
    args = sys.argv[1:]
    jobs = 2
    if "--jobs" in args:
        k = args.index("--jobs")
        jobs = int(args[k + 1])
        del args[k:k + 2]
    n = int(args[0]) if args else 60
    tasks = [json.loads(line) for line in MBPP.read_text().splitlines()]
    tasks = [t for t in tasks if not t.get("test_setup_code")][:n]
    synth = TestSynthesizer(SynthesisConfig(), llm=object())  # type: ignore[arg-type]  # the guard asks no model
    kept = total = controls_kept = controls = 0
    scores: list[float] = []
    by_op: Counter[str] = Counter()
    by_op_total: Counter[str] = Counter()
    no_mutants = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        config = RunConfig(out=Path(tmp) / "out", jobs=jobs, use_cache=False, sandbox=SandboxOptions())
        with Verifier(config) as verifier:
            for done, t in enumerate(tasks):
                if done and done % 25 == 0:
                    print(f"  {done}/{len(tasks)} tasks, {time.monotonic() - started:.0f} s", flush=True)
                tests = [TestFate(f"mbpp_{i}", code, 1) for i, code in enumerate(t["test_list"])]
                ctrl = [TestFate("control_true", "assert True", 1)]
                same = self_compare(t["test_list"][0])
                if same:
                    ctrl.append(TestFate("control_self", same, 1))
                cand = Candidate(id=str(t["task_id"]), source="mbpp", code=t["code"], instruction=t["text"])
                s = Synthesis()
                synth._guard(cand, verifier, s, tests + ctrl)
                if not s.mutants["total"]:
                    no_mutants += 1
                total += len(tests)
                kept += sum(1 for x in tests if x.fate == "kept")
                controls += len(ctrl)
                controls_kept += sum(1 for x in ctrl if x.fate == "kept")
                if s.mutants.get("score") is not None:
                    scores.append(s.mutants["score"])
                for op, st in s.mutants.get("by_operator", {}).items():
                    by_op[op] += st["killed"]
                    by_op_total[op] += st["total"]
    took = time.monotonic() - started
    print(f"MBPP tasks: {len(tasks)} (no setup code); {no_mutants} with no mutant; {took:.0f} s, --jobs {jobs}")
    print(f"MBPP asserts kept by the guard (caught >= 1 mutant by a wrong value): {kept}/{total} ({100 * kept / total:.1f}%)")
    print(f"control tests kept (assert True, assert f(x) == f(x)): {controls_kept}/{controls}")
    if scores:
        q = statistics.quantiles(scores, n=4)
        print(f"mutation score of the kept MBPP asserts: mean {statistics.mean(scores):.3f}, "
              f"quartiles {q[0]:.3f} / {q[1]:.3f} / {q[2]:.3f}, min {min(scores):.3f}")
    for op in sorted(by_op_total):
        print(f"  {op:17} killed {by_op[op]:4}/{by_op_total[op]:4} ({100 * by_op[op] / by_op_total[op]:.0f}%)")


if __name__ == "__main__":
    main()
