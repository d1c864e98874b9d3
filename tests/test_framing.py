"""Cleaning the model's reply body (drafting/framing.py)."""

from drafting.framing import clean_body


def test_a_paragraph_the_model_wrote_again_is_kept_once():
    looped = ("I'm sorry about the mix-up. The tin can't be refunded once opened.\n\n"
              "The tin can't be refunded once opened. I can offer 50% store credit.\n\n"
              "I'm sorry about the mix-up. The tin can't be refunded once opened.")
    assert clean_body(looped) == ("I'm sorry about the mix-up. The tin can't be refunded once opened.\n\n"
                                  "I can offer 50% store credit.")


def test_a_last_sentence_cut_off_by_the_token_limit_is_dropped():
    assert clean_body("Thanks for waiting. I've refunded the $54 to your card. The tea tin is also a") == \
        "Thanks for waiting. I've refunded the $54 to your card."


def test_complete_replies_are_left_whole():
    for body in ("All sorted", "¡Hecho! Ya está 😊", "Your refund is on its way (3 to 5 business days)",
                 "I've refunded the $54. Is there anything else I can help with?"):
        assert clean_body(body) == body


def test_the_models_own_greeting_goes_whether_on_its_own_line_or_opening_the_first():
    assert clean_body("Dear Javier,\n\nYour refund is on its way.") == "Your refund is on its way."
    assert clean_body("¡Hola Javier! Siento mucho la confusión.") == "Siento mucho la confusión."
    assert clean_body("Hi Liam, thanks for your patience.") == "Thanks for your patience."
    assert clean_body("Hello again is not how I'd start. Your parcel left today.") == \
        "Hello again is not how I'd start. Your parcel left today."


def test_a_copied_sentence_goes_and_the_paragraphs_stay():
    from drafting.framing import drop_echoes

    message = "My order from Dr. Lee's shop arrived broken. Could you send me a prepaid return label?"
    body = ("I'm sorry the vase arrived broken.\n\nCould you please send me a prepaid return label? "
            "I've emailed you one, e.g. for any post office.\n\nA replacement ships today.")
    assert drop_echoes(body, message) == ("I'm sorry the vase arrived broken.\n\n"
                                          "I've emailed you one, e.g. for any post office.\n\nA replacement ships today.")
