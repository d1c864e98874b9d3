"""Send a reviewed reply and keep the record: text, checks, sources, override, model, prompt.

The gate is run again on the final text here, not trusted from the page: a ``block`` verdict
cannot be sent, and ``revise`` needs an override reason. The audit row is written before
delivery (status ``pending``) and updated after it, so a failed send is recorded with its
error, and the agent's draft stays where it was.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import func, insert, or_, select, update

from evals.contracts import BLOCK, REVISE, Review
from evals.gate import review
from replycoach.errors import InputError, ReplyCoachError
from replycoach.settings import Settings
from sending.database import engine, sent_replies
from sending.delivery import DeliveryError, build_email, deliver

MIN_OVERRIDE_CHARS = 10


class SendRefused(ReplyCoachError):
    """The gate does not allow this reply to be sent as it is."""


@dataclass
class Outgoing:
    reply: str
    channel: str = "email"
    customer_name: str | None = None
    customer_email: str | None = None
    subject: str | None = None
    message: str | None = None
    decision: str | None = None
    offers: list[str] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    model: str | None = None
    prompt_version: str | None = None
    override_reason: str | None = None
    workspace: str | None = None


@dataclass
class SendResult:
    record_id: int
    review: Review
    method: str
    detail: str


def final_review(outgoing: Outgoing) -> Review:
    return review(outgoing.reply, message=outgoing.message, decision=outgoing.decision, offers=outgoing.offers,
                  customer_name=outgoing.customer_name)


def send(settings: Settings, outgoing: Outgoing) -> SendResult:
    result = final_review(outgoing)
    if result.verdict == BLOCK:
        names = ", ".join(check.name for check in result.flagged if check.severity == BLOCK)
        raise SendRefused(f"the reply is blocked ({names})", "fix the blocking problems first; they cannot be overridden")
    reason = (outgoing.override_reason or "").strip()
    if result.verdict == REVISE and len(reason) < MIN_OVERRIDE_CHARS:
        raise SendRefused("the review asks for revisions", f"fix them, or give a reason to override "
                          f"(at least {MIN_OVERRIDE_CHARS} characters)")
    if outgoing.channel == "email" and settings.smtp_host and not (outgoing.customer_email or "").strip():
        raise InputError("the customer's email address is missing", "enter it before sending")
    subject = outgoing.subject or f"Your message to {settings.company_name}"
    email = build_email(settings, (outgoing.customer_email or "").strip() or None, outgoing.customer_name,
                        subject if subject.lower().startswith("re:") else f"Re: {subject}", outgoing.reply)
    with engine(settings).begin() as connection:
        record_id = connection.execute(insert(sent_replies).values(
            created_at=datetime.now(timezone.utc), status="pending", customer_name=outgoing.customer_name,
            customer_email=outgoing.customer_email, channel=outgoing.channel, subject=email["Subject"],
            message=outgoing.message, reply=outgoing.reply, verdict=result.verdict,
            checks=json.dumps([c.to_json() for c in result.checks]), sources=json.dumps(outgoing.sources),
            override_reason=reason or None, decision=outgoing.decision, model=outgoing.model,
            prompt_version=outgoing.prompt_version, workspace=outgoing.workspace,
        )).inserted_primary_key[0]
    try:
        delivered = deliver(settings, email)
    except DeliveryError as error:
        _finish(settings, record_id, "failed", None, str(error))
        raise
    _finish(settings, record_id, "sent", delivered.method, delivered.detail)
    return SendResult(record_id, result, delivered.method, delivered.detail)


def _finish(settings: Settings, record_id: int, status: str, method: str | None, detail: str) -> None:
    with engine(settings).begin() as connection:
        connection.execute(update(sent_replies).where(sent_replies.c.id == record_id)
                           .values(status=status, delivery=method, delivery_detail=detail))


def history(settings: Settings, status: str | None = "sent", verdict: str | None = None, overridden: bool | None = None,
            search: str | None = None, limit: int = 500) -> list[dict]:
    query = select(sent_replies).order_by(sent_replies.c.created_at.desc()).limit(limit)
    if status:
        query = query.where(sent_replies.c.status == status)
    if verdict:
        query = query.where(sent_replies.c.verdict == verdict)
    if overridden is True:
        query = query.where(sent_replies.c.override_reason.is_not(None))
    elif overridden is False:
        query = query.where(sent_replies.c.override_reason.is_(None))
    if search:
        pattern = f"%{search.lower()}%"
        query = query.where(or_(func.lower(sent_replies.c.reply).like(pattern),
                                func.lower(sent_replies.c.customer_name).like(pattern),
                                func.lower(sent_replies.c.subject).like(pattern)))
    with engine(settings).connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
    for row in rows:
        row["checks"] = json.loads(row["checks"])
        row["sources"] = json.loads(row["sources"])
        row["flagged"] = [c["name"] for c in row["checks"] if c["flagged"]]
    return rows


CSV_COLUMNS = ("id", "created_at", "status", "customer_name", "customer_email", "channel", "subject", "verdict", "flagged",
               "override_reason", "decision", "model", "prompt_version", "delivery", "delivery_detail", "reply")


def history_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "flagged": " ".join(row["flagged"]), "created_at": str(row["created_at"])})
    return out.getvalue()
