"""missing_ownership (warn; needs the message): the message (or the decision) describes our
own mistake, and the draft neither apologises for it nor owns it. An impersonal "a pricing
error occurred" is not ownership, and nor is regret at the customer's feelings ("I'm sorry
you're fed up")."""

from __future__ import annotations

from evals.checks.base import clear, finding
from evals.checks.cues import APOLOGY, DECISION_NOT_OUR_ERROR, DECISION_OUR_ERROR, FORMULAIC_APOLOGY, NON_APOLOGY, OWNERSHIP, blames_us
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult

NAME = "missing_ownership"
SEVERITY = WARN


def describes_our_error(inp: CheckInput) -> bool:
    """The message blames us and the decision does not clear us, or the decision says the fault was ours."""
    decision = inp.decision or ""
    if DECISION_OUR_ERROR.search(decision):
        return True
    return blames_us(inp.message_sentences) and not DECISION_NOT_OUR_ERROR.search(decision)


def check(inp: CheckInput) -> CheckResult:
    if not inp.message:
        return clear(NAME, SEVERITY, "No customer message given, so ownership was not checked.")
    if not describes_our_error(inp):
        return clear(NAME, SEVERITY, "The message does not describe a mistake of ours.")
    draft = NON_APOLOGY.sub("", FORMULAIC_APOLOGY.sub("", inp.draft))
    if APOLOGY.search(draft) or OWNERSHIP.search(draft):
        return clear(NAME, SEVERITY, "The draft apologises for or owns our mistake.")
    return finding(NAME, SEVERITY, [], 0.8,
                   "The message describes our mistake and the draft neither apologises nor owns it: say plainly "
                   "that we got it wrong and that you are sorry.", suggestion="I'm sorry, that was our mistake.",
                   evidence=["our error in the message, no apology or ownership"])
