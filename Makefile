# Two commands do everything: `make run` and `make test`. Each installs what it needs
# first and skips what is there: python3-venv (the only Debian package the venv itself
# needs), the .venv with the package, then `codevet setup` for the rest (bubblewrap,
# Chromium, the MIPS toolchain, three.js from npm), the same step an installed package uses.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
OUT ?= out/fixtures
FIXTURES := $(wildcard fixtures/python/*.jsonl fixtures/threejs/*.json fixtures/oot/*.jsonl)
# alpaca-shaped rows in many languages: read as the mixed-language format (the preset's)
POLYGLOT_FIXTURES := $(wildcard fixtures/polyglot/*.jsonl)

.PHONY: setup bootstrap venv run test test-slow docker test-docker bench soak doctor clean

setup: venv
	$(VENV)/bin/codevet setup

# python3 and its venv module, before anything of ours can run
bootstrap:
	@if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  echo "installing Debian packages: python3 python3-venv"; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null; \
	fi

venv: $(VENV)/.installed

# a venv whose interpreter this user cannot run (made by root, moved) is made again.
# pip byte-compiles the ~10,000 files it installs one at a time (a third of its time):
# it installs without, and compileall compiles them on every core, less the packages'
# own test suites nothing imports (9 s against pip's ~30; a file that does not compile
# is left as it is, as pip does)
COMPILE_VENV = @$(PY) -m compileall -q -j 0 -x '/tests?/' \
	$$($(PY) -c 'import sysconfig; print(sysconfig.get_path("purelib"))') >/dev/null || true
$(VENV)/.installed: pyproject.toml | bootstrap
	@$(PY) -c '' 2>/dev/null || { rm -rf $(VENV); python3 -m venv $(VENV); }
	$(PY) -m pip install -q --no-compile --disable-pip-version-check -e '.[dev]'
	$(COMPILE_VENV)
	@touch $@

# Ray, for the slow tests' `--executor ray` runs (and the benches)
$(VENV)/.ray: $(VENV)/.installed
	$(PY) -m pip install -q --no-compile --disable-pip-version-check -e '.[dev,ray]'
	$(COMPILE_VENV)
	@touch $@

run: setup
	$(VENV)/bin/codevet verify $(FIXTURES) --out $(OUT) --timeout 5
	$(VENV)/bin/codevet verify $(POLYGLOT_FIXTURES) --format polyglot_alpaca --out $(OUT)-polyglot --timeout 30

# three workers, one test file each at a time (module fixtures hold a warm sandbox): most
# of the suite waits on sandboxes, so this is about twice as fast on 2 cores
test: setup
	$(PY) -m pytest -m "not slow" -n 3 --dist loadfile

# the real datasets end to end (full MBPP and HumanEval), the Ray executor, reference runs,
# and the rest of the fixture matrices (make test keeps a failing example per check); CI runs it too
test-slow: setup $(VENV)/.ray
	$(PY) -m pytest -m slow -n 2 --dist loadfile

# The Docker legs, on a machine that can run an engine: Debian's docker.io and debootstrap,
# dockerd started if none answers, a Debian 12 base made from Debian's mirror (for engines
# that cannot reach Docker Hub; DOCKER_BASE=debian:12.11-slim to use the Hub's), the three
# sandbox images, then the tests of every backend (the docker legs no longer skip).
DOCKER_BASE ?= codevet/debian-base:12
docker: setup
	@command -v dockerd >/dev/null && command -v debootstrap >/dev/null || { \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends docker.io debootstrap >/dev/null; }
	@docker info >/dev/null 2>&1 || { echo "starting dockerd (log: /tmp/codevet-dockerd.log)"; \
	  (nohup dockerd >/tmp/codevet-dockerd.log 2>&1 &); \
	  for i in $$(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done; docker info >/dev/null; }
	@[ "$(DOCKER_BASE)" != codevet/debian-base:12 ] || scripts/docker-base.sh $(DOCKER_BASE)
	$(VENV)/bin/codevet images build --base $(DOCKER_BASE)

test-docker: docker
	CODEVET_DOCKER_BASE=$(DOCKER_BASE) $(PY) -m pytest tests/test_docker_backend.py tests/test_backend_contract.py \
	  tests/python/test_python_hostile.py

# every bench/*.py, then bench/results.md (examples/s vs same-run baseline, ratio, peak memory, soak)
bench: setup $(VENV)/.ray
	$(PY) bench/results.py

# only the soak: 2,000 mixed examples of all three sandboxes at full concurrency
soak: setup
	$(PY) bench/soak.py

doctor: setup
	$(VENV)/bin/codevet doctor

clean:
	rm -rf out build *.egg-info src/*.egg-info .pytest_cache
