"""Claim status of a fact: does the writer assert it, or is someone said to have said it?

Shared by the relation and event stages. A fact read from a span inside a quote is
``reported`` and attributed to the quote's speaker; "according to X" reports it too;
"accused of", "allegedly", "reportedly" make it ``alleged``; a denial or a negation makes
it ``denied``; "plans to", "will", "is expected to" make it ``planned``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from actorgraph.model import Quote
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.layout import in_dateline

ALLEGED_WORDS = frozenset(
    {"allegedly", "reportedly", "purportedly", "accuse", "accused", "accuses", "accusing",
     "alleged", "allege", "alleges", "suspected", "claimed", "accusation", "accusations",
     "allegations", "blame", "blamed", "blames", "blaming"}
)  # fmt: skip
DENIAL_VERBS = frozenset({"deny", "denied", "denies", "denying", "refute", "reject", "dismiss"})
PLAN_LEMMAS = frozenset({"plan", "intend", "expect", "aim", "propose", "prepare", "vow"})
# Verbs that make what they govern someone's statement: "..., the army said".
SPEECH_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "add", "state", "claim", "confirm", "note", "insist",
     "explain", "reveal", "write", "declare", "estimate", "quote", "cite", "indicate", "post",
     "tweet", "warn", "assert", "allege", "show", "suggest"}
)  # fmt: skip
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})
FUTURE_AUX = frozenset({"will", "would", "'ll", "shall"})


@dataclass(frozen=True)
class Claim:
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 1.0


class _Quotes:
    """The quotes that attribute what they contain, sorted by start, with the furthest end
    so far: the first one containing a span is found in log time."""

    def __init__(self, quotes: tuple[Quote, ...]) -> None:
        self.quotes = quotes
        self.kept = [q for q in quotes if q.kind == "direct" or q.speaker is not None]
        self.starts = [q.start for q in self.kept]
        self.sorted = all(a <= b for a, b in itertools.pairwise(self.starts))
        self.reach = list(itertools.accumulate((q.end for q in self.kept), max))

    def at(self, start: int, end: int) -> Quote | None:
        if not self.sorted:  # not in text order: the first in the given order
            return next((q for q in self.kept if q.start <= start and end <= q.end), None)
        hi = bisect.bisect_right(self.starts, start)
        j = bisect.bisect_left(self.reach, end, 0, hi)  # the first reaching ``end``
        return self.kept[j] if j < hi else None


_last: _Quotes | None = None  # the quotes of the document being read (asked many times)


def _quote_at(quotes: tuple[Quote, ...], start: int, end: int) -> Quote | None:
    """Return the first quote (direct, or with a speaker) containing [start, end)."""
    global _last
    index = _last
    if index is None or index.quotes is not quotes:
        index = _last = _Quotes(quotes)
    return index.at(start, end)


def _according_to(sent: Any, entities: EntityResult) -> tuple[str | None, int, int]:
    """The source named in 'according to X' in this sentence, and the phrase's token range."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            to = tok.nbor()
            end = max((c.right_edge.i for c in to.children), default=to.i) + 1
            found: dict[str, str] = {}
            for later in tok.doc[to.i + 1 : end]:
                ent = entities.at(later.idx, later.idx + len(later.text))
                if ent is not None and ent.type in {"PERSON", "ORG", "GPE"}:
                    found.setdefault(ent.type, ent.id)
            source = found.get("PERSON") or found.get("ORG") or found.get("GPE")
            if source is None and not _unnamed_source(to):
                return None, -1, -1  # "according to the plan": no one's word
            return source, tok.i, end
    return None, -1, -1


# Who or what gives a fact "according to" when the text names no one: "according to
# reports", "according to local sources", "according to a statement".
UNNAMED_SOURCES = frozenset(
    {"report", "source", "official", "witness", "resident", "statement", "medium", "media",
     "medic", "doctor", "hospital", "police", "spokesman", "spokeswoman", "spokesperson",
     "authority", "agency", "survivor", "villager", "activist", "monitor", "observer",
     "relative", "investigator", "account", "testimony", "estimate", "figure", "toll",
     "tally", "count", "ministry", "army", "military", "government", "group", "he", "she",
     "they", "him", "her", "them", "diplomat", "analyst", "expert", "observatory"}
)  # fmt: skip


def _unnamed_source(to: Any) -> bool:
    return any(
        c.dep_ == "pobj" and (c.lemma_.lower() in UNNAMED_SOURCES or c.lower_ in UNNAMED_SOURCES)
        for c in to.children
    )


def said_by(verb: Any, entities: EntityResult) -> str | None:
    """The entity a speech verb's subject names: itself, a word of it ("police sources"),
    or whose statement it is ("a statement from the general staff"); None when unnamed."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for subj in (c for c in subjects if not in_dateline(c)):
        for t in [subj, *sorted(subj.lefts, key=lambda t: -t.i)]:
            ent = entities.at(t.idx, t.idx + len(t.text))
            if ent is not None and ent.type in SPEAKER_TYPES:
                return ent.id
        for prep in subj.children:
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of", "by"}:
                for pobj in prep.children:
                    for t in [pobj, *pobj.lefts]:
                        ent = entities.at(t.idx, t.idx + len(t.text))
                        if ent is not None and ent.type in SPEAKER_TYPES:
                            return ent.id
    return None


def took_lives(verb: Any) -> bool:
    """ "The attack claimed the lives of 14": a toll, no one's claim."""
    return verb.lemma_.lower() == "claim" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in {"life", "lives"} for c in verb.children
    )


