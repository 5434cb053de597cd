"""Actors in the shape of wire copy (bullets, foreign acronyms, peoples), on sentences
written for these tests, with the real model."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import Analysis


def _analyze(nlp: Any, text: str) -> Analysis:
    return actorgraph.analyze(text, published="2021-03-10", nlp=nlp)


def _aliases(a: Analysis) -> dict[str, set[str]]:
    return {e.name: set(e.aliases) for e in a.entities}


def test_the_army_is_the_home_army_its_noun_named_not_the_foreign_military(nlp: Any) -> None:
    text = (
        "Chad army, rebels clash in northern town\n\n"
        "* France sends more troops (Adds French military spokesman)\n\n"
        "NDJAMENA, May 21 (Reuters) - Fighting broke out on Wednesday in the northern Chad "
        "town of Faya, where the army has been reinforcing its positions, an officer said."
    )
    aliases = _aliases(_analyze(nlp, text))
    assert "army" in aliases["Military Forces of Chad"]
    assert "army" not in aliases.get("Military Forces of France", set())


def test_the_troops_a_country_sends_are_its_own(nlp: Any) -> None:
    text = (
        "Fighting broke out in the Chad town of Faya on Monday, where the Chad army holds "
        "the airport. France sends more troops to the town."
    )
    aliases = _aliases(_analyze(nlp, text))
    assert "troops" in aliases.get("Military Forces of France", set())
    assert "troops" not in aliases["Military Forces of Chad"]


def test_a_name_the_model_cuts_before_for_the_is_one_body(nlp: Any) -> None:
    text = (
        "Fulani separatists from the National Movement for the Liberation of Kereba (MNLK) "
        "had seized the office. The MNLK said it would hold it."
    )
    names = _aliases(_analyze(nlp, text))
    assert "National Movement for the Liberation of Kereba" in names
    assert "MNLK" in names["National Movement for the Liberation of Kereba"]
    assert "National Movement" not in names


def test_a_word_only_put_before_rebels_names_a_people_not_a_person(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The army and Baloch separatists clashed on Saturday, the latest in a long cycle of "
        "Baloch rebellions.",
    )
    assert [e.type for e in a.entities if e.name == "Baloch"] == ["NORP"]


def test_an_acronym_in_the_names_own_language_still_spells_it() -> None:
    from actorgraph.pipeline.entities._acronyms import spelled_acronyms

    text = "Fighters of the Revolutionary Armed Forces of Kereba (FARK) attacked. (ABC) said."
    assert [text[s:e] for s, e, _ in spelled_acronyms(text)] == [
        "Revolutionary Armed Forces of Kereba"
    ]


def test_what_a_copula_says_a_group_is_gives_its_kind(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Kivu Democratic Forces, an Islamist-rooted Ugandan group, is the most notorious "
        "militia in the region.",
    )
    assert [e.kind for e in a.entities if e.name == "Kivu Democratic Forces"] == ["armed_group"]


def test_a_hyphenated_code_in_parentheses_after_a_group_is_its_name(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Fighters of the Southern Liberation Front (SL-F) attacked a post. "
        "The SL-F later said it had withdrawn.",
        nlp=nlp,
    )
    front = next(e for e in a.entities if "Southern Liberation Front" in e.aliases)
    assert "SL-F" in front.aliases


def test_paragraphs_are_lines_unless_the_text_is_hard_wrapped() -> None:
    from actorgraph.pipeline.nlp import paragraph_starts

    text = "Headline words here\nFirst paragraph, one line.\nSecond one.\n\nThird one."
    assert [text[i:].split("\n")[0] for i in paragraph_starts(text)] == [
        "Headline words here",
        "First paragraph, one line.",
        "Second one.",
        "Third one.",
    ]
    wrapped = (
        "Suspected rebels attacked a farm near the town of Kalehe overnight as\n"
        "the offensive against armed groups neared the end of its third week,\n"
        "the local administrator of the district told reporters on Tuesday.\n\n"
        "The army said it had sent more troops to the area around the lake and\n"
        "that residents who fled would be able to return home within the week.\n"
    )
    assert len(paragraph_starts(wrapped)) == 2


def test_an_acronym_may_spell_the_little_words_of_its_name_too() -> None:
    from actorgraph.pipeline.entities._acronyms import spelled_acronyms

    text = "The Observatory for Peace (OFP), a monitor, said so."
    assert [text[s:e] for s, e, _ in spelled_acronyms(text)] == ["Observatory for Peace"]


def test_a_national_armys_acronym_is_the_countrys_forces(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Uganda's military clashed with gunmen near Kasese. A UPDF spokesman said the "
        "army had lost two men.",
        nlp=nlp,
    )
    forces = [e for e in a.entities if e.name == "Military Forces of Uganda"]
    assert len(forces) == 1 and "UPDF" in forces[0].aliases


def test_of_after_a_conjunct_names_the_conjuncts_owner(nlp: Any) -> None:
    # The parser hangs "of the Red Hand Brigade" on "troops"; the rebels are the brigade's.
    a = _analyze(
        nlp,
        "Fighting between government troops and rebels of the Red Hand Brigade has killed "
        "nine people in Chad since Friday.",
    )
    names = _aliases(a)
    assert "government troops" in names["Military Forces of Chad"]
    assert "government troops" not in names["Red Hand Brigade"]
    assert "rebels" in names["Red Hand Brigade"]


def test_a_regional_community_of_states_is_no_armed_group(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Chad sent soldiers to fight beside troops of the Central Sahel Economic Community.",
    )
    kinds = {e.name: e.kind for e in a.entities}
    assert kinds["Central Sahel Economic Community"] == "government"


def test_fighters_tied_to_a_named_group_stay_the_unnamed_fighters(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The violence grew as insurgents, linked to al Qaeda, burned villages.\n\n"
        "A police spokesman said the insurgents, who have fled into the hills, were weakened.",
    )
    names = _aliases(a)
    assert "insurgents" not in names["al-Qaeda"]
    assert any(n.startswith("Unidentified Armed Group") for n in names)


def test_a_union_and_a_countrys_soldiers_are_two_phrases(nlp: Any) -> None:
    a = _analyze(nlp, "Troops of the African Union and Kenyan soldiers attacked the camp.")
    names = _aliases(a)
    assert "Kenyan soldiers" in names["Military Forces of Kenya"]
    assert not any("Kenyan" in alias for alias in names["African Union"])


def test_a_name_apposed_to_a_place_noun_is_a_place(nlp: Any) -> None:
    a = _analyze(nlp, "Rebels attacked Kwamouth, a locality near the border, on Monday.")
    types = {e.name: e.type for e in a.entities}
    assert types["Kwamouth"] == "GPE"


def test_rebels_named_like_a_states_army_are_not_its_forces(nlp: Any) -> None:
    a = _analyze(nlp, "Turkish-backed fighters of the Syrian National Army shelled a village.")
    kinds = {e.name: e.kind for e in a.entities}
    assert kinds.get("Syrian National Army") == "armed_group"
    assert "Military Forces of Syria" not in kinds
    assert "Turkish-backed fighters" in _aliases(a)["Syrian National Army"]


def test_a_countrys_embassy_is_its_own_actor_and_needs_its_country(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "The Danish embassy in Chad urged Danes to stay indoors. The embassy said roads "
        "were closed.",
    )
    names = _aliases(a)
    assert {"Danish embassy", "embassy"} <= names["Embassy of Denmark"]
    b = _analyze(nlp, "The embassy said roads in Chad were closed.")
    assert not any(n.startswith("Embassy of") for n in _aliases(b))
