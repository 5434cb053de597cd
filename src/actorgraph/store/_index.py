"""The SQL the resolver reads with: candidate actors by key, their names, decisions.

:class:`SQLActorIndex` implements :class:`~actorgraph.resolve.index.ActorIndex` over one
connection. Portable SQL with ``?`` placeholders (SQLite and PostgreSQL); every ORDER BY
ends on a unique key, so both engines give the same answer and resolution stays
deterministic.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import cast

from actorgraph.resolve.decisions import Decision, DecisionKind
from actorgraph.resolve.index import StoredActor
from actorgraph.store._db import Database

_CHUNK = 500  # placeholders per IN list
_PAIRS = 150  # EXISTS tests per statement (SQLite allows 500 terms in a compound SELECT)
# One pair's test. The outer table walks the rarer actor's documents (SQLite keeps the
# order of a CROSS JOIN); the inner one is a probe of (document_id, actor_id).
_SHARES = (
    "SELECT CAST(? AS TEXT) WHERE EXISTS (SELECT 1 FROM entities a "
    "CROSS JOIN entities b WHERE a.actor_id = ? "
    "AND b.document_id = a.document_id AND b.actor_id = ?)"
)


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    items = sorted(set(values))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values)


class SQLActorIndex:
    """The stored actors as the resolver reads them, through the store's connection."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def decisions(self) -> list[Decision]:
        """Return every decision, oldest first."""
        return [
            Decision(seq, cast(DecisionKind, kind), actor, other, doc, alias, key)
            for seq, kind, actor, other, doc, alias, key in self._db.execute(
                "SELECT seq, kind, actor_id, other_id, document_id, alias, alias_key "
                "FROM actor_decisions ORDER BY seq"
            )
        ]

    def actors_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        """Return the actors stored entities give any of ``keys``, with the keys they share."""
        found: dict[str, set[str]] = {}
        for chunk in _chunks(keys):
            for actor, key in self._db.execute(
                f"SELECT DISTINCT actor_id, key FROM actor_keys WHERE key IN ({_marks(chunk)})",
                chunk,
            ):
                found.setdefault(actor, set()).add(key)
        return found

    def decided_by_key(self, keys: Collection[str]) -> dict[str, set[str]]:
        """Return the actors users' decisions give any of ``keys`` (aliases, merged names)."""
        found: dict[str, set[str]] = {}
        for chunk in _chunks(keys):
            for actor, key in self._db.execute(
                "SELECT DISTINCT d.actor_id, k.key FROM actor_decision_keys k "
                "JOIN actor_decisions d ON d.seq = k.decision_seq "
                f"WHERE k.key IN ({_marks(chunk)})",
                chunk,
            ):
                found.setdefault(actor, set()).add(key)
        return found

    def actor_names(self, ids: Collection[str]) -> dict[str, StoredActor]:
        """Return the name, type, aliases (in a stable order) and documents of each actor."""
        out: dict[str, StoredActor] = {}
        for chunk in _chunks(ids):
            marks = _marks(chunk)
            heads = self._db.execute(
                "SELECT a.id, a.name, a.type, COUNT(DISTINCT e.document_id) FROM actors a "
                f"LEFT JOIN entities e ON e.actor_id = a.id WHERE a.id IN ({marks}) "
                "GROUP BY a.id, a.name, a.type",
                chunk,
            ).fetchall()
            aliases: dict[str, list[str]] = {}
            for actor, alias in self._db.execute(
                f"SELECT DISTINCT actor_id, alias FROM actor_aliases WHERE actor_id IN ({marks}) "
                "ORDER BY actor_id, alias",
                chunk,
            ):
                aliases.setdefault(actor, []).append(alias)
            for actor, name, type_, docs in heads:
                out[actor] = StoredActor(name, type_, tuple(aliases.get(actor, ())), int(docs))
        return out

    def people_called(self, alias_norm: str) -> list[tuple[str, int]]:
        """Return the person actors with a full name that carry ``alias_norm`` as an alias,
        with the number of documents that call them so, most first."""
        return [
            (row[0], int(row[1]))
            for row in self._db.execute(
                "SELECT aa.actor_id, COUNT(DISTINCT aa.document_id) FROM actor_aliases aa "
                "JOIN actors a ON a.id = aa.actor_id "
                "WHERE aa.alias_norm = ? AND a.type = 'PERSON' AND a.name LIKE '% %' "
                "GROUP BY aa.actor_id ORDER BY 2 DESC, aa.actor_id",
                (alias_norm,),
            )
        ]

    def shared_context(
        self,
        candidates: Collection[str],
        context: Collection[str],
        documents: Mapping[str, int] | None = None,
    ) -> dict[str, int]:
        """Return, per candidate, how many of the ``context`` actors share a document with it.

        Each (candidate, context actor) pair is one EXISTS test that stops at the first
        shared document and walks the documents of whichever of the two is named in fewer
        (``documents`` gives the counts; unknown counts as many). Counting every shared
        document instead read all the entity rows of an actor named in thousands of
        documents, once per save that weighed it.
        """
        if not candidates or not context:
            return {}
        cands, ctx = sorted(set(candidates))[:_CHUNK], sorted(set(context))[:_CHUNK]
        docs = documents or {}

        def degree(actor: str) -> int:
            return docs.get(actor, 1 << 30)

        pairs = [
            (c, *sorted((c, x), key=lambda a: (degree(a), a))) for c in cands for x in ctx if x != c
        ]
        out: dict[str, int] = {}
        for i in range(0, len(pairs), _PAIRS):
            chunk = pairs[i : i + _PAIRS]
            sql = " UNION ALL ".join(_SHARES for _ in chunk)
            for (actor,) in self._db.execute(sql, [v for pair in chunk for v in pair]):
                out[actor] = out.get(actor, 0) + 1
        return out
