"""Routes over the whole store: relations, events, quotes, documents, timeline, summary."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from actorgraph.api._deps import (
    DateBound,
    Limit,
    Offset,
    StoresDep,
    Text,
    date_bound,
    page,
)
from actorgraph.api.models import (
    AnnotatedDocument,
    Document,
    Event,
    Page,
    Quote,
    Relation,
    Summary,
)
from actorgraph.errors import NotFoundError
from actorgraph.store import Store

router = APIRouter(prefix="/api", tags=["facts"])

ActorFilter = Annotated[
    str | None,
    Query(max_length=200, description="An actor id, or a name matched as `actorgraph show` does."),
]
MAX_PLACE_SCAN = 10_000  # events read to filter by place, which the store cannot do


def _actor_ids(store: Store, actor: str) -> list[str]:
    """Return the ids ``actor`` names: itself if it is an actor id, else the matching names."""
    if store.actors_by_id([actor]):
        return [actor]
    return store.matching_ids(actor)


@router.get("/relations", summary="List relations")
def relations(
    request: Request,
    stores: StoresDep,
    actor: ActorFilter = None,
    predicate: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Relation]:
    """List relations with their evidence sentence, newest document first."""
    with stores.open() as store:
        ids = None if actor is None else _actor_ids(store, actor)
        rows = store.relations_of(
            ids,
            predicate=predicate.strip().lower() if predicate else None,
            limit=offset + limit + 1,
        )
    items = [Relation.model_validate(r) for r in rows[offset:]]
    return page(request, items, offset=offset, limit=limit)


@router.get("/events", summary="List events")
def events(
    request: Request,
    stores: StoresDep,
    type: Text = None,
    actor: ActorFilter = None,
    place: Annotated[
        str | None, Query(max_length=200, description="A place's actor id or name.")
    ] = None,
    since: DateBound = None,
    until: DateBound = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Event]:
    """List events, most recent first, by PLOVER type, participant, place and date range.

    A date range keeps the events whose dates overlap it and leaves undated ones out.
    """
    with stores.open() as store:
        ids = None if actor is None else _actor_ids(store, actor)
        places = None if place is None else _actor_ids(store, place)
        within: dict[str, Any] = {
            "type": type,
            "since": date_bound(since, end=False),
            "until": date_bound(until, end=True),
        }
        if places is not None:
            # The store filters by participant in any role: read those events, keep the
            # ones with the place as their location.
            names = {row.name for row in store.actors_by_id(places).values()}
            scan = store.events_of(places, **within, limit=MAX_PLACE_SCAN)
            keep = {e.id for e in scan if names & set(e.locations)}
            if ids is not None:
                keep &= {e.id for e in store.events_of(ids, limit=MAX_PLACE_SCAN)}
            rows = [e for e in scan if e.id in keep]
            window = [Event.model_validate(e) for e in rows[offset : offset + limit]]
            return page(request, window, offset=offset, limit=limit, total=len(rows))
        found = store.events_of(ids, **within, limit=offset + limit + 1)
    items = [Event.model_validate(e) for e in found[offset:]]
    return page(request, items, offset=offset, limit=limit)


@router.get("/timeline", summary="Events by date")
def timeline(
    request: Request,
    stores: StoresDep,
    since: DateBound = None,
    until: DateBound = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[Event]:
    """List events earliest first; undated events come last."""
    with stores.open() as store:
        rows, total = store.timeline(
            limit=limit,
            offset=offset,
            since=date_bound(since, end=False),
            until=date_bound(until, end=True),
        )
    items = [Event.model_validate(e) for e in rows]
    return page(request, items, offset=offset, limit=limit, total=total)


@router.get("/quotes", summary="List quotes")
def quotes(
    request: Request,
    stores: StoresDep,
    speaker: ActorFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Quote]:
    """List quotes with their speaker and passage, newest document first."""
    with stores.open() as store:
        ids = None if speaker is None else _actor_ids(store, speaker)
        rows = store.quotes_of(ids, limit=offset + limit + 1)
    items = [Quote.model_validate(q) for q in rows[offset:]]
    return page(request, items, offset=offset, limit=limit)


@router.get("/documents", summary="List documents")
def documents(
    request: Request, stores: StoresDep, limit: Limit = 50, offset: Offset = 0
) -> Page[Document]:
    """List documents, newest first."""
    with stores.open() as store:
        rows, total = store.documents(limit=limit, offset=offset)
    items = [Document.model_validate(d) for d in rows]
    return page(request, items, offset=offset, limit=limit, total=total)


@router.get("/documents/{document_id}", summary="A document with its spans", responses={404: {}})
def document(
    stores: StoresDep,
    document_id: Annotated[str, Path(max_length=64, description="The SHA-256 of the text.")],
) -> AnnotatedDocument:
    """Return a document's text with its mentions, quotes and the evidence of every fact."""
    with stores.open() as store:
        try:
            found = store.document(document_id)
        except NotFoundError as exc:
            raise NotFoundError(f"{exc}; list them at /api/documents") from exc
    return AnnotatedDocument.model_validate(found)


@router.get("/summary", summary="Counts")
def summary(stores: StoresDep) -> Summary:
    """Return how many documents, actors, mentions, quotes, relations and events are stored."""
    with stores.open() as store:
        s = store.summary()
    return Summary(
        documents=s["documents"],
        actors=s["actors"],
        mentions=s["mentions"],
        quotes=s["quotes"],
        relations=s["relations"],
        events=s["events"],
        actors_by_type={t: v["actors"] for t, v in s["actors_by_type"].items()},
    )
