"""Precision, recall and F1 per check on a labelled review set, with confusion counts.

    python -m evals.accuracy [--split heldout|heldout_b|dev|train] [--mode fast|full] [--json] [--errors]

The two held-out splits (each written by its own author from LABELING.md alone) are never used
to tune anything; this script only scores them. `dev` chooses models and thresholds; `train`
is every review_train*.jsonl file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass

from evals.checks import CHECK_NAMES
from evals.training_data import DATASETS, DEV_FILES, read_jsonl
SPLITS = {"heldout": ["review_heldout.jsonl"], "heldout_b": ["review_heldout_b.jsonl"], "dev": list(DEV_FILES),
          "train": sorted(path.name for path in DATASETS.glob("review_train*.jsonl"))}


@dataclass
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


def load_rows(split: str) -> list[dict]:
    return [row for name in SPLITS[split] for row in read_jsonl(DATASETS / name)]


def score(rows: list[dict], mode: str = "fast") -> tuple[dict[str, Confusion], list[dict], float]:
    """Confusion per check, the rows each check got wrong, and seconds per draft."""
    from evals.gate import check_input, review_batch

    confusion = {name: Confusion() for name in CHECK_NAMES}
    errors = []
    started = time.perf_counter()
    inputs = [check_input(row["draft"], message=row.get("message"), decision=row.get("decision")) for row in rows]
    for row, result in zip(rows, review_batch(inputs, mode=mode)):
        for check in result.checks:
            actual = check.name in row["labels"]
            confusion[check.name].add(check.flagged, actual)
            if check.flagged != actual:
                errors.append({"id": row["id"], "check": check.name, "expected": actual,
                               "spans": [s.text for s in check.spans], "draft": row["draft"]})
    return confusion, errors, (time.perf_counter() - started) / max(len(rows), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=SPLITS, default="heldout")
    parser.add_argument("--mode", choices=("fast", "full"), default="fast")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="list the misjudged drafts (train and dev only)")
    args = parser.parse_args(argv)
    if args.errors and args.split.startswith("heldout"):
        parser.error("--errors is refused on a held-out split: reading its mistakes would tune the checks to it")
    rows = load_rows(args.split)
    confusion, errors, seconds = score(rows, args.mode)
    if args.json:
        json.dump({"split": args.split, "mode": args.mode, "drafts": len(rows), "seconds_per_draft": round(seconds, 4),
                   "checks": {name: c.to_json() for name, c in confusion.items()}}, sys.stdout, indent=2)
        print()
        return 0
    print(f"{args.split} split, {len(rows)} drafts, {args.mode} mode, {seconds * 1000:.1f} ms per draft")
    print(f"{'check':30} {'P':>6} {'R':>6} {'F1':>6}   {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4}")
    for name, c in confusion.items():
        print(f"{name:30} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}   {c.tp:4} {c.fp:4} {c.fn:4} {c.tn:4}")
    if args.errors:
        for error in errors:
            kind = "missed" if error["expected"] else "false alarm"
            print(f"\n[{error['id']}] {error['check']}: {kind} {error['spans']}\n  {error['draft'][:400]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
