"""Helpers for the per-check tests."""

import pytest

from evals.checks.text import CheckInput


@pytest.fixture
def run_check():
    def run(module, draft, **context):
        result = module.check(CheckInput(draft=draft, **context))
        assert result.name == module.NAME and result.severity == module.SEVERITY
        assert 0.0 <= result.score <= 1.0 and result.reason
        for span in result.spans:
            assert draft[span.start:span.end] == span.text, "span offsets must point into the draft"
        if result.flagged:
            assert result.guidance is not None and result.guidance.passage and result.guidance.title
        return result
    return run
