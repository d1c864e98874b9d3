import pytest

from evals.checks import condescension
from evals.checks.phrases import find_families
from evals.checks.text import CheckInput


@pytest.mark.parametrize("draft, fragment", [
    ("Hi Ana, please calm down. I've refunded the fee.", "calm down"),
    ("As I already explained, the parcel left on Monday.", "As I already explained"),
    ("It's really quite simple: click Reset.", "It's really quite simple"),
    ("You may not be aware that prices change in April.", "You may not be aware"),
    ("For your information, the store closes at six.", "For your information"),
    ("I'm sure you understand that we can't do more.", "I'm sure you understand"),
    ("It's not a big deal, the charge will drop off.", "It's not a big deal"),
    ("Thanks for waiting, sweetie, it's on its way.", "sweetie"),
    ("Most of our customers manage this without any trouble.", "Most of our customers manage"),
    ("I can see why someone who hasn't used it before might expect that.", "someone who hasn't"),
    ("If you had read the confirmation email, you'd know the time.", "If you had read"),
    ("Let me spell it out: the voucher expired in May.", "Let me spell it out"),
])
def test_flags_talking_down(run_check, draft, fragment):
    result = run_check(condescension, draft)
    assert result.flagged and result.severity == "block"
    assert any(fragment.lower() in span.text.lower() or span.text.lower() in fragment.lower() for span in result.spans)


@pytest.mark.parametrize("draft", [
    "Hi Ana, I just shipped it this morning and you'll have tracking tonight.",
    "I'm sure you'll love the new colour.",
    "It's simple to switch and I can do it for you now.",
    "Clearly our mistake, and I'm sorry: I've refunded the full amount.",
    "Obviously we should have told you sooner, and I've fixed the notification.",
    "I'd be upset too. I've booked an engineer for Thursday morning.",
    "Dear Ms Patel, your replacement is on its way.",
    "That's fine with us, and the new date is confirmed for Friday.",
    "Dr Shah can offer mild sedation, which many nervous patients find helps them relax.",
    "I can pause your enrolment so you can pick it up when things settle down.",
])
def test_innocent_uses_of_trigger_words_pass(run_check, draft):
    assert not run_check(condescension, draft).flagged


def test_suggests_a_rewrite_for_known_phrases(run_check):
    result = run_check(condescension, "Please calm down, I'm looking into it.")
    assert result.suggestion == "I understand how frustrating this is."
    assert any(e.startswith("pattern:") for e in result.evidence)


@pytest.mark.parametrize("draft, label", [
    ("What a surprise that the parcel went to the address you typed.", "is sarcastic"),
    ("Funny how the code worked once it was entered correctly.", "is sarcastic"),
    ("Your bill doubled because you doubled your data. Shocking, I know!", "is sarcastic"),
    ("Thanks for the four calls today, we certainly got the message.", "is sarcastic"),
    ("Bless your heart, the voucher is right there in your inbox.", "is sarcastic"),
    ("The joining fee was printed on the sign-up page, so it was always there to see.", "implies the customer did not read or listen"),
    ("As your renewal letter makes clear, the premium changes every year.", "implies the customer did not read or listen"),
    ("Our cancellation guide, which I'd recommend reading before your next booking, explains the fees.", "lectures the customer"),
    ("Self-checkout can be confusing for older customers, so ask a member of staff.", "blames the customer's competence"),
    ("Even if you're not much of an app person, the steps are easy.", "blames the customer's competence"),
    ("At your age the large-print statement may be easier.", "blames the customer's competence"),
    ("If computers aren't really your thing, send me her email and I'll add her.", "blames the customer's competence"),
    ("Most customers spot this in the contract before they sign.", "blames the customer's competence"),
    ("Does that make sense? I'm happy to go over it again more slowly if you need.", "explains as if the customer were slow"),
    ("The fee was sitting right there on your receipt the whole time.", "implies the customer did not read or listen"),
    ("I've printed the date in bold so it's a bit harder to miss this time.", "implies the customer did not read or listen"),
    ("It's only a fiver, but I've refunded it as a goodwill gesture.", "minimises the customer's problem"),
    ("I'm sure you did your best with them, but bulbs planted too shallow rarely come up.", "blames the customer's competence"),
    ("As you may or may not know, the discount needs a valid student card.", "lectures the customer"),
    ("As I mentioned in my last email, we have declined the claim.", "implies the customer did not read or listen"),
    ("There's really no call for all the shouting; your new key is in the post.", "tells the customer how to feel or behave"),
    ("The fee is in clause 3, set out plainly for anyone who bothers to read it.", "implies the customer did not read or listen"),
    ("I'd suggest giving the handbook a proper read before term starts.", "implies the customer did not read or listen"),
    ("No worries at all, love - the refund went out this morning.", "uses a pet name"),
    ("Leave the paperwork with me, my love.", "uses a pet name"),
    ("Your taxi still got you there on time, so no real harm done.", "minimises the customer's problem"),
])
def test_sarcasm_and_presumed_incompetence_are_phrase_findings(run_check, draft, label):
    result = run_check(condescension, draft)
    assert result.flagged and f"pattern: {label}" in result.evidence


