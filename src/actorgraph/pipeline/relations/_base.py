"""The shared core of the relation reader: found facts, the entity lookups, the filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from actorgraph.model import DateRef, Entity
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.relations._args import Args, Token
from actorgraph.pipeline.relations._lexicon import PLACE_TYPES

ORGS = frozenset({"ORG"})
ORG_OR_STATE = frozenset({"ORG", "GPE", "NORP"})


@dataclass
class Found:
    subject: Entity
    predicate: str
    object: Entity
    tokens: list[Token]
    role: str | None = None
    mode: tuple[str, ...] = ()
    past: bool = False
    confidence: float = 0.85
    leads: bool = False  # the subject leads the fight ("is leading the fighting against Z")


class ReaderBase:
    def __init__(self, parsed: ParsedDoc, entities: EntityResult, dates: tuple[DateRef, ...]):
        self.parsed = parsed
        self.doc = parsed.doc
        self.args = Args(parsed.doc, entities)
        self.entities = entities
        self.dates = dates
        self.found: list[Found] = []
        self._country: Entity | bool | None = False

    def add(self, subj: Entity | None, pred: str, obj: Entity | None, tokens: list[Token],
            **kw: Any) -> None:  # fmt: skip
        if subj is None or obj is None or subj.id == obj.id:
            return
        if pred in {"located_in", "operates_in", "commands"} and obj.type not in PLACE_TYPES:
            if pred != "commands" or obj.type != "ORG":
                return
        elif pred not in {"located_in", "operates_in", "commands"} and obj.type in {"LOC", "FAC"}:
            return
        self.found.append(Found(subj, pred, obj, tokens, **kw))

    def country(self) -> Entity | None:
        """The state the document is mostly about (for titles that name none)."""
        if self._country is False:
            states = [e for e in self.entities.entities if e.type == "GPE"]
            counts = Counter({e.id: len(e.mentions) for e in states})
            best = counts.most_common(1)
            top = next((e for e in states if best and e.id == best[0][0]), None)
            self._country = top if top is not None and len(top.mentions) >= 3 else None
        return self._country if isinstance(self._country, Entity) else None

    def _pobjs(self, prep: Token, types: frozenset[str]) -> list[Entity]:
        out = []
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for t in (pobj, *[c for c in pobj.children if c.dep_ == "conj"]):
                e = self.args.actor(t, types)
                if e is not None:
                    out.append(e)
        return out
