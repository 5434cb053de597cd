"""The JSON form the JSON exports share for the store's records, and date precisions.

The records (facts with their documents, actors and spans) are the store's
(:mod:`actorgraph.store.rows`), read whole-table by :mod:`actorgraph.store.exports`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from actorgraph.store.rows import CasualtyRec, Doc, Party, Span


def doc_json(doc: Doc) -> dict[str, Any]:
    """Return a document's metadata as the JSON exports write it."""
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published,
        "publisher": doc.publisher,
        "url": doc.url,
    }


def party_json(party: Party | None) -> dict[str, Any] | None:
    """Return an actor as the JSON exports write it."""
    if party is None:
        return None
    return {"id": party.id, "name": party.name, "type": party.type, "kind": party.kind}


def place_json(party: Party) -> dict[str, Any]:
    """Return a location with its gazetteer place (null coordinates when unresolved)."""
    p = party.place
    return {
        "id": party.id,
        "name": party.name,
        "latitude": None if p is None else p.lat,
        "longitude": None if p is None else p.lon,
        "country": None if p is None else p.country,
        "admin1": None if p is None else p.admin1,
        "precision": None if p is None else p.precision,
        "gazetteer_id": None if p is None else p.gazetteer_id,
    }


def spans_json(spans: Sequence[Span]) -> list[dict[str, Any]]:
    """Return evidence spans with their text."""
    return [{"start": s.start, "end": s.end, "text": s.text, "stage": s.stage} for s in spans]


def casualties_json(found: Sequence[CasualtyRec]) -> dict[str, Any]:
    """Return an event's counts as the analysis JSON gives them: one entry per kind (killed,
    injured, abducted, arrested) with the first source's count, the others' in "others"."""
    out: dict[str, Any] = {}
    for c in found:
        entry = {
            "value": c.value,
            "qualifier": c.qualifier,
            "modality": c.modality,
            "attributed_to": party_json(c.attributed_to),
            "evidence": spans_json(c.evidence),
        }
        if c.kind in out:
            out[c.kind].setdefault("others", []).append(entry)
        else:
            out[c.kind] = entry
    return out


def date_precision(start: str | None, end: str | None) -> str | None:
    """Return day / week / month / year / longer from a date's interval (None if undated)."""
    if start is None or end is None:
        return None
    if start == end:
        return "day"
    try:
        days = (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    except ValueError:
        return None
    if days <= 7:
        return "week"  # "last week", "on 2 to 4 February"
    if days <= 31:
        return "month"
    if days < 365:
        return "season"  # a few months: "last summer"
    return "year" if days <= 366 else "longer"
