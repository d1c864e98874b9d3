"""Trimming policy passages for the small model's prompt (drafting/grounding.py), with the real embedder."""

from drafting.grounding import passage_sentences, snippet

BILLING = """## Billing

- Duplicate or incorrect charges are refunded in full as soon as the agent confirms them.
- The Brightside Plus membership renews every year. It can be cancelled and refunded in full within 14 days of a renewal.
- Price adjustments: if an item's price drops within 14 days of purchase, the difference is given as store credit on request.
"""


def test_list_items_are_sentences_without_headings_or_bullets():
    assert passage_sentences(BILLING) == [
        "Duplicate or incorrect charges are refunded in full as soon as the agent confirms them.",
        "The Brightside Plus membership renews every year.",
        "It can be cancelled and refunded in full within 14 days of a renewal.",
        "Price adjustments: if an item's price drops within 14 days of purchase, the difference is given as store credit on request.",
    ]


def test_the_rule_that_fits_wins_even_when_the_customer_shares_few_of_its_words():
    """Words alone chose the membership rule for a price drop, and the model proposed a refund to the card."""
    message = "Bought the stand mixer 10 days ago for $249 and today it's $199 on your site. I want the $50 back on my card."
    chosen = snippet(BILLING, message, 30)
    assert "price drops" in chosen and "cancelled and refunded in full" not in chosen
    assert snippet(BILLING, "You charged me twice for the same order.", 20).startswith("Duplicate or incorrect charges")


def test_an_empty_passage_gives_an_empty_snippet():
    assert snippet("## Billing\n", "anything") == ""
