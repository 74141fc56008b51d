# Two commands set up a fresh machine: `make demo` and `make test`.
# Everything they need is installed here: the virtual environment, the package
# (`make demo`: its runtime dependencies only; `make test`: with its dev extra),
# and Graphviz (apt-get) when `dot` is missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PYPROJECT_SUM := $(shell cksum < pyproject.toml | cut -d' ' -f1)
STAMP  := $(VENV)/.installed-$(PYPROJECT_SUM)
DEV_STAMP := $(VENV)/.installed-dev-$(PYPROJECT_SUM)
ARGMAP := $(BIN)/argmap
# The reference parsers the export conformance tests run (Mermaid, Argdown),
# pinned in tests/conformance/package*.json and installed once into NPM_DIR.
NPM_DIR   := .cache/npm
NPM_LOCK  := tests/conformance/package-lock.json
NPM_STAMP := $(NPM_DIR)/.installed-$(shell cat tests/conformance/package.json $(NPM_LOCK) | cksum | cut -d' ' -f1)

.PHONY: demo test lint typecheck unit install install-dev graphviz chromium poppler libreoffice conformance-tools examples briefs terminal-capture terminal-capture-eval bench schema clean

# The main job on the bundled maps: check them, print one as a tree, draw them all.
demo: install
	$(ARGMAP) check --strict maps/
	$(ARGMAP) show maps/nato-promise.yaml
	@mkdir -p out
	$(ARGMAP) render maps/ -f svg -o out/
	$(ARGMAP) render maps/ -f png -o out/
	@echo "Diagrams are in out/; the gallery with focused views is in examples/."

examples: install-dev
	$(BIN)/python examples/build.py

# The debater's examples: a brief per bundled map (md, docx; PDF pages as PNG when
# LibreOffice is installed) and the eval summary, in examples/briefs/.
briefs: install-dev
	$(BIN)/python examples/briefs.py

test: install-dev lint typecheck unit

lint: install-dev
	$(BIN)/ruff check argmap tests benchmarks examples

typecheck: install-dev
	$(BIN)/mypy

unit: install-dev conformance-tools chromium poppler libreoffice
	$(BIN)/pytest

# The runtime dependencies only: what `argmap` needs to run (make demo).
install: $(STAMP) graphviz
	@# Precompiled bytecode keeps start-up fast even where PYTHONDONTWRITEBYTECODE is set.
	@$(BIN)/python -m compileall -q argmap

# With the dev extra: pytest, hypothesis, ruff, mypy, playwright ... (make test).
install-dev: $(DEV_STAMP) install

$(STAMP):
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@# compat mode puts the source on sys.path with a .pth line; the default
	@# editable finder costs every argmap run about 20 ms of start-up.
	$(BIN)/python -m pip install -q --disable-pip-version-check -e . \
	  --config-settings editable_mode=compat
	@rm -f $(VENV)/.installed-[0-9]* && touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]' \
	  --config-settings editable_mode=compat
	@rm -f $(VENV)/.installed-dev-* && touch $@

# Mermaid's and Argdown's own parsers check argmap's exports in `make test`;
# without them those tests fail, so a failed install stops here, loudly.
conformance-tools: $(NPM_STAMP)

$(NPM_STAMP): tests/conformance/package.json $(NPM_LOCK)
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js 20 or newer (apt-get install nodejs npm)"; exit 1; }
	@echo "Installing the conformance tools (Mermaid, Argdown CLI) into $(NPM_DIR)"
	@rm -rf $(NPM_DIR) && mkdir -p $(NPM_DIR)
	@cp tests/conformance/package.json $(NPM_LOCK) $(NPM_DIR)/
	@cd $(NPM_DIR) && npm ci --no-audit --no-fund --loglevel=error >npm-ci.log 2>&1 || { \
	  cat npm-ci.log; echo "could not install the conformance tools with npm (see above)"; exit 1; }
	@touch $@

graphviz:
	@command -v dot >/dev/null 2>&1 || { \
	  echo "Graphviz's dot is missing: installing it with apt-get"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq graphviz >/dev/null; \
	  command -v dot >/dev/null 2>&1 || { echo "could not install Graphviz: install it by hand (apt-get install graphviz)"; exit 1; }; }

schema: install
	$(ARGMAP) schema > schema/argmap-1.schema.json
	$(ARGMAP) schema --json-export > schema/argmap-export.schema.json

# The HTML page's tests drive Debian's chromium with Playwright (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "chromium is missing: installing it with apt-get (for the HTML page's browser tests)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	  command -v chromium >/dev/null 2>&1 || { echo "could not install chromium: install it by hand (apt-get install chromium)"; exit 1; }; }

# The atlas tests read PDFs back with poppler's pdftotext and pdfinfo.
poppler:
	@command -v pdftotext >/dev/null 2>&1 || { \
	  echo "pdftotext is missing: installing poppler-utils with apt-get (for the atlas tests)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils >/dev/null; \
	  command -v pdftotext >/dev/null 2>&1 || { echo "could not install poppler-utils: install it by hand (apt-get install poppler-utils)"; exit 1; }; }

# The docx brief's test opens it in LibreOffice (headless) and reads the PDF back.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { \
	  echo "soffice is missing: installing libreoffice-writer-nogui with apt-get (for the docx brief's test)"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libreoffice-writer-nogui >/dev/null; \
	  command -v soffice >/dev/null 2>&1 || { echo "could not install LibreOffice: install it by hand (apt-get install libreoffice-writer-nogui)"; exit 1; }; }

bench: install-dev
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf $(VENV) .cache .pytest_cache .mypy_cache .ruff_cache .hypothesis out

# A real terminal: run `argmap show` in tmux at 80 columns and keep what it shows.
terminal-capture: install-dev
	tmux kill-session -t argmap-capture 2>/dev/null || true
	tmux new-session -d -s argmap-capture -x 80 -y 60
	tmux send-keys -t argmap-capture "clear; $(ARGMAP) show maps/nato-promise.yaml --depth 2; tmux wait-for -S argmap-done" Enter
	tmux wait-for argmap-done
	tmux capture-pane -t argmap-capture -p -e -S 0 -E 45 > examples/terminal.ansi
	tmux kill-session -t argmap-capture
	$(BIN)/python examples/terminal.py examples/terminal.ansi examples/terminal.svg
	rm examples/terminal.ansi
	if command -v rsvg-convert >/dev/null; then rsvg-convert examples/terminal.svg -o examples/terminal.png; \
	else chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=982,1173 \
	  --screenshot=$(CURDIR)/examples/terminal.png file://$(CURDIR)/examples/terminal.svg; fi

# The same terminal, showing which statements stand: `argmap show --eval`, run on a
# real pseudo-terminal 80 columns wide (script(1); tmux cannot start everywhere).
terminal-capture-eval: install-dev
	script -qec "stty cols 80 rows 60; $(ARGMAP) show maps/nato-security.yaml --eval --depth 2" \
	  examples/terminal-eval.raw > /dev/null
	sed -e '1d' -e '/^Script done/d' -e 's/\r$$//' examples/terminal-eval.raw > examples/terminal-eval.ansi
	$(BIN)/python examples/terminal.py examples/terminal-eval.ansi examples/terminal-eval.svg \
	  "argmap show maps/nato-security.yaml --eval --depth 2"
	rm examples/terminal-eval.raw examples/terminal-eval.ansi
	command -v rsvg-convert >/dev/null && rsvg-convert examples/terminal-eval.svg -o examples/terminal-eval.png || true
