"""Attach definite descriptions ("the group", "the militia", "the army") to the organisation
the text last named that fits them.

A description joins an organisation only where the text makes it clear: the organisation
was named within the last few paragraphs, its kind is compatible with the noun, and for
institutions ("the army", "parliament") its name ends with the same noun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.entities._extract import _Spans
from actorgraph.pipeline.entities._names import DESCRIPTIVE, other_kind
from actorgraph.pipeline.entities._nouns import institution
from actorgraph.pipeline.lexicon import INSTITUTION_NOUNS, ORG_ANAPHORS
from actorgraph.pipeline.nlp import ParsedDoc, described_host, paragraph_starts, tokens

LABEL = "anaphor"
MAX_DISTANCE = 1500  # characters back to the antecedent
MAX_PARAGRAPHS = 3
_ROLE_HEADS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "leader", "founder", "commander", "member",
     "members", "fighters", "official", "officials", "chief", "head"}
)  # fmt: skip


# Bodies "the <noun>" names when the name ends with that noun: "the Joint Operations
# Command ... the command", "the National Security Council ... the council".
_BODY_NOUNS = frozenset(
    {"command", "council", "committee", "commission", "agency", "directorate", "observatory",
     "alliance", "brigade"}
)  # fmt: skip


def attach_anaphors(parsed: ParsedDoc, entities: list[Entity]) -> tuple[Entity, ...]:
    """Return the entities with mentions added for the descriptions that refer to them."""
    doc, text = parsed.doc, parsed.text
    orgs = [e for e in entities if e.type == "ORG"]
    if not orgs:
        return tuple(entities)
    para = paragraph_starts(text)
    named = _Named(orgs, text, doc)
    taken = {(m.start, m.end) for e in entities for m in e.mentions}
    covered = _Spans(list(taken))
    added: dict[str, list[Mention]] = {}
    for tok in tokens(doc):
        noun = tok.lower_
        if noun not in ORG_ANAPHORS and noun not in INSTITUTION_NOUNS | _BODY_NOUNS:
            continue
        if tok.pos_ != "NOUN" or (tok.tag_ == "NNS" and noun not in {"forces"}):
            continue
        if tok.ent_type_ and covered.covers(tok.idx, tok.idx + len(tok.text)):
            continue  # inside a name
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.ent_type_ and covered.covers(prev.idx, prev.idx + 1):
            continue  # "the X network": part of the name
        if not _is_definite(doc, tok) or covered.covers(tok.idx, tok.idx + len(tok.text)):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        left = tok.i
        while left > 0 and doc[left - 1].dep_ == "amod" and doc[left - 1].head.i == tok.i:
            left -= 1
        start = doc[left].idx
        if (start, end) in taken:
            continue
        target = _antecedent(named, noun, start, para, _clause_mates(tok), _told_of(tok))
        words = {t.lower_ for t in doc[left : tok.i]}
        if noun in ORG_ANAPHORS:
            words -= DESCRIPTIVE  # "the jihadist group": a kind, not another group
            if target is not None and _sole_armed_group(named, start):  # "the Somali group"
                words -= {t.lower_ for t in doc[left : tok.i] if t.ent_type_ == "NORP"}
        if target is not None and noun in ORG_ANAPHORS and other_kind(tok, target.name):
            continue  # "the protest movement": not the armed group or party named last
        if target is not None and words - {w.lower() for w in target.name.split()}:
            continue  # "the armed forces" after "Allied Democratic Forces": not that group
        if target is not None and target.kind is None and _indefinite_head(tok):
            continue  # "a party official": of some party, unless the last one named is one
        if target is not None:
            added.setdefault(target.id, []).append(Mention(start, end, text[start:end], LABEL))
            taken.add((start, end))
            named.add(start, end, target)
    if not added:
        return tuple(entities)
    out = []
    for e in entities:
        extra = added.get(e.id)
        if extra:
            e = replace(e, mentions=tuple(sorted((*e.mentions, *extra), key=lambda m: m.start)))
        out.append(e)
    return tuple(out)


_SOME = frozenset({"some", "several", "many", "dozens", "hundreds", "scores", "two", "three"})


def _is_definite(doc: object, tok: object) -> bool:
    """'the group', 'this militia', or 'group' modifying a role noun ('group spokesman')."""
    t = tok  # spaCy Token
    dets = [c for c in t.children if c.dep_ == "det"]  # type: ignore[attr-defined]
    if dets:
        return bool(dets[0].lower_ in {"the", "this", "that"})
    head = t.head  # type: ignore[attr-defined]
    if any(c.dep_ == "nummod" or c.lower_ in _SOME for c in head.children):
        return False  # "50 militia members", "several group commanders": some such group's
    return bool(t.dep_ == "compound" and head.lower_ in _ROLE_HEADS)  # type: ignore[attr-defined]


def _indefinite_head(tok: object) -> bool:
    """'a group commander': the role noun the description modifies is indefinite."""
    head = tok.head  # type: ignore[attr-defined]
    if tok.dep_ != "compound":  # type: ignore[attr-defined]
        return False
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)


# A name inside a modifier ("the al Qaeda-linked group") is not what "the group" refers to.
_LINKER = re.compile(
    r"[-\u2010\u2011](?:linked|backed|aligned|allied|affiliated|inspired|supported|sponsored|led)\b"
)


def _described(doc: Any, mention: tuple[int, int, int], spans: list[tuple[int, int, int]]) -> bool:
    """A name inside the description of another organisation's name: "X, an al Qaeda
    affiliate" or "X, which is allied with Y" (see ``nlp.described_host``)."""
    start, end, k = mention
    span = doc.char_span(start, end, alignment_mode="expand")
    host = described_host(span.root) if span is not None and len(span) else None
    if host is None or start <= host.idx < end:
        return False
    i = bisect.bisect_right(spans, (host.idx, 1 << 62, 1 << 62))
    while i > 0 and spans[i - 1][0] > host.idx - 300:  # a name's span is short
        i -= 1
        s, e, j = spans[i]
        if s <= host.idx < e and j != k:
            return True
    return False


