"""Acts told by idiom, on sentences written for these tests: "fell to", "took to the
streets", "gathered to protest", "fired tear gas at"."""

from __future__ import annotations

from typing import Any

import actorgraph


def _events(nlp: Any, text: str) -> list[tuple[str, str | None, list[str], list[str]]]:
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return [
        (e.type, e.mode, [name[x] for x in e.actors], [name[p] for p in e.locations])
        for e in a.events
    ]


def test_a_town_that_fell_to_a_group_was_seized_by_it(nlp: Any) -> None:
    found = _events(nlp, "The town of Gao fell to the Red Hand Brigade on Sunday.")
    assert found == [("COERCE", "seize", ["Red Hand Brigade"], ["Gao"])]
    found = _events(nlp, "Menaka fell into the hands of the Red Hand Brigade on Sunday.")
    assert [(t, a) for t, _, a, _ in found] == [("COERCE", ["Red Hand Brigade"])]


def test_what_falls_to_a_level_is_no_seizure(nlp: Any) -> None:
    assert not _events(nlp, "Oil prices fell to a record low on Monday.")
    assert not _events(nlp, "Support for the Red Hand Brigade fell to 20 percent in May.")
    assert not _events(nlp, "Ahmed Ould Sidi fell to his death in Gao on Sunday.")


def test_protesters_who_took_to_the_streets_protested(nlp: Any) -> None:
    found = _events(nlp, "Protesters took to the streets of Dakar on Saturday.")
    assert [(t, m) for t, m, _, _ in found] == [("PROTEST", "demo")]
    assert not _events(nlp, "The minister took to the radio on Saturday.")


def test_a_crowd_gathered_to_protest_protested_and_a_plan_to_is_no_protest(nlp: Any) -> None:
    found = _events(
        nlp,
        "Protesters gathered outside parliament in Dakar on Monday to protest against the new law.",
    )
    assert [(t, p) for t, _, _, p in found] == [("PROTEST", ["Dakar"])]
    assert not _events(nlp, "Protesters plan to protest in Dakar on Monday.")


def test_tear_gas_fired_at_a_crowd_is_coercion_not_a_shooting(nlp: Any) -> None:
    found = _events(nlp, "Kenyan police fired tear gas at protesters in Nairobi on Tuesday.")
    assert [(t, m, a) for t, m, a, _ in found] == [
        ("COERCE", "restrict", ["Police Forces of Kenya"])
    ]


def test_troops_freeing_the_kidnapped_rescued_them_and_a_captor_releasing_conceded(
    nlp: Any,
) -> None:
    def conceded(text: str) -> bool:
        return any(t == "CONCEDE" for t, _, _, _ in _events(nlp, text))

    assert not conceded("Chadian troops freed 40 pupils kidnapped from a school in Abeche.")
    assert not conceded("Chadian troops freed 20 hostages held by the Red Hand Brigade.")
    assert conceded("The Red Hand Brigade released 12 soldiers captured in May.")
    assert conceded("The Red Hand Brigade freed 12 hostages on Sunday.")


def test_several_strikes_this_year_are_a_campaign_and_two_a_count_of_events(nlp: Any) -> None:
    assert not _events(
        nlp,
        "The United States has carried out several air strikes on the Red Hand Brigade this year.",
    )
    assert _events(
        nlp, "The United States has carried out two air strikes on the Red Hand Brigade this year."
    )


def test_clan_militias_backing_the_army_are_not_the_group_it_fights(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Storm Front fighters seized Beledweyne in Somalia on Friday.\n\n"
        "Somali troops, backed by clan militias, recaptured the town on Saturday.",
        published="2021-05-04",
        nlp=nlp,
    )
    front = next(e for e in a.entities if e.name == "Storm Front")
    assert "militias" not in {m.text for m in front.mentions}
