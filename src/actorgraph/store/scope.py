"""Turn what a user typed (names, id prefixes, dates, countries) into :class:`Filters`."""

from __future__ import annotations

from collections.abc import Sequence

from actorgraph.errors import UsageError
from actorgraph.store import countries as names
from actorgraph.store import search
from actorgraph.store._db import Database
from actorgraph.store.documents import document_ids
from actorgraph.store.filters import MODALITIES, Filters, check_date, end_of


def resolve(
    db: Database,
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
    """Return the filters that what a user typed stands for.

    Dates are YYYY, YYYY-MM or YYYY-MM-DD (``until`` covers its whole period); ``actor``
    and ``place`` are an actor id or a name (exact matches if any, else fuzzy ones; a place
    name also matches first-level regions); documents are ids or unique prefixes of them;
    countries are names or ISO codes. Raises UsageError for a value that cannot be one,
    NotFoundError / AmbiguousError for a document prefix that names none or several.
    """
    try:
        check_date("since", since)
        check_date("until", until)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    unknown = sorted(set(modalities) - set(MODALITIES))
    if unknown:
        raise UsageError(f"unknown claim status {unknown[0]!r}: use {', '.join(MODALITIES)}")
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise UsageError(f"a confidence is between 0 and 1, not {min_confidence}")
    codes = []
    for country in countries:
        code = names.country_code(country)
        if code is None:
            raise UsageError(f"{country!r} is not a country: give its name or ISO code (IQ)")
        codes.append(code)

    def ids_of(name: str) -> frozenset[str]:
        if db.execute("SELECT 1 FROM actors WHERE id = ?", (name,)).fetchone():
            return frozenset({name})
        return frozenset(search.matching_ids(db, name))

    return Filters(
        since=since,
        until=None if until is None else end_of(until),
        actor_ids=None if actor is None else ids_of(actor),
        document_ids=frozenset(document_ids(db, documents)) if documents else None,
        modalities=frozenset(modalities) or None,
        min_confidence=min_confidence,
        countries=frozenset(codes) or None,
        place_ids=None if place is None else ids_of(place),
        regions=None if place is None else frozenset({place.strip().lower()}),
    )
