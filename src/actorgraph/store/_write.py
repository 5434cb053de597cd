"""Write the rows of one analysis, replacing only the stage groups whose version changed.

The caller owns the transaction. Every table is written with one ``executemany``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping

from actorgraph.model import Analysis
from actorgraph.store import runs
from actorgraph.store._db import Database
from actorgraph.store._rows import Rows

# Which rows each pipeline stage writes. Aliases and places refine entity rows.
STAGE_GROUPS: Mapping[str, str] = {
    "entities": "entities",
    "aliases": "entities",
    "places": "entities",
    "dates": "dates",
    "quotes": "quotes",
    "relations": "relations",
    "events": "events",
}
GROUPS: tuple[str, ...] = ("entities", "dates", "quotes", "relations", "events")
# Rows that point at entity rows must be rewritten when the entities are.
_DEPENDENTS: tuple[str, ...] = ("quotes", "relations", "events")

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "entities": ("document_id", "local_id", "actor_id", "name", "type", "kind", "confidence",
                 "place_lat", "place_lon", "place_country", "place_admin1", "place_precision",
                 "place_gazetteer_id", "stage"),
    "mentions": ("document_id", "local_id", "start_char", "end_char", "text", "label",
                 "actor_id", "confidence", "stage", "published_key"),
    "actor_aliases": ("document_id", "local_id", "alias", "alias_norm", "actor_id", "stage"),
    "actor_keys": ("document_id", "local_id", "key", "actor_id"),
    "dates": ("document_id", "start_char", "end_char", "text", "value", "date_precision",
              "start_date", "end_date", "relative", "stage"),
    "quotes": ("id", "document_id", "kind", "start_char", "end_char", "text", "speaker_local_id",
               "speaker_actor_id", "speaker_start", "speaker_end", "speaker_text", "cue",
               "cue_start", "cue_end", "confidence", "stage", "published_key"),
    "relations": ("id", "document_id", "start_char", "end_char", "subject_local_id",
                  "subject_actor_id", "predicate", "object_local_id", "object_actor_id", "role",
                  "mode", "valid_start", "valid_end", "modality", "attributed_local_id",
                  "attributed_actor_id", "confidence", "stage", "published_key"),
    "events": ("id", "document_id", "start_char", "end_char", "type", "mode", "modality",
               "attributed_local_id", "attributed_actor_id", "date_text", "date_value",
               "date_start", "date_end", "confidence", "stage"),
    "event_actors": ("event_id", "role", "document_id", "local_id", "actor_id", "date_key",
                     "start_char"),
    "event_casualties": ("event_id", "seq", "span_seq", "document_id", "kind", "value",
                         "qualifier", "modality", "attributed_local_id", "attributed_actor_id",
                         "start_char", "end_char", "stage", "confidence"),
    "evidence": ("id", "document_id", "start_char", "end_char", "stage", "confidence",
                 "quote_id", "relation_id", "event_id"),
}  # fmt: skip

# The tables of each group, parents first; deletion goes in reverse.
_TABLES: Mapping[str, tuple[str, ...]] = {
    "entities": ("entities", "mentions", "actor_aliases", "actor_keys"),
    "dates": ("dates",),
    "quotes": ("quotes",),
    "relations": ("relations",),
    "events": ("events", "event_actors", "event_casualties"),
}
# Tables whose rows carry their document's COALESCE(published, '') as published_key.
_PUBLISHED_KEYED: tuple[str, ...] = ("mentions", "quotes", "relations")
_FACT_COLUMN = {"quotes": "quote_id", "relations": "relation_id", "events": "event_id"}

_UPSERT_ACTOR = (
    "INSERT INTO actors (id, name, type, kind, name_norm) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (id) DO UPDATE SET kind = CASE WHEN actors.type = excluded.type "
    "THEN COALESCE(actors.kind, excluded.kind) ELSE actors.kind END"
)


def changed_groups(stored: Mapping[str, str], new: Mapping[str, str]) -> frozenset[str]:
    """Return the row groups to replace when the stage versions go from ``stored`` to ``new``."""
    dirty: set[str] = set()
    for stage in set(stored) | set(new):
        if stored.get(stage) == new.get(stage):
            continue
        group = STAGE_GROUPS.get(stage)
        if group is None:  # a stage this store does not know: any row may be its output
            return frozenset(GROUPS)
        dirty.add(group)
    if "entities" in dirty:
        dirty.update(_DEPENDENTS)
    return frozenset(dirty)


def insert_sql(table: str) -> str:
    """Return the INSERT for ``table``; rows already there (same key) are left alone."""
    columns = COLUMNS[table]
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"


def insert_group(db: Database, group: str, rows: Rows) -> None:
    """Insert the rows of one group (actors first for entities, evidence last for facts)."""
    if group == "entities":
        db.executemany(_UPSERT_ACTOR, rows.actors)
    for table in _TABLES[group]:
        db.executemany(insert_sql(table), getattr(rows, table))
    if group in rows.evidence:
        db.executemany(insert_sql("evidence"), rows.evidence[group])


def delete_group(db: Database, group: str, document_id: str) -> None:
    """Delete the rows of one group for one document."""
    if group in _FACT_COLUMN:
        db.execute(
            f"DELETE FROM evidence WHERE document_id = ? AND {_FACT_COLUMN[group]} IS NOT NULL",
            (document_id,),
        )
    for table in reversed(_TABLES[group]):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))


def write(
    db: Database,
    analysis: Analysis,
    rows: Rows,
    *,
    groups: frozenset[str],
    stages: Iterable[str],
    new: bool,
    rebuild: Callable[[], Rows] | None = None,
    run: int | None = None,
) -> None:
    """Write the document, replace the rows of ``groups`` and record the ``stages`` run.

    ``rebuild``, when given, is called once the old rows are deleted and returns the rows
    to insert instead of ``rows``: the resolver reads the store without this document.
    ``run`` (an ingest run's id) marks the rows this write adds (see m007): replaced
    rows that were there before keep the run they had.
    """
    doc = analysis.document
    now = _now()
    notes = json.dumps(list(analysis.notes), ensure_ascii=False)
    meta = (doc.title, doc.published, doc.publisher, doc.author, doc.url, doc.source)
    if new:
        db.execute(
            "INSERT INTO documents (id, text, title, published, publisher, author, url, source, "
            "language, notes, added_at, updated_at, first_run, last_run) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc.id, doc.text, *meta, doc.language, notes, now, now, run, run),
        )
    else:
        db.execute(
            "UPDATE documents SET title = ?, published = ?, publisher = ?, author = ?, url = ?, "
            "source = ?, language = ?, notes = ?, updated_at = ?, "
            "last_run = COALESCE(?, last_run) WHERE id = ?",
            (*meta, doc.language, notes, now, run, doc.id),
        )
        # The sort key copied onto fact rows (m004) follows the document's date.
        for table in _PUBLISHED_KEYED:
            db.execute(
                f"UPDATE {table} SET published_key = ? WHERE document_id = ? "
                "AND published_key <> ?",
                (doc.published or "", doc.id, doc.published or ""),
            )
    old_actors: list[str] = []
    if "entities" in groups and not new:
        cursor = db.execute(
            "SELECT DISTINCT actor_id FROM entities WHERE document_id = ?", (doc.id,)
        )
        old_actors = [row[0] for row in cursor]
    kept = {} if new else runs.fact_runs(db, doc.id, groups)
    if not new:
        for group in reversed(GROUPS):  # rows pointing at entities go before them
            if group in groups:
                delete_group(db, group, doc.id)
    if rebuild is not None:
        rows = rebuild()
    fresh = runs.new_actors(db, rows) if run is not None and "entities" in groups else []
    for group in GROUPS:
        if group in groups:
            insert_group(db, group, rows)
    runs.mark(db, doc.id, run, kept=kept, actors=fresh, groups=groups)
    # Actors that only this document named, before its entities were replaced.
    db.executemany(
        "DELETE FROM actors WHERE id = ? AND NOT EXISTS "
        "(SELECT 1 FROM entities WHERE entities.actor_id = ?)",
        [(a, a) for a in old_actors],
    )
    versions = dict(analysis.stages)
    stages = list(stages)
    db.executemany(
        "DELETE FROM stage_runs WHERE document_id = ? AND stage = ?", [(doc.id, s) for s in stages]
    )
    db.executemany(
        "INSERT INTO stage_runs (document_id, stage, version, run_at) VALUES (?, ?, ?, ?)",
        [(doc.id, s, versions[s], now) for s in stages if s in versions],
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
