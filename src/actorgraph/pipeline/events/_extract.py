"""Find PLOVER-coded events: a lexicon trigger, its participants from the parse, a date.

A trigger is a verb (with its particle or preposition: "call on", "pull out"), a verb with
an object that names the act ("lifted the curfew"), a light verb with an event noun
("held talks", "launched an attack": the verb lends its subject) or an event noun ("the
2007 murder of five soldiers"). An event needs an actor or target entity, or, for a noun
or a weapon-led attack, a date. Its date is the sentence's own (preferring one attached to
the trigger), else a date carried over from the narrative it continues, else None: the
publication date is never used silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from actorgraph.model import DateRef, Event, Quote
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.events._acts import by_the_act, headline, jailbreak
from actorgraph.pipeline.events._args import noun_args, verb_args
from actorgraph.pipeline.events._build import built, renamed
from actorgraph.pipeline.events._dates import DateFinder
from actorgraph.pipeline.events._filters import background
from actorgraph.pipeline.events._found import Found, claimed
from actorgraph.pipeline.events._impacts import launchers
from actorgraph.pipeline.events._lexicon import (
    ASPECTUAL,
    SPEECH,
)
from actorgraph.pipeline.events._refine import refine
from actorgraph.pipeline.events._resolver import Args, Resolver
from actorgraph.pipeline.events._streets import fallen_args, gathered_to_protest, street_key, taker
from actorgraph.pipeline.events._triggers import (
    light_key,
    light_object,
    mode,
    noun_key,
    says_nothing,
    verb_key,
)
from actorgraph.pipeline.events._victims import happening_verb
from actorgraph.pipeline.layout import layout
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc, children, negated, tokens

_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_TOLD_BY = frozenset({"advcl", "conj"})  # how a toll's clause governs the act that took it
_FUTURE = frozenset({"will", "would", "'ll", "shall"})
_CONDITION = frozenset({"unless", "if"})
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE", "RETREAT"})
_COOPERATIVE = frozenset({"AID", "CONCEDE", "CONSULT", "COOPERATE", "SUPPORT"})
_OBLIGATION = frozenset({"must", "should"})
_MATERIAL = frozenset({"ASSAULT", "PROTEST", "COERCE"})
_INTENT_ADJ = frozenset({"willing", "ready", "prepared", "committed", "determined"})
_INTENT_VERBS = frozenset({"vow", "pledge", "promise", "swear"})


@dataclass(frozen=True)
class EventResult:
    events: tuple[Event, ...]
    # unnamed groups that every telling shows to be one named group: unnamed id -> named id
    same_as: dict[str, str] = field(default_factory=dict)
    # standing wars told as a habit ("has fought X since 2015"): no events, but who fights whom
    standing: tuple[Event, ...] = ()


def _skip_infinitive(tok: Any) -> bool:
    """An infinitive under a non-aspectual verb is an intention, coded on its governor."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
        return False
    if gathered_to_protest(tok):
        return False  # "gathered outside parliament to protest": they protested
    head = tok.head
    if head.lower_ in _INTENT_ADJ or head.lemma_.lower() in _INTENT_VERBS:
        return False  # "is willing to withdraw", "vowed to attack": a stated intention
    return head is not tok and head.lemma_.lower() not in ASPECTUAL


def _standing_support(tok: Any, typ: str) -> bool:
    """ "the government, backed by a coalition", "X, which is backed by Y": a standing tie
    (a relation), not an act."""
    if typ != "SUPPORT" or tok.tag_ != "VBN":
        return False
    kids = children(tok)
    if tok.dep_ in ("acl", "advcl"):
        return not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in kids)
    auxes = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
    return auxes in (["is"], ["are"], ["'s"]) and tok.lemma_.lower() in {"back", "support"}


