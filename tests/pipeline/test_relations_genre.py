"""Relations from wire-style sentences written for these tests (the genre's ordinary grammar)."""

from __future__ import annotations

from typing import Any

import actorgraph


def _rels(nlp: Any, text: str, published: str = "2021-05-04") -> set[tuple[str, str, str]]:
    a = actorgraph.analyze(text, published=published, nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}


def test_a_dateline_city_parsed_as_the_subject_is_skipped(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "GAROUA, Cameroon (Reuters) - Cameroonian government forces repelled an attack by "
        "Ansar Dine fighters on an army post near Kousseri on Sunday, officials said.",
    )
    assert ("Military Forces of Cameroon", "fights_against", "Ansar Dine") in rels
    assert not any(s == "GAROUA" or s == "Garoua" for s, _, _ in rels)


def test_a_group_that_has_a_stronghold_in_a_province_operates_there(nlp: Any) -> None:
    rels = _rels(nlp, "The Red Hand Brigade has a stronghold in Kunduz province.")
    assert ("Red Hand Brigade", "operates_in", "Kunduz") in rels


def test_a_division_of_a_national_army_is_part_of_it(nlp: Any) -> None:
    rels = _rels(
        nlp, "The 3rd Infantry Division of the Chadian army said it had retaken the bridge."
    )
    assert ("3rd Infantry Division", "part_of", "Military Forces of Chad") in rels


def test_a_brigade_of_a_national_army_is_not_named_after_the_peoples_word(nlp: Any) -> None:
    text = "Men of the Storm Brigade of the Kenyan army repelled an assault near Kismayo."
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    names = {e.name for e in a.entities}
    assert not any(n.endswith("of the Kenyan") for n in names)
    assert "Military Forces of Kenya" in names


def test_a_persons_own_armed_group_is_the_one_they_lead(nlp: Any) -> None:
    rels = _rels(nlp, "Samuel Okot's Red Hand Brigade seized the airport on Monday.")
    assert ("Samuel Okot", "leader_of", "Red Hand Brigade") in rels


def test_a_leaders_state_army_is_not_their_own_group(nlp: Any) -> None:
    rels = _rels(nlp, "Kenyan troops crossed the border. President Daniel Mbeki's army is tired.")
    assert not any(p == "leader_of" for _, p, _ in rels)


def test_a_town_a_group_could_or_vowed_to_seize_is_not_one_it_holds(nlp: Any) -> None:
    assert ("Red Hand Brigade", "operates_in", "Kunduz") in _rels(
        nlp, "The Red Hand Brigade seized the town of Kunduz on Monday."
    )
    for text in (
        "Analysts fear the Red Hand Brigade could seize the town of Kunduz within weeks.",
        "The Red Hand Brigade vowed to seize the town of Kunduz before the winter.",
    ):
        assert not any(p == "operates_in" for _, p, _ in _rels(nlp, text)), text


def test_the_city_where_a_groups_leaders_met_is_not_where_it_operates(nlp: Any) -> None:
    assert ("Red Hand Brigade", "operates_in", "Kismayo") in _rels(
        nlp, "Fighters of the Red Hand Brigade in Kismayo ambushed a Somali army convoy."
    )
    for text in (
        "Kenyan diplomats met leaders of the Red Hand Brigade in Nairobi on Monday.",
        "Talks between the government and the Red Hand Brigade in Nairobi collapsed.",
    ):
        assert not any(p == "operates_in" for _, p, _ in _rels(nlp, text)), text


def test_a_group_said_to_have_no_ties_to_a_state_has_none(nlp: Any) -> None:
    assert ("Red Hand Brigade", "ties_to", "Iran") in _rels(
        nlp, "The Red Hand Brigade has ties to Iran."
    )
    rels = _rels(nlp, "A Red Hand Brigade spokesman said the group had no ties to Iran.")
    assert not any(p == "ties_to" for _, p, _ in rels)


def test_two_groups_that_were_allies_but_fought_each_other_fight(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "The Red Hand Brigade and the Storm Front were once allies but have fought each "
        "other since 2020.",
    )
    assert ("Red Hand Brigade", "fights_against", "Storm Front") in rels or (
        "Storm Front",
        "fights_against",
        "Red Hand Brigade",
    ) in rels
