"""A name inside another name's description is not what "the group" or "its" stands for.

Sentences written for these tests: "X, an al Qaeda affiliate" and "X, which is allied with
Y" describe X, and the sentence after goes on about X.
"""

from __future__ import annotations

from typing import Any

import actorgraph


def _rels(nlp: Any, text: str) -> set[tuple[str, str, str]]:
    a = actorgraph.analyze(text, published="2024-03-10", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}


def test_the_group_after_an_affiliate_apposition_is_the_affiliate(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "The Red Hand Brigade, an al Qaeda affiliate founded in 2017, controls much of the "
        "countryside near Mopti. The group's fighters besieged the town of Boni last year.",
    )
    assert ("Red Hand Brigade", "operates_in", "Boni") in rels
    assert not any(s == "al-Qaeda" and p == "operates_in" for s, p, _ in rels)


def test_its_spokesman_after_a_relative_clause_is_the_main_groups(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "The Storm Front, which is allied with the Afghan Taliban, claimed the attack. "
        "Its spokesman, Ali Karimi, said the bomber drove a truck into the post.",
    )
    assert ("Ali Karimi", "spokesperson_of", "Storm Front") in rels
    assert ("Ali Karimi", "spokesperson_of", "Taliban") not in rels


def test_the_group_still_means_a_name_described_by_nothing(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "Fighters of the Storm Front attacked the town. The group's spokesman, Ali Karimi, "
        "said the town was taken.",
    )
    assert ("Ali Karimi", "spokesperson_of", "Storm Front") in rels


def test_the_protest_movement_is_not_the_armed_group_named_before(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "Members of the Storm Front attacked protesters in Chittagong, witnesses said. "
        '"We will not leave," said Amina Rahman, a coordinator of the protest movement.',
    )
    assert not any(s == "Amina Rahman" and o == "Storm Front" for s, _, o in rels)


def test_the_rebel_group_still_means_the_rebels_named_before(nlp: Any) -> None:
    rels = _rels(
        nlp,
        "Fighters of the Storm Front seized the town on Monday. "
        '"We will hold it," said Ali Karimi, a spokesman for the rebel group.',
    )
    assert ("Ali Karimi", "spokesperson_of", "Storm Front") in rels


def test_the_group_is_never_a_states_forces_named_since(nlp: Any) -> None:
    a = actorgraph.analyze(
        "The Crescent Brigade has clashed with Syrian forces for weeks near Hama. "
        "The group said it shelled an army post on Tuesday.",
        published="2024-03-10",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    (shelling,) = [e for e in a.events if e.type == "ASSAULT" and e.date is not None]
    assert [name[x] for x in shelling.actors] == ["Crescent Brigade"]


def test_a_group_that_is_backed_by_a_state_is_a_tie_not_an_event(nlp: Any) -> None:
    text = (
        "The Crescent Brigade, which is backed by Turkey, clashed with Kurdish fighters "
        "near the town of Afrin on Monday."
    )
    a = actorgraph.analyze(text, published="2024-03-10", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    assert not [e for e in a.events if e.type == "SUPPORT"]
    rels = {(name[r.subject], r.predicate, name[r.object]) for r in a.relations}
    assert ("Crescent Brigade", "supported_by", "Turkey") in rels
