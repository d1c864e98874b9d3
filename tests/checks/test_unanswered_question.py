import pytest

from evals.checks import unanswered_question as check
from evals.checks.questions import customer_questions

MESSAGE = "Hi, two questions: does the Oak desk come assembled, and can you deliver on a Saturday?"


def test_finds_questions_with_and_without_question_marks():
    found = [q.text for q in customer_questions(
        "My bill went up. Why? I want to know when the old price comes back. Are you kidding me? "
        "I think I was charged twice?\n\n> On Monday you wrote: can we help?")]
    assert found == ["Why?", "I want to know when the old price comes back."]


def test_compound_questions_are_split():
    assert len(customer_questions(MESSAGE)) == 2


def test_a_missed_question_is_flagged_and_named(run_check):
    result = run_check(check, "Hi Halima, the Oak desk arrives flat-packed with all the tools you need.", message=MESSAGE)
    assert result.flagged and "Saturday" in result.reason


def test_every_question_answered_passes(run_check):
    draft = "Hi Halima, the Oak desk arrives flat-packed, and yes, we deliver on Saturdays between 8am and 1pm."
    assert not run_check(check, draft, message=MESSAGE).flagged


def test_when_questions_need_a_time(run_check):
    message = "You charged me a late fee. Why? And when will I get it back?"
    assert run_check(check, "I've removed the late fee; the payment was processed late on our side.",
                     message=message).flagged
    assert not run_check(check, "I've removed the late fee; it will be back on your card within 3 to 5 business days.",
                         message=message).flagged


def test_a_single_request_answered_by_an_action_passes(run_check):
    assert not run_check(check, "I've sent the red kettle today with a prepaid label for the blue one.",
                         message="You sent the wrong colour. Can you fix it?").flagged


def test_without_a_message_nothing_is_judged(run_check):
    assert not run_check(check, "Thanks for your patience.").flagged


def test_reports_and_rhetoric_are_not_questions():
    assert customer_questions("I drove over after work and it wasn't ready, and nobody could tell me why.") == []
    assert customer_questions("How is that fair? Why am I being punished for your mistake?") == []
    assert [q.text for q in customer_questions("Please let me know why it failed.")] == ["Please let me know why it failed."]


def test_when_inside_a_why_question_does_not_ask_for_a_time(run_check):
    message = "Why did my card get blocked when I put a travel notice on the app?"
    draft = "Your travel notice was attached to your old card, so our fraud checks didn't see it. I've moved it across."
    assert not run_check(check, draft, message=message).flagged


def test_how_quickly_asks_for_a_time(run_check):
    message = "You charged us twice. How quickly can you get it back to us?"
    assert not run_check(check, "I've refunded it today; it takes 5 to 10 business days to reach your card.",
                         message=message).flagged
    assert run_check(check, "I've refunded the second charge.", message=message).flagged


def test_who_pays_is_answered_by_an_offer(run_check):
    assert not run_check(check, "I've refunded the £40 taxi fare to your card.",
                         message="Your driver never turned up. Who is going to pay for my taxi?").flagged


def test_what_now_questions_are_too_vague_to_judge(run_check):
    assert not run_check(check, "I've booked you on the 07:10 flight and sent hotel vouchers.",
                         message="Our flight was cancelled. What are we supposed to do now?").flagged


def test_a_single_question_is_answered_by_the_whole_reply_in_any_words(run_check):
    message = "The hedge you planted last month is going brown. What's wrong with it?"
    draft = "The most likely cause is too little water in the hot spell. We'll replace the plants free of charge."
    assert not run_check(check, draft, message=message).flagged


def test_a_single_question_still_needs_the_time_or_amount_it_asks_for(run_check):
    message = "When will my refund arrive?"
    assert run_check(check, "Thanks for your patience. I've looked at your account.", message=message).flagged
    assert not run_check(check, "It will reach your card within 5 working days.", message=message).flagged


def test_one_of_several_questions_left_out_is_flagged(run_check):
    message = "Can you deliver on a Saturday? And is there parking at the depot?"
    draft = "Yes, we deliver on Saturdays between 8am and 1pm, and I've booked you in for this weekend."
    assert run_check(check, draft, message=message).flagged


@pytest.mark.parametrize("message, draft", [
    ("Can I bring my son to the same slot? Also, does he have to pay?",
     "Yes, you can bring your son to the same slot on Saturday. His check-up is free as he's under 18."),
    ("My daughter took two doses by mistake. Should I be worried? What should we do now?",
     "Two doses close together is unlikely to cause harm. Give the next one at the usual time."),
    ("I'd like a refund for Saturday. Do I have to apply?",
     "Yes, Saturday is being refunded, and you don't need to do anything: it goes back to your card."),
])
def test_yes_no_questions_answered_in_other_words_pass(run_check, message, draft):
    assert not run_check(check, draft, message=message).flagged


def test_a_cost_question_with_no_word_on_cost_is_still_flagged(run_check):
    message = "Can you move my booking to Friday? Will it cost more?"
    assert run_check(check, "I've moved your booking to Friday at 10am.", message=message).flagged


def test_a_lead_in_before_a_colon_or_dash_does_not_hide_the_question():
    assert [q.text for q in customer_questions("Also, quick question: does the cage still let me use the strap lugs? "
                                               "Thinking of buying one.")] == ["does the cage still let me use the strap lugs?"]
    assert len(customer_questions("Three questions: can I install a camera myself? Will my fee go up? "
                                  "And can I pause monitoring while I'm away?")) == 3
    assert [q.text for q in customer_questions("Thanks for the refund. PS - is there parking at the depot?")] == [
        "is there parking at the depot?"]
    assert customer_questions("Order 4471: I think it was charged twice?") == []


def test_how_far_ahead_asks_for_a_time(run_check):
    message = "How far ahead do I need to book the van?"
    assert not run_check(check, "Book it at least 3 days before your move and it's yours.", message=message).flagged
    assert run_check(check, "You can book the van online or over the phone.", message=message).flagged


def test_a_time_in_years_answers_how_long(run_check):
    message = "Before we sign: how long will the battery last? And who honours the warranty if you go bankrupt?"
    draft = ("The battery is guaranteed for 10 years or 6,000 cycles. The warranty comes from the cell manufacturer "
             "and is insured, so it stays valid even if we stopped trading.")
    assert not run_check(check, draft, message=message).flagged


@pytest.mark.parametrize("message, expected", [
    ("Hi, is my repair finished? Also I forgot to remove my game disc from it — can you send that back too?",
     ["is my repair finished?", "can you send that back too?"]),
    ("Three things: can I add bottles to my next box, can I pay by bank transfer, and what's the latest I can change my address?",
     ["can I add bottles to my next box", "can I pay by bank transfer", "what's the latest I can change my address?"]),
    ("I'd like to know whether the club has a veterans' team, and please tell me when trials are.",
     ["I'd like to know whether the club has a veterans' team", "please tell me when trials are."]),
    ("Honestly I'm also wondering whether I'm still paying the full rate.", ["Honestly I'm also wondering whether I'm still paying the full rate."]),
    ("I'd also like to know if this month's plant can be returned.", ["I'd also like to know if this month's plant can be returned."]),
    ("Is it really too much to ask for the coffee machine to work?", []),
    ("The van came late — about two hours — and the driver was rude.", []),
])
def test_every_question_in_a_sentence_is_found(message, expected):
    assert [q.text for q in customer_questions(message)] == expected
