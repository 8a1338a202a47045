# One task runner. `make run` starts the app on the shipped library; `make test` runs everything CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run streamlit_app.py --server.headless true --browser.gatherUsageStats false

test: $(STAMP)
	$(BIN)/ruff check planner tests bench streamlit_app.py
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check planner tests bench streamlit_app.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .ruff_cache
