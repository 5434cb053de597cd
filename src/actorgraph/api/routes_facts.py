"""Routes over the whole store: relations, events, quotes, documents, timeline, summary."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from actorgraph.api._deps import (
    DateBound,
    DocumentFilter,
    Limit,
    MinConfidence,
    ModalityFilter,
    Offset,
    StoresDep,
    Text,
    date_bound,
    listing_filters,
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
    since: DateBound = None,
    until: DateBound = None,
    document: DocumentFilter = None,
    modality: ModalityFilter = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Relation]:
    """List relations with their evidence sentence, newest document first.

    ``since``/``until`` keep the relations read from documents published within them.
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
        rows = store.relations_of(
            ids,
            predicate=predicate.strip().lower() if predicate else None,
            limit=offset + limit + 1,
            flt=flt,
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
    document: DocumentFilter = None,
    modality: ModalityFilter = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Event]:
    """List events, most recent first, by PLOVER type, participant, place and date range.

    A date range keeps the events whose dates overlap it and leaves undated ones out.
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
            place=place,
        )
        found = store.events_of(ids, type=type, limit=offset + limit + 1, flt=flt)
    items = [Event.model_validate(e) for e in found[offset:]]
    return page(request, items, offset=offset, limit=limit)


@router.get("/timeline", summary="Events by date")
def timeline(
    request: Request,
    stores: StoresDep,
    since: DateBound = None,
    until: DateBound = None,
    document: DocumentFilter = None,
    modality: ModalityFilter = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[Event]:
    """List events earliest first; undated events come last."""
    with stores.open() as store:
        flt = listing_filters(
            store, document=document, modality=modality, min_confidence=min_confidence
        )
        rows, total = store.timeline(
            limit=limit,
            offset=offset,
            since=date_bound(since, end=False),
            until=date_bound(until, end=True),
            flt=flt,
        )
    items = [Event.model_validate(e) for e in rows]
    return page(request, items, offset=offset, limit=limit, total=total)


@router.get("/quotes", summary="List quotes")
def quotes(
    request: Request,
    stores: StoresDep,
    speaker: ActorFilter = None,
    since: DateBound = None,
    until: DateBound = None,
    document: DocumentFilter = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Quote]:
    """List quotes with their speaker and passage, newest document first.

    ``since``/``until`` keep the quotes of documents published within them.
    """
    with stores.open() as store:
        ids = None if speaker is None else _actor_ids(store, speaker)
        flt = listing_filters(
            store,
            since=since,
            until=until,
            document=document,
            min_confidence=min_confidence,
        )
        rows = store.quotes_of(ids, limit=offset + limit + 1, flt=flt)
    items = [Quote.model_validate(q) for q in rows[offset:]]
    return page(request, items, offset=offset, limit=limit)


@router.get("/documents", summary="List documents")
def documents(
    request: Request,
    stores: StoresDep,
    since: DateBound = None,
    until: DateBound = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Document]:
    """List documents, newest first (published within ``since``/``until``, if given)."""
    with stores.open() as store:
        flt = listing_filters(store, since=since, until=until)
        rows, total = store.documents(limit=limit, offset=offset, flt=flt)
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
