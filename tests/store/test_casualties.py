"""Casualty counts of events (m006): stored with their event, checked, edited, read back."""

from __future__ import annotations

import dataclasses

import pytest
from store_engines import foreign_keys_off
from store_samples import STAGES, entity, evidence, span

from actorgraph.errors import StoreError
from actorgraph.model import Analysis, Casualty, DateRef, Document, Event
from actorgraph.store import Store
from actorgraph.store.snapshot import snapshot

TEXT = (
    "Gunmen of the Northern Brigade killed at least 12 soldiers in Tel Hamra on 3 May 2016, "
    "police said. The army said 9 soldiers were killed and 20 wounded."
)


def attack(**changes: object) -> Analysis:
    """One ASSAULT with three counts: 12 killed (police), 9 killed and 20 injured (army)."""
    doc = Document.from_text(TEXT, title="Attack on Tel Hamra", published="2016-05-04")
    t = doc.text
    entities = (
        entity(t, "E1", "Northern Brigade", "ORG", kind="armed_group"),
        entity(t, "E2", "Tel Hamra", "GPE"),
        entity(t, "E3", "police", "ORG"),
        entity(t, "E4", "army", "ORG", kind="state_force"),
    )
    may = DateRef("3 May 2016", *span(t, "3 May 2016"), "2016-05-03", "day", "2016-05-03",
                  "2016-05-03")  # fmt: skip

    def count(kind: str, words: str, value: int, source: str, **kw: object) -> Casualty:
        return Casualty(
            kind,  # type: ignore[arg-type]
            value,
            (evidence(doc, words, "events.v1"),),
            modality="reported",
            attributed_to=source,
            **kw,  # type: ignore[arg-type]
        )

    event = Event(
        "ASSAULT",
        (evidence(doc, "Gunmen of the Northern Brigade killed at least 12 soldiers", "events.v1"),),
        actors=("E1",),
        locations=("E2",),
        date=may,
        confidence=0.8,
        casualties=(
            count("killed", "at least 12 soldiers", 12, "E3", qualifier="at least"),
            count("killed", "9 soldiers", 9, "E4"),
            count("injured", "20 wounded", 20, "E4"),
        ),
    )
    fields: dict[str, object] = {
        "document": doc,
        "entities": entities,
        "dates": (may,),
        "events": (event,),
        "stages": STAGES,
    }
    fields.update(changes)
    return Analysis(**fields)  # type: ignore[arg-type]


def _read(store: Store) -> list[tuple[object, ...]]:
    (event,) = store.export_reader().events(store.filters())
    return [
        (c.kind, c.value, c.qualifier, c.modality, c.attributed_to and c.attributed_to.name,
         c.evidence[0].text)
        for c in event.casualties
    ]  # fmt: skip


def test_casualties_stored_and_read_back_in_order(store: Store) -> None:
    assert store.save(attack()) == "added"
    assert _read(store) == [
        ("killed", 12, "at least", "reported", "police", "at least 12 soldiers"),
        ("killed", 9, None, "reported", "army", "9 soldiers"),
        ("injured", 20, None, "reported", "army", "20 wounded"),
    ]
    (listed,) = store.events()
    assert [c.value for c in listed.casualties] == [12, 9, 20]
    assert store.check() == []
    rows = snapshot(store).sections["events"]
    (event_row,) = rows
    assert len(event_row[-1]) == 3  # the counts are part of the event's canonical row


def test_casualties_replaced_with_their_event_and_deleted_with_it(store: Store) -> None:
    store.save(attack())
    (event,) = attack().events
    fewer = dataclasses.replace(event, casualties=event.casualties[:1])
    newer = attack(events=(fewer,), stages=(*STAGES[:-1], ("events", "events.v2")))
    assert store.save(newer) == "updated"
    assert [v for _, v, *_ in _read(store)] == [12]
    assert store.save(attack(events=(), stages=(*STAGES[:-1], ("events", "events.v3"))))
    assert store.check() == []
    assert ("event_casualties", 0) in snapshot(store).sections["table rows"]


def test_casualties_follow_merged_actors(store: Store) -> None:
    store.save(attack())
    ids = {row.name: row.id for row in store.actors()}
    store.merge_actors(ids["army"], ids["police"])
    sources = {name for *_, name, _ in _read(store)}
    assert sources == {"army"}
    assert store.check() == []
    new = store.split_actor(ids["army"], alias="police")
    assert {name for *_, name, _ in _read(store)} == {"army", "police"}
    assert new in {row.id for row in store.actors()}
    assert store.check() == []


def test_casualties_refused_without_evidence_or_outside_the_text(store: Store) -> None:
    (event,) = attack().events
    bare = dataclasses.replace(
        event, casualties=(dataclasses.replace(event.casualties[0], evidence=()),)
    )
    with pytest.raises(StoreError, match="no evidence"):
        store.save(attack(events=(bare,)))
    ev = event.casualties[0].evidence[0]
    far = dataclasses.replace(ev, start=len(TEXT) + 5, end=len(TEXT) + 9)
    outside = dataclasses.replace(
        event, casualties=(dataclasses.replace(event.casualties[0], evidence=(far,)),)
    )
    with pytest.raises(StoreError, match="outside the document"):
        store.save(attack(events=(outside,)))
    assert not store.has_document(attack().document.id)


def test_casualties_damage_is_reported_by_check(store: Store) -> None:
    store.save(attack())
    with foreign_keys_off(store):
        store._db.execute("UPDATE event_casualties SET end_char = 100000 WHERE seq = 1")
        store._db.execute(
            "UPDATE event_casualties SET attributed_actor_id = "
            "(SELECT id FROM actors WHERE name = 'Tel Hamra') WHERE seq = 2"
        )
    problems = store.check()
    assert any(p.startswith("event_casualties '") and "outside the text" in p for p in problems)
    assert any(p.startswith("event_casualties.attributed_actor_id: 1 rows") for p in problems)
