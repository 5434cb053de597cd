"""Correct a name's NER label from the words right around it."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.entities._nouns import PERPETRATORS, PROTESTERS
from actorgraph.pipeline.lexicon import (
    INSTITUTION_NOUNS,
    ORG_HEADS,
    PERSON_TITLES,
    PLACE_NOUNS,
    lookup_actor,
)
from actorgraph.pipeline.nlp import WORD_USES, tokens


def repair_label(doc: Any, span: Any, label: str) -> tuple[str, int]:
    """Correct a mention's label from the words right around it; return it with a weight."""
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    prev2 = doc[span.start - 2] if span.start > 1 else None
    possessive = span[-1].tag_ == "POS" or span[-1].lower_ in {"'s", "’s"}
    if (
        nxt is not None
        and not possessive
        and nxt.lower_ in ORG_HEADS
        and label in {"PERSON", "GPE", "NORP", "FAC", "LOC"}
    ) and not (label == "NORP" and nxt.lower_ in INSTITUTION_NOUNS):
        return "ORG", 3
    words = [t for t in span if not t.is_space]
    if (
        label in {"PERSON", "GPE", "FAC", "LOC"}
        and len(words) > 1
        and words[-1].lower_ in ORG_HEADS
    ):
        return "ORG", 3  # "the Tigray People's Liberation Front": a name made with a body's noun
    if label in {"PERSON", "GPE", "FAC", "LOC"} and (
        _body_follows(doc, span) or _body_named(doc, span)
    ):
        return "ORG", 3  # "X, one of the militias in Y", "X, a Sunni militant group"
    if label == "PERSON" and len(words) == 1 and _people_word(doc, words[0]):
        return "NORP", 3  # "Tuareg separatists", "Fulani herders": a people, not a person
    if label in {"PERSON", "ORG", "NORP"} and (_listed_place(doc, span) or _distance(doc, span)):
        return "GPE", 3  # "the towns of Nubl and Zahra", "in X, about 10 kilometers from"
    if label in {"PERSON", "ORG", "NORP"} and _place_follows(doc, span):
        return "GPE", 3  # "X, a locality used by the rebels", "X, a small town near Y"
    if label in {"FAC", "LOC", "GPE", "ORG"} and (
        _role_follows(doc, span) or _role_before(doc, span)
    ):
        return "PERSON", 3  # "Corneille Nangaa, the leader of the X": a person
    office = nxt
    if office is not None and office.lower_ in _OFFICE_LEVELS and office.i + 1 < len(doc):
        office = doc[office.i + 1]
    named = office is not None and office.i + 1 < len(doc) and doc[office.i + 1].pos_ == "PROPN"
    if (
        office is not None
        and office.lower_ in _PLACE_OFFICES
        and (label in {"ORG", "NORP"} or (label == "PERSON" and named))
    ):
        return "GPE", 3  # "Kharkiv Governor X": the place the governor governs
    if (
        prev is not None
        and prev.lower_ == "of"
        and prev2 is not None
        and prev2.lower_ in PLACE_NOUNS
        and label in {"PERSON", "ORG", "NORP"}
    ):
        return "GPE", 3
    if (
        prev is not None
        and prev.text == ","
        and prev2 is not None
        and (prev2.lower_ in PLACE_NOUNS or prev2.lower_ == "capital")
        and label == "PERSON"
        and (nxt is None or nxt.text in {",", ".", ";", ")"})  # not "in the state, X said"
    ):
        return "GPE", 2  # "the capital, Sanaa,": the place the noun names
    if prev is not None and prev.lower_ == "capital" and label == "PERSON":
        return "GPE", 2  # "the capital Sanaa"
    if (
        nxt is not None
        and nxt.lower_ in {"minister", "secretary"}
        and len(words) == 1
        and words[0].lower_ in _PORTFOLIOS
    ):
        return "TITLE", 3  # "Defense Minister X": a part of his title, no body
    if (
        nxt is not None
        and nxt.lower_ in _WEAPONS
        and label in {"ORG", "PERSON"}
        and lookup_actor(span.text) is None  # "a Houthi drone" is the Houthis'
    ):
        return "PRODUCT", 3  # "an MQ-9 Reaper drone": a weapon, no actor
    if (
        prev is not None
        and label == "ORG"
        and (prev.lower_ in PERSON_TITLES or prev.lower_ in ROLES_BEFORE_NAMES)
        and 2 <= len(words) <= 3
        and all(t.is_title for t in words)
        and not any(t.lower_ in ORG_HEADS for t in words)
    ):
        return "PERSON", 2  # "local administrator Donat Kibwana": a person's role, then him
    return label, 1


