# Two commands do everything: `make run` and `make test`. Each installs what it needs
# first (Debian packages, .venv, the package, three.js from npm) and skips what is there.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
THREE_DIR := sandboxes/threejs/web
THREE := $(THREE_DIR)/node_modules/three/package.json
OUT ?= out/fixtures
# command:debian-package pairs; a package is installed only when its command is missing
NEEDS := bwrap:bubblewrap chromium:chromium mips-linux-gnu-gcc:gcc-mips-linux-gnu \
         mips-linux-gnu-nm:binutils-mips-linux-gnu node:nodejs npm:npm python3:python3 gcc:gcc

.PHONY: setup system venv three run test bench soak doctor clean

setup: system venv three

system:
	@missing=""; for pair in $(NEEDS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; done; \
	python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml setup.py
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -e '.[dev]'
	@touch $@

three: $(if $(wildcard $(THREE_DIR)/package.json),$(THREE))

$(THREE): $(THREE_DIR)/package.json
	npm install --prefix $(THREE_DIR) --no-audit --no-fund --loglevel=error
	@touch $@

run: setup
	$(PY) -m codevet verify $(wildcard fixtures/python/*.jsonl fixtures/threejs/*.json fixtures/oot/*.jsonl) \
	  --out $(OUT) --timeout 5

test: setup
	$(PY) -m pytest

# every bench/*.py, then bench/results.md (examples/s vs same-run baseline, ratio, peak memory, soak)
bench: setup
	$(PY) bench/results.py

# only the soak: 2,000 mixed examples of all three sandboxes at full concurrency
soak: setup
	$(PY) bench/soak.py

doctor: setup
	$(PY) -m codevet doctor

clean:
	rm -rf out build *.egg-info .pytest_cache
