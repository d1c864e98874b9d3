from evals.checks import missing_ownership as check


def test_our_mistake_without_apology_is_flagged(run_check):
    result = run_check(check, "I understand how annoying that is. I've sent the red kettle today.",
                       message="You sent me a blue kettle but I ordered the red one.")
    assert result.flagged


def test_an_impersonal_error_is_not_ownership(run_check):
    assert run_check(check, "The $120 came from a pricing error in the cart; I've refunded the difference.",
                     message="I was charged $120 but the website said $95.",
                     decision="pricing error in cart; refund $25 difference").flagged


def test_owning_it_passes(run_check):
    assert not run_check(check, "That was our mistake, and I'm sorry. The red kettle ships today.",
                         message="You sent me the wrong colour kettle.").flagged


def test_the_customers_own_slip_is_not_our_error(run_check):
    assert not run_check(check, "The cake is already baked, so I can redeliver on Saturday instead.",
                         message="I picked the wrong date for my son's birthday cake. Can I cancel?").flagged
