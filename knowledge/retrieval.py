"""Search the playbook and policy collections: passages with title, source, score and text.

Hybrid ranking: Chroma returns the nearest candidates by cosine similarity, which are then
re-ranked by ``score = 0.7 * cosine + 0.3 * lexical coverage`` (:mod:`knowledge.lexical`).
Exposed as a function for the CLI, the UI and drafting, and as a LangChain retriever.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LangChainDocument
from langchain_core.retrievers import BaseRetriever

from knowledge.embeddings import get_embedder
from knowledge.lexical import coverage_scores
from knowledge.store import COLLECTIONS, PLAYBOOK, check_collection, describe, open_client, get_collection
from replycoach.errors import InputError, StoreError
from replycoach.settings import Settings, load_settings

MAX_QUERY_CHARS = 4000
MAX_K = 50
MIN_CANDIDATES = 30
LEXICAL_WEIGHT = 0.3


@dataclass(frozen=True)
class Passage:
    title: str
    source: str
    text: str
    score: float
    collection: str = PLAYBOOK
    document: str = ""
    heading: str | None = None
    position: int = 0

    def to_json(self) -> dict:
        """The public form: {title, source, text, score}."""
        return {"title": self.title, "source": self.source, "text": self.text, "score": round(self.score, 4)}

    def to_record(self) -> dict:
        """Everything, for storing with a draft."""
        return asdict(self)


def _validate(query: str, k: int) -> str:
    query = (query or "").strip()
    if not query:
        raise InputError("the search query is empty", "type what the customer needs or said")
    if not 1 <= k <= MAX_K:
        raise InputError(f"k must be between 1 and {MAX_K}, not {k}")
    return query[:MAX_QUERY_CHARS]


def search(query: str, k: int = 4, collection: str = PLAYBOOK, document: str | None = None,
           settings: Settings | None = None) -> list[Passage]:
    """The ``k`` passages closest in meaning to ``query``, best first.

    ``collection`` is "playbook", "policy" or "all"; ``document`` limits the search to one
    document (its key or file name).
    """
    settings = settings or load_settings()
    query = _validate(query, k)
    names = COLLECTIONS if collection == "all" else (check_collection(collection),)
    client = open_client(settings)
    vector = get_embedder().embed([query])
    passages: list[Passage] = []
    for name in names:
        store = get_collection(client, name, settings)
        count = store.count()
        if count == 0:
            if collection == "all":
                continue
            raise StoreError(f"the {name} collection in the {describe(settings)} is empty",
                             f"run `replycoach ingest --collection {name}`")
        where = {"$or": [{"document": document}, {"source": document}]} if document else None
        result = store.query(query_embeddings=vector, n_results=min(max(MIN_CANDIDATES, 5 * k), count),
                             where=where, include=["documents", "metadatas", "distances"])
        texts, metadatas = result["documents"][0], result["metadatas"][0]
        lexical = coverage_scores(query, [f"{m.get('heading') or ''} {t}" for t, m in zip(texts, metadatas)])
        for text, metadata, distance, overlap in zip(texts, metadatas, result["distances"][0], lexical):
            passages.append(Passage(
                title=metadata.get("title", ""), source=metadata.get("source", ""), text=text,
                score=(1 - LEXICAL_WEIGHT) * (1.0 - float(distance)) + LEXICAL_WEIGHT * overlap,
                collection=name, document=metadata.get("document", ""),
                heading=metadata.get("heading"), position=int(metadata.get("position", 0)),
            ))
    if not passages and collection == "all":
        raise StoreError(f"the {describe(settings)} holds no documents", "run `replycoach ingest`")
    passages.sort(key=lambda passage: passage.score, reverse=True)
    return passages[:k]


class KnowledgeRetriever(BaseRetriever):
    """LangChain retriever over :func:`search` (page_content = passage text, metadata = the rest)."""

    collection: str = PLAYBOOK
    k: int = 4
    document: str | None = None
    settings: Settings | None = None

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun
                                ) -> list[LangChainDocument]:
        return [
            LangChainDocument(page_content=passage.text,
                              metadata={key: value for key, value in passage.to_record().items() if key != "text"})
            for passage in search(query, self.k, self.collection, self.document, self.settings)
        ]
