"""Step 5: repair what the gate flagged, within a bounded number of tries.

Deterministic fixes come first, because they are instant and certain: fill or remove
template placeholders, mask card numbers, drop sentences with passwords or ID numbers, apply
a check's suggested rewrite of its span, add a line acknowledging feelings or owning our
mistake, and offer the decided alternative after a bare "no". What only language can fix (a
condescending or rule-quoting sentence without a known rewrite, blame, a hand-off, a promise
the decision forbids) goes back to the model one sentence at a time; a sentence that is still
flagged after that is removed. Every version is reviewed again and kept as a candidate.
"""

from __future__ import annotations

import re
from typing import Callable

from langchain_core.messages import HumanMessage, SystemMessage

from drafting.contracts import Candidate
from drafting.framing import join_framing, split_framing
from drafting.prompts import template
from evals.checks.text import sentences as split_sentences
from evals.contracts import CheckResult, Review, Span

GOALS = {
    "condescension": "is warm and respectful and does not judge what the customer knows, did or feels",
    "rule_quoting": "says plainly what we can and cannot do, without mentioning any policy, rule, terms, system or permission",
    "blame_or_excuse": "takes ownership and blames no one: not the customer, a colleague, a courier or a supplier",
    "passing_the_buck": "says we are handling it ourselves and will follow up, instead of sending the customer elsewhere",
    "forbidden_promise": "promises nothing beyond this decision: {decision}",
}
EMPATHY_LINE = "I'm really sorry about this, and I understand how frustrating it has been."
OWNERSHIP_LINE = "That was our mistake, and I apologise."
_CARD = re.compile(r"\b(?:\d[ -]?){9,15}(\d{4})\b")
RANK = {"send": 0, "revise": 1, "block": 2}

Reviewer = Callable[[str], Review]
SentenceWriter = Callable[[str, str], str]  # (goal, sentence) -> rewritten sentence
AnswerWriter = Callable[[str, str], str]  # (question, facts) -> one sentence answering it


def quality(review: Review) -> tuple:
    """Lower is better: verdict first, then how many checks are flagged, then their confidence."""
    return (RANK[review.verdict], len(review.flagged), round(sum(c.score for c in review.flagged), 3))


def replace_span(text: str, span: Span, replacement: str) -> str:
    """``text`` with ``span`` replaced, tidied: no space before punctuation, no sentence left
    starting with a comma, sentence starts capitalised."""
    new = text[: span.start] + replacement + text[span.end :]
    new = re.sub(r"(^|[.!?][ \t]+|\n)[ \t]*[,;:][ \t]*", r"\1", new)  # a sentence that now starts with ", "
    new = re.sub(r"[ \t]+([,.;!?])", r"\1", new)  # "fee ," -> "fee,"; line breaks are kept
    new = re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), new)
    new = re.sub(r"(^|\n)[ \t]+", r"\1", new)  # a line that now starts with the space after a removed sentence
    return re.sub(r"[ \t]{2,}", " ", new)


def _sentence_around(text: str, span: Span) -> Span:
    """The whole sentence (or sentences) ``span`` falls in."""
    around = [s for s in split_sentences(text) if s.end > span.start and s.start < max(span.end, span.start + 1)]
    if not around:
        return span
    start, end = around[0].start, around[-1].end
    return Span(start, end, text[start:end])


def _locate(text: str, span: Span) -> Span | None:
    """``span`` in ``text``, which earlier fixes in the same round may have shifted."""
    if text[span.start:span.end] == span.text:
        return span
    start = text.find(span.text)
    return Span(start, start + len(span.text), span.text) if start >= 0 else None


def _insert_after_greeting(text: str, line: str) -> str:
    greeting, body, sign_off = split_framing(text)
    return join_framing(greeting, f"{line} {body}", sign_off)


def deterministic_fix(text: str, check: CheckResult, customer_name: str | None, offers: list[str]) -> str | None:
    """A fixed text, or None when this check needs the model (or nothing can be done here)."""
    located = {(s.start, s.end): s for s in (_locate(text, span) for span in check.spans) if s}
    spans = sorted(located.values(), key=lambda s: -s.start)  # from the end, so earlier offsets hold
    if check.name == "placeholder":
        for span in spans:
            name_field = re.search(r"name|customer|client|first", span.text, re.I)
            text = replace_span(text, span, customer_name if name_field and customer_name else "")
        return text
    if check.name == "personal_data":
        for span in spans:
            card = _CARD.search(span.text)
            text = replace_span(text, span, f"the card ending {card.group(1)}" if card else "") if card else \
                replace_span(text, _sentence_around(text, span), "")
        return text
    if check.name == "missing_empathy":
        return _insert_after_greeting(text, EMPATHY_LINE)
    if check.name == "missing_ownership":
        return _insert_after_greeting(text, OWNERSHIP_LINE)
    if check.name == "decline_without_alternative" and offers:
        greeting, body, sign_off = split_framing(text)
        return join_framing(greeting, f"{body} What I can offer instead: {' or '.join(offers[:2])}.", sign_off)
    if check.name in ("condescension", "rule_quoting", "fabrication") and check.suggestion is not None and check.spans:
        span = _locate(text, check.spans[0])
        if span and any(e.startswith("pattern") or e.startswith("unsupported") for e in check.evidence):
            return replace_span(text, span, check.suggestion)
    return None


