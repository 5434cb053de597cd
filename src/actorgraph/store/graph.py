"""Graph reads around one actor: its neighbourhood, the relations among it, its timeline.

All are bounded for actors with tens of thousands of facts: a neighbourhood keeps the
``limit`` strongest neighbours per hop (with the total found), its links stop at
``limit``, a timeline is read a page at a time (with the total). Ties are broken on ids
so both engines return the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from actorgraph.errors import NotFoundError
from actorgraph.store._db import Database

# The other end of every relation that touches one of the actors; covered by the
# (subject, object) and (object, subject) indexes of m003.
_OTHER_ENDS = """
SELECT object_actor_id FROM relations WHERE subject_actor_id IN ({marks})
UNION ALL
SELECT subject_actor_id FROM relations WHERE object_actor_id IN ({marks})
"""


@dataclass(frozen=True)
class Neighbour:
    """An actor ``depth`` hops from the centre, with how many relations lead to it.

    At depth 1 ``relations`` counts the relations with the centre; at depth 2 those with
    the depth-1 neighbours that were expanded.
    """

    id: str
    name: str
    type: str
    depth: int
    relations: int


@dataclass(frozen=True)
class Neighbourhood:
    """The strongest neighbours of one actor, hop by hop, and how many there are in all."""

    actor_id: str
    neighbours: tuple[Neighbour, ...]
    totals: tuple[int, ...]  # actors found at depth 1, 2, ... before ``limit`` applied


class Link(NamedTuple):
    """A relation between two actors of a neighbourhood, with where it was read.

    A named tuple, not a frozen dataclass: a hub's neighbourhood has thousands, and a
    frozen dataclass takes five times as long to build.
    """

    id: str
    document_id: str
    subject_id: str
    predicate: str
    object_id: str
    modality: str
    start: int
    end: int


@dataclass(frozen=True)
class TimelineEvent:
    """An event one actor takes part in (``role``: actor, target or location)."""

    id: str
    document_id: str
    type: str
    mode: str | None
    role: str
    modality: str
    date_text: str | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str


@dataclass(frozen=True)
class TimelinePage:
    """One page of an actor's events, oldest first, and how many events there are in all."""

    actor_id: str
    events: tuple[TimelineEvent, ...]
    total: int
    offset: int


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _require_actor(db: Database, actor_id: str) -> None:
    if db.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone() is None:
        raise NotFoundError(f"no actor with id {actor_id!r}; find ids with `find_actors`")


def _other_ends(db: Database, ids: Sequence[str]) -> Counter[str]:
    sql = _OTHER_ENDS.format(marks=_marks(ids))
    return Counter(row[0] for row in db.execute(sql, [*ids, *ids]))


def _names(db: Database, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    wanted = list(ids)
    if not wanted:
        return {}
    sql = f"SELECT id, name, type FROM actors WHERE id IN ({_marks(wanted)})"
    return {row[0]: (row[1], row[2]) for row in db.execute(sql, wanted)}


def neighbourhood(db: Database, actor_id: str, *, depth: int = 2, limit: int = 50) -> Neighbourhood:
    """Return the actors up to ``depth`` hops away through relations, ``limit`` per hop.

    Each hop keeps the ``limit`` actors linked by the most relations (ties go to the lower
    id), listed by count then name, and expands only those: the next hop starts from the
    actors shown, never from every actor found. Raise NotFoundError if there is no such actor.
    """
    if depth < 1 or limit < 1:
        raise ValueError("depth and limit must be at least 1")
    _require_actor(db, actor_id)
    seen = {actor_id}
    frontier = [actor_id]
    hops: list[list[tuple[str, int]]] = []
    totals: list[int] = []
    for _ in range(depth):
        counts = _other_ends(db, frontier) if frontier else Counter()
        for known in seen:
            counts.pop(known, None)
        totals.append(len(counts))
        # Ids break ties here, so the actors expanded next never depend on names.
        kept = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
        hops.append(kept)
        seen.update(counts)
        frontier = [a for a, _ in kept]
    names = _names(db, {a for hop in hops for a, _ in hop})
    neighbours = [
        Neighbour(a, names[a][0], names[a][1], level, n)
        for level, hop in enumerate(hops, start=1)
        for a, n in sorted(hop, key=lambda item: (-item[1], names[item[0]][0], item[0]))
    ]
    return Neighbourhood(actor_id, tuple(neighbours), tuple(totals))


def links(db: Database, actor_ids: Sequence[str], *, limit: int = 5000) -> list[Link]:
    """Return the relations whose subject and object are both in ``actor_ids``, newest first.

    These are the edges of a neighbourhood drawn with its centre. The relations are
    chosen on the (object, subject) index alone, so a hub's thousands of relations with
    actors outside the set are never read; at most ``limit`` are returned.
    """
    ids = list(dict.fromkeys(actor_ids))
    if not ids:
        return []
    marks = _marks(ids)
    rows = db.execute(
        "SELECT r.id, r.document_id, r.subject_actor_id, r.predicate, r.object_actor_id, "
        "r.modality, r.start_char, r.end_char "
        f"FROM (SELECT id FROM relations WHERE object_actor_id IN ({marks}) "
        f"      AND subject_actor_id IN ({marks})) k "
        "JOIN relations r ON r.id = k.id "
        "ORDER BY r.published_key DESC, r.document_id, r.start_char, r.id LIMIT ?",
        [*ids, *ids, limit],
    )
    return list(map(Link._make, rows))


def timeline(db: Database, actor_id: str, *, limit: int = 50, offset: int = 0) -> TimelinePage:
    """Return one page of the events ``actor_id`` takes part in, oldest first.

    Undated events come last. Raise NotFoundError if there is no such actor.
    """
    _require_actor(db, actor_id)
    (total,) = db.execute(
        "SELECT COUNT(*) FROM event_actors WHERE actor_id = ?", (actor_id,)
    ).fetchone()
    # The page is chosen on the narrow (actor, event) and (event, date) indexes first;
    # the text is cut from the documents of those rows alone.
    rows = db.execute(
        "SELECT e.id, e.document_id, e.type, e.mode, p.role, e.modality, e.date_text, "
        "e.date_value, e.date_start, e.date_end, e.confidence, e.start_char, e.end_char, "
        "SUBSTR(d.text, e.start_char + 1, e.end_char - e.start_char) "
        "FROM (SELECT ea.event_id, ea.role, x.date_start, x.document_id, x.start_char "
        "      FROM event_actors ea JOIN events x ON x.id = ea.event_id "
        "      WHERE ea.actor_id = ? "
        "      ORDER BY x.date_start NULLS LAST, x.document_id, x.start_char, ea.event_id, "
        "      ea.role LIMIT ? OFFSET ?) p "
        "JOIN events e ON e.id = p.event_id JOIN documents d ON d.id = e.document_id "
        "ORDER BY p.date_start NULLS LAST, p.document_id, p.start_char, p.event_id, p.role",
        (actor_id, limit, offset),
    )
    events = tuple(TimelineEvent(*row) for row in rows)
    return TimelinePage(actor_id, events, int(total), offset)
