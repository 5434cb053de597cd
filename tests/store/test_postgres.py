"""PostgreSQL itself: URL dispatch, connection errors, placeholders (a real server)."""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from store_engines import PostgresServer, rows
from store_samples import seed

from actorgraph.errors import StoreError
from actorgraph.store import Store, is_url, open_store
from actorgraph.store.postgres import placeholders, redact


@pytest.fixture
def pg_store(postgres_server: PostgresServer) -> Iterator[Store]:
    with postgres_server.fresh_database() as url, open_store(url) as store:
        yield store


def test_postgres_urls_open_postgres_and_paths_sqlite() -> None:
    assert is_url("postgresql://user@host/db")
    assert is_url("POSTGRES://user@host/db")
    assert not is_url("actorgraph.db")
    assert not is_url("postgresql.db")


def test_postgres_store_from_either_scheme(postgres_server: PostgresServer) -> None:
    with postgres_server.fresh_database() as url:
        for scheme_url in (url, url.replace("postgresql://", "postgres://", 1)):
            with open_store(scheme_url) as store:
                assert store.engine == "postgresql"
                assert store.save(seed()) in ("added", "unchanged")
                assert store.summary()["documents"] == 1


def test_postgres_missing_database_is_a_store_error(postgres_server: PostgresServer) -> None:
    url = postgres_server.url("no_such_database")
    with pytest.raises(StoreError, match=r"cannot open the store.*createdb"):
        open_store(url)


def test_postgres_messages_hide_the_password() -> None:
    url = "postgresql://ana:s3cret@127.0.0.1:1/db?password=s3cret&connect_timeout=1"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "s3cret" not in str(caught.value)
    assert redact("postgres://ana:pw@h/db") == "postgres://ana:***@h/db"
    assert redact("postgresql://ana@h/db") == "postgresql://ana@h/db"


def test_postgres_placeholders_become_psycopg_ones() -> None:
    assert placeholders("SELECT ? WHERE a = ?") == "SELECT %s WHERE a = %s"
    assert placeholders("SELECT '50%?', x % 2, ?") == "SELECT '50%%?', x %% 2, %s"
    assert placeholders("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', %s"


def test_postgres_reads_leave_no_transaction_open(pg_store: Store) -> None:
    pg_store.save(seed())
    pg_store.summary()
    pg_store.find_actors("Khazali")
    raw = pg_store._db.raw  # type: ignore[attr-defined]
    assert raw.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def test_postgres_enforces_foreign_keys_and_types(pg_store: Store) -> None:
    pg_store.save(seed())
    assert rows(
        pg_store,
        "SELECT data_type FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        "evidence",
        "confidence",
    ) == [("double precision",)]
    with pytest.raises(psycopg.errors.ForeignKeyViolation):
        pg_store._db.execute("DELETE FROM entities WHERE local_id = 'E6'")
