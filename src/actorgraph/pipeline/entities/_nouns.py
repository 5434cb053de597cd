"""The words of generic actors: a state's forces and government, attackers, whose they are.

Used by :mod:`._generic`, which reads them in the parse.
"""

from __future__ import annotations

import re
from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.lexicon import capitals, lookup_actor

MILITARY = frozenset(
    {"army", "military", "troops", "troop", "soldiers", "soldier", "forces", "force",
     "servicemen", "serviceman", "paratroopers", "commandos", "gendarmes", "gendarmerie",
     "navy", "junta", "marines", "coalition", "warplanes", "warplane", "jets", "gunships",
     "gunship"}
)  # fmt: skip
POLICE = frozenset({"police", "policemen", "policeman", "policewomen"})
GOVERNMENT = frozenset({"government", "administration", "regime", "authorities", "junta"})
# What opponents call the state's rulers: never a named rival or shadow government.
RULERS = frozenset({"regime", "junta"})
# Words that make a government the state's rulers, never a named rival one ("the military
# government", "the ruling government").
RULED_BY = frozenset({"military", "ruling", "junta", "army", "army-led", "military-led"})
STATE_NOUNS = MILITARY | POLICE | GOVERNMENT
PERPETRATORS = frozenset(
    {"gunmen", "gunman", "militants", "militant", "jihadists", "jihadist", "jihadis",
     "jihadi", "insurgents", "insurgent", "attackers", "attacker", "assailants", "assailant",
     "terrorists", "terrorist", "bandits", "extremists", "kidnappers", "rebels", "rebel",
     "fighters", "militiamen", "bombers", "bomber", "factions", "militias", "dissidents",
     "splinters", "separatists", "separatist", "warlords", "guerrillas", "guerrilla"}
)  # fmt: skip
GANGS = frozenset({"gang", "gangs", "gangsters", "gangster", "cartel", "cartels"})
# Heads that need a word saying whose they are: "forces" alone is anyone's.
NEEDS_OWNER = frozenset(
    {"forces", "force", "fighters", "bombers", "bomber", "factions", "militias"}
)
# "opposition forces", "rival fighters", "clan militias": a side of their own, not the
# group named so far
OTHER_SIDES = frozenset(
    {"opposition", "rival", "foreign", "enemy", "pro-government", "clan", "tribal", "ethnic",
     "community", "village", "vigilante", "self-defence", "self-defense"}
)  # fmt: skip
_BOMBERS = frozenset({"bomber", "bombers"})


def owner_needed(head: Any, words: set[str]) -> bool:
    """Whether an attacker noun names no one without an owner: "forces", "fighters"; a
    "suicide bomber" is an attacker all the same (its group unknown)."""
    return head.lower_ in NEEDS_OWNER and not (head.lower_ in _BOMBERS and "suicide" in words)


# "police officers", "army units": the member noun takes its compound's side.
# What only a state's forces do, fly or have speak, so that "a military X" names them.
MILITARY_OWNED = frozenset(
    {"airstrike", "strike", "raid", "offensive", "bombardment", "shelling", "assault",
     "attack", "jet", "warplane", "aircraft", "helicopter", "drone", "crackdown",
     "spokesman", "spokeswoman", "spokesperson", "official", "source", "statement",
     "commander", "chief", "leadership", "command", "base", "bases", "post", "posts",
     "convoy", "patrol", "checkpoint", "outpost", "position", "positions", "barracks"}
)  # fmt: skip
MEMBER_HEADS = frozenset({"officers", "personnel", "units"})
STATE_WORDS = frozenset(
    {"security", "government", "armed", "military", "army", "ground", "state", "national",
     "federal", "junta", "regime", "defence", "defense", "special", "elite", "regular",
     "air", "naval", "border", "police", "central", "general"}
)  # fmt: skip
SOMEONE_ELSES = frozenset(
    {"foreign", "international", "peacekeeping", "allied", "rebel", "rebels", "opposition",
     "coalition", "enemy", "militia", "tribal", "private", "rival", "insurgent", "un",
     "multinational", "former", "ex", "mercenary", "paramilitary", "loyalist", "resistance",
     "pro", "backed", "aligned", "led", "linked", "affiliated", "sponsored", "supported",
     "dissident", "breakaway", "separatist", "interim", "parallel", "transitional"}
)  # fmt: skip
# People in the street, an actor of their own as ACLED codes them ("Protesters (Country)").
PROTESTERS = frozenset(
    {"protesters", "protestors", "demonstrators", "marchers", "rioters", "strikers"}
)
# Of those, the words that make forces an armed group's: someone's proxy or the state's enemy.
PROXY_WORDS = frozenset(
    {"rebel", "rebels", "opposition", "insurgent", "militia", "dissident", "breakaway",
     "separatist", "paramilitary", "loyalist", "resistance", "pro", "backed", "aligned",
     "sponsored", "supported", "affiliated", "linked", "allied"}
)  # fmt: skip
# Creeds and doctrines: "Islamist militants" are no people's or state's, just unnamed.
CREEDS = frozenset(
    {"islamist", "jihadist", "jihadi", "salafist", "salafi", "muslim", "christian", "sunni",
     "shiite", "shia", "maoist", "marxist", "communist", "islamic", "extremist", "anarchist"}
)  # fmt: skip
UNNAMED = frozenset({"suspected", "unidentified", "unknown", "armed", "masked", "alleged"})
DEFINITE = frozenset({"the", "these", "those", "this", "that"})
MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})


