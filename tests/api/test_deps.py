"""The store pool behind every route: reuse, threads, failures, and reads beside a writer."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from actorgraph.api import create_app
from actorgraph.api._deps import Stores
from actorgraph.errors import NotFoundError


@pytest.fixture
def copy_db(seed_db: Path, tmp_path: Path) -> Path:
    """A copy of the seed store that a test may lock and change."""
    return Path(shutil.copy(seed_db, tmp_path / "copy.db"))


@pytest.fixture
def stores(copy_db: Path) -> Iterator[Stores]:
    pool = Stores(str(copy_db))
    yield pool
    pool.close()


def _count(stores: Stores, table: str) -> int:
    with stores.open() as store:
        return int(store._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_deps_pool_reuses_a_store_and_lends_it_to_one_request_at_a_time(
    stores: Stores,
) -> None:
    with stores.open() as first, stores.open() as second:
        assert first is not second
    with stores.open() as again:
        assert again is first or again is second


def test_deps_pool_store_serves_another_thread(stores: Stores) -> None:
    with stores.open() as store:
        store.summary()
    seen: list[object] = []

    def read() -> None:
        with stores.open() as lent:
            seen.append(lent)
            seen.append(lent.summary()["documents"])

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    assert seen == [store, 1]


def test_deps_pool_keeps_a_store_after_a_not_found(stores: Stores) -> None:
    with pytest.raises(NotFoundError), stores.open() as store:
        store.actor_profile("nobody")
    with stores.open() as again:
        assert again is store


def test_deps_pool_closes_a_store_after_a_database_error(stores: Stores) -> None:
    with pytest.raises(sqlite3.OperationalError), stores.open() as store:
        store._db.execute("SELECT * FROM no_such_table")
    with stores.open() as again:
        assert again is not store
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        store._db.execute("SELECT 1")


def test_deps_pool_never_lends_a_store_left_in_a_transaction(stores: Stores, copy_db: Path) -> None:
    with stores.open() as store:
        store._db.execute("BEGIN IMMEDIATE")
    with stores.open() as again:
        assert again is not store
    # Closing it rolled back and let go of the write lock.
    other = sqlite3.connect(copy_db, timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_deps_pool_reads_what_another_connection_committed(stores: Stores, copy_db: Path) -> None:
    before = _count(stores, "documents")
    con = sqlite3.connect(copy_db, isolation_level=None)
    try:
        con.execute(
            "INSERT INTO documents (id, text, added_at, updated_at) "
            "VALUES ('x', 'x', '2025-01-01', '2025-01-01')"
        )
    finally:
        con.close()
    assert _count(stores, "documents") == before + 1


def test_api_reads_succeed_while_a_writer_holds_the_write_lock(copy_db: Path) -> None:
    """An ingest holds the write lock for each document it saves; reads must not wait on it."""
    with TestClient(create_app(str(copy_db)), base_url="http://127.0.0.1") as client:
        amiri = client.get("/api/actors", params={"q": "Amiri"}).json()["items"][0]
        writer = sqlite3.connect(copy_db, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute("UPDATE actors SET name = 'Renamed' WHERE id = ?", (amiri["id"],))
            document = writer.execute("SELECT id FROM documents").fetchone()[0]
            urls = (
                "/api/actors?q=Amiri",
                f"/api/actors/{amiri['id']}",
                f"/api/actors/{amiri['id']}/graph?depth=2",
                f"/api/actors/{amiri['id']}/timeline",
                f"/api/documents/{document}",
                "/api/summary",
            )
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, (url, response.text)
            # Nothing the writer has not committed is seen.
            profile = client.get(f"/api/actors/{amiri['id']}").json()
            assert profile["actor"]["name"] == "Hadi al-Amiri"
            writer.execute("COMMIT")
        finally:
            writer.close()
        profile = client.get(f"/api/actors/{amiri['id']}").json()
        assert profile["actor"]["name"] == "Renamed"
