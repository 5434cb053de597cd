"""The store from a notebook, without SQL: iterators over its facts, and DataFrames.

``store.iter_relations(actor="Amiri", claim_status="asserted")`` and its siblings for
actors, events and quotes return :class:`Records`: iterate them for frozen records (the
exports' :class:`~actorgraph.store.rows.RelationRec`, ``EventRec``, ``QuoteRec``,
``ActorRec``), each fact with its document (``.doc.id``, ``.doc.title``) and its evidence
spans (``.evidence[i].start``, ``.end``, ``.text``, cut from the document); or call
``.to_pandas()`` for one row per record (pandas is the ``notebook`` extra). The filters
are the listings' (``store.filters``): an actor is an id or a name, dates are YYYY,
YYYY-MM or YYYY-MM-DD, a claim status is asserted / reported / alleged / denied / planned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from actorgraph.errors import UsageError
from actorgraph.store import scope, search
from actorgraph.store._db import Database
from actorgraph.store.exports import Reader
from actorgraph.store.filters import Filters
from actorgraph.store.rows import ActorRec, EventRec, Party, QuoteRec, RelationRec, Span

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")
Status = str | Sequence[str] | None


class Records(Generic[T]):
    """Records read from the store each time they are iterated (so always current)."""

    def __init__(
        self,
        read: Callable[[], list[T]],
        columns: Sequence[str],
        row: Callable[[T], tuple[Any, ...]],
    ) -> None:
        self._read, self.columns, self._row = read, tuple(columns), row

    def __iter__(self) -> Iterator[T]:
        return iter(self._read())

    def to_list(self) -> list[T]:
        """Return the records as a list."""
        return self._read()

    def to_pandas(self) -> pd.DataFrame:
        """Return a DataFrame: one row per record, nested fields flattened (``columns``).

        Needs pandas: ``pip install 'actorgraph[notebook]'``.
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise UsageError(
                "to_pandas() needs pandas: pip install 'actorgraph[notebook]'"
            ) from exc
        return pd.DataFrame([self._row(r) for r in self._read()], columns=list(self.columns))


def _party(p: Party | None) -> tuple[str | None, str | None]:
    return (None, None) if p is None else (p.id, p.name)


def _first(spans: Sequence[Span]) -> tuple[Any, ...]:
    s = spans[0] if spans else None
    return (None, None, None, 0) if s is None else (s.start, s.end, s.text, len(spans))


_EVIDENCE = ("evidence_start", "evidence_end", "evidence_text", "evidence_count")
_DOC = ("document_id", "document_title", "published")
RELATION_COLUMNS = ("id", *_DOC, "subject_id", "subject", "subject_type", "predicate",
                    "object_id", "object", "object_type", "role", "mode", "valid_start",
                    "valid_end", "modality", "attributed_to_id", "attributed_to", "confidence",
                    *_EVIDENCE)  # fmt: skip
EVENT_COLUMNS = ("id", *_DOC, "type", "mode", "date_text", "date_value", "date_start",
                 "date_end", "actors", "actor_ids", "targets", "target_ids", "locations",
                 "location_ids", "country", "lat", "lon", "modality", "attributed_to_id",
                 "attributed_to", "confidence", "killed", *_EVIDENCE)  # fmt: skip
QUOTE_COLUMNS = ("id", *_DOC, "kind", "text", "start", "end", "speaker_id", "speaker",
                 "speaker_text", "cue", "confidence", *_EVIDENCE)  # fmt: skip
ACTOR_COLUMNS = ("id", "name", "type", "kind", "mentions", "documents", "aliases", "country",
                 "lat", "lon")  # fmt: skip


def _relation_row(r: RelationRec) -> tuple[Any, ...]:
    return (r.id, r.doc.id, r.doc.title, r.doc.published, r.subject.id, r.subject.name,
            r.subject.type, r.predicate, r.object.id, r.object.name, r.object.type, r.role,
            list(r.mode), r.valid_start, r.valid_end, r.modality, *_party(r.attributed_to),
            r.confidence, *_first(r.evidence))  # fmt: skip


def _event_row(e: EventRec) -> tuple[Any, ...]:
    place = next((p.place for p in e.locations if p.place is not None), None)
    killed = next((c.value for c in e.casualties if c.kind == "killed"), None)
    return (e.id, e.doc.id, e.doc.title, e.doc.published, e.type, e.mode, e.date_text,
            e.date_value, e.date_start, e.date_end, [p.name for p in e.actors],
            [p.id for p in e.actors], [p.name for p in e.targets], [p.id for p in e.targets],
            [p.name for p in e.locations], [p.id for p in e.locations],
            None if place is None else place.country, None if place is None else place.lat,
            None if place is None else place.lon, e.modality, *_party(e.attributed_to),
            e.confidence, killed, *_first(e.evidence))  # fmt: skip


