"""Errors with messages that say what went wrong and what to do next."""

from __future__ import annotations


class ActorgraphError(Exception):
    """Base class: every error actorgraph raises on purpose."""


class InputError(ActorgraphError):
    """A file or record cannot be read as a document.

    ``source`` names the file (and line, for JSON Lines) so a batch can report it and go on.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class StoreError(ActorgraphError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(ActorgraphError):
    """A named actor, document or fact is not in the store."""
