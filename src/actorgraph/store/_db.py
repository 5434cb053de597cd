"""One connection to one database engine, behind the small interface the store needs.

The store's SQL is written once, with ``?`` placeholders, in the subset SQLite and
PostgreSQL share. A :class:`Database` runs it on its engine and supplies the few things
that differ: placeholders, how a write transaction takes the one writer's lock, and how
broken foreign keys are found.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, ClassVar, Protocol


class Cursor(Protocol):
    """The part of a DB-API cursor the store reads rows through."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Database(ABC):
    """A connection in autocommit mode: every transaction is opened by :meth:`transaction`."""

    engine: ClassVar[str]
    """``"sqlite"`` or ``"postgresql"``."""
    error: type[Exception]
    """The engine's DB-API ``Error``: the store turns it into a StoreError."""
    location: str
    """Where the data lives, for messages (a path, or a URL without its password)."""

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        """Run one statement with ``?`` placeholders."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement with ``?`` placeholders once per row."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Return a write transaction: committed on exit, rolled back on an exception.

        Writers take it one at a time, so what a transaction reads stays true until it
        commits; readers are never blocked.
        """

    def in_transaction(self) -> bool:
        """Return whether a transaction is open outside :meth:`transaction`.

        Engines that cannot tell cheaply answer False.
        """
        return False

    @abstractmethod
    def foreign_key_problems(self) -> list[str]:
        """Return one line per row whose foreign key points at nothing."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""


def orphan_problem(table: str, parent: str, key: str) -> str:
    """Return the line :meth:`Database.foreign_key_problems` reports for one row."""
    return f"{table} row {key}: foreign key to {parent} points at nothing"