def _quote_row(q: QuoteRec) -> tuple[Any, ...]:
    return (q.id, q.doc.id, q.doc.title, q.doc.published, q.kind, q.text, q.start, q.end,
            *_party(q.speaker), q.speaker_text, q.cue, q.confidence,
            *_first(q.evidence))  # fmt: skip


def _actor_row(a: ActorRec) -> tuple[Any, ...]:
    p = a.place
    return (a.id, a.name, a.type, a.kind, a.mentions, len(a.document_ids), list(a.aliases),
            None if p is None else p.country, None if p is None else p.lat,
            None if p is None else p.lon)  # fmt: skip


def _statuses(claim_status: Status) -> tuple[str, ...]:
    if claim_status is None:
        return ()
    return (claim_status,) if isinstance(claim_status, str) else tuple(claim_status)


class Notebook:
    """The Store's iterators for notebooks (a base class of ``Store``)."""

    _db: Database

    def _filters(self, *, document: str | None, run: int | None, **typed: Any) -> Filters:
        given = {k: v for k, v in typed.items() if v not in (None, ())}
        flt = scope.resolve(self._db, documents=(document,) if document else (), **given)
        return flt if run is None else replace(flt, runs=frozenset({run}))

    def iter_actors(
        self, *, type: str | None = None, kind: str | None = None, name: str | None = None
    ) -> Records[ActorRec]:
        """Return the actors (of a type such as PERSON or ORG, a kind such as armed_group,
        matching a name), by id: with their aliases, mention counts, documents and place."""
        wanted = None if name is None else search.matching_ids(self._db, name)

        def read() -> list[ActorRec]:
            found = Reader(self._db).actors(wanted)
            return [a for a in found if (type is None or a.type == type.upper())
                    and (kind is None or a.kind == kind)]  # fmt: skip

        return Records(read, ACTOR_COLUMNS, _actor_row)

    def iter_relations(
        self,
        *,
        actor: str | None = None,
        predicate: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claim_status: Status = None,
        min_confidence: float | None = None,
        document: str | None = None,
        run: int | None = None,
    ) -> Records[RelationRec]:
        """Return the relations, oldest document first: of an actor (either end), a
        predicate, read from documents published in [since, until], of a claim status (or
        several), at least this confident, from a document (an id or its prefix), added
        by an ingest run."""
        flt = self._filters(
            actor=actor, since=since, until=until, document=document, run=run,
            modalities=_statuses(claim_status), min_confidence=min_confidence,
        )  # fmt: skip

        def read() -> list[RelationRec]:
            found = Reader(self._db).relations(flt)
            return [r for r in found if predicate is None or r.predicate == predicate]

        return Records(read, RELATION_COLUMNS, _relation_row)

    def iter_events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        claim_status: Status = None,
        min_confidence: float | None = None,
        country: str | None = None,
        place: str | None = None,
        document: str | None = None,
        run: int | None = None,
    ) -> Records[EventRec]:
        """Return the events, earliest first (undated last): of a PLOVER type, with an
        actor in any role, whose own dates overlap [since, until] (undated ones are then
        left out), of a claim status, at least this confident, in a country or at a place,
        from a document, added by an ingest run."""
        flt = self._filters(
            actor=actor, since=since, until=until, document=document, run=run,
            modalities=_statuses(claim_status), min_confidence=min_confidence,
            countries=(country,) if country else (), place=place,
        )  # fmt: skip

        def read() -> list[EventRec]:
            found = Reader(self._db).events(flt)
            return [e for e in found if type is None or e.type == type.upper()]

        return Records(read, EVENT_COLUMNS, _event_row)

    def iter_quotes(
        self,
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        min_confidence: float | None = None,
        document: str | None = None,
        run: int | None = None,
    ) -> Records[QuoteRec]:
        """Return the quotes, oldest document first: by a speaker, from documents published
        in [since, until], at least this confident, from a document, added by a run."""
        flt = self._filters(
            actor=speaker, since=since, until=until, document=document, run=run,
            min_confidence=min_confidence,
        )  # fmt: skip
        return Records(lambda: Reader(self._db).quotes(flt), QUOTE_COLUMNS, _quote_row)
