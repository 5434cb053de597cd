"""Events in the phrasing of wire copy, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import actorgraph
from actorgraph.model import Analysis


def _analyze(nlp: Any, text: str, published: str | None = "2021-03-10") -> Analysis:
    return actorgraph.analyze(text, published=published, nlp=nlp)


def _types(a: Analysis) -> list[str]:
    return [e.type for e in a.events]


def test_a_source_asking_not_to_be_named_makes_no_request(nlp: Any) -> None:
    a = _analyze(
        nlp,
        "Jets bombed the village of Kanbalu on Friday, said a spokesperson for the Northern "
        "Defence Force, who asked not to be named. The commander requested anonymity.",
    )
    assert "REQUEST" not in _types(a)
    assert "ASSAULT" in _types(a)


def test_asking_a_body_to_act_is_still_a_request(nlp: Any) -> None:
    a = _analyze(nlp, "Governor Ali Musa asked the United Nations to send more troops.")
    assert "REQUEST" in _types(a)
