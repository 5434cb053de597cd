"""A people's word that the text first gave as a named group's description is that group.

"The Azawad Front, a coalition of Tuareg separatist groups, seized Ber. The Tuareg rebels
have fought the army since 2012": the model (or the "X rebels" pattern) makes "Tuareg" a
group of its own, but the text has told us which group its Tuareg rebels are. A word
becomes the named group's only when one named group's apposition gives it, the word is no
actor the lexicon knows, and no mention of it comes before that apposition.
"""

from __future__ import annotations

from typing import Any

from actorgraph.model import UNIDENTIFIED_GROUP, Entity
from actorgraph.pipeline.lexicon import lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc, children

_GROUP_NOUNS = frozenset(
    {"group", "groups", "militia", "militias", "movement", "movements", "coalition",
     "alliance", "faction", "factions", "rebels", "insurgents", "separatists", "fighters",
     "organisation", "organization", "force", "army"}
)  # fmt: skip


def _described(doc: Any, e: Entity) -> list[tuple[int, set[str]]]:
    """Where each apposition of the group's mentions starts, and its capitalised words."""
    out: list[tuple[int, set[str]]] = []
    for m in e.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for appos in (c for c in children(span.root) if c.dep_ == "appos"):
            words = list(appos.subtree)
            if not any(w.lower_ in _GROUP_NOUNS for w in words):
                continue  # "X, a town": no description of a group
            names = {w.text for w in words if w.text[:1].isupper() and w.i != words[0].i}
            names |= {words[0].text} if words[0].pos_ in {"PROPN", "ADJ"} else set()
            out.append((words[0].idx, names))
    return out


def described_groups(parsed: ParsedDoc, entities: list[Entity]) -> dict[int, int]:
    """Return, by index into ``entities``, each word-group that a named group's
    apposition described, and the index of that named group."""
    named: dict[str, list[tuple[int, int]]] = {}  # word -> [(apposition start, group index)]
    for i, e in enumerate(entities):
        if e.type != "ORG" or e.kind != "armed_group" or e.name.startswith(UNIDENTIFIED_GROUP):
            continue
        for start, words in _described(parsed.doc, e):
            for w in words - set(e.name.split()):
                named.setdefault(w, []).append((start, i))
    out: dict[int, int] = {}
    for j, d in enumerate(entities):
        if d.type != "ORG" or d.kind != "armed_group" or len(d.name.split()) != 1:
            continue
        owners = {i for _, i in named.get(d.name, [])}
        if len(owners) != 1 or lookup_actor(d.name) is not None:
            continue
        (owner,) = owners
        first = min(start for start, i in named[d.name] if i == owner)
        if owner != j and all(m.start >= first for m in d.mentions):
            out[j] = owner
    return out
