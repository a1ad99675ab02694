# protestwatch: `make demo` sets everything up and codes the demo corpus; `make test` runs the tests.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := src/protestwatch/web/static/vendor/MANIFEST.json

.PHONY: demo test install gazetteer lint bench clean assets serve browser

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) $(ASSETS)

# The dashboard's JavaScript/CSS libraries, pinned in web-assets/package-lock.json (needs npm).
$(ASSETS): web-assets/package.json web-assets/package-lock.json scripts/build_assets.py | $(STAMP)
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "need npm (Node.js 18+) to fetch the dashboard's libraries"; exit 1; fi; }
	$(BIN)/python scripts/build_assets.py --force

assets: $(STAMP) $(ASSETS)

gazetteer: $(STAMP)
	$(BIN)/protestwatch gazetteer build

demo: $(STAMP) $(ASSETS)
	$(BIN)/protestwatch demo --db demo.db

# The browser tests drive Debian's Chromium; install it when it is missing and we may use apt.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is not installed: the browser tests will be skipped"; fi; }

test: $(STAMP) $(ASSETS) browser
	$(BIN)/python -m pytest tests

serve: $(STAMP) $(ASSETS)
	$(BIN)/protestwatch serve --db demo.db

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache
