"""Acts told by idiom, not by their verb: a town that "fell to" a group was seized by it;
protesters who "took to the streets" or "gathered to protest" protested; police who "fired
tear gas at" a crowd coerced it.
"""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.events._lexicon import Trigger, words
from actorgraph.pipeline.events._resolver import Args, Resolver
from actorgraph.pipeline.events._triggers import TERRITORY
from actorgraph.pipeline.nlp import children, verb_lemma

_GATHERING = words("gather assemble march rally converge turn come")
_HANDS = words("hands hand control grip")


def _pobj(prep: Any) -> Any | None:
    return next((p for p in children(prep) if p.dep_ == "pobj"), None)


def taker(verb: Any) -> Any | None:
    """Who a place fell to: "Gao fell to the rebels", "fell into the hands of X"; None for
    "prices fell to a low" or "fell to 20"."""
    if verb_lemma(verb) != "fall":
        return None
    subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lemma_.lower() in TERRITORY or subj.pos_ == "PROPN"):
        return None  # a small town's name, often read as a person's or as nothing
    for prep in children(verb):
        obj = _pobj(prep) if prep.dep_ == "prep" else None
        if obj is None:
            continue
        if prep.lower_ == "into" and obj.lower_ in _HANDS:
            of = next((c for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = _pobj(of) if of is not None else None
        elif prep.lower_ != "to" or obj.pos_ not in {"NOUN", "PROPN"}:
            continue
        if obj is not None and obj.ent_type_ not in {"DATE", "TIME", "PERCENT", "CARDINAL"}:
            return obj
    return None


def fallen_args(res: Resolver, verb: Any, took: Any) -> Args:
    """The taker as the actor, the fallen place as where; no actor when the taker is no one
    ("fell to his death")."""
    args = Args()
    args.actors.extend(res.ids(took))
    args.heads.append(took)
    subj = next(c for c in children(verb) if c.dep_ == "nsubj")
    places = res.places(subj) or [
        p for prep in children(subj) if prep.lower_ == "of"
        for o in children(prep) for p in res.places(o)
    ]  # fmt: skip
    args.locations.extend(p for p in places if p not in args.locations)
    return args


def street_key(verb: Any) -> Trigger | None:
    """ "took to the streets": a protest."""
    if verb_lemma(verb) != "take":
        return None
    for prep in children(verb):
        obj = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ == "to" else None
        if obj is not None and obj.lemma_.lower() == "street":
            return ("PROTEST", "demo")
    return None


def gathered_to_protest(verb: Any) -> bool:
    """ "gathered outside parliament to protest": the protest happened; an infinitive under
    any other verb ("plan to protest") is only an intention."""
    return verb.lemma_.lower() in {"protest", "demonstrate"} and (
        verb_lemma(verb.head) in _GATHERING or street_key(verb.head) is not None
    )
