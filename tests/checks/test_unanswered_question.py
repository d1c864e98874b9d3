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
