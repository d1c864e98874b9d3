"""The fine-tuned tone model: all-MiniLM-L6-v2 trained to score a sentence for condescension and
rule quoting, shipped as int8 ONNX and run with onnxruntime (no torch at run time).

``evals/checks/data/tone_model.onnx`` is written by ``python -m evals.train_tone_model`` from the
pinned base weights and the training data; ``tone_model.json`` beside it records how (base
weights, data counts, hyperparameters), the ONNX file's sha256, which is checked before loading,
and the per-check thresholds chosen on the development split by
``python -m evals.calibrate_tone``. A sentence costs about 4 ms on 2 cores, so the fast checks
only send it the sentences the static classifier finds at all suspicious
(:mod:`evals.checks.sentence_classifier`).

``second_opinion.onnx`` is an earlier shipped tone model, trained on less data with other
weights. Fresh authors' innocent sentences that one model scored near 1.0 the other often did
not, so a sentence is flagged only when both reach the threshold (the lower probability counts).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from knowledge.embeddings import load_tokenizer, ort_session, verify_file
from replycoach.errors import ModelError

DATA = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA / "tone_model.onnx"
SPEC_PATH = DATA / "tone_model.json"
# An earlier shipped model, trained on other data: it confirms what the current one flags.
SECOND_MODEL_PATH = DATA / "second_opinion.onnx"
SECOND_SPEC_PATH = DATA / "second_opinion.json"
PAD_ID = 0
THREADS_ENV = "REPLYCOACH_TONE_THREADS"  # onnxruntime threads (default: up to 2); review workers use 1


def pad(rows: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad token id rows to the longest: (input_ids, attention_mask)."""
    width = max(len(row) for row in rows)
    ids = np.full((len(rows), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, row in enumerate(rows):
        ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return ids, mask


class ToneModel:
    def __init__(self, model_path: Path = MODEL_PATH, spec_path: Path = SPEC_PATH):
        try:
            self.spec = json.loads(spec_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ModelError(f"cannot read the tone model description {spec_path}: {error}",
                             "restore evals/checks/data from the repository") from None
        verify_file(model_path, self.spec["onnx_sha256"])
        self.checks: list[str] = list(self.spec["checks"])
        # Absent until `python -m evals.calibrate_tone` has chosen them for a newly trained model.
        self.thresholds: dict[str, float] = {name: float(value) for name, value in self.spec.get("thresholds", {}).items()}
        self._tokenizer = load_tokenizer(int(self.spec["max_len"]))
        # Two tone models take turns (the second opinion confirms what this one flags): no spinning.
        self._session = ort_session(model_path, int(os.environ.get(THREADS_ENV) or 0) or None, spin=False)

    def threshold(self, name: str) -> float:
        if name not in self.thresholds:
            raise ModelError(f"the tone model has no threshold for {name}",
                             "run `python -m evals.calibrate_tone` after training it")
        return self.thresholds[name]

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """[len(texts), len(checks)] probabilities, one column per check in ``self.checks``.

        Each sentence is run alone. The int8 model quantises its activations per batch, so in a
        batch a sentence's score moved with its neighbours (by up to 0.01, enough to flip a
        verdict at a 0.99 threshold); and batching saved only a quarter on two threads and
        nothing on one, which is how the batch review workers run.
        """
        out = np.zeros((len(texts), len(self.checks)), dtype=np.float32)
        for row, encoding in enumerate(self._tokenizer.encode_batch(list(texts))):
            ids, mask = pad([encoding.ids])
            out[row] = self._session.run(["probabilities"], {"input_ids": ids, "attention_mask": mask})[0][0]
        return out


@lru_cache(maxsize=1)
def get_tone_model() -> ToneModel:
    """The process-wide tone model (loading and hash-checking it takes about a second)."""
    return ToneModel()


@lru_cache(maxsize=1)
def get_second_opinion() -> ToneModel:
    """The process-wide second-opinion model (same architecture; its own thresholds are not used)."""
    return ToneModel(SECOND_MODEL_PATH, SECOND_SPEC_PATH)
