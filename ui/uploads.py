"""Keep uploaded files under REPLYCOACH_HOME so the store can be rebuilt from them later."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from knowledge.documents import load_document
from replycoach.errors import InputError


def safe_name(name: str) -> str:
    """A file name with no directory parts or odd characters ("../x y.md" -> "x_y.md")."""
    cleaned = re.sub(r"[^\w.-]+", "_", Path(name).name).strip("._")
    if not cleaned:
        raise InputError(f"{name!r} is not a usable file name")
    return cleaned


def save_uploads(files, folder: Path) -> list[Path]:
    """Check, then keep, Streamlit UploadedFile objects (anything with .name and .getvalue()).

    Every file is read as a document first, so a bad upload is refused before it can replace a
    good file of the same name in ``folder``.
    """
    with tempfile.TemporaryDirectory() as staging:
        staged = []
        for upload in files:
            path = Path(staging) / safe_name(upload.name)
            path.write_bytes(upload.getvalue())
            load_document(path)
            staged.append(path)
        folder.mkdir(parents=True, exist_ok=True)
        return [Path(shutil.copy2(path, folder / path.name)) for path in staged]