def _obligation(tok: Any, res: Resolver) -> Found | None:
    """ "X said Y must ...": PLOVER codes a stated obligation as a REQUEST of Y."""
    if tok.lemma_.lower() not in SPEECH:
        return None
    for c in children(tok):
        if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in _OBLIGATION for a in children(c)
        ):
            speaker = verb_args(res, tok, "REQUEST")
            addressee = verb_args(res, c, "REQUEST")
            if not speaker.actors:
                return None
            args = Args(speaker.actors, [t for t in addressee.actors if t not in speaker.actors])
            args.heads = [*speaker.heads, *addressee.heads[:1]]
            return Found(tok, "REQUEST", None, args, False, tok.sent)
    return None


def _future_recode(tok: Any, typ: str) -> str:
    """PLOVER codes a stated intention to cooperate as AGREE, to act against as THREATEN."""
    aux = {c.lower_ for c in children(tok) if c.dep_ == "aux"}
    intent = tok.dep_ == "xcomp" and (
        tok.head.lower_ in _INTENT_ADJ or tok.head.lemma_.lower() in _INTENT_VERBS
    )  # "is ready to attack", "vowed to attack"
    if not (aux & _FUTURE or intent):
        return typ
    reported = any(a.lemma_.lower() in SPEECH for a in tok.ancestors) or intent
    if not reported:
        return typ
    conditional = any(
        c.dep_ == "advcl" and any(m.lower_ in _CONDITION for m in children(c))
        for c in children(tok)
    )
    if typ in _COOPERATIVE or (typ in ("RETREAT", "CONCEDE") and not conditional):
        return "AGREE"
    if typ in _CONFLICT:
        return "THREATEN"
    return typ


def _candidates(parsed: ParsedDoc, res: Resolver) -> list[Found]:
    out: list[Found] = []
    consumed: set[int] = set()
    for tok in tokens(parsed.doc):
        if tok.i in consumed:
            continue
        gerund = tok.tag_ == "VBG" and tok.dep_ in ("nsubj", "nsubjpass")  # "Fighting ... has"
        if tok.pos_ == "VERB" and not gerund:
            obj = light_object(tok)
            if obj is not None and _skip_infinitive(tok):
                consumed.add(obj.i)
                continue
            if obj is not None:
                key = light_key(tok, obj)
                key = (
                    verb_key(tok)
                    if tok.lemma_.lower() in ("impose", "sign", "lodge", "file", "launch")
                    and verb_key(tok)
                    else key
                )
                if key is None:
                    continue
                consumed.add(obj.i)
                args = verb_args(res, tok, key[0])
                extra = noun_args(res, obj, key[0])
                for eid in extra.actors + extra.targets:
                    if eid not in args.actors and eid not in args.targets:
                        args.targets.append(eid)
                args.locations.extend(x for x in extra.locations if x not in args.locations)
                args.heads.append(obj)
                out.append(Found(tok, key[0], key[1], args, False, tok.sent))
                continue
            took = taker(tok)
            if took is not None:  # "the town fell to the rebels"
                out.append(
                    Found(tok, "COERCE", "seize", fallen_args(res, tok, took), False, tok.sent)
                )
                continue
            key = verb_key(tok) or street_key(tok)
            if key is not None and (says_nothing(tok) or _standing_support(tok, key[0])):
                continue
            if key is None:
                found = _obligation(tok, res)
                if found is not None:
                    out.append(found)
                continue
            if _skip_infinitive(tok):
                consumed.update(c.i for c in children(tok) if c.dep_ == "dobj")
                continue
            typ = _future_recode(tok, key[0])
            if typ == "AGREE" and negated(tok):
                typ = "REJECT"  # "will not accept refugees"
            args = verb_args(res, tok, typ)
            if typ == "ASSAULT":
                launchers(res, tok, args)  # "rockets fired by X hit": X
            out.append(Found(tok, typ, key[1], args, False, tok.sent))
        elif tok.pos_ == "NOUN" or gerund:
            key = noun_key(tok)
            if key is None:
                continue
            out.append(Found(tok, key[0], key[1], noun_args(res, tok, key[0]), True, tok.sent))
    return out


