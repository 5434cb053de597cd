"""Events in the genre's ordinary grammar, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import actorgraph


def _events(nlp: Any, text: str) -> list[tuple[str, list[str], list[str]]]:
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return [(e.type, [name[x] for x in e.actors], [name[x] for x in e.targets]) for e in a.events]


def test_a_countrys_group_named_in_apposition_is_the_actor_not_the_country(nlp: Any) -> None:
    events = _events(
        nlp,
        "Chad's oldest rebel movement, the Red Hand Brigade, abducted three aid workers "
        "near Abeche on Sunday.",
    )
    assert [actors for kind, actors, _ in events if kind == "ASSAULT"] == [["Red Hand Brigade"]]


def test_the_side_that_repelled_an_attack_was_its_target(nlp: Any) -> None:
    events = _events(
        nlp,
        "Chadian troops repelled an attack by the Red Hand Brigade on a base near Abeche "
        "on Sunday, the army said.",
    )
    assert ("ASSAULT", ["Red Hand Brigade"], ["Military Forces of Chad"]) in events
