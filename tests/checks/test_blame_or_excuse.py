import pytest

from evals.checks import blame_or_excuse


@pytest.mark.parametrize("draft", [
    "The courier messed up, not us.",
    "You should have checked the size chart before ordering.",
    "We're very busy this time of year, so replies are slow.",
    "Our new staff member made an error with your order.",
    "That's the warehouse's fault, not the delivery team's.",
    "The colleague you spoke to gave you the wrong date; that was their error.",
])
def test_flags_blame_and_excuses(run_check, draft):
    result = run_check(blame_or_excuse, draft)
    assert result.flagged and result.severity == "warn"


@pytest.mark.parametrize("draft", [
    "The parcel was scanned at the depot on Tuesday, and I've asked for it to go out today.",
    "That was our mistake, and I'm sorry.",
    "If it happens again, tell me and I'll book your classes for you.",
])
def test_plain_facts_and_ownership_pass(run_check, draft):
    assert not run_check(blame_or_excuse, draft).flagged