_PLACE_OFFICES = frozenset({"governor", "mayor"})
_PORTFOLIOS = frozenset(
    {"defense", "defence", "interior", "foreign", "finance", "justice", "information",
     "security", "home", "war"}
)  # fmt: skip
# Roles a person is named with in apposition: "X, the leader of Y".
_APPOSED_ROLES = frozenset(
    {"leader", "head", "chief", "founder", "spokesman", "spokeswoman", "commander",
     "chairman", "president", "secretary-general", "co-founder", "deputy"}
)  # fmt: skip


_PLACES_OF = frozenset({"towns", "villages", "cities", "districts", "provinces", "regions"})
_UNITS = frozenset({"kilometers", "kilometres", "km", "miles"})


_PEOPLE_HEADS = (
    PERPETRATORS
    | PROTESTERS
    | {
        "herders",
        "farmers",
        "villagers",
        "tribesmen",
        "elders",
        "communities",
        "civilians",
        "refugees",
    }
)


def _people_word(doc: Any, word: Any) -> bool:
    """A word the text only ever puts before a common noun, once a plural noun for people:
    "Tuareg rebels", "Tuareg rebellions"."""
    return _word_uses(doc).get(word.text, (False, False)) == (True, True)


def _word_uses(doc: Any) -> dict[str, tuple[bool, bool]]:
    """For each word of the document, once: (always before a lowercase common noun, once
    before a plural noun for people); one pass, so labelling many names stays linear."""
    uses = doc.user_data.get(WORD_USES)
    if uses is not None:
        return uses  # type: ignore[no-any-return]
    uses = {}
    toks = tokens(doc)
    for t in toks:
        n = toks[t.i + 1] if t.i + 1 < len(toks) else None
        noun = n is not None and n.pos_ == "NOUN" and n.is_lower
        people = n is not None and n.tag_ == "NNS" and n.lower_ in _PEOPLE_HEADS
        always, once = uses.get(t.text, (True, False))
        uses[t.text] = (always and noun, once or people)
    doc.user_data[WORD_USES] = uses
    return uses


def _listed_place(doc: Any, span: Any) -> bool:
    """One of "the towns of X and Y" (or "X, Y and Z")."""
    i = span.start - 1
    if i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _PLACES_OF:
        return True  # its first: "the towns of X"
    while i > 1 and doc[i].lower_ in {"and", ","}:
        i -= 1
        while i > 0 and doc[i].pos_ == "PROPN":
            i -= 1
        if doc[i].lower_ == "of" and i > 0 and doc[i - 1].lower_ in _PLACES_OF:
            return True
    return False


def _distance(doc: Any, span: Any) -> bool:
    """ "in X, about 10 kilometers from Y": a place measured from another."""
    after = doc[span.end : span.end + 4]
    if len(after) < 3 or after[0].text != ",":
        return False
    k = 2 if after[1].lower_ in {"about", "some", "nearly", "around", "roughly"} else 1
    return k + 1 < len(after) and after[k].like_num and after[k + 1].lower_ in _UNITS


def _role_before(doc: Any, span: Any) -> bool:
    """ "A spokesman for the RSF, Al-Fateh Qurashi, said", "Its leader, X,": the name after the
    role's phrase."""
    words = [t for t in span if not (t.is_space or t.is_punct)]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
        return False
    if span.start < 3 or doc[span.start - 1].text != "," or lookup_actor(span.text) is not None:
        return False
    role = doc[span.start - 2]
    if role.lower_ in _APPOSED_ROLES and any(c.dep_ == "poss" for c in role.children):
        return True  # "Its leader, X, said", "the group's spokesman, X,"
    for t in reversed(doc[max(0, span.start - 9) : span.start - 1]):
        if t.pos_ in {"VERB", "AUX"} or t.text in {".", ";", ":"}:
            return False
        if t.lower_ in _APPOSED_ROLES and doc[t.i + 1].lower_ in {"for", "of"}:
            return any(c.dep_ == "det" for c in t.children) or t.i == t.sent.start
    return False


