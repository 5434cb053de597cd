"""From what the events stage found to the ``Event`` it stores: who says so, how sure, the
sentences that tell it and the counts it carries."""

from __future__ import annotations

from dataclasses import replace

from actorgraph.model import Casualty, Event, Evidence, Quote
from actorgraph.pipeline.claims import Claim, claim_for, said_by
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.events._acts import headline
from actorgraph.pipeline.events._casualties import gives_toll
from actorgraph.pipeline.events._filters import without_own_state
from actorgraph.pipeline.events._found import Found
from actorgraph.pipeline.events._lexicon import SPEECH
from actorgraph.pipeline.nlp import negated

STAGE = "events.v2"
FLOOR = 0.4  # the least confidence an event with no actor, place or date needs


def _confidence(f: Found) -> float:
    score = 0.35 + 0.2 * bool(f.args.actors) + 0.1 * bool(f.args.targets)
    score += 0.15 * (f.date is not None) + 0.05 * bool(f.args.locations)
    depth = sum(1 for a in f.trigger.ancestors if a.pos_ in ("VERB", "AUX", "NOUN"))
    depth -= sum(1 for a in f.trigger.ancestors if a.lemma_.lower() in SPEECH)
    score -= 0.08 * min(max(depth, 0), 4) + 0.05 * f.noun
    return round(max(0.1, min(score, 0.95)), 3)


# Acts of help that a denial names ("denies arming the group") are no events of their own.
_DENIED_NO_ACT = frozenset({"SUPPORT", "AID", "COOPERATE"})


def built(f: Found, doc_id: str, quotes: tuple[Quote, ...], entities: EntityResult) -> Event | None:
    """The event ``f`` tells, or None when no one did it and little else is sure."""
    f.args.actors = without_own_state(f.args.actors, entities)
    claim = claim_for([f.trigger, *f.args.heads], f.sent, quotes, entities)
    if claim.modality == "asserted" and f.triggers and headline(f.sent):
        # a headline drops who says so: the story's telling of it says
        tellings = (claim_for([t], t.sent, quotes, entities) for t in f.triggers)
        claim = next((c for c in tellings if c.modality in {"reported", "alleged"}), claim)
    if claim.modality == "denied" and f.type in _DENIED_NO_ACT:
        return None  # "X denies supporting Y": the denial (REJECT) is the act; the tie is told
    own_denial = f.type == "REJECT" and claim.modality == "denied"
    if own_denial and not negated(f.trigger):
        claim = replace(claim, modality="asserted", confidence=1.0)  # "rejected" itself
    conf = round(_confidence(f) * (0.5 + 0.5 * claim.confidence), 3)
    if conf < FLOOR and not f.args.actors and not (f.args.locations and f.date):
        return None  # no one did it, and little else is sure: right one time in five on tune
    told = [f.sent, *(s for s in f.sentences if s.start != f.sent.start)]
    return Event(
        type=f.type,
        evidence=tuple(Evidence(doc_id, s.start_char, s.end_char, STAGE, conf) for s in told),
        actors=tuple(f.args.actors),
        targets=tuple(f.args.targets),
        locations=tuple(f.args.locations),
        mode=f.mode,
        date=f.date,
        modality=claim.modality,
        attributed_to=claim.attributed_to,
        confidence=conf,
        casualties=_casualties(f, doc_id, quotes, entities, conf),
    )


def renamed(ev: Event, same_as: dict[str, str]) -> Event:
    """The event with every entity id in ``same_as`` replaced by the one it maps to."""
    if not same_as:
        return ev

    def ids(xs: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(same_as.get(x, x) for x in xs))

    def one(x: str | None) -> str | None:
        return same_as.get(x, x) if x is not None else None

    actors = ids(ev.actors)
    return replace(
        ev,
        actors=actors,
        targets=tuple(t for t in ids(ev.targets) if t not in actors),
        locations=ids(ev.locations),
        attributed_to=one(ev.attributed_to),
        casualties=tuple(replace(c, attributed_to=one(c.attributed_to)) for c in ev.casualties),
    )


def _casualties(
    f: Found, doc_id: str, quotes: tuple[Quote, ...], entities: EntityResult, conf: float
) -> tuple[Casualty, ...]:
    """The event's counts, one per kind and value, each with who gives it."""
    out: list[Casualty] = []
    for c in f.casualties:
        if any(x.kind == c.kind and x.value == c.value for x in out):
            continue
        claim = claim_for([c.governor], c.governor.sent, quotes, entities)
        if gives_toll(c.governor):  # "X put the death toll at 52": X's count
            claim = Claim("reported", said_by(c.governor, entities), claim.confidence)
        out.append(
            Casualty(
                kind=c.kind,  # type: ignore[arg-type]
                value=c.value,
                qualifier=c.qualifier,
                evidence=(Evidence(doc_id, c.start, c.end, STAGE, conf),),
                modality="reported" if claim.modality == "reported" else "asserted",
                attributed_to=claim.attributed_to,
            )
        )
    return tuple(out)
