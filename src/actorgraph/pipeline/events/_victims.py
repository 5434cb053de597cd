"""What the verb a noun hangs on tells of the act the noun names: the side it fell on ("police
came under attack", "troops repelled an attack by X": the police, the troops were its target)
and where it happened ("the attack took place in X")."""

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


HAPPEN = frozenset({"occur", "happen", "unfold"})


def happening_verb(noun: Any) -> Any | None:
    """The verb that says where and when the act named by ``noun`` happened: "the attack took
    place in X", "the ambush occurred near Y", "the raid was carried out in Z"."""
    head = noun.head
    if head.pos_ != "VERB":
        return None
    lemma = head.lemma_.lower()
    if noun.dep_ == "nsubj" and lemma in HAPPEN:
        return head
    placed = any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)
    if noun.dep_ == "nsubj" and lemma == "take" and placed:
        return head
    if noun.dep_ == "nsubjpass" and lemma in {"carry", "conduct", "launch", "stage"}:
        return head
    return None
