"""A group's unnamed parts as actors of their own: "Hamas's military wing", "the Hamas
military wing", "Hezbollah's coastal sector", "the political wing of X".

The text gives no name, so the actor is named after its owner and the words that set it
apart ("Hezbollah coastal sector"); its mentions cover those words only ("coastal
sector"), never the owner's name, so the owner's mention stays the owner's. A part that
the text names in apposition ("X's armed wing, the Y Brigades") is that named actor
instead. The bare words are no cross-document key (``resolve.keys.usable``).
"""

from __future__ import annotations

from typing import Any

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.entities._extract import EntityResult
from actorgraph.pipeline.layout import text_of
from actorgraph.pipeline.nlp import ParsedDoc, children, tokens

LABEL = "wings"
PART_NOUNS = frozenset({"wing", "sector", "branch", "cell"})
OWNER_KINDS = frozenset({"armed_group", "party", "movement", None})
_ARMED_WORDS = frozenset({"military", "armed", "militant", "sector", "cell"})
_MODS = frozenset({"amod", "compound", "nmod"})


def named_part(entity: Entity) -> bool:
    """Whether an actor is a group's unnamed part ("Hamas military wing"): never what "the
    group" or "it" refers back to, which is the group itself."""
    return entity.stage == LABEL


def find_wings(parsed: ParsedDoc, entities: list[Entity]) -> list[Entity]:
    """Return the new actors for the unnamed parts the document names by their owner."""
    doc = parsed.doc
    starts = EntityResult(tuple(entities))
    found: dict[str, Entity] = {}
    for tok in tokens(doc):
        if tok.lemma_.lower() not in PART_NOUNS or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        mods = [c for c in children(tok) if c.i < tok.i and c.dep_ in _MODS]
        words = [c for c in mods if c.text.islower() and c.pos_ in {"ADJ", "NOUN"}]
        if not words or len(words) != len([c for c in mods if c.text.islower()]):
            continue
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in children(tok)):
            continue  # "its armed wing, the Y Brigades": the named actor stands for it
        owner = _owner(tok, mods, starts)
        if owner is None or owner.type != "ORG" or owner.kind not in OWNER_KINDS:
            continue
        first = min(w.i for w in words)
        start, end = doc[first].idx, tok.idx + len(tok.text)
        if starts.at(start, end) is not None:
            continue
        label = " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))
        name = f"{owner.name} {label} {tok.lower_}"
        mention = Mention(start, end, text_of(doc)[start:end], LABEL)
        armed = {w.lower_ for w in words} & _ARMED_WORDS or tok.lower_ in _ARMED_WORDS
        kind = "armed_group" if armed else None  # "its political wing": no fighting force
        old = found.get(name)
        mentions = (*old.mentions, mention) if old is not None else (mention,)
        found[name] = Entity(
            "", name, "ORG", mentions, (name,), kind=kind, confidence=0.7, stage=LABEL
        )
    return list(found.values())


def _owner(noun: Any, mods: list[Any], starts: EntityResult) -> Entity | None:
    """The named group that owns the part: "X's wing", "the X military wing", "the wing of
    X"."""
    owners = [c for c in children(noun) if c.dep_ == "poss"]
    owners += [c for c in mods if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
    for p in children(noun):
        if p.dep_ == "prep" and p.lower_ == "of":
            owners += [o for o in children(p) if o.dep_ == "pobj"]
    for o in owners:
        e = starts.at(o.idx, o.idx + len(o.text))
        if e is not None:
            return e
    return None
