"""Text helpers the checks share: the check input, sentences with offsets, pattern spans."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable

from evals.contracts import Span

_ABBREVIATIONS = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|No|vs|etc|e\.g|i\.e|approx|Ltd|Inc|Co)\.$", re.IGNORECASE)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’')\]]*\s+|\n\s*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Sentences and lines of ``text`` with their offsets (greetings and sign-offs are lines).

    The project's one sentence splitter: drafting trims replies and policy passages, and repairs
    flagged sentences, by the same edges the checks flag."""
    found: list[Sentence] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        piece = text[start : boundary.start()]
        if _ABBREVIATIONS.search(piece) and "\n" not in boundary.group():
            continue
        _append(found, text, start, boundary.start())
        start = boundary.end()
    _append(found, text, start, len(text))
    return found


def _append(found: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(Sentence(start, end, text[start:end]))


@dataclass
class CheckInput:
    """What a check sees: the draft, and where known the customer's message and the decision."""

    draft: str
    message: str | None = None
    decision: str | None = None
    offers: tuple[str, ...] = ()
    customer_name: str | None = None
    sources: tuple[str, ...] = ()  # passages the draft may rely on (retrieved policy text)
    notes: tuple[str, ...] = ()  # what was done to the inputs before the checks read them, for the reviewer
    cache: dict = field(default_factory=dict, repr=False)  # shared per-draft work (e.g. sentence features)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return sentences(self.draft)

    @cached_property
    def message_sentences(self) -> list[Sentence]:
        return sentences(self.message or "")


def pattern_spans(text: str, patterns: Iterable[re.Pattern], offset: int = 0) -> list[Span]:
    """Every match of any pattern, as spans (offsets shifted by ``offset``), in text order."""
    spans = [Span(offset + m.start(), offset + m.end(), m.group()) for p in patterns for m in p.finditer(text)
             if m.end() > m.start()]
    return merge_spans(spans)


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted, with overlapping spans merged (their text is re-read by the caller if needed)."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            if span.end > last.end:
                extra = span.text[last.end - span.start:]
                merged[-1] = Span(last.start, span.end, last.text + extra)
            continue
        merged.append(span)
    return merged


def sentence_span(sentence: Sentence) -> Span:
    return Span(sentence.start, sentence.end, sentence.text)


def sentence_of(inp: CheckInput, span: Span) -> Sentence | None:
    return next((s for s in inp.sentences if s.start <= span.start < s.end), None)
