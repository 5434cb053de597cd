"""The records exports are written from: facts with their documents, actors and spans.

Plain frozen dataclasses built by :mod:`actorgraph.export._read`, and the JSON form the
JSON exports share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Filters:
    """What to export: events dated within [since, until], facts of some actors."""

    since: str | None = None  # "YYYY-MM-DD" or a prefix, compared as text
    until: str | None = None
    actor_ids: frozenset[str] | None = None  # None: every actor


@dataclass(frozen=True)
class Doc:
    id: str
    title: str | None
    published: str | None
    publisher: str | None
    author: str | None
    url: str | None
    added_at: str
    updated_at: str


@dataclass(frozen=True)
class Place:
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    precision: str | None  # country / region / city / place
    gazetteer_id: str | None


@dataclass(frozen=True)
class Party:
    """An actor as named in one document, with the place the document's entity resolved to."""

    id: str
    name: str
    type: str
    kind: str | None
    place: Place | None


@dataclass(frozen=True)
class Span:
    """An evidence span with its text, cut from the document."""

    start: int
    end: int
    text: str
    stage: str
    confidence: float


@dataclass(frozen=True)
class RelationRec:
    id: str
    doc: Doc
    subject: Party
    predicate: str
    object: Party
    role: str | None
    mode: tuple[str, ...]
    valid_start: str | None
    valid_end: str | None
    modality: str
    attributed_to: Party | None
    confidence: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class EventRec:
    id: str
    doc: Doc
    type: str
    mode: str | None
    modality: str
    attributed_to: Party | None
    confidence: float
    date_text: str | None
    date_value: str | None
    date_start: str | None
    date_end: str | None
    actors: tuple[Party, ...]
    targets: tuple[Party, ...]
    locations: tuple[Party, ...]
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class QuoteRec:
    id: str
    doc: Doc
    kind: str
    text: str
    start: int
    end: int
    speaker: Party | None
    speaker_text: str | None
    cue: str | None
    confidence: float
    evidence: tuple[Span, ...]


@dataclass(frozen=True)
class ActorRec:
    """A cross-document actor with its aliases, mention counts and most frequent place."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    aliases: tuple[str, ...]
    document_ids: tuple[str, ...]
    place: Place | None


def doc_json(doc: Doc) -> dict[str, Any]:
    """Return a document's metadata as the JSON exports write it."""
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published,
        "publisher": doc.publisher,
        "url": doc.url,
    }


def party_json(party: Party | None) -> dict[str, Any] | None:
    """Return an actor as the JSON exports write it."""
    if party is None:
        return None
    return {"id": party.id, "name": party.name, "type": party.type, "kind": party.kind}


def place_json(party: Party) -> dict[str, Any]:
    """Return a location with its gazetteer place (null coordinates when unresolved)."""
    p = party.place
    return {
        "id": party.id,
        "name": party.name,
        "latitude": None if p is None else p.lat,
        "longitude": None if p is None else p.lon,
        "country": None if p is None else p.country,
        "admin1": None if p is None else p.admin1,
        "precision": None if p is None else p.precision,
        "gazetteer_id": None if p is None else p.gazetteer_id,
    }


def spans_json(spans: Sequence[Span]) -> list[dict[str, Any]]:
    """Return evidence spans with their text."""
    return [{"start": s.start, "end": s.end, "text": s.text, "stage": s.stage} for s in spans]


def date_precision(start: str | None, end: str | None) -> str | None:
    """Return day / week / month / year / longer from a date's interval (None if undated)."""
    if start is None or end is None:
        return None
    if start == end:
        return "day"
    try:
        days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    except ValueError:
        return None
    if days <= 7:
        return "week"  # "last week", "on 2 to 4 February"
    if days <= 31:
        return "month"
    if days < 365:
        return "season"  # a few months: "last summer"
    return "year" if days <= 366 else "longer"
