"""Building a CheckResult: one place for the flagged/clean shape every check returns."""

from __future__ import annotations

from evals.checks.guidance import guidance_for
from evals.contracts import CheckResult, Span


def finding(name: str, severity: str, spans: list[Span], score: float, reason: str,
            suggestion: str | None = None, evidence: list[str] | None = None) -> CheckResult:
    """A flagged result, with the playbook passage that explains why."""
    return CheckResult(name=name, flagged=True, severity=severity, score=max(0.0, min(1.0, score)),
                       spans=spans, reason=reason, suggestion=suggestion, guidance=guidance_for(name),
                       evidence=evidence or [])


def clear(name: str, severity: str, reason: str, score: float = 0.0,
          evidence: list[str] | None = None) -> CheckResult:
    """A result that found nothing to flag (``score`` may still carry a weak signal)."""
    return CheckResult(name=name, flagged=False, severity=severity, score=max(0.0, min(1.0, score)),
                       reason=reason, evidence=evidence or [])
