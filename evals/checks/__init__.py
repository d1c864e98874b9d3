"""The review checks: one module per check, each with NAME, SEVERITY and ``check(CheckInput)``.

Order is the order reviewers see them: the two blocking tone checks first.
"""

from __future__ import annotations

from evals.checks import (blame_or_excuse, condescension, decline_without_alternative, fabrication, forbidden_promise,
                          missing_empathy, missing_ownership, passing_the_buck, personal_data, placeholder, rule_quoting,
                          unanswered_question)
from evals.checks.text import CheckInput
from evals.contracts import CheckResult

CHECKS = (condescension, rule_quoting, forbidden_promise, placeholder, personal_data, passing_the_buck,
          blame_or_excuse, decline_without_alternative, unanswered_question, missing_empathy, missing_ownership,
          fabrication)
CHECK_NAMES = tuple(check.NAME for check in CHECKS)
SEVERITIES = {check.NAME: check.SEVERITY for check in CHECKS}


def run_checks(inp: CheckInput) -> list[CheckResult]:
    return [check.check(inp) for check in CHECKS]
