"""What differs between the engines when a test looks beneath the store's API."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg

from actorgraph.store import Store

TABLES = (
    "documents", "stage_runs", "actors", "entities", "mentions", "actor_aliases", "dates",
    "quotes", "relations", "events", "event_actors", "evidence",
)  # fmt: skip

# A row's physical address: it changes when the row is deleted and written again.
ROW_ID = {"sqlite": "rowid", "postgresql": "ctid"}
INTEGRITY_ERROR: dict[str, type[Exception]] = {
    "sqlite": sqlite3.IntegrityError,
    "postgresql": psycopg.IntegrityError,
}


def rows(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Run ``sql`` (``?`` placeholders) on the store's own connection."""
    return [tuple(row) for row in store._db.execute(sql, params).fetchall()]


def counts(store: Store) -> dict[str, int]:
    return {t: rows(store, f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}


@contextmanager
def foreign_keys_off(store: Store) -> Iterator[None]:
    """Let the statements inside break foreign keys, as a careless tool could."""
    on, off = {
        "sqlite": ("PRAGMA foreign_keys = ON", "PRAGMA foreign_keys = OFF"),
        "postgresql": ("RESET session_replication_role", "SET session_replication_role = replica"),
    }[store.engine]
    store._db.execute(off)
    try:
        yield
    finally:
        store._db.execute(on)


class PostgresServer:
    """A running server: hands out fresh databases by URL."""

    def __init__(self, server: Any) -> None:
        self._server = server
        self._names = (f"store_{n}" for n in itertools.count(1))

    def url(self, database: str = "postgres") -> str:
        return str(self._server.get_uri(database=database))

    def admin(self, sql: str) -> None:
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(sql.encode())  # our own names, never input

    @contextmanager
    def fresh_database(self) -> Iterator[str]:
        """Create an empty database, yield its URL, then drop it."""
        name = next(self._names)
        self.admin(f"CREATE DATABASE {name}")
        try:
            yield self.url(name)
        finally:
            self.admin(f"DROP DATABASE {name} WITH (FORCE)")
