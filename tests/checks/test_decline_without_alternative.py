import pytest

from evals.checks import decline_without_alternative as check


def test_a_flat_no_is_flagged(run_check):
    result = run_check(check, "Hi Oksana, sorry, we can't extend trials. Hope to see you back!")
    assert result.flagged and result.spans[0].text.startswith("Hi Oksana, sorry, we can't extend")


def test_a_no_with_an_offer_passes(run_check):
    draft = "I can't refund the opened coffee, but I can give you store credit for half the price today."
    assert not run_check(check, draft).flagged


def test_an_offer_in_another_sentence_passes(run_check):
    draft = "We can't offer a later checkout on Sundays. I'd be happy to store your luggage until your taxi."
    assert not run_check(check, draft).flagged


def test_the_decision_alternatives_must_appear(run_check):
    draft = "Unfortunately we can't refund opened cosmetics. I've checked your order history."
    result = run_check(check, draft, decision="decline refund; offer 50% store credit or 15% off next order")
    assert result.flagged and "store credit" in result.reason


def test_no_decline_no_flag(run_check):
    assert not run_check(check, "Your refund is on its way and will arrive in 3 to 5 business days.").flagged


def test_the_customers_card_being_declined_is_not_our_decline(run_check):
    assert not run_check(check, "I'm sorry your card was declined abroad. I've fixed the travel note.").flagged


def test_passive_declines_count_too(run_check):
    assert run_check(check, "Hi Dana, opened items cannot be refunded. Thanks for understanding.").flagged
    assert run_check(check, "Sale items are non-refundable. Have a good day.").flagged


@pytest.mark.parametrize("draft", [
    "Hi Ola, I'm not authorised to waive the booking fee. Kind regards, Sam",
    "Hi Ola, the replacement cost is non-negotiable. Regards, Sam",
    "Hi Ola, we don't have any loan vans available on Friday. Regards, Sam",
    "Hi Ola, I'm afraid the cancellation fee stands. Regards, Sam",
    "Hi Ola, I can't let you board with an expired pass. Regards, Sam",
    "Hi Ola, sorry, we aren't able to price-match market stalls. Regards, Sam",
    "Hi Ola, I wish I could help, but there's no way to restore a deleted save. Sorry, Sam",
    "Hi Ola, the slot was reserved for you, so we won't be refunding the £90. Regards, Sam",
    "Hi Ola, accidental damage is excluded, so this isn't something we can cover. Regards, Sam",
])
def test_more_ways_of_saying_no(run_check, draft):
    assert run_check(check, draft).flagged


@pytest.mark.parametrize("draft", [
    "We can't refund the course, but you can transfer your place to a friend at no charge.",
    "We can't take card details by email. We do accept bank transfers, and the details are on your invoice.",
    "I can't cancel the fine as it stands. If you send a photo of your permit, we'll cancel it straight away.",
    "We can't offer a private room on the NHS, but you do have two options: a shared bay, or a private room for £90.",
    "I can't remove the fee entirely, but I've reduced it to $20 as a goodwill gesture.",
    "We can't refund the deposit. I can, however, move your booking to any date next year.",
    "The deposit can't be returned, but it can be moved to any date in the next 18 months.",
    "Tickets are non-transferable. You can, however, list yours on our resale page at face value.",
    "I'm not able to change that. In the meantime, I've turned on read-only access for your team.",
    "Your claim can't be paid under this cover. I've asked the underwriter to review it and will call you Friday.",
    "We can't refund the fee. I'd like to offer you a $30 credit toward your next stay instead.",
    "We can't cancel it today. What we can do is have the crew take it to the kerb on the day.",
])
def test_next_steps_and_partial_help_count_as_an_alternative(run_check, draft):
    assert not run_check(check, draft).flagged


def test_the_decisions_alternative_in_the_drafts_own_words_counts(run_check):
    draft = "The creator agreement lists both fees, so the deduction stands. Attached is a breakdown statement of each."
    assert not run_check(check, draft, decision="Fees stand. Offer a breakdown statement.").flagged


def test_a_but_that_still_says_no_is_not_an_offer(run_check):
    draft = "I've looked into it carefully, but I'm afraid we aren't able to honour or extend the voucher. Kind regards"
    assert run_check(check, draft, decision="Decline honouring or extending the expired voucher.").flagged


def test_what_the_decision_rules_out_is_not_an_alternative(run_check):
    draft = "I can't waive the fee, but I can move it so you pay it at closing, which keeps the $995 with you for now."
    assert not run_check(check, draft, decision="Fee cannot be waived; it can be paid at closing instead of up front.").flagged


def test_the_customer_not_paying_is_not_our_refusal(run_check):
    assert not run_check(check, "I've refunded the $19, so you're not paying for a month you won't use.").flagged
