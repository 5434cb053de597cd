"""The store as a STIX 2.1 bundle: actors, relations, events, quotes and their articles.

Objects, each built (and so validated) by the ``stix2`` library:

- ``threat-actor`` for armed groups (ORG of kind armed_group), with their aliases;
- ``identity`` for persons (individual), other organisations (organization, with a
  sector for governments, state forces, NGOs and media), NORP groups (group) and states
  (a GPE the gazetteer resolves to a country, or not at all);
- ``location`` for places (cities, regions, facilities) with their coordinates, and for
  each state the gazetteer places, its country (so that ``located-at`` and sightings can
  point at it); places the gazetteer does not know, events and laws are left out;
- ``relationship`` for each relation claim, typed from STIX 2.1's vocabulary where the
  spec has a type for that pair of objects (``targets``: an armed group fights a state,
  person or place; ``located-at``: an actor in a place or a country; ``attributed-to``:
  an armed group part of, pledging allegiance to, or directed by a state, person or
  organisation) and ``related-to`` otherwise. ``x_actorgraph_predicate`` always holds
  ours, with ``x_actorgraph_modality`` (claim status), ``_attributed_to``, ``_role``,
  ``_mode``, ``_valid_start``/``_end`` and ``_evidence`` (the spans, with text); the first
  evidence sentence is also the ``description`` and an external reference's;
- events as ``sighting``s (or ``report``s) and quotes as ``note``s with ``authored-by``
  relationships: see :mod:`._stix_facts`;
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
from actorgraph.export._stix_facts import event_objects, quote_objects
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
        return "located-at"  # identity / threat-actor located-at location
    directed = predicate in ("part_of", "allegiance_to") or (
        predicate == "supported_by" and "directed" in mode
    )
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


def _country(actor: ActorRec, docs: list[Doc]) -> Any:
    """Return the location object of a state's country, for located-at and sightings."""
    place = actor.place
    assert place is not None
    return stix2.v21.Location(
        id=stix_id("location", actor.id),
        name=actor.name,
        latitude=place.lat,
        longitude=place.lon,
        country=place.country,
        x_actorgraph_id=actor.id,
        x_actorgraph_precision=place.precision,
        allow_custom=True,
        **_times(docs),
    )


def build_bundle(store: Store, **options: Any) -> Any:
    """Return the STIX 2.1 bundle within the listings' filters (``actor``: its facts and
    their ends)."""
    flt = filters(store, **options)
    reader = store.export_reader()
    relations = reader.relations(flt)
    events = reader.events(flt)
    quotes = reader.quotes(flt)
    wanted: set[str] | None = None
    if flt.actor_ids is not None:
        wanted = set(flt.actor_ids) | {r.subject.id for r in relations}
        wanted |= {r.object.id for r in relations}
        wanted |= {p.id for e in events for p in (*e.actors, *e.targets, *e.locations)}
        wanted |= {q.speaker.id for q in quotes if q.speaker is not None}
    by_actor: dict[str, Any] = {}
    places: dict[str, Any] = {}  # actor id -> location: a place's own, or a state's country
    read_from: dict[str, list[str]] = {}  # document id -> STIX ids read from it
    for a in reader.actors(wanted):
        kind = object_type(a)
        if kind is None:
            continue
        docs = [reader.docs[d] for d in a.document_ids]
        by_actor[a.id] = _actor_object(a, kind, docs)
        made = [by_actor[a.id]]
        if kind == "location":
            places[a.id] = by_actor[a.id]
        elif a.type == "GPE" and a.place is not None:
            places[a.id] = _country(a, docs)
            made.append(places[a.id])
        for d in a.document_ids:
            read_from.setdefault(d, []).extend(o.id for o in made)
    links = []
    for r in relations:
        source, target = by_actor.get(r.subject.id), by_actor.get(r.object.id)
        if r.predicate in ("located_in", "operates_in") and r.object.id in places:
            target = places[r.object.id]
        if source is None or target is None:
            continue  # an end STIX has no object for (an event, a law, an unplaced place)
        links.append(_relationship(r, source, target))
        read_from.setdefault(r.doc.id, []).append(links[-1].id)
    facts: list[Any] = []
    for e in events:
        made = event_objects(
            e, by_actor, places, stix_id=stix_id, reference=_reference,
            times=_times([e.doc]), time=_time,
        )  # fmt: skip
        facts += made
        read_from.setdefault(e.doc.id, []).extend(o.id for o in made)
    for q in quotes:
        made = quote_objects(
            q, by_actor, stix_id=stix_id, reference=_reference, times=_times([q.doc])
        )
        facts += made
        read_from.setdefault(q.doc.id, []).extend(o.id for o in made)
    reports = [
        _report(reader.docs[doc_id], sorted(set(refs)))
        for doc_id, refs in sorted(read_from.items())
    ]
    countries = [o for a, o in places.items() if o is not by_actor.get(a)]
    objects = [*by_actor.values(), *countries, *links, *facts, *reports]
    key = "\n".join(o.id for o in objects)
    return stix2.v21.Bundle(id=stix_id("bundle", key), objects=objects, allow_custom=True)


def write(store: Store, fp: TextIO, **options: Any) -> int:
    """Write the bundle as JSON; return the number of objects in it."""
    bundle = build_bundle(store, **options)
    fp.write(bundle.serialize(pretty=True) + "\n")
    return len(bundle.get("objects", ()))  # stix2 drops an empty list
