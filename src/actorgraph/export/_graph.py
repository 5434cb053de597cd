"""The actor graph for GraphML and GEXF: actors as nodes, relations (and events) as edges.

A MultiDiGraph: one node per actor (keyed by its store id), one edge per (subject,
predicate, object), so two actors can be linked by several predicates; with
``with_events`` also one edge per event from each of its actors to each of its targets
(to each of its places when it names no target). Edge ids are hashes of what the edge
stands for: the same relation or event has the same id in every export. Gephi reads
``label`` on nodes and edges and ``weight`` on edges. Only actors at an end of some edge
are nodes, unless ``isolated`` keeps every actor the filters leave.

Node attributes: ``label``/``name``, ``entity_type``, ``kind`` ("" if none),
``mentions``, ``documents``, ``aliases`` (joined with "; "), and ``latitude``,
``longitude``, ``country`` for places resolved in the gazetteer.

Edge attributes, the same keys on every edge ("" or 0 where they do not apply):

- ``kind`` ("relation" or "event"), ``label`` and ``predicate`` (the predicate, or the
  PLOVER type of an event), ``weight`` (documents with evidence for it; 1 for an event);
- corroboration: ``documents``, ``sources`` (distinct sources across the whole store: a
  reprinted wire story counts once), ``relations`` (how many claims), ``conflict``
  (why a reader should check it: asserted and denied, rival leaders);
- claim status: ``modality``/``claim_status`` (every status seen, joined with "; "),
  ``attributed_to``, ``confidence`` (the highest);
- validity: ``valid_start``/``valid_end`` (the widest span the claims give); for an
  event ``date``, ``date_start``, ``date_end``;
- ``role``/``mode`` (joined), ``event_type``, ``target_role`` ("target" or "location"),
  ``fatalities`` (the first source's count of people killed) and ``casualties``;
- ``evidence`` (the first sentence read, in order of publication), ``document_id``,
  ``document_title`` and ``published`` of that sentence.
"""

from __future__ import annotations

import hashlib
from typing import Any

import networkx as nx

from actorgraph.export._filters import filters
from actorgraph.export.csv_acled import casualties_text, fatalities
from actorgraph.store import Store
from actorgraph.store.rows import EventRec, RelationRec

# networkx's line generators leave the declaration out; its file writers put this one.
XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"

_EDGE: dict[str, Any] = {
    "kind": "",
    "label": "",
    "predicate": "",
    "weight": 0,
    "documents": 0,
    "sources": 0,
    "relations": 0,
    "conflict": "",
    "modality": "",
    "claim_status": "",
    "attributed_to": "",
    "confidence": 0.0,
    "valid_start": "",
    "valid_end": "",
    "date": "",
    "date_start": "",
    "date_end": "",
    "role": "",
    "mode": "",
    "event_type": "",
    "target_role": "",
    "fatalities": 0,
    "casualties": "",
    "evidence": "",
    "document_id": "",
    "document_title": "",
    "published": "",
}


def build_graph(
    store: Store, *, with_events: bool = False, isolated: bool = False, **options: Any
) -> nx.MultiDiGraph[str]:
    """Return the actor graph within the listings' filters (``actor``: its facts only)."""
    flt = filters(store, **options)
    reader = store.export_reader()
    grouped: dict[tuple[str, str, str], list[RelationRec]] = {}
    for r in reader.relations(flt):
        grouped.setdefault((r.subject.id, r.predicate, r.object.id), []).append(r)
    edges = [_relation_edge(key, claims) for key, claims in sorted(grouped.items())]
    _corroborate(store, edges)
    if with_events:
        for event in reader.events(flt):
            edges += _event_edges(event)
    ends = {e[0] for e in edges} | {e[1] for e in edges}
    ids: set[str] | None = ends
    if isolated:
        ids = None if flt.actor_ids is None else set(flt.actor_ids) | ends
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph(name="actorgraph")
    for a in reader.actors(ids):
        attrs: dict[str, Any] = {
            "label": a.name,
            "name": a.name,
            "entity_type": a.type,
            "kind": a.kind or "",
            "mentions": a.mentions,
            "documents": len(a.document_ids),
            "aliases": "; ".join(a.aliases),
        }
        if a.place is not None:
            attrs.update(latitude=a.place.lat, longitude=a.place.lon, country=a.place.country or "")
        graph.add_node(a.id, **attrs)
    for source, target, edge_id, attrs in edges:
        if source in graph and target in graph:  # else an actor no longer mentioned anywhere
            # key: GraphML's edge id, unique in the file as Gephi needs; id: GEXF's.
            graph.add_edge(source, target, key=edge_id, id=edge_id, **attrs)
    return graph


