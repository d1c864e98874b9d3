"""Read a customer's .eml file: the sender's name and the message text (plain part preferred,
HTML converted otherwise). Quoted history and signatures are trimmed later, with the rest of
the message cleaning (:mod:`drafting.messages`)."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.utils import parseaddr

from knowledge.formats import parse_html
from replycoach.errors import InputError


@dataclass
class EmailMessage:
    sender_name: str | None
    sender_address: str | None
    subject: str
    text: str


def _name_from(header: str) -> tuple[str | None, str | None]:
    name, address = parseaddr(header or "")
    name = name.strip().strip('"') or None
    if name and "," in name:  # "Lee, Jordan" -> "Jordan Lee"
        last, _, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    return name, address or None


def read_eml(data: bytes) -> EmailMessage:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as error:  # the email package raises many kinds on broken input
        raise InputError(f"the .eml file could not be read ({error})", "save the email again as .eml or paste its text") from None
    if not message.keys():
        raise InputError("the .eml file has no email headers", "paste the email text instead")
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        raise InputError("the .eml file has no text body", "paste the email text instead")
    content = body.get_content()
    if body.get_content_type() == "text/html":
        content = "\n\n".join(block.text for block in parse_html(content).blocks)
    name, address = _name_from(message.get("From", ""))
    return EmailMessage(sender_name=name, sender_address=address, subject=str(message.get("Subject", "")),
                        text=re.sub(r"\n{3,}", "\n\n", content).strip())
