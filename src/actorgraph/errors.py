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


class LimitError(ActorgraphError):
    """A document is too large or too slow to analyse within the configured limits.

    ``setting`` names the Settings field to raise (its environment variable is
    ``ACTORGRAPH_<SETTING>``); the message says so.
    """

    def __init__(self, setting: str, message: str) -> None:
        super().__init__(message)
        self.setting = setting

    def __reduce__(self) -> tuple[type[LimitError], tuple[str, str]]:
        return type(self), (self.setting, str(self))  # crosses process boundaries intact


class AmbiguousError(ActorgraphError):
    """A name matches several actors; ``candidates`` lists them as (id, name)."""

    def __init__(self, message: str, candidates: list[tuple[str, str]]) -> None:
        super().__init__(message)
        self.candidates = candidates


class UsageError(ActorgraphError):
    """A command or function was called with options that cannot work together."""
