"""What every route needs: a store for the request, paging parameters, date bounds."""

from __future__ import annotations

import calendar
import re
import threading
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Annotated, Literal, TypeVar

from fastapi import Depends, HTTPException, Query, Request

from actorgraph.api.models import Page
from actorgraph.errors import AmbiguousError, NotFoundError, UsageError
from actorgraph.store import Store, open_pooled
from actorgraph.store.filters import Filters

T = TypeVar("T")

MAX_LIMIT = 500
MAX_OFFSET = 100_000
MMAP_BYTES = 256 * 2**20
"""Bytes of a SQLite store each pooled connection reads through the shared memory map."""


class Stores:
    """Lends each request a store from a pool of open connections, in the route's thread.

    Opening a store per request ran the migration check, which takes the write lock: while
    an ingest wrote to the same file, every read queued behind the writer's transactions.
    The pool opens a connection the first time no idle one is left (one per worker thread
    at most, as each holds its connection for one request) and takes it back after the
    request. create_app has migrated the store, so pooled connections skip that check.

    sqlite3 objects may cross threads only if told so: ``open_pooled`` opens SQLite
    connections that may, and the pool lends each to one thread at a time. A connection
    that a request left in a failed or unknown state (any exception but a 404 or an HTTP
    refusal) is closed rather than reused. Idle connections are closed with the app.
    """

    def __init__(self, location: str) -> None:
        self.location = location
        self._idle: list[Store] = []
        self._lock = threading.Lock()
        weakref.finalize(self, _close_all, self._idle, self._lock)

    @contextmanager
    def open(self) -> Iterator[Store]:
        """Lend a store for one request; it goes back to the pool afterwards."""
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_pooled(self.location, mmap_size=MMAP_BYTES)
        try:
            yield store
        except (NotFoundError, HTTPException):
            self._give_back(store)
            raise
        except BaseException:
            store.close()
            raise
        self._give_back(store)

    def _give_back(self, store: Store) -> None:
        if store.in_transaction():  # a write left open: never lend it out again
            store.close()
            return
        with self._lock:
            self._idle.append(store)

    def close(self) -> None:
        """Close the idle connections now, rather than when the app is collected."""
        _close_all(self._idle, self._lock)


def _close_all(stores: list[Store], lock: threading.Lock) -> None:
    with lock:
        idle = stores[:]
        stores.clear()
    for store in idle:
        store.close()


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


MinConfidence = Annotated[
    float | None,
    Query(ge=0.0, le=1.0, description="Only rows at least this confident (0-1)."),
]
DocumentFilter = Annotated[
    str | None,
    Query(
        min_length=6,
        max_length=64,
        pattern=r"^[0-9a-fA-F]+$",
        description="Only rows read from this document: its id or its first 6+ characters.",
    ),
]
ModalityFilter = Annotated[
    Literal["asserted", "reported", "alleged", "denied", "planned"] | None,
    Query(description="Only this claim status."),
]


def listing_filters(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    document: str | None = None,
    modality: str | None = None,
    min_confidence: float | None = None,
    place: str | None = None,
) -> Filters:
    """Return the store filters of a list's query (``since``/``until`` as YYYY[-MM[-DD]],
    taken from the first or to the last day); a place is a place actor (its id or name),
    not a region."""
    try:
        flt = store.filters(
            since=date_bound(since, end=False),
            until=date_bound(until, end=True),
            documents=(document,) if document else (),
            modalities=(modality,) if modality else (),
            min_confidence=min_confidence,
            place=place,
        )
    except (UsageError, AmbiguousError) as exc:
        raise HTTPException(422, str(exc)) from exc
    return replace(flt, regions=None)


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
