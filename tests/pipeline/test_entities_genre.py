"""Actors in the genre's ordinary grammar, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import Analysis
from actorgraph.pipeline.entities._trims import in_place_split


def _analyze(nlp: Any, text: str) -> Analysis:
    return actorgraph.analyze(text, published="2021-03-10", nlp=nlp)


def _types(a: Analysis) -> dict[str, str]:
    return {e.name: e.type for e in a.entities}


def test_a_one_word_group_then_in_and_a_place_is_the_group_and_the_place() -> None:
    text = "Militias have been fighting M18 in South Kivu for weeks."
    start, end = text.index("M18"), text.index(" for")
    assert in_place_split(text, [(start, end, "ORG", 1)]) == [
        (start, start + 3, "ORG", 1),
        (text.index("South"), end, "GPE", 1),
    ]


def test_a_branch_of_a_movement_or_a_longer_name_keeps_its_in() -> None:
    for name in ("ISIS in Somalia", "Islamic State in Somalia", "Brothers of the North in Kivu"):
        text = f"{name} claimed the raid."
        raw = [(0, len(name), "ORG", 1)]
        assert in_place_split(text, raw) == raw


def _aliases_of(a: Analysis, name: str) -> set[str]:
    return next((set(m.text for m in e.mentions) for e in a.entities if e.name == name), set())


def test_a_peoples_word_before_the_group_refers_to_the_one_group_named(nlp: Any) -> None:
    one = _analyze(
        nlp,
        "The Red Hand Brigade stormed a hotel in Hebron on Monday. "
        "The Palestinian militant group later said it had killed 12 soldiers.",
    )
    assert "Palestinian militant group" in _aliases_of(one, "Red Hand Brigade")
    two = _analyze(
        nlp,
        "The Red Hand Brigade and the Black Flag Army stormed a hotel in Hebron on Monday. "
        "The Palestinian militant group later said it had killed 12 soldiers.",
    )
    groups = ("Red Hand Brigade", "Black Flag Army")
    assert not any("militant group" in m for g in groups for m in _aliases_of(two, g))


def test_a_government_named_by_its_capital_is_the_states(nlp: Any) -> None:
    a = _analyze(nlp, "The Red Hand Brigade has vowed to topple the Kabul government.")
    assert "Government of Afghanistan" in {e.name for e in a.entities}


def test_a_groups_unnamed_wing_is_an_actor_of_its_own_part_of_the_group(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Soldiers killed Omar Dali, the commander of the Storm Front's coastal sector, on "
        "Tuesday. The group said it would retaliate.",
    )
    name = {e.id: e.name for e in a.entities}
    rels = {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}
    assert ("Omar Dali", "commands", "Storm Front coastal sector") in rels
    assert ("Storm Front coastal sector", "part_of", "Storm Front") in rels
    wing = next(e for e in a.entities if e.name == "Storm Front coastal sector")
    assert [m.text for m in wing.mentions] == ["coastal sector"]  # the owner's name stays its


def test_a_wing_the_text_names_is_the_named_actor_not_a_second_one(nlp: Any) -> None:
    a = _analyze(nlp, "The Storm Front's armed wing, the Red Hand Brigade, claimed the attack.")
    assert not any(e.name.endswith("wing") for e in a.entities)


def test_a_name_the_model_ran_on_by_a_preposition_ends_before_it(nlp: Any) -> None:
    a = _analyze(nlp, "Qatar has funded the Storm Front for years.")
    assert "Storm Front" in {e.name for e in a.entities}
    a = _analyze(nlp, "The Movement for Justice attacked the town.")
    assert "Movement for Justice" in {e.name for e in a.entities}


def test_a_groups_political_wing_is_its_part_but_no_fighting_force(nlp: Any) -> None:
    a = _analyze(nlp, "Omar Dali heads the political wing of the Storm Front.")
    wing = next(e for e in a.entities if e.name == "Storm Front political wing")
    assert wing.kind is None
    name = {e.id: e.name for e in a.entities}
    rels = {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}
    assert ("Storm Front political wing", "part_of", "Storm Front") in rels


def test_a_states_junta_tagged_as_an_adjective_is_still_its_government(nlp: Any) -> None:
    a = _analyze(nlp, "Chad's junta expelled French troops in 2022.")
    assert "Government of Chad" in {e.name for e in a.entities}


def test_a_peoples_word_a_named_groups_apposition_gave_is_that_group(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Storm Front, a coalition of Tuareg separatist groups, seized Ber in Mali on "
        "Sunday. The Tuareg rebels have fought the Malian army since 2012.",
    )
    groups = [e for e in a.entities if e.kind == "armed_group"]
    assert [e.name for e in groups] == ["Storm Front"]
    assert "Tuareg rebels" in {m.text for m in groups[0].mentions}


def test_a_peoples_word_no_apposition_gave_stays_apart(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Tuareg rebels have fought the Malian army since 2012. The Storm Front, a "
        "coalition of Tuareg separatist groups, seized Ber in Mali on Sunday.",
    )
    assert "Storm Front" in {e.name for e in a.entities}
    assert not any(
        "Tuareg rebels" in {m.text for m in e.mentions} and e.name == "Storm Front"
        for e in a.entities
    )


def test_congo_alone_is_the_democratic_republic_and_its_army_that_states_forces(
    nlp: Any,
) -> None:
    a = _analyze(nlp, "The Congo army said it had repelled an attack near Goma.")
    assert "Military Forces of Democratic Republic of the Congo" in {e.name for e in a.entities}
    a = _analyze(nlp, "Republic of Congo's president met officials in Brazzaville.")
    assert "Republic of the Congo" in {e.name for e in a.entities}


def test_a_lowercase_phrase_the_model_took_for_a_place_is_none(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Kenya's foreign ministry summoned Uganda's charge d'affaires on Thursday "
        "over the border raid.",
    )
    assert not any(e.name.islower() and e.type in {"GPE", "LOC", "FAC"} for e in a.entities)
    assert {"Kenya", "Uganda"} <= set(_types(a))
