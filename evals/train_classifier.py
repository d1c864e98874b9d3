"""Train the sentence classifiers behind condescension and rule_quoting (fast mode).

    python -m evals.train_classifier [--max-fpr 0.006]

Training data: :func:`evals.training_data.training_examples` (the sentence bank and the
training drafts; the development and held-out drafts are never read).
The model is a standardised, L2-regularised logistic regression over static MiniLM
sentence vectors, fitted by Newton's method. The regularisation strength and the threshold
come from 5-fold cross-validation on this training data. The threshold is set by false
alarms where they matter: it is the lowest at which at most --max-fpr of the sentences of
real (training) drafts that do not offend are flagged out of fold. Nearly every sentence in
a real draft is innocent, so precision measured on the bank (a fifth of it positive) would
overstate how the classifier does in a draft. Deterministic: same data, same weights.
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


def pick_threshold(scores: np.ndarray, labels: np.ndarray, from_drafts: np.ndarray,
                   max_fpr: float) -> tuple[float, float, float]:
    """The lowest threshold flagging at most ``max_fpr`` of innocent draft sentences:
    (threshold, that false-positive rate, recall over all positives)."""
    innocent = (labels == 0) & from_drafts
    for threshold in np.arange(0.50, 0.995, 0.01):
        predicted = scores >= threshold
        fpr = (predicted & innocent).sum() / max(innocent.sum(), 1)
        if fpr <= max_fpr:
            return float(round(threshold, 2)), float(fpr), float((predicted & (labels == 1)).sum() / max(labels.sum(), 1))
    return 0.99, 0.0, 0.0


def train(max_fpr: float) -> dict:
    output = {"version": 1, "model_sha256": MODEL_SHA256, "table_version": TABLE_VERSION, "checks": {}}
    for name in TONE_CHECKS:
        examples = training_examples(name)
        labels = np.array(examples.labels, dtype=float)
        from_drafts = np.array(examples.from_drafts)
        features = sentence_vectors(examples.texts).astype(np.float64)
        best = None
        for l2 in L2_CHOICES:
            scores = out_of_fold(features, labels, l2)
            threshold, fpr, r = pick_threshold(scores, labels, from_drafts, max_fpr)
            if best is None or r > best[3]:
                best = (l2, threshold, fpr, r)
        l2, threshold, fpr, r = best
        model = fit(features, labels, l2)
        output["checks"][name] = {
            "l2": l2, "threshold": threshold, "cv_draft_sentence_fpr": round(fpr, 4), "cv_recall": round(r, 3),
            "positives": int(labels.sum()), "negatives": int(len(labels) - labels.sum()),
            "mean": model["mean"].round(6).tolist(), "scale": model["scale"].round(6).tolist(),
            "weights": model["weights"].round(6).tolist(), "bias": round(model["bias"], 6),
        }
        print(f"{name}: {int(labels.sum())} positive / {int(len(labels) - labels.sum())} negative sentences; "
              f"l2={l2:g}, threshold {threshold:.2f}: out of fold, {fpr:.2%} of innocent draft sentences flagged, "
              f"recall {r:.2f}")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-fpr", type=float, default=0.006,
                        help="share of innocent draft sentences the threshold may flag out of fold (default 0.006)")
    parser.add_argument("--output", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    weights = train(args.max_fpr)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(weights, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
