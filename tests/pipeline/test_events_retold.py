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
