"""A store's content in canonical form, to tell whether two stores hold the same graph.

Two ingests of the same documents should store the same graph, however they were run
(workers, interruptions, restarts). Ids of actors are replaced by labels made of content
(type, name and the first entity that names it), timestamps are left out, and facts carry
their actors' labels and their evidence spans instead of ids, so two stores compare equal
when they hold the same documents, actors (with the same entities, names and aliases),
mentions, quotes, dates, relations, events (with their casualty counts), evidence and
corroboration counts. Rows are
kept as multisets: a duplicated fact shows as a row counted twice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from actorgraph.store._db import Database
from actorgraph.store._store import Store

Row = tuple[Any, ...]
Label = Callable[[str | None], str | None]


@dataclass(frozen=True)
class Snapshot:
    """Canonical rows per section (a table, or a derived view such as corroboration)."""

    sections: dict[str, Counter[Row]]

    def counts(self) -> dict[str, int]:
        """Return the number of rows per section."""
        return {name: rows.total() for name, rows in self.sections.items()}

    def diff(self, other: Snapshot, *, limit: int = 3) -> list[str]:
        """Return how ``other`` differs from this snapshot, a few rows per section."""
        lines = []
        for name in sorted(set(self.sections) | set(other.sections)):
            mine, theirs = self.sections.get(name, Counter()), other.sections.get(name, Counter())
            missing, extra = mine - theirs, theirs - mine
            if not missing and not extra:
                continue
            lines.append(
                f"{name}: {missing.total()} rows missing, {extra.total()} extra "
                f"({mine.total()} expected, {theirs.total()} found)"
            )
            for sign, rows in (("-", missing), ("+", extra)):
                for row, n in sorted(rows.items(), key=repr)[:limit]:
                    lines.append(f"  {sign} {row!r}" + (f" x{n}" if n > 1 else ""))
        return lines


def snapshot(store: Store) -> Snapshot:
    """Read the whole store into a :class:`Snapshot` (meant for test-sized stores)."""
    db: Database = store._db  # read-only: the store has no public way to run SQL
    labels = _actor_labels(db)

    def actor(actor_id: str | None) -> str | None:
        return None if actor_id is None else labels.get(actor_id, f"unknown actor {actor_id}")

    evidence: dict[tuple[str, str], list[Row]] = {}
    for quote, relation, event, doc, start, end, stage, confidence in db.execute(
        "SELECT quote_id, relation_id, event_id, document_id, start_char, end_char, stage, "
        "confidence FROM evidence"
    ):
        key = (
            ("quote", quote) if quote else ("relation", relation) if relation else ("event", event)
        )
        evidence.setdefault(key, []).append((doc, start, end, stage, confidence))

    def spans(kind: str, fact_id: str) -> Row:
        return tuple(sorted(evidence.get((kind, fact_id), [])))

    participants: dict[str, list[Row]] = {}
    for event, role, doc, local, actor_id, date_key, start in db.execute(
        "SELECT event_id, role, document_id, local_id, actor_id, date_key, start_char "
        "FROM event_actors"
    ):
        participants.setdefault(event, []).append(
            (role, doc, local, actor(actor_id), date_key, start)
        )

    casualties: dict[str, list[Row]] = {}
    for event, *row in db.execute(
        "SELECT event_id, seq, span_seq, document_id, kind, value, qualifier, modality, "
        "attributed_local_id, attributed_actor_id, start_char, end_char, stage, confidence "
        "FROM event_casualties"
    ):
        casualties.setdefault(event, []).append((*row[:7], actor(row[7]), *row[8:]))

    sections: dict[str, Counter[Row]] = {
        "table rows": Counter(_table_counts(db).items()),
        "documents": _rows(
            db,
            "SELECT id, LENGTH(text), title, published, publisher, author, url, source, "
            "language, notes FROM documents",
        ),
        "stage_runs": _rows(db, "SELECT document_id, stage, version FROM stage_runs"),
        "actors": Counter(
            (actor(a), name, type_, kind, norm)
            for a, name, type_, kind, norm in db.execute(
                "SELECT id, name, type, kind, name_norm FROM actors"
            )
        ),
        "entities": _relabel(
            db,
            "SELECT document_id, local_id, actor_id, name, type, kind, confidence, place_lat, "
            "place_lon, place_country, place_admin1, place_precision, place_gazetteer_id, "
            "stage FROM entities",
            actor,
            (2,),
        ),
        "mentions": _relabel(
            db,
            "SELECT document_id, local_id, start_char, end_char, text, label, actor_id, "
            "confidence, stage, published_key FROM mentions",
            actor,
            (6,),
        ),
        "actor_aliases": _relabel(
            db,
            "SELECT document_id, local_id, alias, alias_norm, actor_id, stage FROM actor_aliases",
            actor,
            (4,),
        ),
        "actor_keys": _relabel(
            db, "SELECT document_id, local_id, key, actor_id FROM actor_keys", actor, (3,)
        ),
        "dates": _rows(
            db,
            "SELECT document_id, start_char, end_char, text, value, date_precision, "
            "start_date, end_date, relative, stage FROM dates",
        ),
        "quotes": Counter(
            (*row[1:7], actor(row[7]), *row[8:], spans("quote", row[0]))
            for row in db.execute(
                "SELECT id, document_id, kind, start_char, end_char, text, speaker_local_id, "
                "speaker_actor_id, speaker_start, speaker_end, speaker_text, cue, cue_start, "
                "cue_end, confidence, stage, published_key FROM quotes"
            )
        ),
        "relations": Counter(
            (
                *row[1:5],
                actor(row[5]),
                row[6],
                row[7],
                actor(row[8]),
                *row[9:14],
                row[14],
                actor(row[15]),
                *row[16:],
                spans("relation", row[0]),
            )
            for row in db.execute(
                "SELECT id, document_id, start_char, end_char, subject_local_id, "
                "subject_actor_id, predicate, object_local_id, object_actor_id, role, mode, "
                "valid_start, valid_end, modality, attributed_local_id, attributed_actor_id, "
                "confidence, stage, published_key FROM relations"
            )
        ),
        "events": Counter(
            (
                *row[1:8],
                actor(row[8]),
                *row[9:],
                spans("event", row[0]),
                tuple(sorted(participants.get(row[0], []), key=repr)),
                tuple(sorted(casualties.get(row[0], []), key=repr)),
            )
            for row in db.execute(
                "SELECT id, document_id, start_char, end_char, type, mode, modality, "
                "attributed_local_id, attributed_actor_id, date_text, date_value, date_start, "
                "date_end, confidence, stage FROM events"
            )
        ),
        "corroboration": Counter(
            (
                actor(c.subject_id),
                c.predicate,
                actor(c.object_id),
                c.documents,
                c.publishers,
                len(c.evidence),
                tuple(sorted((x.kind, x.detail, len(x.relation_ids)) for x in c.conflicts)),
            )
            for c in store.corroborated_relations()
        ),
    }
    return Snapshot(sections)


def _actor_labels(db: Database) -> dict[str, str]:
    """Return a content label per actor id: type, name and the first entity naming it."""
    first: dict[str, tuple[str, str]] = {}
    for actor_id, doc, local in db.execute("SELECT actor_id, document_id, local_id FROM entities"):
        first[actor_id] = min(first.get(actor_id, (doc, local)), (doc, local))
    labels = {}
    for actor_id, name, type_ in db.execute("SELECT id, name, type FROM actors"):
        doc, local = first.get(actor_id, ("no entity", actor_id))
        labels[actor_id] = f"{type_}:{name}@{doc[:16]}/{local}"
    return labels


def _table_counts(db: Database) -> dict[str, int]:
    from actorgraph.store._write import COLUMNS

    tables = [
        "documents",
        "stage_runs",
        "actors",
        *COLUMNS,
        "actor_decisions",
        "actor_decision_keys",
    ]
    return {t: int(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}


def _rows(db: Database, sql: str) -> Counter[Row]:
    return Counter(tuple(row) for row in db.execute(sql))


def _relabel(db: Database, sql: str, actor: Label, columns: Iterable[int]) -> Counter[Row]:
    """Return the rows of ``sql`` with the actor ids at ``columns`` replaced by labels."""
    at = set(columns)
    return Counter(
        tuple(actor(v) if i in at else v for i, v in enumerate(row)) for row in db.execute(sql)
    )
