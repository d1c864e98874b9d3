"""Sentence-level training examples for the two blocking tone checks, from every training source.

Sources (the held-out files are never read here):
- the sentence bank, evals/datasets/sentences/*.jsonl (one labelled sentence per line);
- the training drafts, evals/datasets/review_train*.jsonl. In a draft labelled with a check,
  the sentences that overlap the draft's ``evidence`` for that check are positives; where a
  draft has no evidence, the sentences the check's phrase patterns flag are (the others are
  not used: which of them, if any, also offends is unknown). Every sentence of a draft without
  the label is a negative.
The development drafts (:data:`DEV_FILES`) are kept apart: they choose thresholds and models.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from evals.checks import condescension, rule_quoting
from evals.checks.phrases import find_families
from evals.checks.sentence_classifier import MIN_WORDS
from evals.checks.text import CheckInput

DATASETS = Path(__file__).resolve().parent / "datasets"
TONE_CHECKS = {condescension.NAME: condescension.FAMILIES, rule_quoting.NAME: rule_quoting.FAMILIES}
# One file per author; a new development file joins by being added to the folder, as training files do.
DEV_FILES = tuple(sorted(path.name for path in DATASETS.glob("review_dev*.jsonl")))


@dataclass
class Examples:
    texts: list[str] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    from_drafts: list[bool] = field(default_factory=list)

    def add(self, text: str, label: bool, from_draft: bool) -> None:
        self.texts.append(text)
        self.labels.append(label)
        self.from_drafts.append(from_draft)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_draft_files() -> list[Path]:
    return sorted(DATASETS.glob("review_train*.jsonl"))


def sentence_bank() -> list[tuple[str, str]]:
    """(text, label) pairs; label is a check name or "none"."""
    return [(row["text"], row["label"]) for path in sorted((DATASETS / "sentences").glob("*.jsonl"))
            for row in read_jsonl(path)]


def _offending(inp: CheckInput, row: dict, name: str) -> list[tuple[int, int]]:
    evidence = (row.get("evidence") or {}).get(name) or []
    ranges = [(start, start + len(quote)) for quote in evidence if (start := inp.draft.find(quote)) >= 0]
    if ranges:
        return ranges
    return [(span.start, span.end) for span, _ in find_families(inp, TONE_CHECKS[name])]


def draft_sentences(rows: list[dict], name: str, examples: Examples) -> Examples:
    for row in rows:
        inp = CheckInput(row["draft"])
        positive_draft = name in row["labels"]
        offending = _offending(inp, row, name) if positive_draft else []
        for sentence in inp.sentences:
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            if not positive_draft:
                examples.add(sentence.text, False, True)
            elif any(start < sentence.end and sentence.start < end for start, end in offending):
                examples.add(sentence.text, True, True)
    return examples


def training_examples(name: str) -> Examples:
    examples = Examples()
    for text, label in sentence_bank():
        examples.add(text, label == name, False)
    for path in training_draft_files():
        draft_sentences(read_jsonl(path), name, examples)
    return examples
