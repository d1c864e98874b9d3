from evals.checks import missing_empathy as check

UPSET = "I'm furious. Your technician didn't show up for the second time and I took the day off work. AGAIN."


def test_an_upset_customer_without_acknowledgement_is_flagged(run_check):
    result = run_check(check, "The technician missed your appointment. I've rebooked you for Monday 8-10am.", message=UPSET)
    assert result.flagged and result.suggestion


def test_a_formulaic_apology_does_not_count(run_check):
    assert run_check(check, "We apologise for any inconvenience caused. Your refund has been processed.",
                     message="My flight was cancelled and I missed my sister's wedding. I'm devastated.").flagged


def test_acknowledging_feelings_passes(run_check):
    draft = "I'm so sorry. Taking a day off for nothing, twice, is infuriating. I've rebooked you for Monday 8-10am."
    assert not run_check(check, draft, message=UPSET).flagged


def test_a_calm_message_needs_no_empathy_line(run_check):
    assert not run_check(check, "Yes, it comes assembled.", message="Does the desk come assembled?").flagged
