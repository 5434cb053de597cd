"""A he or she after an unnamed speaker is that speaker, on sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import actorgraph

_TEXT = (
    "Colonel Amadou Keita, who commands the garrison, said the road was reopened on Monday.\n\n"
    '"They burned the market and took our cattle," said one farmer, who gave only his first '
    "name for fear of reprisals. He said the attackers had come on motorbikes.\n\n"
)


def _said(nlp: Any, text: str) -> dict[str, str | None]:
    a = actorgraph.analyze(text, published="2023-02-14", nlp=nlp)
    name = {e.id: e.name for e in a.entities}
    return {q.text: name.get(q.speaker) if q.speaker else None for q in a.quotes}


def test_he_after_an_unnamed_speaker_is_not_the_person_named_before(nlp: Any) -> None:
    said = _said(nlp, _TEXT)
    told = [t for t in said if "motorbikes" in t]
    assert told, said
    assert said[told[0]] is None
    assert said["the road was reopened on Monday"] == "Amadou Keita"


def test_he_after_a_named_speaker_is_still_that_person(nlp: Any) -> None:
    text = (
        "Colonel Amadou Keita, who commands the garrison, said the road was reopened on "
        "Monday.\n\nHe said the attackers had come on motorbikes.\n\n"
    )
    said = _said(nlp, text)
    told = [t for t in said if "motorbikes" in t]
    assert told and said[told[0]] == "Amadou Keita", said
