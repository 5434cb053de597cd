"""Who is on one side, for telling whether two tellings are one act: a state and its
forces, a group and the branch named after it, an unnamed group and the group a claim
names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from actorgraph.model import UNIDENTIFIED_GROUP
from actorgraph.pipeline.entities import EntityResult

_STATE_KINDS = frozenset({"state_force", "government"})


class Sides:
    """The sides of one document's actors; the name lookups are built once, so comparing
    two tellings costs the size of their arguments, not of the document."""

    def __init__(self, entities: EntityResult) -> None:
        self.entities = entities
        self._groups: dict[str, list[str]] = defaultdict(list)
        self._states: dict[str, list[str]] = defaultdict(list)
        for x in entities.entities:
            if x.kind == "armed_group":
                self._groups[x.name].append(x.id)
            if x.type == "GPE":
                self._states[x.name].append(x.id)

    def sides(self, ids: Iterable[str]) -> set[str]:
        """The actors with the states whose forces or government they are ("Pakistan says
        it killed" and "Pakistani security forces killed" tell one act), and their
        ``family``."""
        out = self.family(ids)
        for i in list(out):
            e = self.entities.by_id(i)
            if e is not None and e.kind in _STATE_KINDS and " of " in e.name:
                out.update(self._states.get(e.name.rsplit(" of ", 1)[-1], ()))
        return out

    def family(self, ids: Iterable[str]) -> set[str]:
        """The armed groups with the groups their names make them a branch of: "the
        Islamic State group" and its "Islamic State West Africa Province" fighters are one
        side."""
        out = set(ids)
        for i in list(out):
            e = self.entities.by_id(i)
            if e is None or e.kind != "armed_group" or e.name.startswith(UNIDENTIFIED_GROUP):
                continue
            words = e.name.split(" ")
            for n in range(1, len(words)):
                out.update(x for x in self._groups.get(" ".join(words[:n]), ()) if x != i)
        return out

    def named(self, ids: list[str], other: list[str]) -> set[str]:
        """Actors that say who did it: an unidentified group may be the armed group the
        other telling names (a claim of responsibility), never a state's forces."""
        out = set()
        others = [self.entities.by_id(i) for i in other]
        for i in ids:
            e = self.entities.by_id(i)
            if e is None:
                continue
            unnamed = e.name.startswith(UNIDENTIFIED_GROUP)
            if (
                unnamed
                and others
                and all(o is not None and o.kind == "armed_group" for o in others)
            ):
                continue
            out.add(i)
        return out