def country_name(entity: Entity) -> str | None:
    """Return the country an entity (a country or its demonym) names, or None."""
    if entity.type not in {"GPE", "NORP"}:
        return None
    for name in (entity.name, *entity.aliases):
        known = lookup_actor(name)
        if known is not None and known.type == "GPE":
            return known.canonical
    return None


LEAD_WEIGHT = 5
# "Iran-backed fighters", "a Saudi-led coalition": a patron's name, not where the news is.
_PATRON = re.compile(
    r"[-‐–](?:backed|sponsored|supported|funded|armed|allied|aligned|led|trained)\b"
)
# "neighbouring Venezuela", "near the Afghan border": a neighbour of where the news is.
_NEIGHBOUR_BEFORE = re.compile(r"\bneighbou?ring\s+$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[\w)\"”’])[.!?](?=\s)")


def lead_end(text: str) -> int:
    """The end of a story's first sentence (its lead), where it says where the news is."""
    m = _SENTENCE_END.search(text, 40)
    return m.end() if m else min(len(text), 400)


def _votes(text: str, start: int, end: int) -> bool:
    """Whether a mention says where the news is: not a patron's ("Iran-backed") nor a
    neighbour's ("neighbouring Venezuela", "the Afghan border")."""
    if not text:
        return True
    return not (
        _PATRON.match(text, end)
        or _BORDER_AFTER.match(text, end)
        or _NEIGHBOUR_BEFORE.search(text, max(0, start - 20), start)
    )


def home_country(entities: list[Entity], text: str = "") -> str | None:
    """Return the country the document is about: the one its places and names point to most.

    Each mention of a resolved place counts for the place's country, so a story about
    Rwandan troops in three Mozambican towns is about Mozambique; the lead's mentions count
    more, as the lead says where the news is. Only a country the text names can be chosen
    (its name is the lexicon's).
    """
    lead = lead_end(text) if text else 0
    names: dict[str, str] = {}  # ISO code -> the country's name
    for e in entities:
        name = country_name(e)
        if name is not None and e.place is not None and e.place.country:
            names.setdefault(e.place.country, name)
    weight: dict[str, int] = {}
    first: dict[str, int] = {}
    for e in entities:
        code = e.place.country if e.place is not None else None
        votes = [m for m in e.mentions if _votes(text, m.start, m.end)]
        if code in names and votes:
            weight[code] = weight.get(code, 0) + sum(
                LEAD_WEIGHT if m.start < lead else 1 for m in votes
            )
            first[code] = min(first.get(code, votes[0].start), votes[0].start)
    if weight:
        return names[min(weight, key=lambda c: (-weight[c], first[c]))]
    counts = {
        e.name: n
        for e in entities
        if country_name(e) == e.name
        and (n := sum(1 for m in e.mentions if _votes(text, m.start, m.end)))
    }
    order = {e.name: e.mentions[0].start for e in entities}
    return min(counts, key=lambda n: (-counts[n], order[n])) if counts else None


def country_word(word: str) -> str | None:
    """Return the country a single word names ("Malian", "Kenya's"), or None."""
    known = lookup_actor(word.removesuffix("'s").removesuffix("’s"))
    return known.canonical if known is not None and known.type == "GPE" else None


_BARE_INSTITUTIONS = frozenset({"army", "military", "police", "government"})


def institution(entity: Entity) -> tuple[str, str | None] | None:
    """Return (kind, country or None) of an entity the model made of state words and a
    force or government noun ("Iraqi army", "Syrian security forces"), else None."""
    words = entity.name.split()
    if entity.type == "ORG" and len(words) == 1 and words[0].lower() in _BARE_INSTITUTIONS:
        return _kind(words[0].lower()), None  # "Army chief General X" opening a sentence
    if entity.type != "ORG" or len(words) < 2 or words[-1].lower() not in STATE_NOUNS:
        return None
    seat = capitals().get(" ".join(words[:-1])) if words[-1].lower() in GOVERNMENT else None
    if seat is not None:
        return "government", seat  # "the Kabul government", "the Tehran regime": the state's
    countries = [country_word(w) for w in words[:-1]]
    if not all(
        c is not None or w.lower() in STATE_WORDS
        for w, c in zip(words[:-1], countries, strict=True)
    ):
        return None
    return _kind(words[-1].lower()), next((c for c in countries if c), None)


