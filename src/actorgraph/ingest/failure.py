"""What the readers yield when a file or record cannot be read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Failure:
    """A file, record or sidecar that could not be read, and what to do about it.

    ``fatal`` is True when nothing was read from ``source`` (the file or line is skipped).
    It is False for a problem with metadata only (an unreadable sidecar, bad front matter,
    a ``published`` value that is not a date): the document is still yielded, right after
    this failure, without the bad metadata.
    """

    source: str  # "path" or "path:LINE"
    message: str  # one sentence: what is wrong and what to do
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
