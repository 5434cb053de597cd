"""Apply the numbered SQL migrations (``migrations/mNNN_name.sql``) in order.

Each migration runs in its own transaction and is recorded in ``schema_migrations``,
so opening a store twice applies nothing the second time. One set of files serves both
engines: plain SQL that SQLite and PostgreSQL both accept (DOUBLE PRECISION, not REAL,
which is 4 bytes in PostgreSQL). Statements are split on ``;`` at the end of a line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from importlib import resources

from actorgraph.errors import StoreError
from actorgraph.store._db import Database

_NAME = re.compile(r"^m(\d{3})_(\w+)\.sql$")

_CREATE_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """Split the script into statements, dropping ``--`` comment lines."""
        lines = [ln for ln in self.sql.splitlines() if not ln.lstrip().startswith("--")]
        parts = re.split(r";[ \t]*$", "\n".join(lines), flags=re.MULTILINE)
        return [p.strip() for p in parts if p.strip()]


def available() -> list[Migration]:
    """Return the migrations shipped with the package, ordered by version."""
    found: list[Migration] = []
    for entry in resources.files("actorgraph.store").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            sql = entry.read_text(encoding="utf-8")
            found.append(Migration(int(match.group(1)), match.group(2), sql))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number: {versions}; renumber one of them")
    return found


def applied(db: Database) -> list[int]:
    """Return the versions recorded in ``schema_migrations``."""
    # In a write transaction: two processes creating it at once would clash in PostgreSQL.
    with db.transaction():
        db.execute(_CREATE_TABLE)
    return [row[0] for row in db.execute("SELECT version FROM schema_migrations ORDER BY 1")]


def is_store(db: Database) -> bool:
    """Return whether ``db`` holds a store: its ``schema_migrations`` table lists a version."""
    try:
        row = db.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()
    except db.error:
        return False
    return bool(row and row[0])


def migrate(db: Database) -> list[int]:
    """Apply pending migrations; return the versions applied now.

    Each runs in a write transaction that first checks it is still pending, so two
    processes opening a new store at once apply it once.
    """
    done = set(applied(db))
    newly: list[int] = []
    for migration in available():
        if migration.version in done:
            continue
        try:
            with db.transaction():
                if _recorded(db, migration.version):
                    continue
                for statement in migration.statements():
                    db.execute(statement)
                db.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, _now()),
                )
        except db.error as exc:
            raise StoreError(
                f"migration m{migration.version:03d}_{migration.name} failed: {exc}; "
                "the store is left at the previous version"
            ) from exc
        newly.append(migration.version)
    return newly


def _recorded(db: Database, version: int) -> bool:
    row = db.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,))
    return row.fetchone() is not None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
