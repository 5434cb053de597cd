"""What is not an event, or not this event: guesses, stances, speakerless statements, and
dates that put a telling well before the story's news."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from actorgraph.model import DateRef
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.events._casualties import HURT
from actorgraph.pipeline.events._found import Found
from actorgraph.pipeline.events._lexicon import LIGHT_VERBS
from actorgraph.pipeline.nlp import GUESS_MODALS, children, conditional

_BACKGROUND = re.compile(
    r"\bago\b|\blast\b|\bearlier\b|\bprevious\b|\b(?:19|20)\d\d\b|\b(?:january|february|march|"
    r"april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
RECENT_DAYS = 6  # a weekday ("on Sunday") is at most six days before: the news the lead tells


def background(date: DateRef | None, reference: dt.date | None) -> bool:
    """Whether a date puts an event well before the story's own news ("two weeks ago",
    "in November", "in 2016"), so an undated lead does not tell it."""
    if date is None:
        return False
    if reference is not None and date.end_date:
        try:
            end = dt.date.fromisoformat(date.end_date)
        except ValueError:
            return False
        return end < reference - dt.timedelta(days=RECENT_DAYS)
    return bool(_BACKGROUND.search(date.text or ""))


NEEDS_ACTOR = frozenset(
    {"ACCUSE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "AGREE", "CONSULT", "COOPERATE",
     "AID", "SANCTION"}
)  # fmt: skip
SPECULATIVE = GUESS_MODALS - {"would", "should"}  # "would attack" is a threat, told as one
STANCES = frozenset({"oppose", "support", "back", "favor", "favour"})


def unfounded(f: Found) -> bool:
    """A statement with no one making it, a guess ("may have pledged"), a condition ("if
    they attack"), or a standing attitude ("X opposes Y's rule") rather than an act."""
    if f.type in NEEDS_ACTOR and not f.args.actors:
        return True
    t = f.trigger
    if conditional(t) or any(c.dep_ == "aux" and c.lower_ in SPECULATIVE for c in children(t)):
        return True
    return t.lemma_.lower() in STANCES and t.tag_ in {"VBZ", "VBP"}  # "X backs Y since 2015"


def concrete(f: Found) -> bool:
    """An unattributed incident worth keeping: a weapon named, or a place and a date."""
    weapon = f.type == "ASSAULT" and f.mode not in (None, "beat")
    return weapon or bool(f.args.locations and f.date is not None)


def since(verb: Any) -> bool:
    """A "since" phrase or clause on the verb ("since 2019", "since the war began")."""
    return any(c.lower_ == "since" and c.dep_ in {"prep", "mark"} for c in children(verb)) or any(
        c.dep_ == "advcl" and any(m.lower_ == "since" for m in children(c)) for c in children(verb)
    )


_SPANS = frozenset({"year", "decade", "month", "week"})


def lasting(verb: Any) -> bool:
    """A "for years" phrase on the verb ("has fought for years", "for more than a decade")."""
    return any(
        c.lower_ == "for"
        and c.dep_ == "prep"
        and any(o.lemma_.lower() in _SPANS for o in children(c))
        for c in children(verb)
    )


def without_own_state(actors: list[str], entities: EntityResult) -> list[str]:
    """ "a Myanmar junta air strike": the state acted through its forces or government, who
    are the actors; the country is no second one beside them."""
    named = [e for i in actors if (e := entities.by_id(i)) is not None]
    through = {e.name for e in named if e.type == "ORG" and e.kind in {"state_force", "government"}}
    return (
        [
            i
            for i, e in zip(actors, named, strict=False)
            if not (e.type == "GPE" and any(n.endswith(f" of {e.name}") for n in through))
        ]
        if len(named) == len(actors)
        else actors
    )


_MANY = frozenset({"thousands", "tens", "hundreds", "millions", "scores"})


def cumulative(verb: Any) -> bool:
    """A war's toll so far, not one happening: "the insurgency has killed more than 13,000
    people", "jihadists that have killed tens of thousands", "has so far killed": a perfect
    with "so far" or a toll in the thousands."""
    aux = {c.lower_ for c in children(verb) if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ != "VBN" or not aux & {"has", "have"}:
        return False
    if any(
        c.lower_ == "far" and any(m.lower_ == "so" for m in children(c)) for c in children(verb)
    ):
        return True
    for c in children(verb):
        if c.dep_ not in {"dobj", "nsubj", "nsubjpass"}:
            continue
        if c.lower_ in _MANY:
            return True
        for n in children(c):
            if n.dep_ == "nummod" and (n.lower_ in _MANY or _thousands(n.text)):
                return True
    return False


_TALLY = frozenset({"tally", "since", "total", "overall", "altogether"})
_HURT_TOTALS = HURT | {"displace", "abduct", "die"}


def running_total(sent: Any) -> bool:
    """A toll told as the total so far, not one attack's: "More than 200 fighters have
    been killed in the region, according to a tally": a perfect of hurting with a word of
    tallying ("tally", "since", "in total", "so far") in its sentence."""
    toks = list(sent)
    perfect = any(
        t.tag_ == "VBN"
        and t.lemma_.lower() in _HURT_TOTALS
        and {c.lower_ for c in children(t) if c.dep_ in {"aux", "auxpass"}} & {"has", "have"}
        for t in toks
    )
    so_far = any(t.lower_ == "far" and i and toks[i - 1].lower_ == "so" for i, t in enumerate(toks))
    return perfect and (so_far or any(t.lower_ in _TALLY for t in toks))


def _thousands(number: str) -> bool:
    digits = number.replace(",", "")
    return digits.isdigit() and int(digits) >= 1000


_REPEATED = frozenset({"several", "many", "numerous", "repeated", "frequent", "dozens", "scores",
                   "series", "string", "wave", "spate", "multiple"})  # fmt: skip


def record(f: Found, verb: Any) -> bool:
    """Acts told as many with no date or number ("has carried out attacks"), or as many
    within a year or a month ("has carried out several air strikes this year"): the
    trigger or a light verb's object in the plural."""
    coarse = f.date is not None and len(f.date.value or "") <= 7
    many = coarse and any(w.lower_ in _REPEATED for w in verb.subtree)
    if any(
        (w.ent_type_ in {"DATE", "TIME"} and not many)
        or (w.pos_ == "NUM" and w.ent_type_ not in {"DATE", "TIME"})
        for w in verb.subtree
    ):
        return False
    if f.noun:
        return bool(f.trigger.tag_ == "NNS")
    light = verb.lemma_.lower() in LIGHT_VERBS
    return light and any(c.dep_ == "dobj" and c.tag_ == "NNS" for c in children(verb))
