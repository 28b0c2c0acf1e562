# Two commands for a newcomer: `make run` and `make test` (see README.md).
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.installed-requirements
DEV_STAMP := $(VENV)/.installed-requirements-dev

.PHONY: run test lint messages bench clean

$(PY):
	@python=$$(scripts/find-python) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when a requirements file changed: a second `make run` installs nothing.
$(RUN_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(RUN_STAMP)

run: export DEBUG ?= 1
run: $(RUN_STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_document content/documents
	$(PY) manage.py create_practice_quizzes
	$(PY) manage.py seed_demo
	@echo "Dongxi is serving on http://127.0.0.1:$(PORT)/ (and a worker builds large exports)"
	@# One worker beside the web server (background tasks: README.md, "Production"); it is
	@# stopped with the server, however the server stops.
	@$(PY) manage.py worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extract and compile the vi, zh-hans and en catalogs (both are committed).
messages: $(DEV_STAMP)
	DEBUG=1 $(PY) manage.py makemessages --no-obsolete -l vi -l zh_Hans -l en -i ".venv/*" -i "bench/*"
	DEBUG=1 $(PY) manage.py compilemessages -i ".venv"

bench: $(DEV_STAMP)
	@for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
