"""The store: documents, analyses and actors in SQLite (a path) or PostgreSQL (a URL).

Both engines run the same numbered migrations and the same queries behind one
:class:`Store`; only the connection (``sqlite.py``, ``postgres.py``) differs. Every SQL
statement of actorgraph is written in this package: the API and the exports call Store
methods, and the store hands the resolver (``actorgraph.resolve``, below it) the reads it
needs as an ``ActorIndex``.
"""

from __future__ import annotations

from pathlib import Path

from actorgraph.store._store import SaveResult, Store
from actorgraph.store.rows import (
    ActorRow,
    DocumentMentions,
    EventRow,
    Profile,
    QuoteRow,
    RelationRow,
)

__all__ = [
    "ActorRow",
    "DocumentMentions",
    "EventRow",
    "Profile",
    "QuoteRow",
    "RelationRow",
    "SaveResult",
    "Store",
    "is_url",
    "open_pooled",
    "open_store",
]


def open_store(location: str | Path, *, create: bool = True) -> Store:
    """Open (and migrate) the store at ``location``.

    A ``postgresql://`` or ``postgres://`` URL opens that PostgreSQL database; anything
    else is the path of a SQLite file, created if missing. With ``create=False`` (the
    commands that only read) a store that does not exist yet is a StoreError naming it:
    a missing SQLite file, or a database or file with no actorgraph tables in it.
    """
    # Each engine's module is imported only when used: psycopg loads for a URL alone.
    if is_url(location):
        from actorgraph.store import postgres

        return postgres.open_store(str(location), create=create)
    from actorgraph.store import sqlite

    return sqlite.open_store(location, create=create)


def open_pooled(location: str, *, mmap_size: int = 0) -> Store:
    """Open one connection of a pool to the store at ``location``, without migrating it.

    Open the store once with :func:`open_store` first: pooled connections skip the
    migration check, which takes the write lock. A pooled SQLite connection may pass from
    thread to thread (to one at a time) and reads ``mmap_size`` bytes of the file through
    a memory map all connections share.
    """
    if is_url(location):
        from actorgraph.store.postgres import PostgresDatabase

        return Store(PostgresDatabase(location), migrated=True)
    from actorgraph.store.sqlite import SQLiteDatabase

    db = SQLiteDatabase(location, check_same_thread=False, mmap_size=mmap_size)
    return Store(db, migrated=True)


def is_url(location: str | Path) -> bool:
    """Return whether ``location`` is a PostgreSQL URL rather than a SQLite path."""
    return isinstance(location, str) and location.lower().startswith(
        ("postgresql://", "postgres://")
    )
