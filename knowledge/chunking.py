"""Split a cleaned document into chunks that follow its structure and fit the embedder.

A chunk is one paragraph or bullet point under its section heading: the unit an article
gives one piece of advice in. A very short block (an intro line such as "Try these steps.")
joins the block after it in the same section (or, at a section's end, the one before); a block longer than the embedder's 256-token
window is split at sentence boundaries. The heading is embedded with the text (it often
names the advice: "Don't pass the buck") but stored separately for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from knowledge.documents import Document
from knowledge.embeddings import MAX_TOKENS
from knowledge.formats import HEADING

MIN_TOKENS = 40  # shorter blocks join the next block of their section
MERGE_LIMIT = 200  # joining stops before a chunk grows past this

_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])['\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Chunk:
    text: str
    heading: str | None
    position: int

    @property
    def embed_text(self) -> str:
        return f"{self.heading}: {self.text}" if self.heading else self.text


def _split_long(text: str, budget: int, count: Callable[[str], int]) -> list[str]:
    """Pack sentences (or, for a run-on sentence, words) into pieces of at most ``budget`` tokens."""
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_SPLIT_RE.split(text):
        candidate = f"{current} {sentence}".strip()
        if count(candidate) <= budget:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if count(sentence) <= budget:
            current = sentence
            continue
        current = ""
        for word in sentence.split():
            candidate = f"{current} {word}".strip()
            if count(candidate) > budget and current:
                pieces.append(current)
                candidate = word
            current = candidate
    if current:
        pieces.append(current)
    return pieces


def chunk_document(document: Document, count_tokens: Callable[[str], int],
                   max_tokens: int = MAX_TOKENS) -> list[Chunk]:
    sections: list[tuple[str | None, list[str]]] = []
    for block in document.blocks:
        if block.kind == HEADING:
            heading = block.text
            if sections and not sections[-1][1]:  # a subheading right under its heading
                heading = f"{sections.pop()[0]}: {heading}"
            sections.append((heading, []))
            continue
        if not sections:
            sections.append((None, []))
        sections[-1][1].append(block.text)

    chunks: list[Chunk] = []
    for section_heading, texts in sections:
        prefix = count_tokens(f"{section_heading}: ") - 2 if section_heading else 0
        budget = max_tokens - prefix
        units: list[str] = []
        for text in texts:
            units.extend([text] if count_tokens(text) <= budget else _split_long(text, budget, count_tokens))
        pending = ""
        first_in_section = len(chunks)
        for unit in units:
            candidate = f"{pending}\n{unit}" if pending else unit
            if pending and count_tokens(candidate) > min(MERGE_LIMIT, budget):
                chunks.append(Chunk(pending, section_heading, len(chunks)))
                candidate = unit
            if count_tokens(candidate) < MIN_TOKENS:
                pending = candidate
                continue
            chunks.append(Chunk(candidate, section_heading, len(chunks)))
            pending = ""
        if pending:
            # A short last block ("Act quickly.") closes the chunk before it when it fits.
            previous = chunks[-1] if chunks and chunks[-1].heading == section_heading else None
            if previous and previous.position >= first_in_section and count_tokens(
                f"{previous.text}\n{pending}"
            ) <= budget:
                chunks[-1] = Chunk(f"{previous.text}\n{pending}", section_heading, previous.position)
            else:
                chunks.append(Chunk(pending, section_heading, len(chunks)))
    return chunks
