"""Read an event's actors, targets and locations from the parse around its trigger."""

from __future__ import annotations

from typing import Any

from actorgraph.pipeline.events._casualties import headline_passive
from actorgraph.pipeline.events._lexicon import ROLE_NOUNS, words
from actorgraph.pipeline.events._resolver import ARMED_KINDS, Args, Resolver, _add
from actorgraph.pipeline.events._speakers import (
    SPEECH_PRONOUNS,
    misread_report,
    own_people,
    speaker_subject,
)
from actorgraph.pipeline.events._victims import happening_verb, struck_side_verb
from actorgraph.pipeline.layout import in_dateline, past_dateline
from actorgraph.pipeline.lexicon import ACCUSING, PLACE_NOUNS
from actorgraph.pipeline.nlp import (
    acl_host,
    children,
    clause_of,
    misread_participle,
    misread_subject,
    prep_objects,
)
from actorgraph.pipeline.places import COMPASS

RELATIVE = frozenset({"who", "which", "that", "whom"})
TARGET_PREPS = frozenset({"against", "on", "upon", "at", "to", "toward", "towards"})
PARTNER_PREPS = frozenset({"with"})
PLACE_PREPS = frozenset(
    {"in", "near", "outside", "inside", "at", "around", "across", "into", "from", "throughout",
     "along", "within", "off", "between", "of"}
)  # fmt: skip
PARTNER_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Fighting that takes two sides: "clashed with X", "fighting with X" name the other side.
RECIPROCAL = words(
    "clash fight fighting battle skirmish gunfight firefight gunbattle shootout confrontation "
    "exchange hostility hostilities"
)
CLAIM_VERBS = words("claim take accept admit bear")
# Verbs whose "in" phrase is an act their subject takes part in ("engaged in clashes").
TAKE_PART = words("engage involve participate embroil join")
FIRST_SECOND = frozenset({"i", "we", "you", "me", "us"})
CUSTODY = words("custody prison jail detention captivity captors")


def _relative_head(verb: Any) -> Any:
    """The noun a relative clause modifies, or the subject it is predicated of by a copula."""
    head = verb.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        for c in children(head.head):
            if c.dep_ == "nsubj":
                return c
    return head


def _passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in children(verb)) or _bare_participle(verb)


def _bare_participle(verb: Any) -> bool:
    """A headline's passive: "20 soldiers killed in ambush", a participle with no auxiliary."""
    return headline_passive(verb)


def _subject(verb: Any, depth: int = 0) -> tuple[Any | None, bool]:
    """The subject of a verb and whether it is passive, inherited through conj and relcl."""
    subj, passive = _own_subject(verb, depth)
    if subj is not None and subj.lower_ in SPEECH_PRONOUNS:
        return speaker_subject(verb, subj), passive
    return subj, passive


