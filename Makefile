# One task runner. `make run` starts the app on the organisers' working library (made on
# first start); `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The working library `make run` opens: made from the shipped one on first start, a git
# repository of its own (the project's git ignores it). LIBRARY=DIR opens another.
LIBRARY ?= library

# Debian packages the tests use: LibreOffice (PDF conversion), poppler (pdftotext),
# Chromium (browser tests). Installed when missing and we are root; else the tests
# that need them say so and skip.
DEBS := chromium libreoffice-writer-nogui poppler-utils fonts-noto-cjk

.PHONY: run test lint bench clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) | $(LIBRARY)
	PLANNER_LIBRARY=$(abspath $(LIBRARY)) $(BIN)/streamlit run streamlit_app.py \
		--server.headless true --browser.gatherUsageStats false

$(LIBRARY):
	$(BIN)/planner init $@

system-deps:
	@missing=$$(for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ]; then \
		echo "installing $$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	elif [ -n "$$missing" ]; then echo "not root: missing $$missing (their tests will skip)"; fi

test: $(STAMP) system-deps
	$(BIN)/ruff check planner tests bench streamlit_app.py
	$(BIN)/mypy
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check planner tests bench streamlit_app.py
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache .mypy_cache