def _sole_armed_group(named: _Named, start: int) -> bool:
    """Whether one armed group only is named within reach: a people's word ("the Somali
    jihadist group") then names no other one, though which group is whose is not known."""
    near = named.last_before(start)
    return sum(1 for k in near if named.orgs[k].kind == "armed_group") == 1


class _Named:
    """The organisations' mentions (anaphors as they are resolved), sorted by start."""

    def __init__(self, orgs: list[Entity], text: str, doc: Any = None) -> None:
        self.orgs = orgs
        spans = sorted(
            (m.start, m.end, k)
            for k, e in enumerate(orgs)
            for m in e.mentions
            if m.label != LABEL and not _LINKER.match(text, m.end)
        )
        self.spans = [x for x in spans if doc is None or not _described(doc, x, spans)]
        self.starts = [s for s, _, _ in self.spans]

    def add(self, start: int, end: int, org: Entity) -> None:
        """A description resolved to ``org`` is its latest mention for those that follow
        ("the rebel alliance ... arming the group")."""
        k = next(i for i, e in enumerate(self.orgs) if e.id == org.id)
        at = bisect.bisect_left(self.spans, (start, end, k))
        self.spans.insert(at, (start, end, k))
        self.starts.insert(at, start)

    def last_before(self, start: int) -> dict[int, int]:
        """Return, per organisation, its latest mention ending by ``start`` and within reach."""
        lo = bisect.bisect_left(self.starts, start - MAX_DISTANCE)
        hi = bisect.bisect_left(self.starts, start)
        last: dict[int, int] = {}
        for s, e, k in self.spans[lo:hi]:
            if e <= start:
                last[k] = s  # spans are sorted: the latest start comes last
        return last


_OTHER_CLAUSES = frozenset({"ccomp", "relcl", "advcl", "csubj", "parataxis", "acl"})


