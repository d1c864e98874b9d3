import pytest

from evals.checks import placeholder as check


@pytest.mark.parametrize("draft", [
    "Hi [Customer Name], your order shipped.", "Dear {first_name}, welcome back.", "It arrives by <insert date>.",
    "Tracking: XXXX", "Best,\n[Agent]", "Your refund of TBD is on its way.", "Hi {{name}},",
])
def test_flags_template_text(run_check, draft):
    assert run_check(check, draft).flagged


@pytest.mark.parametrize("draft", [
    "Enter your booking reference ZK4P2Q and your surname.", "See the attached invoice [PDF, 2 pages]? No.",
    "Your order [BH-57718] has shipped.", "Hi Sam, thanks for waiting.",
])
def test_ordinary_text_passes(run_check, draft):
    assert not run_check(check, draft).flagged


def test_suggests_the_customer_name_for_a_name_field(run_check):
    assert run_check(check, "Hi [Customer Name],", customer_name="Dana").suggestion == "Dana"
