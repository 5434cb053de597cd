from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from actorgraph.errors import StoreError
from actorgraph.store import open_store
from actorgraph.store.migrations import available, migrate


def test_migrations_applied_once_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    open_store(path).close()
    with open_store(path):  # a second open applies nothing
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    versions = [row[0] for row in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == [m.version for m in available()]
    assert versions[0] == 1
    assert migrate(conn) == []
    conn.close()


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in available()]
    assert versions == list(range(1, len(versions) + 1))


def test_migrations_sql_avoids_sqlite_only_syntax() -> None:
    sqlite_only = re.compile(
        r"AUTOINCREMENT|WITHOUT ROWID|PRAGMA|INSERT OR|\bGLOB\b|datetime\(|\bEND\b\s*(INTEGER|,)",
        re.IGNORECASE,
    )
    for migration in available():
        for statement in migration.statements():
            assert not sqlite_only.search(statement), statement


def test_migrations_statements_split_on_semicolons() -> None:
    first = available()[0]
    statements = first.statements()
    assert all(";" not in s for s in statements)
    assert any(s.startswith("CREATE TABLE documents") for s in statements)


def test_migrations_refuse_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database, just some notes\n" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(path)
