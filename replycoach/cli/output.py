"""Shared output helpers for the subcommands: JSON to stdout, progress bars on a terminal."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager


def print_json(value) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@contextmanager
def progress_bar(description: str):
    """Yields a ``progress(done, total)`` callback: a tqdm bar on a terminal, else silent."""
    if not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(desc=description, unit="chunk", file=sys.stderr, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()
