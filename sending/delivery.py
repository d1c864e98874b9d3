"""Deliver a reply: by SMTP when a host is configured, otherwise as an .eml file in the outbox."""

from __future__ import annotations

import re
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from replycoach.errors import ReplyCoachError
from replycoach.settings import Settings

SMTP_TIMEOUT = 20


class DeliveryError(ReplyCoachError):
    """The reply could not be delivered; nothing was lost."""


@dataclass
class Delivered:
    method: str  # smtp | outbox
    detail: str
    message_id: str


def build_email(settings: Settings, to_address: str | None, customer_name: str | None, subject: str,
                body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((settings.company_name, settings.sender))
    if to_address:
        message["To"] = formataddr((customer_name or "", to_address))
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=settings.sender.split("@")[-1] or "replycoach.local")
    message["Date"] = datetime.now(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")
    message.set_content(body)
    return message


def deliver(settings: Settings, message: EmailMessage) -> Delivered:
    if settings.smtp_host:
        return _smtp(settings, message)
    return _outbox(settings, message)


def _smtp(settings: Settings, message: EmailMessage) -> Delivered:
    if not message["To"]:
        raise DeliveryError("the reply has no recipient address", "enter the customer's email address")
    where = f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            refused = smtp.send_message(message)
    except smtplib.SMTPAuthenticationError:
        raise DeliveryError(f"the SMTP server {where} refused the login", "check REPLYCOACH_SMTP_USER and _PASSWORD") from None
    except smtplib.SMTPRecipientsRefused:
        raise DeliveryError(f"the SMTP server {where} refused the recipient {message['To']}", "check the address") from None
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryError(f"could not send through {where} ({type(error).__name__}: {error})",
                            "check the SMTP settings and that the server is running; the reply is kept") from None
    if refused:
        raise DeliveryError(f"the SMTP server {where} refused {', '.join(refused)}", "check the address")
    return Delivered("smtp", where, message["Message-ID"])


def _outbox(settings: Settings, message: EmailMessage) -> Delivered:
    folder = settings.outbox_path
    slug = re.sub(r"[^a-z0-9]+", "-", (message["To"] or "no-recipient").lower()).strip("-")[:40]
    path = folder / f"{datetime.now(timezone.utc):%Y%m%dT%H%M%S%fZ}-{slug}.eml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(message))
    except OSError as error:
        raise DeliveryError(f"could not write to the outbox {folder} ({error})", "set REPLYCOACH_OUTBOX to a writable folder") from None
    return Delivered("outbox", str(path), message["Message-ID"])


def outbox_files(settings: Settings) -> list[Path]:
    return sorted(settings.outbox_path.glob("*.eml")) if settings.outbox_path.exists() else []
