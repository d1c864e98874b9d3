"""How the screen threshold and the tone model's thresholds are chosen."""

import numpy as np

from evals import calibrate_tone
from evals.calibrate_tone import GRID, best_threshold
from evals.checks import condescension, rule_quoting
from evals.checks.text import CheckInput
from evals.train_classifier import pick_screen
from evals.training_data import Examples, draft_sentences


def test_the_screen_keeps_the_asked_share_of_positives():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.3, 0.2, 0.1])
    labels = np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0], dtype=float)
    drafts = np.array([False] * 10 + [True] * 3)
    threshold, innocent_passed, kept = pick_screen(scores, labels, drafts, keep=0.8)
    assert threshold == 0.2 and kept == 0.8
    assert innocent_passed == 2 / 3


def test_the_middle_of_the_best_run_is_chosen():
    f1 = {t: 0.5 for t in GRID}
    for t in GRID[3:8]:
        f1[t] = 0.9
    f1[GRID[-1]] = 0.9  # a lone best at the edge loses to the longer run
    assert best_threshold(f1) == GRID[5]


def test_evidence_marks_which_sentences_of_a_flagged_draft_offend():
    row = {"draft": "Hi Jo, thanks for writing. Most people find the button on their own. I've refunded the fee today.",
           "labels": ["condescension"], "evidence": {"condescension": ["Most people find the button on their own."]}}
    clean = {"draft": "Hi Jo, thanks for writing in today. I've refunded the fee today.", "labels": []}
    examples = draft_sentences([row, clean], "condescension", Examples())
    assert list(zip(examples.texts, examples.labels)) == [
        ("Most people find the button on their own.", True),
        ("Hi Jo, thanks for writing in today.", False),
        ("I've refunded the fee today.", False),
    ]


def test_rule_quoting_thresholds_are_judged_on_the_model_alone(monkeypatch):
    """Its phrases were written from the development drafts' own misses, so they would decide the run."""
    monkeypatch.setattr(calibrate_tone, "classifier_spans", lambda inp, name: ([], 0.0))
    assert not calibrate_tone.flagged(rule_quoting, CheckInput("Per our policy, refunds are only given within 14 days."))
    assert calibrate_tone.flagged(condescension, CheckInput("Hi Ana, please calm down. I've refunded the fee."))
