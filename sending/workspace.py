"""The agent's work in progress, saved as they work, so a reload or a failure loses nothing."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from sqlalchemy import delete, insert, select, update

from sending.database import engine, workspaces
from replycoach.settings import Settings


def save_workspace(settings: Settings, workspace_id: str, data: dict) -> None:
    payload = json.dumps(data, ensure_ascii=False, default=str)
    now = datetime.now(timezone.utc)
    with engine(settings).begin() as connection:
        changed = connection.execute(update(workspaces).where(workspaces.c.id == workspace_id)
                                     .values(data=payload, updated_at=now)).rowcount
        if not changed:
            connection.execute(insert(workspaces).values(id=workspace_id, data=payload, updated_at=now))


def load_workspace(settings: Settings, workspace_id: str) -> dict | None:
    with engine(settings).connect() as connection:
        row = connection.execute(select(workspaces.c.data).where(workspaces.c.id == workspace_id)).first()
    return json.loads(row.data) if row else None


def delete_workspace(settings: Settings, workspace_id: str) -> None:
    with engine(settings).begin() as connection:
        connection.execute(delete(workspaces).where(workspaces.c.id == workspace_id))
