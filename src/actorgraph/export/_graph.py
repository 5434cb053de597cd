"""The actor graph for GraphML and GEXF: actors as nodes, relations merged by predicate.

A MultiDiGraph: one node per actor (keyed by its store id), one edge per (subject,
predicate, object), so two actors can be linked by several predicates. Edge ids are a
hash of the three: the same relation has the same id in every export. Gephi reads
``label`` on nodes and edges and ``weight`` on edges.

Node attributes: ``label``/``name``, ``entity_type``, ``kind`` ("" if none),
``mentions``, ``documents``, ``aliases`` (joined with "; "), and ``latitude``,
``longitude``, ``country`` for places resolved in the gazetteer.

Edge attributes: ``label``/``predicate``, ``weight`` (the number of documents with
evidence for it), ``relations`` (how many claims), ``modality`` (every claim status seen,
joined with "; "), ``role``/``mode`` (joined), ``evidence`` (the first sentence read,
in order of publication), ``document_id``, ``document_title`` and ``published`` of that
sentence.
"""

from __future__ import annotations

import hashlib
from typing import Any

import networkx as nx

from actorgraph.export._filters import filters
from actorgraph.store import Store
from actorgraph.store.rows import RelationRec

# networkx's line generators leave the declaration out; its file writers put this one.
XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


def build_graph(store: Store, *, actor: str | None = None) -> nx.MultiDiGraph[str]:
    """Return the actor graph (only ``actor``'s relations and their ends, if given)."""
    flt = filters(store, actor=actor)
    reader = store.export_reader()
    relations = reader.relations(flt)
    grouped: dict[tuple[str, str, str], list[RelationRec]] = {}
    for r in relations:
        grouped.setdefault((r.subject.id, r.predicate, r.object.id), []).append(r)
    ids: set[str] | None = None
    if flt.actor_ids is not None:
        ids = set(flt.actor_ids) | {k[0] for k in grouped} | {k[2] for k in grouped}
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
    for (subject, predicate, obj), claims in sorted(grouped.items()):
        if subject not in graph or obj not in graph:
            continue  # an actor no longer mentioned anywhere
        first = claims[0]
        edge_id = _edge_id(subject, predicate, obj)
        graph.add_edge(
            subject,
            obj,
            key=edge_id,  # GraphML's edge id, unique in the file as Gephi needs
            id=edge_id,  # GEXF's
            label=predicate,
            predicate=predicate,
            weight=len({c.doc.id for c in claims}),
            relations=len(claims),
            modality="; ".join(sorted({c.modality for c in claims})),
            role="; ".join(sorted({c.role for c in claims if c.role})),
            mode="; ".join(sorted({m for c in claims for m in c.mode})),
            evidence=" ".join(first.evidence[0].text.split()),
            document_id=first.doc.id,
            document_title=first.doc.title or "",
            published=first.doc.published or "",
        )
    return graph


def _edge_id(subject: str, predicate: str, obj: str) -> str:
    """Return a stable edge id: the same relation gets the same id in every export."""
    return hashlib.sha256(f"{subject}\t{predicate}\t{obj}".encode()).hexdigest()[:16]
