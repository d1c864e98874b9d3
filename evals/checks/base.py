"""Building a CheckResult: one place for the flagged/clean shape every check returns."""

from __future__ import annotations

from typing import Callable

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


def add_finding(findings: list[tuple[Span, str]], span: Span, kind: str) -> None:
    """Keep ``span`` unless an earlier finding already covers part of it."""
    if not any(seen.start < span.end and span.start < seen.end for seen, _ in findings):
        findings.append((span, kind))


def kinds_finding(name: str, severity: str, findings: list[tuple[Span, str]], score: float,
                  reason: Callable[[list[str], Span], str], evidence: str) -> CheckResult:
    """A flagged result from (span, kind) findings: spans in text order, each kind named once."""
    findings = sorted(findings, key=lambda item: item[0].start)
    kinds = list(dict.fromkeys(kind for _, kind in findings))
    return finding(name, severity, [span for span, _ in findings], score, reason(kinds, findings[0][0]),
                   suggestion="", evidence=[f"{evidence}: {kind}" for kind in kinds])