@pytest.mark.parametrize("draft", [
    "What a lovely surprise to hear the puppy settled in so well!",
    "God bless, and thank you for your patience.",
    "Your statements are there for you to read any time in the app, and I've emailed this one too.",
    "Our priority line is open to older customers and carers, and I've added your number to it.",
    "Good luck with the move, and message me if the van is late.",
    "Here's hoping for sunshine on your next visit!",
    "Obviously the technician should have tested the sensor before leaving, and that's on us.",
    "As I mentioned on our call, I'd send you the summary in writing, so here it is.",
    "As I mentioned when we spoke on Monday, I wanted an answer for you this week, and I'm pleased to say your appeal has been upheld.",
    "Let me walk you through it slowly, just as you asked.",
    "As I mentioned on the phone, I've cancelled the second payment, and you'll see it back by Friday.",
    "As I said when we spoke, the engineer will come on Tuesday between 8 and 10.",
    "As I mentioned this morning, the replacement is free, postage included.",
    "Obviously we won't charge for a reprint of our own mistake.",
    "Obviously I want you to be happy with it, so tell me if it still smells.",
    "Obviously your safety matters more than the schedule, so we've paused the job.",
    "Obviously medication that has to stay cool should never have been left outside in that heat.",
    "Obviously, no student should receive news like that by mistake.",
    "Obviously, a tour that stops halfway is not what you paid for, so I'd like to refund you in full.",
    "Obviously that doesn't undo what happened to you, but the driver has been suspended.",
    "I've enclosed a copy of the engineer's notes for your reference.",
    "I'm sorry you lost a morning waiting for someone who doesn't turn up.",
])
def test_innocent_neighbours_of_the_sarcasm_and_age_phrases_pass(run_check, draft):
    assert not any(e.startswith("pattern:") for e in run_check(condescension, draft).evidence)


def test_an_explanation_style_the_customer_asked_for_is_not_talking_down(run_check):
    draft = "Of course. Let me walk you through it slowly: look at the back of the router first."
    assert "pattern: explains as if the customer were slow" in run_check(condescension, draft).evidence
    asked = run_check(condescension, draft, message="I'm not great with technology. Could you walk me through it very slowly?")
    assert not any(e.startswith("pattern:") for e in asked.evidence)


@pytest.mark.parametrize("draft", [
    "Obviously that isn't good enough for a shop that sells birthday flowers.",
    "Obviously a kettle that dies in a week isn't what either of us wanted.",
    "Obviously if the part arrives early I'll ring you straight away.",
    "Obviously we'll put it right at no cost.",
    "Obviously that invoice should never have reached you.",
    "For your reference, your new account number is 44817.",
    "To be clear, you won't pay anything for the second visit.",
    "On the day you only need to bring photo ID.",
    "In simple terms, yes, the repair is covered.",
    "If she'd rather sit in the car and wait, that's perfectly fine.",
    "Thanks for the photos of Biscuit, she sounds like a sweetheart!",
    "That was our mistake, not a misunderstanding on your part.",
])
def test_trigger_phrases_used_kindly_are_not_phrase_findings(draft):
    assert not find_families(CheckInput(draft), condescension.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Obviously the app won't update until you sign out.",
    "Obviously you can't park there without a permit.",
    "You just had to press the green button.",
    "You simply need to read the label.",
    "For your reference, the terms are on our website.",
    "To be clear, the fee is not refundable.",
    "Let me put it in layman's terms.",
    "Thanks, sweetheart, the parcel is on its way.",
    "There's been a misunderstanding on your part.",
    "It's totally fine.",
])
def test_the_same_phrases_still_talk_down_elsewhere(draft):
    assert find_families(CheckInput(draft), condescension.FAMILIES)


