"""Where an event happened: the places its sentence puts things in, else the story's
dateline (in the country the story is about); never where its speaker is."""

from __future__ import annotations

from typing import Any

from actorgraph.model import Entity
from actorgraph.pipeline.entities import EntityResult, country_name
from actorgraph.pipeline.events._found import Found
from actorgraph.pipeline.events._lexicon import words
from actorgraph.pipeline.events._resolver import PLACE_TYPES
from actorgraph.pipeline.layout import Layout
from actorgraph.pipeline.lexicon import PLACE_NOUNS
from actorgraph.pipeline.nlp import children
from actorgraph.pipeline.places import COMPASS, distance_km

PLACE_PREPS = words("in near at outside around across inside into on throughout along off over")
_REGION_KM = 150.0  # a town this near a region's centre, its region unknown, lies in it
# Nouns for a piece of a place: "residential areas of X", "the outskirts of X".
PARTS = words("area part outskirts suburb centre center heart edge street neighbourhood")
SAYS = words("say tell report put estimate state claim confirm give")


class Where:
    """Placing events; the refiner gives the entities, the layout and the home country."""

    entities: EntityResult
    page: Layout
    home_code: str | None

    def paragraph(self, char: int) -> int:
        raise NotImplementedError

    # -- where -------------------------------------------------------------------
    def place(self, f: Found) -> None:
        """The places its sentence puts things in, else the story's dateline."""
        if any(not self._is_country(i) for i in f.args.locations):
            own = [i for i in self._object_place(f.trigger) if i not in f.args.locations]
            f.args.locations = [*own, *f.args.locations]  # "took the village of X in Y"
            return
        found: list[str] = []
        for tok in f.sent:
            if tok.dep_ != "pobj":
                continue
            prep = tok.head
            of_place = prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS | PARTS
            if prep.lower_ not in PLACE_PREPS and not of_place:
                continue  # "in X", "near X", "the town of X"
            if _in_speaker(tok):
                continue  # "a source in Kyiv told Reuters": where the speaker is
            if _other_clause(tok, f.trigger):
                continue  # "..., the latest of attacks it says are for those in X": not here
            e = self.entities.at(tok.idx, tok.idx + len(tok.text))
            if e is None and tok.lower_ in PLACE_NOUNS:
                e = self._named_in(tok)  # "in Russia's Bryansk region"
            if e is None or e.type not in PLACE_TYPES or e.id in found:
                continue
            if e.id in f.args.actors or e.id in f.args.targets:
                continue
            found.append(e.id)
        specific = [i for i in found if not self._is_country(i)]
        if specific:
            f.args.locations = [*specific, *(i for i in f.args.locations if i not in specific)]
        elif found and not f.args.locations:
            f.args.locations = found
        if not f.args.locations and self.page.datelines:
            d = self.page.datelines[0]
            if self.paragraph(f.sent.start_char) == self.paragraph(d.start):
                start, end = d.places[0]
                ent = self.entities.at(start, end)
                if ent is not None and ent.type in PLACE_TYPES and self._at_home(ent):
                    f.args.locations = [ent.id]

    def _object_place(self, trigger: Any) -> list[str]:
        """The place the trigger's object names: "captured the village of X"."""
        out = []
        for obj in (c for c in children(trigger) if c.dep_ == "dobj"):
            if obj.lemma_.lower() not in PLACE_NOUNS | PARTS:
                continue
            for prep in (c for c in children(obj) if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in children(prep) if c.dep_ == "pobj"):
                    e = self.entities.at(pobj.idx, pobj.idx + len(pobj.text))
                    if e is not None and e.type in PLACE_TYPES:
                        out.append(e.id)
        return out

    def _named_in(self, noun: Any) -> Entity | None:
        """The place a place noun's own words name, a region before its country."""
        named = [
            e
            for c in children(noun)
            if c.dep_ in {"compound", "nmod", "poss", "amod"}
            and c.i < noun.i
            and (e := self.entities.at(c.idx, c.idx + len(c.text))) is not None
            and e.type in PLACE_TYPES
        ]
        return next((e for e in named if not country_name(e)), named[0] if named else None)

    def _at_home(self, e: Entity) -> bool:
        """A dateline's place is the event's only in the country the story is about (wire
        copy is filed from elsewhere, too)."""
        if e.place is None or not e.place.country:
            return False
        return self.home_code is not None and e.place.country == self.home_code

    def nested(self, kl: set[str], fl: set[str]) -> bool:
        """One telling's region holds the other's town ("in the Northwest region" and "near
        Ndop"): by the town's region where the gazetteer gives it, else by distance."""
        if {_base(e) for e in filter(None, map(self.entities.by_id, kl))} & {
            _base(e) for e in filter(None, map(self.entities.by_id, fl))
        }:
            return True  # "south Kashmir" and "Kashmir": a part of it
        for a, b in ((kl, fl), (fl, kl)):
            for region in filter(None, map(self.entities.by_id, a)):
                rp = region.place
                if rp is None or rp.precision != "region":
                    continue
                for town in filter(None, map(self.entities.by_id, b)):
                    tp = town.place
                    if tp is None or tp.precision != "city" or tp.country != rp.country:
                        continue
                    if tp.admin1 == rp.admin1 or (
                        tp.admin1 is None
                        and distance_km(tp.lat, tp.lon, rp.lat, rp.lon) < _REGION_KM
                    ):
                        return True
        return False

    def named_beside(self, k: Any, f: Any, kl: set[str], fl: set[str]) -> bool:
        """One telling's place is named in the other's sentence as where the other's is:
        the headline's "near Goma" and the lead's "around Sake, 25 km west of Goma"."""
        for places, other in ((kl, f), (fl, k)):
            here = self.entities.mentions_in(other.sent.start_char, other.sent.end_char)
            if any(e.id in places for _, e in here):
                return True
        return False

    def _is_country(self, eid: str) -> bool:
        e = self.entities.by_id(eid)
        return e is not None and country_name(e) is not None


def _base(e: Entity) -> str:
    """A place's name without the compass words that name a part of it."""
    words = e.name.split()
    while len(words) > 1 and words[0].lower() in COMPASS:
        words = words[1:]
    return " ".join(words)


def _in_speaker(tok: Any) -> bool:
    """Whether a word is in the subject of a speech verb ("a source in Kyiv said")."""
    for up in [tok, *tok.ancestors]:
        if up.dep_ in {"nsubj", "nsubjpass"}:
            return up.head.lemma_.lower() in SAYS
    return False


def _other_clause(tok: Any, trigger: Any) -> bool:
    """Whether a word is in a relative clause that tells of something else than the act: one
    that neither holds the trigger nor describes the trigger or its object."""
    for up in [tok, *tok.ancestors]:
        if up.i == trigger.i:
            return False
        if up.dep_ != "relcl":
            continue
        noun = up.head
        if trigger in up.subtree or noun.i == trigger.i or noun.head.i == trigger.i:
            return False  # "attacked the village, which lies in Y": the object's place
        prep = noun.head
        return not (prep.dep_ == "prep" and prep.head.i == trigger.i)
    return False
