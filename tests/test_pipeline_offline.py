"""The drafting pipeline with the real offline model: the structure of what comes back, not its wording."""

import pytest

from drafting.contracts import DraftRequest
from drafting.messages import detect_language
from drafting.pipeline import DraftPipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(ingested_settings):
    return DraftPipeline(ingested_settings)


def test_an_email_reply_is_structured_reviewed_and_grounded(pipeline, ingested_settings):
    draft = pipeline.run(DraftRequest(
        message="I opened the toothpaste and hate the taste. Can I get my money back? I'm really annoyed.",
        customer_name="Dana Whitfield", decision="decline refund (opened personal care); offer 50% store credit"))
    assert draft.text.startswith("Hi Dana,\n\n") and draft.text.endswith(ingested_settings.agent_name)
    body = draft.text.split("\n\n")[1]
    assert len(body.split()) >= 8 and "[" not in body
    assert draft.review.verdict in ("send", "revise", "block") and len(draft.review.checks) == 12
    assert {s.collection for s in draft.sources} == {"playbook", "policy"}
    assert draft.analysis.questions and draft.analysis.upset
    assert draft.model.startswith("qwen2.5-coder-1.5b-instruct") and draft.seconds > 0
    assert set(draft.timings) >= {"prepare", "analyse", "write", "review"}
    assert draft.candidates[0].how == "generated"


def test_a_chat_reply_is_short_and_streams(pipeline):
    tokens = []
    draft = pipeline.run(DraftRequest(message="where is my order BH-10442?? it's 3 days late", customer_name="Sam",
                                      channel="chat"), on_token=tokens.append)
    assert draft.text.startswith("Hi Sam! ") and "Best regards" not in draft.text
    assert len(draft.text.split()) < 120 and len(tokens) > 3 and "first_token" in draft.timings


def test_a_reply_comes_back_in_the_customers_language(pipeline):
    draft = pipeline.run(DraftRequest(
        message="Hola, mi pedido llegó con la lámpara rota. ¿Me pueden enviar otra? Estoy muy decepcionada.",
        customer_name="Lucía", decision="send a replacement lamp at no cost; no need to return the broken one"))
    assert draft.analysis.language == "es"
    assert draft.text.startswith("Hola Lucía,") and detect_language(draft.text) == "es"
