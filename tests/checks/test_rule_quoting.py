import pytest

from evals.checks import rule_quoting


@pytest.mark.parametrize("draft, fragment", [
    ("Per our policy, opened items cannot be refunded.", "Per our policy"),
    ("Section 4.2 states that fees are non-refundable.", "Section 4.2"),
    ("These are the terms you agreed to when you signed up.", "terms you agreed"),
    ("I'm not allowed to change the address after dispatch.", "I'm not allowed to"),
    ("Our system only allows one change per booking.", "Our system only allows"),
    ("Rules are rules, so the fee stands.", "Rules are rules"),
    ("According to our terms and conditions, late returns are not accepted.", "According to our terms"),
    ("Company policy prohibits refunds on sale items.", "Company policy prohibits"),
    ("I'm afraid that's against our returns policy.", "against our returns policy"),
    ("The app won't let me remove the service fee.", "The app won't let me"),
])
def test_flags_rules_used_as_the_authority(run_check, draft, fragment):
    result = run_check(rule_quoting, draft)
    assert result.flagged and result.severity == "block"
    assert any(fragment.lower() in span.text.lower() or span.text.lower() in fragment.lower() for span in result.spans)


@pytest.mark.parametrize("draft", [
    "Our returns team approved an exception for you, so the refund is on its way.",
    "Once the procedure is done, send us the vet's invoice and we'll get the claim moving.",
    "Good news: our price-match policy covers this, so you get the $12 difference back.",
    "You're covered by the 12-month warranty; I'll send a replacement today.",
    "I've updated our policy page so the wording is clearer.",
    "Under the terms of your plan you get 300 minutes a month at no extra cost.",
    "We can't refund opened toothpaste, but I can give you store credit for half the price today.",
    "We're not allowed to charge a cancellation fee in the cooling-off period, so you pay nothing.",
])
def test_policy_mentioned_while_granting_passes(run_check, draft):
    assert not run_check(rule_quoting, draft).flagged


def test_not_allowed_becomes_i_cant(run_check):
    assert run_check(rule_quoting, "I'm not allowed to extend the trial.").suggestion == "I can't"


def test_a_sentence_owning_our_mistake_is_not_flagged_by_the_model(run_check):
    owned = "Our pricing page clearly didn't explain that the user limit only applies to annual plans, and that's on us."
    assert not run_check(rule_quoting, owned).flagged
