"""Relations from small hand-made texts, through the whole pipeline with the real model."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import Analysis


def _rels(
    nlp: Any, text: str, published: str = "2019-03-01"
) -> tuple[Analysis, set[tuple[str, str, str]]]:
    a = actorgraph.analyze(text, published=published, nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return a, {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}


def test_relations_apposition_leader_and_founder(nlp: Any) -> None:
    text = (
        "Yusuf Darwish, the leader of the Eastern Lions Brigade, met reporters on Monday. "
        "Later, Karim Nasser, founder of the Desert Shield Movement, joined him."
    )
    _, rels = _rels(nlp, text)
    assert ("Yusuf Darwish", "leader_of", "Eastern Lions Brigade") in rels
    assert ("Karim Nasser", "founder_of", "Desert Shield Movement") in rels


def test_relations_works_for_keeps_role(nlp: Any) -> None:
    a, _ = _rels(nlp, "Maria Lopez, the Sahel analyst for the Crisis Group, said the talks failed.")
    rel = next(r for r in a.relations if r.predicate == "works_for")
    assert a.entity(rel.object) is not None
    assert a.entity(rel.object).name == "Crisis Group"  # type: ignore[union-attr]
    assert rel.role == "Sahel analyst"
    text = a.document.text
    assert text[rel.evidence[0].start : rel.evidence[0].end].startswith("Maria Lopez")


def test_relations_title_gives_role_and_then_ends_it(nlp: Any) -> None:
    text = (
        "On March 3, 2011, then-President Amadou Toure met Malian officers in Bamako. "
        "Malian President Ibrahim Keita spoke in Bamako later. Mali remains tense, "
        "and Mali is a large country."
    )
    a, rels = _rels(nlp, text)
    assert ("Ibrahim Keita", "holds_role", "Mali") in rels
    toure = next(r for r in a.relations if a.entity(r.subject).name == "Amadou Toure")  # type: ignore[union-attr]
    assert toure.predicate == "holds_role" and toure.role == "President"
    assert toure.valid.end == "2011-03-03"


def test_relations_spokesman_of_the_group_is_reported_by_nobody(nlp: Any) -> None:
    text = (
        "The Free Homeland Brigades, a militia formed in 2012, seized the bridge. "
        "According to group spokesman Omar Haddad, the fighters are now battling the army."
    )
    a, rels = _rels(nlp, text)
    assert ("Omar Haddad", "spokesperson_of", "Free Homeland Brigades") in rels
    rel = next(r for r in a.relations if r.predicate == "spokesperson_of")
    assert rel.modality == "asserted"


def test_relations_passive_support_with_modes(nlp: Any) -> None:
    text = "The Sunrise Brigade has been trained and equipped by Turkey, officials said."
    a, _ = _rels(nlp, text)
    rel = next(r for r in a.relations if r.predicate == "supported_by")
    assert a.entity(rel.subject).name == "Sunrise Brigade"  # type: ignore[union-attr]
    assert a.entity(rel.object).name == "Turkey"  # type: ignore[union-attr]
    assert set(rel.mode) == {"trained", "equipped"}


def test_relations_reported_fight_is_attributed(nlp: Any) -> None:
    text = (
        "Samir Khalil founded the Northern Guard in 2014. According to Fatima Rahal, a "
        "researcher, Khalil is fighting alongside the Kurdish Peshmerga against the "
        "Islamic State."
    )
    a, rels = _rels(nlp, text)
    fights = [r for r in a.relations if r.predicate == "fights_against"]
    assert fights, rels
    assert all(r.modality == "reported" for r in fights)
    assert {a.entity(r.attributed_to).name for r in fights} == {"Fatima Rahal"}  # type: ignore[union-attr]


def test_relations_negated_statement_is_not_a_relation(nlp: Any) -> None:
    _, rels = _rels(nlp, "Unlike his rivals, Adel Mahdi does not command the Kirkuk Brigade.")
    assert not any(p == "commands" for _, p, _ in rels)


def test_relations_ties_and_residence(nlp: Any) -> None:
    text = (
        "The cleric Hassan Fadel, who resides in Basra, has close ties to Iran. "
        "Fadel rarely travels."
    )
    _, rels = _rels(nlp, text)
    assert ("Hassan Fadel", "located_in", "Basra") in rels
    assert ("Hassan Fadel", "ties_to", "Iran") in rels or (
        "Iran",
        "ties_to",
        "Hassan Fadel",
    ) in rels


def test_relations_person_of_org_works_for_it(nlp: Any) -> None:
    _, rels = _rels(
        nlp, "The fire spread quickly, said Lt. Peter Holm of the Harbor Fire Department."
    )
    assert ("Peter Holm", "works_for", "Harbor Fire Department") in rels


def test_relations_role_after_an_aside_and_before_the_name(nlp: Any) -> None:
    text = (
        "Sen. Walter Brandt, D-Ohio, chairman of the Senate Energy Committee, spoke on Monday. "
        "Police said the chairman of the Northern Unity Front, Hassan Warsame, was arrested."
    )
    _, rels = _rels(nlp, text)
    assert ("Walter Brandt", "leader_of", "Senate Energy Committee") in rels
    assert ("Hassan Warsame", "leader_of", "Northern Unity Front") in rels


def test_relations_work_verbs_and_role_verbs(nlp: Any) -> None:
    text = (
        "Lena Fischer, who works for the Baltic Research Institute, was named director of "
        "the Nordic Policy Center last year."
    )
    _, rels = _rels(nlp, text)
    assert ("Lena Fischer", "works_for", "Baltic Research Institute") in rels
    assert ("Lena Fischer", "works_for", "Nordic Policy Center") in rels


def test_relations_nationality_is_not_an_employer(nlp: Any) -> None:
    _, rels = _rels(nlp, "Karl Lindqvist, a Norwegian historian, wrote the book.")
    assert not any(p == "works_for" for _, p, _ in rels)


def test_relations_based_adjective_locates_the_group(nlp: Any) -> None:
    _, rels = _rels(nlp, "The Cairo-based Arab Monitoring Network said the convoy was hit.")
    assert ("Arab Monitoring Network", "located_in", "Cairo") in rels
