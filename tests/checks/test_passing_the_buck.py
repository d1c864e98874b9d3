import pytest

from evals.checks import passing_the_buck


@pytest.mark.parametrize("draft", [
    "Please contact the courier directly; they will know where it was left.",
    "You'll need to call our billing department about that charge.",
    "That's not our department, I'm afraid.",
    "It's best to reach out to the manufacturer for warranty repairs.",
    "I'll pass this to my supervisor, who may get back to you.",
    "You'll need to contact your installer to arrange a visit.",
    "You'll need to contact your vet's practice or your insurer directly.",
    "Please get in touch with the enforcement contractor to appeal.",
])
def test_flags_sending_the_customer_elsewhere(run_check, draft):
    result = run_check(passing_the_buck, draft)
    assert result.flagged and result.severity == "warn" and result.spans


@pytest.mark.parametrize("draft", [
    "I've asked our warehouse to check and I'll email you by Friday with what they find.",
    "I've contacted the courier myself and I'll update you by 5pm today.",
    "I've refunded the delivery fee and sent a replacement by express.",
    "You can visit the venue's box office on the night, and your tickets will be waiting.",
])
def test_owned_hand_offs_pass(run_check, draft):
    assert not run_check(passing_the_buck, draft).flagged


@pytest.mark.parametrize("draft", [
    "Refunds are processed by our finance office, so you'll need to email them with your receipt.",
    "Returns of damaged furniture are handled by the maker, so please contact Oakden Living directly.",
    "You'll need to speak to City Parking Services, who manage the permits for that street.",
    "You'll need to report it to the police and then get in touch with our claims team.",
])
def test_flags_hand_offs_to_named_and_other_teams(run_check, draft):
    assert run_check(passing_the_buck, draft).flagged


@pytest.mark.parametrize("draft", [
    "Please contact me directly if the parcel hasn't arrived by Friday.",
    "I've asked our finance office to refund you today, and I'll email you once it's done.",
])
def test_an_invitation_to_come_back_to_us_passes(run_check, draft):
    assert not run_check(passing_the_buck, draft).flagged
