# The two commands of the README's Quick start, and what they need.
#   make serve   install the app in .venv and serve it on http://127.0.0.1:8000/
#   make test    install the app and its test tools (Chromium from Debian), run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: serve test install-test chromium catalogs axe

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

serve: $(VENV)/bin/python
	$(PY) -m pip install -q .
	$(VENV)/bin/falc-wizard serve

install-test: $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[test]'

# Debian's Chromium for the browser tests (Playwright cannot download its own here),
# poppler-utils (pdftoppm) to turn printed sheets into images for the QR decoder, and npm (axe-core).
chromium:
	@command -v chromium >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils npm; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils npm; fi; }

# Every sentence the person sees, from templates, Python, journeys and pictograms (babel.cfg),
# into each catalog; then compile the .mo files, which are committed (tests/unit/test_catalogs.py).
catalogs: install-test
	mkdir -p build
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k lazy_gettext -k _l -o build/messages.pot .
	$(VENV)/bin/pybabel -q update -i build/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel -q compile -d translations

# axe-core (npm) for the accessibility audit of the browser tests, in git-ignored .cache/.
AXE := .cache/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): | chromium
	npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4

test: install-test chromium axe
	$(PY) -m pytest
