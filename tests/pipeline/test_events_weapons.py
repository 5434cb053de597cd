"""Attacks told through their weapon or an unnamed attacker, on sentences written for these
tests: "rockets slammed into", "a suicide bomber", "targeted by"."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import UNIDENTIFIED_GROUP, Analysis


def _analysis(nlp: Any, text: str) -> Analysis:
    return actorgraph.analyze(text, published="2021-05-04", nlp=nlp)


def _assaults(nlp: Any, text: str) -> list[tuple[str | None, list[str], list[str]]]:
    a = _analysis(nlp, text)
    name = {e.id: e.name for e in a.entities}
    return [
        (e.mode, [name[x] for x in e.actors], [name[p] for p in e.locations])
        for e in a.events
        if e.type == "ASSAULT"
    ]


def test_a_weapon_that_hits_a_place_tells_an_attack_with_its_mode(nlp: Any) -> None:
    found = _assaults(
        nlp, "Two mortar shells landed near the central market in Mogadishu on Sunday."
    )
    assert [(m, p) for m, _, p in found] == [("heavy-weapons", ["Mogadishu"])]


def test_whoever_fired_the_weapon_is_the_attacks_actor(nlp: Any) -> None:
    found = _assaults(
        nlp, "Rockets fired by the Red Hand Brigade hit an army base near Kidal on Sunday."
    )
    assert [a for _, a, _ in found] == [["Red Hand Brigade"]]


def test_where_a_weapon_was_fired_from_is_no_actor(nlp: Any) -> None:
    found = _assaults(
        nlp,
        "Rockets fired from Niger slammed into a market in the town of Gao on Sunday, "
        "wounding three civilians.",
    )
    assert len(found) == 1 and found[0][1] == []


def test_a_fall_or_a_landing_without_a_place_is_no_attack(nlp: Any) -> None:
    assert not _assaults(nlp, "Oil prices fell on Sunday as two drones were shown to reporters.")
    assert not _assaults(nlp, "Rebel shells fell silent on Sunday.")


def test_a_suicide_bomber_is_an_unidentified_attacker(nlp: Any) -> None:
    a = _analysis(
        nlp,
        "Two suicide bombers blew themselves up near a bus station in Maiduguri on Sunday, "
        "killing five people.",
    )
    bombers = [e for e in a.entities if e.name.startswith(UNIDENTIFIED_GROUP)]
    assert [m.text for e in bombers for m in e.mentions] == ["suicide bombers"]
    assert [list(e.actors) for e in a.events if e.type == "ASSAULT"] == [[bombers[0].id]]


def test_a_place_targeted_by_an_attacker_was_attacked(nlp: Any) -> None:
    assert _assaults(nlp, "A police post in Quetta was targeted by a suicide bomber on Sunday.")
    assert _assaults(nlp, "Gunmen targeted a bus near Jammu on Sunday.")
    assert not _assaults(nlp, "The new sanctions target senior officials of the Crimson Army.")


def test_slamming_a_decision_is_criticism_and_a_rocket_slamming_into_a_town_an_attack(
    nlp: Any,
) -> None:
    a = _analysis(nlp, "The Malian foreign minister slammed the decision of Niger on Sunday.")
    assert "ASSAULT" not in {e.type for e in a.events}
    assert _assaults(nlp, "A rocket slammed into a school in Gao on Sunday.")


def test_rape_is_an_assault_though_the_lemmatizer_reads_rap(nlp: Any) -> None:
    found = _assaults(
        nlp, "Fighters of the Red Hand Brigade raped women in the village of Kapanga on Sunday."
    )
    assert [(m, a) for m, a, _ in found] == [("sexual", ["Red Hand Brigade"])]


def test_drones_launched_at_a_country_are_an_air_attack(nlp: Any) -> None:
    found = _assaults(nlp, "Russia launched 25 drones at Ukraine on Sunday, Kyiv said.")
    assert [(m, a) for m, a, _ in found] == [("aerial", ["Russia"])]


def test_the_next_sentences_bare_toll_is_the_attacks_and_another_incidents_is_not(
    nlp: Any,
) -> None:
    def tolls(text: str) -> list[dict[str, int]]:
        a = _analysis(nlp, text)
        return [{c.kind: c.value for c in e.casualties} for e in a.events]

    lead = "A rocket struck a fuel depot in the Mali town of Gao on Sunday."
    assert tolls(f"{lead} Two guards were injured.") == [{"injured": 2}]
    assert tolls(f"{lead} In a separate incident in Kidal, two guards were injured.") == [{}]


def test_a_headlines_clash_near_a_city_is_the_leads_battle_in_a_town_it_places_by_it(
    nlp: Any,
) -> None:
    a = _analysis(
        nlp,
        "Sudan army, Red Hand Brigade clash near El Fasher as talks stall\n\n"
        "EL FASHER, Sudan (Reuters) - Sudanese troops and Red Hand Brigade rebels fought "
        "heavy battles on Saturday around the town of Kutum, 80 km north of El Fasher, local "
        "officials said.",
    )
    assert len([e for e in a.events if e.type == "ASSAULT"]) == 1
