import pytest

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


@pytest.mark.parametrize("message", [
    "Your installer drilled through a pipe in our loft and the ceiling is stained.",
    "The last hygienist was really rough with me. Can I see someone else?",
    "You charged my card twice for the same order this month.",
    "You charged me $79.99 TWICE this month.",
    "I ordered the light roast on my subscription and got a dark roast instead.",
    "My duvet came back from your laundry still damp.",
    "We waited in all morning and nobody turned up or called.",
    "Two of the recipes had ingredients missing this week.",
    "I bought 5,000 miles on Tuesday and my credit card shows two charges of $187.50.",
    "You've charged me the $3.50 delivery fee twice AGAIN. This is the third month running.",
    "The bottle you sent says 10 mg, but my prescription is for 20 mg lisinopril.",
    "You replaced my inner tube last week but fitted a 700x25, and it's gone flat already.",
    "Half my wedding photos are showing as grey squares after your app update.",
    "Our walker didn't come today for Koda's 1 p.m. walk.",
])
def test_more_ways_a_message_describes_our_mistake(run_check, message):
    assert run_check(check, "I've booked a visit for Monday between 8 and 12.", message=message).flagged


def test_regret_at_the_customers_feelings_is_not_an_apology(run_check):
    message = "Your engineer never turned up and I lost a day's pay."
    assert run_check(check, "I'm sorry you're fed up. I've rebooked you for Monday.", message=message).flagged
    assert not run_check(check, "I'm sorry you were left waiting. I've rebooked you for Monday.", message=message).flagged


def test_reports_of_what_staff_said_are_not_mistakes(run_check):
    assert not run_check(check, "Thanks! I've passed your message on to Arjun.",
                         message="The engineer was brilliant and said the oven is good as new.").flagged


@pytest.mark.parametrize("decision", [
    "The order was placed with the walnut finish selected. Offer a free change to oak before dispatch.",
    "Cancellation was not completed (final confirm step not pressed). Cancel now and refund the last month.",
])
def test_a_decision_that_clears_us_needs_no_ownership(run_check, decision):
    message = "You sent me the wrong colour and I want it fixed."
    assert not run_check(check, "I can switch it for you at no charge.", message=message, decision=decision).flagged


def test_something_done_by_us_is_not_an_error_by_us(run_check):
    assert not run_check(check, "I can send you a list of garages that offer payment plans.",
                         message="Can I pay the £500 excess in instalments?",
                         decision="The excess can't be split by us; send the list of garages that offer payment plans.").flagged


def test_a_decision_that_names_our_error_still_needs_ownership(run_check):
    assert run_check(check, "I can switch it for you at no charge.", message="You sent me the wrong colour.",
                     decision="Warehouse picking error: send the oak table today.").flagged


@pytest.mark.parametrize("message", [
    "We completely forgot about our booking on Friday and didn't show up. Any chance of a refund?",
    "I bought your theory course twice by mistake - two payments of £24.99. Can I get one back?",
    "My repeat prescription delivery didn't come on Friday and I've run out of tablets.",
])
def test_the_customers_own_slip_or_an_unexplained_miss_is_not_our_error(run_check, message):
    assert not run_check(check, "I've sorted it: the correction goes through today.", message=message).flagged


def test_denying_their_own_fault_still_blames_us(run_check):
    message = "It was not my fault: you charged me twice for one order."
    assert run_check(check, "I've refunded the second charge today.", message=message).flagged
