# The two commands of the README's Quick start, and what they need.
#   make serve   install the app in .venv and serve it on http://127.0.0.1:8000/
#   make test    install the app and its test tools (Chromium from Debian), run every test
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: serve test install-test chromium catalogs axe voices audio

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

# The app starts at once; what audio is missing is made in the background (falc-wizard serve).
serve: $(VENV)/bin/python voices
	$(PY) -m pip install -q .
	$(VENV)/bin/falc-wizard serve

install-test: $(VENV)/bin/python
	$(PY) -m pip install -q -e '.[test]'

# Debian's Chromium for the browser tests (Playwright cannot download its own here),
# poppler-utils (pdftoppm, pdftotext) to read printed pages back, npm (axe-core), and
# nginx and openssl for tests/web/test_nginx.py (the shipped deploy/nginx configuration
# over TLS with a test certificate; the tests run their own nginx on free loopback ports).
# Only what is missing is installed: a machine whose Node.js came with its own npm
# must not get Debian's npm, whose dependencies conflict with that Node.js.
APT_NEEDS := chromium:chromium pdftoppm:poppler-utils npm:npm nginx:nginx openssl:openssl
chromium:
	@missing=""; for need in $(APT_NEEDS); do \
	  command -v "$${need%%:*}" >/dev/null 2>&1 || missing="$$missing $${need#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# The voices that read every screen aloud (docs/AUDIO.md): SVOX Pico (libttspico-utils) is in
# Debian's non-free component, which a stock bookworm machine does not list; ffmpeg encodes.
# contrib and non-free are added in a file of their own beside Debian's (same mirrors, same
# suites, same signing key), once: nothing of the system's own sources file is changed, and
# a machine that already lists non-free is left as it is.
VOICE_SOURCES := /etc/apt/sources.list.d/falc-wizard-voices.sources
VOICE_PACKAGES := libttspico-utils ffmpeg
voices:
	@if ! command -v pico2wave >/dev/null 2>&1 || ! command -v ffmpeg >/dev/null 2>&1; then \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	  if ! grep -rqsE '^(Components:|deb ).*[[:space:]]non-free([[:space:]]|$$)' /etc/apt/sources.list /etc/apt/sources.list.d/; then \
	    if [ -f /etc/apt/sources.list.d/debian.sources ]; then \
	      sed 's/^Components:.*/Components: contrib non-free/' /etc/apt/sources.list.d/debian.sources | $$sudo tee $(VOICE_SOURCES) >/dev/null; \
	    else echo "make voices: add Debian's contrib and non-free components to apt's sources, then run it again" >&2; exit 1; fi; \
	  fi; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(VOICE_PACKAGES); \
	fi

# Every audio file that is missing (falc_wizard/audio), in instance/audio (git-ignored).
audio: install-test voices
	$(VENV)/bin/falc-wizard audio

# Every sentence the person sees, from templates, Python, journeys and pictograms (babel.cfg),
# into each catalog; then compile the .mo files, which are committed (tests/unit/test_catalogs.py).
# tools/catalogs.py pins what would make two runs differ (wrapping, line numbers, dates).
catalogs: install-test
	$(PY) tools/catalogs.py

# axe-core (npm) for the accessibility audit of the browser tests, in git-ignored .cache/.
AXE := .cache/axe/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): | chromium
	npm install --prefix .cache/axe --no-audit --no-fund --silent axe-core@4

# Two workers (pytest-xdist), one Chromium and one live server each: the suite takes
# half the time on a 2-core machine. --dist loadgroup keeps each xdist_group in one
# worker (the browser walks of a journey share their audit of each page).
# The audio files are made first (about 2 minutes on 2 cores the first time, nothing after):
# tests/web/test_audio.py checks every sentence of every screen has its files.
test: install-test chromium axe audio
	$(PY) -m pytest -n 2 --dist loadgroup