def _keep(f: Found) -> bool:
    """Require a participant, or (for a noun or a weapon-led attack) a date."""
    a = f.args
    if a.unresolved and not a.actors:
        return False
    if f.noun:
        if f.date is None:  # an act named by a noun needs who did it and to whom, or where
            return bool(a.actors and (a.targets or a.locations or claimed(f)))
        return True
    if a.actors:
        return True
    if a.targets:  # a generic present ("warriors pledge allegiance") needs a time or an agent
        return f.date is not None or f.trigger.tag_ not in ("VBP", "VBZ")
    if f.type in _MATERIAL and (a.locations or f.date is not None):
        return f.trigger.tag_ in ("VBD", "VBN") or f.date is not None  # what, where, when
    return False


def _background(f: Found, reference: dt.date | None) -> bool:
    """An act dated well before the story's news (see ``_filters.background``)."""
    return f.date is not None and background(f.date, reference)


def _anaphoric(f: Found) -> bool:
    """A definite event noun ("the meeting") that names nothing new refers back."""
    return f.noun and any(c.dep_ == "det" and c.lower_ in _DETERMINERS for c in children(f.trigger))


def _compatible(a: DateRef | None, b: DateRef | None) -> bool:
    if a is None or b is None or not a.value or not b.value:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def extract_events(
    parsed: ParsedDoc,
    entities: EntityResult,
    dates: tuple[DateRef, ...],
    quotes: tuple[Quote, ...],
) -> EventResult:
    """Return the PLOVER events read from one document, one per act and participants."""
    res = Resolver(parsed.doc, entities)
    finder = DateFinder(parsed, dates)
    kept: list[Found] = []
    # what a new event may repeat: one of its type in its sentence, or anywhere for "the ..."
    of_type: dict[str, list[Found]] = {}
    in_sentence: dict[tuple[str, int, int], list[Found]] = {}
    by_trigger: dict[int, Found] = {}
    candidates = _candidates(parsed, res)
    every = {f.trigger.i: f for f in candidates}
    for f in candidates:
        check_time("events")
        f.args.targets = [t for t in f.args.targets if t not in f.args.actors]
        f.mode = mode(f.trigger, f.type, f.mode, f.args)
        f.date = finder.date_for(f.trigger, f.sent)
        by_trigger[f.trigger.i] = f
        by_the_act(f, by_trigger, every)
        if jailbreak(f, by_trigger):
            continue
        if not _keep(f):
            if _anaphoric(f) and f.args.locations and happening_verb(f.trigger) is not None:
                _placed(f, of_type.get(f.type, []))  # "the attack took place in X"
            continue
        ids = set(f.args.actors) | set(f.args.targets)
        here = (f.type, f.sent.start, f.sent.end)
        earlier = of_type.get(f.type, []) if _anaphoric(f) else in_sentence.get(here, [])
        if _anaphoric(f):  # "the attack on X": the story's telling, before the headline's
            earlier = sorted(earlier, key=lambda k: headline(k.sent))
        if _anaphoric(f) and _background(f, parsed.reference):
            earlier = []  # "blamed for the kidnapping of 17 missionaries last year": another act
        repeat = next((k for k in earlier if _dated_alike(k, f) and _same(ids, k, f)), None)
        if repeat is not None:
            if repeat.date is None and f.date is not None:
                repeat.date = f.date
            _merge(repeat, f)
            continue
        kept.append(f)
        of_type.setdefault(f.type, []).append(f)
        in_sentence.setdefault(here, []).append(f)
    _bare_claims(parsed, res, kept)
    kept, same_as, wars = refine(kept, parsed.text, entities, layout(parsed.text), parsed.reference)
    doc_id = parsed.document.id
    events = [e for f in kept if (e := built(f, doc_id, quotes, entities)) is not None]
    standing = [e for f in wars if (e := built(f, doc_id, quotes, entities)) is not None]
    return EventResult(
        tuple(renamed(e, same_as) for e in events),
        same_as,
        tuple(renamed(e, same_as) for e in standing),
    )


