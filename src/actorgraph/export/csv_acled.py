"""Events as an ACLED-style CSV: ACLED's columns first, then ours; one row per event and place.

ACLED codes political violence and protest; PLOVER covers diplomacy and verbal conflict
too. Every row has an ``event_type``/``sub_event_type``, mapped from the PLOVER type and
mode by the table in :mod:`._acled_types`; ``plover_type`` and ``plover_mode`` always
hold ours.

- ``event_date`` is the first day of the event's date range; ``time_precision`` is
  ACLED's: 1 = the day is known, 2 = a range of up to a week, 3 = a month or wider. An
  event the text gives no date for is coded on its document's publication date with
  precision 3 (``coding_notes`` says so; ``date_start``/``date_end`` stay empty); only an
  event whose document has no date either has no ``event_date``, and ``time_precision`` 0.
- An event in several places is one row per place, as ACLED codes it: ``event_id`` is
  ``<id>-1``, ``<id>-2``... (``actorgraph_event_id`` is ours), and ``fatalities`` are
  divided among the rows (the remainder on the first). ``country`` is the country's name,
  from the place, else from the participants (a state), else from the document's places.
- ``geo_precision``: 1 = a city or finer place, 2 = a region (admin1), 3 = only the
  country.
- ``actor1``/``actor2`` are the first actor and target; the others are joined with "; "
  in ``assoc_actor_1``/``assoc_actor_2``; ``coding_notes`` says when the text names none.
- ``fatalities`` is the first source's count of people killed (the count the text gives
  first; 0 when it gives none); ``casualties`` lists every count with who gives it.
- Every cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
  leading ``'`` so a spreadsheet shows it as text instead of running it as a formula
  (OWASP "CSV injection"); numbers are written as numbers, never escaped.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from actorgraph.export._acled_types import acled_type
from actorgraph.export._filters import filters
from actorgraph.export._records import date_precision
from actorgraph.store import Store
from actorgraph.store.countries import country_name
from actorgraph.store.rows import CasualtyRec, EventRec, Party

COLUMNS = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
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
    "fatalities",
    "plover_type",
    "plover_mode",
    "claim_status",
    "attributed_to",
    "confidence",
    "casualties",
    "coding_notes",
    "date_text",
    "date_start",
    "date_end",
    "actorgraph_event_id",
    "document_id",
    "published",
    "url",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_TIME_PRECISION = {"day": 1, "week": 2}  # anything wider: 3
_GEO_PRECISION = {"place": 1, "city": 1, "region": 2, "country": 3}


def safe_cell(value: object) -> object:
    """Return ``value`` with a leading ``'`` if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def casualties_text(found: Sequence[CasualtyRec]) -> str:
    """Return every count as "killed: at least 12 (reported by police)", joined with "; "."""
    parts = []
    for c in found:
        qualifier = f"{c.qualifier} " if c.qualifier else ""
        claim = c.modality + (f" by {c.attributed_to.name}" if c.attributed_to else "")
        parts.append(f"{c.kind}: {qualifier}{c.value} ({claim})")
    return "; ".join(parts)


def fatalities(event: EventRec) -> int:
    """Return the first source's count of people killed (0 when the text gives none)."""
    return next((c.value for c in event.casualties if c.kind == "killed"), 0)


def _date(event: EventRec, notes: list[str]) -> tuple[str | None, int]:
    precision = date_precision(event.date_start, event.date_end)
    if event.date_start is not None and precision is not None:
        return event.date_start, _TIME_PRECISION.get(precision, 3)
    published = event.doc.published
    if published:
        notes.append("no date in the text: the publication date, the latest it can be")
        first = (published + "-01-01")[:10] if len(published) < 10 else published[:10]
        return first, 3
    notes.append("no date in the text or its document")
    return None, 0


