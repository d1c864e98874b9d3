"""Step 3: the playbook and policy passages that fit the situation, trimmed for a small prompt.

Policy passages are found from the customer's own words (what they ask about); playbook
passages from the analysis: the situation described the way the playbook talks about it,
how the customer feels, and whether we have to say no.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.contracts import Analysis, Source
from evals.checks.text import sentences as split_sentences
from knowledge.embeddings import get_embedder
from knowledge.lexical import coverage_scores
from knowledge.retrieval import Passage, search
from replycoach.settings import Settings

SITUATION_QUERIES = {
    "vents": "the customer mostly wants to vent: listen, let them talk, validate their frustration",
    "billing_surprise": "the customer is upset about billing charges they weren't expecting",
    "late_delivery": "delivery was later than promised: act quickly, don't make the customer wait",
    "defective_product": "the product wasn't what they expected or broke: fix the root problem, repair the relationship",
    "policy_misunderstanding": "the customer misunderstood our procedures or policy; the customer is not always right",
    "our_error": "we made a mistake: own up to it, don't pass the buck, take the complaint seriously",
    "impossible_demand": "we can't do what the customer wants: say no in a way that sounds like yes, offer an exchange or discount",
    "other": "handling an upset customer with respect",
}
MAX_SNIPPET_WORDS = 45


def playbook_query(analysis: Analysis) -> str:
    parts = [SITUATION_QUERIES.get(analysis.situation, SITUATION_QUERIES["other"])]
    if analysis.can_grant in ("no", "partly"):
        parts.append("we have to tell them no; instead of quoting the rules, become the customer's advocate")
    if analysis.upset:
        parts.append(f"the customer feels {analysis.feelings or 'upset'}")
    if analysis.our_error:
        parts.append("our own mistake")
    return ". ".join(parts)


def policy_passages(message: str, settings: Settings, k: int = 3) -> list[Passage]:
    return search(message[:1500], k=k, collection="policy", settings=settings)


def playbook_passages(analysis: Analysis, settings: Settings, k: int = 3) -> list[Passage]:
    return search(playbook_query(analysis), k=k, collection="playbook", settings=settings)


def passage_sentences(passage_text: str) -> list[str]:
    """Sentences and list items of a passage, without headings and bullet marks."""
    parts = (sentence.text.lstrip("-*• ").strip() for sentence in split_sentences(passage_text))
    return [part for part in parts if part and not part.startswith("#")]


@lru_cache(maxsize=16)
def _closeness(passage_text: str, query: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """The passage's sentences and how close each is to the query: meaning (MiniLM cosine) plus
    shared words. A customer who writes "today it's $199 ... I want the $50 back" shares almost
    no words with "if an item's price drops, the difference is given as store credit", and words
    alone picked the membership rule beside it. Cached: drafting trims the same passage for the
    analysis and again, shorter, for the reply."""
    sentences = passage_sentences(passage_text)
    if not sentences:
        return (), ()
    vectors = get_embedder().embed([query, *sentences])
    lexical = coverage_scores(query, sentences)
    return tuple(sentences), tuple(float(vectors[0] @ vector) + words for vector, words in zip(vectors[1:], lexical))


def snippet(passage_text: str, query: str, max_words: int = MAX_SNIPPET_WORDS) -> str:
    """The passage's sentences closest to the query, in order, within ``max_words``."""
    sentences, scores = _closeness(passage_text, query)
    chosen, words = set(), 0
    for index in sorted(range(len(sentences)), key=lambda i: -scores[i]):
        count = len(sentences[index].split())
        if words + count > max_words and chosen:
            continue
        chosen.add(index)
        words += count
        if words >= max_words:
            break
    return " ".join(sentences[i] for i in sorted(chosen))


_IMPERATIVE = re.compile(
    r"^(?:and finally, )?(?:don't|do not|never|always|let|ask|validate|listen|own|say|offer|take|thank|give|get|smile|"
    r"pause|act|seek|fix|repair|address|remember|try|treat|make|show|learn|become|avoid|resist|stay|be|keep|find|"
    r"acknowledge|apologi[sz]e|answer|personali[sz]e|follow)\b", re.IGNORECASE)


def advice_lines(passages: list[Passage], query: str, limit: int = 3, max_words: int = 22) -> list[str]:
    """The playbook's own imperative advice ("Validate their frustrations.") from the passages.

    A small model parrots whatever narrative it is shown ("you will never be able to make
    them happy"), so drafting gets only short instructions; the agent still sees the passages.
    """
    found: list[tuple[float, str]] = []
    for passage in passages:
        sentences = [s.text for s in split_sentences(passage.text.replace("\n", " "))]  # lines wrap mid-sentence
        candidates = [s for s in sentences if _IMPERATIVE.search(s) and len(s.split()) <= max_words]
        for sentence, score in zip(candidates, coverage_scores(query, candidates)):
            found.append((score + passage.score, sentence))
    lines = []
    for _, sentence in sorted(found, key=lambda item: -item[0]):
        if sentence not in lines:
            lines.append(sentence)
        if len(lines) == limit:
            break
    return lines


def as_sources(passages: list[Passage]) -> list[Source]:
    return [Source(title=p.title, source=p.source, text=p.text, score=round(p.score, 4), collection=p.collection)
            for p in passages]
