"""STIX 2.1: the bundle parses with stix2, with the right objects, types and stable ids."""

from __future__ import annotations

import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import stix2  # type: ignore[import-untyped]
from export_samples import HOSTILE, analysis_a, analysis_b

from actorgraph.export import stix
from actorgraph.store import Store, open_store


def _bundle(store: Store, **filters: str) -> tuple[str, Any]:
    out = io.StringIO()
    count = stix.write(store, out, **filters)
    bundle = stix2.parse(out.getvalue(), allow_custom=True)
    assert count == len(bundle.objects)
    return out.getvalue(), bundle


def _by_type(bundle: Any, type_: str) -> list[Any]:
    return [o for o in bundle.objects if o.type == type_]


def test_stix_bundle_parses_with_the_right_objects(sample_store: Store) -> None:
    _, bundle = _bundle(sample_store)
    assert Counter(o.type for o in bundle.objects) == {
        "identity": 2,  # Qais al-Khazali (individual), Iraq (a state)
        "threat-actor": 3,  # Asaib Ahl al-Haq, Islamic State, the hostile brigade
        "location": 4,  # Baghdad, Mosul, Kirkuk, and Iraq's country
        "relationship": 7,  # six relations and the quote's authored-by
        "sighting": 2,  # the two events, of their actors
        "note": 1,  # Khazali's quote
        "report": 2,
    }
    names = {o.name: o for o in bundle.objects if o.type in ("identity", "threat-actor")}
    for o in _by_type(bundle, "location"):
        names.setdefault(o.name, o)  # Iraq is a state (identity) and its country (location)
    iraq = next(o for o in _by_type(bundle, "location") if o.name == "Iraq")
    assert (iraq.country, iraq.x_actorgraph_precision) == ("IQ", "country")
    assert names["Qais al-Khazali"].identity_class == "individual"
    assert names["Qais al-Khazali"].x_actorgraph_aliases == ["Khazali"]
    assert names["Iraq"].identity_class == "organization"
    assert names["Iraq"].x_actorgraph_country == "IQ"
    assert names[HOSTILE].type == "threat-actor"
    assert (names["Mosul"].latitude, names["Mosul"].country) == (36.335, "IQ")
    types = Counter(
        (o.get("x_actorgraph_predicate"), o.relationship_type)
        for o in _by_type(bundle, "relationship")
    )
    assert types == {
        ("leader_of", "related-to"): 2,
        ("fights_against", "related-to"): 2,  # threat-actor to threat-actor: no STIX type
        ("fights_against", "targets"): 1,  # the brigade shells Kirkuk
        ("operates_in", "located-at"): 1,
        (None, "authored-by"): 1,  # the quote's note, by Khazali
    }


def test_stix_relationship_carries_claim_and_evidence(sample_store: Store) -> None:
    _, bundle = _bundle(sample_store)
    denied = [
        r for r in _by_type(bundle, "relationship") if r.get("x_actorgraph_modality") == "denied"
    ]
    assert len(denied) == 1
    rel = denied[0]
    sentence = "Asaib Ahl al-Haq denied that it fights the Islamic State."
    assert rel.description == sentence
    assert rel.external_references[0].description == sentence
    assert rel.external_references[0].source_name == "@Evil Wire"
    assert rel.x_actorgraph_evidence[0]["text"] == sentence
    assert rel.confidence == 100


def test_stix_report_lists_the_objects_read_from_it(sample_store: Store) -> None:
    _, bundle = _bundle(sample_store)
    reports = {r.name: r for r in _by_type(bundle, "report")}
    assert set(reports) == {"Militias in Baghdad", "Shelling near Kirkuk"}
    a = reports["Militias in Baghdad"]
    assert a.published.isoformat().startswith("2015-02-04")
    ids = {o.id: o for o in bundle.objects}
    read = Counter(ids[ref].type for ref in a.object_refs)
    assert read == {
        "identity": 2,
        "threat-actor": 2,
        "location": 3,
        "relationship": 4,
        "sighting": 1,
        "note": 1,
    }
    assert len(a.x_actorgraph_document_id) == 64


