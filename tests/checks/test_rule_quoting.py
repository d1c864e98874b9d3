import pytest

from evals.checks import rule_quoting
from evals.checks.phrases import find_families
from evals.checks.text import CheckInput


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


@pytest.mark.parametrize("draft", [
    "Adding a second driver costs £12 per month for the rest of your policy year.",
    "We filed your form under the wrong section, which is why it showed as missing.",
    "The dental work isn't covered under your pet policy, but I've arranged 20% off at our partner vet.",
    "Yours is no exception: it has been found and arrives tomorrow.",
    "Under our late delivery policy, your delivery fee is refunded automatically.",
    "Our policy is to keep your deposit with an independent bank, which is there to protect you.",
    "Our terms normally only allow exchanges, but as the jacket was faulty my manager agreed to a full refund.",
    "Under our breakage policy we'll replace the vase, and you won't have to pay anything.",
])
def test_policy_words_that_grant_or_mean_something_else_are_not_phrase_findings(draft):
    assert not find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "As per our policy, refunds are only given within 14 days.",
    "Under clause 12, cancellations require 30 days' notice.",
    "Under our returns policy we replace the item once, and no further replacements are given.",
    "Our terms don't allow refunds, and you won't get one for a change of mind.",
    "Rules are rules, and there are no exceptions.",
    # the authority named by any noun, with any verb of refusal, or with no determiner at all
    "Obviously, venue policy prohibits outside food on match days.",
    "The ticket rules only include one piece of hand luggage.",
    "Unfortunately, policy doesn't permit us to reopen a closed claim.",
    "I'm afraid procedure requires a signature from the account holder.",
])
def test_citations_that_refuse_still_are(draft):
    assert find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("message", [
    "Is there a rule about minimum playing time? And can I talk to the coach?",
    "What's your policy on late returns for library laptops?",
    "Can you tell me what the terms say about cancelling in the first month?",
])
def test_citing_the_rule_the_customer_asked_about_answers_them(message):
    draft = "Our guideline is that every player plays at least half of each match, and I'll remind the coaches of it."
    assert not find_families(CheckInput(draft, message=message), rule_quoting.FAMILIES)


@pytest.mark.parametrize("message", [
    "I want a refund for the match tickets.",
    "Why won't you refund me? The rules are a joke.",  # a complaint about the rules is not a question about what they say
])
def test_a_rule_the_customer_did_not_ask_about_is_still_cited_against_them(message):
    draft = "Per our policy, tickets are non-refundable once the match has started."
    assert find_families(CheckInput(draft, message=message), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Walkers are paid for late cancellations - that's simply how the platform works, so the $22 stays charged.",
    "That's how the scheme is set up, I'm afraid: companion vouchers can only be used in economy.",
    "Only the organiser can hand over the role; that's the way family plans are built, and I have to go by it.",
    "The booking conditions are what they are, so the deposit stays with us.",
    "Our guidelines don't stretch to room changes in the first two weeks of term.",
    "The warranty wording is very specific about accidental damage, and it doesn't leave me any room to cover this.",
])
def test_hiding_behind_how_things_are_set_up_is_rule_quoting(draft):
    assert find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft, message", [
    ("You earn a point for every pound, and points turn into vouchers each quarter. That's how the scheme works.",
     "How does the points scheme work?"),
    ("Our warranty covers accidental damage, so I've booked the repair free of charge; the wording doesn't leave any doubt.", None),
])
def test_explaining_how_something_works_is_not(draft, message):
    assert not find_families(CheckInput(draft, message=message), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "There's a fixed process for replacement passes and it doesn't bend: the original has to be reported lost first.",
    "I can't do it free, I'm afraid: the ten-day window isn't mine to bend, whoever's asking.",
    "You signed up for twelve months, and that's that.",
    "I can't do 15%: head office sets these limits, not me.",
])
def test_saying_the_rule_cannot_bend_is_rule_quoting(draft):
    assert find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "The new carbon frame won't bend, even under a heavy rider.",
    "I've refunded the deposit, and that's that sorted for you.",
    "Head office sets the prices, but I've matched the lower one for you.",
])
def test_bending_and_head_office_in_other_senses_are_not(draft):
    assert not find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Under our access policy your carer comes free: simply tick 'I'm bringing a carer' and the second ticket costs nothing.",
    "Under our lost-baggage policy, if it hasn't turned up after 21 days it is declared lost and you'll be compensated for it.",
    "Under our access policy, you or another carer can come in free with her.",
    "Under our price match policy we match any authorised UK stockist, and the shop you found is one.",
    "Our policy is to offer three monthly payments with no interest for anyone who needs them.",
])
def test_a_policy_that_gives_the_customer_something_is_not_cited_against_them(draft):
    assert not find_families(CheckInput(draft), rule_quoting.FAMILIES)


def test_a_policy_that_caps_what_they_get_still_is():
    draft = "In line with our policy, parcels without extended cover are compensated up to $100."
    assert find_families(CheckInput(draft), rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Our policy is that every assistance dog travels, no exceptions, and this driver broke it.",
    "The terms of your contract give you 28 days' notice of any increase, and our letter didn't do that.",
    "Our pricing policy is to always charge what's advertised, and you were right to hold us to the terms on the website.",
])
def test_a_rule_held_against_us_is_not_cited_against_the_customer(draft):
    assert not find_families(CheckInput(draft), rule_quoting.FAMILIES)


def test_a_rule_the_customer_broke_is_still_cited_against_them():
    assert find_families(CheckInput("Per our policy, you didn't follow the return steps, so no refund is possible."),
                         rule_quoting.FAMILIES)


@pytest.mark.parametrize("draft", [
    "I found comparable seats in section 104, row 7, and they're yours at no extra cost.",
    "You're now enrolled in BIO 110, section 02, Mondays and Wednesdays at 10 a.m.",
])
def test_a_seat_or_class_section_is_not_a_clause(draft):
    assert not find_families(CheckInput(draft), rule_quoting.FAMILIES)


def test_a_numbered_section_of_the_terms_still_is():
    assert find_families(CheckInput("Section 4.2 of the agreement states that deposits are non-refundable."),
                         rule_quoting.FAMILIES)
