"""The two-stage sentence classifier: the static screen decides which sentences the tone model sees."""

import numpy as np

from evals.checks import condescension, sentence_classifier
from evals.checks.sentence_classifier import classifier_spans, load_screens, sentence_probabilities
from evals.checks.text import CheckInput
from knowledge.static_embeddings import sentence_vectors

from checks.test_tone_model import CONDESCENDING, RULE_QUOTING


class CountingModel:
    """The real tone model, counting the sentences it is asked to score."""

    def __init__(self, model):
        self.model, self.seen = model, []
        self.checks, self.threshold = model.checks, model.threshold

    def probabilities(self, texts):
        self.seen.extend(texts)
        return self.model.probabilities(texts)


def test_the_screen_keeps_plain_sentences_away_from_the_tone_model(monkeypatch):
    counting = CountingModel(sentence_classifier.get_tone_model())
    monkeypatch.setattr(sentence_classifier, "get_tone_model", lambda: counting)
    inp = CheckInput("Hi Sam,\n\nI've refunded the £20 to your card today. It should reach you within three working days. "
                     "Not everyone finds online forms easy, so take your time and read each box slowly this time.\n\nBest,\nAmir")
    offending = "Not everyone finds online forms easy, so take your time and read each box slowly this time."
    spans, score = classifier_spans(inp, condescension.NAME)
    assert offending in counting.seen and "I've refunded the £20 to your card today." not in counting.seen
    assert [span.text for span in spans] == [offending] and score >= 0.9
    probabilities = sentence_probabilities(inp, condescension.NAME)
    assert probabilities[0] == 0.0, "a sentence the screen stopped is not scored"


def test_one_pass_per_draft_serves_both_checks(monkeypatch):
    counting = CountingModel(sentence_classifier.get_tone_model())
    monkeypatch.setattr(sentence_classifier, "get_tone_model", lambda: counting)
    inp = CheckInput("Our head office guidelines leave me no discretion on refunds after thirty days.")
    classifier_spans(inp, "condescension")
    classifier_spans(inp, "rule_quoting")
    assert len(counting.seen) == 1


def test_greetings_and_sign_offs_are_not_judged():
    inp = CheckInput("Hi Sam,\n\nBest,\nAmir")
    assert classifier_spans(inp, condescension.NAME) == ([], 0.0)


def test_the_screens_pass_paraphrases_on_to_the_tone_model():
    vectors = sentence_vectors(CONDESCENDING + RULE_QUOTING)
    passed = np.zeros(len(vectors), dtype=bool)
    for screen in load_screens().values():
        passed |= screen.probabilities(vectors) >= screen.threshold
    assert passed.all()


class FixedOpinion:
    """A second opinion that gives every sentence the same probabilities, recording what it saw."""

    def __init__(self, real, value):
        self.checks, self.spec, self.value, self.seen = real.checks, real.spec, value, []

    def probabilities(self, texts):
        self.seen.extend(texts)
        return np.full((len(texts), len(self.checks)), self.value, dtype=np.float32)


def test_the_second_opinion_must_confirm_a_condescension_finding(monkeypatch):
    draft = "Not everyone finds online forms easy, so take your time and read each box slowly this time."
    assert classifier_spans(CheckInput(draft), condescension.NAME)[0], "the tone model alone flags it"
    doubting = FixedOpinion(sentence_classifier.get_second_opinion(), 0.01)
    monkeypatch.setattr(sentence_classifier, "get_second_opinion", lambda: doubting)
    spans, score = classifier_spans(CheckInput(draft), condescension.NAME)
    assert doubting.seen == [draft] and spans == [] and score == np.float32(0.01)


def test_the_second_opinion_is_asked_only_about_what_the_tone_model_flags(monkeypatch):
    agreeing = FixedOpinion(sentence_classifier.get_second_opinion(), 1.0)
    monkeypatch.setattr(sentence_classifier, "get_second_opinion", lambda: agreeing)
    inp = CheckInput("Hi Sam,\n\nI've refunded the £20 to your card today, and it should reach you within three working days. "
                     "Not everyone finds online forms easy, so take your time and read each box slowly this time.\n\nBest,\nAmir")
    spans, _ = classifier_spans(inp, condescension.NAME)
    assert agreeing.seen == [span.text for span in spans] == [
        "Not everyone finds online forms easy, so take your time and read each box slowly this time."]
    assert agreeing.spec["confirms"] == ["condescension"]
    seen = list(agreeing.seen)
    rule = CheckInput("Our head office guidelines leave me no discretion on refunds after thirty days.")
    assert classifier_spans(rule, "rule_quoting")[0] and agreeing.seen == seen, "rule quoting is not confirmed"
