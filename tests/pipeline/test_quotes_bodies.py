"""Government bodies that speak, named as an analyst names them, on sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import actorgraph


def _speakers(nlp: Any, text: str) -> set[str]:
    a = actorgraph.analyze(text, published="2021-05-04", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return {name[q.speaker] for q in a.quotes if q.speaker is not None}


def test_a_ministry_is_named_by_its_domain_and_its_state(nlp: Any) -> None:
    assert _speakers(
        nlp, "Air strikes killed nine people near Tyre, the Lebanese health ministry said."
    ) == {"Health Ministry of Lebanon"}
    assert _speakers(
        nlp, "Air defences downed 40 drones over Belgorod, Russia's defence ministry said."
    ) == {"Defence Ministry of Russia"}


def test_a_ministry_no_words_place_is_the_home_states(nlp: Any) -> None:
    assert _speakers(
        nlp,
        "Police in Kenya arrested 200 protesters in Nairobi on Sunday, the interior ministry said.",
    ) == {"Interior Ministry of Kenya"}


def test_a_ministry_the_model_took_for_a_name_is_named_so_too(nlp: Any) -> None:
    # The model tags "health ministry" after a possessive state as a name of its own.
    assert _speakers(
        nlp, "Lebanon's health ministry said a second strike on the village killed two civilians."
    ) == {"Health Ministry of Lebanon"}


def test_a_ministry_after_a_word_that_is_no_state_keeps_its_name(nlp: Any) -> None:
    names = _speakers(nlp, "The new health ministry said two clinics were closed in Tyre.")
    assert not any("Ministry of" in n for n in names)


def test_the_spokesman_paragraphs_later_is_the_one_the_text_named(nlp: Any) -> None:
    a = actorgraph.analyze(
        "Rebels burned a bridge near the border on Friday, army spokesman Tomas Reyes "
        "said.\n\n"
        'The regional mayor, Lina Duarte, said schools would close. "We are not safe," '
        "she told reporters.\n\n"
        "Farmers have left the valley in recent weeks.\n\n"
        "Aid groups said roads were blocked.\n\n"
        "Soldiers detained two men near the bridge on Saturday, the spokesman said.",
        published="2024-03-10",
        nlp=nlp,
    )
    name = {e.id: e.name for e in a.entities}
    (q,) = [q for q in a.quotes if "detained two men" in q.text]
    assert q.speaker is not None and name[q.speaker] == "Tomas Reyes"


def test_a_regional_government_is_named_by_its_seat_not_the_states(nlp: Any) -> None:
    speakers = _speakers(
        nlp,
        "Floods have cut off three villages, according to the provincial government of "
        "Alta Verapaz. The government of President Ana Ruiz said it would send help.",
    )
    assert "Government of Alta Verapaz" in speakers
    assert not any("Ana Ruiz" in s and s.startswith("Government") for s in speakers)
