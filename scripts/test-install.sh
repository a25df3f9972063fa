#!/usr/bin/env bash
# An installed package, as a user gets it: build a wheel, install it into a fresh venv
# outside the checkout, run its set-up command, and verify the good fixtures of every
# language from another folder. Fails if any of them does not pass.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d /tmp/codevet-install.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

.venv/bin/python -m pip wheel -q --disable-pip-version-check --no-deps -w "$WORK/dist" .
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q --disable-pip-version-check "$(ls "$WORK"/dist/codevet-*.whl)[threejs]"
"$WORK/venv/bin/codevet" setup

mkdir -p "$WORK/elsewhere"
cp fixtures/python/mbpp_excerpt.jsonl fixtures/python/humaneval_excerpt.jsonl fixtures/threejs/good.json \
   fixtures/oot/good.jsonl "$WORK/elsewhere/"
cd "$WORK/elsewhere"
WORK="$WORK" "$WORK/venv/bin/python" - <<'PY'
import os, codevet
assert codevet.__file__.startswith(os.environ["WORK"] + "/venv/"), codevet.__file__  # the wheel, not the checkout
print(f"codevet from {codevet.__file__}")
PY
CODEVET_CACHE_DIR="$WORK/cache" "$WORK/venv/bin/codevet" verify mbpp_excerpt.jsonl humaneval_excerpt.jsonl good.json \
  good.jsonl --out out --quiet --timeout 30
"$WORK/venv/bin/python" - <<'PY'
import json
lines = [json.loads(l) for l in open("out/report.jsonl")]
langs = {l["language"] for l in lines}
bad = [(l["source"], l["id"], l["status"], l["reason"]) for l in lines if l["status"] != "pass"]
assert langs == {"python", "threejs", "oot"}, langs
assert not bad, bad
print(f"installed wheel: {len(lines)} good fixtures of {sorted(langs)} all pass")
PY
