# Daybook: build, preview, import, test and publish a live-blog archive.
# The first target you run creates .venv/ and installs the pinned dependencies.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PELICAN := $(BIN)/pelican
PELICANOPTS ?=

BASEDIR := $(CURDIR)
INPUTDIR ?= $(BASEDIR)/content
OUTPUTDIR ?= $(BASEDIR)/output
CACHEDIR ?= $(BASEDIR)/cache
CONFFILE ?= $(BASEDIR)/pelicanconf.py
PUBLISHCONF ?= $(BASEDIR)/publishconf.py
PUBLISHDIR ?= $(BASEDIR)/output-publish

PORT ?= 8000
SEARCH ?= yes
SRC ?=
URL ?=
CAPTUREOPTS ?=
TIMELINE ?=
GITHUB_PAGES_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
SITE_LIMIT_MB ?= 1000

ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
ATOM_RNG := .cache/atom.rng

.PHONY: help html serve devserver clean import capture publish publish-html test lint check bench bench-import lock

help:
	@echo 'make html        build the site from content/ into output/, only what changed (sets itself up on first use)'
	@echo 'make serve       build, then serve output/ at http://localhost:$(PORT)/'
	@echo 'make devserver   rebuild on change and serve'
	@echo 'make import SRC=saved-page.txt [TIMELINE=slug]   archive and import a saved live blog'
	@echo 'make capture URL=https://... [TIMELINE=slug] [CAPTUREOPTS="--every 10m"]   capture a live blog'
	@echo 'make publish     production build, then push to $(GITHUB_PAGES_REMOTE)/$(GITHUB_PAGES_BRANCH)'
	@echo 'make test        lint, then run the test suite'
	@echo 'make check       validate output/: HTML (Nu checker), links and anchors, feeds'
	@echo 'make bench       time Daybook against stock Pelican and Hugo (BENCH_DAYS=100|1000|3000)'
	@echo 'make bench-import  dateparser, htmldate and trafilatura against the importer, on real pages'
	@echo 'make clean       remove generated output and the build cache'

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.lock
	touch $@

# The Atom RELAX NG grammar (RFC 4287, with its Schematron rules) ships in lxml's source package.
$(ATOM_RNG): | $(STAMP)
	mkdir -p .cache/lxml-sdist
	$(BIN)/python -m pip download -q --disable-pip-version-check --no-deps --no-binary lxml \
		lxml==$$($(BIN)/python -c 'import lxml; print(lxml.__version__)') -d .cache/lxml-sdist
	tar -xzf .cache/lxml-sdist/lxml-*.tar.gz -C .cache --strip-components=4 --wildcards '*/doc/s5/ep2008/atom.rng'
	test -s $@

# Pelican builds, then `daybook finish` indexes the site for search and says what was built;
# it exits non-zero when a day file could not be read (the rest of the site is built).
define build_site
	$(PELICAN) "$(INPUTDIR)" -o "$(1)" -s "$(2)" --cache-path "$(CACHEDIR)" $(PELICANOPTS)
	$(BIN)/daybook finish "$(1)" --cache "$(CACHEDIR)" $(if $(filter no,$(SEARCH)),--no-search)
endef

html: $(STAMP)
	$(call build_site,$(OUTPUTDIR),$(CONFFILE))

serve: html
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -p $(PORT) $(PELICANOPTS)

devserver: $(STAMP)
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --cache-path "$(CACHEDIR)" -p $(PORT) $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(PUBLISHDIR)" "$(CACHEDIR)" .cache/bench .cache/bench-old-*

import: $(STAMP)
	@test -n "$(SRC)" || { echo 'usage: make import SRC=saved-page.txt [TIMELINE=slug]' >&2; exit 2; }
	$(BIN)/daybook import --archive archive $(if $(TIMELINE),--timeline $(TIMELINE)) $(SRC)

capture: $(STAMP)
	@test -n "$(URL)" || { echo 'usage: make capture URL=https://... [TIMELINE=slug] [CAPTUREOPTS="--every 10m"]' >&2; exit 2; }
	$(BIN)/daybook capture --archive archive $(if $(TIMELINE),--timeline $(TIMELINE)) $(CAPTUREOPTS) "$(URL)"

publish-html: $(STAMP)
	rm -rf "$(PUBLISHDIR)"
	$(call build_site,$(PUBLISHDIR),$(PUBLISHCONF))

publish: publish-html
	@# Start from what is published, so gh-pages keeps its history and the push fast-forwards.
	git fetch -q $(GITHUB_PAGES_REMOTE) +$(GITHUB_PAGES_BRANCH):$(GITHUB_PAGES_BRANCH) 2>/dev/null || true
	@# Refuse to drop any page, #anchor or feed id that is already published.
	@if git rev-parse -q --verify refs/heads/$(GITHUB_PAGES_BRANCH) >/dev/null; then \
		rm -rf .cache/published && mkdir -p .cache/published && \
		git archive $(GITHUB_PAGES_BRANCH) | tar -x -C .cache/published && \
		$(BIN)/daybook check-published .cache/published "$(PUBLISHDIR)" $(if $(ALLOW_REMOVALS),--allow-removals); \
	fi
	@# Refuse a site over the host's size limit (GitHub Pages: 1 GB), naming its largest parts.
	$(BIN)/daybook site-size "$(PUBLISHDIR)" --limit-mb $(SITE_LIMIT_MB)
	$(BIN)/ghp-import -n -m "Publish site built from $$(git rev-parse --short HEAD 2>/dev/null || echo 'an uncommitted tree')" \
		-b $(GITHUB_PAGES_BRANCH) "$(PUBLISHDIR)"
	git push -q $(GITHUB_PAGES_REMOTE) $(GITHUB_PAGES_BRANCH):$(GITHUB_PAGES_BRANCH)

test: lint $(ATOM_RNG)
	@.ci/browser-setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The validators (Nu HTML checker, links and #anchors, feeds) on the built site, one summary.
check: html
	.ci/check "$(OUTPUTDIR)"

lint: $(TEST_STAMP)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py
	$(BIN)/ruff format --check plugins tests bench pelicanconf.py publishconf.py
	$(BIN)/mypy

BENCH_DAYS ?= 100
BENCH_REPEAT ?= 1

# Daybook against stock Pelican and Hugo on a generated archive; prints a table (bench/run.py).
# Hugo is Debian's package, installed here when it can be (as root); else its column is left out.
bench: $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-bench.lock
	@command -v hugo >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -q hugo >/dev/null; } \
		|| echo "bench: hugo is not installed; its column is left out"
	$(BIN)/python bench/run.py --days $(BENCH_DAYS) --repeat $(BENCH_REPEAT)

# dateparser, htmldate and trafilatura against the importer's own code, on the real pages.
bench-import: $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-bench.lock
	$(BIN)/python bench/import_libraries.py

# Refresh the exact pins after changing dependency ranges in pyproject.toml.
lock:
	rm -rf .cache/lock-venv && $(PY) -m venv .cache/lock-venv
	.cache/lock-venv/bin/pip install -q . && .cache/lock-venv/bin/pip freeze --exclude daybook > requirements.lock.new
	@echo 'wrote requirements.lock.new: review it, then move it over requirements.lock'
