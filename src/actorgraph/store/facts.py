"""List relations and events across the store, each with its evidence sentence."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace

from actorgraph.resolve.corroborate import CREDIT_WINDOW, Claim, wire_credit
from actorgraph.store._db import Database
from actorgraph.store.casualties import casualties
from actorgraph.store.filters import Filters, Where, event_where, relation_where
from actorgraph.store.rows import CasualtyRec

MAX_TIMELINE = 10_000
"""Events read to sort the timeline of all events: they are listed newest first."""


@dataclass(frozen=True)
class RelationFact:
    """A relation with names, claim status, validity and the sentence it was read from."""

    id: str
    document_id: str
    document_title: str | None
    published: str | None
    subject_id: str
    subject: str
    predicate: str
    object_id: str
    object: str
    role: str | None
    mode: tuple[str, ...]
    valid_start: str | None
    valid_end: str | None
    modality: str
    attributed_to: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str
    attributed_id: str | None = None


@dataclass(frozen=True)
class EventFact:
    """An event with its participants by role and the sentence it was read from."""

    id: str
    document_id: str
    document_title: str | None
    published: str | None
    type: str
    mode: str | None
    date_text: str | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    modality: str
    attributed_to: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    casualties: tuple[CasualtyRec, ...] = ()
    attributed_id: str | None = None


@dataclass(frozen=True)
class Participant:
    """An actor taking part in an event: as ``actor``, ``target`` or ``location``."""

    role: str
    id: str
    name: str
    type: str
    country: str | None = None  # ISO code of the place its entity resolved to
    admin1: str | None = None


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _relation_where(
    actor_ids: Sequence[str] | None, predicate: str | None, flt: Filters | None
) -> Where:
    where = relation_where((flt or Filters()).with_actors(actor_ids))
    if predicate is not None:
        where.add("r.predicate = ?", predicate)
    return where


def relation_facts(
    db: Database,
    *,
    actor_ids: Sequence[str] | None = None,
    predicate: str | None = None,
    limit: int = 100,
    flt: Filters | None = None,
) -> list[RelationFact]:
    """Return relations (touching ``actor_ids``, of ``predicate``, within ``flt``), newest
    document first."""
    where = _relation_where(actor_ids, predicate, flt)
    sql = (
        "SELECT r.id, r.document_id, d.title, d.published, r.subject_actor_id, s.name, "
        "r.predicate, r.object_actor_id, o.name, r.role, r.mode, r.valid_start, r.valid_end, "
        "r.modality, a.name, r.confidence, r.start_char, r.end_char, "
        "SUBSTR(d.text, r.start_char + 1, r.end_char - r.start_char), r.attributed_actor_id "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        "JOIN actors s ON s.id = r.subject_actor_id JOIN actors o ON o.id = r.object_actor_id "
        "LEFT JOIN actors a ON a.id = r.attributed_actor_id "
        + where.sql()
        + "ORDER BY d.published DESC NULLS LAST, r.document_id, r.start_char, r.id LIMIT ?"
    )
    out = []
    for row in db.execute(sql, (*where.params, limit)):
        fields = list(row)
        fields[10] = tuple(json.loads(fields[10]))
        out.append(RelationFact(*fields))
    return out


def count_relations(
    db: Database, *, predicate: str | None = None, flt: Filters | None = None
) -> int:
    """Return how many relations :func:`relation_facts` would list without a limit."""
    where = _relation_where(None, predicate, flt)
    (n,) = db.execute(f"SELECT COUNT(*) FROM relations r {where.sql()}", where.params).fetchone()
    return int(n)


def _event_where(type: str | None, flt: Filters | None) -> Where:
    where = event_where(flt or Filters())
    if type is not None:
        where.add("e.type = ?", type.upper())
    return where


def event_facts(
    db: Database,
    *,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor_ids: Sequence[str] | None = None,
    limit: int = 100,
    flt: Filters | None = None,
) -> list[EventFact]:
    """Return events (of a type, dated within [since, until], with one of the actors,
    within ``flt``), most recent first; undated events are left out of a date range."""
    flt = (flt or Filters()).with_actors(actor_ids).with_dates(since, until)
    where = _event_where(type, flt)
    sql = (
        "SELECT e.id, e.document_id, d.title, d.published, e.type, e.mode, e.date_text, "
        "e.date_value, e.date_start, e.date_end, e.modality, a.name, e.confidence, "
        "e.start_char, e.end_char, SUBSTR(d.text, e.start_char + 1, e.end_char - e.start_char), "
        "e.attributed_actor_id "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "LEFT JOIN actors a ON a.id = e.attributed_actor_id "
        + where.sql()
        + "ORDER BY e.date_start DESC NULLS LAST, e.document_id, e.start_char, e.id LIMIT ?"
    )
    rows = [(EventFact(*row[:16]), row[16]) for row in db.execute(sql, (*where.params, limit))]
    if not rows:
        return []
    ids = [r.id for r, _ in rows]
    parts: dict[str, list[Participant]] = {}
    for event_id, role, actor_id, name, type_, country, admin1 in db.execute(
        "SELECT ea.event_id, ea.role, a.id, a.name, a.type, en.place_country, en.place_admin1 "
        "FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        "JOIN entities en ON en.document_id = ea.document_id AND en.local_id = ea.local_id "
        f"WHERE ea.event_id IN ({_marks(ids)}) ORDER BY ea.event_id, ea.role, a.name, a.id",
        ids,
    ):
        parts.setdefault(event_id, []).append(
            Participant(role, actor_id, name, type_, country, admin1)
        )
    counts = casualties(db, ids)
    out = []
    for r, attributed_id in rows:
        found = parts.get(r.id, [])

        def names(role: str, found: list[Participant] = found) -> tuple[str, ...]:
            return tuple(p.name for p in found if p.role == role)

        out.append(
            replace(
                r,
                actors=names("actor"),
                targets=names("target"),
                locations=names("location"),
                participants=tuple(found),
                casualties=counts.get(r.id, ()),
                attributed_id=attributed_id,
            )
        )
    return out


def count_events(db: Database, *, type: str | None = None, flt: Filters | None = None) -> int:
    """Return how many events :func:`event_facts` would list without a limit."""
    where = _event_where(type, flt)
    (n,) = db.execute(f"SELECT COUNT(*) FROM events e {where.sql()}", where.params).fetchone()
    return int(n)


def event_timeline(
    db: Database,
    *,
    limit: int,
    offset: int,
    since: str | None = None,
    until: str | None = None,
    flt: Filters | None = None,
) -> tuple[list[EventFact], int]:
    """Return one page of all events, earliest first (undated last), and how many there are.

    An actor's timeline is ``graph.timeline``, paged in SQL; this one sorts in Python the
    first ``MAX_TIMELINE`` events :func:`event_facts` lists (newest first).
    """
    events = event_facts(db, since=since, until=until, limit=MAX_TIMELINE, flt=flt)
    events.sort(key=lambda e: (e.date_start is None, e.date_start or "", e.date_end or "", e.id))
    return events[offset : offset + limit], len(events)


def claims(
    db: Database,
    *,
    actor_ids: Sequence[str] | None = None,
    object_ids: Sequence[str] | None = None,
    predicate: str | None = None,
    also: Where | None = None,
    credits: bool = True,
) -> list[Claim]:
    """Return relations as claims, with what tells their sources apart (a wire credit).

    ``also`` adds conditions on the relation ``r``, its document ``d``, its subject ``s``
    and its object ``o``. Without ``credits`` the wire credits are left out (None): a
    caller that groups many claims reads them (``wire_credits``) for the documents it
    has to tell apart.
    """
    where: list[str] = [] if also is None else list(also.clauses)
    params: list[object] = [] if also is None else list(also.params)
    if actor_ids is not None:
        marks = _marks(actor_ids)
        where.append(f"(r.subject_actor_id IN ({marks}) OR r.object_actor_id IN ({marks}))")
        params += [*actor_ids, *actor_ids]
    if object_ids is not None:
        where.append(f"r.object_actor_id IN ({_marks(object_ids)})")
        params += object_ids
    if predicate is not None:
        where.append("r.predicate = ?")
        params.append(predicate)
    rows = db.execute(
        "SELECT r.id, r.document_id, d.title, d.published, d.publisher, r.subject_actor_id, "
        "s.name, r.predicate, r.object_actor_id, o.name, r.role, r.modality, r.valid_start, "
        "r.valid_end, a.name, r.confidence, r.start_char, r.end_char, "
        "SUBSTR(d.text, r.start_char + 1, r.end_char - r.start_char) "
        "FROM relations r JOIN documents d ON d.id = r.document_id "
        "JOIN actors s ON s.id = r.subject_actor_id JOIN actors o ON o.id = r.object_actor_id "
        "LEFT JOIN actors a ON a.id = r.attributed_actor_id "
        + (f"WHERE {' AND '.join(where)} " if where else "")
        + "ORDER BY r.document_id, r.start_char, r.id",
        params,
    ).fetchall()
    claims = [Claim(*row) for row in rows]
    return with_credits(db, claims) if credits else claims


def with_credits(
    db: Database, claims: Sequence[Claim], documents: Sequence[str] | None = None
) -> list[Claim]:
    """Return the claims with the wire credits of their documents (of ``documents`` only)."""
    wires = wire_credits(
        db, sorted({c.document_id for c in claims} if documents is None else documents)
    )
    return [
        replace(c, wire=wires[c.document_id]) if wires.get(c.document_id) else c for c in claims
    ]


def wire_credits(db: Database, document_ids: Sequence[str]) -> dict[str, str | None]:
    """Return the wire credit of each document, read once per document (not per claim)."""
    window = CREDIT_WINDOW
    out: dict[str, str | None] = {}
    for i in range(0, len(document_ids), 500):
        chunk = document_ids[i : i + 500]
        for doc, head, tail in db.execute(
            f"SELECT id, SUBSTR(text, 1, {window}), CASE WHEN LENGTH(text) > {window} "
            f"THEN SUBSTR(text, LENGTH(text) - {window - 1}, {window}) ELSE '' END "
            f"FROM documents WHERE id IN ({_marks(chunk)})",
            chunk,
        ):
            out[doc] = wire_credit(head, tail)
    return out
