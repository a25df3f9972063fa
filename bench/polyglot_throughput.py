"""Polyglot sandbox throughput per language: codevet's full ladder (isolation, parse ->
compile -> run, diagnostics) vs a plain compiler call per example, in the same run.

Examples: the CodeAlpaca rows (shared/data/instruct/code_alpaca_2k.json) the detector puts
in each language, the first --n of each. For each language, interleaved in one process:

  baseline   one plain call per example, on the host, no isolation, no run: the compiler
             or syntax checker on the same source codevet compiles (gcc -c, javac, go build,
             rustc, mcs, tsc, node --check, php -l, ruby -c, bash -n; sqlglot.parse and the
             HTML/CSS parsers in-process)
  codevet    the language's sandbox: bwrap, the whole ladder, the verdict
  docker     (with --docker) the same sandbox under --isolation docker: each ladder a
             `docker exec` in a warm container of the polyglot image, scrubbed after it

    .venv/bin/python bench/polyglot_throughput.py [--n 10] [--docker] [--json out.json]

The machine is shared: read the ratio, measured in one run, not the absolute rates.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codevet.core.model import Candidate  # noqa: E402
from codevet.core.options import SandboxOptions  # noqa: E402
from codevet.generators.formats.polyglot import PolyglotAlpaca  # noqa: E402
from codevet.sandboxes import create_sandbox  # noqa: E402
from codevet.sandboxes.polyglot import markup, missing_toolchain, tsc_path  # noqa: E402
from codevet.sandboxes.polyglot.programs import BUILDERS  # noqa: E402
from codevet.sandboxes.polyglot.toolchains import ENV, TSC_ENV, TOOLCHAINS, steps  # noqa: E402
from bench._report import write_json  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "instruct" / "code_alpaca_2k.json"


def examples(n: int) -> dict[str, list[Candidate]]:
    adapter = PolyglotAlpaca()
    by_lang: dict[str, list[Candidate]] = {}
    for i, record in enumerate(json.loads(DATA.read_text())):
        cand = adapter.to_candidate(record, source="code_alpaca_2k", index=i)
        blocks = cand.meta.get("blocks") or []
        if cand.language in TOOLCHAINS and len(blocks) == 1 and len(by_lang.setdefault(cand.language, [])) < n:
            by_lang[cand.language].append(cand)
    return by_lang


def plain_call(language: str, code: str) -> None:
    """The baseline: what a user would run by hand to check one example."""
    if language == "html":
        markup.check_html(code)
        return
    if language == "css":
        markup.check_css(code)
        return
    if language == "sql":
        import sqlglot

        try:
            sqlglot.parse(code)
        except Exception:
            pass
        return
    program = BUILDERS[language](code)
    st = steps(language, program)
    cmd = st.compile or st.parse
    if language == "shell":
        cmd = st.parse
    with tempfile.TemporaryDirectory(prefix="codevet-bench-") as work:
        for name, text in program.files.items():
            Path(work, name).write_text(text)
        env = {**os.environ, **ENV, "GOCACHE": str(Path(work, "gocache")), TSC_ENV: str(tsc_path())}
        subprocess.run(["/bin/sh", "-c", cmd], cwd=work, env=env, capture_output=True, timeout=300)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10, help="examples per language")
    ap.add_argument("--json", default=None)
    ap.add_argument("--docker", action="store_true", help="also time the docker isolation (engine and image needed)")
    args = ap.parse_args()
    by_lang = examples(args.n)
    rows = []
    print(f"{'language':11} {'n':>3} {'baseline ex/s':>14} {'codevet ex/s':>13} {'ratio':>7}"
          + (f" {'docker ex/s':>12} {'ratio':>7}" if args.docker else "") + "  levels")
    for language in sorted(by_lang):
        cands = by_lang[language]
        if missing_toolchain(language):
            print(f"{language:11} skipped: {missing_toolchain(language)}")
            continue
        box = create_sandbox(language, SandboxOptions(), 1)
        box.open()
        # one warm-up of each, so neither side pays a first-start cost the other does not
        plain_call(language, cands[0].code)
        box.verify(cands[0])
        t0 = time.perf_counter()
        for c in cands:
            plain_call(language, c.code)
        base = time.perf_counter() - t0
        t0 = time.perf_counter()
        levels: dict[str, int] = {}
        verdicts: dict[str, tuple] = {}
        for c in cands:
            v = box.verify(c)
            key = f"{v.status.value}:{v.artifacts.get('level') or '-'}"
            levels[key] = levels.get(key, 0) + 1
            verdicts[c.id] = (v.status.value, v.reason, v.artifacts.get("level"))
        ours = time.perf_counter() - t0
        box.close()
        b_eps, c_eps = len(cands) / base, len(cands) / ours
        row = {"name": language, "examples": len(cands), "baseline_eps": round(b_eps, 2),
               "codevet_eps": round(c_eps, 2), "ratio": round(c_eps / b_eps, 2), "levels": levels,
               "baseline": "plain compiler/parser call per example, no isolation, no run",
               "codevet": "sandbox verify: bwrap, parse -> compile -> run, verdict"}
        extra = ""
        if args.docker:
            dbox = create_sandbox(language, SandboxOptions(isolation="docker"), 1)
            dbox.open()
            dbox.verify(cands[0])  # warm-up: starts the warm container
            t0 = time.perf_counter()
            same = 0
            for c in cands:
                v = dbox.verify(c)
                same += (v.status.value, v.reason, v.artifacts.get("level")) == verdicts[c.id]
            d_eps = len(cands) / (time.perf_counter() - t0)
            dbox.close()
            row.update(docker_eps=round(d_eps, 2), docker_ratio=round(d_eps / b_eps, 2), docker_same_verdicts=same)
            extra = f" {d_eps:12.2f} {d_eps / b_eps:7.2f} (same verdict {same}/{len(cands)})"
        rows.append(row)
        print(f"{language:11} {len(cands):3d} {b_eps:14.2f} {c_eps:13.2f} {c_eps / b_eps:7.2f}{extra}  "
              + ", ".join(f"{k} {v}" for k, v in sorted(levels.items())), flush=True)
    write_json(args.json, "polyglot", rows, cpus=os.cpu_count(), shared_machine=True)


if __name__ == "__main__":
    main()
