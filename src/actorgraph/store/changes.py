"""What one ingest run, or the runs of a period, added to the store.

The rows a run added carry its id (``store.runs``, m007). Against what the store held
before the first of the runs asked about (rows of older runs, or of no run):

- a **new actor** is one the runs created;
- a **new relation** is a fact (subject, predicate, object, grouped as
  ``resolve.corroborate`` does) with no evidence from before;
- a relation **newly corroborated** had evidence before and gained a distinct source
  affirming it (a reprint of a story it had counts for nothing, a denial is no support);
- a **new contradiction** is a conflict (``disputed`` or ``rival``) the fact did not have
  before, raised by the runs' evidence;
- **new events** are the event rows the runs added (events are not grouped across
  documents);
- the **most changed actors** are ranked by the relations, events and quotes the runs
  added about them.

Rows of runs after the ones asked about are left out, so a run's changes read the same
later.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from actorgraph.resolve.corroborate import (
    EXCLUSIVE,
    Claim,
    Conflict,
    CorroboratedRelation,
    count_sources,
    fact_key,
    group_claims,
)
from actorgraph.store import facts, runs
from actorgraph.store._db import Database
from actorgraph.store.facts import EventFact
from actorgraph.store.filters import Filters, marks

Key = tuple[str, str, str]
_CHUNK = 400  # actor ids per statement (each is bound twice)


@dataclass(frozen=True)
class ActorChange:
    """An actor with the facts the runs added about it."""

    id: str
    name: str
    type: str
    kind: str | None
    relations: int
    events: int
    quotes: int

    @property
    def facts(self) -> int:
        return self.relations + self.events + self.quotes


@dataclass(frozen=True)
class RelationChange:
    """A fact the runs added, or added a source to; ``new_evidence`` is the runs' claims."""

    relation: CorroboratedRelation  # with every claim up to the runs
    new_evidence: tuple[Claim, ...]
    sources_before: int  # distinct sources affirming it before the runs (0: a new relation)
    sources: int  # and with the runs (a new relation: every source, denials included)


@dataclass(frozen=True)
class ContradictionChange:
    """A conflict a fact has since the runs, and the fact it is on."""

    conflict: Conflict
    relation: CorroboratedRelation


@dataclass(frozen=True)
class Changes:
    """What the runs added, section by section (each cut to the limit asked for)."""

    runs: tuple[runs.Run, ...]
    new_actors: tuple[ActorChange, ...]
    new_relations: tuple[RelationChange, ...]
    corroborated: tuple[RelationChange, ...]
    contradictions: tuple[ContradictionChange, ...]
    new_events: tuple[EventFact, ...]
    most_changed: tuple[ActorChange, ...]
    totals: dict[str, int]  # the number of items of each section before the cut


SECTIONS = (
    "new_actors", "new_relations", "corroborated", "contradictions", "new_events",
    "most_changed",
)  # fmt: skip


def changes(db: Database, run_ids: Sequence[int], *, limit: int = 100) -> Changes:
    """Return what the runs ``run_ids`` added (none given: an empty report)."""
    ids = sorted(set(run_ids))
    found = tuple(runs.get(db, i) for i in ids)
    if not ids:
        return Changes((), (), (), (), (), (), (), dict.fromkeys(SECTIONS, 0))
    touched = _touched_actors(db, ids)
    new_rel, corroborated, contradictions = _relation_changes(db, ids, touched)
    new_actors = _new_actors(db, ids, touched)
    most = sorted(touched.values(), key=lambda a: (-a.facts, a.name, a.id))
    flt = Filters(runs=frozenset(ids))
    totals = {
        "new_actors": len(new_actors),
        "new_relations": len(new_rel),
        "corroborated": len(corroborated),
        "contradictions": len(contradictions),
        "new_events": facts.count_events(db, flt=flt),
        "most_changed": len(most),
    }
    return Changes(
        runs=found,
        new_actors=tuple(new_actors[:limit]),
        new_relations=tuple(new_rel[:limit]),
        corroborated=tuple(corroborated[:limit]),
        contradictions=tuple(contradictions[:limit]),
        new_events=tuple(facts.event_facts(db, limit=limit, flt=flt)),
        most_changed=tuple(most[:limit]),
        totals=totals,
    )