def _accuser(tokens: list[Any], entities: EntityResult) -> str | None:
    """Who makes the accusation a fact hangs on: "X accused Y of looting" -> X."""
    for up in tokens[0].ancestors:
        if up.lower_ in ALLEGED_WORDS and up.pos_ == "VERB":
            agents = [g for c in up.children if c.dep_ == "agent" for g in c.children]
            subjects = [c for c in up.children if c.dep_ == "nsubj" and not in_dateline(c)]
            for subj in subjects + [g for g in agents if g.dep_ == "pobj"]:
                # "X accused Y", "Y was accused by X": X
                for t in [subj, *sorted(subj.lefts, key=lambda t: -t.i)]:
                    ent = entities.at(t.idx, t.idx + len(t.text))
                    if ent is not None and ent.type in SPEAKER_TYPES:
                        return ent.id
            return None
    return None


def _speech(tokens: list[Any], entities: EntityResult) -> tuple[bool, str | None]:
    """Whether the fact is what a speech verb of its sentence reports, and who says it.

    The verb governs the fact's trigger ("X said the base was attacked", "the base was
    attacked, X said") or hangs beside it as a parenthetical ("..., police said").
    """
    trigger = tokens[0]
    own = {t.i for t in tokens}
    tail = _trailing_speech(trigger.sent)
    below = trigger
    for up in trigger.ancestors:
        if up.lemma_.lower() in SPEECH_LEMMAS and up.i not in own:
            closing = tail is not None and tail.i == up.i and tail.i > trigger.i
            if below.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"} and not closing:
                return False, None  # "X, the leader of Y, told me ...": who speaks, not what
            return True, said_by(up, entities)
        below = up
    root = trigger.sent.root
    side = (
        [c for c in root.children if c.dep_ in {"parataxis", "advcl"}]
        if root is trigger or trigger in root.subtree
        else []
    )
    for c in side:
        if c.lemma_.lower() in SPEECH_LEMMAS and c.i > trigger.i and c.i not in own:
            return True, said_by(c, entities)
    if tail is not None and tail.i > trigger.i and tail.i not in own:
        return True, said_by(tail, entities)
    return False, None


def _trailing_speech(sent: Any) -> Any | None:
    """ "..., a security source told AFP.": a speech clause closing the sentence after a
    comma, wherever the parser hung it."""
    words = [t.i for t in sent if not (t.is_space or t.is_punct)]
    for tok in reversed(sent):
        if tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_LEMMAS:
            subjects = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i]
            subj = subjects[-1] if subjects else None  # the one nearest: its own
            left = subj.left_edge.i if subj is not None else tok.left_edge.i
            closes = bool(words) and tok.right_edge.i >= words[-1]
            after_comma = left > sent.start and tok.doc[left - 1].text == ","
            return tok if closes and after_comma and left < tok.i else None
    return None


def _governors(tok: Any, stop: AbstractSet[int] = frozenset()) -> list[Any]:
    """The words above ``tok`` that govern what it tells, up to the noun a relative clause
    or an apposition describes: in "X, a militia that fights beside Y, was accused of Z" the
    accusation is of Z, the fighting told by the writer. A verb joined to another by "and"
    is its sibling, not governed by it."""
    out = []
    while tok.head.i != tok.i and tok.head.i not in stop:
        described = tok.dep_ in {"relcl", "appos"}
        sibling = tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"}
        tok = tok.head
        if described:
            break
        if not sibling:  # "X denied A and accused Y of B": the accusation is not denied
            out.append(tok)
    return out


def claim_for(
    tokens: list[Any], sent: Any, quotes: tuple[Quote, ...], entities: EntityResult
) -> Claim:
    """Return the claim status of a fact read from ``tokens`` (its trigger and arguments)."""
    if not tokens:
        return Claim()
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    q = _quote_at(quotes, start, end)
    trigger = tokens[0]
    sibling = {trigger.head.i} if trigger.dep_ == "conj" else set()  # "X denied A and did B"
    governors = [a for t in tokens for a in _governors(t, sibling)]
    governors = [a for a in governors if not took_lives(a)]  # "claimed the lives of 14"
    heads = {a.lower_ for a in governors} | {t.lower_ for t in tokens}
    if tokens[0].lemma_.lower() in {"accuse", "blame"}:
        heads.discard(tokens[0].lower_)  # "X accused Y": the writer tells the accusation
    lemmas = {a.lemma_ for a in governors} | {t.lemma_ for t in tokens}
    children = [c for t in tokens for c in t.children]
    if heads & DENIAL_VERBS or any(c.dep_ == "neg" for c in children):
        return Claim("denied", q.speaker if q else None, 0.7)
    source, lo, hi = _according_to(sent, entities)
    if any(lo <= t.i < hi for t in tokens):  # the description of the source itself
        source, lo = None, -1
    if heads & ALLEGED_WORDS or any(
        c.lower_ in ALLEGED_WORDS for c in children if c.dep_ in {"advmod", "npadvmod"}
    ):
        return Claim("alleged", q.speaker if q else source or _accuser(tokens, entities), 0.7)
    if lemmas & PLAN_LEMMAS or any(c.lower_ in FUTURE_AUX for c in children):
        return Claim("planned", q.speaker if q else None, 0.7)
    if q is not None:
        return Claim("reported", q.speaker, 0.8)
    if source is not None or lo >= 0:
        return Claim("reported", source, 0.8)
    said, speaker = _speech(tokens, entities)
    if said:
        return Claim("reported", speaker, 0.8)
    return Claim()
