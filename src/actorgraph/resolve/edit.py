"""What users' fixes to actor identity mean: the keys they add, the actor a split makes.

The store rewrites the rows of a merge, split or alias (``store/_edit.py``) and records
each as a :class:`~actorgraph.resolve.decisions.Decision`; these functions decide which
keys the decision carries and what the split-off actor is called.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from actorgraph.resolve.identity import actor_id
from actorgraph.resolve.keys import name_key, names_of, strip_titles


def alias_key(name: str, type_: str) -> str:
    """Return the exact key a user's alias (or a split's name) is matched by."""
    return name_key(strip_titles(name) if type_ == "PERSON" else name)


def alias_keys(name: str, type_: str) -> frozenset[str]:
    """Return the keys that lead a later entity named ``name`` to the actor it aliases.

    Its exact keys and, for a person, the first-and-last-name key; never the skeleton
    keys, which only find candidates to score.
    """
    names = names_of(name, [], type_)
    keys = {alias_key(name, type_), *names.exact}
    keys.update(k for k in names.blocking if k.startswith("p:"))
    return frozenset(keys)


def merged_keys(keys: Iterable[str]) -> frozenset[str]:
    """Return which of a merged actor's index keys lead to the actor it was merged into.

    All but the skeleton keys: those only find candidates, which scoring then judges.
    """
    return frozenset(k for k in keys if not k.startswith("s:"))


def split_name(names: Iterable[str]) -> str:
    """Return the name of an actor split off another: the one its entities use most.

    Ties go to the first in sort order, so the same split always gives the same name.
    """
    counts = Counter(names)
    return min(counts, key=lambda n: (-counts[n], n))


def split_id(actor: str, name: str, type_: str, *, document: str | None, key: str | None) -> str:
    """Return the id of the actor split off ``actor`` by ``document`` (or an alias ``key``).

    Salted by what was split, so splitting the same thing again gives the same actor.
    """
    return actor_id(name, type_, salt=f"split:{actor}:{document or key}")
