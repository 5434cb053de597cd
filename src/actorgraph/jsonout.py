"""Render an Analysis as the ``actorgraph.analysis/1`` JSON (see shared EVAL.md)."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Analysis, Casualty, DateRef, Evidence, Interval

SCHEMA = "actorgraph.analysis/1"


def _evidence(ev: Evidence, text: str) -> dict[str, Any]:
    return {
        "start": ev.start,
        "end": ev.end,
        "text": text[ev.start : ev.end],
        "stage": ev.stage,
        "confidence": round(ev.confidence, 3),
    }


def _date(d: DateRef | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"text": d.text, "value": d.value, "start": d.start_date, "end": d.end_date}


def _interval(v: Interval) -> dict[str, Any]:
    return {"start": v.start, "end": v.end}


def to_json(analysis: Analysis) -> dict[str, Any]:
    """Return the analysis as a JSON-ready dict."""
    doc = analysis.document
    text = doc.text
    return {
        "schema": SCHEMA,
        "document": {
            "id": doc.id,
            "title": doc.title,
            "published": doc.published,
            "publisher": doc.publisher,
            "author": doc.author,
            "url": doc.url,
        },
        "stages": dict(analysis.stages),
        "notes": list(analysis.notes),
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "kind": e.kind,
                "aliases": list(e.aliases),
                "mentions": [[m.start, m.end] for m in e.mentions],
                "place": None
                if e.place is None
                else {
                    "lat": e.place.lat,
                    "lon": e.place.lon,
                    "country": e.place.country,
                    "admin1": e.place.admin1,
                    "precision": e.place.precision,
                    "gazetteer_id": e.place.gazetteer_id,
                },
                "confidence": round(e.confidence, 3),
            }
            for e in analysis.entities
        ],
        "relations": [
            {
                "subject": r.subject,
                "predicate": r.predicate,
                "object": r.object,
                "role": r.role,
                "mode": list(r.mode),
                "valid": _interval(r.valid),
                "modality": r.modality,
                "attributed_to": r.attributed_to,
                "confidence": round(r.confidence, 3),
                "evidence": [_evidence(ev, text) for ev in r.evidence],
            }
            for r in analysis.relations
        ],
        "events": [
            {
                "type": ev.type,
                "mode": ev.mode,
                "actors": list(ev.actors),
                "targets": list(ev.targets),
                "locations": list(ev.locations),
                "date": _date(ev.date),
                "modality": ev.modality,
                "attributed_to": ev.attributed_to,
                "confidence": round(ev.confidence, 3),
                "evidence": [_evidence(e, text) for e in ev.evidence],
                "casualties": _casualties(ev.casualties, text),
            }
            for ev in analysis.events
        ],
        "quotes": [
            {
                "kind": q.kind,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "speaker": q.speaker,
                "speaker_mention": list(q.speaker_mention) if q.speaker_mention else None,
                "speaker_text": q.speaker_text,
                "cue": q.cue,
                "confidence": round(q.confidence, 3),
            }
            for q in analysis.quotes
        ],
        "dates": [
            {
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "value": d.value,
                "precision": d.precision,
                "interval": {"start": d.start_date, "end": d.end_date},
            }
            for d in analysis.dates
        ],
    }


def _casualties(found: tuple[Casualty, ...], text: str) -> dict[str, Any]:
    """One entry per kind: the first source's count, the other sources' in "others"."""
    out: dict[str, Any] = {}
    for c in found:
        entry = {
            "value": c.value,
            "qualifier": c.qualifier,
            "modality": c.modality,
            "attributed_to": c.attributed_to,
            "evidence": [_evidence(e, text) for e in c.evidence],
        }
        if c.kind in out:
            out[c.kind].setdefault("others", []).append(entry)
            if c.value != out[c.kind]["value"]:
                out[c.kind]["disputed"] = True  # sources give different counts
        else:
            out[c.kind] = entry
    return out
