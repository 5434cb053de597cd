"""SQLite, the default engine: one file, WAL, foreign keys on, one writer at a time."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from actorgraph.errors import StoreError
from actorgraph.store._db import Cursor, Database, orphan_problem
from actorgraph.store._store import SaveResult, Store

__all__ = ["SQLiteDatabase", "SaveResult", "Store", "open_store"]


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open the SQLite store at ``path``, migrating it (and creating it, if ``create``)."""
    if not create and not Path(path).is_file():
        what = "is a directory" if Path(path).is_dir() else "does not exist"
        raise StoreError(
            f"no store at {path}: the file {what}; check --db (or ACTORGRAPH_DB), or build "
            f"one with `actorgraph --db {path} ingest FILES`"
        )
    return Store(SQLiteDatabase(path), create=create)


BUSY_MS = 5000  # how long a statement waits for another connection's lock


def _wal(raw: sqlite3.Connection) -> None:
    """Switch to WAL, waiting while another connection holds the lock.

    The switch needs the file to itself and, unlike other statements, does not wait for
    the busy timeout: two processes opening a new store at once would fail one of them.
    """
    deadline = time.monotonic() + BUSY_MS / 1000
    while True:
        try:
            raw.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class SQLiteDatabase(Database):
    """A connection to one SQLite file."""

    engine = "sqlite"
    error = sqlite3.Error

    def __init__(
        self, path: str | Path, *, check_same_thread: bool = True, mmap_size: int = 0
    ) -> None:
        """Connect to ``path``.

        ``check_same_thread=False`` lets a pool hand the connection to one thread after
        another (never to two at once). ``mmap_size`` bytes of the file are read through
        a memory map shared by every connection (the OS page cache) instead of being
        copied into each connection's own cache: reads of many pages cost a fifth less.
        """
        self.path = Path(path)
        self.location = str(self.path)
        try:
            # Autocommit mode: every transaction is an explicit BEGIN ... COMMIT.
            self.raw = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=check_same_thread
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}; check the path and permissions"
            ) from exc
        try:
            self.raw.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            self.raw.execute("PRAGMA foreign_keys = ON")
            _wal(self.raw)
            self.raw.execute("PRAGMA synchronous = NORMAL")
            # Checkpoint the WAL every ~40 MB rather than 4 MB: an index page changed by
            # many small transactions is copied into the database once, not each time.
            self.raw.execute("PRAGMA wal_autocheckpoint = 10000")
            if mmap_size:
                self.raw.execute(f"PRAGMA mmap_size = {int(mmap_size)}")
        except sqlite3.Error as exc:
            self.raw.close()
            raise StoreError(
                f"cannot open the store at {self.path}: {exc}; is it an actorgraph store?"
            ) from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.raw.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.raw.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock now, so reads inside see what the write will change.
        self.raw.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.raw.in_transaction:  # some errors have rolled back already
                self.raw.execute("ROLLBACK")
            raise
        self.raw.execute("COMMIT")

    def in_transaction(self) -> bool:
        return self.raw.in_transaction

    def foreign_key_problems(self) -> list[str]:
        return [
            orphan_problem(table, parent, str(rowid))
            for table, rowid, parent, _ in self.raw.execute("PRAGMA foreign_key_check")
        ]

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self.raw.close()
