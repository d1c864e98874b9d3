"""The phrase prefilter may only skip patterns that cannot match."""

import re

import pytest

from evals.checks import blame_or_excuse, condescension, forbidden_promise, passing_the_buck, rule_quoting
from evals.checks.prefilter import may_match, required_literals
from evals.training_data import DATASETS, read_jsonl, sentence_bank

FAMILIES = (condescension.FAMILIES + rule_quoting.FAMILIES + blame_or_excuse.FAMILIES + passing_the_buck.FAMILIES
            + forbidden_promise.UNKEEPABLE)


def needs(pattern: str) -> frozenset[str] | None:
    return required_literals(re.compile(pattern, re.IGNORECASE))


@pytest.mark.parametrize("pattern, expected", [
    (r"\bper our policy\b", {"per our policy"}),
    (r"\b(?:calm|settle|cool) down\b", {" down"}),
    (r"\b(?:obviously|clearly)\b", {"obviously", "clearly"}),
    (r"\bAs I (?:said|explained)", {"as i "}),  # case-folded
    (r"\b(?:sir|ma'am)\b", {"sir", "ma'am"}),
    (r"(?:section|clause)+ \d", {"section", "clause"}),
])
def test_required_literals(pattern, expected):
    assert needs(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"\b\w+ly\b",  # nothing literal
    r"\b(?:so|to) \w+",  # every literal shorter than three characters
    r"(?:sorry)?\s*\bnow\b|\w+",  # a branch with no literal
    r"(?:please )?\d+",  # the only literal is optional
])
def test_patterns_without_a_required_literal_always_run(pattern):
    assert needs(pattern) is None
    assert may_match(needs(pattern), "anything at all")


def test_a_pattern_is_skipped_only_when_it_cannot_match():
    files = sorted(DATASETS.glob("review_train*.jsonl")) + sorted(DATASETS.glob("review_dev*.jsonl"))
    texts = [row["draft"] for path in files for row in read_jsonl(path)]
    texts += [text for text, _ in sentence_bank()]
    texts += ["AS I ALREADY EXPLAINED, CALM DOWN.", "Per Our Policy, no."]
    patterns = [(pattern, needed) for family in FAMILIES for pattern, needed in zip(family.compiled, family.needed)]
    skipped = 0
    for text in texts:
        folded = text.casefold()
        for pattern, needed in patterns:
            if not may_match(needed, folded):
                skipped += 1
                assert pattern.search(text) is None, (pattern.pattern, text)
    assert skipped > 0.5 * len(texts) * len(patterns)  # it does save work
