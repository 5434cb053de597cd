"""Reads the Store does not offer yet: documents with their spans, the timeline of all events.

TODO: move these into ``actorgraph.store`` (``Store.document``, ``Store.documents``, a
timeline of all actors in ``store/graph.py``) and call them from the routes; until then
this is the one module of the API that writes SQL. The SQL is the portable
subset the store uses, with ``?`` placeholders, so it runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from actorgraph.errors import NotFoundError
from actorgraph.store import Store, facts
from actorgraph.store._db import Database
from actorgraph.store.queries import actor_rows
from actorgraph.store.rows import ActorRow

MAX_TIMELINE = 10_000
"""Events read to sort one timeline: the store lists events newest first."""


def database(store: Store) -> Database:
    """Return the store's connection, for the reads below."""
    return store._db


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


_DOC_COLUMNS = "id, title, published, publisher, author, url, LENGTH(text)"
_QUOTE_KEYS = (
    "id",
    "kind",
    "start",
    "end",
    "speaker_id",
    "speaker_name",
    "speaker_start",
    "speaker_end",
)


def documents(db: Database, *, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Return one page of documents, newest first, and how many there are."""
    (total,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
    rows = db.execute(
        f"SELECT {_DOC_COLUMNS} FROM documents "
        "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    return [_document(row) for row in rows], int(total)


def _document(row: Sequence[Any]) -> dict[str, Any]:
    keys = ("id", "title", "published", "publisher", "author", "url", "length")
    return dict(zip(keys, row, strict=True))


def document(db: Database, document_id: str) -> dict[str, Any]:
    """Return a document's metadata, text, mentions, quotes and evidence spans."""
    row = db.execute(
        f"SELECT {_DOC_COLUMNS}, text FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"no document with id {document_id!r}; list them at /api/documents")
    found = _document(row[:-1])
    found["text"] = row[-1]
    found["mentions"] = [
        {"start": s, "end": e, "actor_id": a, "name": n, "type": t}
        for s, e, a, n, t in db.execute(
            "SELECT m.start_char, m.end_char, m.actor_id, a.name, a.type FROM mentions m "
            "JOIN actors a ON a.id = m.actor_id WHERE m.document_id = ? "
            "ORDER BY m.start_char, m.end_char, m.actor_id",
            (document_id,),
        )
    ]
    found["quotes"] = [
        dict(zip(_QUOTE_KEYS, q, strict=True))
        for q in db.execute(
            "SELECT q.id, q.kind, q.start_char, q.end_char, q.speaker_actor_id, a.name, "
            "q.speaker_start, q.speaker_end FROM quotes q "
            "LEFT JOIN actors a ON a.id = q.speaker_actor_id WHERE q.document_id = ? "
            "ORDER BY q.start_char, q.id",
            (document_id,),
        )
    ]
    found["evidence"] = _evidence(db, document_id)
    return found


def _evidence(db: Database, document_id: str) -> list[dict[str, Any]]:
    relations = {
        rid: (f"{s} {p.replace('_', ' ')} {o}", m)
        for rid, s, p, o, m in db.execute(
            "SELECT r.id, s.name, r.predicate, o.name, r.modality FROM relations r "
            "JOIN actors s ON s.id = r.subject_actor_id "
            "JOIN actors o ON o.id = r.object_actor_id WHERE r.document_id = ?",
            (document_id,),
        )
    }
    events = {
        eid: (f"{t}{f' ({d})' if d else ''}", m)
        for eid, t, d, m in db.execute(
            "SELECT id, type, date_value, modality FROM events WHERE document_id = ?",
            (document_id,),
        )
    }
    out = []
    for rid, eid, qid, start, end in db.execute(
        "SELECT relation_id, event_id, quote_id, start_char, end_char FROM evidence "
        "WHERE document_id = ? ORDER BY start_char, end_char, id",
        (document_id,),
    ):
        if rid is not None:
            fact, fact_id, (label, modality) = "relation", rid, relations[rid]
        elif eid is not None:
            fact, fact_id, (label, modality) = "event", eid, events[eid]
        else:
            fact, fact_id, label, modality = "quote", qid, "quote", None
        out.append(
            {
                "fact": fact,
                "fact_id": fact_id,
                "start": start,
                "end": end,
                "label": label,
                "modality": modality,
            }
        )
    return out


def actor(db: Database, actor_id: str) -> ActorRow | None:
    """Return the actor with this exact id, or None."""
    return actor_rows(db, [actor_id]).get(actor_id)


def timeline(
    db: Database, *, limit: int, offset: int, since: str | None = None, until: str | None = None
) -> tuple[list[facts.EventFact], int]:
    """Return one page of all events, earliest first (undated last), and how many there are.

    An actor's timeline is ``store.graph.timeline``, paged in SQL; this one sorts in Python
    the first ``MAX_TIMELINE`` events the store lists (newest first).
    """
    events = facts.event_facts(db, since=since, until=until, limit=MAX_TIMELINE)
    events.sort(key=lambda e: (e.date_start is None, e.date_start or "", e.date_end or "", e.id))
    return events[offset : offset + limit], len(events)
