"""One SQLAlchemy database for the audit log and the agent workspaces.

SQLite under REPLYCOACH_HOME by default; any SQLAlchemy URL works through
REPLYCOACH_DATABASE_URL, e.g. ``postgresql+psycopg://user:pass@host/db`` (install psycopg).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from replycoach.errors import StoreError
from replycoach.settings import Settings

metadata = MetaData()

sent_replies = Table(
    "sent_replies", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),  # pending | sent | failed
    Column("customer_name", String(200)),
    Column("customer_email", String(320)),
    Column("channel", String(16), nullable=False),
    Column("subject", String(500)),
    Column("message", Text),
    Column("reply", Text, nullable=False),
    Column("verdict", String(16), nullable=False),
    Column("checks", Text, nullable=False),  # JSON: the review's checks
    Column("sources", Text, nullable=False),  # JSON: the passages the draft used
    Column("override_reason", Text),
    Column("decision", Text),
    Column("model", String(200)),
    Column("prompt_version", String(200)),
    Column("delivery", String(16)),  # smtp | outbox
    Column("delivery_detail", Text),  # the .eml path, or the SMTP server; the error when failed
    Column("workspace", String(64)),
)

workspaces = Table(
    "workspaces", metadata,
    Column("id", String(64), primary_key=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("data", Text, nullable=False),  # JSON: inputs, draft, undo history, analysis, review
)


@lru_cache(maxsize=4)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def engine(settings: Settings) -> Engine:
    url = settings.effective_database_url
    try:
        return _engine(url)
    except (SQLAlchemyError, OSError, ImportError) as error:
        shown = url.split("@")[-1]  # never show a password from the URL
        raise StoreError(f"cannot open the database {shown} ({type(error).__name__}: {str(error)[:120]})",
                         "check REPLYCOACH_DATABASE_URL") from None
