"""The actors, their relations and the articles they were read from as a STIX 2.1 bundle.

Objects, each built (and so validated) by the ``stix2`` library:

- ``identity`` for persons (individual), organisations (organization, with a sector for
  governments, state forces, NGOs and media), NORP groups (group) and states (a GPE the
  gazetteer resolves to a country, or not at all);
- ``threat-actor`` for armed groups, with their aliases;
- ``location`` for places finer than a country (cities, regions, facilities) with their
  coordinates; places the gazetteer does not know, events and laws are left out;
- ``relationship`` for each relation claim, with a STIX type where the STIX 2.1 spec
  has one for that pair of objects (``targets``: an armed group fights a state, person
  or place; ``located-at``: an actor in a place; ``attributed-to``: an armed group part
  of, or directed by, a state or organisation) and ``related-to`` otherwise.
  ``x_actorgraph_predicate`` always holds ours, with ``x_actorgraph_modality``
  (claim status), ``x_actorgraph_attributed_to``, ``x_actorgraph_role``/``_mode`` and
  ``x_actorgraph_evidence`` (the spans, with text); the first evidence sentence is also
  the ``description`` and an external reference to the article;
- ``report`` for each article: name = title, published = publication date, and
  ``object_refs`` = the objects read from it.

Ids are UUIDv5 of our ids, so an object keeps its id from export to export. ``created``
and ``modified`` are when the store first added and last updated the documents behind an
object: re-exporting an unchanged store writes the same bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

import stix2  # type: ignore[import-untyped]

from actorgraph.export._filters import filters
from actorgraph.store import Store
from actorgraph.store.rows import ActorRec, Doc, RelationRec

# Fixed forever: changing it changes every id this module has ever written.
NAMESPACE = uuid.UUID("2f6c3c0e-6a4e-5f0b-9a52-6163746f7267")

_SECTORS = {
    "government": ["government-national"],
    "state_force": ["defense"],
    "ngo": ["non-profit"],
    "media": ["communications"],
}
_IDENTITY_CLASS = {"PERSON": "individual", "NORP": "group"}
_PLACE_TYPES = ("GPE", "LOC", "FAC")


def stix_id(kind: str, our_id: str) -> str:
    """Return the STIX id of one of our objects: stable across exports."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{our_id}')}"


def object_type(actor: ActorRec) -> str | None:
    """Return the STIX type an actor is exported as, or None when it is left out."""
    place = actor.place
    if actor.type == "ORG" and actor.kind == "armed_group":
        return "threat-actor"
    if actor.type in ("PERSON", "ORG", "NORP"):
        return "identity"
    if actor.type == "GPE" and (place is None or place.precision == "country"):
        return "identity"  # a state (or a polity the gazetteer does not place)
    if actor.type in _PLACE_TYPES and place is not None:
        return "location"
    return None


def relationship_type(predicate: str, mode: Iterable[str], source: str, target: str) -> str:
    """Return the STIX 2.1 relationship type for our predicate between two STIX types."""
    if predicate == "fights_against" and source == "threat-actor" and target != "threat-actor":
        return "targets"  # the spec's threat-actor targets identity / location
    if predicate in ("located_in", "operates_in") and target == "location":
        return "located-at"
    directed = predicate == "part_of" or (predicate == "supported_by" and "directed" in mode)
    if directed and source == "threat-actor" and target == "identity":
        return "attributed-to"
    return "related-to"


def _time(value: str) -> datetime:
    """Return a timestamp (UTC) for an ISO date, date prefix ("2015", "2015-02") or datetime."""
    if len(value) <= 10:
        year, month, day = [*value.split("-"), "01", "01"][:3]
        return datetime(int(year), int(month), int(day), tzinfo=UTC)
    stamp = datetime.fromisoformat(value)
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def _times(docs: Iterable[Doc]) -> dict[str, datetime]:
    docs = list(docs)
    return {
        "created": min(_time(d.added_at) for d in docs),
        "modified": max(_time(d.updated_at) for d in docs),
    }


