"""Find named entities and group their mentions into document-level entities."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.nlp import ParsedDoc

STAGE = "entities.v1"
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW"})


@dataclass(frozen=True)
class EntityResult:
    """Entities of one document, with lookups by id and by character offset."""

    entities: tuple[Entity, ...]
    _starts: list[int] = field(default_factory=list, compare=False, repr=False)
    _index: list[tuple[int, int, str]] = field(default_factory=list, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = sorted((m.start, m.end, e.id) for e in self.entities for m in e.mentions)
        self._index.extend(index)
        self._starts.extend(s for s, _, _ in index)

    def by_id(self, entity_id: str | None) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def at(self, start: int, end: int) -> Entity | None:
        """Return the entity with a mention overlapping [start, end), if any."""
        i = bisect.bisect_right(self._starts, end)
        for s, e, eid in reversed(self._index[max(0, i - 50) : i]):
            if s < end and e > start:
                return self.by_id(eid)
        return None

    def mentions_in(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Return the mentions inside [start, end), in text order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        out = []
        for s, e, eid in self._index[lo:hi]:
            if e <= end:
                ent = self.by_id(eid)
                assert ent is not None
                out.extend((m, ent) for m in ent.mentions if m.start == s and m.end == e)
        return out


def extract_entities(parsed: ParsedDoc) -> EntityResult:
    """Group the NER mentions of a document by their text (alias resolution comes later)."""
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in parsed.doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        m = Mention(ent.start_char, ent.end_char, ent.text, ent.label_)
        groups.setdefault((ent.label_, ent.text), []).append(m)
    entities = []
    for i, ((label, name), mentions) in enumerate(groups.items(), 1):
        entities.append(
            Entity(
                id=f"E{i}",
                name=name,
                type=label,
                mentions=tuple(mentions),
                aliases=(name,),
                stage=STAGE,
            )
        )
    return EntityResult(tuple(entities))