def _kind(noun: str) -> str:
    return "police" if noun in POLICE else "government" if noun in GOVERNMENT else "military"


def _is_government(entity: Entity) -> bool:
    return entity.kind == "government" and _governs(entity)


def _governs(entity: Entity) -> bool:
    words = {w.lower() for w in entity.name.split()}
    return bool(words & {"government", "administration", "regime"})


def is_head(tok: Any) -> str | None:
    """Return what a token heads: a state noun's kind, "perpetrator", or None."""
    low = tok.lower_
    if low == "military" and tok.pos_ == "ADJ":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in MILITARY_OWNED:
            return "military"  # "a military airstrike", "a military spokesman": the state's
        if (
            tok.i > 0
            and tok.doc[tok.i - 1].lower_ in {"'s", "’s"}
            and (nxt is None or nxt.pos_ in {"VERB", "AUX", "PUNCT", "ADP", "CCONJ"})
        ):
            return "military"  # "X's military seized power", tagged as an adjective
    if tok.pos_ == "ADJ" and low in GOVERNMENT and any(c.dep_ == "poss" for c in tok.children):
        return "government"  # "Mali's junta expelled ...", the noun tagged as an adjective
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    if tok.pos_ == "PROPN" and not (tok.is_lower or tok.is_sent_start):
        return None  # "Army" inside a name
    if low == "state" and any(
        c.dep_ == "amod" and c.i == tok.i - 1 and country_word(c.text) for c in tok.children
    ):  # "the Turkish state": its government; "the Indian state of Manipur": a place
        of = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        nxt_of = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "of"
        return None if of or nxt_of else "government"
    if low in STATE_NOUNS:
        speaks = {"spokesman", "spokeswoman", "spokesperson", "official", "officials",
                  "source", "sources", "statement"}  # fmt: skip
        if (
            low in GOVERNMENT
            and tok.dep_ == "compound"
            and tok.head.lower_ not in STATE_NOUNS | speaks
        ):
            return None  # "government buildings", "government targets"
        return _kind(low)
    if low in {"embassy", "embassies"}:
        return "embassy"  # "the Spanish embassy in X": the state's mission, its own actor
    if low == "staff" and any(c.lower_ == "general" for c in tok.lefts):
        return "military"  # "the general staff": the army's command
    if low in MEMBER_HEADS:
        lefts = {c.lower_ for c in tok.lefts}
        return (
            "police" if "police" in lefts else "military" if lefts & {"army", "military"} else None
        )
    if low in PERPETRATORS:
        if tok.dep_ == "compound" and tok.head.lower_ in {
            "group",
            "movement",
            "organisation",
            "organization",
            "coalition",
            "alliance",
        }:
            return None  # "the rebel group": the group is the actor, named before
        if _members_of_a_body(tok):
            return None  # "an umbrella of Shi'ite militias": a class of groups, no actor
        return "perpetrator"
    if low in GANGS and tok.dep_ != "compound":
        return "perpetrator"  # "gangs stormed the town", "a gang"
    if low == "members" and any(c.lower_ in GANGS for c in tok.lefts):
        return "perpetrator"  # "gang members"
    if low in PROTESTERS:
        return "protester"
    if low in {"men", "groups"} and any(
        c.dep_ == "amod" and c.lower_ == "armed" for c in tok.children
    ):
        return "perpetrator"
    return None


# Nouns for a body made of several groups: "an umbrella of militias", "a coalition of rebels".
_BODIES = frozenset(
    {"umbrella", "coalition", "alliance", "network", "patchwork", "constellation", "federation"}
    | {"grouping", "array", "collection", "mix", "myriad", "confederation", "bloc"}
)


def _members_of_a_body(tok: Any) -> bool:
    head = tok.head
    return (
        tok.tag_ == "NNS"
        and tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in _BODIES
    )


# Words that say who attacked when no one is named: "an Islamist attack", "a rebel raid".
ATTACKER_WORDS = frozenset(
    {"islamist", "jihadist", "jihadi", "militant", "rebel", "insurgent", "terrorist"}
)
ATTACKS = frozenset(
    {"attack", "attacks", "raid", "raids", "ambush", "ambushes", "assault", "assaults",
     "offensive", "bombing", "bombings", "incursion", "incursions"}
)  # fmt: skip


def attacker_word(tok: Any) -> str | None:
    if (
        tok.lower_ in ATTACKER_WORDS
        and tok.dep_ in {"amod", "compound"}
        and tok.head.lower_ in ATTACKS
        and tok.i < tok.head.i
    ):
        return "perpetrator"
    return None
