"""Read queries over the store: actors, profiles, quotes and summary (checks: ``checks``).

Plain SQL that SQLite and PostgreSQL both accept, with ``?`` placeholders; every ORDER BY
ends on a unique key so both engines return the same order. Offsets are 0-based in
Python and SUBSTR is 1-based, hence the ``+ 1``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from actorgraph.errors import NotFoundError
from actorgraph.store._db import Database
from actorgraph.store.filters import Filters, Where, mention_where, quote_where
from actorgraph.store.rows import (
    ActorRow,
    DocumentMentions,
    EventRow,
    Profile,
    QuoteRow,
    RelationRow,
)

_ACTOR_SELECT = """
SELECT a.id, a.name, a.type, a.kind, COUNT(m.actor_id), COUNT(DISTINCT m.document_id)
FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
{where}
GROUP BY a.id, a.name, a.type, a.kind
"""


# Newest documents first. Lists are read in two steps: the page is chosen on narrow
# keys (the indexes of m004, which order by the document's date copied onto each row as
# published_key, '' for none: last, as NULLS LAST), then only its rows are joined to
# their texts.
_NEWEST = "{x}.published_key DESC, {x}.document_id, {x}.start_char, {x}.id"


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _actor_where(type: str | None, flt: Filters | None) -> tuple[Where, bool]:
    """Return the conditions of an actor listing and whether they narrow its mentions."""
    flt = flt or Filters()
    where = mention_where(flt)
    narrowed = bool(where.clauses)
    if flt.actor_ids is not None:
        where.add_in("a.id", flt.actor_ids)
    if type:
        where.add("a.type = ?", type)
    return where, narrowed


def actors(
    db: Database, *, type: str | None = None, limit: int = 100, flt: Filters | None = None
) -> list[ActorRow]:
    """Return actors (of one entity type, if given), most mentioned first.

    With filters on mentions (their documents, dates or confidence) the counts are of the
    mentions they keep, and actors with none are left out.
    """
    where, narrowed = _actor_where(type, flt)
    sql = _ACTOR_SELECT.format(where=where.sql())
    if narrowed:
        sql = sql.replace("LEFT JOIN mentions", "JOIN mentions")
    sql += " ORDER BY 5 DESC, a.name, a.id LIMIT ?"
    return [ActorRow(*row) for row in db.execute(sql, [*where.params, limit])]


def count_actors(db: Database, *, type: str | None = None, flt: Filters | None = None) -> int:
    """Return how many actors :func:`actors` would list without a limit."""
    where, narrowed = _actor_where(type, flt)
    join = "JOIN mentions m ON m.actor_id = a.id " if narrowed else ""
    (n,) = db.execute(
        f"SELECT COUNT(DISTINCT a.id) FROM actors a {join}{where.sql()}", where.params
    ).fetchone()
    return int(n)


def actor_rows(db: Database, ids: Sequence[str]) -> dict[str, ActorRow]:
    """Return the rows of the actors ``ids``, keyed by id.

    On PostgreSQL mentions are counted per document first, then the documents per actor:
    it sorts a hub's 60k mentions (on disk) for a COUNT(DISTINCT document_id). SQLite
    counts both in one pass over the (actor, document) index, in half the time.
    """
    if not ids:
        return {}
    marks = _marks(ids)
    if db.engine == "sqlite":
        counts = {
            actor: (mentions, documents)
            for actor, mentions, documents in db.execute(
                "SELECT actor_id, COUNT(*), COUNT(DISTINCT document_id) FROM mentions "
                f"WHERE actor_id IN ({marks}) GROUP BY actor_id",
                list(ids),
            )
        }
        return {
            a: ActorRow(a, name, type_, kind, *counts.get(a, (0, 0)))
            for a, name, type_, kind in db.execute(
                f"SELECT id, name, type, kind FROM actors WHERE id IN ({marks})", list(ids)
            )
        }
    sql = (
        "SELECT a.id, a.name, a.type, a.kind, CAST(COALESCE(SUM(c.n), 0) AS BIGINT), "
        "COUNT(c.document_id) FROM actors a "
        "LEFT JOIN (SELECT actor_id, document_id, COUNT(*) AS n FROM mentions "
        f"           WHERE actor_id IN ({marks}) GROUP BY actor_id, document_id) c "
        "ON c.actor_id = a.id "
        f"WHERE a.id IN ({marks}) GROUP BY a.id, a.name, a.type, a.kind"
    )
    return {row[0]: ActorRow(*row) for row in db.execute(sql, [*ids, *ids])}


def aliases_of(db: Database, ids: Sequence[str]) -> dict[str, list[str]]:
    """Return the distinct names each of these actors is mentioned by, sorted, by id."""
    found: dict[str, list[str]] = {}
    if ids:
        for actor, alias in db.execute(
            "SELECT DISTINCT actor_id, alias FROM actor_aliases "
            f"WHERE actor_id IN ({_marks(ids)}) ORDER BY actor_id, alias",
            list(ids),
        ):
            found.setdefault(actor, []).append(alias)
    return found


def passage(text: str, start: int, end: int, *, reach: int = 300) -> str:
    """Return the sentence(s) around ``text[start:end]``, at most ``reach`` characters more."""
    left = text[max(0, start - reach) : start]
    cuts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", left)]
    lo = start - len(left) + (cuts[-1] if cuts else 0)
    right = text[end : end + reach]
    found = re.search(r"[.!?](?=\s|$)|\n", right)
    hi = end + (found.end() if found else len(right))
    return text[lo:hi].strip()


def _quote_where(speakers: Sequence[str] | None, flt: Filters | None) -> Where:
    return quote_where((flt or Filters()).with_actors(speakers))


def count_quotes(db: Database, *, flt: Filters | None = None) -> int:
    """Return how many quotes :func:`quotes` would list without a limit."""
    where = _quote_where(None, flt)
    (n,) = db.execute(f"SELECT COUNT(*) FROM quotes q {where.sql()}", where.params).fetchone()
    return int(n)


def quotes(
    db: Database,
    *,
    speakers: Sequence[str] | None = None,
    limit: int = 100,
    flt: Filters | None = None,
) -> list[QuoteRow]:
    """Return quotes (by any of the actors ``speakers``, if given, and within ``flt``),
    newest documents first."""
    chosen = _quote_where(speakers, flt)
    where, params = chosen.sql(), chosen.params
    rows = db.execute(
        "SELECT q.id, q.document_id, d.title, d.published, q.kind, q.text, q.start_char, "
        "q.end_char, q.speaker_actor_id, a.name, q.speaker_text, q.cue, q.confidence, "
        "q.speaker_start, q.speaker_end "
        "FROM (SELECT q.id, q.published_key, q.document_id, q.start_char FROM quotes q "
        f"     {where}ORDER BY {_NEWEST.format(x='q')} LIMIT ?) k "
        "JOIN quotes q ON q.id = k.id JOIN documents d ON d.id = q.document_id "
        "LEFT JOIN actors a ON a.id = q.speaker_actor_id "
        f"ORDER BY {_NEWEST.format(x='k')}",
        [*params, limit],
    ).fetchall()
    texts = _texts(db, {row[1] for row in rows})
    found = []
    for row in rows:
        start, end, s_start, s_end = row[6], row[7], row[13], row[14]
        lo, hi = min(start, s_start or start), max(end, s_end or end)
        context = passage(texts[row[1]], lo, hi)
        found.append(
            QuoteRow(
                id=row[0],
                document_id=row[1],
                document_title=row[2],
                published=row[3],
                kind=row[4],
                text=row[5],
                start=start,
                end=end,
                speaker_id=row[8],
                speaker_name=row[9],
                speaker_text=row[10],
                cue=row[11],
                confidence=row[12],
                context=context,
            )
        )
    return found


def _texts(db: Database, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    sql = f"SELECT id, text FROM documents WHERE id IN ({_marks(list(ids))})"
    return dict(db.execute(sql, list(ids)).fetchall())


def profile(db: Database, actor_id: str, *, limit: int = 100) -> Profile:
    """Return what is stored about one actor; raise NotFoundError if there is no such id.

    Each list (documents, quotes, relations, events) holds the first ``limit`` rows, newest
    first: a hub has tens of thousands. Page further with ``graph.timeline`` and the facts
    listings.
    """
    rows = actor_rows(db, [actor_id])
    if actor_id not in rows:
        raise NotFoundError(f"no actor with id {actor_id!r}; find ids with `find_actors`")
    actor = rows[actor_id]
    aliases = [
        row[0]
        for row in db.execute(
            "SELECT DISTINCT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias",
            (actor_id,),
        )
        if row[0] != actor.name
    ]
    documents = [
        DocumentMentions(*row)
        for row in db.execute(
            "SELECT k.document_id, d.title, d.published, k.n "
            "FROM (SELECT document_id, published_key, COUNT(*) AS n FROM mentions "
            "      WHERE actor_id = ? GROUP BY document_id, published_key "
            "      ORDER BY n DESC, published_key DESC, document_id LIMIT ?) k "
            "JOIN documents d ON d.id = k.document_id "
            "ORDER BY k.n DESC, k.published_key DESC, k.document_id",
            (actor_id, limit),
        )
    ]
    return Profile(
        actor=actor,
        aliases=tuple(aliases),
        documents=tuple(documents),
        quotes=tuple(quotes(db, speakers=[actor_id], limit=limit)),
        relations=tuple(relations(db, actor_id, limit=limit)),
        events=tuple(events(db, actor_id, limit=limit)),
    )


def relations(db: Database, actor_id: str, *, limit: int = 1000) -> list[RelationRow]:
    """Return the relations with ``actor_id`` as subject or object."""
    result = db.execute(
        "SELECT r.id, r.document_id, r.subject_actor_id, s.name, r.predicate, r.object_actor_id, "
        "o.name, r.role, r.mode, r.modality, r.confidence, r.start_char, r.end_char, "
        "SUBSTR(d.text, r.start_char + 1, r.end_char - r.start_char) "
        "FROM (SELECT x.id, x.document_id, x.start_char, x.published_key "
        "      FROM (SELECT * FROM (SELECT id, document_id, start_char, published_key "
        "            FROM relations WHERE subject_actor_id = ? "
        f"           ORDER BY {_NEWEST.format(x='relations')} LIMIT ?) s "
        "            UNION SELECT * FROM (SELECT id, document_id, start_char, published_key "
        "            FROM relations WHERE object_actor_id = ? "
        f"           ORDER BY {_NEWEST.format(x='relations')} LIMIT ?) o) x "
        f"     ORDER BY {_NEWEST.format(x='x')} LIMIT ?) k "
        "JOIN relations r ON r.id = k.id JOIN documents d ON d.id = r.document_id "
        "JOIN actors s ON s.id = r.subject_actor_id JOIN actors o ON o.id = r.object_actor_id "
        f"ORDER BY {_NEWEST.format(x='k')}",
        (actor_id, limit, actor_id, limit, limit),
    )
    found = []
    for row in result:
        fields = list(row)
        fields[8] = tuple(json.loads(fields[8]))
        found.append(RelationRow(*fields))
    return found


def events(db: Database, actor_id: str, *, limit: int = 1000) -> list[EventRow]:
    """Return the events ``actor_id`` takes part in, with its role in each."""
    return [
        EventRow(*row)
        for row in db.execute(
            "SELECT e.id, e.document_id, e.type, e.mode, ea.role, e.modality, e.date_value, "
            "e.confidence, e.start_char, e.end_char, "
            "SUBSTR(d.text, e.start_char + 1, e.end_char - e.start_char) "
            "FROM (SELECT event_id, role, date_key, document_id, start_char "
            "      FROM event_actors WHERE actor_id = ? "
            "      ORDER BY date_key DESC, document_id, start_char, event_id, role LIMIT ?) ea "
            "JOIN events e ON e.id = ea.event_id JOIN documents d ON d.id = e.document_id "
            "ORDER BY ea.date_key DESC, ea.document_id, ea.start_char, ea.event_id, ea.role",
            (actor_id, limit),
        )
    ]


def summary(db: Database, *, top: int = 10) -> dict[str, Any]:
    """Return counts per table, actors per type, top relations and top speakers."""

    def count(table: str) -> int:
        return int(db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    tables = ("documents", "actors", "mentions", "quotes", "dates", "relations", "events")
    by_type = {
        type_: {"actors": n, "mentions": m}
        for type_, n, m in db.execute(
            "SELECT a.type, COUNT(DISTINCT a.id), COUNT(m.start_char) FROM actors a "
            "LEFT JOIN mentions m ON m.actor_id = a.id GROUP BY a.type ORDER BY 3 DESC, a.type"
        )
    }
    top_relations = [
        {"subject": s, "predicate": p, "object": o, "count": n, "documents": d}
        for s, p, o, n, d in db.execute(
            "SELECT s.name, r.predicate, o.name, COUNT(*), COUNT(DISTINCT r.document_id) "
            "FROM relations r JOIN actors s ON s.id = r.subject_actor_id "
            "JOIN actors o ON o.id = r.object_actor_id "
            "GROUP BY s.name, r.predicate, o.name ORDER BY 4 DESC, 1, 2, 3 LIMIT ?",
            (top,),
        )
    ]
    speakers = [
        {"actor_id": a, "name": name, "quotes": n}
        for a, name, n in db.execute(
            "SELECT a.id, a.name, COUNT(*) FROM quotes q "
            "JOIN actors a ON a.id = q.speaker_actor_id "
            "GROUP BY a.id, a.name ORDER BY 3 DESC, 2, 1 LIMIT ?",
            (top,),
        )
    ]
    return {
        **{table: count(table) for table in tables},
        "actors_by_type": by_type,
        "top_actors": [vars(row) for row in actors(db, limit=top)],
        "top_relations": top_relations,
        "quotes_by_speaker": speakers,
    }
