"""What an export covers: the listings' filters, with an actor that must exist."""

from __future__ import annotations

from collections.abc import Sequence

from actorgraph.errors import NotFoundError, UsageError
from actorgraph.store import Store
from actorgraph.store.filters import Filters


def filters(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    documents: Sequence[str] = (),
    modalities: Sequence[str] = (),
    min_confidence: float | None = None,
    countries: Sequence[str] = (),
    place: str | None = None,
) -> Filters:
    """Return the filters of an export (see ``store.filters``: the same as the listings').

    Dates are YYYY, YYYY-MM or YYYY-MM-DD; ``until`` covers its whole period ("2014" runs
    to 2014-12-31). Events are kept by their own date, relations and quotes by their
    document's publication date. Raises ValueError for a malformed value and NotFoundError
    when no actor matches ``actor``.
    """
    try:
        flt = store.filters(
            since=since,
            until=until,
            actor=actor,
            documents=tuple(documents),
            modalities=tuple(modalities),
            min_confidence=min_confidence,
            countries=tuple(countries),
            place=place,
        )
    except UsageError as exc:
        raise ValueError(str(exc)) from exc
    if flt.actor_ids is not None and not flt.actor_ids:
        raise NotFoundError(f"no actor matches {actor!r}; list them with `actorgraph actors`")
    return flt