def _role_follows(doc: Any, span: Any) -> bool:
    """Two or three capitalised words followed by ", the <role> of" or ", a spokesman for"."""
    words = [t for t in span if not t.is_space]
    if not 2 <= len(words) <= 3 or not all(t.is_title for t in words):
        return False
    if lookup_actor(span.text) is not None:
        return False
    nxt = doc[span.end : span.end + 6]
    if len(nxt) < 4 or nxt[0].text != "," or nxt[1].lower_ not in {"the", "a"}:
        return False
    k = 2
    while k < 4 and nxt[k].pos_ == "ADJ":  # "a senior commander of", "the military spokesman for"
        k += 1
    return (
        k + 1 < len(nxt) and nxt[k].lower_ in _APPOSED_ROLES and nxt[k + 1].lower_ in {"of", "for"}
    )


def _place_follows(doc: Any, span: Any) -> bool:
    """A name followed by ", a town", ", the small village of": the name is a place's."""
    if lookup_actor(span.text) is not None:
        return False
    nxt = doc[span.end : span.end + 5]
    if len(nxt) < 3 or nxt[0].text != "," or nxt[1].lower_ not in {"the", "a", "an"}:
        return False
    k = 2
    while k < 4 and k < len(nxt) and nxt[k].pos_ == "ADJ":  # "a small", "a remote mining"
        k += 1
    return k < len(nxt) and nxt[k].lower_ in PLACE_NOUNS and nxt[k].pos_ == "NOUN"


# Nouns that make a name in apposition a body's: "X, one of the militias", "X, a rebel group".
_BODIES = frozenset(
    {"militia", "militias", "group", "groups", "faction", "factions", "movement", "movements",
     "organisation", "organisations", "organization", "organizations", "outfit", "outfits",
     "coalition", "alliance", "network", "party", "parties", "brigade", "brigades"}
)  # fmt: skip


def _body_named(doc: Any, span: Any) -> bool:
    """ "a group known as X", "the militia called X": the name is the body's."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 2 or doc[i].lower_ not in {"as", "called", "named", "dubbed"}:
        return False
    k = i - 1 if doc[i].lower_ == "as" else i
    verb = doc[k]
    if verb.lower_ not in {"known", "called", "named", "dubbed"} or k < 1:
        return False
    return doc[k - 1].lower_ in _BODIES


def _body_follows(doc: Any, span: Any) -> bool:
    """ "X, one of the militias", "X, an armed group that ...": the name is the body's (not
    "X, a group's leader" nor "X, a party official")."""
    nxt = doc[span.end : span.end + 8]
    if len(nxt) < 3 or nxt[0].text != ",":
        return False
    k = 1
    if nxt[k].lower_ == "one" and k + 2 < len(nxt) and nxt[k + 1].lower_ == "of":
        k += 2
    if nxt[k].lower_ not in {"a", "an", "the"}:
        return False
    k += 1
    while k < len(nxt) - 1 and (nxt[k].pos_ in {"ADJ", "ADV"} or nxt[k].lower_ == "-"):
        k += 1
    if k >= len(nxt) or nxt[k].lower_ not in _BODIES:
        return False
    after = nxt[k + 1] if k + 1 < len(nxt) else None
    return after is None or (after.pos_ not in {"NOUN", "PROPN"} and after.tag_ != "POS")


_OFFICE_LEVELS = frozenset({"regional", "provincial", "state", "district", "city", "municipal"})

# Nouns after which a name is a weapon's ("a Reaper drone", "Kalibr missiles").
_WEAPONS = frozenset(
    {"drone", "drones", "missile", "missiles", "rocket", "rockets", "jet", "jets", "tank",
     "tanks", "helicopter", "helicopters", "rifle", "rifles", "howitzer", "howitzers",
     "launcher", "launchers", "warplane", "warplanes", "fighter", "bomber", "bombers"}
)  # fmt: skip

# Roles written right before a person's name ("army spokesman X", "administrator X").
ROLES_BEFORE_NAMES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "administrator", "official", "chief",
     "leader", "mayor", "envoy", "ambassador", "director", "chairman", "secretary",
     "analyst", "expert", "researcher", "activist", "lawmaker", "deputy", "legislator",
     "journalist", "correspondent", "witness", "resident", "coordinator", "negotiator"}
)  # fmt: skip
