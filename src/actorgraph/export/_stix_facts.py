"""Events and quotes as STIX 2.1 objects: sightings (or reports), notes and their links.

- An event whose first actor has a STIX object is a ``sighting`` of it: ``first_seen`` /
  ``last_seen`` are the event's date range, ``where_sighted_refs`` its places (locations),
  ``description`` the sentence it was read from. An event with no such actor is a
  ``report`` (``report_types: ["threat-report"]``) of its targets and places. Both carry
  ``x_actorgraph_event_type``, ``_mode``, ``_modality`` (claim status), ``_attributed_to``,
  ``_actor_refs``/``_target_refs``, ``_casualties`` and ``_evidence``.
- An ASSAULT, COERCE or THREATEN event by a threat actor (unless denied) also gives a
  ``targets`` relationship to each of its targets (identities and locations, as the spec
  allows), with the event's claim status and evidence.
- A quote is a ``note``: ``content`` the quote, ``authors`` its speaker, ``object_refs``
  the speaker's object (else the article's report), and an ``authored-by`` relationship
  from the note to the speaker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

import stix2  # type: ignore[import-untyped]

from actorgraph.export._records import casualties_json
from actorgraph.store.rows import Doc, EventRec, QuoteRec, Span

HOSTILE = frozenset({"ASSAULT", "COERCE", "THREATEN"})

StixId = Callable[[str, str], str]


def evidence_json(doc: Doc, spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [{"document_id": doc.id, "start": s.start, "end": s.end, "text": s.text} for s in spans]


def _seen(event: EventRec, time: Callable[[str], datetime]) -> dict[str, Any]:
    if not event.date_start or not event.date_end:
        return {}
    try:
        first, last = time(event.date_start), time(event.date_end)
    except ValueError:  # a date the calendar does not have ("2014-02-30")
        return {}
    return {"first_seen": first, "last_seen": last + timedelta(days=1, seconds=-1)}


def event_objects(
    event: EventRec,
    objects: Mapping[str, Any],
    places: Mapping[str, Any],
    *,
    stix_id: StixId,
    reference: Callable[[Doc, str | None], dict[str, Any]],
    times: dict[str, datetime],
    time: Callable[[str], datetime],
) -> list[Any]:
    """Return the sighting or report of one event, and its ``targets`` relationships.

    ``objects`` are the STIX objects of actors by actor id; ``places`` the locations (a
    place's own, or a country's) by actor id.
    """
    sentence = " ".join(event.evidence[0].text.split())
    actors = [objects[p.id] for p in event.actors if p.id in objects]
    targets = [objects[p.id] for p in event.targets if p.id in objects]
    where = list(dict.fromkeys(places[p.id].id for p in event.locations if p.id in places))
    custom: dict[str, Any] = {
        "x_actorgraph_event_id": event.id,
        "x_actorgraph_event_type": event.type,
        "x_actorgraph_modality": event.modality,
        "x_actorgraph_actor_refs": [o.id for o in actors],
        "x_actorgraph_target_refs": [o.id for o in targets],
        "x_actorgraph_evidence": evidence_json(event.doc, event.evidence),
    }
    optional = {
        "x_actorgraph_mode": event.mode,
        "x_actorgraph_attributed_to": event.attributed_to.name if event.attributed_to else None,
        "x_actorgraph_date_text": event.date_text,
        "x_actorgraph_casualties": casualties_json(event.casualties) or None,
    }
    custom.update({k: v for k, v in optional.items() if v is not None})
    common: dict[str, Any] = {
        "description": sentence,
        "confidence": max(0, min(100, round(event.confidence * 100))),
        "external_references": [reference(event.doc, sentence)],
        "allow_custom": True,
        **custom,
        **times,
    }
    out: list[Any] = []
    if actors:
        out.append(
            stix2.v21.Sighting(
                id=stix_id("sighting", event.id),
                sighting_of_ref=actors[0].id,
                where_sighted_refs=where or None,
                count=1,
                **_seen(event, time),
                **common,
            )
        )
    else:
        refs = [o.id for o in targets] + where
        out.append(
            stix2.v21.Report(
                id=stix_id("report", f"event:{event.id}"),
                name=f"{event.type}{'/' + event.mode if event.mode else ''}: {sentence[:120]}",
                report_types=["threat-report"],
                published=time(event.doc.published or event.doc.added_at),
                object_refs=refs or [stix_id("report", event.doc.id)],
                **common,
            )
        )
    if event.type in HOSTILE and event.modality != "denied":
        for actor in (a for a in actors if a.type == "threat-actor"):
            for target in targets:
                if target.type not in ("identity", "location"):
                    continue
                out.append(
                    stix2.v21.Relationship(
                        id=stix_id("relationship", f"event:{event.id}:{actor.id}:{target.id}"),
                        relationship_type="targets",
                        source_ref=actor.id,
                        target_ref=target.id,
                        **common,
                    )
                )
    return out


def quote_objects(
    quote: QuoteRec,
    objects: Mapping[str, Any],
    *,
    stix_id: StixId,
    reference: Callable[[Doc, str | None], dict[str, Any]],
    times: dict[str, datetime],
) -> list[Any]:
    """Return the note of one quote, and its ``authored-by`` relationship to the speaker."""
    speaker = objects.get(quote.speaker.id) if quote.speaker is not None else None
    who = quote.speaker.name if quote.speaker is not None else quote.speaker_text
    common: dict[str, Any] = {
        "external_references": [reference(quote.doc, quote.text)],
        "confidence": max(0, min(100, round(quote.confidence * 100))),
        "allow_custom": True,
        **times,
    }
    custom = {
        "x_actorgraph_quote_id": quote.id,
        "x_actorgraph_kind": quote.kind,
        "x_actorgraph_evidence": evidence_json(quote.doc, quote.evidence),
    }
    if quote.cue:
        custom["x_actorgraph_cue"] = quote.cue
    note = stix2.v21.Note(
        id=stix_id("note", quote.id),
        abstract=f"{who or 'unknown speaker'} ({quote.kind} quote)",
        content=quote.text,
        authors=[who] if who else None,
        object_refs=[speaker.id] if speaker is not None else [stix_id("report", quote.doc.id)],
        **custom,
        **common,
    )
    if speaker is None:
        return [note]
    link = stix2.v21.Relationship(
        id=stix_id("relationship", f"quote:{quote.id}"),
        relationship_type="authored-by",
        source_ref=note.id,
        target_ref=speaker.id,
        description=quote.text,
        x_actorgraph_quote_id=quote.id,
        **common,
    )
    return [note, link]
