from __future__ import annotations

import re

from store_engines import rows

from actorgraph.store import open_store
from actorgraph.store.migrations import available, migrate


def test_migrations_applied_once_and_recorded(store_url: str) -> None:
    open_store(store_url).close()
    with open_store(store_url) as store:  # a second open applies nothing
        versions = [row[0] for row in rows(store, "SELECT version FROM schema_migrations")]
        assert versions == [m.version for m in available()]
        assert versions[0] == 1
        assert migrate(store._db) == []


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in available()]
    assert versions == list(range(1, len(versions) + 1))


def test_migrations_sql_avoids_sqlite_only_syntax() -> None:
    sqlite_only = re.compile(
        r"AUTOINCREMENT|WITHOUT ROWID|PRAGMA|INSERT OR|\bGLOB\b|datetime\(|\bEND\b\s*(INTEGER|,)"
        # REAL is a 4-byte float in PostgreSQL: 0.9 would come back as 0.8999999761581421.
        r"|\bREAL\b",
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