def _touched_actors(db: Database, ids: Sequence[int]) -> dict[str, ActorChange]:
    """Return every actor the runs added a fact about, with the counts of those facts."""
    m = marks(ids)
    sql = (
        "SELECT x.actor_id, a.name, a.type, a.kind, SUM(x.rel), SUM(x.ev), SUM(x.quo) FROM ("
        f"SELECT subject_actor_id AS actor_id, 1 AS rel, 0 AS ev, 0 AS quo FROM relations "
        f"WHERE run_id IN ({m}) "
        f"UNION ALL SELECT object_actor_id, 1, 0, 0 FROM relations WHERE run_id IN ({m}) "
        "AND object_actor_id <> subject_actor_id "
        "UNION ALL SELECT p.actor_id, 0, 1, 0 FROM (SELECT DISTINCT ea.event_id, ea.actor_id "
        f"FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.run_id IN ({m})) p "
        f"UNION ALL SELECT speaker_actor_id, 0, 0, 1 FROM quotes WHERE run_id IN ({m}) "
        "AND speaker_actor_id IS NOT NULL"
        ") x JOIN actors a ON a.id = x.actor_id GROUP BY x.actor_id, a.name, a.type, a.kind"
    )
    rows = db.execute(sql, [*ids, *ids, *ids, *ids])
    return {
        r[0]: ActorChange(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6])) for r in rows
    }


def _new_actors(
    db: Database, ids: Sequence[int], touched: dict[str, ActorChange]
) -> list[ActorChange]:
    rows = db.execute(
        f"SELECT id, name, type, kind FROM actors WHERE first_run IN ({marks(ids)})", ids
    )
    out = [touched.get(r[0]) or ActorChange(r[0], r[1], r[2], r[3], 0, 0, 0) for r in rows]
    return sorted(out, key=lambda a: (-a.facts, a.name, a.id))


def _relation_changes(
    db: Database, ids: Sequence[int], touched: dict[str, ActorChange]
) -> tuple[list[RelationChange], list[RelationChange], list[ContradictionChange]]:
    """Return the new relations, those newly corroborated, and the new conflicts."""
    actors = sorted(touched)
    if not actors:
        return [], [], []
    first = ids[0]
    run_of: dict[str, int | None] = {}
    claims: dict[str, Claim] = {}
    # In chunks: a first ingest touches more actors than a statement takes parameters.
    for i in range(0, len(actors), _CHUNK):
        chunk = actors[i : i + _CHUNK]
        run_of.update(_relation_runs(db, chunk))
        claims.update((c.relation_id, c) for c in facts.claims(db, actor_ids=chunk))
    in_runs: list[Claim] = []
    before: list[Claim] = []
    for c in sorted(claims.values(), key=lambda c: (c.document_id, c.start, c.relation_id)):
        run = run_of.get(c.relation_id)
        if run in ids:
            in_runs.append(c)
        elif run is None or run < first:
            before.append(c)  # rows of later runs are left out
    keys = {fact_key(c) for c in in_runs}
    # A rival is a leader of the same group: keep those facts too, to compare.
    groups = {(k[1], k[2]) for k in keys if k[1] in EXCLUSIVE}

    def relevant(claims: Iterable[Claim]) -> list[Claim]:
        return [c for c in claims if fact_key(c) in keys or (c.predicate, fact_key(c)[2]) in groups]

    after = group_claims(relevant([*before, *in_runs]))
    earlier = {_key(f): f for f in group_claims(relevant(before))}
    added: dict[Key, list[Claim]] = {}
    for c in in_runs:
        added.setdefault(fact_key(c), []).append(c)
    new_rel: list[RelationChange] = []
    corroborated: list[RelationChange] = []
    contradictions: list[ContradictionChange] = []
    new_ids = {c.relation_id for c in in_runs}
    for fact in after:
        key = _key(fact)
        old = earlier.get(key)
        if key in added:
            if old is None:
                new_rel.append(RelationChange(fact, tuple(added[key]), 0, fact.publishers))
            else:
                # A denial is a source against the fact, not one more for it.
                was, now = _support(old.evidence), _support(fact.evidence)
                if now > was:
                    corroborated.append(RelationChange(fact, tuple(added[key]), was, now))
        had = {c.kind for c in old.conflicts} if old is not None else set()
        for conflict in fact.conflicts:
            if conflict.kind not in had and new_ids & set(conflict.relation_ids):
                contradictions.append(ContradictionChange(conflict, fact))
    return new_rel, corroborated, contradictions


def _support(claims: Iterable[Claim]) -> int:
    """Return the distinct sources of the claims that do not deny the fact."""
    return count_sources([c for c in claims if c.modality != "denied"])


def _key(fact: CorroboratedRelation) -> Key:
    return (fact.subject_id, fact.predicate, fact.object_id)


def _relation_runs(db: Database, actors: Sequence[str]) -> dict[str, int | None]:
    m = marks(actors)
    rows = db.execute(
        f"SELECT id, run_id FROM relations WHERE subject_actor_id IN ({m}) "
        f"OR object_actor_id IN ({m})",
        [*actors, *actors],
    )
    return {r[0]: None if r[1] is None else int(r[1]) for r in rows}