def model_fix(text: str, check: CheckResult, write: SentenceWriter, decision: str | None) -> str | None:
    goal = GOALS.get(check.name)
    flagged = _locate(text, check.spans[0]) if check.spans else None
    if not goal or flagged is None:
        return None
    span = _sentence_around(text, flagged)
    rewritten = write(goal.format(decision=decision or "no decision given"), span.text).strip().strip('"')
    if not rewritten or len(rewritten) > 3 * len(span.text) + 80:
        return None
    return replace_span(text, span, rewritten)


def missed_questions(check: CheckResult) -> list[str]:
    return [e.removeprefix("unanswered: ") for e in check.evidence if e.startswith("unanswered: ")]


def answer_missed(text: str, questions: list[str], answer: AnswerWriter, decision: str | None) -> str | None:
    """Add a sentence answering each of ``questions`` (at most two), before the sign-off."""
    sentences = [answer(q, decision or "none given").strip().strip('"') for q in questions[:2]]
    sentences = [s for s in sentences if s and len(s) < 300]
    if not sentences:
        return None
    greeting, body, sign_off = split_framing(text)
    return join_framing(greeting, f"{body} {' '.join(sentences)}", sign_off)


def drop_sentence(text: str, check: CheckResult) -> str | None:
    """The last resort: remove every sentence the check flags (never the whole body)."""
    found = [_locate(text, span) for span in check.spans]
    sentences = {(s.start, s.end): s for s in (_sentence_around(text, span) for span in found if span)}
    if not sentences:
        return None
    remaining = split_framing(text)[1]
    for sentence in sentences.values():
        remaining = remaining.replace(sentence.text.strip(), "", 1)
    if not re.search(r"\w", remaining):
        return None
    for key in sorted(sentences, reverse=True):
        text = replace_span(text, sentences[key], "")
    return text


def repair(text: str, review: Review, reviewer: Reviewer, write: SentenceWriter | None, customer_name: str | None,
           offers: list[str], decision: str | None, max_rounds: int = 3, answer: AnswerWriter | None = None
           ) -> list[Candidate]:
    """Candidates after each round of fixes (the first is the input); stops when ready to send."""
    candidates = [Candidate(text, review, "generated")]
    current = candidates[0]
    rewritten: set[str] = set()  # checks whose sentence the model has already rewritten once
    answered: set[str] = set()  # questions already given an answer sentence: a second would repeat it
    for _ in range(max_rounds):
        if current.review.verdict == "send":
            break
        fixed, how = current.text, []
        for check in current.review.flagged:
            if check.name in rewritten:  # still flagged after the model's rewrite: remove the sentence
                attempt, label = drop_sentence(fixed, check), f"removed flagged sentences ({check.name})"
            else:
                attempt, label = deterministic_fix(fixed, check, customer_name, offers), f"fixed {check.name}"
            if attempt is None and answer is not None and check.name == "unanswered_question":
                questions = [q for q in missed_questions(check) if q not in answered]
                answered.update(questions[:2])
                attempt, label = answer_missed(fixed, questions, answer, decision), "answered a missed question"
            if attempt is None and write is not None and check.name not in rewritten:
                attempt, label = model_fix(fixed, check, write, decision), f"rewrote {check.name}"
                rewritten.add(check.name)
            if attempt is not None:
                how.append(label)
                fixed = attempt
        if fixed == current.text:  # nothing more to try: drop the sentences still flagged
            for check in current.review.flagged:
                attempt = drop_sentence(fixed, check)
                if attempt:
                    fixed = attempt
                    how.append(f"removed flagged sentences ({check.name})")
            if fixed == current.text:
                break
        candidate = Candidate(fixed, reviewer(fixed), "repaired: " + ", ".join(how))
        candidates.append(candidate)
        if quality(candidate.review) <= quality(current.review):
            current = candidate
    return candidates


def best(candidates: list[Candidate]) -> Candidate:
    return min(candidates, key=lambda c: quality(c.review))


def _first_line(llm, system: str, prompt: str) -> str:
    answer = llm.invoke([SystemMessage(system), HumanMessage(prompt)])
    return str(getattr(answer, "content", answer)).strip().split("\n")[0]


def answer_writer(llm, system: str) -> AnswerWriter:
    return lambda question, facts: _first_line(llm, system, template("answer").render(question=question, facts=facts))


def sentence_writer(llm, system: str) -> SentenceWriter:
    return lambda goal, sentence: _first_line(llm, system, template("repair").render(goal=goal, sentence=sentence))
