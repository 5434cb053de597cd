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
