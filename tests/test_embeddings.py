"""The offline MiniLM embedder, its hash check, and its Chroma and LangChain faces."""

import shutil

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from knowledge.embeddings import (DIMENSIONS, MAX_TOKENS, MiniLMEmbedder, PlaybookEmbeddingFunction,
                                  PlaybookEmbeddings, default_model_path, get_embedder)
from replycoach.errors import ModelError


def test_vectors_are_unit_length_and_capture_meaning():
    vectors = get_embedder().embed([
        "I want my money back for this broken kettle",
        "Please refund me, the kettle I bought does not work",
        "What time does your store open on Sunday?",
    ])
    assert vectors.shape == (3, DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_batching_and_padding_do_not_change_a_vector():
    embedder = get_embedder()
    alone = embedder.embed(["short text"])[0]
    with_long_neighbour = embedder.embed(["short text", "a much longer text " * 40])[0]
    assert np.allclose(alone, with_long_neighbour, atol=1e-4)


def test_texts_beyond_the_window_are_truncated_not_rejected():
    embedder = get_embedder()
    long_text = "word " * 2000
    assert embedder.count_tokens(long_text) > MAX_TOKENS
    assert embedder.embed([long_text]).shape == (1, DIMENSIONS)


def test_empty_input_gives_empty_array():
    assert get_embedder().embed([]).shape == (0, DIMENSIONS)


def test_a_tampered_model_file_is_refused(tmp_path):
    tampered = tmp_path / "model.onnx"
    shutil.copy(default_model_path(), tampered)
    with tampered.open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00\x01\x02\x03")
    with pytest.raises(ModelError, match="refusing to load"):
        MiniLMEmbedder(model_path=tampered)


def test_a_missing_model_file_is_refused(tmp_path):
    with pytest.raises(ModelError, match="missing"):
        MiniLMEmbedder(model_path=tmp_path / "absent.onnx")


def test_chroma_reopens_a_collection_with_the_registered_function(tmp_path):
    settings = ChromaSettings(anonymized_telemetry=False)
    client = chromadb.PersistentClient(path=str(tmp_path), settings=settings)
    collection = client.create_collection("reopen-test", embedding_function=PlaybookEmbeddingFunction(),
                                          configuration={"hnsw": {"space": "cosine"}})
    collection.add(ids=["a", "b"], documents=["refund for a broken kettle", "opening hours on Sunday"])
    del client, collection
    reopened = chromadb.PersistentClient(path=str(tmp_path), settings=settings).get_collection("reopen-test")
    result = reopened.query(query_texts=["my kettle broke, I want my money back"], n_results=1)
    assert result["ids"][0] == ["a"]
    assert isinstance(reopened.configuration["embedding_function"], PlaybookEmbeddingFunction)


def test_langchain_embeddings_match_the_embedder():
    embeddings = PlaybookEmbeddings()
    query = embeddings.embed_query("late delivery")
    documents = embeddings.embed_documents(["late delivery", "billing error"])
    assert len(query) == DIMENSIONS and len(documents) == 2
    assert np.allclose(query, documents[0], atol=1e-5)
