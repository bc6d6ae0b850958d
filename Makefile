# Two commands on a fresh Debian/Ubuntu machine with Python 3.11:
#   make build   creates .venv, installs the pinned dependencies, builds site/
#   make test    the same set-up plus the browser, then every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: build test serve bench bench-tools browser clean publish interface-strings mutate

build: $(STAMP)
	$(PY) -m explainer build

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Browser tests drive Debian's chromium (Playwright cannot download browsers here)
# and need CJK fonts to render Chinese.
browser:
	@if command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "installing chromium and fonts-noto-cjk with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else \
	  echo "The browser tests need Debian's chromium and fonts-noto-cjk:"; \
	  echo "  sudo apt-get install chromium fonts-noto-cjk"; exit 1; \
	fi

test: $(STAMP) browser
	$(PY) -m pytest -q

serve: $(STAMP)
	$(PY) -m explainer serve

# Push site/ to the gh-pages branch, as `mkdocs gh-deploy` does, for repositories
# that publish Pages from a branch (.github/workflows/pages.yml deploys without it).
# A custom domain in mkdocs.yml's site_url becomes the branch's CNAME file.
publish: build
	@cname="$$($(PY) -m explainer cname)" && \
	$(VENV)/bin/ghp-import --no-jekyll --push --force \
	  --message "Publish site/ from $$(git rev-parse --short HEAD)" \
	  $${cname:+--cname "$$cname"} site

# Interface strings (README "Interface strings"): extract the N_()/NC_() marks with Babel
# and bring every catalog up to date; then translate the new entries and run check.
CATALOGS := $(wildcard explainer/render/locale/*/LC_MESSAGES/interface.po)
interface-strings: $(STAMP)
	@mkdir -p .build
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k NC_:1c,2 --no-default-keywords --sort-by-file --no-wrap \
	  --project explainer -o .build/interface.pot explainer
	@for po in $(CATALOGS); do \
	  lang=$$(basename $$(dirname $$(dirname $$po))); \
	  $(VENV)/bin/pybabel update -i .build/interface.pot -o $$po -l $$(echo $$lang | tr - _) --no-wrap --ignore-obsolete --no-fuzzy-matching; \
	done

# Tools of `make bench` only, never of `make build`: nginx with Debian's
# brotli_static module (to serve the precompressed files as in production) and
# Lighthouse from npm, pinned in package-lock.json.
BROTLI_STATIC := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
bench-tools:
	@if command -v nginx >/dev/null 2>&1 && [ -e $(BROTLI_STATIC) ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "installing nginx and libnginx-mod-http-brotli-static with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static >/dev/null; \
	else \
	  echo "make bench needs nginx: sudo apt-get install nginx libnginx-mod-http-brotli-static"; exit 1; \
	fi
	@if command -v npm >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
	  echo "installing npm with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	else \
	  echo "make bench needs Node.js and npm: sudo apt-get install npm"; exit 1; \
	fi
	@[ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error

# Build speed, scale, serve rebuild, page weight and Lighthouse scores: one table, bench.json.
bench: $(STAMP) browser bench-tools
	$(PY) scripts/bench.py

# Mutation testing of the core modules with the fast tests ([tool.mutmut] in pyproject.toml):
# minutes of CPU, so never part of `make test`. Prints each module's mutants, the survivors
# with their diffs, and the survival rate (equivalent mutants: tests/data/equivalent_mutants.yml).
MUTATE_STAMP := $(VENV)/.mutate-installed
MUTATE_JOBS ?= 2
$(MUTATE_STAMP): requirements-mutate.txt $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-mutate.txt
	touch $@

mutate: $(STAMP) $(MUTATE_STAMP)
	rm -rf mutants && mkdir -p .build
	$(VENV)/bin/mutmut run --max-children $(MUTATE_JOBS) > .build/mutmut.log 2>&1 || { tail -n 40 .build/mutmut.log; exit 1; }
	$(PY) scripts/mutation_report.py

clean:
	rm -rf site .build mutants docs/zh-Hans docs/en docs/zh-Hant
