"""The side an act named by a noun fell on, told by the verb the noun hangs on: "police came
under attack", "troops repelled an attack by X" (the police, the troops were its target)."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.lexicon import REPEL_VERBS

UNDER = frozenset({"come", "be", "remain", "fall"})  # "came under fire", "was under attack"
REPELLING = REPEL_VERBS | {"survive"}


def struck_side_verb(noun: Any) -> Any | None:
    """The verb whose subject the act named by ``noun`` was aimed at, if the parse says so."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under" and head.head.lemma_ in UNDER:
        return head.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in REPELLING:
        return head
    return None
