"""What an export covers: check the date bounds and find the actors a name stands for."""

from __future__ import annotations

import re

from actorgraph.errors import NotFoundError
from actorgraph.store import Store
from actorgraph.store.filters import Filters

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def filters(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> Filters:
    """Check the bounds (YYYY, YYYY-MM or YYYY-MM-DD) and find the actors ``actor`` names.

    ``until`` covers its whole period ("2014" runs to 2014-12-31). Raises ValueError for a
    malformed bound and NotFoundError when no actor matches ``actor``.
    """
    for label, value in (("since", since), ("until", until)):
        if value is not None and not _DATE.fullmatch(value):
            raise ValueError(f"{label}={value!r} is not a date: give YYYY, YYYY-MM or YYYY-MM-DD")
    if until is not None:
        # Text comparison: "2014-06-31" is after every June date and before July.
        until += {4: "-12-31", 7: "-31", 10: ""}[len(until)]
    ids: frozenset[str] | None = None
    if actor is not None:
        found = store.find_actors(actor, limit=500)
        exact = [row.id for row, score in found if score >= 100.0]
        ids = frozenset(exact or [row.id for row, _ in found])
        if not ids:
            raise NotFoundError(f"no actor matches {actor!r}; list them with `actorgraph actors`")
    return Filters(since=since, until=until, actor_ids=ids)
