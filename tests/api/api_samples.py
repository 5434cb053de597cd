"""Values and helpers shared by the API tests: the token, hostile strings, store snapshots."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

TOKEN = "test-token-0123456789abcdef"

# SQL metacharacters, LIKE wildcards, escapes, NUL and look-alike quotes.
HOSTILE = (
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE actors; --',
    "Amiri' UNION SELECT id, text FROM documents --",
    "%",
    "_",
    "%_%",
    "\\",
    "\\' OR 1=1 --",
    "a\x00b",
    "\u2018 OR 1=1 --\u2019",
    "\u201cAmiri\u201d; DELETE FROM actors",
    "\uff07 OR \uff071\uff07=\uff071",
    "*",
    "?",
    ":name",
    "$1",
    "-1",
    "1e999",
    "../../etc/passwd",
)


def bearer(token: str = TOKEN) -> dict[str, str]:
    """Return the header that carries ``token``."""
    return {"Authorization": f"Bearer {token}"}


def snapshot(db: Path) -> dict[str, tuple[int, str]]:
    """Return each table's row count and a SHA-256 of its rows, in a stable order."""
    out: dict[str, tuple[int, str]] = {}
    with sqlite3.connect(db) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
            out[table] = (len(rows), digest)
    conn.close()
    return out
