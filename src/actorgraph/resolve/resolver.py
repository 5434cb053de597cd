"""Resolve each entity of a document to a cross-document actor, at save time.

Candidates come from the key index (names and aliases of stored entities, and the names
users attached by decisions), which the store gives as an
:class:`~actorgraph.resolve.index.ActorIndex`; each is scored by type, name agreement and
the actors the document shares with it (:mod:`actorgraph.resolve.match`). The best above
the threshold wins, else the entity founds a new actor. The users' decisions are applied
last, in the order they were made. Reads happen inside the save's write transaction, so
the outcome depends only on what was saved before: document order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from actorgraph.model import Analysis
from actorgraph.resolve.decisions import replay
from actorgraph.resolve.identity import actor_id, normalize_name
from actorgraph.resolve.index import ActorIndex
from actorgraph.resolve.keys import MISTYPED_PERSON, Names, is_acronym, names_of
from actorgraph.resolve.match import STRONG, Candidate, Match, needs_context, rank


@dataclass(frozen=True)
class Resolution:
    """The actor one entity of a document belongs to, and why."""

    local_id: str
    actor_id: str
    score: float  # 0 for a new actor
    reason: str  # "new actor", "same name", "full name", "user alias", "split", ...


def resolve_entities(index: ActorIndex, analysis: Analysis) -> list[Resolution]:
    """Return the actor of every entity of ``analysis``, in the analysis's entity order.

    The document's own rows must be gone already (a re-save deletes them first), so the
    outcome is the same as when it was first saved after the same documents.
    """
    doc_id = analysis.document.id
    entities = analysis.entities
    names = [names_of(e.name, e.aliases, e.type) for e in entities]
    lookup = set().union(*(n.lookup_keys for n in names)) if names else set()
    found = index.actors_by_key(lookup)
    decided = index.decided_by_key(lookup)
    info = index.actor_names(set(found) | set(decided))
    actor_names = {
        a: names_of(name, [name, *aliases], type_) for a, (name, type_, aliases, _) in info.items()
    }

    def candidates(n: Names) -> list[Candidate]:
        keys = n.lookup_keys
        out = []
        for a in sorted(set(found) | set(decided)):
            by_name = bool(found.get(a, set()) & keys)
            by_decision = bool(decided.get(a, set()) & keys)
            if not (by_name or by_decision):
                continue
            own = actor_names.get(a) or names_of("", [], n.type)
            docs = info[a].documents if a in info else 0
            out.append(Candidate(a, own, decided=by_decision, documents=docs))
        return out

    cands = [candidates(n) for n in names]
    first = [rank(n, c) for n, c in zip(names, cands, strict=True)]
    # The actors this document surely names: the context weaker matches are weighed by.
    sure = {m[0].actor_id for m in first if m and m[0].score >= STRONG}
    shared: dict[str, int] = {}
    unsure = [
        c.actor_id for n, cs in zip(names, cands, strict=True) if needs_context(n, cs) for c in cs
    ]
    if unsure and sure:
        shared = index.shared_context(unsure, sure, {a: row.documents for a, row in info.items()})
    ranked = [
        rank(n, c, shared=shared) if needs_context(n, c) else r
        for n, c, r in zip(names, cands, first, strict=True)
    ]
    chosen = _assign(ranked)
    for i, e in enumerate(entities):
        if chosen[i] is None:
            chosen[i] = _only_person_so_called(index, e.name, e.type, names[i])
    decisions = index.decisions()
    out = []
    for i, e in enumerate(entities):
        match = chosen[i]
        if match is None:
            # The actor this name founds: the same id as when it was first saved, even if
            # the documents that found it by its name are gone (merged, re-saved).
            aid = _new_id(e.name, e.type, names[i], doc_id)
            score, reason = 0.0, "new actor"
        else:
            aid, score, reason = match.actor_id, match.score, match.reason
        final = replay(decisions, aid, document_id=doc_id, keys=names[i].exact | names[i].bare)
        if final != aid:
            reason = f"{reason}; user decision"
        out.append(Resolution(e.id, final, score, reason))
    return out


DOMINANT = 5  # a bare name joins a person who is called so in 5x more documents than others


def _only_person_so_called(index: ActorIndex, name: str, type_: str, names: Names) -> Match | None:
    """A bare surname ("Trump", even when the model typed it ORG) joins the one person that
    earlier documents already call so, or the one they call so far more often than anyone
    else; when two people share it about as often, it stays apart (`split` and `merge`
    correct either way)."""
    if names.persons or len(name.split()) != 1 or type_ not in {"PERSON", *MISTYPED_PERSON}:
        return None
    if not all(len(n.split()) == 1 for n in names.names) or is_acronym(name):
        return None
    people = index.people_called(normalize_name(name))
    if len(people) == 1:
        return Match(people[0][0], 0.8, "the only person so called")
    if len(people) > 1 and people[0][1] >= DOMINANT * people[1][1] and people[0][1] >= 3:
        return Match(people[0][0], 0.7, "the person mostly so called")
    return None


def _new_id(name: str, type_: str, names: Names, doc_id: str) -> str:
    """Return the id of the actor an entity founds.

    A person named by one word only founds an actor of this document alone.
    """
    if type_ == "PERSON" and not names.persons:
        return actor_id(name, type_, salt=doc_id)
    return actor_id(name, type_)


def _assign(ranked: Sequence[list[Match]]) -> list[Match | None]:
    """Give each entity its best match; only exact-name matches may share an actor.

    Two entities the document kept apart stay apart unless both carry the actor's name
    exactly (then the document missed an alias). Stronger matches choose first.
    """
    order = sorted(range(len(ranked)), key=lambda i: (-(ranked[i][0].score if ranked[i] else 0), i))
    takers: dict[str, list[float]] = {}
    chosen: list[Match | None] = [None] * len(ranked)
    for i in order:
        for m in ranked[i]:
            others = takers.get(m.actor_id, [])
            if not others or (m.score >= STRONG and min(others) >= STRONG):
                chosen[i] = m
                takers.setdefault(m.actor_id, []).append(m.score)
                break
    return chosen
