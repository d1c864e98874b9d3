"""missing_empathy (warn; needs the message): the customer is upset and the draft never
acknowledges how they feel or what it cost them. "We apologise for any inconvenience" alone
does not count."""

from __future__ import annotations

from evals.checks.base import clear, finding
from evals.checks.cues import APOLOGY, EMPATHY, FORMULAIC_APOLOGY, rx, sounds_upset
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult

NAME = "missing_empathy"
SEVERITY = WARN


def customer_is_upset(message: str | None) -> bool:
    return bool(message) and sounds_upset(message)


# Regret that turns the feeling back on the customer acknowledges nothing.
_SORRY_YOU_FEEL_THAT_WAY = rx(r"\b(?:I'm |I am |we're )?sorry (?:that |if )?you feel (?:that|this) way\b")


def acknowledges_feelings(draft: str) -> bool:
    without_formula = _SORRY_YOU_FEEL_THAT_WAY.sub("", FORMULAIC_APOLOGY.sub("", draft))
    return bool(EMPATHY.search(without_formula) or APOLOGY.search(without_formula))


def check(inp: CheckInput) -> CheckResult:
    if not customer_is_upset(inp.message):
        return clear(NAME, SEVERITY, "The customer does not sound upset." if inp.message
                     else "No customer message given, so empathy was not checked.")
    if acknowledges_feelings(inp.draft):
        return clear(NAME, SEVERITY, "The draft acknowledges how the customer feels.")
    return finding(NAME, SEVERITY, [], 0.8,
                   "The customer is upset and the draft never acknowledges it: name what happened and how it "
                   "affected them before the fix.", suggestion="I'm so sorry; I can see how frustrating this has been.",
                   evidence=["upset message, no acknowledgement"])