def _country(event: EventRec, home: str | None, notes: list[str]) -> str | None:
    """Return the country of an event without a placed location: a state it targets, else
    the country its document names most, else a state taking part (ISO codes)."""

    def states(parties: Sequence[Party]) -> list[str]:
        return [p.place.country for p in parties if p.type == "GPE" and p.place and p.place.country]

    if states(event.targets):
        notes.append("country from the state it targets")
        return states(event.targets)[0]
    if home:
        notes.append("country from the document's places")
        return home
    if states(event.actors):
        notes.append("country from the states taking part")
        return states(event.actors)[0]
    return None


def rows(event: EventRec, home: str | None = None) -> list[dict[str, object]]:
    """Return the CSV rows of one event (before formula escaping): one per place.

    ``home`` is the country (ISO code) the event's document names most, for an event whose
    place does not say.
    """
    notes: list[str] = []
    event_type, sub_type, note = acled_type(event)
    if note:
        notes.append(note)
    event_date, time_precision = _date(event, notes)
    names = [p.name for p in event.actors]
    targets = [p.name for p in event.targets]
    if not names:
        notes.append("no actor named in the text")
    if not targets and not (note and "no target" in note):
        notes.append("no target named in the text")
    places: list[Party | None] = list(event.locations) or [None]
    if places == [None]:
        notes.append("no place named in the text")
    killed = fatalities(event)
    share, extra = divmod(killed, len(places))
    if killed and len(places) > 1:
        notes.append(f"fatalities divided among {len(places)} places")
    doc = event.doc
    out: list[dict[str, object]] = []
    for n, located in enumerate(places):
        place = None if located is None else located.place
        row_notes = list(notes)
        code = place.country if place is not None and place.country else None
        if code is None:
            code = _country(event, home, row_notes)
        out.append(
            {
                "event_id": event.id if len(places) == 1 else f"{event.id}-{n + 1}",
                "event_date": event_date,
                "year": event_date[:4] if event_date else None,
                "time_precision": time_precision,
                "event_type": event_type,
                "sub_event_type": sub_type,
                "actor1": names[0] if names else None,
                "assoc_actor_1": "; ".join(names[1:]),
                "actor2": targets[0] if targets else None,
                "assoc_actor_2": "; ".join(targets[1:]),
                "country": country_name(code),
                "admin1": None if place is None else place.admin1,
                "location": None if located is None else located.name,
                "latitude": None if place is None else place.lat,
                "longitude": None if place is None else place.lon,
                "geo_precision": _GEO_PRECISION.get(place.precision or "", 3) if place else 3,
                "source": doc.publisher or doc.title,
                "notes": " ".join(event.evidence[0].text.split()),
                "fatalities": share + (extra if n == 0 else 0),
                "plover_type": event.type,
                "plover_mode": event.mode,
                "claim_status": event.modality,
                "attributed_to": event.attributed_to.name if event.attributed_to else None,
                "confidence": round(event.confidence, 3),
                "casualties": casualties_text(event.casualties),
                "coding_notes": "; ".join(row_notes),
                "date_text": event.date_text,
                "date_start": event.date_start,
                "date_end": event.date_end,
                "actorgraph_event_id": event.id,
                "document_id": doc.id,
                "published": doc.published,
                "url": doc.url,
            }
        )
    return out


def home_countries(parties: Mapping[tuple[str, str], Party]) -> dict[str, str]:
    """Return the country (ISO code) each document's resolved places name most, by document."""
    seen: dict[str, Counter[str]] = {}
    for (doc_id, _), party in parties.items():
        if party.place is not None and party.place.country:
            seen.setdefault(doc_id, Counter())[party.place.country] += 1
    return {d: min(c, key=lambda code: (-c[code], code)) for d, c in seen.items()}


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write the events (within the listings' filters) as CSV; return the number of rows.

    Open a file for it with ``newline=""``: cells may hold line breaks.
    """
    flt = filters(store, **options)
    reader = store.export_reader()
    homes = home_countries(reader.parties)
    writer = csv.DictWriter(fp, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in reader.events(flt):
        for row in rows(event, homes.get(event.doc.id)):
            writer.writerow({k: safe_cell(v) for k, v in row.items()})
            count += 1
    return count
