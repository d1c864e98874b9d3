"""Sentence classifiers for the two blocking tone checks (condescension, rule_quoting).

Patterns catch the phrasings we know; this catches paraphrases. Each draft sentence is
embedded with the static MiniLM table (:mod:`knowledge.static_embeddings`, ~50 µs a sentence)
and scored by a logistic regression per check. The weights live in
``evals/checks/data/sentence_classifier.json``, written by ``python -m evals.train_classifier``
(reproducible from the datasets); a sentence is flagged when its probability reaches the
check's threshold, chosen in training for high precision so it adds recall without noise.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from evals.checks.text import CheckInput, sentence_span
from evals.contracts import Span
from knowledge.embeddings import MODEL_SHA256
from knowledge.static_embeddings import TABLE_VERSION, sentence_vectors
from replycoach.errors import ModelError

WEIGHTS = Path(__file__).resolve().parent / "data" / "sentence_classifier.json"
MIN_WORDS = 4  # greetings and sign-offs ("Hi Sam,", "Best, Amir") are not judged


@dataclass(frozen=True)
class SentenceModel:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        logits = ((vectors - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))


@lru_cache(maxsize=1)
def load_models(path: Path = WEIGHTS) -> dict[str, SentenceModel]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read the sentence classifier weights {path}: {error}",
                         "run `python -m evals.train_classifier` to rebuild them") from None
    if data.get("model_sha256") != MODEL_SHA256 or data.get("table_version") != TABLE_VERSION:
        raise ModelError(f"{path} was trained on different embeddings",
                         "run `python -m evals.train_classifier` to retrain it")
    return {
        name: SentenceModel(np.array(spec["mean"], dtype=np.float32), np.array(spec["scale"], dtype=np.float32),
                            np.array(spec["weights"], dtype=np.float32), float(spec["bias"]), float(spec["threshold"]))
        for name, spec in data["checks"].items()
    }


def judged_sentences(inp: CheckInput):
    return [s for s in inp.sentences if len(s.text.split()) >= MIN_WORDS]


def sentence_probabilities(inp: CheckInput, name: str) -> list[float]:
    """Probability per judged sentence (computed once per draft and shared by both checks)."""
    if "static_vectors" not in inp.cache:
        inp.cache["static_vectors"] = sentence_vectors([s.text for s in judged_sentences(inp)])
    vectors = inp.cache["static_vectors"]
    if not len(vectors):
        return []
    return load_models()[name].probabilities(vectors).tolist()


def classifier_spans(inp: CheckInput, name: str) -> tuple[list[Span], float]:
    """Sentences at or above the check's threshold, and the highest probability in the draft."""
    probabilities = sentence_probabilities(inp, name)
    if not probabilities:
        return [], 0.0
    threshold = load_models()[name].threshold
    spans = [sentence_span(s) for s, p in zip(judged_sentences(inp), probabilities) if p >= threshold]
    return spans, max(probabilities)
