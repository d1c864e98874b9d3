"""Static word-piece vectors distilled from the MiniLM model, for fast sentence features.

Running MiniLM costs ~4 ms a sentence on 2 cores, too slow for checks that must score 200
drafts a second. Following Model2Vec, each vocabulary token is passed through the model once
("[CLS] token [SEP]") and its output vector kept; a sentence vector is then the normalised
mean of its tokens' vectors: a lookup and a sum, ~50 µs, that keeps much of the model's sense
of meaning. The table (30,522 x 384, float16, ~23 MB) is computed once (~20 s on 2 cores)
from the hash-verified model and cached in the model cache, keyed by the model's sha256.
"""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from knowledge.embeddings import DIMENSIONS, MODEL_SHA256, get_embedder
from replycoach.settings import load_settings

TABLE_VERSION = 1
_CLS, _SEP = 101, 102


def table_path(cache_dir: Path) -> Path:
    return cache_dir / f"minilm-static-v{TABLE_VERSION}-{MODEL_SHA256[:16]}.npy"


def distill(batch_size: int = 1024) -> np.ndarray:
    embedder = get_embedder()
    vocabulary = embedder.vocabulary_size
    table = np.zeros((vocabulary, DIMENSIONS), dtype=np.float32)
    for start in range(0, vocabulary, batch_size):
        ids = np.arange(start, min(start + batch_size, vocabulary), dtype=np.int64)
        inputs = np.stack([np.full_like(ids, _CLS), ids, np.full_like(ids, _SEP)], axis=1)
        table[start : start + len(ids)] = embedder.hidden_states(inputs)[:, 1, :]
    return table.astype(np.float16)


@lru_cache(maxsize=1)
def load_table() -> np.ndarray:
    """The distilled table, computed on first use and cached (atomic write) afterwards."""
    path = table_path(load_settings().model_cache)
    if path.is_file():
        try:
            table = np.load(path)
            if table.shape[1] == DIMENSIONS:
                return table.astype(np.float32)
        except (ValueError, OSError):
            pass  # a damaged cache file is rebuilt below
    table = distill()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as handle:
        np.save(handle, table)
    os.replace(handle.name, path)
    return table.astype(np.float32)


def sentence_vectors(texts: list[str]) -> np.ndarray:
    """Unit-length mean of each text's word-piece vectors (special tokens excluded)."""
    table = load_table()
    embedder = get_embedder()
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    for row, ids in enumerate(embedder.token_ids(texts)):
        if ids:
            vector = table[ids].mean(axis=0)
            out[row] = vector / max(float(np.linalg.norm(vector)), 1e-9)
    return out
