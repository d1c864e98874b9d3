"""Train the screen in front of the tone model: one logistic regression per tone check over
static MiniLM sentence vectors (:mod:`evals.checks.sentence_classifier`).

    python -m evals.train_classifier [--keep 0.9]

Training data: :func:`evals.training_data.training_examples` (the sentence bank and the
training drafts; the development and held-out drafts are never read). The model is a
standardised, L2-regularised logistic regression fitted by Newton's method. The screen's job
is to pass on what might offend and stop the rest cheaply, so its threshold is the highest
that still passes --keep of the offending sentences out of fold (5-fold cross-validation),
and the regularisation strength is the one that then passes the fewest innocent sentences of
real drafts. Deterministic: same data, same weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from evals.checks.sentence_classifier import WEIGHTS
from evals.training_data import TONE_CHECKS, training_examples
from knowledge.embeddings import MODEL_SHA256
from knowledge.static_embeddings import TABLE_VERSION, sentence_vectors

L2_CHOICES = (10.0, 100.0, 300.0, 1000.0)
FOLDS = 5
KEEP = 0.9


def fit(features: np.ndarray, labels: np.ndarray, l2: float) -> dict:
    mean = features.mean(axis=0)
    scale = features.std(axis=0) + 1e-6
    z = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])
    positive_share = labels.mean()
    sample_weight = np.where(labels == 1, 0.5 / positive_share, 0.5 / (1 - positive_share))
    penalty = l2 * np.eye(z.shape[1])
    penalty[-1, -1] = 0.0  # the bias is not regularised
    w = np.zeros(z.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        gradient = z.T @ ((p - labels) * sample_weight) + penalty @ w
        hessian = (z * (p * (1 - p) * sample_weight)[:, None]).T @ z + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {"mean": mean, "scale": scale, "weights": w[:-1], "bias": float(w[-1])}


def predict(model: dict, features: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(((features - model["mean"]) / model["scale"]) @ model["weights"] + model["bias"])))


def out_of_fold(features: np.ndarray, labels: np.ndarray, l2: float) -> np.ndarray:
    folds = np.arange(len(labels)) % FOLDS
    np.random.default_rng(0).shuffle(folds)
    scores = np.zeros(len(labels))
    for fold in range(FOLDS):
        test = folds == fold
        scores[test] = predict(fit(features[~test], labels[~test], l2), features[test])
    return scores


def pick_screen(scores: np.ndarray, labels: np.ndarray, from_drafts: np.ndarray,
                keep: float) -> tuple[float, float, float]:
    """The highest threshold that still passes ``keep`` of the positives:
    (threshold, share of innocent draft sentences it passes, share of positives it passes)."""
    positives = np.sort(scores[labels == 1])
    dropped = int(np.floor((1 - keep) * len(positives) + 1e-9))  # positives the screen may stop
    threshold = float(np.floor(positives[dropped] * 1000) / 1000)
    innocent = (labels == 0) & from_drafts
    passed = scores >= threshold
    return threshold, float(passed[innocent].mean()), float(passed[labels == 1].mean())


def train(keep: float) -> dict:
    output = {"version": 2, "model_sha256": MODEL_SHA256, "table_version": TABLE_VERSION, "checks": {}}
    for name in TONE_CHECKS:
        examples = training_examples(name)
        labels = np.array(examples.labels, dtype=float)
        from_drafts = np.array(examples.from_drafts)
        features = sentence_vectors(examples.texts).astype(np.float64)
        best = None
        for l2 in L2_CHOICES:
            threshold, passed, kept = pick_screen(out_of_fold(features, labels, l2), labels, from_drafts, keep)
            if best is None or passed < best[2]:
                best = (l2, threshold, passed, kept)
        l2, threshold, passed, kept = best
        model = fit(features, labels, l2)
        output["checks"][name] = {
            "l2": l2, "threshold": threshold, "cv_innocent_passed": round(passed, 4), "cv_positives_passed": round(kept, 3),
            "positives": int(labels.sum()), "negatives": int(len(labels) - labels.sum()),
            "mean": model["mean"].round(6).tolist(), "scale": model["scale"].round(6).tolist(),
            "weights": model["weights"].round(6).tolist(), "bias": round(model["bias"], 6),
        }
        print(f"{name}: {int(labels.sum())} positive / {int(len(labels) - labels.sum())} negative sentences; "
              f"l2={l2:g}, screen threshold {threshold:.3f}: out of fold it passes {kept:.1%} of the positives "
              f"and {passed:.1%} of the innocent draft sentences")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=float, default=KEEP,
                        help=f"share of the positives the screen must pass out of fold (default {KEEP})")
    parser.add_argument("--output", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    weights = train(args.keep)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(weights, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
