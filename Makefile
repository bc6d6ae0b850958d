# Two commands on a fresh Debian/Ubuntu machine with Python 3.11:
#   make build   creates .venv, installs the pinned dependencies, builds site/
#   make test    the same set-up plus the browser, then every test
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: build test serve bench browser clean publish

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

clean:
	rm -rf site .build docs/zh-Hans docs/en docs/zh-Hant
