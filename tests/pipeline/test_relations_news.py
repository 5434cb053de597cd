"""Relations from wire-style sentences written for these tests, through the whole pipeline."""

from __future__ import annotations

from typing import Any

import actorgraph


def _rels(nlp: Any, text: str, published: str = "2021-05-04") -> set[tuple[str, str, str]]:
    a = actorgraph.analyze(text, published=published, nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}


def test_at_war_with_is_fighting(nlp: Any) -> None:
    rels = _rels(
        nlp, "The Northern Liberation Front has been at war with the Sudanese army since 2019."
    )
    assert ("Northern Liberation Front", "fights_against", "Military Forces of Sudan") in rels


def test_in_conflict_with_is_fighting_but_at_war_with_the_press_is_not(nlp: Any) -> None:
    rels = _rels(nlp, "The Red Hand Brigade is in conflict with the Islamic State group.")
    assert ("Red Hand Brigade", "fights_against", "Islamic State") in rels
    assert not _rels(nlp, "The mayor says he is at war with the press.")


def test_traded_fire_with(nlp: Any) -> None:
    rels = _rels(nlp, "Hezbollah has traded fire with Israeli forces across the border for weeks.")
    assert ("Hezbollah", "fights_against", "Military Forces of Israel") in rels


def test_army_commanded_by(nlp: Any) -> None:
    rels = _rels(nlp, "The Sudanese army is commanded by General Osman Karim.")
    assert ("Osman Karim", "commands", "Military Forces of Sudan") in rels


def test_army_spokesman_after_the_army_speaks_for_the_countrys_forces(nlp: Any) -> None:
    text = (
        "Soldiers were attacked in northern Mali, the army said. Fighters have besieged the "
        "town for a month, army spokesman Colonel Amadou Keita said."
    )
    assert ("Amadou Keita", "spokesperson_of", "Military Forces of Mali") in _rels(nlp, text)
