# Every target sets up its own virtual environment; nothing depends on what is installed globally.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test bench build lint screenshots translations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

translations: $(STAMP)
	$(PY) -m trade_crm.tools.compile_translations

run: $(STAMP) translations
	$(PY) -m trade_crm

test: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(PY) -m trade_crm.tools.screenshots docs/screenshots

lint: $(STAMP)
	$(PY) -m ruff check trade_crm tests bench
	$(VENV)/bin/lint-imports

build: $(STAMP) translations
	$(PY) -m PyInstaller --noconfirm --clean build.spec
	./dist/trade-crm/trade-crm --version

clean:
	rm -rf $(VENV) build dist .pytest_cache
