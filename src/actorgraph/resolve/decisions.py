"""Users' merge, split and alias decisions, and how a save applies them again.

Decisions are kept in the order they were made; :func:`replay` walks them in that order,
so a later decision overrides an earlier one ("split" after "merge" undoes part of it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

DecisionKind = Literal["merge", "split", "alias"]


@dataclass(frozen=True)
class Decision:
    """One user decision about actors.

    ``merge``: ``other_id``'s mentions became ``actor_id``'s. ``split``: the entities of
    ``document_id`` (or those named ``alias``) moved from ``actor_id`` to ``other_id``.
    ``alias``: ``alias`` names ``actor_id``, so later documents with that name join it.
    """

    seq: int
    kind: DecisionKind
    actor_id: str
    other_id: str | None = None
    document_id: str | None = None
    alias: str | None = None
    alias_key: str | None = None


def replay(
    decisions: Sequence[Decision], actor_id: str, *, document_id: str, keys: Iterable[str]
) -> str:
    """Return the actor an entity belongs to once the decisions are applied.

    ``actor_id`` is what matching chose; ``keys`` are the entity's exact name keys.
    """
    names = set(keys)
    for d in decisions:
        if d.kind == "merge" and actor_id == d.other_id:
            actor_id = d.actor_id
        elif d.kind == "split" and d.other_id is not None:
            by_document = d.document_id is not None and d.document_id == document_id
            by_alias = d.alias_key is not None and d.alias_key in names
            if actor_id == d.actor_id and (by_document or by_alias):
                actor_id = d.other_id
            elif actor_id == d.other_id and not (by_document or by_alias):
                actor_id = d.actor_id  # the split-off actor holds only what the split moved
    return actor_id


def redirect(decisions: Sequence[Decision], actor_id: str) -> str:
    """Return the actor ``actor_id`` was merged into, following later merges too."""
    for d in decisions:
        if d.kind == "merge" and actor_id == d.other_id:
            actor_id = d.actor_id
    return actor_id