def _actor_object(actor: ActorRec, kind: str, docs: list[Doc]) -> Any:
    common: dict[str, Any] = {
        "id": stix_id(kind, actor.id),
        "name": actor.name,
        "x_actorgraph_id": actor.id,
        "x_actorgraph_type": actor.type,
        "x_actorgraph_mentions": actor.mentions,
        **_times(docs),
    }
    if actor.kind:
        common["x_actorgraph_kind"] = actor.kind
    others = [a for a in actor.aliases if a != actor.name]
    if kind == "threat-actor":
        return stix2.v21.ThreatActor(**common, aliases=others or None, allow_custom=True)
    if others:
        common["x_actorgraph_aliases"] = others
    place = actor.place
    if kind == "location":
        assert place is not None
        return stix2.v21.Location(
            **common,
            latitude=place.lat,
            longitude=place.lon,
            country=place.country,
            administrative_area=place.admin1,
            x_actorgraph_precision=place.precision,
            allow_custom=True,
        )
    sectors: list[str] | None
    if actor.type == "GPE":
        identity_class, sectors = "organization", ["government-national"]
        if place is not None and place.country:
            common["x_actorgraph_country"] = place.country
    else:
        identity_class = _IDENTITY_CLASS.get(actor.type, "organization")
        sectors = _SECTORS.get(actor.kind or "")
    return stix2.v21.Identity(
        **common, identity_class=identity_class, sectors=sectors, allow_custom=True
    )


def _reference(doc: Doc, description: str | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"source_name": doc.publisher or "actorgraph", "external_id": doc.id}
    if doc.url:
        ref["url"] = doc.url
    if description:
        ref["description"] = description
    return ref


def _relationship(r: RelationRec, source: Any, target: Any) -> Any:
    sentence = " ".join(r.evidence[0].text.split())
    custom: dict[str, Any] = {
        "x_actorgraph_id": r.id,
        "x_actorgraph_predicate": r.predicate,
        "x_actorgraph_modality": r.modality,
        "x_actorgraph_evidence": [
            {"document_id": r.doc.id, "start": s.start, "end": s.end, "text": s.text}
            for s in r.evidence
        ],
    }
    optional = {
        "x_actorgraph_attributed_to": r.attributed_to.name if r.attributed_to else None,
        "x_actorgraph_role": r.role,
        "x_actorgraph_mode": list(r.mode) or None,
        "x_actorgraph_valid_start": r.valid_start,
        "x_actorgraph_valid_end": r.valid_end,
    }
    custom.update({k: v for k, v in optional.items() if v is not None})
    return stix2.v21.Relationship(
        id=stix_id("relationship", r.id),
        relationship_type=relationship_type(r.predicate, r.mode, source.type, target.type),
        source_ref=source.id,
        target_ref=target.id,
        description=sentence,
        confidence=max(0, min(100, round(r.confidence * 100))),
        external_references=[_reference(r.doc, sentence)],
        allow_custom=True,
        **custom,
        **_times([r.doc]),
    )


def _report(doc: Doc, refs: list[str]) -> Any:
    return stix2.v21.Report(
        id=stix_id("report", doc.id),
        name=doc.title or doc.url or f"document {doc.id[:12]}",
        published=_time(doc.published or doc.added_at),
        object_refs=refs,
        external_references=[_reference(doc)],
        x_actorgraph_document_id=doc.id,
        allow_custom=True,
        **_times([doc]),
    )


def build_bundle(store: Store, *, actor: str | None = None) -> Any:
    """Return the STIX 2.1 bundle (only ``actor``'s relations and their ends, if given)."""
    flt = filters(store, actor=actor)
    reader = store.export_reader()
    relations = reader.relations(flt)
    wanted: set[str] | None = None
    if flt.actor_ids is not None:
        wanted = set(flt.actor_ids) | {r.subject.id for r in relations}
        wanted |= {r.object.id for r in relations}
    by_actor: dict[str, Any] = {}
    read_from: dict[str, list[str]] = {}  # document id -> STIX ids read from it
    for a in reader.actors(wanted):
        kind = object_type(a)
        if kind is None:
            continue
        by_actor[a.id] = _actor_object(a, kind, [reader.docs[d] for d in a.document_ids])
        for d in a.document_ids:
            read_from.setdefault(d, []).append(by_actor[a.id].id)
    links = []
    for r in relations:
        source, target = by_actor.get(r.subject.id), by_actor.get(r.object.id)
        if source is None or target is None:
            continue  # an end STIX has no object for (an event, a law, an unplaced place)
        links.append(_relationship(r, source, target))
        read_from.setdefault(r.doc.id, []).append(links[-1].id)
    reports = [
        _report(reader.docs[doc_id], sorted(set(refs)))
        for doc_id, refs in sorted(read_from.items())
    ]
    objects = [*by_actor.values(), *links, *reports]
    key = "\n".join(o.id for o in objects)
    return stix2.v21.Bundle(id=stix_id("bundle", key), objects=objects, allow_custom=True)


def write(store: Store, fp: TextIO, *, actor: str | None = None) -> int:
    """Write the bundle as JSON; return the number of objects in it."""
    bundle = build_bundle(store, actor=actor)
    fp.write(bundle.serialize(pretty=True) + "\n")
    return len(bundle.get("objects", ()))  # stix2 drops an empty list
