"""Routes about actors: search, profile, neighbourhood graph and timeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from actorgraph.api._deps import (
    DateBound,
    DocumentFilter,
    Limit,
    MinConfidence,
    Offset,
    StoresDep,
    Text,
    listing_filters,
    page,
)
from actorgraph.api.models import (
    Actor,
    ActorEvent,
    DocumentRef,
    Edge,
    EdgeFact,
    Graph,
    Node,
    Page,
    Profile,
    Quote,
    Relation,
    TimelineEvent,
)
from actorgraph.store import ActorRow

router = APIRouter(prefix="/api/actors", tags=["actors"])

ActorId = Annotated[str, Path(max_length=64, description="An actor id from /api/actors.")]
MAX_SEARCH = 500  # the store ranks at most this many candidates for one search
MAX_NODES = 300
MAX_EDGES = 5_000  # relations read to draw the edges among the actors shown


def _actor(row: ActorRow, score: float | None = None) -> Actor:
    return Actor(
        id=row.id,
        name=row.name,
        type=row.type,
        kind=row.kind,
        mentions=row.mentions,
        documents=row.documents,
        score=score,
    )


@router.get("", summary="Search or list actors")
def actors(
    request: Request,
    stores: StoresDep,
    q: Annotated[
        str | None, Query(max_length=200, description="Name or alias, matched fuzzily.")
    ] = None,
    type: Text = None,
    since: DateBound = None,
    until: DateBound = None,
    document: DocumentFilter = None,
    min_confidence: MinConfidence = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Actor]:
    """List actors, most mentioned first, or the best matches for ``q`` first.

    ``since``/``until`` (publication dates), ``document`` and ``min_confidence`` count only
    the mentions they keep, and leave out actors with none; a search ignores them.
    """
    type_ = type.strip().upper() if type and type.strip() else None
    with stores.open() as store:
        if q and q.strip():
            found = [
                _actor(row, score)
                for row, score in store.find_actors(q, limit=MAX_SEARCH)
                if type_ is None or row.type == type_
            ]
            window = found[offset : offset + limit]
            return page(request, window, offset=offset, limit=limit, total=len(found))
        flt = listing_filters(
            store,
            since=since,
            until=until,
            document=document,
            min_confidence=min_confidence,
        )
        rows = store.actors(type=type_, limit=offset + limit + 1, flt=flt)
    return page(request, [_actor(r) for r in rows[offset:]], offset=offset, limit=limit)


@router.get("/{actor_id}", summary="An actor's profile", responses={404: {}})
def profile(
    stores: StoresDep,
    actor_id: ActorId,
    limit: Annotated[int, Query(ge=1, le=1000, description="Items per list.")] = 200,
) -> Profile:
    """Return an actor's aliases, documents, relations, events and quotes with evidence."""
    with stores.open() as store:
        p = store.actor_profile(actor_id)
    lists = (p.documents, p.relations, p.events, p.quotes)
    return Profile(
        actor=_actor(p.actor),
        aliases=list(p.aliases),
        documents=[DocumentRef.model_validate(d) for d in p.documents[:limit]],
        relations=[
            Relation(
                id=r.id,
                document_id=r.document_id,
                subject_id=r.subject_id,
                subject=r.subject_name,
                predicate=r.predicate,
                object_id=r.object_id,
                object=r.object_name,
                role=r.role,
                mode=list(r.mode),
                modality=r.modality,
                confidence=r.confidence,
                start=r.start,
                end=r.end,
                evidence_text=r.evidence_text,
            )
            for r in p.relations[:limit]
        ],
        events=[ActorEvent.model_validate(e) for e in p.events[:limit]],
        quotes=[Quote.model_validate(q) for q in p.quotes[:limit]],
        truncated=any(len(x) > limit for x in lists),
    )


@router.get("/{actor_id}/graph", summary="An actor's neighbourhood", responses={404: {}})
def neighbourhood(
    stores: StoresDep,
    actor_id: ActorId,
    depth: Annotated[int, Query(ge=1, le=2, description="Relations away from the actor.")] = 1,
    limit: Annotated[
        int, Query(ge=1, le=MAX_NODES, description="Most actors per hop, most linked first.")
    ] = 50,
) -> Graph:
    """Return the actors within ``depth`` relations of one actor, and their relations."""
    with stores.open() as store:
        hood = store.neighbourhood(actor_id, depth=depth, limit=limit)
        ids = [actor_id, *(n.id for n in hood.neighbours)]
        rows = store.actors_by_id(ids)
        relations = store.links(ids, limit=MAX_EDGES)
    kept = set(ids)
    edges: dict[tuple[str, str, str], list[EdgeFact]] = {}
    for r in relations:
        if r.subject_id in kept and r.object_id in kept:
            edges.setdefault((r.subject_id, r.predicate, r.object_id), []).append(
                EdgeFact(
                    relation_id=r.id,
                    document_id=r.document_id,
                    start=r.start,
                    end=r.end,
                    modality=r.modality,
                )
            )
    hops = {actor_id: (0, 0), **{n.id: (n.depth, n.relations) for n in hood.neighbours}}
    return Graph(
        center=actor_id,
        depth=depth,
        nodes=[
            Node(
                id=a,
                name=rows[a].name,
                type=rows[a].type,
                kind=rows[a].kind,
                mentions=rows[a].mentions,
                depth=d,
                relations=n,
            )
            for a, (d, n) in hops.items()
            if a in rows
        ],
        edges=[Edge(source=s, predicate=p, target=o, facts=fs) for (s, p, o), fs in edges.items()],
        found=list(hood.totals),
        truncated=any(total > limit for total in hood.totals) or len(relations) >= MAX_EDGES,
    )


@router.get("/{actor_id}/timeline", summary="An actor's events by date", responses={404: {}})
def timeline(
    request: Request,
    stores: StoresDep,
    actor_id: ActorId,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[TimelineEvent]:
    """Return the events an actor takes part in, earliest first; undated events last."""
    with stores.open() as store:
        found = store.actor_timeline(actor_id, limit=limit, offset=offset)
    items = [TimelineEvent.model_validate(e) for e in found.events]
    return page(request, items, offset=offset, limit=limit, total=found.total)
