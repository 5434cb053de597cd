"""Write routes: merge, split and alias, as `actorgraph merge`, `split` and `alias` do.

Each needs the server's access token (see ``_auth``), even on loopback, and a JSON body.
CSRF needs no token of its own: authentication is a bearer header, which a browser never
sends by itself, not a cookie. Each decision is stored and applied again on re-ingest.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import APIRouter, Depends, HTTPException

from actorgraph.api._auth import require_token
from actorgraph.api._deps import StoresDep
from actorgraph.api.models import AliasRequest, Edit, MergeRequest, Problem, SplitRequest
from actorgraph.errors import AmbiguousError, NotFoundError, StoreError
from actorgraph.store import Store

router = APIRouter(
    prefix="/api/actors",
    tags=["edits"],
    dependencies=[Depends(require_token)],
    responses={
        400: {"model": Problem},
        401: {"model": Problem, "description": "No token, or a wrong one."},
        403: {"model": Problem, "description": "The server has no token: writes are off."},
        404: {"model": Problem, "description": "No actor matches."},
        409: {"model": Problem, "description": "A name matches several actors."},
        415: {"model": Problem, "description": "The body is not JSON."},
        422: {"model": Problem, "description": "The request cannot be applied."},
    },
)


def _actor(store: Store, ref: str) -> tuple[str, str]:
    """Return (id, name) of the actor ``ref`` names: its id, or its one exact name."""
    try:
        return store.actor_named(ref)
    except NotFoundError as exc:
        raise HTTPException(404, f"{exc}; search with /api/actors?q=NAME") from exc
    except AmbiguousError as exc:
        raise HTTPException(409, str(exc)) from exc


@contextmanager
def _applying() -> Iterator[None]:
    """Turn a refusal of the edit itself (merge with itself, nothing to split) into a 422.

    A failed write (the database's own error, kept as the cause) goes on: the app answers
    it with 503.
    """
    try:
        yield
    except StoreError as exc:
        if exc.__cause__ is not None:
            raise
        raise HTTPException(422, str(exc)) from exc


@router.post("/merge", summary="Merge two actors")
def merge(stores: StoresDep, body: MergeRequest) -> Edit:
    """Merge actor ``other`` into ``keep``: its mentions, aliases and facts become ``keep``'s."""
    with stores.open() as store:
        keep_id, keep_name = _actor(store, body.keep)
        other_id, other_name = _actor(store, body.other)
        with _applying():
            store.merge_actors(keep_id, other_id)
    message = f"merged {other_name} ({other_id}) into {keep_name} ({keep_id})"
    return Edit(kind="merge", actor_id=keep_id, other_id=other_id, message=message)


@router.post("/split", summary="Split an actor")
def split(stores: StoresDep, body: SplitRequest) -> Edit:
    """Move the mentions of one document (or one alias) of ``actor`` to a new actor."""
    with stores.open() as store:
        actor_id, name = _actor(store, body.actor)
        with _applying():
            new = store.split_actor(actor_id, document=body.document, alias=body.alias)
        new_name = store.actors_by_id([new])[new].name
    message = f"split {new_name} ({new}) from {name} ({actor_id})"
    return Edit(kind="split", actor_id=actor_id, other_id=new, message=message)


@router.post("/alias", summary="Add an alias")
def alias(stores: StoresDep, body: AliasRequest) -> Edit:
    """Add ``name`` as an alias of ``actor``: documents saved from now on with it join it."""
    with stores.open() as store:
        actor_id, actor_name = _actor(store, body.actor)
        with _applying():
            store.add_alias(actor_id, body.name)
    message = f"{body.name!r} now names {actor_name} ({actor_id})"
    return Edit(kind="alias", actor_id=actor_id, other_id=None, message=message)