@pytest.mark.parametrize("draft, label", [
    ("Please try to relax: the engineer is on his way.", "tells the customer how to feel or behave"),
    ("Try not to get yourself into a state about the delay.", "tells the customer how to feel or behave"),
    ("I know it's easy to get worked up about these things.", "tells the customer how to feel or behave"),
    ("Emailing us five times won't get it sorted any faster.", "scolds the customer for getting in touch again"),
    ("For future reference, one email is plenty.", "scolds the customer for getting in touch again"),
    ("Three calls and two emails: you've certainly been persistent!", "is sarcastic"),
    ("Thanks for the charming tone of your last message.", "is sarcastic"),
    ("Your receipt was surprisingly easy to read, so thank you.", "pays a backhanded compliment"),
    ("Payroll deductions are probably new territory for you, so here goes.", "blames the customer's competence"),
    ("Mortgage statements can be confusing if you don't deal with them every day.", "blames the customer's competence"),
    ("Tyres aren't everyone's strong suit, so I'll keep it brief.", "blames the customer's competence"),
    ("I'll keep this short and easy to take in.", "blames the customer's competence"),
    ("You were busy moving house, which is probably why you missed the reminder.", "blames the customer's competence"),
    ("It's a question we mostly get from first-time buyers.", "blames the customer's competence"),
    ("Most tenants sort this out themselves in a few minutes.", "blames the customer's competence"),
    ("In future, please double-check the date before you pay.", "lectures the customer"),
    ("I'd gently remind you that the gate closes at ten.", "lectures the customer"),
    ("The handbook covers it, and I'd recommend giving it a read.", "lectures the customer"),
    ("A £3 fee won't break the bank.", "minimises the customer's problem"),
    ("The increase is less than a latte a week.", "minimises the customer's problem"),
    ("A late parcel can feel bigger than it is.", "minimises the customer's problem"),
    ("It was only a voucher, so nothing was really lost.", "minimises the customer's problem"),
    ("A $20 fee isn't going to break anyone's bank.", "minimises the customer's problem"),
    ("Once you've calmed down, you'll see the offer is fair.", "tells the customer how to feel or behave"),
    ("As per my reply on Monday, the part is on order.", "implies the customer did not read or listen"),
    ("As you'll see if you read the booking terms, the deposit is kept.", "implies the customer did not read or listen"),
    ("The closing date is not exactly hidden on the form.", "implies the customer did not read or listen"),
    ("The size is printed right on the box.", "implies the customer did not read or listen"),
    ("Feel free to read it twice if you need to.", "explains as if the customer were slow"),
])
def test_subtler_talking_down_is_a_phrase_finding(draft, label):
    assert label in [family.label for _, family in find_families(CheckInput(draft), condescension.FAMILIES)]


@pytest.mark.parametrize("draft", [
    "Sit back and relax, because the cleaning crew will handle everything.",
    "I'm sorry you had to write in three times; that's on us.",
    "Thank you for your kind words about Priya.",
    "Your photos made it easy for us to approve the claim straight away.",
    "This is new territory for us too, and we got it wrong.",
    "If you don't know your account number, your email address works too.",
    "Next time you visit, ask for Sam and he'll look after you.",
    "It's only a five-minute walk from the station, and there's free parking too.",
    "Our new ovens are surprisingly quiet, and I've added one to your order at no cost.",
    "It's just a quick form, so it won't take long.",
    "We usually get this question from customers who have just moved, so here is our guide.",
    "Our new billing page can be confusing for many customers, and that's on us.",
    "Thank you for your kind manner on the phone.",
    # "to be clear" that takes a fear away, and "obviously" about their effort or what they should never have had
    "To be clear, your account is not in default and nothing is going to collections.",
    "To be clear, you were only charged once.",
    "You obviously put a lot of care into the quilt, and we let you down.",
    "Obviously you shouldn't have received a late notice at all; that was our bug.",
    "Obviously, losing your booking twice isn't acceptable.",
])
def test_innocent_neighbours_of_the_subtler_phrases_pass(draft):
    assert not find_families(CheckInput(draft), condescension.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Obviously this is the last thing you need two weeks before your wedding, and I'm sorry it's given you such a fright.",
    "As I mentioned on the phone this morning, the £25 credit has now gone on, and you'll see it in the app.",
])
def test_siding_with_them_and_recapping_what_is_done_pass(draft):
    assert not find_families(CheckInput(draft), condescension.FAMILIES)


def test_a_recap_of_what_they_were_told_before_still_talks_down():
    assert find_families(CheckInput("As I mentioned before, the credit has now gone on, so there's nothing to chase."),
                         condescension.FAMILIES)


@pytest.mark.parametrize("draft", [
    "Obviously you should never leave medication in a hot car.",
    "Obviously, the form needs to be signed before we can process it.",
])
def test_an_obviously_that_sides_with_nobody_still_talks_down(run_check, draft):
    assert any(e.startswith("pattern:") for e in run_check(condescension, draft).evidence)
