"""An event found in the parse, before it becomes a ``model.Event``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from actorgraph.model import DateRef
from actorgraph.pipeline.events._casualties import Count
from actorgraph.pipeline.events._lexicon import LIGHT_VERBS
from actorgraph.pipeline.events._resolver import Args
from actorgraph.pipeline.events._triggers import noun_key
from actorgraph.pipeline.layout import text_of


@dataclass
class Found:
    trigger: Any
    type: str
    mode: str | None
    args: Args
    noun: bool
    sent: Any
    date: DateRef | None = None
    confidence: float = 0.0
    casualties: list[Count] = field(default_factory=list)
    sentences: list[Any] = field(default_factory=list)  # more sentences telling it (coreference)
    triggers: list[Any] = field(default_factory=list)  # their triggers, in the same order


_DEFINITE = frozenset({"the", "this", "that"})


def told_again(f: Found) -> bool:
    """ "... claimed responsibility for the raid": "the raid" was told already."""
    return f.noun and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in f.trigger.children)


def told_by_subject(f: Found) -> bool:
    """ "The strike near X killed Y": a verb whose subject is "the" attack, told already."""
    if f.noun:
        return False
    for s in f.trigger.children:
        if s.dep_ == "nsubj" and s.pos_ == "NOUN" and (noun_key(s) or ("",))[0] == f.type:
            return any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in s.children)
    return False


def claimed(f: Found) -> bool:
    """ "X claimed (responsibility for) the attack", "the attack was claimed by X": a telling
    that says who did an act told already."""
    t = f.trigger
    if not f.noun or not told_again(f):
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "for" and t.head.head.lemma_ == "responsibility":
        t = t.head.head
    return t.dep_ in {"dobj", "nsubjpass"} and t.head.lemma_.lower() in {"claim", "admit"}


def lone_claim(f: Found) -> bool:
    """A claim that told nothing else and no earlier telling took in."""
    a = f.args
    return claimed(f) and not f.sentences and not (a.targets or a.locations) and f.date is None


_ANOTHER = frozenset({"also", "separately", "meanwhile"})


def another(f: Found) -> bool:
    """ "Clashes also broke out in X", "In a separate incident, ...": a further happening,
    not the one told before ("they also seized weapons" may add to the same raid)."""
    t = f.trigger
    subject = f.noun and t.dep_ in ("nsubj", "nsubjpass")
    light = not f.noun and t.lemma_.lower() in LIGHT_VERBS  # "launched an attack", not "seized"
    if light and any(c.dep_ == "advmod" and c.lower_ in _ANOTHER for c in t.children):
        return True  # "X also launched an attack on Y": an event noun told as another act
    if subject and any(c.dep_ == "advmod" and c.lower_ in _ANOTHER for c in t.head.children):
        return True
    return any(w.lower_ == "separate" for w in f.sent[:4]) or came_after(t)


_SEQUELS = frozenset({"come", "follow", "be"})


def came_after(t: Any) -> bool:
    """ "The attack came two days after gunmen killed four gendarmes", "it follows the
    killing of ...": the act the story's news is set after, another one."""
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _AFTER for c in t.children):
        return t.head.lemma_.lower() in _SEQUELS
    if t.dep_ == "pobj" and t.head.lower_ in _AFTER:
        return t.head.head.lemma_.lower() in _SEQUELS
    return t.dep_ == "dobj" and t.head.lemma_.lower() in {"follow", "precede"}


_AFTER = frozenset({"after", "before"})


def counts_differ(k: Found, f: Found) -> bool:
    """Two tellings whose counts of one kind differ and neither is dated like the other:
    a summary ("at least 14 killed") and one day of it ("four were killed on Monday")."""
    for c in k.casualties:
        for d in f.casualties:
            if c.kind == d.kind and c.value != d.value and k.date is None and f.date is not None:
                return True  # an undated later telling with another toll restates it
    return False


def counts_agree(k: Found, f: Found) -> bool:
    """Two tellings that give the same toll: "kill 5" and "killed five people"."""
    return any(
        c.kind == d.kind and c.value == d.value and c.value > 1
        for c in k.casualties
        for d in f.casualties
    )


def same_victims(k: Found, f: Found) -> bool:
    """Two tellings that count the same victims in the same words: "shot dead a migrant
    worker" in the lead and in the paragraph that tells it."""
    text = text_of(k.sent.doc)
    return any(
        c.kind == d.kind
        and c.value == d.value
        and text[c.start : c.end].lower() == text[d.start : d.end].lower()
        and len(text[c.start : c.end].split()) >= 2
        for c in k.casualties
        for d in f.casualties
    )


def dates_agree(k: Found, f: Found) -> bool:
    a, b = k.date, f.date
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def absorb(into: Found, other: Found) -> None:
    """Fold a second telling of one event into the first: its arguments, date and counts."""
    for name in ("actors", "targets", "locations"):
        have: list[str] = getattr(into.args, name)
        have.extend(x for x in getattr(other.args, name) if x not in have)
    into.args.targets = [t for t in into.args.targets if t not in into.args.actors]
    if other.date is not None and (
        into.date is None or len(other.date.value or "") > len(into.date.value or "")
    ):
        into.date = other.date
    into.mode = into.mode or other.mode
    into.casualties.extend(other.casualties)
    into.sentences.append(other.sent)
    into.sentences.extend(other.sentences)
    into.triggers.append(other.trigger)
    into.triggers.extend(other.triggers)
    into.confidence = max(into.confidence, other.confidence)
