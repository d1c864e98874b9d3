# Two commands on a fresh machine with Python 3.11:
#   make run    set up .venv and start the app on the offline default (http://127.0.0.1:8501)
#   make test   set up .venv (with test tools and a headless browser) and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
PIP_VERSION := 26.3
PORT ?= 8501
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench tone-model clean

# A current pip resolves this dependency set in about a minute; the machine's pip 23 takes ~6.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==$(PIP_VERSION)"

$(VENV)/.installed-run: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[local]"
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[local,test]"
	touch $@

run: $(VENV)/.installed-run
	$(BIN)/replycoach ingest
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT)

# The browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

test: $(VENV)/.installed-test $(CHROMIUM)
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/knowledge_bench.py
	$(BIN)/python bench/checks_bench.py

# Retrain the fine-tuned tone model (about 100 minutes on 2 cores), then the screen in front of
# it, then choose its thresholds on the development split. Needs torch, so its own virtualenv.
TRAIN_VENV ?= .venv-train
tone-model: $(VENV)/.installed-test
	[ -x $(TRAIN_VENV)/bin/python ] || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet --upgrade "pip==$(PIP_VERSION)"
	$(TRAIN_VENV)/bin/python -m pip install --quiet "torch==2.13.0"
	$(TRAIN_VENV)/bin/python -m pip install --quiet -c constraints.txt -e ".[train]"
	$(TRAIN_VENV)/bin/python -m evals.train_tone_model --layers 6 --final --output evals/checks/data
	$(BIN)/python -m evals.train_classifier
	$(BIN)/python -m evals.calibrate_tone

clean:
	rm -rf $(VENV) $(TRAIN_VENV) build *.egg-info
