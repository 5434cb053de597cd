"""The JSON items of the listings: ids, confidence, claim status and evidence on each.

Every item names its document as ``{"id", "title", "label", "published", "publisher",
"url"}`` and its evidence as spans ``{"start", "end", "text"}`` of that document's text.
The shapes are documented in the README ("Listings for scripts").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from actorgraph.store.documents import DocumentInfo


def document(doc_id: str, docs: Mapping[str, DocumentInfo]) -> dict[str, Any]:
    d = docs.get(doc_id)
    if d is None:
        return {"id": doc_id, "title": None, "label": doc_id[:12], "published": None,
                "publisher": None, "url": None}  # fmt: skip
    return {"id": d.id, "title": d.title, "label": d.label, "published": d.published,
            "publisher": d.publisher, "url": d.url}  # fmt: skip


def ref(actor_id: str | None, name: str | None) -> dict[str, Any] | None:
    return None if actor_id is None else {"id": actor_id, "name": name}


def spans(found: Sequence[Any]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in found]


def actor(row: Any, aliases: Sequence[str] = ()) -> dict[str, Any]:
    return {
        "id": row.id,
        "name": row.name,
        "type": row.type,
        "kind": row.kind,
        "mentions": row.mentions,
        "documents": row.documents,
        "aliases": [a for a in aliases if a != row.name],
    }


def relation(r: Any, docs: Mapping[str, DocumentInfo], evidence: Sequence[Any]) -> dict[str, Any]:
    own = [{"start": r.start, "end": r.end, "text": r.evidence_text}]
    return {
        "id": r.id,
        "subject": ref(r.subject_id, r.subject),
        "predicate": r.predicate,
        "object": ref(r.object_id, r.object),
        "role": r.role,
        "mode": list(r.mode),
        "valid": {"start": r.valid_start, "end": r.valid_end},
        "modality": r.modality,
        "attributed_to": ref(r.attributed_id, r.attributed_to),
        "confidence": round(r.confidence, 3),
        "document": document(r.document_id, docs),
        "evidence": spans(evidence) or own,
    }


def casualties(found: Sequence[Any]) -> dict[str, Any]:
    """Return an event's counts as the analysis JSON does: the first source's count of each
    kind (killed, injured, abducted, arrested), the other sources' in "others"."""
    out: dict[str, Any] = {}
    for c in found:
        source = c.attributed_to
        entry = {
            "value": c.value,
            "qualifier": c.qualifier,
            "modality": c.modality,
            "attributed_to": None if source is None else ref(source.id, source.name),
            "evidence": spans(c.evidence),
        }
        if c.kind in out:
            out[c.kind].setdefault("others", []).append(entry)
        else:
            out[c.kind] = entry
    return out


def event(e: Any, docs: Mapping[str, DocumentInfo], evidence: Sequence[Any]) -> dict[str, Any]:
    def role(name: str) -> list[dict[str, Any]]:
        return [
            {"id": p.id, "name": p.name, "type": p.type}
            | ({"country": p.country, "admin1": p.admin1} if name == "location" else {})
            for p in e.participants
            if p.role == name
        ]

    own = [{"start": e.start, "end": e.end, "text": e.evidence_text}]
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "date": {
            "text": e.date_text,
            "value": e.date_value,
            "start": e.date_start,
            "end": e.date_end,
        },
        "actors": role("actor"),
        "targets": role("target"),
        "locations": role("location"),
        "casualties": casualties(e.casualties),
        "modality": e.modality,
        "attributed_to": ref(e.attributed_id, e.attributed_to),
        "confidence": round(e.confidence, 3),
        "document": document(e.document_id, docs),
        "evidence": spans(evidence) or own,
    }


def quote(q: Any, docs: Mapping[str, DocumentInfo], evidence: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "speaker": ref(q.speaker_id, q.speaker_name),
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "context": q.context,
        "confidence": round(q.confidence, 3),
        "document": document(q.document_id, docs),
        "evidence": spans(evidence) or [{"start": q.start, "end": q.end, "text": q.text}],
    }


def document_row(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "label": d.label,
        "published": d.published,
        "publisher": d.publisher,
        "author": d.author,
        "url": d.url,
        "source": d.source,
        "length": d.length,
        "added_at": d.added_at,
        "counts": dict(d.counts),
    }
