"""Choose the tone model's per-check thresholds on the development split.

    python -m evals.calibrate_tone [--split dev]

Scores every development draft once, then tries each threshold on a grid and keeps the one with
the best draft-level F1; among equal F1s it takes the middle of the best run, so the choice does
not sit on the edge of a cliff. Condescension is judged by the whole check (phrases, screen,
tone model). Rule quoting is judged by the tone model's own flags: its phrase families were
written from these drafts' own misses and catch 239 of their 240, so the whole check's F1 is flat
there and its best run sat at 0.99, where the model alone misses 16; on fresh authors, whose
wording the phrases have not seen, the model's lower threshold caught more (the README has the
figures). Writes the thresholds and the figures behind them into
``evals/checks/data/tone_model.json``. The held-out splits are never read.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from evals.accuracy import Confusion, load_rows
from evals.checks import condescension, rule_quoting
from evals.checks.sentence_classifier import classifier_spans, sentence_probabilities
from evals.checks.tone_model import SPEC_PATH, get_tone_model
from evals.gate import check_input

MODEL_ONLY = {rule_quoting.NAME}  # calibrated on the tone model's own flags (see above)
GRID = [round(float(t), 3) for t in np.concatenate([np.arange(0.30, 0.95, 0.05), np.arange(0.95, 0.9995, 0.005)])]


def best_threshold(f1_by_threshold: dict[float, float]) -> float:
    best = max(f1_by_threshold.values())
    run: list[float] = []
    longest: list[float] = []
    for threshold in GRID:
        if f1_by_threshold[threshold] == best:
            run.append(threshold)
            longest = max(longest, run, key=len)
        else:
            run = []
    return longest[len(longest) // 2]


def flagged(check, inp) -> bool:
    """What a threshold is judged by: the tone model's own flags, or the whole check."""
    if check.NAME in MODEL_ONLY:
        return bool(classifier_spans(inp, check.NAME)[0])
    return check.check(inp).flagged


def calibrate(split: str) -> dict:
    rows = load_rows(split)
    inputs = [(check_input(row["draft"], message=row.get("message"), decision=row.get("decision")), row["labels"])
              for row in rows]
    model = get_tone_model()
    # Score every draft once with the lowest thresholds, so the second opinion is asked about every
    # sentence any threshold on the grid could flag; the cached probabilities then serve the grid.
    for check in (condescension, rule_quoting):
        model.thresholds[check.NAME] = GRID[0]
    for inp, _ in inputs:
        sentence_probabilities(inp, condescension.NAME)
    chosen = {}
    for check in (condescension, rule_quoting):
        confusions = {}
        for threshold in GRID:
            model.thresholds[check.NAME] = threshold
            confusion = Confusion()
            for inp, labels in inputs:  # the tone probabilities are cached on each input after the first pass
                confusion.add(flagged(check, inp), check.NAME in labels)
            confusions[threshold] = confusion
        threshold = best_threshold({t: c.f1 for t, c in confusions.items()})
        model.thresholds[check.NAME] = threshold
        chosen[check.NAME] = {"threshold": threshold, "judged_on": "tone model" if check.NAME in MODEL_ONLY else "whole check",
                              **confusions[threshold].to_json()}
        print(f"{check.NAME}: threshold {threshold} -> {split} F1 {confusions[threshold].f1:.3f} "
              f"(P {confusions[threshold].precision:.2f}, R {confusions[threshold].recall:.2f})")
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev",), default="dev")
    args = parser.parse_args(argv)
    chosen = calibrate(args.split)
    spec = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    spec["thresholds"] = {name: figures["threshold"] for name, figures in chosen.items()}
    spec["calibration"] = {"split": args.split, "checks": chosen}
    SPEC_PATH.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SPEC_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