Edge = tuple[str, str, str, dict[str, Any]]


def _relation_edge(key: tuple[str, str, str], claims: list[RelationRec]) -> Edge:
    subject, predicate, obj = key
    first = claims[0]
    starts = [c.valid_start for c in claims if c.valid_start]
    ends = [c.valid_end for c in claims if c.valid_end]
    status = "; ".join(sorted({c.modality for c in claims}))
    sources = sorted({c.attributed_to.name for c in claims if c.attributed_to})
    attrs = {
        **_EDGE,
        "kind": "relation",
        "label": predicate,
        "predicate": predicate,
        "weight": len({c.doc.id for c in claims}),
        "documents": len({c.doc.id for c in claims}),
        "relations": len(claims),
        "modality": status,
        "claim_status": status,
        "attributed_to": "; ".join(sources),
        "confidence": round(max(c.confidence for c in claims), 3),
        # The widest validity the claims give; one claim without a bound leaves it open.
        "valid_start": min(starts) if starts and len(starts) == len(claims) else "",
        "valid_end": max(ends) if ends and len(ends) == len(claims) else "",
        "role": "; ".join(sorted({c.role for c in claims if c.role})),
        "mode": "; ".join(sorted({m for c in claims for m in c.mode})),
        "evidence": " ".join(first.evidence[0].text.split()),
        "document_id": first.doc.id,
        "document_title": first.doc.title or "",
        "published": first.doc.published or "",
    }
    return subject, obj, _edge_id(subject, predicate, obj), attrs


def _corroborate(store: Store, edges: list[Edge]) -> None:
    """Add each relation edge's distinct sources and conflicts, read across the store."""
    if not edges:
        return
    found = {(c.subject_id, c.predicate, c.object_id): c for c in store.corroborated_relations()}
    for source, target, _, attrs in edges:
        c = found.get((source, attrs["predicate"], target))
        if c is not None:
            attrs["sources"] = c.publishers
            attrs["conflict"] = "; ".join(f"{x.kind}: {x.detail}" for x in c.conflicts)


def _event_edges(event: EventRec) -> list[Edge]:
    ends, role = (event.targets, "target") if event.targets else (event.locations, "location")
    attrs = {
        **_EDGE,
        "kind": "event",
        "label": event.type,
        "predicate": event.type,
        "weight": 1,
        "documents": 1,
        "sources": 1,
        "modality": event.modality,
        "claim_status": event.modality,
        "attributed_to": event.attributed_to.name if event.attributed_to else "",
        "confidence": round(event.confidence, 3),
        "date": event.date_value or "",
        "date_start": event.date_start or "",
        "date_end": event.date_end or "",
        "mode": event.mode or "",
        "event_type": event.type,
        "target_role": role,
        "fatalities": fatalities(event),
        "casualties": casualties_text(event.casualties),
        "evidence": " ".join(event.evidence[0].text.split()),
        "document_id": event.doc.id,
        "document_title": event.doc.title or "",
        "published": event.doc.published or "",
    }
    return [
        (a.id, b.id, _edge_id(a.id, f"event:{event.id}", b.id), dict(attrs))
        for a in event.actors
        for b in ends
        if a.id != b.id
    ]


def _edge_id(subject: str, predicate: str, obj: str) -> str:
    """Return a stable edge id: the same relation gets the same id in every export."""
    return hashlib.sha256(f"{subject}\t{predicate}\t{obj}".encode()).hexdigest()[:16]
