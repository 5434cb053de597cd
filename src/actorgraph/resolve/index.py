"""What the resolver reads about stored actors: the interface the store implements.

The resolver holds the identity logic (keys, scoring, assignment, replaying decisions);
the store holds the rows and answers these reads, inside the save's write transaction,
so an outcome depends only on the documents saved before. Every answer must be
deterministic (ties broken on ids): resolution is the same on every engine.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import NamedTuple, Protocol

from actorgraph.resolve.decisions import Decision


class StoredActor(NamedTuple):
    """A stored actor's name and type, its aliases and the number of documents naming it."""

    name: str
    type: str
    aliases: tuple[str, ...]  # sorted, without repeats
    documents: int


class ActorIndex(Protocol):
    """The reads :func:`~actorgraph.resolve.resolver.resolve_entities` needs."""

    def actors_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        """Return the actors stored entities give any of ``keys``, with the keys they share."""

    def decided_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        """Return the actors users' decisions give any of ``keys`` (aliases, merged names)."""

    def actor_names(self, ids: Collection[str]) -> dict[str, StoredActor]:
        """Return the name, type, aliases and document count of each of these actors."""

    def people_called(self, alias_norm: str) -> list[tuple[str, int]]:
        """Return the person actors with a full name that carry ``alias_norm`` (a normalised
        name) as an alias, with the number of documents that call them so, most first."""

    def shared_context(
        self,
        candidates: Collection[str],
        context: Collection[str],
        documents: Mapping[str, int] | None = None,
    ) -> dict[str, int]:
        """Return, per candidate, how many of the ``context`` actors share a document with it.

        ``documents`` (each actor's document count, as :meth:`actor_names` gives it) may
        only make the answer faster, never different.
        """

    def decisions(self) -> list[Decision]:
        """Return every merge, split and alias decision, oldest first."""
