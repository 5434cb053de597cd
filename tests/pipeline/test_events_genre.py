"""Events in the genre's ordinary grammar, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import Analysis


def _analysis(nlp: Any, text: str) -> Analysis:
    return actorgraph.analyze(text, published="2021-05-04", nlp=nlp)


def _events(nlp: Any, text: str) -> list[tuple[str, list[str], list[str]]]:
    a = _analysis(nlp, text)
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


def test_an_attack_told_as_a_condition_is_no_event(nlp: Any) -> None:
    assert not _events(nlp, "If the Red Hand Brigade attacks Abeche, the truce will end.")
    assert not any(
        kind == "RETREAT"
        for kind, _, _ in _events(
            nlp, "The army said it would storm the town if the rebels did not withdraw."
        )
    )


def test_a_when_clause_gives_its_date_to_the_event_it_tells_the_moment_of(nlp: Any) -> None:
    a = _analysis(
        nlp,
        "Two Chadian soldiers were wounded when their truck hit a landmine near Abeche on "
        "Sunday, the army said.",
    )
    assert [e.date.value for e in a.events if e.date is not None] == ["2021-05-02"]


def test_the_act_a_story_sets_its_news_after_is_another_event(nlp: Any) -> None:
    for after in (
        "The attack came two days after gunmen killed four gendarmes near Mongo.",
        "It was the second attack this week, after gunmen killed four gendarmes near Mongo.",
    ):
        text = (
            "Gunmen killed nine villagers in an attack on a village in eastern Chad on "
            f"Saturday, officials said.\n\n{after}"
        )
        a = _analysis(nlp, text)
        attacks = [e for e in a.events if e.type == "ASSAULT"]
        tolls = sorted(c.value for e in attacks for c in e.casualties if c.kind == "killed")
        assert len(attacks) == 2 and tolls == [4, 9], after


def test_an_attack_a_deed_was_done_during_is_the_doers_own(nlp: Any) -> None:
    events = _events(
        nlp,
        "The Red Hand Brigade seized weapons during an attack on an army base in Abeche, Chad.",
    )
    assert ("ASSAULT", ["Red Hand Brigade"], ["Military Forces of Chad"]) in events


def test_a_war_fought_for_years_is_no_one_happening(nlp: Any) -> None:
    assert not _events(nlp, "The Red Hand Brigade has attacked army posts for more than a decade.")
    assert _events(nlp, "The Red Hand Brigade attacked an army post for the second time.")


def _killed(nlp: Any, text: str) -> list[tuple[str, list[int], str]]:
    a = _analysis(nlp, text)
    return [
        (e.type, [c.value for c in e.casualties if c.kind == "killed"], e.modality)
        for e in a.events
    ]


def test_tolls_told_as_lives_claimed_or_a_toll_that_rose(nlp: Any) -> None:
    assert _killed(
        nlp,
        "An attack by the Red Hand Brigade on a village near Abeche, Chad, on Sunday claimed "
        "the lives of 14 civilians.",
    ) == [("ASSAULT", [14], "asserted")]
    assert _killed(
        nlp,
        "The Red Hand Brigade attacked a village near Abeche, Chad, on Sunday. The death toll "
        "rose to 20 on Monday.",
    ) == [("ASSAULT", [20], "asserted")]


def test_an_armed_operation_launched_against_a_group_is_an_attack(nlp: Any) -> None:
    events = _events(
        nlp, "The Chadian army launched an operation against the Red Hand Brigade near Abeche."
    )
    assert ("ASSAULT", ["Military Forces of Chad"], ["Red Hand Brigade"]) in events
    assert not _events(nlp, "The Chadian army launched a rescue operation near Abeche.")


def test_an_attack_a_group_also_launched_is_another_event(nlp: Any) -> None:
    text = (
        "Red Hand Brigade fighters attacked army posts in eastern Chad on Wednesday, killing "
        "40 soldiers.\n\nThe Red Hand Brigade also launched an attack on Abeche airport."
    )
    attacks = [e for e in _events(nlp, text) if e[0] == "ASSAULT"]
    assert len(attacks) == 2, attacks


def test_attacks_a_group_has_carried_out_told_as_a_record_are_no_event(nlp: Any) -> None:
    text = (
        "The Red Hand Brigade, which has carried out attacks across the Sahel, pledged "
        "allegiance to the Islamic State in 2015."
    )
    assert not [e for e in _events(nlp, text) if e[0] == "ASSAULT"]
    text = "The Red Hand Brigade has launched attacks on three villages near Abeche, Chad."
    assert [e for e in _events(nlp, text) if e[0] == "ASSAULT"]


def test_a_date_before_a_trailing_said_is_the_acts(nlp: Any) -> None:
    a = _analysis(
        nlp,
        "The Red Hand Brigade attacked a base near Abeche, Chad, on Sunday, the group said "
        "in a statement.",
    )
    assert [(e.date.value if e.date else None) for e in a.events] == ["2021-05-02"]
    a = _analysis(nlp, "The army said on Sunday that rebels had attacked a base near Abeche, Chad.")
    assert [e.date for e in a.events] == [None]  # when it was said, not when it happened


def test_the_toll_the_next_sentence_gives_is_the_attacks(nlp: Any) -> None:
    told = "The Red Hand Brigade attacked a base near Abeche, Chad, on Sunday. "
    assert _killed(nlp, told + "Five soldiers were killed, a military source said.") == [
        ("ASSAULT", [5], "asserted")
    ]
    apart = told + "In a separate incident, five soldiers were killed by a bomb near Mongo."
    assert len(_killed(nlp, apart)) == 2
