import pytest

from evals.checks import condescension


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
