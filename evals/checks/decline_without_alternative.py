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

_OFFER_IN_DECISION = re.compile(r"\b(?:offer|alternative|instead|or)\b\s*:?\s*(?P<offers>[^;.\n]+)", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{4,}|\d+%?", re.IGNORECASE)


def _decision_alternatives(inp: CheckInput) -> list[str]:
    items = list(inp.offers)
    for match in _OFFER_IN_DECISION.finditer(inp.decision or ""):
        items += [part.strip() for part in re.split(r"\bor\b|,|/", match.group("offers")) if part.strip()]
    return items


def _mentions(draft: str, alternative: str) -> bool:
    words = {w.lower() for w in _WORD.findall(alternative)} - {"offer", "with", "from", "next", "their", "your", "this", "that"}
    return bool(words) and sum(w in draft.lower() for w in words) >= max(1, len(words) // 2)


def check(inp: CheckInput) -> CheckResult:
    declines = [s for s in inp.sentences if DECLINE.search(s.text)]
    if not declines:
        return clear(NAME, SEVERITY, "The draft does not decline anything.")
    # An offer in a decline sentence counts when it follows "but", "however", "instead" or ";".
    rest = " ".join(s.text for s in inp.sentences if s not in declines)
    rest += " " + " ".join(re.split(r"\b(?:but|however|instead)\b|;", s.text, maxsplit=1, flags=re.I)[-1]
                           for s in declines if re.search(r"\b(?:but|however|instead)\b|;", s.text, re.I))
    alternatives = _decision_alternatives(inp)
    offered = bool(OFFER.search(rest))
    if alternatives and not any(_mentions(inp.draft, alternative) for alternative in alternatives):
        offered = False
    if offered:
        return clear(NAME, SEVERITY, "The decline comes with an alternative or a next step.")
    hint = f" (the decision allows: {'; '.join(alternatives[:3])})" if alternatives else ""
    return finding(NAME, SEVERITY, [sentence_span(declines[0])], 0.8,
                   f"The draft says no and offers nothing instead{hint}: lead with what you can do.",
                   evidence=["decline without an offer"])
