import pytest

from evals.checks import forbidden_promise as check


@pytest.mark.parametrize("draft", [
    "I guarantee your replacement will arrive tomorrow.",
    "I can promise you this will never happen again.",
    "It will definitely be with you by Thursday.",
])
def test_promises_nobody_can_keep(run_check, draft):
    result = run_check(check, draft)
    assert result.flagged and result.severity == "block"


def test_a_promise_the_decision_rules_out(run_check):
    result = run_check(check, "No problem! I've processed a full refund for the coffee.",
                       decision="decline refund (opened food); offer 50% store credit or 15% off next order")
    assert result.flagged and "refund" in result.reason


def test_offering_the_decided_alternative_passes(run_check):
    draft = "I can't refund the opened coffee, but I've added 50% store credit to your account."
    assert not run_check(check, draft, decision="decline refund (opened food); offer 50% store credit").flagged


def test_an_amount_above_the_decisions_limit(run_check):
    decision = "credits above $100 not possible; team lead approved $100 credit"
    assert not run_check(check, "I've added $100 in credit to your account.", decision=decision).flagged
    assert run_check(check, "I've added $150 in credit to your account.", decision=decision).flagged


def test_conditions_in_the_decision_refuse_nothing(run_check):
    decision = "can't guarantee date; currently due Thursday; send express replacement if no movement by Wednesday"
    draft = "If it hasn't moved by Wednesday, I'll send a replacement by express."
    assert not run_check(check, draft, decision=decision).flagged
