"""The JSON of ingest runs and of what they changed, shared by the CLI and the HTTP API.

``changes`` returns ``{"schema": "actorgraph.changes/1", "runs": [...], "sections": {name:
{"total", "shown", "items"}}}`` with the sections of ``store.changes.SECTIONS`` in order.
Every relation item names its evidence as claims ``{"relation_id", "modality",
"document": {...}, "start", "end", "text"}``, so a reader can open each sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from actorgraph.resolve.corroborate import Claim, CorroboratedRelation
from actorgraph.store.changes import (
    SECTIONS,
    ActorChange,
    Changes,
    ContradictionChange,
    RelationChange,
)
from actorgraph.store.facts import EventFact
from actorgraph.store.runs import Run

SCHEMA = "actorgraph.changes/1"


def run(r: Run) -> dict[str, Any]:
    return {
        "id": r.id,
        "command": r.command,
        "status": r.status,
        "started_at": r.started_at,
        "ended_at": r.ended_at,
        "inputs": list(r.inputs),
        "documents": {
            "added": r.documents_added,
            "updated": r.documents_updated,
            "unchanged": r.documents_unchanged,
            "failed": r.documents_failed,
        },
        "added": {
            "actors": r.actors_added,
            "relations": r.relations_added,
            "events": r.events_added,
            "quotes": r.quotes_added,
            "facts": r.facts_added,
        },
    }


def actor(a: ActorChange) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "type": a.type,
        "kind": a.kind,
        "new_facts": {"relations": a.relations, "events": a.events, "quotes": a.quotes,
                      "total": a.facts},
    }  # fmt: skip


def claim(c: Claim) -> dict[str, Any]:
    return {
        "relation_id": c.relation_id,
        "modality": c.modality,
        "document": {"id": c.document_id, "title": c.document_title, "published": c.published,
                     "publisher": c.publisher},
        "start": c.start,
        "end": c.end,
        "text": c.evidence_text,
    }  # fmt: skip


def _fact(f: CorroboratedRelation) -> dict[str, Any]:
    return {
        "subject": {"id": f.subject_id, "name": f.subject},
        "predicate": f.predicate,
        "object": {"id": f.object_id, "name": f.object},
        "documents": f.documents,
        "sources": f.publishers,
    }


def relation(r: RelationChange) -> dict[str, Any]:
    return _fact(r.relation) | {
        "sources": r.sources,
        "sources_before": r.sources_before,
        "new_evidence": [claim(c) for c in r.new_evidence],
        "evidence": [claim(c) for c in r.relation.evidence],
    }


def contradiction(c: ContradictionChange) -> dict[str, Any]:
    ids = set(c.conflict.relation_ids)
    return _fact(c.relation) | {
        "kind": c.conflict.kind,
        "detail": c.conflict.detail,
        "relation_ids": list(c.conflict.relation_ids),
        "evidence": [claim(x) for x in c.relation.evidence if x.relation_id in ids],
    }


def event(e: EventFact) -> dict[str, Any]:
    def role(name: str) -> list[dict[str, Any]]:
        return [{"id": p.id, "name": p.name, "type": p.type} for p in e.participants
                if p.role == name]  # fmt: skip

    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "date": {"text": e.date_text, "value": e.date_value, "start": e.date_start,
                 "end": e.date_end},
        "actors": role("actor"),
        "targets": role("target"),
        "locations": role("location"),
        "modality": e.modality,
        "attributed_to": None if e.attributed_id is None else
        {"id": e.attributed_id, "name": e.attributed_to},
        "confidence": round(e.confidence, 3),
        "document": {"id": e.document_id, "title": e.document_title, "published": e.published},
        "evidence": [{"start": e.start, "end": e.end, "text": e.evidence_text}],
    }  # fmt: skip


def section_items(ch: Changes, name: str) -> list[dict[str, Any]]:
    """Return the JSON items of one section."""
    found: Iterable[Any] = getattr(ch, name)
    return [_MAKERS[name](x) for x in found]


_MAKERS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "new_actors": actor,
    "new_relations": relation,
    "corroborated": relation,
    "contradictions": contradiction,
    "new_events": event,
    "most_changed": actor,
}


def changes(ch: Changes) -> dict[str, Any]:
    """Return the whole report as one JSON object."""
    sections = {}
    for name in SECTIONS:
        items = section_items(ch, name)
        sections[name] = {"total": ch.totals[name], "shown": len(items), "items": items}
    return {"schema": SCHEMA, "runs": [run(r) for r in ch.runs], "sections": sections}
