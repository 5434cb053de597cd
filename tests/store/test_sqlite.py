"""SQLite itself: what only the SQLite engine does (the ``sqlite_store`` fixture)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from store_engines import rows

from actorgraph.errors import StoreError
from actorgraph.store import Store, open_store
from actorgraph.store.sqlite import SQLiteDatabase


def test_sqlite_connection_uses_wal_and_foreign_keys(sqlite_store: Store) -> None:
    assert sqlite_store.engine == "sqlite"
    assert rows(sqlite_store, "PRAGMA journal_mode") == [("wal",)]
    assert rows(sqlite_store, "PRAGMA foreign_keys") == [(1,)]


def test_sqlite_path_or_other_string_opens_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for location in (tmp_path / "a.db", str(tmp_path / "b.db"), "relative", "postgresql.db"):
        with open_store(location) as store:
            assert store.engine == "sqlite"
            assert Path(store.location).exists()


def test_sqlite_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database, just some notes\n" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(path)


def test_sqlite_pooled_connection_crosses_threads_and_maps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_store(path).close()
    pooled = SQLiteDatabase(path, check_same_thread=False, mmap_size=2**20)
    plain = SQLiteDatabase(path)
    seen: list[object] = []

    def use(db: SQLiteDatabase) -> None:
        try:
            seen.append(db.execute("PRAGMA mmap_size").fetchone()[0])
        except sqlite3.ProgrammingError as exc:
            seen.append(type(exc))

    try:
        for db in (pooled, plain):
            worker = threading.Thread(target=use, args=(db,))
            worker.start()
            worker.join()
    finally:
        pooled.close()
        plain.close()
    assert seen == [2**20, sqlite3.ProgrammingError]


def test_sqlite_opening_waits_while_another_connection_holds_the_file(tmp_path: Path) -> None:
    # Switching a new file to WAL does not honour the busy timeout: two processes opening
    # a new store at once failed one of them with "database is locked".
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE held (x)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO held VALUES (1)")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with open_store(path) as store:
            assert store.check() == []
    finally:
        release.join()
        other.close()
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()
    assert mode == ("wal",)
