# One entry point for people and CI. `make run` starts the app, `make test` runs every test
# (on two pytest-xdist workers: a fresh CI run stays under ten minutes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval train samples fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run app.py

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python scripts/benchmark.py

# Every accuracy figure: docs/accuracy.md and the README's accuracy block (sets: corpus/sets.yaml).
eval: $(STAMP)
	$(BIN)/python scripts/evaluate.py --write

# The arbiter model: blma/analysis/model/arbiter.json.gz and its README figures, from development data.
train: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python scripts/train_arbiter.py

samples: $(STAMP)
	$(BIN)/python scripts/build_samples.py

# The full mutation-fuzzer run over the sample agreements (10,000 mutants, about an hour; counts
# by outcome at the end). `make test` runs a fast slice of it (tests/test_fuzz.py).
fuzz: $(STAMP)
	nice -n 10 $(BIN)/python scripts/fuzz.py --cases 10000 --seed 1

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
