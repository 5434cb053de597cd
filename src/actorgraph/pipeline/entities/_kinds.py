"""An organisation's kind (armed group, state force, government, ...) from its name and
the words around its mentions."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from actorgraph.model import Mention
from actorgraph.pipeline.entities._nouns import country_word
from actorgraph.pipeline.lexicon import kind_of_words, lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc


def branch_kind(name: str) -> str | None:
    """A branch named after a known armed group ("Islamic State West Africa Province") is
    an armed group too (a group of its own)."""
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        known = lookup_actor(" ".join(words[:n]))
        if known is not None and known.kind == "armed_group":
            return "armed_group"
    return None


# Words of a movement's name: "Kachin Independence Army", "Free Syrian Army".
MOVEMENT_WORDS = frozenset(
    {"liberation", "independence", "resistance", "revolutionary", "free", "republican",
     "salvation", "mujahideen", "islamic", "people's", "peoples", "popular", "lord's",
     "rebel", "insurgent", "patriotic", "restoration", "defenders"}
)  # fmt: skip
# Words a state's own army carries besides its country's: "Somali National Army".
STATE_ARMY_WORDS = frozenset(
    {"national", "royal", "regular", "federal", "the", "of", "army", "armed", "forces",
     "defence", "defense", "military", "ground", "land"}
)  # fmt: skip


def army_kind(name: str) -> str:
    """ "Pakistan Army", "the Somali National Army", "Army": a state's; "Arakan Army",
    "Kachin Independence Army", "Free Syrian Army": a movement's, an armed group."""
    words = [w.strip(",.").lower() for w in name.split()]
    if any(w in MOVEMENT_WORDS for w in words):
        return "armed_group"
    rest = [w for w, low in zip(name.split(), words, strict=True) if low not in STATE_ARMY_WORDS]
    if all(country_word(w) is not None for w in rest):
        return "state_force"  # only its country's words, or none
    return "armed_group"


# Words before a state-army name that say it is not the state's: "the self-styled Libyan
# National Army", "Turkish-supported groups, namely the Syrian National Army".
_NOT_THE_STATES = frozenset(
    {"self-styled", "styled", "self-proclaimed", "proclaimed", "so-called", "rebel", "rebels",
     "groups", "factions", "militias", "opposition", "namely", "breakaway", "rival"}
)  # fmt: skip


def rival_army(parsed: ParsedDoc, mentions: tuple[Mention, ...], country: str | None) -> bool:
    """A name made of state words ("Syrian National Army") that the text shows is not the
    state's own force: called self-styled or one of the rebel groups, or a person's
    ("Hifter's ... National Army"). A foreign patron says nothing: states' armies are
    "US-backed" too."""
    doc = parsed.doc
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not any(t.text[:1].isupper() for t in span if t.lower_ != "the"):
            continue
        left: list[Any] = []
        for t in reversed(doc[max(span.sent.start, span.start - 6) : span.start]):
            if t.pos_ in {"CCONJ", "VERB", "AUX"} and t.tag_ != "VBN":
                break  # "between the rebels and the Congolese army": another side
            left.insert(0, t)
        words = {t.lower_ for t in left}
        if words & _NOT_THE_STATES:
            return True
        for a, b in itertools.pairwise(left):
            if b.lower_ in {"'s", "’s"} and a.ent_type_ == "PERSON":
                return True
    return False


def _modifier(doc: Any, j: int) -> bool:
    """A word before an apposition's noun: "the most powerful", "an Iran-backed"."""
    tok = doc[j]
    if tok.pos_ in {"DET", "ADJ", "ADV"} or tok.ent_type_ == "NORP":
        return True  # "a Sunni militant group"
    hyphen_after = j + 1 < len(doc) and doc[j + 1].text == "-"
    return (
        tok.text == "-"
        or (hyphen_after and tok.pos_ == "PROPN")
        or (tok.tag_ == "VBN" and j > 0 and doc[j - 1].text == "-")
    )


def kind_from_context(parsed: ParsedDoc, name: str, mentions: list[Mention]) -> str | None:
    """Read an org's kind from its name, then from the words around its mentions."""
    kind = kind_of_words(name.split())
    if kind in {"armed_group", None} and _the_armys(parsed.doc, mentions):
        return "state_force"  # "the army's 3rd Brigade": a unit of the state's army
    if kind == "state_force" and name.split()[-1].lower() in {"army", "forces"}:
        return army_kind(name)
    if kind is not None:
        return kind
    doc, votes = parsed.doc, Counter[str]()
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        window: list[str] = []
        j = span.end
        if j < len(doc) and doc[j].text == ",":  # apposition: "X, the most powerful militia"
            j += 1
            if j + 1 < len(doc) and doc[j].lower_ == "one" and doc[j + 1].lower_ == "of":
                j += 2  # "X, one of the militias"
            while j < len(doc) and j - span.end < 9 and _modifier(doc, j):
                j += 1
            if j < len(doc) and doc[j].pos_ == "NOUN":
                window.extend(t.text for t in doc[j - 1 : j + 1])  # "a militant group"
        elif j < len(doc) and doc[j].pos_ == "NOUN":  # "the X militia"
            window.append(doc[j].text)
        k = kind_of_words(window) or kind_of_words(_what_it_is(span))
        if k is not None:
            votes[k] += 1
    return votes.most_common(1)[0][0] if votes else None


def _what_it_is(span: Any) -> list[str]:
    """ "X is the most notorious militia", "X is a rebel group": what the copula says."""
    head = span.root
    verb = head.head
    if head.dep_ != "nsubj" or verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
        return []
    attr = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attr is None:
        return []
    return [c.text for c in attr.children if c.dep_ in {"amod", "compound"}] + [attr.text]


_STATE_ARMS = frozenset({"army", "military", "navy", "police", "gendarmerie"})


def _the_armys(doc: Any, mentions: list[Mention]) -> bool:
    """A mention owned by "the army's", "the military's"."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        owned = span is not None and span.start > 1 and doc[span.start - 1].tag_ == "POS"
        if owned and doc[span.start - 2].lower_ in _STATE_ARMS:
            return True
    return False
