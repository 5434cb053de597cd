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


def test_a_coalition_is_made_of_the_groups_it_includes(nlp: Any) -> None:
    for text in (
        "The Azure Alliance, which includes the Storm Front and the Red Hand Brigade, "
        "controls the north.",
        "The Azure Alliance, a coalition including the Storm Front and the Red Hand "
        "Brigade, rejected the deal.",
    ):
        rels = _rels(nlp, text)
        assert ("Storm Front", "part_of", "Azure Alliance") in rels, text
        assert ("Red Hand Brigade", "part_of", "Azure Alliance") in rels, text
    assert not _rels(nlp, "The talks included the Storm Front and the Red Hand Brigade.")


def test_a_group_under_anothers_umbrella_or_joining_it_is_part_of_it(nlp: Any) -> None:
    for text in (
        "The Storm Front operates under the umbrella of the Azure Alliance.",
        "The Storm Front joined the Azure Alliance in 2021.",
    ):
        assert ("Storm Front", "part_of", "Azure Alliance") in _rels(nlp, text), text


def test_a_group_that_broke_away_from_another_is_tied_to_it_not_part_of_it(nlp: Any) -> None:
    rels = _rels(nlp, "The Storm Front broke away from the Red Hand Brigade in 2019.")
    assert ("Storm Front", "ties_to", "Red Hand Brigade") in rels or (
        "Red Hand Brigade",
        "ties_to",
        "Storm Front",
    ) in rels
    assert not any(p == "part_of" for _, p, _ in rels)


def test_a_national_army_chief_named_by_title_leads_that_army(nlp: Any) -> None:
    rels = _rels(nlp, "Chadian army chief Ali Musa visited troops near Abeche.")
    assert ("Ali Musa", "leader_of", "Military Forces of Chad") in rels


def test_the_roles_a_person_takes_over_or_holds_together(nlp: Any) -> None:
    cases = {
        "Omar Dali took over as leader of the Storm Front in 2020.": {"leader_of"},
        "The Storm Front's founder and leader, Omar Dali, appeared in a video.": {
            "founder_of",
            "leader_of",
        },
        "Soldiers killed Omar Dali, the self-proclaimed emir of the Storm Front.": {"leader_of"},
        "The Storm Front, under the command of Omar Dali, seized the town.": {"commands"},
        "Under Omar Dali, the Storm Front has expanded into Chad.": {"commands"},
        "Omar Dali, the Storm Front's founder and former teacher, was arrested.": {"founder_of"},
    }
    for text, preds in cases.items():
        got = {p for s, p, o in _rels(nlp, text) if s == "Omar Dali" and o == "Storm Front"}
        assert got == preds, text


def _fight(rels: set[tuple[str, str, str]], a: str, b: str) -> bool:
    return (a, "fights_against", b) in rels or (b, "fights_against", a) in rels


def test_a_state_battling_a_groups_insurgency_fights_the_group(nlp: Any) -> None:
    for text in (
        "Chad has been battling an insurgency by the Red Hand Brigade since 2009.",
        "Chad has been grappling with an insurgency led by the Red Hand Brigade.",
        "Chad has been battling the Red Hand Brigade's rebellion since 2009.",
    ):
        assert _fight(_rels(nlp, text), "Chad", "Red Hand Brigade"), text
    assert not _rels(nlp, "Chad faces a growing insurgency in the east.")


