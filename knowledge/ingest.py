"""Idempotent ingestion: documents -> chunks -> embeddings -> Chroma.

Chunk ids are hashes of the document key and the chunk's embedded text, so re-ingesting an
unchanged document embeds nothing; an edited document gains its new chunks and loses the old
ones; and re-ingesting a folder removes the stored documents that are no longer in it. New
chunks are added before stale ones are deleted, and every file is read and checked before the
store is touched, so a failure never leaves a document with fewer chunks than before.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable

from knowledge.chunking import Chunk, chunk_document
from knowledge.documents import Document, find_files, load_document
from knowledge.embeddings import get_embedder
from knowledge.store import bundled_folder, check_collection, open_collection
from replycoach.settings import Settings

EMBED_BATCH = 64
Progress = Callable[[int, int], None]


@dataclass
class IngestReport:
    collection: str
    documents: int = 0
    chunks: int = 0
    added: int = 0
    unchanged: int = 0
    removed: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)


def chunk_id(document: Document, chunk: Chunk, occurrence: int) -> str:
    digest = hashlib.sha256(f"{document.key}\0{chunk.embed_text}\0{occurrence}".encode("utf-8"))
    return digest.hexdigest()[:32]


def chunk_metadata(document: Document, chunk: Chunk, collection: str) -> dict:
    metadata = {
        "document": document.key, "source": document.source, "origin": document.origin,
        "title": document.title, "position": chunk.position, "collection": collection,
        "author": document.author, "date": document.date, "heading": chunk.heading,
    }
    return {key: value for key, value in metadata.items() if value is not None}


def load_sources(paths: Iterable[Path]) -> list[Document]:
    """Read every file first: a bad file stops the ingest before anything is stored."""
    documents: list[Document] = []
    for path in paths:
        path = Path(path).expanduser()
        origin = path.resolve() if path.is_dir() else None
        for file in find_files(path):
            documents.append(load_document(file.resolve() if origin else file, origin))
    return documents


def ingest_documents(documents: list[Document], collection: str, settings: Settings,
                     folders: Iterable[str] = (), progress: Progress | None = None) -> IngestReport:
    """Store ``documents``; stored documents from ``folders`` not among them are removed."""
    check_collection(collection)
    started = time.perf_counter()
    report = IngestReport(collection=collection, documents=len(documents))
    embedder = get_embedder()
    wanted: dict[str, dict] = {}  # chunk id -> what Chroma stores for it
    for document in documents:
        seen: dict[str, int] = {}
        for chunk in chunk_document(document, embedder.count_tokens):
            occurrence = seen.get(chunk.embed_text, 0)
            seen[chunk.embed_text] = occurrence + 1
            wanted[chunk_id(document, chunk, occurrence)] = {
                "embed": chunk.embed_text, "text": chunk.text,
                "metadata": chunk_metadata(document, chunk, collection),
            }
    report.chunks = len(wanted)

    store = open_collection(settings, collection, create=True)
    keys = sorted({document.key for document in documents})
    stale_filter = [{"document": {"$in": keys}}] if keys else []
    stale_filter += [{"origin": folder} for folder in folders]
    existing: dict[str, dict] = {}
    if stale_filter:
        where = stale_filter[0] if len(stale_filter) == 1 else {"$or": stale_filter}
        found = store.get(where=where, include=["metadatas"])
        existing = dict(zip(found["ids"], found["metadatas"]))

    to_add = [chunk for chunk in wanted if chunk not in existing]
    report.unchanged = len(wanted) - len(to_add)
    moved = [c for c in wanted if c in existing and existing[c] != wanted[c]["metadata"]]
    if moved:  # same text, new position or title: update metadata without re-embedding
        store.update(ids=moved, metadatas=[wanted[c]["metadata"] for c in moved])
    for start in range(0, len(to_add), EMBED_BATCH):
        batch = to_add[start : start + EMBED_BATCH]
        store.add(
            ids=batch,
            embeddings=embedder.embed([wanted[c]["embed"] for c in batch]),
            documents=[wanted[c]["text"] for c in batch],
            metadatas=[wanted[c]["metadata"] for c in batch],
        )
        report.added += len(batch)
        if progress:
            progress(report.added, len(to_add))
    stale = [chunk for chunk in existing if chunk not in wanted]
    if stale:
        store.delete(ids=stale)
    report.removed = len(stale)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def ingest_paths(paths: list[Path], collection: str, settings: Settings,
                 progress: Progress | None = None) -> IngestReport:
    documents = load_sources(paths)
    folders = [str(Path(p).expanduser().resolve()) for p in paths if Path(p).expanduser().is_dir()]
    return ingest_documents(documents, collection, settings, folders=folders, progress=progress)


def ingest_bundled(collection: str, settings: Settings, progress: Progress | None = None) -> IngestReport:
    """The default playbook or the sample policy that ship with ReplyCoach."""
    return ingest_paths([bundled_folder(collection)], collection, settings, progress)
