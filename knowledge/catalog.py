"""What the store holds: documents per collection, their chunks, and removing a document."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from knowledge.store import open_collection
from replycoach.errors import InputError
from replycoach.settings import Settings


@dataclass
class StoredDocument:
    key: str
    source: str
    title: str
    collection: str
    chunks: int
    author: str | None = None
    date: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


def list_documents(collection: str, settings: Settings) -> list[StoredDocument]:
    store = open_collection(settings, collection)
    found = store.get(include=["metadatas"])
    documents: dict[str, StoredDocument] = {}
    for metadata in found["metadatas"]:
        key = metadata["document"]
        if key not in documents:
            documents[key] = StoredDocument(
                key=key, source=metadata.get("source", key), title=metadata.get("title", key),
                collection=collection, chunks=0, author=metadata.get("author"), date=metadata.get("date"),
            )
        documents[key].chunks += 1
    return sorted(documents.values(), key=lambda document: document.title.lower())


def document_chunks(collection: str, key: str, settings: Settings) -> list[dict]:
    """A document's chunks in reading order: {position, heading, text}."""
    store = open_collection(settings, collection)
    found = store.get(where={"document": key}, include=["documents", "metadatas"])
    chunks = [
        {"position": metadata.get("position", 0), "heading": metadata.get("heading"), "text": text}
        for text, metadata in zip(found["documents"], found["metadatas"])
    ]
    return sorted(chunks, key=lambda chunk: chunk["position"])


def remove_document(collection: str, key: str, settings: Settings) -> int:
    """Delete a document's chunks; returns how many were removed."""
    store = open_collection(settings, collection)
    found = store.get(where={"$or": [{"document": key}, {"source": key}]}, include=[])
    if not found["ids"]:
        raise InputError(f"no document {key!r} in the {collection} collection",
                         f"see `replycoach documents --collection {collection}`")
    store.delete(ids=found["ids"])
    return len(found["ids"])
