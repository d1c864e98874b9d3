"""decline_without_alternative (warn): the draft says no and offers nothing instead: no
alternative, no next step, no partial help. When the agent's decision names alternatives,
the draft must offer at least one of them."""

from __future__ import annotations

import re

from evals.checks.base import clear, finding
from evals.checks.cues import DECLINE, OFFER
from evals.checks.text import CheckInput, sentence_span
from evals.contracts import WARN, CheckResult

NAME = "decline_without_alternative"
SEVERITY = WARN

_OFFER_IN_DECISION = re.compile(r"\b(?:offer|alternative|instead(?! of))\b\s*:?\s*(?P<offers>(?:[^;.\n]|\b(?:e\.g|i\.e)\.)+)", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{4,}|\d+%?", re.IGNORECASE)


def _decision_alternatives(inp: CheckInput) -> list[str]:
    items = list(inp.offers)
    for match in _OFFER_IN_DECISION.finditer(inp.decision or ""):
        items += [part.strip() for part in re.split(r"\bor\b|,|/", match.group("offers")) if part.strip()]
    return items


def _mentions(text: str, alternative: str) -> bool:
    """Whether ``text`` carries ``alternative``: half its words or more, and every figure in it."""
    words = {w.lower() for w in _WORD.findall(alternative)} - {"offer", "with", "from", "next", "their", "your", "this", "that"}
    figures = {w for w in words if w[0].isdigit()}
    text = text.lower()
    return bool(words) and all(f in text for f in figures) and sum(w in text for w in words) >= (len(words) + 1) // 2


def check(inp: CheckInput) -> CheckResult:
    declines = [s for s in inp.sentences if DECLINE.search(s.text)]
    if not declines:
        return clear(NAME, SEVERITY, "The draft does not decline anything.")
    # An offer in a decline sentence counts when it follows "but", "however", "instead" or ";"
    # and does not itself say no ("I've looked into it, but we can't extend the voucher").
    turns = (re.split(r"\b(?:but|however|instead)\b|;", s.text, maxsplit=1, flags=re.I)[-1] for s in declines)
    rest = " ".join([s.text for s in inp.sentences if s not in declines] + [t for t in turns if not DECLINE.search(t)])
    alternatives = _decision_alternatives(inp)
    # An offer in the draft's own words, or one of the alternatives the decision names.
    offered = bool(OFFER.search(rest)) or any(_mentions(rest, alternative) for alternative in alternatives)
    if offered:
        return clear(NAME, SEVERITY, "The decline comes with an alternative or a next step.")
    hint = f" (the decision allows: {'; '.join(alternatives[:3])})" if alternatives else ""
    return finding(NAME, SEVERITY, [sentence_span(declines[0])], 0.8,
                   f"The draft says no and offers nothing instead{hint}: lead with what you can do.",
                   evidence=["decline without an offer"])
