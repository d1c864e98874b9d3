"""The History page with AppTest: empty state, filters, a record's details, CSV export."""

import pytest
from streamlit.testing.v1 import AppTest

from helpers import REPO
from replycoach.settings import Settings
from sending.audit import Outgoing, send

PAGE = str(REPO / "ui" / "history_page.py")
GOOD = "Hi Dana,\n\nI'm sorry about the late parcel. I've refunded the delivery fee; it arrives Thursday.\n\nBest regards,\nSam"
REVISE = "Hi Omar,\n\nPlease contact the courier directly about your parcel.\n\nBest regards,\nSam"


def test_empty_history_says_where_replies_come_from(home):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception and "Draft page" in at.info[0].value


def test_lists_filters_and_opens_sent_replies(home):
    settings = Settings(home=home)
    send(settings, Outgoing(reply=GOOD, customer_name="Dana", subject="Late parcel"))
    send(settings, Outgoing(reply=REVISE, customer_name="Omar", subject="Lost parcel",
                            override_reason="The customer asked for the courier's phone number."))
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert not at.exception and len(at.dataframe) == 1
    assert at.get("download_button")
    at.selectbox[0].set_value("revise").run()
    assert [option for option in at.selectbox[2].options] == ["#2 Omar: Re: Lost parcel"]
    assert any("Sent with an override" in w.value for w in at.warning)
    at.selectbox[0].set_value("any").run()
    at.text_input[0].input("delivery fee").run()
    assert any("refunded the delivery fee" in t.value for t in at.text)


def test_failed_sends_are_listed_apart(home):
    from sending.delivery import DeliveryError
    from helpers import free_port
    settings = Settings(home=home, smtp_host="127.0.0.1", smtp_port=free_port())
    with pytest.raises(DeliveryError):
        send(settings, Outgoing(reply=GOOD, customer_name="Dana", customer_email="dana@example.com"))
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    assert at.info  # nothing sent
    at.selectbox[1].set_value("failed").run()
    assert any("could not send" in c.value for c in at.caption)
