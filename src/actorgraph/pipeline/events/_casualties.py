"""Casualty counts a sentence gives: killed, injured, abducted, arrested, as ACLED records them.

"killing 15 people", "at least 12 soldiers died", "left 12 soldiers dead", "the death toll
rose to 20", "wounding several" (vague: no count), "a soldier was slightly injured" (one).
Each count keeps its qualifier ("at least", "more than", "about", "up to") and the token
that governs it, so the event it belongs to can be chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from actorgraph.pipeline.claims import took_lives
from actorgraph.pipeline.nlp import children, misread_participle

KINDS = ("killed", "injured", "abducted", "arrested")
_VERB_KIND = {
    **dict.fromkeys(
        ("kill", "die", "slay", "behead", "execute", "massacre", "slaughter", "murder",
         "assassinate", "perish", "drown"),
        "killed",
    ),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "injured"),
    **dict.fromkeys(("abduct", "kidnap", "seize", "snatch"), "abducted"),
    **dict.fromkeys(("arrest", "detain", "apprehend", "capture"), "arrested"),
}  # fmt: skip
_ADJ_KIND = {"dead": "killed", "killed": "killed", "wounded": "injured", "injured": "injured",
             "hurt": "injured", "missing": None, "abducted": "abducted", "kidnapped": "abducted",
             "arrested": "arrested", "detained": "arrested"}  # fmt: skip
_NOUN_KIND = {"death": "killed", "deaths": "killed", "fatalities": "killed", "dead": "killed",
              "casualties": None, "toll": "killed", "injuries": "injured"}  # fmt: skip
_PEOPLE = frozenset(
    {"soldier", "civilian", "person", "people", "man", "woman", "child", "officer", "worker",
     "policeman", "fighter", "militant", "rebel", "insurgent", "villager", "resident",
     "member", "passenger", "student", "farmer", "trooper", "guard", "jihadist", "gunman",
     "attacker", "assailant", "militiaman", "boy", "girl", "journalist", "teacher",
     "doctor", "worshipper", "pilgrim", "protester", "demonstrator", "security", "body",
     "peacekeeper", "hostage", "official", "commander", "leader", "tourist", "miner"}
)  # fmt: skip
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12,
}  # fmt: skip
_QUALIFIERS = {
    "least": "at least", "more": "more than", "over": "more than", "nearly": "about",
    "about": "about", "around": "about", "some": "about", "approximately": "about",
    "roughly": "about", "almost": "about", "up": "up to", "estimated": "about",
}  # fmt: skip


@dataclass(frozen=True)
class Count:
    """One casualty count read from a sentence."""

    kind: str
    value: int
    qualifier: str | None
    start: int  # the counted phrase, in document characters
    end: int
    governor: Any  # the verb or noun it hangs on (the event's trigger, usually)


def number(tok: Any) -> int | None:
    """The value of a number token: "12", "1,200", "twelve", "twenty-eight", "dozen"."""
    low = tok.lower_.replace(",", "")
    if re.fullmatch(r"\d{1,6}", low):
        return int(low)
    if low in _WORD_NUMBERS:
        return _WORD_NUMBERS[low]
    if "-" in low:
        parts = low.split("-")
        if len(parts) == 2 and parts[0] in _WORD_NUMBERS and parts[1] in _WORD_NUMBERS:
            return _WORD_NUMBERS[parts[0]] + _WORD_NUMBERS[parts[1]]
    return None


def _value(tok: Any) -> int | None:
    """A number token with its compound parts ("twenty" "-" "eight")."""
    v = number(tok)
    parts = [c for c in children(tok) if c.dep_ == "compound" and c.i < tok.i]
    if v is not None and parts:
        extra = [number(c) for c in parts]
        if all(x is not None for x in extra):
            v += sum(x for x in extra if x is not None)
    return v


def _qualifier(tokens: Any) -> str | None:
    for m in tokens:
        if m.lower_ in _QUALIFIERS:
            return _QUALIFIERS[m.lower_]
    return None


def _count_of(noun: Any) -> tuple[int | None, str | None, int]:
    """The number a noun phrase counts, its qualifier and its first token index."""
    value, qualifier, left = None, None, noun.i
    for c in children(noun):
        if c.i > noun.i:
            continue
        if c.dep_ == "nummod" or (c.dep_ in {"amod", "quantmod"} and number(c) is not None):
            v = _value(c)
            if v is None:
                continue
            mods = [m for m in c.subtree if m.i < c.i]
            if any(m.lower_ == "dozen" for m in mods) or c.lower_ == "dozen":
                v = 12 if v in (1, 12) else v * 12
            qualifier = _qualifier(mods)
            value, left = v, min([c.i, *(m.i for m in mods)])
        elif c.dep_ == "det" and c.lower_ in {"a", "an"} and noun.tag_ == "NN":
            value, left = 1, c.i
    if any(c.dep_ == "det" and c.lower_ in {"no", "none"} for c in children(noun)):
        return None, None, noun.i  # "no one was hurt": nobody, not one
    if noun.lemma_.lower() in {"family", "group"}:  # "a family of five": five
        of = [p for c in children(noun) if c.lower_ == "of" for p in children(c)]
        size = number(of[0]) if of else None
        if size is not None:
            return size, None, noun.i
    if value is None and noun.lower_ in _WORD_NUMBERS:  # "Five were killed"
        value = _WORD_NUMBERS[noun.lower_]
    elif value is None and number(noun) is not None:
        value = _value(noun)
        mods = [m for m in noun.subtree if m.i < noun.i]
        qualifier, left = _qualifier(mods), min([noun.i, *(m.i for m in mods)])
    return value, qualifier, left


def _add(
    out: list[Count], kind: str | None, noun: Any, governor: Any, *, people: bool = False
) -> None:
    if kind is None:
        return
    if people and noun.lemma_.lower() not in _PEOPLE and noun.pos_ != "NUM":
        return  # "captured two towns"
    value, qualifier, left = _count_of(noun)
    if value is None or value <= 0:
        return
    start = noun.doc[left].idx
    end = noun.idx + len(noun.text)
    for other in _joined(noun):  # "a commander and two other fighters": three
        more, _, _ = _count_of(other)
        if more is not None and more > 0 and other.lemma_.lower() in _PEOPLE:
            value += more
            end = max(end, other.idx + len(other.text))
    if any(c.kind == kind and c.start == start for c in out):
        return
    out.append(Count(kind, value, qualifier, start, end, governor))


def gives_toll(verb: Any) -> bool:
    """ "put/placed/estimated the death toll at N", "gave a toll of N": a source's count."""
    if verb.lemma_.lower() not in {"put", "place", "estimate", "give", "set"}:
        return False
    nouns = {"toll", "figure", "number"}
    return any(c.dep_ == "dobj" and c.lemma_ in nouns for c in children(verb))


