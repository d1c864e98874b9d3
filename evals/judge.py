"""The LLM judge of full mode: a rubric per check, a score and a reason per finding.

It adds evidence and explanations to the fast checks; it never blocks on its own. How much
it may change depends on trust (``REPLYCOACH_JUDGE_TRUST``):
- ``evidence`` (default for the offline model, which called every draft condescending when
  measured): findings are attached as evidence; verdicts are the fast checks' alone.
- ``advisory`` (default for a hosted provider): a finding the fast checks missed, quoting the
  draft exactly, also flags that check at ``warn`` severity (revise, never block).
A judge that fails (timeout, junk) leaves the fast results standing, with a note saying so.
"""

from __future__ import annotations

from typing import Callable, Literal

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from evals.checks.guidance import guidance_for
from evals.checks.text import CheckInput
from evals.contracts import WARN, CheckResult, Span
from replycoach.errors import ReplyCoachError

JUDGED = ("condescension", "rule_quoting", "passing_the_buck", "blame_or_excuse", "decline_without_alternative",
          "unanswered_question", "missing_empathy", "forbidden_promise")
RUBRIC = {
    "condescension": "talks down: tells them how to feel, implies they didn't read or that it's simple, lectures, "
                     "presumes agreement, minimises, sarcasm, pet names, questions their competence",
    "rule_quoting": "puts a policy, rule, term, clause, agreement, procedure or system in front of the customer as "
                    "the authority against them (not when granting or as their benefit)",
    "passing_the_buck": "sends the customer elsewhere (courier, other team, supervisor) without resolving it",
    "blame_or_excuse": "blames the customer, a colleague, courier or supplier, or makes excuses",
    "decline_without_alternative": "says no and offers nothing instead",
    "unanswered_question": "leaves a question from the customer's message unanswered",
    "missing_empathy": "the customer is upset and the reply never acknowledges how they feel",
    "forbidden_promise": "promises something the decision does not allow, or guarantees what nobody can",
}
SYSTEM = ("You review customer-service replies before they are sent. Report only real problems from this list, "
          "each with the exact words from the reply that show it:\n"
          + "\n".join(f"- {name}: {text}" for name, text in RUBRIC.items())
          + "\nIf the reply has none of these problems, return an empty list. Do not report good replies.")


# Bounded so a small model under a JSON grammar cannot ramble to the token limit.
class JudgeFinding(BaseModel):
    check: Literal[JUDGED]  # type: ignore[valid-type]
    quote: str = Field(description="exact words from the reply, or empty", max_length=120)
    reason: str = Field(description="one sentence a reviewer can act on", max_length=160)
    confidence: int = Field(ge=1, le=5, description="1 unsure .. 5 certain")


class JudgeReport(BaseModel):
    findings: list[JudgeFinding] = Field(default_factory=list, max_length=4)


Judge = Callable[[CheckInput], JudgeReport]


def judge_prompt(inp: CheckInput) -> list:
    parts = []
    if inp.message:
        parts.append(f"Customer's message:\n{inp.message[:4000]}")
    if inp.decision:
        parts.append(f"Agent's decision: {inp.decision}")
    parts.append(f"Reply to review:\n{inp.draft}")
    return [SystemMessage(SYSTEM), HumanMessage("\n\n".join(parts))]


def llm_judge(settings=None) -> Judge:
    """The configured provider as a judge (temperature 0, schema-constrained output)."""
    from drafting.providers import chat_model, llm_errors
    from drafting.structured import structured_invoke
    from replycoach.settings import load_settings

    settings = settings or load_settings()
    llm = chat_model(settings, temperature=0.0, max_tokens=400)

    def judge(inp: CheckInput) -> JudgeReport:
        with llm_errors(settings):
            return structured_invoke(llm, JudgeReport, judge_prompt(inp))

    return judge


def default_trust(settings) -> str:
    if settings.judge_trust in ("evidence", "advisory"):
        return settings.judge_trust
    return "evidence" if settings.effective_provider == "local" else "advisory"


def _quote_span(draft: str, quote: str) -> Span | None:
    quote = quote.strip().strip('"“”')
    if len(quote) < 3:
        return None
    start = draft.lower().find(quote.lower())
    return Span(start, start + len(quote), draft[start : start + len(quote)]) if start >= 0 else None


def apply_judge(inp: CheckInput, results: list[CheckResult], judge: Judge | None = None,
                trust: str | None = None) -> tuple[list[CheckResult], list[str]]:
    """Results with the judge's evidence merged in, and notes for the reviewer."""
    from replycoach.settings import load_settings

    settings = load_settings()
    trust = trust or default_trust(settings)
    try:
        report = (judge or llm_judge(settings))(inp)
    except ReplyCoachError as error:
        return results, [f"The LLM judge was not available ({error}); these are the fast checks' results."]
    by_name = {result.name: result for result in results}
    for found in report.findings:
        result = by_name.get(found.check)
        if result is None:
            continue
        span = _quote_span(inp.draft, found.quote)
        result.evidence.append(f"judge ({found.confidence}/5): {found.reason}" + ("" if span else " [quote not in draft]"))
        result.score = max(result.score, found.confidence / 5 * (0.9 if span else 0.5))
        if not result.flagged and trust == "advisory" and span and found.confidence >= 4:
            result.flagged = True
            result.severity = WARN  # the judge alone never blocks
            result.spans = [span]
            result.reason = f"The reviewing model found this (not confirmed by the fast checks): {found.reason}"
            result.guidance = guidance_for(found.check)
    return results, [f"Judged by the LLM ({trust}): {len(report.findings)} finding(s)."]