def _clause_mates(tok: Any) -> tuple[int, int]:
    """The character span of the clause in which ``tok`` is an object, or (0, 0).

    "X accused Y of sheltering the group": the group is neither X nor Y, whom its own
    clause names; a name in a clause of saying ("X said it fought the group") is free.
    """
    if tok.dep_ not in {"dobj", "pobj"}:
        return (0, 0)
    head = tok.head
    while head.dep_ not in _OTHER_CLAUSES | {"ROOT"} and head.head.i != head.i:
        if head.dep_ in {"appos", "attr"}:
            return (0, 0)  # "X, the largest militia": the description is X's
        head = head.head
    inner = [c for c in head.subtree if c.dep_ in _OTHER_CLAUSES and c.i != head.i]
    first = min(t.i for t in head.subtree)
    last = max(
        (c.left_edge.i for c in inner if c.i > tok.i), default=max(t.i for t in head.subtree) + 1
    )
    outer = max((c.right_edge.i for c in inner if c.i < tok.i), default=first - 1)
    doc = tok.doc
    return (doc[max(first, outer + 1)].idx, doc[last - 1].idx + len(doc[last - 1].text))


_SPEECH = frozenset({"say", "tell", "add", "claim", "confirm", "state", "announce", "write"})


def _told_of(tok: Any) -> tuple[int, int, int, int]:
    """In a trailing attribution ("X clashed with Y, the group's spokesman said"), the
    character spans of the told clause and of its subject; else zeros.

    The group whose spokesman tells of a clash is the side the clause is about (its
    subject), not one it names as the other side (Y).
    """
    head = tok
    while head.dep_ not in {"ROOT"} and head.pos_ not in {"VERB", "AUX"}:
        head = head.head
    if head.lemma_.lower() not in _SPEECH:
        return (0, 0, 0, 0)
    told = next((c for c in head.children if c.dep_ == "ccomp" and c.i < tok.i), None)
    if told is None:
        return (0, 0, 0, 0)
    doc = tok.doc
    lo, hi = told.left_edge, told.right_edge
    subj = next((c for c in told.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    s_lo, s_hi = (subj.left_edge, subj.right_edge) if subj is not None else (lo, lo)
    return (lo.idx, doc[hi.i].idx + len(hi.text), s_lo.idx, s_hi.idx + len(s_hi.text))


def _antecedent(
    named: _Named,
    noun: str,
    start: int,
    para: tuple[int, ...],
    mates: tuple[int, int] = (0, 0),
    told: tuple[int, int, int, int] = (0, 0, 0, 0),
) -> Entity | None:
    """The organisation named last before `start` that the noun can describe, not in the
    clause ``mates`` spans, and not one a told clause names beside its subject."""
    p_here = bisect.bisect_right(para, start) - 1
    best: tuple[int, int] | None = None  # (last mention start, organisation index)
    for k, last in sorted(named.last_before(start).items()):
        e = named.orgs[k]
        if mates[0] <= last < mates[1]:
            continue  # named in the clause the description is an object of
        if told[0] <= last < told[1] and not told[2] <= last < told[3]:
            continue  # "X clashed with Y, the group's spokesman said": not Y
        if p_here - (bisect.bisect_right(para, last) - 1) > MAX_PARAGRAPHS:
            continue
        if noun in ORG_ANAPHORS:
            if e.kind not in ORG_ANAPHORS[noun] and e.name.split()[-1].lower() != noun:
                continue  # "the alliance": a group of a kind it describes, or named so
            if e.kind is None and institution(e) is not None:
                continue  # "Israeli forces", "the Syrian government": a state's, no group
        elif e.name.split()[-1].lower() != noun:
            continue
        elif e.kind == "armed_group" and noun in {"army", "forces", "military"}:
            continue  # "the army" after "the Arakan Army": the state's, not the movement's
        if best is None or last > best[0]:
            best = (last, k)
    return named.orgs[best[1]] if best else None
