# One entry point for people and CI. `make run` starts the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval train samples clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# Every accuracy figure: docs/accuracy.md and the README's accuracy block (sets: corpus/sets.yaml).
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py --write

# The arbiter model: blma/analysis/model/arbiter.json and its README figures, from development data.
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_arbiter.py

samples: $(STAMP)
	$(BIN)/python scripts/build_samples.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
