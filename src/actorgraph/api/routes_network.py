"""The whole actor network, filtered, and the evidence of one of its edges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field

from actorgraph.api._deps import DateBound, StoresDep, date_bound
from actorgraph.store.network import MAX_EDGES, NetworkFilters

router = APIRouter(prefix="/api/network", tags=["network"])

Names = Annotated[list[str] | None, Query(max_length=50)]
Status = Annotated[
    list[Literal["asserted", "reported", "alleged", "denied", "planned"]] | None,
    Query(description="Claim statuses kept (repeat the parameter for several)."),
]
MinSources = Annotated[
    int, Query(ge=1, le=1000, description="Edges stated by at least this many distinct sources.")
]
ActorRef = Annotated[str, Path(max_length=64, description="An actor id from /api/network.")]
Predicate = Annotated[str, Path(max_length=64)]


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, frozen=True)


class NetworkNode(_Out):
    """An actor with its mentions in the store and its ``degree`` in the network shown."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    documents: int
    degree: int


class NetworkEdge(_Out):
    """One fact (source, predicate, target) and its support among the relations kept."""

    id: str
    source: str
    target: str
    predicate: str
    directed: bool = Field(description="False for a symmetric predicate (allied_with, ...).")
    modalities: list[str] = Field(description="The claim statuses of its relations.")
    relations: int
    documents: int
    sources: int = Field(description="Distinct sources: a reprinted wire story counts once.")
    disputed: bool
    first_published: str | None
    last_published: str | None


class Facets(_Out):
    """The values the filters can take in this store."""

    types: list[str]
    kinds: list[str]
    predicates: list[str]


class Network(_Out):
    """The network within the filters; ``truncated`` when ``max_edges`` cut it."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    total_edges: int
    truncated: bool
    facets: Facets


class Claim(_Out):
    """One document's statement of an edge's fact: the sentence it was read from."""

    relation_id: str
    document_id: str
    document_title: str | None
    published: str | None
    publisher: str | None
    modality: str
    attributed_to: str | None
    confidence: float
    start: int
    end: int
    evidence_text: str


class EdgeEvidence(_Out):
    """An edge's fact with every claim the filters keep, by date of publication (undated first)."""

    source: str
    source_name: str
    predicate: str
    target: str
    target_name: str
    documents: int
    sources: int
    claims: list[Claim]


def _filters(
    since: str | None,
    until: str | None,
    status: Sequence[str] | None,
    predicate: Sequence[str] | None = None,
    type: Sequence[str] | None = None,
    kind: Sequence[str] | None = None,
    min_sources: int = 1,
) -> NetworkFilters:
    def norm(values: Sequence[str] | None, lower: bool = True) -> frozenset[str] | None:
        if not values:
            return None
        return frozenset(v.strip().lower() if lower else v.strip().upper() for v in values)

    return NetworkFilters(
        types=norm(type, lower=False),
        kinds=norm(kind),
        predicates=norm(predicate),
        modalities=norm(status),
        since=date_bound(since, end=False),
        until=date_bound(until, end=True),
        min_sources=min_sources,
    )


@router.get("", summary="The whole actor network, filtered", response_model=Network)
def network(
    stores: StoresDep,
    type: Names = None,
    kind: Names = None,
    predicate: Names = None,
    status: Status = None,
    min_sources: MinSources = 1,
    since: DateBound = None,
    until: DateBound = None,
    max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES)] = MAX_EDGES,
) -> Response:
    """Return every actor linked by a relation the filters keep, and one edge per fact.

    Repeat ``type``, ``kind`` (``none`` for actors without one), ``predicate`` and
    ``status`` for several values. Both ends of an edge pass the actor filters; an edge's
    ``sources`` and ``documents`` count the relations kept (``since``/``until``: relations
    read from documents published within them). Edges with most sources come first.
    """
    flt = _filters(since, until, status, predicate, type, kind, min_sources)
    with stores.open() as store:
        found = store.network(flt, max_edges=max_edges)
        facets = store.network_facets()
    body = Network(
        nodes=[NetworkNode.model_validate(n) for n in found.nodes],
        edges=[NetworkEdge.model_validate(e) for e in found.edges],
        total_edges=found.total_edges,
        truncated=found.total_edges > len(found.edges),
        facets=Facets.model_validate(facets),
    )
    # Serialised here, once: returned as a model, 10,000 edges would be validated again.
    return Response(body.model_dump_json(), media_type="application/json")


@router.get("/edges/{source}/{predicate}/{target}", summary="The evidence of one network edge")
def edge(
    stores: StoresDep,
    source: ActorRef,
    predicate: Predicate,
    target: ActorRef,
    status: Status = None,
    since: DateBound = None,
    until: DateBound = None,
) -> EdgeEvidence:
    """Return the sentences that state the fact (source, predicate, target), within the
    network's claim status and time filters."""
    flt = _filters(since, until, status)
    with stores.open() as store:
        fact = store.network_edge(flt, source, predicate.strip().lower(), target)
    if fact is None:
        raise HTTPException(404, "no relation states this edge within these filters")
    return EdgeEvidence(
        source=fact.subject_id,
        source_name=fact.subject,
        predicate=fact.predicate,
        target=fact.object_id,
        target_name=fact.object,
        documents=fact.documents,
        sources=fact.publishers,
        claims=[Claim.model_validate(c) for c in fact.evidence],
    )
