"""Events with the place each happened at and its coordinates, for a map.

An event's place is one of its ``location`` participants: the document's entity of that
place carries the gazetteer's coordinates (``entities.place_lat``/``place_lon``). An
event at several places is put at the most precise one that has coordinates; an event
whose places have none keeps its first place's name and null coordinates, and an event
without a place keeps none: a map lists both beside it, never drops them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from actorgraph.store._db import Database
from actorgraph.store.facts import EventFact, count_events, event_facts
from actorgraph.store.filters import Filters, marks

PRECISION_RANK = {"place": 0, "city": 1, "region": 2, "country": 3}
"""The finer a place, the better it places an event; unknown precisions come last."""
CHUNK = 500  # event ids per query: far below every engine's limit on parameters


@dataclass(frozen=True)
class EventPlace:
    """Where an event happened: a place actor, and its coordinates when the gazetteer had them."""

    id: str
    name: str
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # country / region / city / place
    country: str | None = None  # ISO code


@dataclass(frozen=True)
class PlacedEvent:
    """An event, the place it is shown at (None: it names no place) and its first tolls."""

    event: EventFact
    place: EventPlace | None
    killed: int | None  # the first count the text gives (several are several sources')
    injured: int | None


@dataclass(frozen=True)
class PlacedEvents:
    """One read of events for a map: at most ``limit`` of the ``total`` within the filters."""

    events: list[PlacedEvent]
    total: int

    @property
    def truncated(self) -> bool:
        return len(self.events) < self.total


def placed_events(
    db: Database,
    *,
    type: str | None = None,
    actor_ids: Sequence[str] | None = None,
    limit: int = 5000,
    flt: Filters | None = None,
) -> PlacedEvents:
    """Return events (of a type, with one of the actors, within ``flt``), most recent first,
    each with its place and its killed and injured counts."""
    flt = (flt or Filters()).with_actors(actor_ids)
    events = event_facts(db, type=type, limit=limit, flt=flt)
    total = len(events) if len(events) < limit else count_events(db, type=type, flt=flt)
    places = best_places(db, [e.id for e in events])
    out = []
    for e in events:
        first: dict[str, int] = {}
        for c in e.casualties:  # in the order the text gives them
            first.setdefault(c.kind, c.value)
        out.append(PlacedEvent(e, places.get(e.id), first.get("killed"), first.get("injured")))
    return PlacedEvents(out, total)


def best_places(db: Database, event_ids: Iterable[str]) -> dict[str, EventPlace]:
    """Return, by event id, the place each of these events is best shown at (events without
    a location left out): the most precise with coordinates, else the first by name."""
    ids = list(event_ids)
    found: dict[str, list[EventPlace]] = {}
    for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
        for event_id, *fields in db.execute(
            "SELECT ea.event_id, a.id, a.name, en.place_lat, en.place_lon, en.place_precision, "
            "en.place_country FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
            "JOIN entities en ON en.document_id = ea.document_id AND en.local_id = ea.local_id "
            f"WHERE ea.role = 'location' AND ea.event_id IN ({marks(chunk)}) "
            "ORDER BY ea.event_id, a.name, a.id",
            chunk,
        ):
            found.setdefault(event_id, []).append(EventPlace(*fields))
    return {event_id: min(places, key=_rank) for event_id, places in found.items()}


def _rank(place: EventPlace) -> tuple[bool, int, str, str]:
    unplaced = place.lat is None or place.lon is None
    return (unplaced, PRECISION_RANK.get(place.precision or "", 9), place.name, place.id)
