"""What drafting takes and returns: DraftRequest, Analysis, Candidate and Draft (JSON-ready)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from evals.contracts import Review

SITUATIONS = ("vents", "billing_surprise", "late_delivery", "defective_product", "policy_misunderstanding",
              "our_error", "impossible_demand", "other")
CHANNELS = ("email", "chat")


@dataclass
class DraftRequest:
    message: str
    customer_name: str | None = None
    channel: str = "email"
    decision: str | None = None  # the agent's: grant / partial / decline, free text
    offers: list[str] = field(default_factory=list)  # alternatives the agent may offer
    agent_name: str | None = None


class Analysis(BaseModel):
    """The situation, as the model read it (LLM fields) plus what rules found in the message."""

    what_happened: str = Field("", description="what went wrong, in at most 20 words")
    feelings: str = Field("", description="how the customer feels, in their own words, at most 6 words")
    wants: str = Field("", description="what the customer asks for, at most 12 words")
    questions: list[str] = Field(default_factory=list, description="each question the customer asked")
    situation: Literal[SITUATIONS] = "other"  # type: ignore[valid-type]
    can_grant: Literal["yes", "partly", "no", "unclear"] = "unclear"
    proposed_decision: str = Field("", description="when no decision was given: what policy allows, in 15 words")
    upset: bool = False
    our_error: bool = False
    language: str = "en"
    source: str = "llm"  # "llm", or "rules" when the model's analysis failed


@dataclass
class Candidate:
    text: str
    review: Review
    how: str  # "generated", "repaired: ...", ...

    def to_json(self) -> dict:
        return {"text": self.text, "how": self.how, "verdict": self.review.verdict,
                "flagged": [c.name for c in self.review.flagged]}


@dataclass
class Source:
    title: str
    source: str
    text: str
    score: float
    collection: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Draft:
    text: str
    review: Review
    analysis: Analysis
    sources: list[Source]
    decision: str | None
    decision_is_proposal: bool
    candidates: list[Candidate]
    model: str
    prompt_version: str
    seconds: float
    notes: list[str] = field(default_factory=list)  # e.g. "quoted history trimmed"
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step; "first_token" when streamed

    def to_json(self) -> dict:
        return {
            "draft": self.text, "review": self.review.to_json(), "analysis": self.analysis.model_dump(),
            "sources": [s.to_json() for s in self.sources], "decision": self.decision,
            "decision_is_proposal": self.decision_is_proposal, "candidates": [c.to_json() for c in self.candidates],
            "model": self.model, "prompt_version": self.prompt_version, "seconds": round(self.seconds, 2),
            "notes": self.notes, "timings": {step: round(value, 2) for step, value in self.timings.items()},
        }
