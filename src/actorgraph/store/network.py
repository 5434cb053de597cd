"""The whole actor network: one edge per fact (subject, predicate, object), within filters.

An edge groups every relation that states the same fact (``corroborate.group_claims``;
a symmetric predicate ignores the order of its ends) among the relations the filters
keep, so its ``sources`` (distinct sources: a reprinted wire story counts once) and
``documents`` are counted within the time window and claim statuses asked for. A node is
an actor at an end of some edge; both ends of an edge pass the actor filters.

Filters, each None for everything:

- ``types``/``kinds``: both ends are of one of these entity types / actor kinds (the
  kind ``"none"`` stands for actors without one);
- ``predicates``, ``modalities`` (claim statuses): relations with one of these;
- ``since``/``until``: relations read from documents published within them (as
  everywhere, see ``store.filters``);
- ``min_sources``: edges with at least this many distinct sources.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from actorgraph.resolve.corroborate import SYMMETRIC, CorroboratedRelation, group_claims
from actorgraph.store import facts, queries
from actorgraph.store._db import Database
from actorgraph.store.filters import Filters, Where, relation_where
from actorgraph.store.rows import ActorRow

NO_KIND = "none"
"""The kind filter's name for actors without a kind."""
MAX_EDGES = 50_000


@dataclass(frozen=True)
class NetworkFilters:
    """What the network keeps (see the module docstring); None keeps everything."""

    types: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    predicates: frozenset[str] | None = None
    modalities: frozenset[str] | None = None
    since: str | None = None  # full dates, as ``filters.Filters`` takes them
    until: str | None = None
    min_sources: int = 1


@dataclass(frozen=True)
class NetworkNode:
    """An actor of the network, with its mentions in the store and its edges shown."""

    id: str
    name: str
    type: str
    kind: str | None
    mentions: int
    documents: int
    degree: int


@dataclass(frozen=True)
class NetworkEdge:
    """One fact between two actors and how well the filtered relations support it."""

    id: str
    source: str
    target: str
    predicate: str
    directed: bool
    modalities: tuple[str, ...]
    relations: int
    documents: int
    sources: int
    disputed: bool
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True)
class Network:
    """The nodes and edges kept, with how many edges there were before ``max_edges``."""

    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]
    total_edges: int


@dataclass(frozen=True)
class Facets:
    """The values the filters can take in this store."""

    types: tuple[str, ...]
    kinds: tuple[str, ...]
    predicates: tuple[str, ...]


def edge_id(subject: str, predicate: str, obj: str) -> str:
    """Return a stable id of the fact (subject, predicate, object), the same in every view."""
    return hashlib.sha256(f"{subject}\x1f{predicate}\x1f{obj}".encode()).hexdigest()[:16]


def network(db: Database, flt: NetworkFilters, *, max_edges: int = MAX_EDGES) -> Network:
    """Return the network within ``flt``: edges with most sources first, at most ``max_edges``."""
    facts_kept = [
        f
        for f in group_claims(facts.claims(db, also=_where(flt)))
        if f.publishers >= flt.min_sources
    ]
    total = len(facts_kept)
    edges = tuple(_edge(f) for f in facts_kept[:max_edges])  # group_claims: most sources first
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e.source] += 1
        degree[e.target] += 1
    rows = _actor_rows(db, sorted(degree))
    nodes = tuple(
        NetworkNode(a.id, a.name, a.type, a.kind, a.mentions, a.documents, degree[a.id])
        for a in sorted(rows.values(), key=lambda a: (-degree[a.id], a.name, a.id))
    )
    return Network(nodes, edges, total)


def network_edge(
    db: Database, flt: NetworkFilters, source: str, predicate: str, target: str
) -> CorroboratedRelation | None:
    """Return the fact an edge of :func:`network` stands for, with every claim the filters
    keep, or None if they keep none. The actor filters do not apply: the ends are given."""
    where = _where(replace(flt, types=None, kinds=None))
    pairs = [(source, target), (target, source)] if predicate in SYMMETRIC else [(source, target)]
    where.add(
        "("
        + " OR ".join("(r.subject_actor_id = ? AND r.object_actor_id = ?)" for _ in pairs)
        + ")",
        *[x for pair in pairs for x in pair],
    )
    found = group_claims(facts.claims(db, predicate=predicate, also=where))
    return found[0] if found else None


def facets(db: Database) -> Facets:
    """Return the entity types, actor kinds and predicates the store holds, sorted."""
    rows = db.execute("SELECT DISTINCT type, COALESCE(kind, '') FROM actors").fetchall()
    predicates = db.execute("SELECT DISTINCT predicate FROM relations").fetchall()
    return Facets(
        types=tuple(sorted({t for t, _ in rows})),
        kinds=tuple(sorted({k or NO_KIND for _, k in rows})),
        predicates=tuple(sorted(p for (p,) in predicates)),
    )


def _where(flt: NetworkFilters) -> Where:
    where = relation_where(Filters(since=flt.since, until=flt.until, modalities=flt.modalities))
    if flt.predicates is not None:
        where.add_in("r.predicate", flt.predicates)
    for end in ("s", "o"):
        if flt.types is not None:
            where.add_in(f"{end}.type", flt.types)
        if flt.kinds is not None:
            named = flt.kinds - {NO_KIND}
            clauses = [f"{end}.kind IS NULL"] if NO_KIND in flt.kinds else []
            if named:
                clauses.append(f"{end}.kind IN ({', '.join('?' for _ in named)})")
            where.add("(" + (" OR ".join(clauses) or "1 = 0") + ")", *sorted(named))
    return where


def _edge(f: CorroboratedRelation) -> NetworkEdge:
    dates = sorted(c.published for c in f.evidence if c.published)
    return NetworkEdge(
        id=edge_id(f.subject_id, f.predicate, f.object_id),
        source=f.subject_id,
        target=f.object_id,
        predicate=f.predicate,
        directed=f.predicate not in SYMMETRIC,
        modalities=tuple(sorted({c.modality for c in f.evidence})),
        relations=len(f.evidence),
        documents=f.documents,
        sources=f.publishers,
        disputed=any(c.kind == "disputed" for c in f.conflicts),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )


def _actor_rows(db: Database, ids: Sequence[str]) -> dict[str, ActorRow]:
    out: dict[str, ActorRow] = {}
    for chunk in _chunks(ids, 900):
        out.update(queries.actor_rows(db, chunk))
    return out


def _chunks(ids: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]
