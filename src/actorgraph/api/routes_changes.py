"""Routes over the ingest runs: the runs, and what one run (or a period's runs) added."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from actorgraph.api._deps import Limit, StoresDep
from actorgraph.store import changes_json

router = APIRouter(prefix="/api", tags=["changes"])

RunId = Annotated[int | None, Query(ge=1, description="An ingest run's id (see /api/runs).")]
Since = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2})?)?)?)?)?$",
        description="Every run started since this date or time (ISO 8601, UTC).",
    ),
]


@router.get("/runs", summary="List ingest runs")
def runs(stores: StoresDep, limit: Limit = 50) -> dict[str, Any]:
    """List the ingest runs, newest first, with what each read and added."""
    with stores.open() as store:
        found, total = store.runs(limit=limit)
    items = [changes_json.run(r) for r in found]
    return {"items": items, "total": total, "limit": limit}


@router.get("/changes", summary="What an ingest run added")
def changes(
    stores: StoresDep, run: RunId = None, since: Since = None, limit: Limit = 100
) -> dict[str, Any]:
    """List what one run added (the latest by default), or every run started since a date.

    The sections: new actors, new relations, relations newly corroborated by another
    source, new contradictions, new events, and the actors whose profile changed most;
    each with ``total`` and the first ``limit`` items. 404 when there is no such run.
    """
    if run is not None and since is not None:
        raise HTTPException(status_code=400, detail="give run or since, not both")
    with stores.open() as store:
        return changes_json.changes(store.changes(run=run, since=since, limit=limit))
