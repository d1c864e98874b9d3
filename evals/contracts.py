"""The shared result contracts: Span, Guidance, CheckResult and Review (see DESIGN.md).

Their JSON forms are what `replycoach check --json` prints, what drafts carry, and what the
audit store and the eval runner keep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK, WARN, INFO = "block", "warn", "info"
SEND, REVISE = "send", "revise"  # verdicts; the third is BLOCK


@dataclass(frozen=True)
class Span:
    """Character offsets into the draft (``draft[start:end] == text``)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Guidance:
    """The playbook passage that explains why a finding matters."""

    title: str
    source: str
    passage: str


@dataclass
class CheckResult:
    name: str
    flagged: bool
    severity: str
    score: float  # 0..1: confidence that the problem is there
    spans: list[Span] = field(default_factory=list)
    reason: str = ""
    suggestion: str | None = None
    guidance: Guidance | None = None
    evidence: list[str] = field(default_factory=list)  # which signals fired (patterns, classifier, judge)

    def to_json(self) -> dict:
        # Written out rather than dataclasses.asdict, whose deep copies were a tenth of batch review time.
        guidance = self.guidance
        return {"name": self.name, "flagged": self.flagged, "severity": self.severity, "score": round(self.score, 3),
                "spans": [{"start": s.start, "end": s.end, "text": s.text} for s in self.spans],
                "reason": self.reason, "suggestion": self.suggestion,
                "guidance": guidance and {"title": guidance.title, "source": guidance.source, "passage": guidance.passage},
                "evidence": list(self.evidence)}

    @classmethod
    def from_json(cls, data: dict) -> "CheckResult":
        return cls(
            name=data["name"], flagged=data["flagged"], severity=data["severity"], score=data["score"],
            spans=[Span(**span) for span in data.get("spans", [])], reason=data.get("reason", ""),
            suggestion=data.get("suggestion"),
            guidance=Guidance(**data["guidance"]) if data.get("guidance") else None,
            evidence=list(data.get("evidence", [])),
        )


def verdict_of(results: list[CheckResult]) -> str:
    """``block`` if a flagged check blocks, ``revise`` if one warns, else ``send``."""
    severities = {result.severity for result in results if result.flagged}
    if BLOCK in severities:
        return BLOCK
    if WARN in severities:
        return REVISE
    return SEND


@dataclass
class Review:
    checks: list[CheckResult]
    mode: str = "fast"
    notes: list[str] = field(default_factory=list)  # e.g. "the LLM judge was not available"

    @property
    def verdict(self) -> str:
        return verdict_of(self.checks)

    @property
    def flagged(self) -> list[CheckResult]:
        return [result for result in self.checks if result.flagged]

    def get(self, name: str) -> CheckResult | None:
        return next((result for result in self.checks if result.name == name), None)

    def to_json(self) -> dict:
        return {"verdict": self.verdict, "mode": self.mode, "notes": self.notes,
                "checks": [c.to_json() for c in self.checks]}

    @classmethod
    def from_json(cls, data: dict) -> "Review":
        return cls(checks=[CheckResult.from_json(c) for c in data["checks"]], mode=data.get("mode", "fast"),
                   notes=list(data.get("notes", [])))
