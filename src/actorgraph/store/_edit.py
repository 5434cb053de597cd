"""Users' fixes to actor identity: merge two actors, split one, add an alias.

Each fix rewrites the rows it concerns and is recorded in ``actor_decisions`` so that a
later save of any document applies it again (:func:`~actorgraph.resolve.decisions.replay`);
which keys a fix carries and what a split-off actor is called is
:mod:`actorgraph.resolve.edit`'s. The caller owns the write transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from actorgraph.errors import NotFoundError, StoreError
from actorgraph.resolve.edit import alias_key, alias_keys, merged_keys, split_id, split_name
from actorgraph.resolve.identity import normalize_name
from actorgraph.resolve.keys import usable
from actorgraph.store._db import Database

Local = tuple[str, str]  # (document_id, local_id)

# Every column that holds an actor id, with the local-id column beside it.
_ACTOR_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("entities", "actor_id", "local_id"),
    ("mentions", "actor_id", "local_id"),
    ("actor_aliases", "actor_id", "local_id"),
    ("actor_keys", "actor_id", "local_id"),
    ("event_actors", "actor_id", "local_id"),
    ("quotes", "speaker_actor_id", "speaker_local_id"),
    ("relations", "subject_actor_id", "subject_local_id"),
    ("relations", "object_actor_id", "object_local_id"),
    ("relations", "attributed_actor_id", "attributed_local_id"),
    ("events", "attributed_actor_id", "attributed_local_id"),
    ("event_casualties", "attributed_actor_id", "attributed_local_id"),
)


def _actor(db: Database, actor: str) -> tuple[str, str]:
    row = db.execute("SELECT name, type FROM actors WHERE id = ?", (actor,)).fetchone()
    if row is None:
        raise NotFoundError(f"no actor with id {actor!r}; find ids with `actorgraph actors`")
    return str(row[0]), str(row[1])


def _record(
    db: Database,
    kind: str,
    actor: str,
    *,
    other: str | None = None,
    document: str | None = None,
    alias: str | None = None,
    key: str | None = None,
    keys: Iterable[str] = (),
) -> int:
    (last,) = db.execute("SELECT COALESCE(MAX(seq), 0) FROM actor_decisions").fetchone()
    seq = int(last) + 1
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    db.execute(
        "INSERT INTO actor_decisions (seq, kind, actor_id, other_id, document_id, alias, "
        "alias_key, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, kind, actor, other, document, alias, key, now),
    )
    db.executemany(
        "INSERT INTO actor_decision_keys (decision_seq, key) VALUES (?, ?)",
        [(seq, k) for k in sorted(set(keys))],
    )
    return seq


def merge(db: Database, keep: str, other: str) -> None:
    """Make ``other``'s mentions, aliases and facts ``keep``'s, and remove ``other``."""
    if keep == other:
        raise StoreError(f"cannot merge actor {keep!r} with itself")
    _actor(db, keep)
    _actor(db, other)
    keys = merged_keys(
        row[0]
        for row in db.execute("SELECT DISTINCT key FROM actor_keys WHERE actor_id = ?", (other,))
    )
    _record(db, "merge", keep, other=other, keys=keys)
    for table, column, _ in _ACTOR_COLUMNS:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, other))
    db.execute("DELETE FROM actors WHERE id = ?", (other,))


def split(db: Database, actor: str, *, document: str | None, alias: str | None) -> str:
    """Move the entities of ``document`` (or those named ``alias``) to a new actor; return it."""
    if (document is None) == (alias is None):
        raise StoreError("split needs exactly one of a document id or an alias")
    _, type_ = _actor(db, actor)
    key = None if alias is None else alias_key(alias, type_)
    if document is not None:
        moved = sorted(
            (str(d), str(loc))
            for d, loc in db.execute(
                "SELECT document_id, local_id FROM entities WHERE actor_id = ? AND document_id = ?",
                (actor, document),
            )
        )
        what = f"document {document[:12]}"
    else:
        moved = sorted(
            {
                (str(d), str(loc))
                for d, loc, name in db.execute(
                    "SELECT document_id, local_id, alias FROM actor_aliases WHERE actor_id = ?",
                    (actor,),
                )
                if alias_key(name, type_) == key
            }
        )
        what = f"alias {alias!r}"
    if not moved:
        raise StoreError(f"actor {actor!r} has no mention from {what}: nothing to split")
    name = split_name(_entity_names(db, moved))
    new = split_id(actor, name, type_, document=document, key=key)
    db.execute(
        "INSERT INTO actors (id, name, type, kind, name_norm) VALUES (?, ?, ?, NULL, ?) "
        "ON CONFLICT (id) DO NOTHING",
        (new, name, type_, normalize_name(name)),
    )
    move(db, moved, new)
    _record(db, "split", actor, other=new, document=document, alias=alias, key=key)
    db.execute(
        "DELETE FROM actors WHERE id = ? AND NOT EXISTS "
        "(SELECT 1 FROM entities WHERE entities.actor_id = ?)",
        (actor, actor),
    )
    return new


def add_alias(db: Database, actor: str, name: str) -> None:
    """Record that ``name`` names ``actor``: later documents with that name join it."""
    _, type_ = _actor(db, actor)
    if not usable(name):
        raise StoreError(f"{name!r} cannot name an actor: give a capitalised name")
    keys = alias_keys(name, type_)
    _record(db, "alias", actor, alias=name, key=alias_key(name, type_), keys=keys)


def move(db: Database, entities: Sequence[Local], to: str) -> None:
    """Point the given entities (and everything naming them) at actor ``to``."""
    for table, column, local in _ACTOR_COLUMNS:
        db.executemany(
            f"UPDATE {table} SET {column} = ? WHERE document_id = ? AND {local} = ?",
            [(to, d, loc) for d, loc in entities],
        )


def _entity_names(db: Database, entities: Sequence[Local]) -> list[str]:
    out = []
    for d, loc in entities:
        row = db.execute(
            "SELECT name FROM entities WHERE document_id = ? AND local_id = ?", (d, loc)
        ).fetchone()
        out.append(str(row[0]))
    return out