def _own_subject(verb: Any, depth: int = 0) -> tuple[Any | None, bool]:
    for c in children(verb):
        if c.dep_ in ("nsubj", "nsubjpass") and in_dateline(c):
            named = past_dateline(c)
            if named is not None:  # "KHARTOUM, June 3 - Sudan's X shelled": X, hung on the city
                return named, c.dep_ == "nsubjpass"
            continue  # "TRIPOLI, May 3 - Rebels said": the rebels are the subject
        if c.dep_ in ("nsubj", "csubj", "nsubjpass"):
            passive = c.dep_ == "nsubjpass" or _bare_participle(verb)
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return _relative_head(verb), passive
            if c.lower_ in RELATIVE and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
                return _relative_head(verb.head), _passive(verb)  # "which X says attacked"
            return c, passive
    if depth > 3:
        return None, False
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        if _passive(verb) != _passive(verb.head) or misread_report(verb.head):
            return None, False
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG":
        up = verb.head.head  # the preposition's head: a verb, or a noun object of one
        if up.pos_ in ("NOUN", "PROPN") and up.dep_ == "dobj":
            up = up.head
        if up.pos_ in ("VERB", "AUX"):
            accused = _accused(up) if verb.head.lower_ in {"of", "for"} else None
            if accused is not None:
                return accused, False  # "X accused Y of looting": Y looted
            subj, _ = _subject(up, depth + 1)
            return subj, False
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp":  # "is willing to withdraw"
        subj, _ = _subject(verb.head.head, depth + 1)
        return subj, False
    purpose = verb.dep_ == "advcl" and verb.tag_ == "VB"  # "gathered ... to protest"
    if (verb.dep_ == "xcomp" or purpose) and verb.head.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(verb.head, depth + 1)
        return subj, False
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        if misread_participle(verb):
            return misread_subject(verb), False  # "an air strike killed 30": no relative
        return acl_host(verb), True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        head = verb.head
        if head.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in children(head)
        ):
            head = head.head  # "clashes broke out while X was visiting, killing eight": not X
        if head.dep_ == "relcl" and verb.doc[verb.i - 1].text == ",":
            head = clause_of(head)  # "police fired at protesters who stormed it, killing five"
        subj, _ = _subject(head, depth + 1)
        return subj, False
    return None, False


def _accused(verb: Any) -> Any | None:
    """The one an accusation names ("accused Y of", "blamed Y for"), if the verb accuses."""
    if verb.lemma_.lower() not in ACCUSING:
        return None
    return next((c for c in children(verb) if c.dep_ == "dobj"), None)


# Conjunctions of a clause that only sets the time or the scene of what it hangs on.
BACKGROUND_MARKS = frozenset({"while", "as", "when", "whilst"})


def _locations(res: Resolver, tok: Any, args: Args) -> None:
    for prep in children(tok):
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            for pobj in prep_objects(prep):
                _add(args.locations, res.places(pobj))
    for c in children(tok):
        if c.dep_ == "npadvmod" and not in_dateline(c):  # "KYIV (AP) - ... pounded": filed
            _add(args.locations, res.places(c))
        elif c.dep_ == "advmod" and c.lower_ == "where" and tok.dep_ == "relcl":
            _add(args.locations, res.places(tok.head))  # "Mosul, where the jihadists seized"


def _preps(res: Resolver, tok: Any, typ: str, args: Args, *, noun: bool) -> None:
    for prep in children(tok):
        if prep.dep_ == "agent" or (
            noun and prep.dep_ == "prep" and prep.lower_ in ("by", "between")
        ):
            for pobj in prep_objects(prep):
                _add(args.actors, res.ids(pobj))
                args.heads.append(pobj)
        elif prep.dep_ == "prep" and (
            prep.lower_ in TARGET_PREPS
            or (noun and prep.lower_ == "of")
            or (prep.lower_ in PARTNER_PREPS and typ in PARTNER_TYPES)
            or (prep.lower_ in PARTNER_PREPS and typ == "ASSAULT" and _reciprocal(tok))
        ):
            for pobj in prep_objects(prep):
                found = res.ids(pobj)
                _add(args.targets, found)
                if found:
                    args.heads.append(pobj)


def _reciprocal(tok: Any) -> bool:
    return tok.lemma_.lower() in RECIPROCAL or tok.lower_ in RECIPROCAL


