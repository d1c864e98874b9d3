"""drafting.local_model: model assembly (fast, fake parts) and the real llama.cpp server (slow)."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import sys
import threading
import types
import urllib.error
import urllib.request
from collections import namedtuple
from pathlib import Path

import pytest
from pydantic import BaseModel

import drafting.local_model as lm
from replycoach.errors import ModelError
from replycoach.settings import Settings, load_settings

PART_CONTENTS = [b"GGUF-part-one|", b"part-two" * 1000, b"|part-three"]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    """Three installed fake part packages; returns the expected joined bytes."""
    names = []
    for index, content in enumerate(PART_CONTENTS, start=1):
        part_file = tmp_path / "site" / f"part{index:02d}.bin"
        part_file.parent.mkdir(exist_ok=True)
        part_file.write_bytes(content)
        name = f"fake_model_part{index}"
        module = types.ModuleType(name)
        module.get_part_path = lambda path=part_file: str(path)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, name, module)
        names.append(name)
    joined = b"".join(PART_CONTENTS)
    monkeypatch.setattr(lm, "PART_MODULES", tuple(names))
    monkeypatch.setattr(lm, "MODEL_SHA256", hashlib.sha256(joined).hexdigest())
    monkeypatch.setattr(lm, "CHUNK", 1024)  # several blocks per part
    return joined


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_assemble_joins_parts_in_order_and_records_the_hash(tmp_path, fake_parts):
    cache = tmp_path / "cache"
    calls: list[tuple[int, int]] = []
    path = lm.assemble_model(cache, progress=lambda done, total: calls.append((done, total)))
    assert path == cache / lm.MODEL_FILENAME
    assert path.read_bytes() == fake_parts
    assert calls[-1] == (len(fake_parts), len(fake_parts))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    record = json.loads((cache / (lm.MODEL_FILENAME + lm.SIDECAR_SUFFIX)).read_text())
    assert record["sha256"] == lm.MODEL_SHA256
    assert record["size"] == len(fake_parts)
    assert record["mtime_ns"] == path.stat().st_mtime_ns
    assert leftovers(cache) == []


def test_assemble_refuses_a_hash_mismatch_and_leaves_no_file(tmp_path, fake_parts, monkeypatch):
    monkeypatch.setattr(lm, "MODEL_SHA256", "0" * 64)
    cache = tmp_path / "cache"
    with pytest.raises(ModelError, match="sha256") as info:
        lm.assemble_model(cache)
    assert "force-reinstall" in (info.value.hint or "")
    assert list(cache.iterdir()) == []


def test_a_verified_file_is_reused_without_rehashing(tmp_path, fake_parts, monkeypatch):
    cache = tmp_path / "cache"
    first = lm.assemble_model(cache)
    mtime = first.stat().st_mtime_ns

    def fail(*args, **kwargs):
        raise AssertionError("should not hash or join again")

    monkeypatch.setattr(lm, "_sha256_file", fail)
    monkeypatch.setattr(lm, "part_paths", fail)
    assert lm.assemble_model(cache) == first
    assert first.stat().st_mtime_ns == mtime


def test_a_changed_mtime_rehashes_once_and_keeps_a_good_file(tmp_path, fake_parts, monkeypatch):
    cache = tmp_path / "cache"
    path = lm.assemble_model(cache)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 10**9))
    monkeypatch.setattr(lm, "part_paths", lambda: pytest.fail("a good file must not be rebuilt"))
    assert lm.assemble_model(cache) == path
    record = json.loads((cache / (lm.MODEL_FILENAME + lm.SIDECAR_SUFFIX)).read_text())
    assert record["mtime_ns"] == path.stat().st_mtime_ns


def test_a_corrupted_file_is_rebuilt_from_the_parts(tmp_path, fake_parts):
    cache = tmp_path / "cache"
    path = lm.assemble_model(cache)
    with path.open("r+b") as handle:  # same size, one byte flipped: only the hash can tell
        handle.seek(5)
        handle.write(b"X")
    assert path.read_bytes() != fake_parts
    assert lm.assemble_model(cache).read_bytes() == fake_parts
    assert leftovers(cache) == []


def test_a_corrupted_file_with_a_stale_sidecar_is_still_caught(tmp_path, fake_parts):
    cache = tmp_path / "cache"
    path = lm.assemble_model(cache)
    path.write_bytes(b"garbage")  # new size and mtime: the sidecar no longer vouches for it
    assert lm.assemble_model(cache).read_bytes() == fake_parts


def test_a_missing_part_package_is_a_clear_error(tmp_path, fake_parts, monkeypatch):
    monkeypatch.setattr(lm, "PART_MODULES", lm.PART_MODULES + ("no_such_model_part_pkg",))
    with pytest.raises(ModelError) as info:
        lm.assemble_model(tmp_path / "cache")
    assert "no_such_model_part_pkg" in info.value.message
    assert info.value.hint == lm.INSTALL_HINT
    assert "pip install '.[local]'" in str(info.value)


def test_not_enough_disk_space_is_refused(tmp_path, fake_parts, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(lm.shutil, "disk_usage", lambda path: usage(10**9, 10**9, 1000))
    cache = tmp_path / "cache"
    with pytest.raises(ModelError, match="disk space"):
        lm.assemble_model(cache)
    assert leftovers(cache) == []


def test_get_local_server_is_one_lazy_instance_per_process(monkeypatch):
    monkeypatch.setattr(lm, "_shared", None)
    first = lm.get_local_server(Settings(home=Path("/nonexistent")))
    assert lm.get_local_server(Settings()) is first
    assert not first.running


def test_a_bad_model_file_fails_to_start_with_a_model_error(tmp_path):
    pytest.importorskip("xllamacpp")
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + bytes(100))
    server = lm.LocalModelServer(Settings(home=tmp_path), model_path=bad)
    with pytest.raises(ModelError, match="failed to start"):
        server.start()
    assert not server.running


# --- the real model (about 30-60 s on 2 shared cores) ----------------------------------------


class Analysis(BaseModel):
    sentiment: str
    questions: list[str]
    wants_refund: bool


CUSTOMER = (
    "My order #4411 was due last Friday and still hasn't arrived. It was a birthday present. "
    "Where is it, and can I get the shipping fee back?"
)


@pytest.fixture(scope="module")
def server():
    pytest.importorskip("xllamacpp")
    settings = load_settings()  # the user's model cache: the 1.1 GB join happens once
    instance = lm.LocalModelServer(settings)
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture(scope="module")
def chat(server):
    from langchain_openai import ChatOpenAI

    return ChatOpenAI(base_url=server.base_url, api_key=server.api_key, model=server.model_name,
                      temperature=0, max_tokens=48, timeout=300, max_retries=0)


@pytest.mark.slow
def test_server_listens_on_loopback_and_wants_the_key(server):
    assert server.base_url.startswith("http://127.0.0.1:") and server.base_url.endswith("/v1")
    with urllib.request.urlopen(server.address + "/health", timeout=10) as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(server.base_url + "/models", timeout=10)
    assert info.value.code == 401
    addresses = []
    threads = [threading.Thread(target=lambda: (server.start(), addresses.append(server.address)))
               for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(addresses) == {server.address}


@pytest.mark.slow
def test_chatopenai_invoke_returns_text(chat):
    reply = chat.invoke([("system", "You are a friendly support agent. Reply in two sentences."),
                         ("human", CUSTOMER)])
    assert reply.content.strip()
    assert reply.usage_metadata["output_tokens"] > 0


@pytest.mark.slow
def test_chatopenai_streams_chunks(chat):
    chunks = [chunk.content for chunk in chat.stream("Say hello to a customer named Ana.")]
    assert len(chunks) > 2
    assert "".join(chunks).strip()


@pytest.mark.slow
def test_structured_output_with_json_schema(chat):
    longer = chat.model_copy(update={"max_tokens": 200})
    analyst = longer.with_structured_output(Analysis, method="json_schema")
    result = analyst.invoke([("system", "Analyse the customer's message."), ("human", CUSTOMER)])
    assert isinstance(result, Analysis)
    assert result.questions


@pytest.mark.slow
def test_stop_frees_the_port(server):
    port = server.port
    server.stop()
    assert not server.running
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    server.stop()  # idempotent


def test_status_on_a_fresh_install_is_not_assembled_yet_then_ready(tmp_path, fake_parts, monkeypatch):
    monkeypatch.setattr(lm, "_shared", None)
    settings = Settings(home=tmp_path / "home")
    assert lm.offline_model_status(settings) == "not assembled yet"
    lm.assemble_model(settings.model_cache)
    assert lm.offline_model_status(settings) == "ready"
