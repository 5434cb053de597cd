"""The shared core of the relation reader: found facts, the entity lookups, the filters."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from actorgraph.model import DateRef, Entity
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.lexicon import PERSON_TITLES, lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc, children
from actorgraph.pipeline.relations._args import Args, Token
from actorgraph.pipeline.relations._lexicon import ACTOR_TYPES, ARMED_KINDS, PLACE_TYPES, RANKS
from actorgraph.pipeline.relations._words import BLOCKING_VERBS

ORGS = frozenset({"ORG"})
ORG_OR_STATE = frozenset({"ORG", "GPE", "NORP"})
TO_PLACE = frozenset({"located_in", "operates_in"})
# Predicates between two actors whose object may be a person.
SIDED = frozenset({"fights_against", "allied_with", "supported_by", "allegiance_to", "ties_to"})
PERSON_OBJECTS = frozenset(
    {"allied_with", "fights_against", "ties_to", "allegiance_to", "supported_by", "commands"}
)


@dataclass
class Found:
    subject: Entity
    predicate: str
    object: Entity
    tokens: list[Token]
    role: str | None = None
    mode: tuple[str, ...] = ()
    past: bool = False
    confidence: float = 0.9  # titles and appositions: right 12 times in 13 on the dev tune split
    leads: bool = False  # the subject leads the fight ("is leading the fighting against Z")
    guessed: bool = False  # the state of a bare title, taken to be the document's country


class ReaderBase:
    def __init__(self, parsed: ParsedDoc, entities: EntityResult, dates: tuple[DateRef, ...]):
        self.parsed = parsed
        self.doc = parsed.doc
        self.args = Args(parsed.doc, entities)
        self.entities = entities
        self.dates = dates
        self.found: list[Found] = []
        self._home: Entity | bool | None = False

    def add(self, subj: Entity | None, pred: str, obj: Entity | None, tokens: list[Token],
            **kw: Any) -> None:  # fmt: skip
        if subj is None or obj is None or subj.id == obj.id:
            return
        if not _named(subj) or not _named(obj) or (tokens and blocked(tokens[0])):
            return  # "works_for state": a common noun is no actor
        if pred == "member_of" and subj.type == obj.type == "ORG":
            pred = "part_of"  # "X joined the Y alliance": a group is part of a group
        if pred in TO_PLACE:
            place = obj.type in PLACE_TYPES or obj.id in self.args.named_places
            if not place or subj.type not in ACTOR_TYPES | PLACE_TYPES:
                return
            if pred == "operates_in" and subj.type in PLACE_TYPES:
                return  # a town "operating in" a town: its name was read for a group's
            if subj.name.endswith((f" of {obj.name}", f" ({obj.name})")):
                return  # "Police Forces of Mali" in Mali: its name says so, the text does not
        elif pred == "commands":
            if obj.type not in PLACE_TYPES | ORGS or subj.type not in {"PERSON", "ORG"}:
                return
        elif pred == "holds_role":
            obj = self.state_of(obj) if obj.type == "NORP" else obj
            if obj is None or subj.type != "PERSON" or obj.type == "PERSON":
                return
        elif (
            "LOC" in {subj.type, obj.type}
            or "FAC" in {subj.type, obj.type}
            or (obj.type == "PERSON" and pred not in PERSON_OBJECTS)
        ):
            return
        elif pred == "supported_by" and (subj.type != "ORG" or obj.type == "PERSON"):
            return  # a person "supports" a candidate: politics, not patronage
        elif pred == "supported_by" and not _side(obj):
            obj = self.state_of(obj)  # "backed by Tehran": a capital for its state
            if obj is None or obj.id == subj.id:
                return
        elif pred in SIDED and not (_side(subj) and _side(obj)):
            return  # "Kurdish" fighters, the town of Z: a people or a place is no side
        if pred in {"supported_by", "allied_with"} and (
            subj.name.endswith(f" of {obj.name}") or obj.name.endswith(f" of {subj.name}")
        ):
            return  # a state "backing" its own forces: the phrase hangs on the wrong noun
        self.found.append(Found(subj, pred, obj, tokens, **kw))

    def state_of(self, entity: Entity) -> Entity | None:
        """Return the country entity a demonym or a place stands for ("Italian" -> Italy)."""
        country = entity.place is not None and entity.place.precision == "country"
        known = lookup_actor(entity.name) if entity.type == "GPE" else None
        if entity.type == "GPE" and (country or (known is not None and known.type == "GPE")):
            return entity
        code = entity.place.country if entity.place is not None else None
        for e in self.entities.entities:
            if e.type != "GPE" or e.place is None or e.place.precision != "country":
                continue
            if code is not None and e.place.country == code:
                return e
            if code is None and {a.lower() for a in entity.aliases} & {
                a.lower() for a in e.aliases
            }:
                return e
        return None

    def country(self) -> Entity | None:
        """Return the country the document is about, when the text names it and its towns and
        mentions point there clearly (for titles that name no state)."""
        if self._home is False:
            towns: Counter[str] = Counter()
            named: Counter[str] = Counter()
            for e in self.entities.entities:
                p = e.place
                if e.type not in PLACE_TYPES or p is None or not p.country:
                    continue
                if p.precision == "country":
                    named[p.country] += len(e.mentions)
                else:
                    towns[p.country] += len(e.mentions)
            # A town or region says where the story is more than a country's name does;
            # with no town, the country named far more often than any other.
            score = towns if any(towns[c] for c in named) else named
            ranked = sorted(named, key=lambda c: (-score[c], -named[c]))
            top = ranked[0] if ranked else None
            runner = score[ranked[1]] if len(ranked) > 1 else 0
            lead = score[top] if top is not None else 0
            enough = score is towns or (lead >= 3 and lead >= 2 * runner)
            home = None
            if top is not None and lead >= 1 and lead > runner and enough:
                home = next(
                    e
                    for e in self.entities.entities
                    if e.place is not None
                    and e.place.precision == "country"
                    and e.place.country == top
                    and e.type in PLACE_TYPES
                )
            self._home = home
        return self._home if isinstance(self._home, Entity) else None

    def force_of(self, side: Entity | None) -> Entity | None:
        """Return the forces of a side: itself if armed, else the state force the entities stage
        made for a state or its government ("the Rwandan government deployed a force")."""
        if side is None or side.kind in ARMED_KINDS:
            return side
        name = side.name if side.type == "GPE" else None
        if side.kind == "government" and side.name.startswith("Government of "):
            name = side.name.removeprefix("Government of ")
        for e in self.entities.entities if name else ():
            if e.kind == "state_force" and e.name == f"Military Forces of {name}":
                return e
        return None

    def _pobjs(self, prep: Token, types: frozenset[str]) -> list[Entity]:
        out: list[Entity] = []
        if not any(True for _ in children(prep)) and prep.i + 1 < len(prep.doc):
            e = self.args.at(prep.doc[prep.i + 1], types)  # a dangling "by": the parse hung
            return [e] if e is not None else []  # its object on another word
        for pobj in children(prep):
            if pobj.dep_ == "conj" and pobj.pos_ == "ADP" and pobj.lower_ == prep.lower_:
                out.extend(self._pobjs(pobj, types))  # "in Z and in W"
            if pobj.dep_ != "pobj":
                continue
            if types == PLACE_TYPES:
                out.extend(self.args.places(pobj))
                continue
            for t in (pobj, *[c for c in children(pobj) if c.dep_ == "conj"]):
                e = self.args.actor(t, types)
                if e is not None:
                    out.append(e)
        if types == PLACE_TYPES:  # "in Cabo Delgado, northern Mozambique": the finer place
            inner = {e.place.country for e in out if e.place and e.place.precision != "country"}
            out = [e for e in out if not (e.place and e.place.precision == "country"
                                          and e.place.country in inner)]  # fmt: skip
        return out


def _side(e: Entity) -> bool:
    """Read an actor that can fight or ally: not a people, not a town (a country may)."""
    if e.type == "NORP":
        return False
    if e.type != "GPE":
        return True
    if e.place is not None and e.place.precision == "country":
        return True
    known = lookup_actor(e.name)  # a place the gazetteer does not know: a town, unless
    return known is not None and known.type == "GPE"  # the lexicon knows it for a state


def blocked(tok: Token) -> bool:
    """Read 'to prevent the group from operating in Z': what follows is kept from being so."""
    for anc in tok.ancestors:
        if anc.lemma_ in BLOCKING_VERBS:
            return True
        if anc.pos_ == "VERB" and anc.dep_ not in {"pcomp", "xcomp", "prep"}:
            return False
    return False


def _named(e: Entity) -> bool:
    """Read a name, not a common noun the model took for one ("state", "officials") nor a
    figure ("Trump 47.3 percent")."""
    words = e.name.lower().split()
    figure = "percent" in words or "%" in e.name or sum(w[0].isdigit() for w in words) > 1
    title = all(w.strip(".") in RANKS or w in PERSON_TITLES for w in words)  # "Brigadier General"
    return any(c.isupper() for c in e.name) and not figure and not title
