"""Look up an event trigger: a verb with its particle or object, an event noun, a mode."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.events._casualties import to_death
from actorgraph.pipeline.events._impacts import impact_key
from actorgraph.pipeline.events._lexicon import (
    ATTACK_STRIKE_MODIFIERS,
    LABOUR_STRIKE_MODIFIERS,
    LIGHT_ONLY_NOUNS,
    LIGHT_VERBS,
    NOUNS,
    OBJECT_GROUP,
    VERB_OBJECT,
    VERBS,
    WEAPON_MODES,
    Trigger,
)
from actorgraph.pipeline.events._resolver import Args
from actorgraph.pipeline.nlp import children, negated, verb_lemma

TERRITORY = frozenset(
    {"town", "towns", "city", "cities", "village", "villages", "base", "bases", "camp",
     "area", "areas", "district", "region", "province", "territory", "port", "airport",
     "border", "crossing", "checkpoint", "outpost", "post", "office", "building",
     "buildings", "headquarters", "compound", "hill", "road", "highway", "bridge", "enclave",
     "neighbourhood", "neighborhood", "suburb", "suburbs", "capital", "island", "depot",
     "depots", "stronghold", "parts", "swathes", "swaths", "positions", "position", "airbase",
     "locality"}
)  # fmt: skip
_HOLDING = frozenset({"take over", "overrun", "overthrow", "topple", "oust"})


def verb_key(tok: Any) -> Trigger | None:
    """Look a verb up with its particle, then its first preposition, then alone; taking
    control (or taking over) counts only of a place ("took control of the base", not
    "took over the fight" or "control of the militias")."""
    if to_death(tok):
        return ("ASSAULT", None)  # "hacked five civilians to death", "beaten to death"
    hit = impact_key(tok)  # "rockets slammed into the town": the weapon says it
    if hit is not None:
        return hit
    hit = _verb_key(tok)
    if hit is not None and _turned_into(tok):
        return ("ASSAULT", None)  # "tensions exploded into fighting": no bomb went off
    if hit == ("REQUEST", None) and tok.lemma_.lower() == "press":
        return hit if _pressed_someone(tok) else None
    if hit is not None and hit[0] == "REQUEST" and _anonymity(tok):
        return None  # "who asked not to be named": how a source is kept, not an act
    if hit == ("CONCEDE", "release") and _rescued(tok):
        return None  # "freed 279 schoolgirls kidnapped from X": a rescue, no concession
    if hit is None and verb_lemma(tok) == "take" and _took_a_place(tok):
        return ("COERCE", "seize")  # "the rebels took the town", "the army took Kidal"
    if hit is None or hit != ("COERCE", "seize"):
        return hit
    lemma = tok.lemma_.lower()
    prt = next((c.lower_ for c in children(tok) if c.dep_ == "prt"), None)
    phrase = f"{lemma} {prt}" if prt else lemma
    objects = [c for c in children(tok) if c.dep_ == "dobj"]
    if objects and objects[0].lemma_.lower() == "control":
        objects = [
            p for prep in children(objects[0]) if prep.lower_ == "of" for p in children(prep)
        ]
    elif phrase not in _HOLDING:
        return hit
    return hit if any(_territorial(o) for o in objects) else None


_CAPTIVE_VERBS = frozenset({"kidnap", "abduct", "hold", "capture", "seize", "take"})
_KIDNAP_VERBS = frozenset({"kidnap", "abduct"})
_STATE_FORCES = frozenset(
    {"troop", "troops", "army", "soldier", "soldiers", "police", "force", "forces", "military",
     "commando", "commandos", "policeman", "policemen", "gendarme", "gendarmes"}
)  # fmt: skip


def _rescued(tok: Any) -> bool:
    """Whether the ones set free were someone else's captives: "freed hostages held by X",
    or the state's forces freeing the kidnapped ("troops freed students kidnapped from a
    school"): a rescue. "The group released soldiers captured in May" is a concession."""
    subj = next((c for c in children(tok) if c.dep_ == "nsubj"), None)
    state = subj is not None and bool(
        {subj.lower_, *(c.lower_ for c in children(subj) if c.dep_ == "compound")} & _STATE_FORCES
    )
    for c in children(tok):
        if c.dep_ != "dobj":
            continue
        for a in children(c):
            if a.dep_ != "acl" or a.tag_ != "VBN" or verb_lemma(a) not in _CAPTIVE_VERBS:
                continue
            if any(x.dep_ == "agent" for x in children(a)):
                return True  # "held by X": someone else's
            if state and verb_lemma(a) in _KIDNAP_VERBS:
                return True
    return False


_WAYS = frozenset({"road", "roads", "highway", "highways", "bridge", "crossing", "route"})


