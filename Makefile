# Every target sets up its own virtual environment; nothing depends on what is installed globally.
# Installs are exactly uv.lock (every platform's versions, hashes included); `make lock` refreshes it.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# uv itself comes from PyPI as a wheel, into its own venv made by plain `python3 -m venv`.
UV_VERSION := 0.13.8
UV_VENV    := .venv-uv
UV         := $(UV_VENV)/bin/uv
UV_STAMP   := $(UV_VENV)/.uv-$(UV_VERSION)
NOTICES    := build/THIRD_PARTY_NOTICES
# Use the Python given above, never a downloaded one; the project environment is $(VENV).
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# Trust the system's certificate store (a company proxy's root lives there), as pip does.
export UV_SYSTEM_CERTS := 1

.PHONY: run test postgres dovecot documents bench build lint lock notices screenshots translations clean venv import-samples

$(UV_STAMP):
	rm -rf $(UV_VENV)
	$(PYTHON) -m venv $(UV_VENV)
	$(UV_VENV)/bin/python -m pip install --quiet uv==$(UV_VERSION)
	touch $(UV_STAMP)

# --locked refuses a lock that no longer matches pyproject.toml (run `make lock`); sync removes extras.
$(STAMP): uv.lock pyproject.toml $(UV_STAMP)
	$(UV) sync --locked --all-extras --python $(PYTHON) \
		|| { echo "make: if uv.lock is out of date, run 'make lock' and commit uv.lock" >&2; exit 1; }
	touch $(STAMP)

venv: $(STAMP)

# Re-resolve after a change to pyproject.toml; versions already locked stay unless they must move.
# `make lock UPGRADE=1` moves every package to its newest allowed version.
lock: $(UV_STAMP)
	$(UV) lock --python $(PYTHON) $(if $(UPGRADE),--upgrade)
	$(MAKE) venv

translations: $(STAMP)
	$(PY) -m trade_crm.tools.compile_translations

# On Linux, first check for the X11 libraries Qt's xcb plugin needs and a Chinese font (prints the
# apt-get line for what is missing; stops only when the window could not open).
run: $(STAMP) translations
	$(PY) -m trade_crm.tools.system_check
	$(PY) -m trade_crm

# The team-mode tests start a real PostgreSQL (tests/postgres_server.py). As root on Debian/Ubuntu a missing
# server is installed first; elsewhere those tests skip with one line (and fail under CI=true).
PG_PACKAGES := postgresql postgresql-contrib
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1 \
		&& [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing $(PG_PACKAGES) with apt-get for the PostgreSQL tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PG_PACKAGES); } \
			>/dev/null 2>&1 || echo "make: apt-get could not install PostgreSQL; its tests will skip"; \
	fi

# The mail tests start a real Dovecot (tests/mail_server.py), the same way: installed as root when missing.
DOVECOT_PACKAGES := dovecot-imapd
dovecot:
	@if ! command -v dovecot >/dev/null 2>&1 && ! [ -x /usr/sbin/dovecot ] \
		&& [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing $(DOVECOT_PACKAGES) with apt-get for the mail tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			$(DOVECOT_PACKAGES); } >/dev/null 2>&1 || echo "make: apt-get could not install Dovecot; its tests will skip"; \
	fi

# The document tests read rendered PDFs back with poppler's pdftotext and pdftoppm, in Chinese, Arabic and
# Cyrillic faces (exchange/documents/fonts.py looks for them): installed as root when missing.
DOCUMENT_PACKAGES := poppler-utils fonts-noto-cjk fonts-noto-core fonts-dejavu-core
documents:
	@if { ! command -v pdftotext >/dev/null 2>&1 || ! ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
		/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf >/dev/null 2>&1; } \
		&& [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "make: installing $(DOCUMENT_PACKAGES) with apt-get for the document tests"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			$(DOCUMENT_PACKAGES); } >/dev/null 2>&1 || echo "make: apt-get could not install $(DOCUMENT_PACKAGES); the document tests will skip"; \
	fi

# The suite runs in one pytest worker per core the process may use, at least two (pytest-xdist): each worker
# is a pytest session of its own, with its own PostgreSQL, Dovecot and Qt application, in its own temp folders
# on its own loopback ports. A test file stays whole on one worker (--dist loadfile), so a module's fixtures
# are built once. `make test TEST_WORKERS=0` runs everything in this one process. A worker that dies (a crash in
# native code) ends the run naming its test: pytest-xdist's replacement worker can wait forever under loadfile.
TEST_WORKERS ?= $(shell $(PYTHON) -c "import os; print(max(2, len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count() or 1))")
test: $(STAMP) translations postgres dovecot documents
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadfile --max-worker-restart=0

bench: $(STAMP) translations dovecot
	QT_QPA_PLATFORM=offscreen $(PY) -m bench --write-readme

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m trade_crm.tools.screenshots docs/screenshots

# A dry run of every file in ../shared/samples/import: rows read, customers, contacts, refused, ignored.
import-samples: $(STAMP)
	$(PY) -m trade_crm.tools.import_samples docs/import-samples.md

lint: $(STAMP)
	$(PY) -m ruff check trade_crm tests bench
	$(VENV)/bin/lint-imports

notices: $(STAMP)
	$(PY) -m trade_crm.tools.third_party_notices $(NOTICES)

build: $(STAMP) translations notices
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	./dist/trade-crm/trade-crm --version

clean:
	rm -rf $(VENV) $(UV_VENV) build dist .pytest_cache
