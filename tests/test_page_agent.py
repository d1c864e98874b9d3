"""The agent page with Streamlit's AppTest: every button path, with a fake model behind the real pipeline."""

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from streamlit.testing.v1 import AppTest

import ui.services
from drafting.pipeline import DraftPipeline
from helpers import REPO
from replycoach.errors import ModelError
from replycoach.settings import Settings
from sending.audit import history
from sending.delivery import outbox_files

PAGE = str(REPO / "ui" / "agent_page.py")
MESSAGE = "I opened the toothpaste and I hate the taste. Can I get my money back? This is so annoying."
ANALYSIS = json.dumps({"what_happened": "opened toothpaste", "feelings": "annoyed", "wants": "a refund",
                       "questions": ["Can I get my money back?"], "situation": "impossible_demand", "can_grant": "no",
                       "proposed_decision": "decline refund (opened personal care); offer 50% store credit or 15% off next order"})
BODY = ("I'm sorry the taste was such a letdown. I can't refund opened toothpaste, but I can give you 50% store credit "
        "today, or 15% off your next order: which would you like?")


@pytest.fixture
def model(monkeypatch):
    """Queue the fake model's answers; the page's pipeline uses it."""
    responses = []
    monkeypatch.setattr(ui.services, "build_pipeline",
                        lambda settings: DraftPipeline(settings, llm=FakeListChatModel(responses=responses)))
    ui.services._pipeline.clear()
    return responses


def page(workspace=None):
    at = AppTest.from_file(PAGE, default_timeout=90)
    if workspace:
        at.query_params["w"] = workspace
    return at.run()


def button(at, label):
    return next(b for b in at.button if b.label.startswith(label))


def text_area(at, label):
    return next(t for t in at.text_area if t.label.startswith(label))


def drafted(model, *later):
    """A page with a drafted reply; ``later`` are the model's answers for what the test does next
    (the fake model starts over from its first answer once it runs out)."""
    model.extend([ANALYSIS, BODY, *later])
    at = page()
    text_area(at, "Customer's message").input(MESSAGE)
    next(t for t in at.text_input if t.label == "Customer name").input("Dana")
    at.run()
    button(at, "Draft reply").click().run()
    return at


def test_the_page_opens_empty_with_drafting_disabled(ingested_home, model):
    at = page()
    assert not at.exception and at.title[0].value == "Draft a reply"
    assert button(at, "Draft reply").disabled and button(at, "Analyse").disabled


def test_analyse_prefills_the_proposed_decision_and_offers(ingested_home, model):
    model.append(ANALYSIS)
    at = page()
    text_area(at, "Customer's message").input(MESSAGE).run()
    button(at, "Analyse").click().run()
    assert not at.exception
    assert text_area(at, "Your decision").value.startswith("decline refund")
    assert text_area(at, "Alternatives").value == "50% store credit\n15% off next order"
    assert any("proposed from the policy" in i.value for i in at.info)


def test_draft_shows_the_reply_its_review_and_sources(ingested_home, model):
    at = drafted(model)
    assert not at.exception
    reply = text_area(at, "Reply").value
    assert reply.startswith("Hi Dana,") and BODY in reply
    assert any("Ready to send" in m.value for m in at.markdown)
    assert any("SAMPLE customer policy" in m.value for m in at.markdown)


def test_a_flagged_edit_is_highlighted_and_the_suggestion_applies(ingested_home, model):
    at = drafted(model)
    reply = text_area(at, "Reply")
    reply.input(reply.value.replace("I can't refund", "Per our policy, I can't refund")).run()
    assert any("Blocked" in m.value for m in at.markdown)
    assert any("<mark" in m.value and "Per our policy" in m.value for m in at.markdown)
    assert button(at, "Send").disabled
    button(at, "Apply: remove it").click().run()
    assert "Per our policy" not in text_area(at, "Reply").value
    assert not button(at, "Send").disabled


def test_undo_restores_the_previous_draft(ingested_home, model):
    at = drafted(model)
    original = text_area(at, "Reply").value
    text_area(at, "Reply").input(original + " Calm down.").run()
    button(at, "Undo").click().run()
    assert text_area(at, "Reply").value == original


def test_rewrite_buttons_use_the_model(ingested_home, model):
    at = drafted(model, "So sorry the taste let you down! I can't refund opened toothpaste, but 50% store credit "
                        "or 15% off your next order is yours today: which would you like?")
    button(at, "Warmer").click().run()
    assert not at.exception and "So sorry the taste let you down!" in text_area(at, "Reply").value


def test_fix_all_repairs_the_draft(ingested_home, model):
    at = drafted(model)
    text_area(at, "Reply").input(text_area(at, "Reply").value.replace("I'm sorry", "Calm down. I'm sorry")).run()
    button(at, "Fix all").click().run()
    assert "Calm down" not in text_area(at, "Reply").value


def test_send_writes_the_outbox_and_history(ingested_home, model):
    at = drafted(model)
    button(at, "Send").click().run()
    assert at.success and "History as #1" in at.success[0].value
    settings = Settings(home=ingested_home)
    assert len(outbox_files(settings)) == 1 and history(settings)[0]["customer_name"] == "Dana"


def test_revise_needs_an_override_reason(ingested_home, model):
    at = drafted(model)
    text_area(at, "Reply").input(text_area(at, "Reply").value + " Please contact the courier directly.").run()
    assert button(at, "Send").disabled
    next(t for t in at.text_input if t.label.startswith("Reason")).input("Customer asked for the courier's contact.").run()
    button(at, "Send").click().run()
    assert history(Settings(home=ingested_home))[0]["override_reason"].startswith("Customer asked")


def test_everything_survives_a_reload(ingested_home, model):
    at = drafted(model)
    workspace = at.query_params["w"]
    workspace = workspace[0] if isinstance(workspace, list) else workspace
    again = page(workspace)
    assert text_area(again, "Customer's message").value == MESSAGE
    assert BODY in text_area(again, "Reply").value


def test_a_model_failure_says_why_and_keeps_the_inputs(ingested_home, monkeypatch):
    class Broken(DraftPipeline):
        def analyse(self, request):
            raise ModelError("the model at the offline model did not answer within 120 s")
    monkeypatch.setattr(ui.services, "build_pipeline", lambda settings: Broken(settings))
    ui.services._pipeline.clear()
    at = page()
    text_area(at, "Customer's message").input(MESSAGE).run()
    button(at, "Draft reply").click().run()
    assert at.error and "did not answer" in at.error[0].value and "Nothing you typed was lost" in at.error[0].value
    assert text_area(at, "Customer's message").value == MESSAGE


def test_an_eml_upload_fills_message_name_and_address(ingested_home, model):
    at = page()
    eml = (b"From: Jordan Lee <jordan@example.com>\r\nSubject: Blender\r\nContent-Type: text/plain\r\n\r\n"
           b"My blender broke.\r\n\r\nOn Mon, 3 Mar 2026, Shop wrote:\r\n> Thanks\r\n")
    at.get("file_uploader")[0].set_value(("blender.eml", eml, "message/rfc822")).run()
    assert text_area(at, "Customer's message").value.startswith("My blender broke.")
    assert next(t for t in at.text_input if t.label == "Customer name").value == "Jordan Lee"
    assert next(t for t in at.text_input if t.label == "Customer email").value == "jordan@example.com"
