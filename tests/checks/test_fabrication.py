import pytest

from evals.checks import fabrication as check


@pytest.mark.parametrize("draft, kind", [
    ("Download it at www.brightside-help.com/manuals/airfryer.", "a link"),
    ("Call our product line on 0800 555 0199.", "a phone number"),
    ("Email returns@brightside-example.com with a photo.", "an email address"),
    ("Under our 90-day satisfaction guarantee you can return anything.", "a guarantee"),
    ("Your order was delayed due to a system outage.", "an excuse"),
    ("Our phones were down yesterday, which is why nobody called.", "an excuse"),
    ("Our Priority Family Promise covers households with babies.", "a guarantee"),
])
def test_flags_invented_facts(run_check, draft, kind):
    result = run_check(check, draft)
    assert result.flagged and kind in result.reason


def test_facts_given_in_the_context_pass(run_check):
    draft = "Call us on 0800 555 0199 and mention the outage; your 30-day return window still applies."
    assert not run_check(check, draft, message="Your outage cut me off. Is 0800 555 0199 the right number?",
                         decision="30-day return window applies").flagged


def test_card_digits_are_not_a_phone_number(run_check):
    assert "phone" not in run_check(check, "Your card 4539 1488 0343 6467 was charged.").reason


@pytest.mark.parametrize("draft", [
    "The double charge was caused by a payment gateway outage on our provider's side.",
    "Our payment processor had a brief outage on Monday, which is why the card was declined.",
    "If you have questions, call our results hotline on 1-888-555-0142.",
    "You can check your place any time at greenhouselane.sg/waitlist.",
    "And with our 100% Pass Guarantee, you can repeat the course free.",
    "Every plant comes with our 60-day healthy plant guarantee.",
    "Our booking system crashed on Friday, which is why the email never came.",
    "A power surge knocked out the card machines that morning.",
    "You're covered by our 21-day no-quibble cancellation guarantee.",
    "Under our 48-hour cooling-off rule, changes after that are charged.",
    "We've also introduced a 10% loyalty discount for returning customers.",
])
def test_invented_outages_numbers_links_and_guarantees_are_flagged(run_check, draft):
    assert run_check(check, draft, message="Why was I charged twice?", decision="Refund the duplicate $89.").flagged


def test_a_guarantee_the_decision_gives_is_not_invented(run_check):
    assert not run_check(check, "Every plant comes with our 60-day healthy plant guarantee.",
                         decision="Remind them of the 60-day plant guarantee.").flagged


def test_a_share_of_something_is_not_a_named_promise(run_check):
    assert not run_check(check, "We refund 50% of the cover cost when you cancel in the first month.").flagged


def test_a_discount_the_decision_gives_is_not_invented(run_check):
    assert not run_check(check, "I've applied a 15% discount to your next box.",
                         decision="Apologise and give 15% off the next box.").flagged
