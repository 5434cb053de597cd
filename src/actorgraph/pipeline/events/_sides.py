"""Who is on one side, for telling whether two tellings are one act: a state and its
forces, a group and the branch named after it, an unnamed group and the group a claim
names."""

from __future__ import annotations

from collections.abc import Iterable

from actorgraph.model import UNIDENTIFIED_GROUP
from actorgraph.pipeline.entities import EntityResult


def sides(entities: EntityResult, ids: Iterable[str]) -> set[str]:
    """The actors with the states whose forces or government they are ("Pakistan says it
    killed" and "Pakistani security forces killed" tell one act), and their ``family``."""
    out = family(entities, ids)
    for i in list(out):
        e = entities.by_id(i)
        state = e.name.rsplit(" of ", 1)[-1] if e is not None and " of " in e.name else None
        if state is not None and e is not None and e.kind in {"state_force", "government"}:
            out.update(x.id for x in entities.entities if x.type == "GPE" and x.name == state)
    return out


def family(entities: EntityResult, ids: Iterable[str]) -> set[str]:
    """The armed groups with the groups their names make them a branch of: "the Islamic
    State group" and its "Islamic State West Africa Province" fighters are one side."""
    out = set(ids)
    for i in list(out):
        e = entities.by_id(i)
        if e is None or e.kind != "armed_group" or e.name.startswith(UNIDENTIFIED_GROUP):
            continue
        out.update(
            x.id
            for x in entities.entities
            if x.kind == "armed_group" and x.id != i and e.name.startswith(x.name + " ")
        )
    return out


def named(entities: EntityResult, ids: list[str], other: list[str]) -> set[str]:
    """Actors that say who did it: an unidentified group may be the armed group the other
    telling names (a claim of responsibility), never a state's forces."""
    out = set()
    others = [entities.by_id(i) for i in other]
    for i in ids:
        e = entities.by_id(i)
        if e is None:
            continue
        unnamed = e.name.startswith(UNIDENTIFIED_GROUP)
        if unnamed and others and all(o is not None and o.kind == "armed_group" for o in others):
            continue
        out.add(i)
    return out
