"""Errors a user can act on. Each carries one line saying what is wrong and what to do.

The CLI prints ``str(error)`` to stderr with no traceback; the UI shows it in an error box.
"""

from __future__ import annotations


class ReplyCoachError(Exception):
    """Base class: ``message`` says what is wrong, ``hint`` what to run or change."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class ConfigError(ReplyCoachError):
    """A setting is missing or invalid."""


class InputError(ReplyCoachError):
    """The user's input (a file, a message, a draft) cannot be used as given."""

    exit_code = 2


class StoreError(ReplyCoachError):
    """The knowledge store is missing, empty, unreachable or unusable."""


class ModelError(ReplyCoachError):
    """A model file is missing or fails verification, or a provider failed."""
