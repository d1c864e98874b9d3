"""The fine-tuned tone model, run for real from its int8 ONNX file."""

import json
import shutil

import numpy as np
import pytest

from evals.checks.tone_model import (MODEL_PATH, SECOND_MODEL_PATH, SECOND_SPEC_PATH, SPEC_PATH, ToneModel, get_second_opinion,
                                     get_tone_model)
from replycoach.errors import ModelError

# Written for this test (not in any dataset): paraphrases with none of the trigger phrases.
CONDESCENDING = [
    "Perhaps ask someone at home who is good with computers to sit with you while you try again.",
    "Not everyone finds online forms easy, so take your time and read each box slowly this time.",
    "I'd have thought the big red 'Cancel' button was hard to overlook, but here we are.",
]
RULE_QUOTING = [
    "Our head office guidelines leave me no discretion on refunds after thirty days.",
    "The booking conditions are what they are, and I have to apply them to every guest.",
    "The billing platform simply doesn't give me a way to reverse a charge once it has settled.",
]
INNOCENT = [
    "I've refunded the £20 to your card and it should arrive within three days.",
    "I've booked an engineer for Thursday morning between eight and twelve.",
    "Good news: the warranty covers the repair, so there's nothing to pay.",
]


def test_scores_paraphrases_it_never_saw():
    model = get_tone_model()
    assert model.checks == ["condescension", "rule_quoting"]
    scores = model.probabilities(CONDESCENDING + RULE_QUOTING + INNOCENT)
    assert scores.shape == (9, 2) and np.all((scores >= 0) & (scores <= 1))
    assert np.all(scores[:3, 0] >= 0.9) and np.all(scores[:3, 1] <= 0.1)
    assert np.all(scores[3:6, 1] >= 0.9) and np.all(scores[3:6, 0] <= 0.1)
    assert np.all(scores[6:] <= 0.1)


def test_a_batch_scores_each_sentence_as_it_would_alone():
    model = get_tone_model()
    together = model.probabilities(CONDESCENDING + INNOCENT)
    alone = np.vstack([model.probabilities([text]) for text in CONDESCENDING + INNOCENT])
    assert np.array_equal(together, alone), "a sentence's score must not depend on the sentences beside it"


def test_no_sentences_give_an_empty_result():
    assert get_tone_model().probabilities([]).shape == (0, 2)


@pytest.mark.parametrize("model_path, spec_path", [(MODEL_PATH, SPEC_PATH), (SECOND_MODEL_PATH, SECOND_SPEC_PATH)],
                         ids=["tone model", "second opinion"])
def test_refuses_an_altered_model_file(tmp_path, model_path, spec_path):
    altered = tmp_path / model_path.name
    shutil.copy(model_path, altered)
    with altered.open("r+b") as handle:
        handle.seek(1000)
        byte = handle.read(1)
        handle.seek(1000)
        handle.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(ModelError, match="refusing to load it"):
        ToneModel(altered, spec_path)


def test_a_missing_description_says_how_to_recover(tmp_path):
    with pytest.raises(ModelError, match="cannot read the tone model description"):
        ToneModel(MODEL_PATH, tmp_path / "missing.json")


def test_an_uncalibrated_model_says_what_to_run(tmp_path):
    spec = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
    del spec["thresholds"]
    (tmp_path / "tone_model.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(ModelError, match="calibrate_tone"):
        ToneModel(MODEL_PATH, tmp_path / "tone_model.json").threshold("condescension")


def test_the_second_opinion_is_a_model_of_the_same_shape():
    second = get_second_opinion()
    assert second.checks == get_tone_model().checks and second.spec["confirms"] == ["condescension"]
    scores = second.probabilities(CONDESCENDING + INNOCENT)
    assert scores.shape == (6, 2) and scores[:3, 0].min() > scores[3:, 0].max()
