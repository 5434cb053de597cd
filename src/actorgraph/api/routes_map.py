"""The map's route: events with the place each happened at, its coordinates and its tolls."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from actorgraph.api._deps import (
    DateBound,
    DocumentFilter,
    MinConfidence,
    ModalityFilter,
    StoresDep,
    Text,
    listing_filters,
)
from actorgraph.store import Store
from actorgraph.store.event_places import PlacedEvent

router = APIRouter(prefix="/api", tags=["facts"])

MAX_MAP_EVENTS = 10_000

ActorFilter = Annotated[
    str | None,
    Query(max_length=200, description="An actor id, or a name matched as `actorgraph show` does."),
]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class MapEvent(_Out):
    """An event with the place it is shown at: null coordinates when the gazetteer had none,
    a null place when the text names none."""

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
    modality: str = Field(description="The claim status: asserted, reported, alleged, ...")
    attributed_to: str | None
    confidence: float
    start: int = Field(description="Character offset of the evidence sentence in the document.")
    end: int
    evidence_text: str
    actors: list[str]
    targets: list[str]
    locations: list[str] = Field(description="Every place the event is located at.")
    place: str | None = Field(description="The place it is shown at (the most precise).")
    place_id: str | None
    lat: float | None
    lon: float | None
    precision: str | None = Field(description="country, region, city or place.")
    country: str | None = Field(description="ISO code of the place's country.")
    killed: int | None = Field(description="The first count of killed the text gives.")
    injured: int | None = Field(description="The first count of injured the text gives.")


class MapEvents(_Out):
    """The events of a map, most recent first; ``truncated`` when ``limit`` cut the list."""

    items: list[MapEvent]
    total: int
    truncated: bool


def _actor_ids(store: Store, actor: str) -> list[str]:
    """Return the ids ``actor`` names: itself if it is an actor id, else the matching names."""
    return [actor] if store.actors_by_id([actor]) else store.matching_ids(actor)


def _item(placed: PlacedEvent) -> MapEvent:
    e, p = placed.event, placed.place
    return MapEvent(
        id=e.id,
        document_id=e.document_id,
        document_title=e.document_title,
        published=e.published,
        type=e.type,
        mode=e.mode,
        date_text=e.date_text,
        date_value=e.date_value,
        date_start=e.date_start,
        date_end=e.date_end,
        modality=e.modality,
        attributed_to=e.attributed_to,
        confidence=e.confidence,
        start=e.start,
        end=e.end,
        evidence_text=e.evidence_text,
        actors=list(e.actors),
        targets=list(e.targets),
        locations=list(e.locations),
        place=None if p is None else p.name,
        place_id=None if p is None else p.id,
        lat=None if p is None else p.lat,
        lon=None if p is None else p.lon,
        precision=None if p is None else p.precision,
        country=None if p is None else p.country,
        killed=placed.killed,
        injured=placed.injured,
    )


@router.get("/map", summary="Events with their places")
def map_events(
    stores: StoresDep,
    type: Text = None,
    actor: ActorFilter = None,
    since: DateBound = None,
    until: DateBound = None,
    document: DocumentFilter = None,
    modality: ModalityFilter = None,
    min_confidence: MinConfidence = None,
    limit: Annotated[int, Query(ge=1, le=MAX_MAP_EVENTS, description="Events at most.")] = 5000,
) -> MapEvents:
    """List events with the place each is shown at and its coordinates, most recent first.

    The filters are those of ``/api/events``: a date range keeps the events whose own
    dates overlap it. Events without coordinates are listed too, with null ``lat``/``lon``.
    """
    with stores.open() as store:
        ids = None if actor is None else _actor_ids(store, actor)
        flt = listing_filters(
            store,
            since=since,
            until=until,
            document=document,
            modality=modality,
            min_confidence=min_confidence,
        )
        found = store.events_on_map(ids, type=type, limit=limit, flt=flt)
    return MapEvents(
        items=[_item(p) for p in found.events], total=found.total, truncated=found.truncated
    )
