"""The Chroma store: an embedded PersistentClient by default, a `chroma run` server when a
host is configured. Two collections: the playbook (how to talk) and policy (what we can do).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings

from knowledge.embeddings import PlaybookEmbeddingFunction
from replycoach.errors import InputError, StoreError
from replycoach.settings import Settings

PLAYBOOK = "playbook"
POLICY = "policy"
COLLECTIONS = (PLAYBOOK, POLICY)
_CHROMA_NAMES = {PLAYBOOK: "replycoach_playbook", POLICY: "replycoach_policy"}


def bundled_folder(collection: str) -> Path:
    """The documents shipped with ReplyCoach for a collection (the default playbook, the sample policy)."""
    return Path(str(resources.files("knowledge") / "data" / collection))


def check_collection(collection: str) -> str:
    if collection not in COLLECTIONS:
        raise InputError(f"unknown collection {collection!r}", f"use one of {', '.join(COLLECTIONS)}")
    return collection


def describe(settings: Settings) -> str:
    if settings.chroma_host:
        return f"Chroma server at {settings.chroma_host}:{settings.chroma_port}"
    return f"knowledge store at {settings.store_path}"


def open_client(settings: Settings, create: bool = False) -> chromadb.api.ClientAPI:
    """Connect to the configured store. ``create=False`` refuses to create an embedded store."""
    if settings.chroma_host:
        host, port = settings.chroma_host, settings.chroma_port
        try:
            client = _http_client(host, port)
            client.heartbeat()
        except Exception as exc:  # chromadb raises ValueError, httpx and its own errors here
            raise StoreError(
                f"cannot reach the Chroma server at {host}:{port} ({type(exc).__name__})",
                f"start it with `chroma run --path DIR --host {host} --port {port}`, "
                "or unset REPLYCOACH_CHROMA_HOST to use the embedded store",
            ) from None
        return client
    path = settings.store_path
    if path.exists() and not path.is_dir():
        raise StoreError(f"the store path {path} is a file, not a folder", "set REPLYCOACH_CHROMA_PATH to a folder")
    if not create and not (path / "chroma.sqlite3").exists():
        raise StoreError(f"there is no knowledge store at {path} yet", "run `replycoach ingest` first")
    try:
        return _persistent_client(str(path))
    except Exception as exc:
        raise StoreError(f"cannot open the knowledge store at {path}: {exc}") from None


# Creating a client costs ~10 ms (settings validation); a query costs less. Reuse them.
@lru_cache(maxsize=8)
def _persistent_client(path: str) -> chromadb.api.ClientAPI:
    return chromadb.PersistentClient(path=path, settings=ChromaSettings(anonymized_telemetry=False))


@lru_cache(maxsize=8)
def _http_client(host: str, port: int) -> chromadb.api.ClientAPI:
    return chromadb.HttpClient(host=host, port=port, settings=ChromaSettings(anonymized_telemetry=False))


def get_collection(client, collection: str, settings: Settings, create: bool = False):
    name = _CHROMA_NAMES[check_collection(collection)]
    if create:
        return client.get_or_create_collection(
            name, embedding_function=PlaybookEmbeddingFunction(),
            configuration={"hnsw": {"space": "cosine"}},
        )
    try:
        return client.get_collection(name, embedding_function=PlaybookEmbeddingFunction())
    except Exception:
        raise StoreError(
            f"the {collection} collection in the {describe(settings)} was never ingested",
            f"run `replycoach ingest{'' if collection == PLAYBOOK else ' --collection ' + collection}`",
        ) from None


def open_collection(settings: Settings, collection: str, create: bool = False):
    return get_collection(open_client(settings, create=create), collection, settings, create=create)