def _part_taker(res: Resolver, noun: Any, args: Args) -> None:
    """ "The army engaged in clashes with X", "was involved in a gunfight": the subject of
    the verb that takes part in the act is its actor."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("in", "into") or prep.dep_ != "prep":
        return
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX", "ADJ") or verb.lemma_.lower() not in TAKE_PART:
        return
    subj, _ = _subject(verb)
    if subj is None and verb.dep_ in ("acomp", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subj, _ = _subject(verb.head)  # "was involved in": involved is the copula's
    if subj is not None and subj.lower_ not in FIRST_SECOND:
        found = [i for i in res.ids(subj) if i not in args.targets]
        _add(args.actors, found)
        if found:
            args.heads.append(subj)


def _other_side(res: Resolver, noun: Any, args: Args) -> None:
    """ "Rebels seized the town after two days of fighting with the army": the fight's
    other side is the armed subject of the verb the phrase hangs on."""
    up = noun
    for _ in range(4):
        if up.dep_ not in ("pobj", "prep", "pcomp", "dobj"):
            return
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            break
    else:
        return
    subj, passive = _subject(up)
    if subj is None or passive:
        return
    for eid in res.ids(subj):
        e = res.entities.by_id(eid)
        if e is not None and e.kind in ARMED_KINDS and eid not in args.targets:
            _add(args.actors, [eid])
            args.heads.append(subj)


def _argument_places(res: Resolver, args: Args) -> None:
    """ "attacked a checkpoint in X": a place phrase on the object places the event."""
    for head in list(args.heads):
        if head.pos_ not in ("NOUN", "PROPN") or args.locations:
            continue
        for prep in children(head):
            if prep.dep_ == "prep" and (
                prep.lower_ in ("in", "near", "outside", "at")
                or (prep.lower_ == "of" and head.lower_ in PLACE_NOUNS)  # "the city of X"
            ):
                for pobj in prep_objects(prep):
                    _add(args.locations, res.places(pobj))


def _region_of(res: Resolver, tok: Any) -> bool:
    """ "northern X", "eastern parts of X": a part of a place, never an actor."""
    if any(c.dep_ == "amod" and c.lower_ in COMPASS for c in children(tok)):
        return bool(res.places(tok))
    return False


def verb_args(res: Resolver, verb: Any, typ: str) -> Args:
    """Actors from the subject or the "by" agent; targets from objects and some preps."""
    args = Args()
    subj, passive = _subject(verb)
    if subj is not None and subj.lower_ in FIRST_SECOND:
        args.unresolved = True
    elif subj is not None:
        found = res.ids(subj)
        if not found and subj.pos_ == "NOUN":  # "X said its fighters had captured"
            subj = own_people(verb, subj)
            found = res.ids(subj)
        for other in children(subj.head) if not found and subj.head is verb else ():
            if other.dep_ == "nsubj" and other is not subj:
                found = res.ids(other)
        _add(args.targets if passive else args.actors, found)
        args.heads.append(subj)
    for c in children(verb):
        if c.dep_ in ("dobj", "dative", "attr"):
            if _region_of(res, c):  # "attacked northern X": where, not whom
                _add(args.locations, res.places(c))
                continue
            _add(args.targets, res.ids(c))
            args.heads.append(c)
        elif c.dep_ == "prt":
            for p in children(c):
                if p.dep_ == "pobj":
                    _add(args.targets, res.ids(p))
    _preps(res, verb, typ, args, noun=False)
    for prep in children(verb):  # "released from U.S. custody": the holder released
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep_objects(prep):
                if pobj.lemma_.lower() in CUSTODY:
                    for c in children(pobj):
                        if c.dep_ in ("compound", "poss", "amod"):
                            _add(args.actors, res.ids(c))
    if typ == "ASSAULT" and passive and not args.actors:
        _responder(res, verb, args)
    _locations(res, verb, args)
    if not args.locations:  # "killed in an overnight raid in Zamfara": the raid's place
        for prep in children(verb):
            if prep.dep_ == "prep" and prep.lower_ in {"in", "during"}:
                for pobj in prep_objects(prep):
                    if pobj.pos_ == "NOUN":
                        _locations(res, pobj, args)
    _argument_places(res, args)
    return args


def _responder(res: Resolver, verb: Any, args: Args) -> None:
    """ "Nine assailants were killed when the army responded": who acted in the clause
    that says when the toll was taken took it, if it is an armed side."""
    for c in children(verb):
        if c.dep_ != "advcl" or not any(
            m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as", "after"}
            for m in children(c)
        ):
            continue
        subj, passive = _subject(c)
        if subj is None or passive:
            continue
        for eid in res.ids(subj):
            e = res.entities.by_id(eid)
            armed = e is not None and (e.type == "GPE" or e.kind in ARMED_KINDS)
            if armed and eid not in args.targets:
                _add(args.actors, [eid])
                args.heads.append(subj)


def _nested_places(res: Resolver, tok: Any, args: Args, depth: int) -> None:
    """The first place a chain of place phrases reaches ("at a mosque in the city of X")."""
    for prep in children(tok):
        of_place = prep.lower_ == "of" and tok.lower_ in PLACE_NOUNS
        if prep.dep_ != "prep" or not (prep.lower_ in {"at", "in", "near", "on"} or of_place):
            continue
        for pobj in prep_objects(prep):
            found = res.places(pobj)
            _add(args.locations, found)
            if not found and pobj.pos_ == "NOUN" and depth > 1:
                _nested_places(res, pobj, args, depth - 1)
            if args.locations:
                return


def noun_args(res: Resolver, noun: Any, typ: str) -> Args:
    """Actors from a possessor, a name compound, "by"/"between"; targets from "of"/"against"."""
    args = Args()
    for c in children(noun):
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            found = res.ids(c)
            _add(args.actors, found)
            if found:
                args.heads.append(c)
    _preps(res, noun, typ, args, noun=True)
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        for prep in children(noun.head):  # "fighting broke out ... between X and Y"
            if prep.dep_ == "prep" and prep.lower_ == "between":
                for pobj in prep_objects(prep):
                    _add(args.actors, res.ids(pobj))
                    args.heads.append(pobj)
    if not args.actors:
        _part_taker(res, noun, args)
    struck = struck_side_verb(noun)  # "police came under attack", "troops repelled an attack"
    if struck is not None:
        subj, _ = _subject(struck)
        if subj is not None:
            found = res.ids(subj)
            args.actors = [a for a in args.actors if a not in found]
            _add(args.targets, found)
            if found:
                args.heads.append(subj)
    if not args.actors and args.targets and _reciprocal(noun):
        _other_side(res, noun, args)
    # "his role in the attack": the role's possessor did it.
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_ in ROLE_NOUNS:
        for c in children(head.head):
            if c.dep_ == "poss":
                _add(args.actors, res.ids(c))
                args.heads.append(c)
    role = head.head
    if (  # "X claimed responsibility for the attack": X did it, by its own word
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and role.lemma_ == "responsibility"
        and role.dep_ == "dobj"
        and role.head.lemma_.lower() in CLAIM_VERBS
        and not args.actors
    ):
        subj, passive = _subject(role.head)
        if subj is not None and not passive:
            _add(args.actors, res.ids(subj))
            args.heads.append(subj)
    if not args.actors:
        _claimed(res, noun, args)
    _locations(res, noun, args)
    happened = happening_verb(noun)
    if not args.locations:  # "a bombing at a mosque in the city of X": the mosque's place
        _nested_places(res, noun, args, 3)
    if not args.locations and happened is not None:  # "the attack took place in the town of X"
        _locations(res, happened, args)
        _nested_places(res, happened, args, 3)
    for prep in children(noun):  # "the bombing of the embassy in Kabul"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            args.heads.extend(p for p in prep_objects(prep) if p not in args.heads)
    _argument_places(res, args)
    return args


def _claimed(res: Resolver, noun: Any, args: Args) -> None:
    """ "The attack was claimed by X", "X claimed the attack": X did it, by its own word."""
    verb = noun.head
    if verb.lemma_.lower() != "claim" or noun.dep_ not in {"nsubjpass", "dobj"}:
        return
    if noun.dep_ == "nsubjpass":
        found = [t for a in children(verb) if a.dep_ == "agent" for t in prep_objects(a)]
    else:
        subj, passive = _subject(verb)
        found = [subj] if subj is not None and not passive else []
    for t in found:
        _add(args.actors, res.ids(t))
        args.heads.append(t)
