"""Step 1: analyse the customer's message.

The model fills a compact schema (feelings, what happened, situation, whether policy allows
it, and a proposed decision when the agent gave none). Rules add what they find reliably:
every question (with or without a question mark), whether the customer is upset, whether
the message describes our own mistake, and the language. If the model's
answer cannot be used even after lenient parsing, the rules' analysis stands alone
(``source="rules"``) and drafting goes on.
"""

from __future__ import annotations

import re

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from drafting.contracts import SITUATIONS, Analysis
from drafting.prompts import template
from drafting.structured import structured_invoke
from evals.checks.cues import blames_us, sounds_upset, upset_words
from evals.checks.questions import customer_questions
from evals.checks.text import sentences
from replycoach.errors import ReplyCoachError

# Checked in order, after "our_error" (the message blames us: cues.blames_us).
_SITUATION_CUES = [
    ("defective_product", re.compile(r"\b(?:broken|broke|faulty|defect\w*|stopped working|doesn't work|does not work|won't (?:turn on|work)|"
                                     r"leak\w*|crack\w*|damaged|smashed|shattered|dead on arrival|not working|fault)\b", re.I)),
    ("late_delivery", re.compile(r"\b(?:late|delay\w*|hasn't arrived|has not arrived|not (?:yet )?arrived|never arrived|where is my|"
                                 r"tracking|still waiting|still not here|supposed to (?:arrive|come)|delivery date)\b", re.I)),
    ("billing_surprise", re.compile(r"\b(?:charged?|charges|bill(?:ed|ing)?|invoice|fee|renew\w*|subscription|direct debit|"
                                    r"overcharg\w*|payment|statement|price went up)\b", re.I)),
    ("policy_misunderstanding", re.compile(r"\b(?:policy|terms|I thought|was told|understood|said I could|why can't I|not allowed|"
                                           r"rules?|conditions)\b", re.I)),
    ("impossible_demand", re.compile(r"\b(?:demand|compensation|I expect|I want (?:a )?(?:full )?refund|[$£€]\s?\d{3,}|lawyer|"
                                     r"sue|free (?:forever|for life)|for free)\b", re.I)),
]


class ModelAnalysis(BaseModel):
    """The fields the model fills: few and short, because every token costs ~60 ms offline.
    Questions, upset and our own error come from rules, which find them reliably."""

    feelings: str = ""
    what_happened: str = ""
    situation: str = "other"
    can_grant: str = "unclear"
    proposed_decision: str = ""


def rule_analysis(message: str, language: str) -> Analysis:
    upset = sounds_upset(message)
    questions = [q.text for q in customer_questions(message)]
    our_error = blames_us(sentences(message))
    situation = "our_error" if our_error else next((name for name, cue in _SITUATION_CUES if cue.search(message)), "other")
    if situation == "other" and upset and not questions:
        situation = "vents"
    feelings = ", ".join(dict.fromkeys(word.lower() for word in upset_words(message) if word.isalpha()))[:60]
    return Analysis(questions=questions, situation=situation, feelings=feelings or ("upset" if upset else "calm"),
                    upset=upset, our_error=our_error, language=language, source="rules")


def merge(rules: Analysis, model: ModelAnalysis) -> Analysis:
    situation = model.situation if model.situation in SITUATIONS and model.situation != "other" else rules.situation
    can_grant = model.can_grant if model.can_grant in ("yes", "partly", "no", "unclear") else "unclear"
    return rules.model_copy(update={
        "what_happened": model.what_happened.strip()[:200], "feelings": model.feelings.strip()[:80] or rules.feelings,
        "situation": situation, "can_grant": can_grant,
        "proposed_decision": model.proposed_decision.strip()[:240], "our_error": rules.our_error or situation == "our_error",
        "source": "llm",
    })


def message_block(message: str) -> str:
    """The customer's message as the shared opening of every prompt (so llama.cpp's prefix cache reuses it)."""
    return f"Customer's message:\n<<<\n{message}\n>>>\n\n"


def analysis_messages(system: str, message: str, policy: str, decision_given: bool) -> list:
    instruction = template("analysis").render(
        policy=policy or "(none found)",
        proposal_instruction="leave empty: the agent has decided." if decision_given
        else "what our policy allows for this request, in at most 15 words.")
    return [SystemMessage(system), HumanMessage(message_block(message) + instruction)]


def analyse(llm, system: str, message: str, language: str, policy: str, decision_given: bool) -> tuple[Analysis, list[str]]:
    """The analysis and notes (a note says when the model's analysis was unusable)."""
    rules = rule_analysis(message, language)
    try:
        model = structured_invoke(llm, ModelAnalysis, analysis_messages(system, message, policy, decision_given))
    except ReplyCoachError as error:
        return rules, [f"The model's analysis was unusable ({error}); used the rule-based analysis."]
    return merge(rules, model), []
