"""`python tests/synth_demo.py INPUT OUT [codevet verify options...]`: a real
`codevet verify --synthesize-tests` run (real Python sandbox, a subprocess as a user runs
it) against the strict API emulator, with the scripted test replies of
fixtures/synthesize/model_tests.json (tests/synth_model.py).

Prints what the emulator saw (requests, 4xx answers, schema violations) and one line per
row: verdict, tests_origin, what synthesis did, mutation score, cost. This is how the
issue-17b figures in /work/notes/issue-17b.md were measured."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from anthropic_emulator import Emulator  # noqa: E402
from synth_model import ScriptedTestModel  # noqa: E402


def main() -> int:
    inputs, out, *extra = sys.argv[1:]
    records = json.loads(Path(inputs).read_text())
    with Emulator(ScriptedTestModel()) as emu:
        env = {**os.environ, "ANTHROPIC_BASE_URL": emu.url, "ANTHROPIC_API_KEY": "sk-test-not-a-key"}
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "codevet", "verify", inputs, "--out", out, "--synthesize-tests",
                               "-q", *extra], env=env, capture_output=True, text=True)
        took = time.monotonic() - started
    print(proc.stdout[-2500:], proc.stderr[-2500:], sep="\n")
    print(f"exit {proc.returncode}; {took:.1f} s; emulator: {len(emu.requests)} requests, "
          f"{len(emu.rejections)} 4xx, {len(emu.violations)} schema violations")
    print(f"{'row':>4} {'wrong?':6} {'status':6} {'reason':14} {'origin':8} {'synthesis':18} kept weak conf "
          f"{'score':>6} {'cost $':>8}")
    for rec, line in zip(records, (json.loads(x) for x in Path(out, "report.jsonl").read_text().splitlines())):
        s = line.get("synthesis") or {}
        m = s.get("mutation") or {}
        score = f"{m['killed']}/{m['decided']}" if m.get("decided") else "-"
        row = rec.get("_source", "").split("row ")[-1].split(" ")[0]
        print(f"{row:>4} {'WRONG' if rec.get('_wrong') else '':6} {line['status']:6} {str(line['reason']):14} "
              f"{str(line.get('tests_origin')):8} {s.get('status', '-'):18} {s.get('kept', 0):4} "
              f"{s.get('rejected_too_weak', 0):4} {s.get('confirmed_failing', 0):4} {score:>6} "
              f"{s.get('cost_usd', 0):8.4f}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
