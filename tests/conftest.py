"""Shared fixtures: isolated settings, an ingested embedded store, a real `chroma run` server."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from helpers import chroma_executable, free_port
from replycoach.settings import Settings, load_settings


# Model files are content-addressed and verified by hash, so tests share the user's model cache
# (the 1.1 GB offline model is assembled once, not once per test); everything else is isolated.
SHARED_MODELS = os.environ.get("REPLYCOACH_MODELS_DIR") or str(load_settings().model_cache)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch, tmp_path_factory):
    """No test reads the developer's own settings, store or API key."""
    home = tmp_path_factory.mktemp("home")
    for name in list(os.environ):
        if name.startswith("REPLYCOACH_") or name == "OPENAI_API_KEY":
            monkeypatch.delenv(name)
    monkeypatch.setenv("REPLYCOACH_HOME", str(home))
    monkeypatch.setenv("REPLYCOACH_MODELS_DIR", SHARED_MODELS)


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh REPLYCOACH_HOME for code (pages, subprocesses) that reads settings from the environment."""
    home = tmp_path / "home"
    monkeypatch.setenv("REPLYCOACH_HOME", str(home))
    return home


@pytest.fixture
def ingested_home(home):
    """``home`` with the bundled playbook and sample policy ingested."""
    from knowledge.ingest import ingest_bundled

    ingest_bundled("playbook", Settings(home=home))
    ingest_bundled("policy", Settings(home=home))
    return home


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(home=tmp_path / "home")


@pytest.fixture(scope="session")
def ingested_settings(tmp_path_factory) -> Settings:
    """An embedded store holding the bundled playbook and sample policy (built once)."""
    from knowledge.ingest import ingest_bundled

    settings = Settings(home=tmp_path_factory.mktemp("ingested"))
    ingest_bundled("playbook", settings)
    ingest_bundled("policy", settings)
    return settings


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory):
    """A real `chroma run` on a free loopback port; yields (host, port), stops it afterwards."""
    import chromadb

    path = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = (path / "server.log").open("w")
    process = subprocess.Popen(
        [chroma_executable(), "run", "--path", str(path / "data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"chroma run did not start: {(path / 'server.log').read_text()[-2000:]}")
            time.sleep(0.1)
    yield "127.0.0.1", port
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


_METRICS: dict[str, str] = {}


@pytest.fixture
def report_metric():
    """Record a figure (e.g. retrieval hit@3) to print in the test session's summary."""
    def record(name: str, value) -> None:
        _METRICS[name] = f"{value:.3f}" if isinstance(value, float) else str(value)
    return record


def pytest_terminal_summary(terminalreporter):
    if _METRICS:
        terminalreporter.section("ReplyCoach figures")
        for name, value in _METRICS.items():
            terminalreporter.write_line(f"{name}: {value}")