def _took_a_place(tok: Any) -> bool:
    """ "took the town of X", "have taken Kidal": bare "take" of a place it holds, not
    "took part", "took over the fight", "took them to a town" or "took X hostage"."""
    mine = children(tok)
    if any(c.dep_ in {"prt", "oprd", "ccomp", "xcomp"} for c in mine):
        return False
    return any(
        c.dep_ == "dobj"
        and c.lower_ not in _WAYS
        and (c.ent_type_ in {"GPE", "LOC", "FAC"} or c.lemma_.lower() in TERRITORY)
        for c in mine
    )


def _turned_into(tok: Any) -> bool:
    """ "exploded into open fighting", "blew up into a war": a change of state, told of
    what it became."""
    lemma = verb_lemma(tok)
    return lemma in {"explode", "blow"} and any(
        c.dep_ == "prep" and c.lower_ == "into" for c in children(tok)
    )


_UNNAMED = frozenset({"name", "identify", "quote", "cite"})


def _anonymity(tok: Any) -> bool:
    """ "asked not to be named", "requested anonymity": a source's terms with the reporter."""
    for c in children(tok):
        if c.dep_ == "dobj" and c.lemma_.lower() in {"anonymity", "anonymous"}:
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in _UNNAMED and negated(c):
            return True
    return False


def _pressed_someone(tok: Any) -> bool:
    """ "pressed Russia to withdraw", "pressed for talks": a request; "pressed their
    offensive", "pressed ahead": an attack going on."""
    for c in children(tok):
        if c.dep_ == "prep" and c.lower_ == "for":
            return True
        if c.dep_ == "dobj" and (
            c.pos_ in {"PROPN", "PRON"} or c.ent_type_ in {"ORG", "GPE", "PERSON", "NORP"}
        ):
            return True
    return False


_PORTIONS = frozenset({"part", "parts", "most", "much", "half", "rest", "swathe", "swath"})


def _territorial(tok: Any) -> bool:
    if tok.lower_ in TERRITORY or tok.lemma_.lower() in TERRITORY:
        return True
    for c in children(tok):
        if c.dep_ == "appos" and c.lemma_.lower() in TERRITORY:
            return True  # "X, a locality used by the rebels"
        portion = c.dep_ == "prep" and c.lower_ == "of" and tok.lower_ in _PORTIONS
        if portion and any(_territorial(p) for p in children(c) if p.dep_ == "pobj"):
            return True  # "part of X, a locality"
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or any(
        c.ent_type_ in {"GPE", "LOC", "FAC"} for c in tok.subtree
    )


def _verb_key(tok: Any) -> Trigger | None:
    lemma = verb_lemma(tok)
    for c in children(tok):  # "drove out the X", "drove the X out of Z"
        if c.dep_ == "prt" or (c.dep_ in {"prep", "advmod"} and c.lower_ == "out"):
            hit = VERBS.get(f"{lemma} {c.lower_}")
            if hit:
                return hit
    for c in children(tok):
        if c.dep_ in ("prep", "dobj") and c.i == tok.i + 1:
            hit = VERBS.get(f"{lemma} {c.lower_}")
            if hit:
                return hit
    for c in children(tok):
        if c.dep_ != "dobj":
            continue
        for o in (c, *_counted(c)):  # "fired dozens of missiles"
            group = OBJECT_GROUP.get(o.lemma_.lower()) or OBJECT_GROUP.get(o.lower_)
            if group and (lemma, group) in VERB_OBJECT:
                return VERB_OBJECT[(lemma, group)]
    return VERBS.get(lemma)


def noun_key(tok: Any) -> Trigger | None:
    lemma, lower = tok.lemma_.lower(), tok.lower_
    mods = {c.lower_ for c in children(tok) if c.dep_ in ("compound", "amod", "nmod")}
    for m in mods:
        hit = NOUNS.get(f"{m} {lemma}")
        if hit:
            return hit
    if lemma == "strike":
        if mods & ATTACK_STRIKE_MODIFIERS:
            return "ASSAULT", "aerial"
        on = tok.dep_ == "pobj" and tok.head.lower_ == "on" and not mods
        if mods & LABOUR_STRIKE_MODIFIERS or on:
            return ("PROTEST", "hunger") if "hunger" in mods else ("PROTEST", "boycott")
        return "ASSAULT", None  # in the news of war, a strike is an attack
    if lemma == "march" and tok.text[:1].isupper():
        return None  # the month
    return NOUNS.get(lower) or NOUNS.get(lemma)


