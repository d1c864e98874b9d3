"""Reading .eml files: sender name and text body."""

import pytest

from drafting.eml import read_eml
from replycoach.errors import InputError

PLAIN = (b"From: \"Lee, Jordan\" <jordan@example.com>\r\nTo: help@brightside.example\r\nSubject: Broken blender\r\n"
         b"Content-Type: text/plain; charset=utf-8\r\n\r\nMy blender stopped after two weeks.\r\n\r\n"
         b"On Mon, 3 Mar 2026, Brightside wrote:\r\n> Thanks for your order.\r\n")
HTML = (b"From: Amira Haddad <amira@example.com>\r\nSubject: Late\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Where is my <b>order</b>?</p><p>Amira</p></body></html>")


def test_plain_email_gives_the_sender_name_and_body():
    message = read_eml(PLAIN)
    assert message.sender_name == "Jordan Lee" and message.subject == "Broken blender"
    assert message.text.startswith("My blender stopped after two weeks.")


def test_html_only_email_is_converted_to_text():
    message = read_eml(HTML)
    assert message.sender_name == "Amira Haddad" and "Where is my order?" in message.text


@pytest.mark.parametrize("data", [b"", b"just some text without headers"])
def test_not_an_email(data):
    with pytest.raises(InputError):
        read_eml(data)
