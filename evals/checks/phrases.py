"""Phrase families: groups of patterns for one kind of problem, with a reason, a suggested
rewrite of the matched span, and sentence-level exceptions for innocent uses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evals.checks.base import clear, finding
from evals.checks.cues import OWNS_MISTAKE
from evals.checks.prefilter import may_match, required_literals
from evals.checks.text import CheckInput, sentence_of
from evals.contracts import CheckResult, Span


@dataclass(frozen=True)
class Family:
    label: str  # completes "The draft ...", e.g. "tells the customer how to feel"
    patterns: tuple[str, ...]
    suggestion: str | None = None  # rewrite of the matched span ("" = delete it)
    unless: tuple[str, ...] = ()  # a match is ignored when its sentence matches one of these
    asked_for: tuple[str, ...] = ()  # ... and every match when the customer's message matches one of these
    compiled: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)
    compiled_unless: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)
    compiled_asked_for: tuple[re.Pattern, ...] = field(init=False, repr=False, compare=False)
    needed: tuple[frozenset[str] | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        flags = re.IGNORECASE | re.MULTILINE
        object.__setattr__(self, "compiled", tuple(re.compile(p, flags) for p in self.patterns))
        object.__setattr__(self, "compiled_unless", tuple(re.compile(p, flags) for p in self.unless))
        object.__setattr__(self, "compiled_asked_for", tuple(re.compile(p, flags) for p in self.asked_for))
        object.__setattr__(self, "needed", tuple(required_literals(p) for p in self.compiled))


def find_families(inp: CheckInput, families: list[Family], excused: list[Span] | None = None) -> list[tuple[Span, Family]]:
    """Non-overlapping matches of the families in the draft, in text order.

    Sentences where a match was ignored because of an exception (in the sentence, or a request in
    the customer's message for what the family would object to) are added to ``excused``.
    """
    found: list[tuple[Span, Family]] = []
    folded = inp.draft.casefold()
    for family in families:
        asked_for = bool(inp.message) and any(rule.search(inp.message) for rule in family.compiled_asked_for)
        for pattern, needed in zip(family.compiled, family.needed):
            if not may_match(needed, folded):
                continue
            for match in pattern.finditer(inp.draft):
                raw = match.group()
                text = raw.strip(" ,.!?;:\n")
                if not text:
                    continue
                start = match.start() + raw.index(text)
                span = Span(start, start + len(text), text)
                sentence = sentence_of(inp, span)
                context = sentence.text if sentence else inp.draft
                if asked_for or any(rule.search(context) for rule in family.compiled_unless):
                    if excused is not None and sentence is not None:
                        excused.append(Span(sentence.start, sentence.end, sentence.text))
                    continue
                if not any(s.start < span.end and span.start < s.end for s, _ in found):
                    found.append((span, family))
    return sorted(found, key=lambda item: item[0].start)


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(other.start < span.end and span.start < other.end for other in others)


def tone_check(inp: CheckInput, name: str, severity: str, families: list[Family], advice: str, model_advice: str,
               clean: str) -> CheckResult:
    """Phrase families first, then the sentence classifier for paraphrases they miss.

    The classifier never overrules an exception: a sentence a family excused as an innocent
    use ("we're not allowed to charge you a fee") is not flagged by the model either, and nor is
    a sentence that owns our mistake ("our pricing page clearly didn't explain it, and that's on us").
    """
    from evals.checks.sentence_classifier import classifier_spans

    excused: list[Span] = []
    patterns = find_families(inp, families, excused)
    model_spans, model_score = classifier_spans(inp, name)
    model_spans = [span for span in model_spans if not overlaps(span, excused) and not OWNS_MISTAKE.search(span.text)]
    model_evidence = [f"classifier: {model_score:.2f}"] if model_spans else []
    if patterns:
        spans = [span for span, _ in patterns]
        spans += [span for span in model_spans if not overlaps(span, spans)]
        labels = list(dict.fromkeys(family.label for _, family in patterns))
        first_span, first_family = patterns[0]
        return finding(name, severity, sorted(spans, key=lambda s: s.start), max(0.9, model_score),
                       f"The draft {labels[0]} (\"{first_span.text}\"): {advice}", suggestion=first_family.suggestion,
                       evidence=[f"pattern: {label}" for label in labels] + model_evidence)
    if model_spans:
        return finding(name, severity, model_spans, model_score, f"\"{model_spans[0].text}\" {model_advice}",
                       evidence=model_evidence)
    return clear(name, severity, clean, score=model_score)
