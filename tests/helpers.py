"""Helpers the tests share (fixtures live in conftest.py)."""

from __future__ import annotations

import email
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def chroma_executable() -> str:
    candidate = Path(sys.executable).with_name("chroma")
    return str(candidate) if candidate.exists() else shutil.which("chroma") or "chroma"


def run_cli(*args: str, env: dict | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `replycoach` command in a subprocess, as a user would."""
    full_env = dict(os.environ) | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "replycoach", *args], capture_output=True, text=True,
        env=full_env, cwd=REPO, input=input, timeout=600,
    )


class SmtpInbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"