def test_the_group_attacks_are_blamed_on_fights_their_targets(nlp: Any) -> None:
    a = actorgraph.analyze(
        "The attack on the Chadian army base was blamed on the Red Hand Brigade.",
        published="2021-05-04",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    fights = [r for r in a.relations if r.predicate == "fights_against"]
    assert [(name[r.subject], name[r.object], r.modality) for r in fights] == [
        ("Red Hand Brigade", "Military Forces of Chad", "alleged")
    ]
    assert _fight(
        _rels(nlp, "Most attacks in Chad are attributed to the Red Hand Brigade."),
        "Red Hand Brigade",
        "Chad",
    )
    assert not _rels(nlp, "The failure was blamed on the Red Hand Brigade.")


def test_a_title_of_a_state_then_the_name_set_off_by_commas_is_its_holder(nlp: Any) -> None:
    rels = _rels(nlp, "The foreign minister of Chad, Ali Musa, held talks in Khartoum.")
    assert ("Ali Musa", "holds_role", "Chad") in rels


def test_support_told_with_nouns_names_the_backer(nlp: Any) -> None:
    for text in (
        "The Storm Front receives weapons and funding from Iran, UN experts say.",
        "The Storm Front, which enjoys the support of Turkey, controls much of the north.",
        "The Storm Front's main backer, Iran, has called for a ceasefire.",
        "Qatar has funded the Storm Front for years.",
    ):
        rels = _rels(nlp, text)
        assert any(s == "Storm Front" and p == "supported_by" for s, p, _ in rels), text
    assert not _rels(nlp, "The Storm Front has no support from Iran.")


def test_a_group_that_trains_another_backs_it_not_allies_with_it(nlp: Any) -> None:
    rels = _rels(nlp, "The Red Hand Brigade has trained Storm Front fighters, diplomats say.")
    assert ("Storm Front", "supported_by", "Red Hand Brigade") in rels


def test_a_group_seen_or_described_as_a_link_noun_has_that_link(nlp: Any) -> None:
    cases = {
        "The Storm Front is widely seen as a proxy of Iran.": ("supported_by", "Iran"),
        "The Storm Front is considered an affiliate of the Red Hand Brigade.": (
            "part_of",
            "Red Hand Brigade",
        ),
        "Analysts regard the Storm Front as a proxy of Iran.": ("supported_by", "Iran"),
    }
    for text, (pred, obj) in cases.items():
        assert ("Storm Front", pred, obj) in _rels(nlp, text), text
    assert not _rels(nlp, "The Storm Front is not seen as a proxy of Iran.")


def test_a_town_that_fell_to_a_group_is_where_the_group_operates(nlp: Any) -> None:
    assert ("Red Hand Brigade", "operates_in", "Gao") in _rels(
        nlp, "The town of Gao fell to the Red Hand Brigade on Sunday."
    )
    assert not _rels(nlp, "Oil prices fell to a record low in Gao on Monday.")


def test_a_name_the_model_calls_a_person_is_a_place_when_a_group_controls_it(nlp: Any) -> None:
    rels = _rels(
        nlp, "The Red Hand Brigade has controlled Kidal since 2022, a Malian official said."
    )
    assert ("Red Hand Brigade", "operates_in", "Kidal") in rels


def test_its_leader_or_fighter_belongs_to_the_group_named_before(nlp: Any) -> None:
    assert ("Musa Diallo", "leader_of", "Red Hand Brigade") in _rels(
        nlp, "The Red Hand Brigade said its leader Musa Diallo had been killed."
    )
    assert ("Musa Diallo", "member_of", "Red Hand Brigade") in _rels(
        nlp, "The Red Hand Brigade was formed in 2012. Its fighter Musa Diallo was killed."
    )
    assert ("Musa Diallo", "founder_of", "Red Hand Brigade") in _rels(
        nlp, "The Red Hand Brigade mourned the death of its founder, Musa Diallo."
    )


def test_a_group_linked_to_another_in_an_apposition_the_parse_hung_far_back(nlp: Any) -> None:
    assert ("Storm Front", "ties_to", "al-Qaeda") in _rels(
        nlp, "The district is a stronghold of the Storm Front, a group linked to al Qaeda."
    )


def test_the_group_whose_spokesman_tells_of_a_clash_is_not_the_other_side(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "The Red Hand Brigade said on Friday it had seized a base near Gao. Its fighters "
        "also clashed with Storm Front militants near Kidal, the group's spokesman Musa "
        "Diallo said.",
    )
    assert ("Musa Diallo", "spokesperson_of", "Storm Front") not in rels
    assert ("Musa Diallo", "spokesperson_of", "Red Hand Brigade") in rels
