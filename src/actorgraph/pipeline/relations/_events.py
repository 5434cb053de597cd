"""Two sides of an attack fight each other: an ASSAULT event whose actor and target are
both armed (a state, its forces, an armed group) gives ``fights_against``.

The events stage has already joined a sentence's act to who did it and to whom, through
nouns and clauses the relation rules do not read ("was involved in a gunfight with X",
"an attack on X, claimed by Y"); what it found is evidence of the fight as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from actorgraph.model import Entity, Event, Evidence, Relation
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.relations._lexicon import ARMED_KINDS

UNIDENTIFIED = "Unidentified "
SHARE = 0.85  # of the event's confidence: the pair, not the act, is what is claimed


def _side(e: Entity | None) -> bool:
    return e is not None and (e.type == "GPE" or (e.type == "ORG" and e.kind in ARMED_KINDS))


def _home(e: Entity, other: Entity) -> bool:
    """A state and its own forces ("Mali" and "Military Forces of Mali") are one side."""
    return e.type == "GPE" and other.name.endswith(f" of {e.name}")


def fights_from_events(
    events: Iterable[Event], entities: EntityResult, stage: str
) -> Iterator[Relation]:
    """One relation per (actor, target) pair of each armed attack, its evidence the event's
    first sentence, its claim status the event's."""
    for ev in events:
        if ev.type != "ASSAULT" or not ev.evidence:
            continue
        first = ev.evidence[0]
        for a in ev.actors:
            for t in ev.targets:
                ea, et = entities.by_id(a), entities.by_id(t)
                if ea is None or et is None or a == t or not (_side(ea) and _side(et)):
                    continue
                if _home(ea, et) or _home(et, ea):
                    continue
                if ea.name.startswith(UNIDENTIFIED) and et.name.startswith(UNIDENTIFIED):
                    continue
                conf = round(ev.confidence * SHARE, 3)
                yield Relation(
                    subject=a,
                    predicate="fights_against",
                    object=t,
                    evidence=(Evidence(first.document_id, first.start, first.end, stage, conf),),
                    modality=ev.modality,
                    attributed_to=ev.attributed_to,
                    confidence=conf,
                )
