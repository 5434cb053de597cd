"""Whose a force is when its words do not say it outright: a name given after it ("allied
militias known as X") or the state of the ministry that speaks of "its forces"."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.entities._nouns import PROXY_WORDS, country_name, country_word
from actorgraph.pipeline.nlp import children, own_preps

_NAMING = frozenset({"known", "called", "dubbed", "named"})
_SAYING = frozenset({"say", "announce", "add", "report", "claim", "tell", "state"})


def known_as(head: Any, by_char: dict[int, Entity]) -> Entity | None:
    """The named group "militias known as X", "a gang called X" are, read off the words
    (the parse often hangs the name on a verb after it)."""
    doc, k = head.doc, head.i + 1
    if k < len(doc) and doc[k].lower_ in _NAMING:
        k += 1 + (k + 1 < len(doc) and doc[k + 1].lower_ == "as")
        e = by_char.get(doc[k].idx) if k < len(doc) else None
        return e if e is not None and e.type in {"ORG", "PERSON"} else None
    return None


def speaker_state(head: Any, by_char: dict[int, Entity]) -> str | None:
    """ "Russia's Defence Ministry said its forces had struck": the forces are Russia's, not
    the ministry's own; the country of the government body that says so."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in head.children):
        return None
    verb = next((a for a in head.ancestors if a.lemma_.lower() in _SAYING), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
    if subj is None:
        return None
    words = [t for t in subj.subtree if t.i <= subj.i]
    body = by_char.get(subj.idx)
    if body is None or body.type != "ORG" or body.kind != "government":
        return None
    for t in words:
        ent = by_char.get(t.idx)
        c = country_word(t.text) or (country_name(ent) if ent is not None else None)
        if c is not None:
            return c
    return None


_SENDING = frozenset({"send", "deploy", "dispatch", "withdraw", "pull", "station", "commit"})


def sender_state(head: Any, by_char: dict[int, Entity]) -> str | None:
    """ "France sends more troops": the troops a country sends, deploys or withdraws are its
    own (the country is the verb's subject)."""
    verb = head.head
    if head.dep_ != "dobj" or verb.lemma_.lower() not in _SENDING:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    ent = by_char.get(subj.idx) if subj is not None else None
    return country_name(ent) if ent is not None and ent.type == "GPE" else None


def proxied(head: Any, left: int) -> bool:
    """Forces the words make someone's proxy or the state's enemy, not foreign troops."""
    words = {t.lower_ for t in head.doc[left : head.i]}
    return bool(words & PROXY_WORDS) or any(w.startswith("pro-") for w in words)


def of_objects(head: Any) -> list[Any]:
    """'the army of Chad', 'fighters from the X militia', 'men belonging to X'."""
    out = [p for r in own_preps(head, {"of", "from"}) for p in children(r) if p.dep_ == "pobj"]
    for r in head.rights:
        if r.dep_ == "acl" and r.lower_ == "belonging":
            for p in r.children:
                out.extend(q for q in p.children if q.dep_ == "pobj")
    return out
