"""What every route needs: a store for the request, paging parameters, date bounds."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, TypeVar

from fastapi import Depends, HTTPException, Query, Request

from actorgraph.api.models import Page
from actorgraph.store import Store, open_store

T = TypeVar("T")

MAX_LIMIT = 500
MAX_OFFSET = 100_000


class Stores:
    """Opens one Store per request, in the thread that runs the route.

    sqlite3 objects cannot cross threads, and FastAPI may run a sync dependency and the
    route it feeds in different worker threads, so the dependency hands out this opener
    and each route opens (and closes) its store itself. Opening an existing store costs
    well under a millisecond.
    """

    def __init__(self, location: str) -> None:
        self.location = location

    @contextmanager
    def open(self) -> Iterator[Store]:
        """Open the store for one request and close it afterwards."""
        with open_store(self.location) as store:
            yield store


def _stores(request: Request) -> Stores:
    stores = request.app.state.stores
    assert isinstance(stores, Stores)
    return stores


StoresDep = Annotated[Stores, Depends(_stores)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DateBound = Annotated[
    str | None,
    Query(
        pattern=_DATE.pattern,
        description="YYYY, YYYY-MM or YYYY-MM-DD; events overlapping the range are kept.",
    ),
]


def date_bound(value: str | None, *, end: bool) -> str | None:
    """Return ``value`` as a full date: its first day, or its last when ``end``."""
    if value is None:
        return None
    match = _DATE.match(value)
    if match is None:  # the Query pattern has refused it already
        raise HTTPException(422, f"not a date: {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    y, m = int(year), int(month or (12 if end else 1))
    if not 1 <= m <= 12:
        raise HTTPException(422, f"not a month: {value!r}")
    last = calendar.monthrange(y, m)[1]
    d = int(day or (last if end else 1))
    if not 1 <= d <= last:
        raise HTTPException(422, f"not a day of that month: {value!r}")
    return f"{y:04d}-{m:02d}-{d:02d}"


def page(
    request: Request,
    rows: Sequence[T],
    *,
    offset: int,
    limit: int,
    total: int | None = None,
) -> Page[T]:
    """Build a page from ``rows``: this page's items and, past them, one to tell if more follow.

    ``rows`` starts at ``offset``. Without a ``total``, the total is known on the last page.
    """
    items = list(rows[:limit])
    more = len(rows) > limit if total is None else offset + len(items) < total
    if total is None and not more:
        total = offset + len(items)
    nxt = None
    if more:
        url = request.url.include_query_params(offset=offset + limit, limit=limit)
        nxt = f"{url.path}?{url.query}"  # relative: never echo the Host header back
    return Page(items=items, offset=offset, limit=limit, total=total, next=nxt)
