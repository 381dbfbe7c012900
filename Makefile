# Two commands on a fresh Debian machine:
#   make run   -> install, migrate SQLite, load the reference content, serve http://127.0.0.1:8000
#   make test  -> install test tools, run every check and the whole suite (SQLite, then PostgreSQL)

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
HOST ?= 127.0.0.1
PORT ?= 8000
# The address `make run` serves: the default site and the admin's links use it (dev settings).
SITE_URL ?= http://$(HOST):$(PORT)
export SITE_URL

.PHONY: run worker serve install install-test migrate content admin test checks lint format messages pytest pytest-postgres clean map screenshots

$(PY):
	scripts/system-packages.sh run
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	scripts/system-packages.sh test
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

content: migrate
	$(PY) manage.py load_reference_content

admin: migrate
	$(PY) manage.py create_local_admin

# The server and, beside it, the task worker (docs/tasks.md); Ctrl+C stops both.
run: content admin
	@$(PY) manage.py worker -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: migrate
	$(PY) manage.py worker

test: install-test checks pytest pytest-postgres

checks: install-test
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.production SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
		ALLOWED_HOSTS=www.example.org REDIS_URL=redis://127.0.0.1:6379/0 SITE_URL=https://www.example.org SECURITY_CONTACT=mailto:security@example.org \
		EMAIL_URL=smtps://mail.example.org DEFAULT_FROM_EMAIL=noreply@example.org \
		CONFIDENTIAL_REPORTS_PUBLIC_KEY=$$($(PY) -c 'import base64, nacl.public; print(base64.b64encode(bytes(nacl.public.PrivateKey.generate().public_key)).decode())') \
		$(PY) manage.py check --deploy --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo
	$(PY) scripts/messages.py check

# Update the interface's translation catalogues after changing strings, then translate and commit.
messages: install-test
	$(PY) scripts/messages.py update

lint: install-test
	$(VENV)/bin/ruff check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

pytest: install-test
	$(VENV)/bin/pytest

# The same suite on PostgreSQL, when a server answers at PG_URL (browser tests ran above).
pytest-postgres: install-test
	@if $(PY) scripts/db_reachable.py "$(PG_URL)"; then \
		DATABASE_URL="$(PG_URL)" $(VENV)/bin/pytest -m "not browser" --create-db; \
	else \
		echo "PostgreSQL not reachable at $(PG_URL): PostgreSQL run skipped."; \
	fi

# Rebuild portal/visuals/map/region.svg from Natural Earth data (needs Node.js and npm;
# the generated file is committed, so running the site never needs them).
map:
	cd tools/map && npm ci --no-audit --no-fund && node build.mjs

# Screenshots of every page type at 375 and 1280 px into screenshots/ (ignored by git).
screenshots: install-test
	$(PY) manage.py screenshots --out screenshots/

clean:
	rm -rf $(VENV) staticfiles media db.sqlite3
