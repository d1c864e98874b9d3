"""The sentence classifier behind the two blocking tone checks (condescension, rule_quoting).

Patterns catch the phrasings we know; this catches paraphrases, in two stages:

1. a screen: each judged sentence is embedded with the static MiniLM table
   (:mod:`knowledge.static_embeddings`, ~50 µs a sentence) and scored by a logistic regression
   per check (weights in ``data/sentence_classifier.json``, written by
   ``python -m evals.train_classifier``). Its threshold passes 90% of the offending sentences
   out of fold, and about a quarter (condescension) or one in seventy-five (rule quoting) of innocent
   draft sentences;
2. the fine-tuned tone model (:mod:`evals.checks.tone_model`, ~4 ms a sentence) scores only
   the sentences the screen passed; a sentence it puts at or above the condescension threshold
   is scored again by the second-opinion model, and the lower probability is the sentence's
   (on the development authors this cut false alarms on fresh authors' innocent sentences;
   rule quoting did not need it).

Both checks share one pass per draft (``CheckInput.cache``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from evals.checks.text import CheckInput, sentence_span
from evals.checks.tone_model import get_second_opinion, get_tone_model
from evals.contracts import Span
from knowledge.embeddings import MODEL_SHA256
from knowledge.static_embeddings import TABLE_VERSION, sentence_vectors
from replycoach.errors import ModelError

WEIGHTS = Path(__file__).resolve().parent / "data" / "sentence_classifier.json"
MIN_WORDS = 4  # greetings and sign-offs ("Hi Sam,", "Best, Amir") are not judged


@dataclass(frozen=True)
class Screen:
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        logits = ((vectors - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))


@lru_cache(maxsize=1)
def load_screens(path: Path = WEIGHTS) -> dict[str, Screen]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read the sentence screen weights {path}: {error}",
                         "run `python -m evals.train_classifier` to rebuild them") from None
    if data.get("model_sha256") != MODEL_SHA256 or data.get("table_version") != TABLE_VERSION:
        raise ModelError(f"{path} was trained on different embeddings",
                         "run `python -m evals.train_classifier` to retrain it")
    return {
        name: Screen(np.array(spec["mean"], dtype=np.float32), np.array(spec["scale"], dtype=np.float32),
                     np.array(spec["weights"], dtype=np.float32), float(spec["bias"]), float(spec["threshold"]))
        for name, spec in data["checks"].items()
    }


def judged_sentences(inp: CheckInput):
    return [s for s in inp.sentences if len(s.text.split()) >= MIN_WORDS]


def _screened(inp: CheckInput) -> tuple[list[str], np.ndarray]:
    """The judged sentences of a draft, and which of them the screen passes to the tone model."""
    texts = [s.text for s in judged_sentences(inp)]
    passed = np.zeros(len(texts), dtype=bool)
    if texts:
        vectors = sentence_vectors(texts)
        for screen in load_screens().values():
            passed |= screen.probabilities(vectors) >= screen.threshold
    return texts, passed


def sentence_probabilities(inp: CheckInput, name: str) -> np.ndarray:
    """Probability per judged sentence (one pass per draft, shared by both checks); sentences
    the screen does not pass score 0. For the checks the second opinion confirms, where the tone
    model reaches the threshold the probability is the lower of its and the second opinion's
    (below it, the second opinion could only lower a score that flags nothing)."""
    if "tone" not in inp.cache:
        model = get_tone_model()
        texts, passed = _screened(inp)
        screened = [text for text, keep in zip(texts, passed) if keep]
        scores = model.probabilities(screened)
        second = get_second_opinion()
        for check in second.spec["confirms"]:
            column = model.checks.index(check)
            confirm = scores[:, column] >= model.threshold(check)
            if confirm.any():
                opinion = second.probabilities([text for text, ask in zip(screened, confirm) if ask])
                scores[confirm, column] = np.minimum(scores[confirm, column], opinion[:, second.checks.index(check)])
        inp.cache["tone"] = {}
        for column, check in enumerate(model.checks):
            inp.cache["tone"][check] = np.zeros(len(texts), dtype=np.float32)
            inp.cache["tone"][check][passed] = scores[:, column]
    return inp.cache["tone"][name]


def classifier_spans(inp: CheckInput, name: str) -> tuple[list[Span], float]:
    """Sentences at or above the check's threshold, and the highest probability in the draft."""
    probabilities = sentence_probabilities(inp, name)
    if not len(probabilities):
        return [], 0.0
    threshold = get_tone_model().threshold(name)
    spans = [sentence_span(s) for s, p in zip(judged_sentences(inp), probabilities) if p >= threshold]
    return spans, float(probabilities.max())
