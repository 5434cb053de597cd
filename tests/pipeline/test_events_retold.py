"""An attack told again by a definite noun ("the strike near X killed Y"): one event.

Sentences written for these tests.
"""

from __future__ import annotations

from typing import Any

import actorgraph


def test_the_strike_that_killed_someone_is_the_strike_told_before(nlp: Any) -> None:
    a = actorgraph.analyze(
        "A Turkish drone strike killed a senior Mountain Brigade commander in the Sinjar "
        "region on Tuesday, the Turkish defence ministry said. The ministry said the strike "
        "near the village of Sidakan killed Karim Dosky, whom it described as the group's "
        "deputy leader.",
        published="2024-03-10",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    (strike,) = [e for e in a.events if e.type == "ASSAULT"]
    assert "Karim Dosky" in [name[x] for x in strike.targets]
    assert "Sidakan" in [name[x] for x in strike.locations]


def test_a_strike_without_the_is_another_one(nlp: Any) -> None:
    a = actorgraph.analyze(
        "A Turkish drone strike killed a senior Mountain Brigade commander in the Sinjar "
        "region on Tuesday, the Turkish defence ministry said. A second strike near the "
        "village of Sidakan killed Karim Dosky, the group's deputy leader, on Wednesday.",
        published="2024-03-10",
        nlp=nlp,
    )
    assert len([e for e in a.events if e.type == "ASSAULT"]) == 2


def _assaults(nlp: Any, text: str) -> tuple[list[Any], dict[str, str]]:
    a = actorgraph.analyze(text, published="2024-03-10", nlp=nlp)
    return [e for e in a.events if e.type == "ASSAULT"], {e.id: e.name for e in a.entities}


def _killed(ev: Any) -> int | None:
    return next((c.value for c in ev.casualties if c.kind == "killed"), None)


def test_a_strike_on_a_village_killed_is_no_killed_village(nlp: Any) -> None:
    # the parser reads "a village killed at least 30 people" as a village that was killed
    found, name = _assaults(
        nlp,
        "A drone strike by Chad's army on a village killed at least 30 people, witnesses "
        "and a local group said Wednesday.",
    )
    (ev,) = found
    assert [name[x] for x in ev.actors] == ["Military Forces of Chad"]
    assert _killed(ev) == 30


def test_the_headline_and_the_lead_of_one_side_are_one_strike(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Chad army strike kills dozens at village market\n\n"
        "N'DJAMENA (Reuters) - A drone strike by Chad's army on a market in the Lac region "
        "killed at least 30 people on Tuesday, witnesses said.\n\n"
        "The attack on the market in the town of Bol on Tuesday came as traders gathered "
        "for the weekly sale, a local official said.",
    )
    (ev,) = found
    assert _killed(ev) == 30
    assert "Bol" in [name[x] for x in ev.locations]


def test_killing_after_a_relative_clause_is_the_main_clauses_act(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Malian soldiers fired live rounds at protesters who stormed the governor's office "
        "in Gao on Tuesday, killing at least four people.",
    )
    (ev,) = [e for e in found if _killed(e) == 4]
    assert [name[x] for x in ev.actors] == ["Military Forces of Mali"]


def test_a_denied_act_of_help_is_the_denial_only(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Fighters of the Red Hand Brigade shelled the town of Kaya on Monday. Niger denies "
        "supporting the Red Hand Brigade.",
        published="2024-03-10",
        nlp=nlp,
    )
    kinds = {e.type for e in a.events}
    assert "REJECT" in kinds and not kinds & {"SUPPORT", "AID"}


def test_the_attack_took_place_in_gives_the_place_of_the_attack_told_before(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Gunmen ambushed a police convoy on Monday, killing four officers, officials said. "
        "The ambush took place near the town of Kolondieba, about 80 km from the border.",
    )
    (ev,) = found
    assert "Kolondieba" in [name[x] for x in ev.locations]


def test_the_attack_occurred_in_a_place_adds_no_event(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Rebels attacked an army base on Friday, killing six soldiers, the army said. The "
        "attack occurred in Kidal province.",
    )
    (ev,) = found
    assert "Kidal" in [name[x] for x in ev.locations]


def test_a_toll_said_beside_an_accusation_is_the_attacks(nlp: Any) -> None:
    found, _ = _assaults(
        nlp,
        "The Sahel Liberation Front attacked an army base near Kanda on Friday, residents "
        "said.\n\nAt least 30 people were killed in the assault, the Kanda Human Rights "
        "League said, accusing the Sahel Liberation Front of targeting civilians.",
    )
    (ev,) = found
    assert _killed(ev) == 30


def test_a_place_in_a_clause_about_other_attacks_is_not_the_attacks(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Yemen's Islamic Front said on Monday it had fired missiles at a Greek-flagged tanker "
        "in the Gulf of Aden, the latest in a string of attacks the group says are in "
        "solidarity with Muslims in Kashmir.",
    )
    assert found
    assert all("Kashmir" not in [name[x] for x in ev.locations] for ev in found)


def test_a_place_in_a_clause_about_the_target_is_the_attacks(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Rebels attacked the village of Toumba, which lies in Kidal province, on Monday.",
    )
    (ev,) = found
    assert "Toumba" in [name[x] for x in ev.locations]


def test_a_bare_claim_of_responsibility_names_the_attacker_told_before(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Gunmen stormed a police post in northern Burkina Faso on Tuesday, killing six "
        "officers, the security ministry said. The Sahel Liberation Front claimed responsibility.",
    )
    (ev,) = found
    assert [name[x] for x in ev.actors] == ["Sahel Liberation Front"]


def test_a_denied_claim_names_no_attacker(nlp: Any) -> None:
    found, name = _assaults(
        nlp,
        "Gunmen stormed a police post in northern Burkina Faso on Tuesday, killing six "
        "officers, the security ministry said. The Sahel Liberation Front did not claim "
        "responsibility.",
    )
    (ev,) = found
    assert "Sahel Liberation Front" not in [name[x] for x in ev.actors]
