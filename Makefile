# Two commands on a fresh machine (Python 3.11, pip, apt): `make serve` and `make test`.
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ADDR    ?= 127.0.0.1:8000
AUDIT   := tests/audit
NODE_STAMP := $(AUDIT)/node_modules/.installed

.PHONY: serve test test-fast build check chromium node lint bundles bench audit clean

# Reinstall only when the dependency pins change, so a second run is fast. Serving needs only
# lunxun itself; the test tools (and the optional Zensical engine) come with `make test`.
# -qq: pip and setuptools' English chatter is not for trainers; errors still show.
$(STAMP): pyproject.toml constraints.txt
	@echo "正在准备运行环境（首次运行需要几分钟）……"
	@python3 -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip
	@$(BIN)/python -m pip install -qq -c constraints.txt -e .
	@touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -qq -c constraints.txt -e ".[test,zensical]"
	touch $(TEST_STAMP)

serve: $(STAMP)
	$(BIN)/lunxun serve -a $(ADDR)

build: $(STAMP)
	$(BIN)/lunxun build --strict

check: $(STAMP)
	$(BIN)/lunxun check

# The browser tests drive Debian's Chromium; CJK fonts make print layouts measurable.
chromium:
	@command -v chromium >/dev/null && fc-list :lang=zh | grep -q . || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

# The npm tools of the tests (axe-core, Lighthouse, gift-pegjs, scorm-again, ical.js) and of make audit;
# Debian's nodejs 18 is enough.
node:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; }

$(NODE_STAMP): $(AUDIT)/package.json $(AUDIT)/package-lock.json
	@$(MAKE) --no-print-directory node
	cd $(AUDIT) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: $(TEST_STAMP) chromium $(NODE_STAMP)
	$(BIN)/pytest

# The loop while working: no browser, no whole-site builds of the shipped content; node's own
# test runner for the browser code. On every CPU (pytest-xdist), one test file per worker so a
# module's fixtures are built once; under a minute on a 2-CPU machine.
test-fast: $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/pytest -q -n auto --dist loadfile -m "not browser and not slow"

# Lighthouse scores of the shipped site, mobile: fails under accessibility or best practices 95.
audit: $(TEST_STAMP) chromium $(NODE_STAMP)
	$(BIN)/python benchmarks/lighthouse.py

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests benchmarks support
	$(BIN)/mypy generator

# After editing a browser section: terser's copies of the bundles (generator/assets/minified/), which
# the site serves while they match the sections; the tests require them up to date.
bundles: $(TEST_STAMP) $(NODE_STAMP)
	$(BIN)/python -m generator.render.minify

BENCHMARKS := build_bench quiz_budget search_quality search_bench results_bench lighthouse first_visit

# pagefind is only needed to compare search engines
bench: $(TEST_STAMP) chromium $(NODE_STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test,bench]"
	@for name in $(BENCHMARKS); do echo "== benchmarks/$$name.py"; $(BIN)/python benchmarks/$$name.py || exit 1; done

clean:
	rm -rf site $(VENV) $(AUDIT)/node_modules
