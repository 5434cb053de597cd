"""Events as an ACLED-style CSV: one row per event, ACLED's columns first, then ours.

ACLED codes political violence and protest; PLOVER covers diplomacy and verbal conflict
too. ``event_type``/``sub_event_type`` are ACLED's where a PLOVER type and mode map onto
one (ASSAULT, PROTEST, COERCE, AGREE, MOBILIZE, ...) and empty otherwise; ``plover_type``
and ``plover_mode`` always hold ours.

- ``time_precision``: 1 = the day is known, 2 = a range of up to a week, 3 = a month or
  wider (ACLED's codebook); ``event_date`` is the first day of the range.
- ``geo_precision``: 1 = a city or finer place, 2 = a region (admin1), 3 = only the
  country. The location is the event's first one resolved in the gazetteer.
- ``actor1``/``actor2`` are the first actor and target; the others are joined with "; "
  in ``assoc_actor_1``/``assoc_actor_2``.
- Every cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'`` so a spreadsheet shows it as text instead of running it as a formula
  (OWASP "CSV injection"); numbers are written as numbers, never escaped.
"""

from __future__ import annotations

import csv
from typing import TextIO

from actorgraph.export._filters import filters
from actorgraph.export._records import date_precision
from actorgraph.store import Store
from actorgraph.store.rows import EventRec, Party

COLUMNS = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "plover_type",
    "plover_mode",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "claim_status",
    "attributed_to",
    "confidence",
    "date_text",
    "date_start",
    "date_end",
    "document_id",
    "published",
    "url",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TIME_PRECISION = {"day": 1, "week": 2}  # anything wider: 3
_GEO_PRECISION = {"place": 1, "city": 1, "region": 2, "country": 3}
_ARMED_KINDS = ("armed_group", "state_force")
# PLOVER ASSAULT modes ACLED codes as explosions/remote violence, or as violence against
# civilians whoever the target is.
_REMOTE = {"aerial": "Air/drone strike", "explosives": "", "heavy-weapons": ""}
_AGAINST_CIVILIANS = {
    "abduct": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "massacre": "Attack",
}
_STRATEGIC = {
    "AGREE": "Agreement",
    "MOBILIZE": "Change to group/activity",
    "RETREAT": "Non-violent transfer of territory",
    "CONCEDE": "Other",
}


def safe_cell(value: object) -> object:
    """Return ``value`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def acled_type(event: EventRec) -> tuple[str, str]:
    """Return ACLED's (event_type, sub_event_type) for a PLOVER event, or ("", "")."""
    mode = event.mode or ""
    if event.type == "ASSAULT":
        if mode in _REMOTE:
            return "Explosions/Remote violence", _REMOTE[mode]
        if mode in _AGAINST_CIVILIANS:
            return "Violence against civilians", _AGAINST_CIVILIANS[mode]
        if event.targets and any(_armed(t) for t in event.targets):
            return "Battles", "Armed clash"
        if event.targets and all(t.type in ("PERSON", "NORP") for t in event.targets):
            return "Violence against civilians", "Attack"
        return "", ""  # no target named: a battle or an attack on civilians, we cannot tell
    if event.type == "PROTEST":
        if mode == "riot":
            return "Riots", "Violent demonstration"
        return "Protests", "Peaceful protest" if mode in ("demo", "") else ""
    if event.type == "COERCE":
        if mode == "arrest":
            return "Strategic developments", "Arrests"
        if mode == "seize":
            return "Strategic developments", "Other"
        return "", ""
    if event.type in _STRATEGIC:
        return "Strategic developments", _STRATEGIC[event.type]
    return "", ""


def _armed(party: Party) -> bool:
    return (party.type == "ORG" and party.kind in _ARMED_KINDS) or party.type == "GPE"


def row(event: EventRec) -> dict[str, object]:
    """Return one event's CSV row (before formula escaping)."""
    precision = date_precision(event.date_start, event.date_end)
    time_precision = None if precision is None else _TIME_PRECISION.get(precision, 3)
    event_type, sub_type = acled_type(event)
    located = next((p for p in event.locations if p.place is not None), None)
    place = None if located is None else located.place
    names = [p.name for p in event.actors]
    targets = [p.name for p in event.targets]
    doc = event.doc
    return {
        "event_id": event.id,
        "event_date": event.date_start,
        "year": event.date_start[:4] if event.date_start else None,
        "time_precision": time_precision,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "plover_type": event.type,
        "plover_mode": event.mode,
        "actor1": names[0] if names else None,
        "assoc_actor_1": "; ".join(names[1:]),
        "actor2": targets[0] if targets else None,
        "assoc_actor_2": "; ".join(targets[1:]),
        "country": None if place is None else place.country,
        "admin1": None if place is None else place.admin1,
        "location": located.name
        if located
        else (event.locations[0].name if event.locations else None),
        "latitude": None if place is None else place.lat,
        "longitude": None if place is None else place.lon,
        "geo_precision": None if place is None else _GEO_PRECISION.get(place.precision or "", 3),
        "source": doc.publisher or doc.title,
        "notes": " ".join(event.evidence[0].text.split()),
        "claim_status": event.modality,
        "attributed_to": event.attributed_to.name if event.attributed_to else None,
        "confidence": round(event.confidence, 3),
        "date_text": event.date_text,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "document_id": doc.id,
        "published": doc.published,
        "url": doc.url,
    }


def write(
    store: Store,
    fp: TextIO,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
) -> int:
    """Write the events (dated within [since, until], with ``actor``) as CSV; return the count.

    Open a file for it with ``newline=""``: cells may hold line breaks.
    """
    flt = filters(store, since=since, until=until, actor=actor)
    writer = csv.DictWriter(fp, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in store.export_reader().events(flt):
        writer.writerow({k: safe_cell(v) for k, v in row(event).items()})
        count += 1
    return count