def mode(tok: Any, typ: str, mode: str | None, args: Args) -> str | None:
    """Refine the mode from weapon words on the trigger, its subject or its instrument."""
    if typ not in ("ASSAULT", "PROTEST") or (mode and mode not in ("explosives", "boycott")):
        return mode
    near = [tok, *children(tok)]
    for c in children(tok):
        if c.dep_ in ("nsubj", "nsubjpass", "prep", "agent"):
            near.extend(c.subtree)
    for t in near:
        found = WEAPON_MODES.get(t.lower_)
        if found and (typ == "ASSAULT" or found == "hunger"):
            return found
    return mode


def forms(tok: Any) -> set[str]:
    """The lemma, and the base forms its spelling allows: the lemmatizer makes "staged"
    "stag"."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    for suffix in ("d", "s"):
        if low.endswith(suffix):
            out.add(low[: -len(suffix)])
    if low.endswith("ing"):
        out.update({low[:-3], low[:-3] + "e"})
    if low.endswith("ed"):
        out.add(low[:-2])
    return out


def light_object(verb: Any) -> Any | None:
    """The event noun a light verb governs ("held talks", "carried out an attack")."""
    if verb.lemma_.lower() not in LIGHT_VERBS and not forms(verb) & LIGHT_VERBS:
        return None
    for c in children(verb):
        if c.dep_ != "dobj":
            continue
        for noun in (c, *_counted(c)):
            if (
                noun_key(noun)
                or noun.lemma_.lower() in LIGHT_ONLY_NOUNS
                or noun.lower_ in LIGHT_ONLY_NOUNS
                or _armed_operation(verb, noun)
            ):
                return noun
    return None


def light_key(verb: Any, obj: Any) -> Trigger | None:
    """The event a light verb and its object tell: "declared a cease-fire" (a "fire" the
    parser split from its "cease" is a truce, not shooting); "called off a truce" (or
    talks, or an attack) is its end, a REJECT."""
    lemma = obj.lemma_.lower()
    if lemma == "fire" and any(c.lower_ == "cease" for c in children(obj)):
        lemma = "ceasefire"
    key = (None if lemma == "ceasefire" else noun_key(obj)) or LIGHT_ONLY_NOUNS.get(lemma)
    key = key or LIGHT_ONLY_NOUNS.get(obj.lower_)
    if key is None and _armed_operation(verb, obj):
        key = ("ASSAULT", None)  # "launched an operation against X"
    if key is not None and any(c.dep_ == "prt" and c.lower_ == "off" for c in children(verb)):
        return ("REJECT", None)
    return key


_OPERATING = frozenset({"launch", "conduct", "carry", "mount", "begin", "start", "stage", "lead"})
_NOT_ARMED = frozenset(
    {"rescue", "evacuation", "humanitarian", "aid", "relief", "search", "recovery", "airlift",
     "peacekeeping", "medical", "sting", "fundraising", "business", "mining", "registration"}
)  # fmt: skip


def _armed_operation(verb: Any, noun: Any) -> bool:
    """ "launched an operation against X", "conducted a military operation in Z": an
    attack; not a rescue, an evacuation or an aid operation."""
    if noun.lower_ != "operation" or verb_lemma(verb) not in _OPERATING:
        return False  # "conducted several operations": a campaign, no one happening
    mods = {c.lower_ for c in children(noun) if c.dep_ in {"amod", "compound", "nmod"}}
    if mods & _NOT_ARMED:
        return False
    aims = [c for c in children(noun) if c.dep_ in {"acl", "relcl"} and c.tag_ == "VB"]
    return not any(verb_lemma(a) in {"rescue", "evacuate", "free", "deliver"} for a in aims)


# Objects that count what was launched: "hundreds of shells", "a barrage of rockets".
QUANTITIES = frozenset(
    {"hundreds", "dozens", "scores", "thousands", "barrage", "volley", "salvo", "hail",
     "series", "wave", "waves", "number", "string", "spate", "round", "rounds"}
)  # fmt: skip


def _counted(obj: Any) -> list[Any]:
    if obj.lower_ not in QUANTITIES:
        return []
    return [
        p for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"
        for p in children(c) if p.dep_ == "pobj"
    ]  # fmt: skip


WORDS_ONLY = frozenset(
    {"details", "detail", "information", "comment", "comments", "figures", "figure", "number",
     "numbers", "toll", "account", "accounts", "explanation", "evidence", "name", "names",
     "estimate", "estimates", "breakdown", "tally", "update", "updates", "confirmation"}
)  # fmt: skip


def says_nothing(verb: Any) -> bool:
    """'did not give details', 'provided no figures': talk about information, not aid."""
    return verb.lemma_.lower() in {"provide", "give", "offer", "deliver", "supply"} and any(
        c.dep_ == "dobj" and c.lower_ in WORDS_ONLY for c in children(verb)
    )
