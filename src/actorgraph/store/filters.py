"""What a listing or an export covers, and the SQL conditions that select it.

One :class:`Filters` serves every listing (actors, relations, events, quotes, documents),
the HTTP API's lists and every export, so the same options mean the same thing
everywhere:

- ``since``/``until``: an event's own date range overlaps them (undated events are left
  out); any other row's document was published within them (a date prefix such as
  "2015" overlaps "2015-02-01"; undated documents are left out);
- ``document_ids``: rows read from these documents;
- ``modalities``: relations and events with one of these claim statuses;
- ``min_confidence``: relations, events, quotes and mentions at least this confident;
- ``actor_ids``: facts with one of these actors (a relation's subject or object, an
  event's participant in any role, a quote's speaker);
- ``countries``: events located in one of these countries (ISO codes);
- ``place_ids``/``regions``: events located at one of these place actors or in one of
  these first-level regions (a place name given to a listing stands for both);
- ``runs``: relations, events and quotes first written by one of these ingest runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

MODALITIES = ("asserted", "reported", "alleged", "denied", "planned")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class Filters:
    """What to list or export; None (every field's default) keeps everything."""

    since: str | None = None  # "YYYY-MM-DD" or a prefix, compared as text
    until: str | None = None  # the last day covered ("2014-06-31" stands for all of June)
    actor_ids: frozenset[str] | None = None
    document_ids: frozenset[str] | None = None
    modalities: frozenset[str] | None = None
    min_confidence: float | None = None
    countries: frozenset[str] | None = None
    place_ids: frozenset[str] | None = None
    regions: frozenset[str] | None = None  # first-level regions, lower case
    runs: frozenset[int] | None = None  # facts first written by one of these ingest runs

    def with_actors(self, actor_ids: Iterable[str] | None) -> Filters:
        """Return these filters keeping also only the facts of ``actor_ids`` (if not None)."""
        if actor_ids is None:
            return self
        ids = frozenset(actor_ids)
        return replace(self, actor_ids=ids if self.actor_ids is None else ids & self.actor_ids)

    def with_dates(self, since: str | None, until: str | None) -> Filters:
        """Return these filters with the date bounds given (those not None)."""
        return replace(self, since=since or self.since, until=until or self.until)


def end_of(value: str) -> str:
    """Return the last day a date prefix covers, as text: '2014' -> '2014-12-31'."""
    return value + {4: "-12-31", 7: "-31", 10: ""}[len(value)]


def check_date(label: str, value: str | None) -> str | None:
    """Return ``value`` if it is YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError otherwise."""
    if value is not None and not _DATE.fullmatch(value):
        raise ValueError(f"{label}={value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    return value


@dataclass
class Where:
    """SQL conditions joined with AND, and their parameters in order."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def add_in(
        self, column: str, values: Iterable[Any], template: str = "{column} IN ({marks})"
    ) -> None:
        """Add ``column IN (values)`` (or ``template`` filled so); no values keeps no row."""
        values = sorted(values)
        if not values:
            self.add("1 = 0")  # an empty set keeps nothing
            return
        self.add(template.format(column=column, marks=marks(values)), *values)

    def sql(self, keyword: str = "WHERE") -> str:
        """Return ``WHERE a AND b `` (with a trailing space), or "" without conditions."""
        return f"{keyword} {' AND '.join(self.clauses)} " if self.clauses else ""


def marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


def published(where: Where, flt: Filters, column: str) -> None:
    """Keep rows whose ``column`` (a published date or published_key, '' or NULL for none)
    overlaps [since, until]: a prefix is compared with the bound cut to its length."""
    value = f"COALESCE({column}, '')"
    if flt.since is not None or flt.until is not None:
        where.add(f"{value} <> ''")
    if flt.since is not None:
        where.add(f"{value} >= SUBSTR(?, 1, LENGTH({value}))", flt.since)
    if flt.until is not None:
        where.add(f"{value} <= SUBSTR(?, 1, LENGTH({value}))", flt.until)


def _common(
    where: Where, flt: Filters, x: str, *, modality: bool = True, runs: bool = True
) -> None:
    if runs and flt.runs is not None:
        where.add_in(f"{x}.run_id", flt.runs)
    if flt.document_ids is not None:
        where.add_in(f"{x}.document_id", flt.document_ids)
    if modality and flt.modalities is not None:
        where.add_in(f"{x}.modality", flt.modalities)
    if flt.min_confidence is not None:
        where.add(f"{x}.confidence >= ?", flt.min_confidence)


def relation_where(flt: Filters, r: str = "r") -> Where:
    """Return the conditions on relations (alias ``r``)."""
    where = Where()
    published(where, flt, f"{r}.published_key")
    _common(where, flt, r)
    if flt.actor_ids is not None:
        ids = sorted(flt.actor_ids)
        if not ids:
            where.add("1 = 0")
        else:
            m = marks(ids)
            either = f"({r}.subject_actor_id IN ({m}) OR {r}.object_actor_id IN ({m}))"
            where.add(either, *ids, *ids)
    return where


def event_where(flt: Filters, e: str = "e") -> Where:
    """Return the conditions on events (alias ``e``): their own dates, not the document's."""
    where = Where()
    if flt.since is not None:
        where.add(f"{e}.date_end >= ?", flt.since)
    if flt.until is not None:
        where.add(f"{e}.date_start <= ?", flt.until)
    _common(where, flt, e)
    if flt.actor_ids is not None:
        where.add_in(
            "actor_id",
            flt.actor_ids,
            f"{e}.id IN (SELECT event_id FROM event_actors WHERE {{column}} IN ({{marks}}))",
        )
    if flt.countries is not None:
        located = Where()
        located.add_in("UPPER(COALESCE(en.place_country, ''))", flt.countries)
        _located(where, e, located)
    if flt.place_ids is not None or flt.regions is not None:
        located = Where()
        located.add_in("ea.actor_id", flt.place_ids or ())
        located.add_in("LOWER(COALESCE(en.place_admin1, ''))", flt.regions or ())
        located.clauses = [" OR ".join(located.clauses)]
        _located(where, e, located)
    return where


def _located(where: Where, e: str, located: Where) -> None:
    """Keep the events with a location meeting ``located`` (on ``ea`` and its entity ``en``)."""
    where.add(
        f"{e}.id IN (SELECT ea.event_id FROM event_actors ea JOIN entities en "
        "ON en.document_id = ea.document_id AND en.local_id = ea.local_id "
        f"WHERE ea.role = 'location' AND ({located.clauses[0]}))",
        *located.params,
    )


def quote_where(flt: Filters, q: str = "q") -> Where:
    """Return the conditions on quotes (alias ``q``); quotes have no claim status."""
    where = Where()
    published(where, flt, f"{q}.published_key")
    _common(where, flt, q, modality=False)
    if flt.actor_ids is not None:
        where.add_in(f"{q}.speaker_actor_id", flt.actor_ids)
    return where


def mention_where(flt: Filters, m: str = "m") -> Where:
    """Return the conditions on the mentions (alias ``m``) an actor listing counts."""
    where = Where()
    published(where, flt, f"{m}.published_key")
    _common(where, flt, m, modality=False, runs=False)
    return where


def document_where(flt: Filters, d: str = "d") -> Where:
    """Return the conditions on documents (alias ``d``)."""
    where = Where()
    published(where, flt, f"{d}.published")
    if flt.document_ids is not None:
        where.add_in(f"{d}.id", flt.document_ids)
    return where
