"""Send: the gate enforced again, audit records, SMTP (a real aiosmtpd server on loopback) and the outbox."""

import email
import time

import pytest
from aiosmtpd.controller import Controller

from helpers import SmtpInbox, free_port
from replycoach.errors import InputError
from replycoach.settings import Settings
from sending.audit import Outgoing, SendRefused, history, history_csv, send
from sending.delivery import DeliveryError, outbox_files
from sending.workspace import delete_workspace, load_workspace, save_workspace

GOOD = "Hi Dana,\n\nI'm sorry about the late parcel. I've refunded the delivery fee, and it arrives on Thursday.\n\nBest regards,\nSam"
REVISE = "Hi Dana,\n\nPlease contact the courier directly about your parcel.\n\nBest regards,\nSam"
BLOCKED = "Hi Dana,\n\nCalm down. Per our policy we cannot refund it.\n\nBest regards,\nSam"


@pytest.fixture
def smtp_server():
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def outgoing(reply=GOOD, **changes):
    return Outgoing(**(dict(reply=reply, customer_name="Dana", customer_email="dana@example.com", subject="Late parcel",
                            message="Where is my parcel?", sources=[{"title": "T", "source": "s"}], model="m",
                            prompt_version="draft/1") | changes))


def test_send_by_smtp_and_record_everything(tmp_path, smtp_server):
    controller, inbox = smtp_server
    settings = Settings(home=tmp_path, smtp_host="127.0.0.1", smtp_port=controller.port, sender="care@brightside.example")
    result = send(settings, outgoing())
    assert result.method == "smtp" and result.review.verdict == "send"
    deadline = time.monotonic() + 5
    while not inbox.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    received = inbox.messages[0]
    assert received["To"] == "Dana <dana@example.com>" and received["Subject"] == "Re: Late parcel"
    assert "refunded the delivery fee" in received.get_payload()
    record = history(settings)[0]
    assert record["status"] == "sent" and record["verdict"] == "send" and record["model"] == "m"
    assert record["sources"] == [{"title": "T", "source": "s"}] and len(record["checks"]) == 12


def test_without_smtp_the_reply_goes_to_the_outbox(tmp_path):
    settings = Settings(home=tmp_path)
    result = send(settings, outgoing())
    files = outbox_files(settings)
    assert result.method == "outbox" and len(files) == 1 and str(files[0]) == result.detail
    assert "refunded the delivery fee" in email.message_from_bytes(files[0].read_bytes()).get_payload()


def test_a_blocked_reply_cannot_be_sent_even_with_a_reason(tmp_path):
    with pytest.raises(SendRefused, match="blocked"):
        send(Settings(home=tmp_path), outgoing(BLOCKED, override_reason="the customer asked for it plainly"))
    assert history(Settings(home=tmp_path), status=None) == []


def test_revise_needs_an_override_reason_which_is_recorded(tmp_path):
    settings = Settings(home=tmp_path)
    with pytest.raises(SendRefused, match="override"):
        send(settings, outgoing(REVISE))
    send(settings, outgoing(REVISE, override_reason="The courier has the parcel; customer asked for their number."))
    record = history(settings, overridden=True)[0]
    assert record["verdict"] == "revise" and record["override_reason"].startswith("The courier")
    assert "passing_the_buck" in record["flagged"]


def test_a_failed_delivery_says_why_and_is_recorded_as_failed(tmp_path):
    settings = Settings(home=tmp_path, smtp_host="127.0.0.1", smtp_port=free_port())
    with pytest.raises(DeliveryError, match="could not send through 127.0.0.1"):
        send(settings, outgoing())
    failed = history(settings, status="failed")
    assert len(failed) == 1 and "could not send" in failed[0]["delivery_detail"]
    assert history(settings) == []


def test_smtp_needs_a_recipient(tmp_path, smtp_server):
    controller, _ = smtp_server
    with pytest.raises(InputError, match="email address is missing"):
        send(Settings(home=tmp_path, smtp_host="127.0.0.1", smtp_port=controller.port), outgoing(customer_email=""))


def test_history_filters_and_csv(tmp_path):
    settings = Settings(home=tmp_path)
    send(settings, outgoing())
    send(settings, outgoing(REVISE, customer_name="Omar", override_reason="Customer asked for the courier's number."))
    assert [r["customer_name"] for r in history(settings, verdict="revise")] == ["Omar"]
    assert [r["customer_name"] for r in history(settings, search="delivery fee")] == ["Dana"]
    csv_text = history_csv(history(settings))
    assert csv_text.splitlines()[0].startswith("id,created_at,status") and csv_text.count("\n") >= 3


def test_workspaces_save_load_and_delete(tmp_path):
    settings = Settings(home=tmp_path)
    save_workspace(settings, "w1", {"draft": "one"})
    save_workspace(settings, "w1", {"draft": "two", "history": ["one"]})
    assert load_workspace(settings, "w1") == {"draft": "two", "history": ["one"]}
    delete_workspace(settings, "w1")
    assert load_workspace(settings, "w1") is None


def test_an_unopenable_database_is_a_clear_error(tmp_path):
    from replycoach.errors import StoreError
    settings = Settings(home=tmp_path, database_url="postgresql+psycopg://user:secret@127.0.0.1:1/none")
    with pytest.raises(StoreError) as error:
        history(settings)
    assert "secret" not in str(error.value) and "REPLYCOACH_DATABASE_URL" in str(error.value)
