"""Ingest runs: their record, and the run id on the rows each run adds (m007).

A run is opened by :meth:`Store.begin_run` (``batch`` does it for every ingest and load)
and closed by :meth:`Store.end_run`; while it is open every ``save`` marks the actors,
documents, relations, events and quotes it adds with the run's id. ``store.changes``
reads those marks back.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from actorgraph.errors import NotFoundError
from actorgraph.store._db import Database
from actorgraph.store._rows import Rows
from actorgraph.store.filters import marks

# The fact tables that carry run_id, by the row group that writes them.
FACT_TABLES = ("quotes", "relations", "events")
STATUSES = ("running", "done", "interrupted", "failed")


@dataclass(frozen=True)
class Run:
    """One ingest run: what it was given, when, and what it added."""

    id: int
    command: str  # "ingest", "load", or the library function's name
    status: str  # running / done / interrupted / failed
    started_at: str  # ISO 8601, UTC
    ended_at: str | None
    inputs: tuple[str, ...]  # the paths given
    documents_added: int
    documents_updated: int
    documents_unchanged: int  # skipped: stored already with the current stage versions
    documents_failed: int
    actors_added: int
    relations_added: int
    events_added: int
    quotes_added: int

    @property
    def facts_added(self) -> int:
        """Return the relations, events and quotes the run added."""
        return self.relations_added + self.events_added + self.quotes_added


_COLUMNS = (
    "id, command, status, started_at, ended_at, inputs, documents_added, documents_updated, "
    "documents_unchanged, documents_failed, actors_added, relations_added, events_added, "
    "quotes_added"
)


def _run(row: Sequence[object]) -> Run:
    fields = list(row)
    fields[0] = int(str(fields[0]))
    fields[5] = tuple(json.loads(str(fields[5])))
    fields[6:] = [int(str(v)) for v in fields[6:]]
    return Run(*fields)  # type: ignore[arg-type]


def begin(db: Database, *, command: str, inputs: Sequence[str]) -> int:
    """Record a new run as running; return its id (the caller holds the write lock)."""
    (last,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM ingest_runs").fetchone()
    run_id = int(last) + 1
    db.execute(
        "INSERT INTO ingest_runs (id, command, status, started_at, inputs) VALUES (?, ?, ?, ?, ?)",
        (run_id, command, "running", now(), json.dumps(list(inputs), ensure_ascii=False)),
    )
    return run_id


def end(db: Database, run_id: int, *, status: str, unchanged: int, failed: int) -> None:
    """Close a run: its end time, status, document counts and the rows it added.

    Documents added and updated are counted in the store (right even when the run was
    interrupted); ``unchanged`` and ``failed`` are the caller's, as nothing is written
    for them.
    """
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {STATUSES}")

    def n(sql: str) -> int:
        return int(db.execute(sql, (run_id,)).fetchone()[0])

    added = n("SELECT COUNT(*) FROM documents WHERE first_run = ?")
    updated = n(
        "SELECT COUNT(*) FROM documents WHERE last_run = ? "
        "AND (first_run IS NULL OR first_run <> last_run)"
    )
    actors = n("SELECT COUNT(*) FROM actors WHERE first_run = ?")
    facts = [n(f"SELECT COUNT(*) FROM {t} WHERE run_id = ?") for t in FACT_TABLES]
    db.execute(
        "UPDATE ingest_runs SET status = ?, ended_at = ?, documents_added = ?, "
        "documents_updated = ?, documents_unchanged = ?, documents_failed = ?, "
        "actors_added = ?, quotes_added = ?, relations_added = ?, events_added = ? WHERE id = ?",
        (status, now(), added, updated, unchanged, failed, actors, *facts, run_id),
    )


def runs(db: Database, *, limit: int = 50) -> list[Run]:
    """Return the latest runs, newest first."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM ingest_runs ORDER BY id DESC LIMIT ?", (limit,))
    return [_run(r) for r in rows]


def count(db: Database) -> int:
    """Return how many runs are recorded."""
    return int(db.execute("SELECT COUNT(*) FROM ingest_runs").fetchone()[0])


def get(db: Database, run_id: int) -> Run:
    """Return one run; NotFoundError if there is none with this id."""
    row = db.execute(f"SELECT {_COLUMNS} FROM ingest_runs WHERE id = ?", (run_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"no ingest run {run_id}; `actorgraph runs` lists them")
    return _run(row)


def since(db: Database, start: str) -> list[int]:
    """Return the ids of the runs started at or after ``start`` (a date or time), oldest first.

    Times are compared as ISO 8601 text in UTC: "2026-12-03 02:00" is read as
    "2026-12-03T02:00".
    """
    start = start.strip().replace(" ", "T", 1)
    rows = db.execute("SELECT id FROM ingest_runs WHERE started_at >= ? ORDER BY id", (start,))
    return [int(r[0]) for r in rows]


def fact_runs(
    db: Database, document_id: str, groups: Collection[str]
) -> dict[str, list[tuple[int | None, str]]]:
    """Return (run_id, id) of a document's fact rows in ``groups``, before they are replaced."""
    return {
        table: [
            (r[0], r[1])
            for r in db.execute(f"SELECT run_id, id FROM {table} WHERE document_id = ?",
                                (document_id,))
        ]
        for table in FACT_TABLES
        if table in groups
    }  # fmt: skip


def new_actors(db: Database, rows: Rows) -> list[str]:
    """Return the ids of the actors in ``rows`` that the store does not hold yet."""
    ids = sorted({r[0] for r in rows.actors})
    if not ids:
        return []
    found = {r[0] for r in db.execute(f"SELECT id FROM actors WHERE id IN ({marks(ids)})", ids)}
    return [i for i in ids if i not in found]


def mark(
    db: Database,
    document_id: str,
    run: int | None,
    *,
    kept: Mapping[str, list[tuple[int | None, str]]],
    actors: Sequence[str],
    groups: Collection[str],
) -> None:
    """Mark the rows a write added with ``run``; rows written again keep their old run."""
    if run is not None:
        db.executemany("UPDATE actors SET first_run = ? WHERE id = ?", [(run, a) for a in actors])
        for table in FACT_TABLES:
            if table in groups:
                db.execute(
                    f"UPDATE {table} SET run_id = ? WHERE document_id = ? AND run_id IS NULL",
                    (run, document_id),
                )
    for table, old in kept.items():
        # The same fact read again (its id hashes its content) is no new fact.
        db.executemany(f"UPDATE {table} SET run_id = ? WHERE id = ?", old)


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
