"""Read whole tables for the exports: every fact with its actors' ids, places and spans.

The store's other queries answer a screen (a limit, names without ids or places); an
export needs every fact with its actors' ids, the places of its locations and every
evidence span. These reads never write, and every ORDER BY ends on a unique key: two
exports of the same store are byte for byte equal, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from actorgraph.store._db import Database
from actorgraph.store.casualties import casualties
from actorgraph.store.filters import Filters, event_where, quote_where, relation_where
from actorgraph.store.rows import (
    ActorRec,
    Doc,
    EventRec,
    Party,
    Place,
    QuoteRec,
    RelationRec,
    Span,
)


def last_modified(db: Database) -> str | None:
    """Return the day (YYYY-MM-DD) a document was last added or updated, None if none was."""
    row = db.execute("SELECT MAX(updated_at) FROM documents").fetchone()
    return None if row is None or row[0] is None else str(row[0])[:10]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def _natural(local_id: str) -> tuple[int, str]:
    """Order local ids E2 before E10 (entities are numbered in order of appearance)."""
    digits = re.sub(r"\D", "", local_id)
    return (int(digits) if digits else 0, local_id)


class Reader:
    """Documents, entities and evidence loaded once, then facts built from them."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self.docs = {
            row[0]: Doc(*row)
            for row in self._db.execute(
                "SELECT id, title, published, publisher, author, url, added_at, updated_at "
                "FROM documents ORDER BY id"
            )
        }
        self.parties: dict[tuple[str, str], Party] = {}
        for row in self._db.execute(
            "SELECT e.document_id, e.local_id, a.id, a.name, a.type, a.kind, e.place_lat, "
            "e.place_lon, e.place_country, e.place_admin1, e.place_precision, "
            "e.place_gazetteer_id FROM entities e JOIN actors a ON a.id = e.actor_id "
            "ORDER BY e.document_id, e.local_id"
        ):
            place = None if row[6] is None or row[7] is None else Place(*row[6:12])
            self.parties[(row[0], row[1])] = Party(row[2], row[3], row[4], row[5], place)

    def party(self, document_id: str, local_id: str | None) -> Party | None:
        return None if local_id is None else self.parties.get((document_id, local_id))

    def _parties(self, document_id: str, local_ids: Iterable[str]) -> tuple[Party, ...]:
        found = (self.party(document_id, i) for i in sorted(local_ids, key=_natural))
        return tuple(p for p in found if p is not None)

    def _evidence(self, column: str, ids: Sequence[str]) -> dict[str, tuple[Span, ...]]:
        return evidence(self._db, column, ids)

    def relations(self, flt: Filters) -> list[RelationRec]:
        """Return relations (within the filters), in document then text order."""
        found = relation_where(flt)
        where, params = found.sql(), found.params
        rows = self._db.execute(
            "SELECT r.id, r.document_id, r.subject_local_id, r.predicate, r.object_local_id, "
            "r.role, r.mode, r.valid_start, r.valid_end, r.modality, r.attributed_local_id, "
            "r.confidence, r.start_char, r.end_char, r.stage, "
            "SUBSTR(d.text, r.start_char + 1, r.end_char - r.start_char) "
            "FROM relations r JOIN documents d ON d.id = r.document_id "
            f"{where}ORDER BY d.published NULLS LAST, r.document_id, r.start_char, r.id",
            params,
        ).fetchall()
        spans = self._evidence("relation_id", [row[0] for row in rows])
        out = []
        for row in rows:
            doc_id = row[1]
            subject, obj = self.party(doc_id, row[2]), self.party(doc_id, row[4])
            if subject is None or obj is None:
                continue  # a broken foreign key: `actorgraph check` reports it
            own = (Span(row[12], row[13], row[15], row[14], row[11]),)
            out.append(
                RelationRec(
                    id=row[0],
                    doc=self.docs[doc_id],
                    subject=subject,
                    predicate=row[3],
                    object=obj,
                    role=row[5],
                    mode=tuple(json.loads(row[6] or "[]")),
                    valid_start=row[7],
                    valid_end=row[8],
                    modality=row[9],
                    attributed_to=self.party(doc_id, row[10]),
                    confidence=row[11],
                    evidence=spans.get(row[0], own),
                )
            )
        return out

    def events(self, flt: Filters) -> list[EventRec]:
        """Return events (within the filters: their own dates), oldest first.

        Undated events come last, and are left out when a date range is given.
        """
        found = event_where(flt)
        rows = self._db.execute(
            "SELECT e.id, e.document_id, e.type, e.mode, e.modality, e.attributed_local_id, "
            "e.confidence, e.date_text, e.date_value, e.date_start, e.date_end, "
            "e.start_char, e.end_char, e.stage, "
            "SUBSTR(d.text, e.start_char + 1, e.end_char - e.start_char) "
            "FROM events e JOIN documents d ON d.id = e.document_id "
            + found.sql()
            + "ORDER BY e.date_start NULLS LAST, d.published NULLS LAST, e.document_id, "
            "e.start_char, e.id",
            found.params,
        ).fetchall()
        ids = [row[0] for row in rows]
        spans = self._evidence("event_id", ids)
        counts = casualties(self._db, ids)
        roles: dict[str, dict[str, list[str]]] = {}
        for chunk in _chunks(ids):
            for event_id, role, local_id in self._db.execute(
                "SELECT event_id, role, local_id FROM event_actors "
                f"WHERE event_id IN ({_marks(chunk)}) ORDER BY event_id, role, local_id",
                chunk,
            ):
                roles.setdefault(event_id, {}).setdefault(role, []).append(local_id)
        out = []
        for row in rows:
            doc_id, by_role = row[1], roles.get(row[0], {})

            own = (Span(row[11], row[12], row[14], row[13], row[6]),)
            out.append(
                EventRec(
                    id=row[0],
                    doc=self.docs[doc_id],
                    type=row[2],
                    mode=row[3],
                    modality=row[4],
                    attributed_to=self.party(doc_id, row[5]),
                    confidence=row[6],
                    date_text=row[7],
                    date_value=row[8],
                    date_start=row[9],
                    date_end=row[10],
                    actors=self._parties(doc_id, by_role.get("actor", ())),
                    targets=self._parties(doc_id, by_role.get("target", ())),
                    locations=self._parties(doc_id, by_role.get("location", ())),
                    evidence=spans.get(row[0], own),
                    casualties=counts.get(row[0], ()),
                )
            )
        return out

    def quotes(self, flt: Filters) -> list[QuoteRec]:
        """Return quotes (within the filters: by their actors), in document then text order."""
        found = quote_where(flt)
        where, params = found.sql(), found.params
        rows = self._db.execute(
            "SELECT q.id, q.document_id, q.kind, q.text, q.start_char, q.end_char, "
            "q.speaker_local_id, q.speaker_text, q.cue, q.confidence, q.stage "
            "FROM quotes q JOIN documents d ON d.id = q.document_id "
            f"{where}ORDER BY d.published NULLS LAST, q.document_id, q.start_char, q.id",
            params,
        ).fetchall()
        spans = self._evidence("quote_id", [row[0] for row in rows])
        return [
            QuoteRec(
                id=row[0],
                doc=self.docs[row[1]],
                kind=row[2],
                text=row[3],
                start=row[4],
                end=row[5],
                speaker=self.party(row[1], row[6]),
                speaker_text=row[7],
                cue=row[8],
                confidence=row[9],
                # A quote's own span is its evidence when the stage recorded no other.
                evidence=spans.get(row[0], (Span(row[4], row[5], row[3], row[10], row[9]),)),
            )
            for row in rows
        ]

    def actors(self, ids: Iterable[str] | None = None) -> list[ActorRec]:
        """Return the actors mentioned in some document (those in ``ids``), by id."""
        counts = {
            row[0]: row[1:]
            for row in self._db.execute(
                "SELECT a.id, a.name, a.type, a.kind, COUNT(*) FROM actors a "
                "JOIN mentions m ON m.actor_id = a.id GROUP BY a.id, a.name, a.type, a.kind "
                "ORDER BY a.id"
            )
        }
        aliases: dict[str, list[str]] = {}
        for actor_id, alias in self._db.execute(
            "SELECT DISTINCT actor_id, alias FROM actor_aliases ORDER BY actor_id, alias"
        ):
            aliases.setdefault(actor_id, []).append(alias)
        docs: dict[str, set[str]] = {}
        places: dict[str, dict[Place, int]] = {}
        for (doc_id, _), party in self.parties.items():
            docs.setdefault(party.id, set()).add(doc_id)
            if party.place is not None:
                seen = places.setdefault(party.id, {})
                seen[party.place] = seen.get(party.place, 0) + 1
        wanted = sorted(counts) if ids is None else sorted(set(ids) & set(counts))
        out = []
        for actor_id in wanted:
            name, type_, kind, mentions = counts[actor_id]
            seen = places.get(actor_id, {})
            # The place most of its documents resolved it to; ties by gazetteer id.
            place = min(
                seen, key=lambda p: (-seen[p], p.gazetteer_id or "", p.lat, p.lon), default=None
            )
            out.append(
                ActorRec(
                    id=actor_id,
                    name=name,
                    type=type_,
                    kind=kind,
                    mentions=mentions,
                    aliases=tuple(aliases.get(actor_id, ())),
                    document_ids=tuple(sorted(docs.get(actor_id, ()))),
                    place=place,
                )
            )
        return out


def evidence(db: Database, column: str, ids: Sequence[str]) -> dict[str, tuple[Span, ...]]:
    """Return the evidence spans (with their text) of the facts ``ids``, by fact id.

    ``column`` names the owner: ``relation_id``, ``event_id`` or ``quote_id``.
    """
    found: dict[str, list[Span]] = {}
    for chunk in _chunks(ids):
        for row in db.execute(
            f"SELECT ev.{column}, ev.start_char, ev.end_char, "
            "SUBSTR(d.text, ev.start_char + 1, ev.end_char - ev.start_char), ev.stage, "
            "ev.confidence FROM evidence ev JOIN documents d ON d.id = ev.document_id "
            f"WHERE ev.{column} IN ({_marks(chunk)}) "
            f"ORDER BY ev.{column}, ev.start_char, ev.end_char, ev.id",
            chunk,
        ):
            found.setdefault(row[0], []).append(Span(*row[1:]))
    return {k: tuple(v) for k, v in found.items()}


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[list[str]]:
    """Split ``ids`` so an IN list stays under SQLite's limit on parameters."""
    for i in range(0, len(ids), size):
        yield list(ids[i : i + size])