def _joined(noun: Any) -> list[Any]:
    """The nouns joined to a counted one by "and", through an apposition the parser hung
    the list on ("a commander of X, the Y Brigades, and two other fighters")."""
    out = [c for c in children(noun) if c.dep_ == "conj" and c.pos_ == "NOUN"]
    for a in children(noun):
        if a.dep_ == "appos":
            out.extend(c for c in children(a) if c.dep_ == "conj" and c.pos_ == "NOUN")
    return out


def to_death(verb: Any) -> bool:
    """ "hacked, stabbed, beaten, burned ... to death": a killing, whatever the verb."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in children(c))
        for c in children(verb)
    )


_DONE_TO = frozenset({"kill", "wound", "injure", "abduct", "kidnap", "arrest", "detain"})


def headline_passive(verb: Any) -> bool:
    """A headline's passive with no auxiliary: "20 soldiers killed in ambush", even where the
    model reads "3 militants killed" (no object, no full stop) as a past tense."""
    deps = {c.dep_ for c in children(verb)}
    if "nsubj" not in deps or deps & {"aux", "auxpass", "dobj"}:
        return False
    if verb.tag_ == "VBN":
        return True
    if verb.tag_ != "VBD" or verb.lemma_.lower() not in _DONE_TO:
        return False
    text = verb.sent.text.strip()
    return (
        not deps & {"ccomp", "xcomp", "dative"}
        and not text.endswith((".", "!", "?", '"', "”"))
        and "\n" not in text
    )


def _left(out: list[Count], verb: Any) -> None:
    """ "left 12 soldiers dead", "leaving 12 dead and 20 wounded", "left at least 15 dead"
    (the number on the adjective; the subject is what left them so, not who died)."""
    adjs = [x for c in children(verb) for x in c.subtree if x.lower_ in _ADJ_KIND]
    if not adjs:
        return
    noun = next((c for c in children(verb) if c.dep_ == "dobj"), None)
    if noun is None:  # "left at least 15 dead": the adjective is counted, or its subject
        adj = adjs[0]
        if any(c.dep_ == "nummod" for c in children(adj)):
            noun = adj
        elif adj.head.i != verb.i:
            noun = next((c for c in children(adj.head) if c.dep_ == "nsubj"), None)
        if noun is not None:
            _add(out, _ADJ_KIND[adj.lower_], noun, verb)
        return
    if noun.i == adjs[0].i:
        return
    _add(out, _ADJ_KIND[adjs[0].lower_], noun, verb)
    rest = [a for a in adjs[1:] if a.dep_ == "oprd"]  # "... and 20 wounded"
    more = [c for c in children(noun) if c.dep_ == "conj" and number(c) is not None]
    if rest and more:
        _add(out, _ADJ_KIND[rest[0].lower_], more[0], verb)


HURT = frozenset({"kill", "wound", "injure"})  # the verbs of a toll


_ELSEWHERE = frozenset({"separate", "another", "elsewhere", "meanwhile", "earlier", "later"})


def bare_toll(sent: Any, host: Any) -> bool:
    """A sentence right after an attack's that only counts victims, with no one who hurt
    them, no place, day or other incident of its own: "One worker was injured." """
    root = sent.root
    last = max(s.end for s in (host.sent, *host.sentences))
    return (
        sent.start == last
        and root.lemma_.lower() in HURT
        and root.tag_ == "VBN"
        and any(c.dep_ == "nsubjpass" for c in children(root))
        and not any(c.dep_ in {"agent", "advcl"} for c in children(root))
        and not any(t.ent_type_ in {"GPE", "LOC", "FAC", "DATE"} for t in sent)
        and not any(t.lower_ in _ELSEWHERE for t in sent)
    )


def counts(sent: Any) -> list[Count]:
    """Return the casualty counts of one sentence, in text order."""
    out: list[Count] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX"} and (lemma in _VERB_KIND or to_death(tok)):
            kind = _VERB_KIND.get(lemma, "killed")
            passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children(tok))
            if not passive and tok.dep_ == "conj" and tok.tag_ == "VBN":  # "were killed and
                own = {c.dep_ for c in children(tok)}  # four wounded": the head's "were"
                head_passive = any(c.dep_ == "auxpass" for c in children(tok.head))
                passive = head_passive and not own & {"aux", "auxpass", "dobj"}
            own = {c.dep_ for c in children(tok)}
            if headline_passive(tok):
                passive = True  # a headline's "12 soldiers killed in ambush"
            intransitive = lemma in {"die", "perish", "drown"}
            people = lemma in {"seize", "capture", "snatch"}  # objects may be towns
            for c in children(tok):
                counted = (c.dep_ == "dobj" and not intransitive) or c.dep_ == "nsubjpass"
                if counted or (c.dep_ == "nsubj" and (intransitive or passive)):
                    _add(out, kind, c, tok, people=people)
            has_object = any(c.dep_ == "dobj" for c in children(tok))
            misread = misread_participle(tok) or (tok.tag_ == "VBD" and not passive)
            if misread and not has_object and not intransitive:
                count = next((n for n in tok.doc[tok.i + 1 : tok.i + 5] if n.like_num), None)
                if count is not None:  # "a strike on a village killed 40 people", misread
                    _add(out, kind, count.head if count.dep_ == "nummod" else count, tok)
            elif tok.dep_ in {"acl", "amod"} and tok.tag_ == "VBN" and not has_object:
                _add(out, kind, tok.head, tok, people=people)  # "15 soldiers killed"
        elif tok.pos_ == "VERB" and took_lives(tok):  # "claimed the lives of 14 civilians"
            for o in children(tok):
                if o.dep_ == "dobj":
                    for p in children(o):
                        if p.dep_ == "prep" and p.lower_ == "of":
                            for n in children(p):
                                if n.dep_ == "pobj":
                                    _add(out, "killed", n, tok)
        elif lemma == "leave" and tok.pos_ == "VERB":  # "left 12 soldiers dead"
            _left(out, tok)
        elif tok.lower_ in _ADJ_KIND and tok.dep_ in {"acomp", "amod", "oprd", "xcomp", "advmod"}:
            head = tok.head
            if head.lemma_.lower() == "leave":
                continue  # "left 15 dead": read with the verb
            victim = next((c for c in children(head) if c.dep_ == "dobj"), None)
            subj = victim or next(
                (c for c in children(head) if c.dep_ in {"nsubj", "nsubjpass"}), None
            )  # "shot dead a worker": the object; "three were found dead": the subject
            if tok.dep_ == "amod" and head.pos_ in {"NOUN", "NUM"}:
                _add(out, _ADJ_KIND[tok.lower_], head, head)
            elif subj is not None:
                _add(out, _ADJ_KIND[tok.lower_], subj, head)
        elif tok.lower_ in _NOUN_KIND and tok.pos_ == "NOUN" and _NOUN_KIND[tok.lower_]:
            # "the death toll rose to 20", "killing at least 92 people": a toll's number
            around = tok.head.subtree if tok.lower_ == "toll" else tok.subtree
            for n in around:
                if n.pos_ == "NUM" and n.i > tok.i and number(n) is not None:
                    noun = n.head if n.dep_ == "nummod" else n
                    _add(out, "killed", noun, tok.head)  # "the deaths of 132 soldiers"
                    break
    return sorted(out, key=lambda c: c.start)
