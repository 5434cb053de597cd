"""A toll told as a running total is no one attack's (sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import actorgraph

LEAD = (
    "BEIRUT, March 7 - An Israeli air strike on a car near the city of Tyre on Thursday "
    "killed a senior commander of the Storm Front, the group said.\n\n"
)


def _killed(nlp: Any, text: str) -> list[list[int]]:
    a = actorgraph.analyze(text, published="2024-03-10", nlp=nlp)
    return [
        [c.value for c in e.casualties if c.kind == "killed"]
        for e in a.events
        if e.type == "ASSAULT"
    ]


def test_a_tally_of_the_war_so_far_joins_no_attack(nlp: Any) -> None:
    tally = (
        "More than 200 Storm Front fighters and about 40 civilians have been killed in "
        "Lebanon, according to a tally by the news agency."
    )
    assert _killed(nlp, LEAD + tally) == [[1]]
    so_far = "So far 240 people have been killed in the south."
    assert _killed(nlp, LEAD + so_far) == [[1]]


def test_a_source_giving_the_total_since_a_month_gives_no_other_count(nlp: Any) -> None:
    said = "The health ministry said 240 people have been killed in the south since October."
    a = actorgraph.analyze(LEAD + said, published="2024-03-10", nlp=nlp)
    assert [c.value for e in a.events for c in e.casualties] == [1]


def test_a_perfect_that_counts_one_attacks_dead_is_still_its_toll(nlp: Any) -> None:
    found = _killed(
        nlp,
        "At least 12 people have been killed in an attack by the Storm Front on a market in Tyre.",
    )
    assert found == [[12]]
