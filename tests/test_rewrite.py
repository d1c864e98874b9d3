"""Rewrite actions keep facts, names, quotes and the signature (fake model)."""

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from drafting.rewrite import protected_items, rewrite
from replycoach.errors import InputError, ModelError
from replycoach.settings import Settings

DRAFT = ("Hi Dana,\n\nI'm so sorry about the \"burnt taste\" you described. I've refunded $12.95 for order BH-49980, "
         "and it reaches your card by Friday.\n\nBest regards,\nSam")


def run(action, *responses, **kwargs):
    return rewrite(DRAFT, action, Settings(), llm=FakeListChatModel(responses=list(responses)), customer_name="Dana",
                   **kwargs)


def test_protected_items_are_the_facts():
    items = protected_items(DRAFT, ["Dana"])
    assert {"$12.95", "BH-49980", "Friday", '"burnt taste"', "Dana"} <= set(items)


def test_a_rewrite_keeps_greeting_and_signature():
    result = run("shorter", 'Sorry about the "burnt taste". $12.95 for BH-49980 is refunded; it arrives by Friday.')
    assert result.text.startswith("Hi Dana,\n\n") and result.text.endswith("Best regards,\nSam")
    assert "BH-49980" in result.text and result.review.verdict in ("send", "revise")


def test_a_rewrite_that_drops_a_fact_is_retried():
    result = run("warmer", "So sorry! Your refund is on its way.",
                 'So sorry about the "burnt taste"! I refunded $12.95 for BH-49980; it reaches you by Friday.')
    assert "$12.95" in result.text and result.notes and "asked again" in result.notes[0]


def test_a_rewrite_that_keeps_dropping_facts_is_refused():
    with pytest.raises(ModelError, match="would lose"):
        run("formal", "Your refund is on its way.", "Your refund is on its way, kindly.")


@pytest.mark.parametrize("action, instruction, error", [
    ("louder", None, "unknown rewrite action"), ("custom", "  ", "instruction is empty"),
    ("custom", "x" * 400, "over 300 characters"),
])
def test_bad_actions(action, instruction, error):
    with pytest.raises(InputError, match=error):
        run(action, "unused", instruction=instruction)


def test_an_empty_draft_cannot_be_rewritten():
    with pytest.raises(InputError, match="no draft"):
        rewrite("  ", "shorter", Settings(), llm=FakeListChatModel(responses=["x"]))
