# Basläger: `make run` sets up and serves the demo; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
DEV_ENV := DEBUG=1
DATA_DIR ?= $(or $(BASLAGER_DATA_DIR),../shared/data)

.PHONY: run test install lint messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --no-input
	$(DEV_ENV) $(BIN)/python manage.py createcachetable
	@# The real JobTech taxonomy when its export is at hand; demo_data falls back to the starter set.
	@if [ -d "$(DATA_DIR)/jobtech" ]; then \
		$(DEV_ENV) $(BIN)/python manage.py import_taxonomy --data-dir "$(DATA_DIR)/jobtech"; fi
	$(DEV_ENV) $(BIN)/python manage.py demo_data
	@# The queue's worker and the daily jobs' scheduler run beside the web server and stop with it.
	@trap 'kill $$worker $$scheduler 2>/dev/null; wait' EXIT INT TERM; \
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} $(DEV_ENV) $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	$(DEV_ENV) $(BIN)/python manage.py run_scheduler & scheduler=$$!; \
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=config.test_settings
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: install
	$(DEV_ENV) $(BIN)/python manage.py makemessages -l sv --ignore=.venv --ignore=staticfiles --ignore=bench
	$(DEV_ENV) $(BIN)/python manage.py compilemessages --ignore=.venv

bench: install
	$(BIN)/python bench/pages.py
	$(BIN)/python bench/pages.py --postgres

clean:
	rm -rf $(VENV) staticfiles baslager.sqlite3*
