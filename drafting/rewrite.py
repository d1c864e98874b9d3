"""Rewrite actions on an existing draft: shorter, warmer, more formal, fix grammar, or any
instruction the agent types.

Only the body is rewritten: the greeting and the signature are split off first and put back
unchanged. Facts must survive: every number, amount, date, order reference, name and quoted
phrase of the original is listed and checked in the result; a rewrite that drops one is tried
once more with that list spelled out, and refused if it still drops it (the agent keeps the
original). The result is reviewed by the gate like any draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from langchain_core.messages import HumanMessage, SystemMessage

from drafting.framing import clean_body, join_framing, split_framing
from drafting.prompts import template
from drafting.providers import chat_model, llm_errors
from evals.contracts import Review
from evals.gate import review
from replycoach.errors import InputError, ModelError
from replycoach.settings import Settings

ACTIONS = {
    "shorter": "make it shorter and tighter, keeping everything the customer needs",
    "warmer": "make it warmer and more personal, without adding promises",
    "formal": "make it more formal and polished",
    "grammar": "fix spelling, grammar and punctuation only; change nothing else",
}
MAX_INSTRUCTION_CHARS = 300
_PROTECTED = re.compile(
    r"[$£€]\s?\d[\d,.]*|\b\d[\d,.:/-]*\b%?|\b[A-Z]{2,}-?\d[\w-]*\b|[\"“][^\"”\n]{2,80}[\"”]|"
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b")


@dataclass
class Rewrite:
    text: str
    review: Review
    action: str
    notes: list[str]


def protected_items(body: str, names: list[str]) -> list[str]:
    """What a rewrite must keep: figures, references, dates, quoted phrases, and the given names."""
    items = [m.group().strip(" .,") for m in _PROTECTED.finditer(body)]
    items += [name for name in names if name and name in body]
    return list(dict.fromkeys(item for item in items if item))


def missing(text: str, items: list[str]) -> list[str]:
    normalised = text.replace("“", '"').replace("”", '"')
    return [item for item in items if item.replace("“", '"').replace("”", '"') not in normalised]


def rewrite(text: str, action: str, settings: Settings, instruction: str | None = None, llm=None,
            customer_name: str | None = None, message: str | None = None, decision: str | None = None) -> Rewrite:
    """Apply ``action`` ("shorter", "warmer", "formal", "grammar" or "custom" with ``instruction``)."""
    if not text or not text.strip():
        raise InputError("there is no draft to rewrite", "write or generate a reply first")
    if action == "custom":
        instruction = (instruction or "").strip()
        if not instruction:
            raise InputError("the rewrite instruction is empty", "say how to change the reply")
        if len(instruction) > MAX_INSTRUCTION_CHARS:
            raise InputError(f"the instruction is over {MAX_INSTRUCTION_CHARS} characters", "shorten it")
        goal = instruction
    elif action in ACTIONS:
        goal = ACTIONS[action]
    else:
        raise InputError(f"unknown rewrite action {action!r}", f"use one of {', '.join([*ACTIONS, 'custom'])}")
    greeting, body, sign_off = split_framing(text)
    keep = protected_items(body, [n for n in (customer_name,) if n])
    llm = llm or chat_model(settings, temperature=0.3, max_tokens=400)
    system = template("system").render(company=settings.company_name)
    notes: list[str] = []
    prompt = template("rewrite").render(instruction=goal, body=body)
    with llm_errors(settings):
        new_body = clean_body(str(llm.invoke([SystemMessage(system), HumanMessage(prompt)]).content))
        lost = missing(new_body, keep) if new_body else keep
        if lost or not new_body:
            notes.append(f"First rewrite dropped {', '.join(lost[:4]) or 'everything'}; asked again.")
            retry = prompt + f"\n\nThese must appear exactly: {'; '.join(keep)}"
            new_body = clean_body(str(llm.invoke([SystemMessage(system), HumanMessage(retry)]).content))
            lost = missing(new_body, keep) if new_body else keep
    if lost or not new_body:
        raise ModelError(f"the rewrite would lose {', '.join(lost[:4]) or 'the text'}; the draft is unchanged",
                         "try again or edit by hand")
    new_text = join_framing(greeting, new_body, sign_off)
    return Rewrite(text=new_text, review=review(new_text, message=message, decision=decision, customer_name=customer_name),
                   action=action, notes=notes)
