"""Events as PLOVER/POLECAT-style JSON Lines: one JSON object per line, one line per event.

JSON Lines rather than one array: an export streams and can be appended to, and
``jq``, pandas (``read_json(lines=True)``) and DuckDB read it as it is. Every record:

- ``id``, ``event_type`` (PLOVER's sixteen), ``mode`` (or null), ``context`` (PLOVER
  contexts; the pipeline does not code them yet, so ``[]``);
- ``actors`` and ``recipients``: ``{"id", "name", "type", "kind"}`` (PLOVER's actor and
  recipient; several when the text names several);
- ``event_date`` (ISO 8601 at the precision the text gives: "2014", "2014-06",
  "2014-06-12"), ``date_start``, ``date_end``, ``date_precision``, ``date_text``;
- ``location``: the first location, ``{"id", "name", "latitude", "longitude", "country",
  "admin1", "precision", "gazetteer_id"}`` (null coordinates when unresolved), and
  ``locations``: all of them;
- ``casualties``: ``{"killed"|"injured"|"abducted"|"arrested": {"value", "qualifier",
  "modality", "attributed_to", "evidence", "others"?}}``, the first source's count of each
  kind and the other sources' in ``others`` (as in the analysis JSON);
- ``source_text`` (the sentence the event was read from), ``evidence`` (every span with
  its offsets), ``claim_status`` (asserted, reported, alleged, denied, planned),
  ``attributed_to``, ``confidence``, ``document`` (id, title, published, publisher, url).
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from actorgraph.export._filters import filters
from actorgraph.export._records import (
    casualties_json,
    date_precision,
    doc_json,
    party_json,
    place_json,
    spans_json,
)
from actorgraph.store import Store
from actorgraph.store.rows import EventRec

SCHEMA = "actorgraph.plover/1"


def record(event: EventRec) -> dict[str, Any]:
    """Return one event as a PLOVER-style JSON object."""
    locations = [place_json(p) for p in event.locations]
    return {
        "schema": SCHEMA,
        "id": event.id,
        "event_type": event.type,
        "mode": event.mode,
        "context": [],
        "actors": [party_json(p) for p in event.actors],
        "recipients": [party_json(p) for p in event.targets],
        "event_date": event.date_value,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_precision": date_precision(event.date_start, event.date_end),
        "date_text": event.date_text,
        "location": locations[0] if locations else None,
        "locations": locations,
        "casualties": casualties_json(event.casualties),
        "source_text": " ".join(event.evidence[0].text.split()),
        "evidence": spans_json(event.evidence),
        "claim_status": event.modality,
        "attributed_to": party_json(event.attributed_to),
        "confidence": round(event.confidence, 3),
        "document": doc_json(event.doc),
    }


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write the events within the listings' filters (``export._filters``); return the count."""
    flt = filters(store, **options)
    count = 0
    for event in store.export_reader().events(flt):
        fp.write(json.dumps(record(event), ensure_ascii=False) + "\n")
        count += 1
    return count
