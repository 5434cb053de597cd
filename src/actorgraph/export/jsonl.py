"""Facts with their evidence as JSON Lines: one line per relation, event and quote.

Every line has ``type`` ("relation", "event" or "quote"), ``id``, the fact's fields,
``document`` (id, title, published, publisher, url) and ``evidence``: the spans it was
read from, with offsets into the document text and the text itself; an event also has
its ``casualties`` (as in the PLOVER export). Relations come first, then events, then
quotes, each in a fixed order. The filters are the listings': dates keep events by their
own date and relations and quotes by their document's publication date.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from actorgraph.export._filters import filters
from actorgraph.export._records import (
    casualties_json,
    doc_json,
    party_json,
    place_json,
    spans_json,
)
from actorgraph.store import Store
from actorgraph.store.rows import EventRec, QuoteRec, RelationRec

SCHEMA = "actorgraph.facts/1"


def relation_line(r: RelationRec) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "type": "relation",
        "id": r.id,
        "subject": party_json(r.subject),
        "predicate": r.predicate,
        "object": party_json(r.object),
        "role": r.role,
        "mode": list(r.mode),
        "valid": {"start": r.valid_start, "end": r.valid_end},
        "modality": r.modality,
        "attributed_to": party_json(r.attributed_to),
        "confidence": round(r.confidence, 3),
        "document": doc_json(r.doc),
        "evidence": spans_json(r.evidence),
    }


def event_line(e: EventRec) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "type": "event",
        "id": e.id,
        "event_type": e.type,
        "mode": e.mode,
        "actors": [party_json(p) for p in e.actors],
        "targets": [party_json(p) for p in e.targets],
        "locations": [place_json(p) for p in e.locations],
        "casualties": casualties_json(e.casualties),
        "date": {
            "text": e.date_text,
            "value": e.date_value,
            "start": e.date_start,
            "end": e.date_end,
        },
        "modality": e.modality,
        "attributed_to": party_json(e.attributed_to),
        "confidence": round(e.confidence, 3),
        "document": doc_json(e.doc),
        "evidence": spans_json(e.evidence),
    }


def quote_line(q: QuoteRec) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "type": "quote",
        "id": q.id,
        "kind": q.kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": party_json(q.speaker),
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "confidence": round(q.confidence, 3),
        "document": doc_json(q.doc),
        "evidence": spans_json(q.evidence),
    }


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write relations, events and quotes within the filters; return the line count."""
    flt = filters(store, **options)
    reader = store.export_reader()
    lines = [
        *(relation_line(r) for r in reader.relations(flt)),
        *(event_line(e) for e in reader.events(flt)),
        *(quote_line(q) for q in reader.quotes(flt)),
    ]
    for line in lines:
        fp.write(json.dumps(line, ensure_ascii=False) + "\n")
    return len(lines)