def _bare_claims(parsed: ParsedDoc, res: Resolver, kept: list[Found]) -> None:
    """ "X claimed responsibility." with nothing after it: X claims the attack told last, in
    its paragraph or the one before (as "claimed responsibility for the attack" would)."""
    for tok in tokens(parsed.doc):
        verb = tok.head
        if tok.lemma_ != "responsibility" or tok.dep_ != "dobj" or verb.lemma_ != "claim":
            continue
        if any(c.dep_ == "prep" for c in children(tok)) or negated(verb):
            continue  # "for the attack", "of the raid": that noun is the act
        subj = next((c for c in children(verb) if c.dep_ == "nsubj"), None)
        ids = res.ids(subj, frozenset({"ORG"})) if subj is not None else []
        before = [f for f in kept if f.type == "ASSAULT" and f.sent.end <= tok.i]
        if not ids or not before:
            continue
        last = max(before, key=lambda f: f.sent.start)
        if parsed.text.count("\n\n", last.sent.end_char, int(tok.idx)) <= 1:
            last.args.actors.extend(i for i in ids if i not in last.args.actors)
            last.sentences.append(tok.sent)  # a telling of it: who did it, by its word
            last.triggers.append(tok)


def _placed(f: Found, earlier: list[Found]) -> None:
    """ "The attack took place in X": the place of the act of its type told before (the story's
    telling before the headline's)."""
    for k in sorted(earlier, key=lambda k: headline(k.sent)):
        if _dated_alike(k, f):
            k.args.locations.extend(x for x in f.args.locations if x not in k.args.locations)
            return


def _dated_alike(k: Found, f: Found) -> bool:
    """Compatible dates; in one sentence, also two days next to each other ("overnight
    Thursday to Friday")."""
    if _compatible(k.date, f.date):
        return True
    a, b = k.date, f.date
    if _anaphoric(f) or a is None or b is None or not a.start_date or not b.start_date:
        return False
    try:
        gap = abs(dt.date.fromisoformat(a.start_date) - dt.date.fromisoformat(b.start_date))
    except ValueError:
        return False
    return gap <= dt.timedelta(days=1)


def _same(ids: set[str], earlier: Found, f: Found) -> bool:
    """Whether ``f`` repeats ``earlier``: its participants are among the other's, or (in one
    sentence: "attacked and attacked again X") the other's among its own."""
    theirs = set(earlier.args.actors) | set(earlier.args.targets)
    if set(f.args.actors) & set(earlier.args.targets) - set(earlier.args.actors):
        return False  # the victims of one act are the attackers of the other
    if set(earlier.args.actors) & set(f.args.targets) - set(f.args.actors):
        return False
    if not f.args.actors and f.trigger in earlier.trigger.subtree:
        return True  # "staged a raid ... an attempt to kill X": one act and its aim
    if (
        f.trigger.dep_ == "advcl"
        and f.trigger.tag_ == "VBG"
        and f.trigger.head.i == earlier.trigger.i
        and set(f.args.actors) <= set(earlier.args.actors)
    ):
        return True  # "staged an attack on a post, killing three soldiers": its toll
    head = f.trigger.head
    if head.dep_ == "conj" and head.head.i == earlier.trigger.i:
        head = head.head  # "were killed and six injured when X attacked": the whole toll
    if not earlier.args.actors and head.i == earlier.trigger.i and f.trigger.dep_ in _TOLD_BY:
        return True  # "two soldiers were wounded when rebels ambushed ...": a toll and its act
    return ids <= theirs or (not _anaphoric(f) and theirs <= ids)


def _merge(into: Found, other: Found) -> None:
    for name in ("actors", "targets", "locations"):
        have: list[str] = getattr(into.args, name)
        have.extend(x for x in getattr(other.args, name) if x not in have)
    if into.mode is None:
        into.mode = other.mode
