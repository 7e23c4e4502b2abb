# Connectivism Course Kit: the two commands a newcomer needs are `make book`
# and `make test`. Both create .venv/ and install the pinned requirements.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
# Learners' autosaves never reach the site or the tests' working tree, and
# the site measures from one fixed date (pages do not change from day to day).
BUILD_ENV := CONNECTIVISM_AUTOSAVE_DIR=$(CURDIR)/_build/autosave CONNECTIVISM_AS_OF=2026-10-01

.PHONY: book test lint format quick env vendor serve bundle lab notebooks exercises exercises-check facilitator lock set-repo clean help

help:
	@echo "make book    build the site into _build/html (creates .venv, installs pinned requirements)"
	@echo "make test    run the linter and the whole test suite (builds the book from clean in a temporary folder)"
	@echo "make lint    check the code's style with ruff (make format applies it)"
	@echo "make quick   the fast loop: every test that needs neither the book build nor a browser"
	@echo "make serve   serve _build/html on http://127.0.0.1:8000"
	@echo "make lab     open the notebooks in JupyterLab"
	@echo "make notebooks   re-run the notebooks and store their committed outputs (see README)"
	@echo "make exercises   regenerate the learner exercises from exercises/_source (answer keys stay out)"
	@echo "make handouts    print the handouts (PDF, A4 and US Letter) from the built site into _build/handouts (needs Chromium)"
	@echo "make bundle  the workshop in a box: _build/connectivism-kit-VERSION.zip (site, browser edition, handouts, serve.py)"
	@echo "make facilitator write the facilitator versions, with answers, to _build/facilitator (never committed)"
	@echo "make set-repo URL=https://github.com/ORG/REPO [BRANCH=main]   point links at your fork"

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $@

env: $(STAMP)

vendor: $(STAMP)
	$(BIN)/python tools/vendor.py

book: env vendor
	rm -rf _build/autosave
	$(BUILD_ENV) $(BIN)/jupyter-book build . --all -W -n --keep-going
	$(MAKE) handouts

# Printable handouts (needs the built site and Debian's Chromium): learner set and
# facilitator pack kept apart; the learner set is also published with the site.
.PHONY: handouts
handouts: env
	$(BUILD_ENV) $(BIN)/python tools/handouts.py _build/handouts
	rm -rf _build/html/handouts && cp -r _build/handouts/learner _build/html/handouts

test: lint vendor
	$(BUILD_ENV) $(BIN)/python -m pytest

lint: env
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: env
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

quick: env
	$(BUILD_ENV) $(BIN)/python -m pytest -m "not build and not browser"

serve:
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

# Workshop in a box: the built site (made first if missing; `make book bundle` rebuilds it) in one zip.
bundle: env
	ls _build/html/lite/index.html _build/html/handouts/*.pdf >/dev/null 2>&1 || $(MAKE) book
	$(BIN)/python tools/bundle.py

notebooks: env
	$(BIN)/python tools/notebooks.py

exercises: env
	$(BUILD_ENV) $(BIN)/python tools/exercises.py build

exercises-check: env
	$(BIN)/python tools/exercises.py check

facilitator: env
	$(BIN)/python tools/exercises.py facilitator $(or $(OUT),_build/facilitator)

lab: env
	$(BIN)/jupyter lab notebooks/

set-repo: env
	$(BIN)/python tools/set_repo.py "$(URL)" "$(or $(BRANCH),main)"

lock:
	rm -rf /tmp/kit-lock-venv && $(PYTHON) -m venv /tmp/kit-lock-venv
	/tmp/kit-lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Fully pinned environment for building, running and testing the kit."; \
	  echo "# Generated from requirements.in by \`make lock\` (Python 3.11). Do not edit by hand."; \
	  /tmp/kit-lock-venv/bin/pip freeze --exclude-editable; } > requirements.txt

clean:
	rm -rf _build
