import pytest

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


@pytest.mark.parametrize("draft", [
    "That's rotten luck with the timing. I've moved your booking to Saturday.",
    "A bill like that after a hard month is a lot to face. I've split it into three payments.",
    "You're far from alone in feeling nervous before a move. The crew arrives at 8am.",
    "It's completely natural to worry on the first week. He settles within ten minutes of drop-off.",
    "Missing the ferry would wear anyone down. I've rebooked you on the 9:30 at no charge.",
    "I can totally see why you'd be cross. The right size went out today.",
    "That delay cost you a day's pay, and I'm also sorry nobody called you back.",
    "I'd be fed up too after two wasted mornings. The engineer is booked for Monday.",
    "I'd hate for you to lose another day. The engineer is booked for Monday.",
    "What a miserable start to the week. The engineer is booked for Monday.",
    "That's a really understandable worry. Your data is deleted within 30 days.",
    "It's very natural to wonder whether it will work. The engineer is booked for Monday.",
    "I'm just glad you're safe. The recovery truck is on its way.",
    "Please don't be hard on yourself; it happens. The engineer is booked for Monday.",
    "I know a one-name confirmation isn't very reassuring. Both of you are booked in.",
])
def test_acknowledgement_in_other_words_passes(run_check, draft):
    assert not run_check(check, draft, message=UPSET).flagged


@pytest.mark.parametrize("message", [
    "The nurse had three goes at my arm and I'm dreading next month. I was shaking afterwards.",
    "Brown water from the taps and I have a baby. I'm scared to use it.",
    "my bag was 2kg over and they charged me £60. seriously??",
    "Our dog passed away on Sunday. Please cancel his grooming appointment.",
    "We're stuck at the station with a toddler and nobody is answering the phone.",
    "My wallet was stolen on your premises and I can't cope with another form.",
])
def test_fear_and_disbelief_read_as_upset(run_check, message):
    assert run_check(check, "We apologise for the inconvenience. Your appointment is on Monday.", message=message).flagged


@pytest.mark.parametrize("draft", [
    "I can see from your account that the order shipped. It arrives Monday.",
    "I can tell you that the engineer is booked for Monday.",
    "Many customers find the app quicker. Your appointment is on Monday.",
])
def test_facts_that_borrow_empathy_words_do_not_count(run_check, draft):
    assert run_check(check, draft, message=UPSET).flagged


@pytest.mark.parametrize("draft", [
    "Hi Dana,\n\nSorry you've had such a slow start with the scanner. The driver link is below.",
    "An hour on hold is an hour too long - sorry. I've called the depot myself.",
    "I know a week without hot water is exhausting. The engineer comes Monday.",
    "Please don't feel bad about asking. Yes, you can pay in two parts.",
    "Congratulations on the new house! Your service moves over on the 3rd.",
])
def test_sorry_reassurance_and_shared_news_acknowledge_feelings(run_check, draft):
    assert not run_check(check, draft, message=UPSET).flagged


def test_sorry_you_feel_that_way_is_not_acknowledgement(run_check):
    assert run_check(check, "Sorry you feel that way. The fee stands.", message=UPSET).flagged


@pytest.mark.parametrize("message", [
    "We're throwing a party on Friday and don't want to annoy the neighbours. Can we use the garden until 11?",
    "The fridge is making a clicking noise at night. Should I be worried?",
    "I left my wool coat out in the rain. Is it ruined?",
])
def test_worry_about_others_or_asking_about_it_is_not_upset(run_check, message):
    assert not run_check(check, "The garden is open until 11pm, and the clicking is normal.", message=message).flagged
