"""Reading user text for the commands: inline arguments or files, with clear errors."""

from __future__ import annotations

from pathlib import Path

from knowledge.documents import decode_bytes
from replycoach.errors import InputError

MAX_INPUT_BYTES = 10 * 1024 * 1024


def read_text_file(path: Path, what: str) -> str:
    """The text of ``path`` (UTF-8/UTF-16/Windows-1252), refusing missing, huge or binary files."""
    path = Path(path).expanduser()
    if str(path) == "-":
        import sys

        return sys.stdin.read()
    if not path.is_file():
        raise InputError(f"the {what} file {path} does not exist", "check the path")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError(f"the {what} file {path} is over {MAX_INPUT_BYTES // 1024 // 1024} MB", "give a smaller file")
    return decode_bytes(path.read_bytes(), str(path))


def text_or_file(text: str | None, path: Path | None, what: str) -> str | None:
    if text is not None and path is not None:
        raise InputError(f"give the {what} as text or as a file, not both")
    return read_text_file(path, what) if path is not None else text
