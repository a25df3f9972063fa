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

.PHONY: setup system venv three run test docker test-docker bench soak doctor clean

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
	$(PY) -m codevet images build --base $(DOCKER_BASE)

test-docker: docker
	CODEVET_DOCKER_BASE=$(DOCKER_BASE) $(PY) -m pytest tests/test_docker_backend.py tests/test_backend_contract.py \
	  tests/python/test_python_hostile.py

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