def test_stix_ids_are_stable_across_stores(sample_store: Store, tmp_path: Path) -> None:
    text, bundle = _bundle(sample_store)
    again, _ = _bundle(sample_store)
    assert text == again
    with open_store(tmp_path / "other.db") as other:
        other.save(analysis_b())
        other.save(analysis_a())
        _, fresh = _bundle(other)
    assert {o.id for o in fresh.objects} == {o.id for o in bundle.objects}
    assert fresh.id == bundle.id
    assert json.loads(text)["type"] == "bundle"


def test_stix_actor_filter_keeps_neighbourhood(sample_store: Store) -> None:
    _, bundle = _bundle(sample_store, actor="Kirkuk")
    assert Counter(o.type for o in bundle.objects) == {
        "threat-actor": 1,
        "location": 1,
        "relationship": 1,
        "sighting": 1,  # the shelling of Kirkuk
        "report": 1,
    }


def test_stix_events_are_sightings_with_dates_places_and_evidence(sample_store: Store) -> None:
    _, bundle = _bundle(sample_store)
    ids = {o.id: o for o in bundle.objects}
    shelling = next(
        s for s in _by_type(bundle, "sighting") if s.get("x_actorgraph_mode") == "explosives"
    )
    assert ids[shelling.sighting_of_ref].name == HOSTILE
    assert [ids[r].name for r in shelling.where_sighted_refs] == ["Kirkuk"]
    assert shelling.first_seen.isoformat().startswith("2015-03-01T00:00:00")
    assert shelling.last_seen.isoformat().startswith("2015-03-01T23:59:59")
    assert shelling.x_actorgraph_modality == "reported"
    assert shelling.description.startswith("+Fighters of =SUM(A1) Brigade shelled Kirkuk")
    assert shelling.x_actorgraph_evidence[0]["text"] == shelling.description
    (note,) = _by_type(bundle, "note")
    assert note.content == "We fight the Islamic State today,"
    assert note.authors == ["Qais al-Khazali"]
    (authored,) = [r for r in _by_type(bundle, "relationship") if r.source_ref == note.id]
    assert authored.relationship_type == "authored-by"
    assert ids[authored.target_ref].name == "Qais al-Khazali"


def test_stix_event_without_actor_is_a_report_and_attacks_target(tmp_path: Path) -> None:
    from listing_samples import build

    with open_store(build(tmp_path / "three.db")) as store:
        _, bundle = _bundle(store)
    ids = {o.id: o for o in bundle.objects}
    protest = next(r for r in _by_type(bundle, "report") if r.get("x_actorgraph_event_id"))
    assert protest.report_types == ["threat-report"]
    assert {ids[r].name for r in protest.object_refs} == {"Kessa", "Douma"}
    targets = [r for r in _by_type(bundle, "relationship") if r.relationship_type == "targets"]
    assert [(ids[r.source_ref].name, ids[r.target_ref].name) for r in targets] == [
        ("Northern Brigade", "army")
    ]
    attack = next(s for s in _by_type(bundle, "sighting") if s.x_actorgraph_event_type == "ASSAULT"
                  and s.x_actorgraph_modality == "reported")  # fmt: skip
    killed = attack.x_actorgraph_casualties["killed"]
    assert (killed["value"], killed["attributed_to"]["name"]) == (12, "police")
    assert killed["others"][0]["value"] == 9


@pytest.mark.parametrize(
    ("predicate", "mode", "source", "target", "expected"),
    [
        ("fights_against", (), "threat-actor", "identity", "targets"),
        ("fights_against", (), "threat-actor", "threat-actor", "related-to"),
        ("fights_against", (), "identity", "identity", "related-to"),
        ("located_in", (), "identity", "location", "located-at"),
        ("operates_in", (), "threat-actor", "identity", "related-to"),
        ("supported_by", ("directed",), "threat-actor", "identity", "attributed-to"),
        ("supported_by", ("funded",), "threat-actor", "identity", "related-to"),
        ("part_of", (), "threat-actor", "identity", "attributed-to"),
        ("leader_of", (), "identity", "threat-actor", "related-to"),
    ],
)
def test_stix_relationship_types_follow_the_spec(
    predicate: str, mode: tuple[str, ...], source: str, target: str, expected: str
) -> None:
    assert stix.relationship_type(predicate, mode, source, target) == expected
