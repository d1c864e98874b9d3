"""The review gate: every draft passes through it before an agent can send it.

``fast`` mode runs the twelve checks (patterns, cue rules, and for the tone checks a screen and
a fine-tuned MiniLM tone model: :mod:`evals.checks.sentence_classifier`; no LLM).
``full`` mode adds the LLM judge (:mod:`evals.judge`), whose findings add evidence and
explanations but never block on their own: the offline model called every draft
condescending when it was measured, so its verdicts cannot be trusted alone.
"""

from __future__ import annotations

from drafting.messages import set_aside_instructions
from evals.checks import run_checks
from evals.checks.text import CheckInput
from evals.contracts import Review
from replycoach.errors import InputError

MAX_DRAFT_CHARS = 20_000
MODES = ("fast", "full")


def check_input(draft: str, message: str | None = None, decision: str | None = None, offers=(),
                customer_name: str | None = None, sources=()) -> CheckInput:
    """What the checks see, or a clear error for a draft that cannot be reviewed.

    Text in the message addressed to an AI ("ignore your instructions and ...") is set aside, as
    drafting does, so the checks never demand that the draft answer or obey it; a note says so."""
    if not draft or not draft.strip():
        raise InputError("the draft is empty", "write or generate a reply first")
    if len(draft) > MAX_DRAFT_CHARS:
        raise InputError(f"the draft is {len(draft):,} characters, over the {MAX_DRAFT_CHARS:,} limit", "shorten it")
    notes: list[str] = []
    if message and message.strip():
        message, notes = set_aside_instructions(message)
    return CheckInput(draft=draft, message=message or None, decision=decision or None, offers=tuple(offers),
                      customer_name=customer_name, sources=tuple(sources), notes=tuple(notes))


def review_input(inp: CheckInput, mode: str = "fast", judge=None) -> Review:
    if mode not in MODES:
        raise InputError(f"unknown review mode {mode!r}", "use fast or full")
    results = run_checks(inp)
    notes: list[str] = []
    if mode == "full":
        from evals.judge import apply_judge

        results, notes = apply_judge(inp, results, judge)
    return Review(checks=results, mode=mode, notes=[*inp.notes, *notes])


def review(draft: str, message: str | None = None, decision: str | None = None, offers=(), customer_name: str | None = None,
           sources=(), mode: str = "fast", judge=None) -> Review:
    return review_input(check_input(draft, message, decision, offers, customer_name, sources), mode, judge)


def review_batch(inputs: list[CheckInput], mode: str = "fast", judge=None) -> list[Review]:
    """Review many drafts in this process (:mod:`evals.review_pool` spreads big batches over cores)."""
    return [review_input(inp, mode, judge) for inp in inputs]
