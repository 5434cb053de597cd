"""PostgreSQL, the team engine, through psycopg 3: the same schema and SQL as SQLite.

The store's SQL uses ``?`` placeholders; :func:`placeholders` turns them into psycopg's
``%s`` in this one place. Writers queue on a transaction-level advisory lock, so
PostgreSQL keeps SQLite's one-writer-at-a-time semantics (several ingests may run at
once; their document transactions take turns) while readers are never blocked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg

from actorgraph.errors import StoreError
from actorgraph.store._db import Cursor, Database, orphan_problem
from actorgraph.store._store import Store

# pg_advisory_xact_lock key held by the one writer ("actorgrf" in ASCII).
_WRITE_LOCK = 0x6163746F72677266

# Every foreign key of the store's tables, with its columns in order.
_FOREIGN_KEYS = """
SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
    ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k (num, pos)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.pos),
    ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k (num, pos)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.pos)
FROM pg_constraint c
WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
ORDER BY 1, c.conname
"""


def open_store(url: str, *, create: bool = True) -> Store:
    """Open the store in the PostgreSQL database at ``url``, migrating it as needed.

    The database must exist (``createdb NAME``); the tables are created on first open,
    unless ``create`` is False.
    """
    return Store(PostgresDatabase(url), create=create)


class PostgresDatabase(Database):
    """A connection to one PostgreSQL database, in autocommit mode."""

    engine = "postgresql"
    error = psycopg.Error

    def __init__(self, url: str) -> None:
        self.location = redact(url)
        try:
            self.raw = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot open the store at {self.location}: {exc}; check the URL, that the "
                "server is running and that the database exists (createdb NAME)"
            ) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.raw.execute(placeholders(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(placeholders(sql), rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.raw.transaction():
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield

    def foreign_key_problems(self) -> list[str]:
        # Foreign keys are enforced on every write; only a session that switched them off
        # (session_replication_role = replica) can leave rows that point at nothing.
        problems = []
        for table, parent, columns, targets in self.execute(_FOREIGN_KEYS).fetchall():
            child = [f"x.{_quote(c)}" for c in columns]
            present = " AND ".join(f"{c} IS NOT NULL" for c in child)
            match = " AND ".join(
                f"p.{_quote(t)} = {c}" for t, c in zip(targets, child, strict=True)
            )
            sql = (
                f"SELECT {', '.join(child)} FROM {table} x WHERE {present} "
                f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE {match}) ORDER BY 1"
            )
            for row in self.execute(sql):
                key = ", ".join(f"{c}={v!r}" for c, v in zip(columns, row, strict=True))
                problems.append(orphan_problem(table, parent, key))
        return problems

    def close(self) -> None:
        self.raw.close()


_TOKENS = re.compile(r"'(?:[^']|'')*'|\?|%")


@lru_cache(maxsize=1024)
def placeholders(sql: str) -> str:
    """Return ``sql`` with each ``?`` as ``%s`` and every literal ``%`` doubled, for psycopg.

    A ``?`` inside a quoted string stays a question mark.
    """

    def swap(token: re.Match[str]) -> str:
        text = token.group()
        return "%s" if text == "?" else text.replace("%", "%%")

    return _TOKENS.sub(swap, sql)


def redact(url: str) -> str:
    """Return ``url`` without its password, for messages."""
    url = re.sub(r"(://[^:/?#@]*:)[^@/?#]*@", r"\1***@", url)
    return re.sub(r"(?i)(password=)[^&]*", r"\1***", url)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
