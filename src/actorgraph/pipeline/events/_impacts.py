"""A weapon told as the subject of its impact: "rockets slammed into the town", "a drone hit
a base", "the post was targeted by a suicide bomber".

Wire copy often names the weapon, not who fired it. The verb of its landing is then the
attack, its mode the weapon's, and its actor whoever the weapon's own words name ("rockets
fired by X", "X's drones", "a Y missile"); the place it came from ("fired from Lebanon")
is no actor.
"""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.events._lexicon import WEAPON_MODES, Trigger, words
from actorgraph.pipeline.events._resolver import Args, Resolver
from actorgraph.pipeline.nlp import children, verb_lemma

# What a weapon does when it arrives; "land", "fall", "crash" and "rain" need the place
# they arrive at ("landed near the embassy"), or they tell of a plane or a town's fall.
IMPACT_VERBS = words("hit strike slam smash pound rock land fall crash rain target")
_NEEDS_PLACE = words("land fall crash rain")
_ARRIVAL_PREPS = words("on in into near at inside onto across")
WEAPONS = words(
    "rocket rockets missile missiles shell shells mortar mortars drone drones projectile "
    "projectiles bomb bombs grenade grenades ied ieds mine mines landmine landmines "
    "explosive explosives barrage salvo volley"
)
# Attackers that make "target" an attack: "gunmen targeted a bus", "targeted by a bomber".
_ATTACKERS = words(
    "gunmen gunman militants militant bomber bombers attackers attacker assailants assailant "
    "insurgents insurgent jihadists jihadist fighters rebels"
)
_FIRING = words("fire launch drop plant fly shoot lob send")


def _doer(verb: Any) -> Any | None:
    """The active subject or the passive agent: what did the hitting. "Rockets fired by X
    hit a base" is often parsed with "fired" as the main verb: its subject is the one."""
    for c in children(verb):
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((p for p in children(c) if p.dep_ == "pobj"), None)
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.tag_ in {"VBD", "VBN"}:
        return verb.head  # "A rocket slammed into a school": a sentence with no other verb
    firing = _misread_firing(verb)
    return None if firing is None else next(c for c in children(firing) if c.dep_ == "nsubj")


def _misread_firing(verb: Any) -> Any | None:
    """The firing verb a reduced relative was misread as ("Rockets fired from X slammed")."""
    head = verb.head
    if verb.dep_ not in {"conj", "advcl"} or head is verb or verb_lemma(head) not in _FIRING:
        return None
    if any(c.dep_ == "dobj" for c in children(head)):
        return None  # "the army fired shells and hit a school": its own act
    subj = next((c for c in children(head) if c.dep_ == "nsubj"), None)
    return head if subj is not None and _weapon(subj) else None


def _weapon(tok: Any) -> bool:
    if tok.lower_ in WEAPONS or tok.lemma_.lower() in WEAPONS:
        return True
    return tok.lower_ in {"barrage", "salvo", "volley"} or any(
        p.lemma_.lower() in WEAPONS
        for c in children(tok)
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in children(c)
    )  # "a barrage of rockets"


def impact_key(verb: Any) -> Trigger | None:
    """The attack a weapon's impact tells, with the weapon's mode; None for any other verb."""
    lemma = verb_lemma(verb)
    if lemma not in IMPACT_VERBS:
        return None
    doer = _doer(verb)
    if doer is None:
        return None
    if not _weapon(doer):
        if lemma == "target" and doer.lower_ in _ATTACKERS:
            return ("ASSAULT", None)
        return None
    if lemma in _NEEDS_PLACE and not _arrives(verb):
        return None
    found = WEAPON_MODES.get(doer.lower_) or WEAPON_MODES.get(doer.lemma_.lower())
    return ("ASSAULT", found or "heavy-weapons")


def _arrives(verb: Any) -> bool:
    """ "landed near the palace", not "fell silent on Sunday"."""
    return any(
        p.ent_type_ not in {"DATE", "TIME"}
        for c in children(verb)
        if c.dep_ == "prep" and c.lower_ in _ARRIVAL_PREPS
        for p in children(c)
        if p.dep_ == "pobj"
    )


def launchers(res: Resolver, verb: Any, args: Args) -> None:
    """Add as actors whoever the weapon's words name: "fired by X", "X's drones", "a Y
    missile"; "fired from Lebanon" names a place, not a side."""
    doer = _doer(verb)
    if doer is None or not _weapon(doer):
        return
    found: list[str] = []
    firing = _misread_firing(verb)
    for c in (*children(doer), *(children(firing) if firing is not None else ())):
        if c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < doer.i:
            found.extend(res.ids(c))
        elif c.dep_ == "acl" and verb_lemma(c) in _FIRING:
            found.extend(_agents(res, c))
        elif c.dep_ == "agent":  # the misread firing verb's own "by X"
            found.extend(i for p in children(c) if p.dep_ == "pobj" for i in res.ids(p))
    for eid in found:
        if eid not in args.actors and eid not in args.targets:
            args.actors.append(eid)


def _agents(res: Resolver, participle: Any) -> list[str]:
    return [
        i
        for agent in children(participle)
        if agent.dep_ == "agent"
        for p in children(agent)
        if p.dep_ == "pobj"
        for i in res.ids(p)
    ]
