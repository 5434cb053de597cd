"""Resolve place entities to coordinates, country and region from an offline gazetteer.

Each GPE/LOC/FAC entity (and a people or country entity the alias stage named after a
country) is looked up by its name, then its aliases, and scored in the document's
context (see ``_score``). First the entities the NER model got wrong are repaired (see
``_repair``): the dateline city, "X and Y" region names, facilities, "X province" next
to a city X. Once the document's countries are known, persons and organisations
written as places are retyped, names the model missed are added, and names the
gazetteer does not know exactly are looked up as spelling variants in those countries.

A place the gazetteer does not know (a village) takes the place of its container when
the text gives one ("X, Iraq", "the Iraqi village of X", "X in Diyala Province",
"near X in Syria", a facility "east of Y"): the container's coordinates and precision,
with ``raw`` naming the container, so an analyst can still map the event at the
precision the text supports.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from actorgraph.model import Entity, Mention, Place
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.lexicon import lookup_actor
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.places import _repair
from actorgraph.pipeline.places._candidate import Candidate, distance_km
from actorgraph.pipeline.places._gazetteer import Gazetteer, gazetteer
from actorgraph.pipeline.places._repair import PLACE_TYPES
from actorgraph.pipeline.places._score import Scored, best, fuzzy_options, options, to_place

__all__ = ["PLACE_TYPES", "STAGE", "resolve_places"]

STAGE = "places.v2"
_HOME_SHARE = 0.15  # a country the document is about: this share of its country votes
_HOME_MAX = 3
_FOREIGN_VILLAGE = 50_000  # a town this small abroad is a namesake unless the text says
_NEAR_KM = 250.0
# "the Iraqi village of X", "a town in Y": settlement words before or after a name.
_SETTLEMENT = r"(?:village|town|city|hamlet|district|suburb|neighbou?rhood|area|region|camp)"
_BEFORE = re.compile(
    rf"(?:\b(?P<adj>[A-Z][\w'’-]+)\s+)?{_SETTLEMENT}\s+(?:of\s+)?$",
)
_AFTER = re.compile(
    rf"^[\"”’)]?(?:,\s*(?:an?\s+|the\s+)?(?:\w+\s+)?{_SETTLEMENT}\s+(?:in|near|of|outside)\s+|"
    rf",\s*|,\s*(?:in|near)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    rf"|(?:\s+{_SETTLEMENT})?\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?(?:{_SETTLEMENT}\s+of\s+)?)$"
)
# What may stand between a name and its container: "X, Y", "X department in Y",
# "X camp in the Y", "X, in northern Y"; and "Y's X" before it.
_CONTAINER_GAP = re.compile(
    r"(?:\s+(?:department|district|camp|area|village|town|city|county|province|region|state"
    r"|municipality|commune|prefecture|governorate)(?:\s+of)?)?(?:,\s*(?:in\s+)?|\s+in\s+|(?<=of)\s+)"
    r"(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+)?(?=[A-Z])"
)
_OWNER = re.compile(r"['’]s\s+$")
_PHRASE_END = re.compile(
    r"(?:\s+(?:province|region|state|district|governorate|county))?"
    r"(?:\s*(?:[,.;:)\]\n]|$)|['’]s\b"
    r"|\s+(?:on|in|at|and|where|after|before|when|last|this|near)\b)"
)
_IN_REGION_KM = 150.0  # a town this near a region's centre is in it, whatever its admin1
# A facility "east of Y", "just outside Y": near that town.
_NEAR_TOWN = re.compile(
    r"^,?\s+(?:just\s+)?(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:-?(?:east|west))?\s+of|outside|near)\s+$"
)


def resolve_places(parsed: ParsedDoc, entities: EntityResult) -> EntityResult:
    """Set ``place`` on the entities that name a place the gazetteer (or the text) locates.

    Entities may be retyped (a person or organisation written as a place), split ("X
    province" from "X", "X airport" from "X"), joined ("Jammu and Kashmir") or added (a
    dateline, a missed "X area"); the others keep their ids and mentions.
    """
    gaz = gazetteer()
    text = parsed.text
    ents, dateline = _repair.add_datelines(text, list(entities.entities), gaz)
    ents = _repair.join_pairs(text, ents, gaz)
    ents = _repair.extend_facilities(text, ents, gaz)
    ents = _repair.split_regions(text, ents, gaz)
    targets = [e for e in ents if _is_place_like(e, gaz)]
    opts = {e.id: o for e in targets if (o := options(e, text, gaz))}
    for eid, cc in dateline.items():
        opts[eid] = _dateline_options(opts.get(eid, []), cc)

    # Pass 1: what the document is about without context (countries, unambiguous places).
    chosen = {eid: best(o, Counter(), [], None) for eid, o in opts.items()}
    countries = _countries(ents, targets, opts, chosen, gaz)
    home = _home(countries)
    # Spelling variants only where the document has places, not just a country's name.
    placed = {s.cand.country for s in chosen.values() if s.cand.precision != "country"}
    main = [c for i, c in enumerate(home) if i == 0 or c in placed]

    # The persons and organisations written as places, the names the model missed, and
    # spelling variants: all only in the document's own countries.
    def knows(e: Entity) -> list[Scored]:
        as_place = replace(e, type="GPE")
        found = [s for s in options(as_place, text, gaz) if s.cand.country in home]
        return found or fuzzy_options(as_place, text, gaz, main)

    retyped = _repair.retype_locatives(text, ents, knows) if home else {}
    ents = [_as_place(e) if e.id in retyped else e for e in ents]
    opts.update(retyped)
    known = {e.id for e in ents}
    if home:
        ents = _repair.add_missed(text, ents, lambda name: knows(_bare(name)))
    for e in ents:
        if e.id not in known:
            opts[e.id] = knows(e)
    targets = [e for e in ents if _is_place_like(e, gaz)]
    for e in targets:
        if e.id not in opts and e.type in PLACE_TYPES and home:
            opts[e.id] = fuzzy_options(e, text, gaz, main)
    opts = {eid: o for eid, o in opts.items() if o}
    found = EntityResult(tuple(ents))

    # Passes 2 and 3: choose again with the document's countries, its other places and
    # the container a name is written with ("London, Ontario") as context.
    chosen = {eid: best(o, Counter(), [], None) for eid, o in opts.items()}
    containers: dict[str, Candidate | None] = {}
    for _ in range(2):
        anchors = {eid: s.cand for eid, s in chosen.items() if s.cand.precision != "country"}
        containers = {e.id: _written_container(e, text, found, chosen) for e in targets}
        chosen = {
            e.id: best(
                opts[e.id],
                countries,
                [c for eid, c in anchors.items() if eid != e.id],
                containers[e.id],
            )
            for e in targets
            if e.id in opts
        }
    anchors = {eid: s.cand for eid, s in chosen.items() if s.cand.precision != "country"}
    places: dict[str, Place] = {
        eid: to_place(s, gaz)
        for eid, s in chosen.items()
        if (eid in dateline or _plausible(s.cand, home, anchors, eid))
        and _inside(s.cand, containers.get(eid), gaz)
    }

    # Last: unknown places inside a container the text names.
    for e in targets:
        if e.id in places or e.type not in PLACE_TYPES:
            continue
        contained = _container(e, text, found, places, gaz)
        if contained is not None:
            places[e.id] = contained
    return EntityResult(
        tuple(replace(e, place=places[e.id]) if e.id in places else e for e in ents)
    )


def _as_place(e: Entity) -> Entity:
    """Retype an entity as a place, without the common nouns ("the group") of its anaphora."""
    named = tuple(m for m in e.mentions if any(ch.isupper() for ch in m.text))
    return replace(e, type="GPE", kind=None, mentions=named or e.mentions)


def _bare(name: str) -> Entity:
    return Entity("", name, "GPE", (Mention(0, 0, name, _repair.LABEL),), (name,))


def _countries(
    ents: list[Entity],
    targets: list[Entity],
    opts: dict[str, list[Scored]],
    chosen: dict[str, Scored],
    gaz: Gazetteer,
) -> Counter[str]:
    """Count the document's votes for each country: named ones, and where its places lie."""
    countries: Counter[str] = Counter()
    towns: list[tuple[Candidate, int]] = []
    for e in targets:
        top = chosen.get(e.id)
        if top is None or top.cand.country is None:
            continue
        if top.cand.precision == "country":
            countries[top.cand.country] += 2 * len(e.mentions)
        elif len({s.cand.country for s in opts[e.id]}) == 1:
            towns.append((top.cand, len(e.mentions)))
    # A town votes for its country when it is a big one or the country is named: the
    # only namesake of an unknown village may be a hamlet abroad.
    named = set(countries)
    for cand, n in towns:
        big = cand.precision != "city" or cand.population >= _FOREIGN_VILLAGE
        if big or cand.country in named:
            countries[cand.country or ""] += n
    for e in ents:  # a people named after a country ("Lebanese") points there
        known = lookup_actor(e.name) if e.type == "NORP" and e not in targets else None
        if known is not None and known.type == "GPE":
            c = gaz.country(known.canonical)
            if c is not None and c.country:
                countries[c.country] += len(e.mentions)
        elif e.type == "ORG" and " " in e.name:  # "the Malian army": a state's body
            word = lookup_actor(e.name.split(" ", 1)[0])
            c = gaz.country(word.canonical) if word is not None and word.type == "GPE" else None
            if c is not None and c.country:
                countries[c.country] += len(e.mentions)
    return countries


def _home(countries: Counter[str]) -> list[str]:
    """Return the countries the document is about (a good share of its country votes)."""
    total = sum(countries.values())
    return [c for c, n in countries.most_common(_HOME_MAX) if total and n / total >= _HOME_SHARE]


def _dateline_options(found: list[Scored], country: str | None) -> list[Scored]:
    """Keep a dateline's towns (in the country it writes): a story is filed from a town."""
    return [
        s
        for s in found
        if s.cand.precision == "city"
        and s.cand.population >= 10_000
        and (country is None or s.cand.country == country)
    ]


def _plausible(cand: Candidate, home: list[str], anchors: dict[str, Candidate], eid: str) -> bool:
    """Drop a small town abroad that nothing in the text points to (a namesake)."""
    if cand.precision != "city" or not home or cand.country in home:
        return True
    if cand.population >= _FOREIGN_VILLAGE:
        return True
    return any(
        distance_km(a.lat, a.lon, cand.lat, cand.lon) < _NEAR_KM
        for other, a in anchors.items()
        if other != eid
    )


def _written_container(
    e: Entity, text: str, entities: EntityResult, chosen: dict[str, Scored]
) -> Candidate | None:
    """Return the region or country the text puts a mention in.

    "Tripoli, Lebanon", "X department in Y province", "X district of Y", "X, in northern
    Y", "Y's X area", "the Y town of X".
    """
    for m in e.mentions:
        gap = _CONTAINER_GAP.match(text, m.end, min(len(text), m.end + 40))
        holders: list[Entity | None] = []
        if gap is not None:
            after = entities.at(gap.end(), gap.end() + 1)
            if after is not None and _ends_phrase(text, after, gap.end()):
                holders.append(after)
        owner = _OWNER.search(text, max(0, m.start - 3), m.start)
        if owner is not None:
            holders.append(entities.at(owner.start() - 1, owner.start()))
        before = _BEFORE.search(text, max(0, m.start - 40), m.start)  # "the Y town of X"
        if before and before.group("adj"):
            holders.append(entities.at(before.start("adj"), before.end("adj")))
        for holder in holders:
            if holder is not None and holder.id != e.id and holder.id in chosen:
                cand = chosen[holder.id].cand
                if cand.precision in {"country", "region"}:
                    return cand
    return None


def _ends_phrase(text: str, holder: Entity, start: int) -> bool:
    """Tell whether a container ends its phrase ("X, Iraq, on Monday"; not "X, Iraq says")."""
    end = next((m.end for m in holder.mentions if m.start == start), None)
    return end is not None and _PHRASE_END.match(text, end) is not None


def _inside(cand: Candidate, container: Candidate | None, gaz: Gazetteer) -> bool:
    """Tell whether a candidate lies in the container the text gives (else: a namesake)."""
    if container is None or cand.precision == "country" or container.country is None:
        return True
    if cand.country != container.country:
        return False
    if container.precision != "region" or cand.precision == "region":
        return True
    if container.admin1 and gaz.admin1_name(cand) == container.admin1:
        return True
    return distance_km(cand.lat, cand.lon, container.lat, container.lon) <= _IN_REGION_KM


def _is_place_like(e: Entity, gaz: Gazetteer) -> bool:
    if e.type in PLACE_TYPES:
        return True
    # A people or country entity the alias stage named after a country ("United States"
    # with the aliases "U.S." and "Americans").
    return e.type == "NORP" and gaz.country(e.name) is not None


def _container(
    e: Entity, text: str, entities: EntityResult, places: dict[str, Place], gaz: Gazetteer
) -> Place | None:
    """Return the place of the container the text puts an unknown place in, if any."""
    for m in e.mentions:
        # "X, Iraq" / "X, a town in Diyala Province" / "X in Syria" / "X airport, east of Y"
        window = entities.mentions_in(m.end, min(len(text), m.end + 60))
        for cm, ce in window:
            gap = text[m.end : cm.start]
            near = e.type == "FAC" and _NEAR_TOWN.match(gap)
            after = _AFTER.match(gap) and (
                not gap.lstrip('"”’)').startswith(",") or _PHRASE_END.match(text, cm.end)
            )
            if ce.id != e.id and ce.id in places and (near or after):
                return replace(places[ce.id], raw=cm.text)
            break
        # "Borno State's X area"
        owner = _OWNER.search(text, max(0, m.start - 3), m.start)
        holder = entities.at(owner.start() - 1, owner.start()) if owner else None
        if holder is not None and holder.id != e.id and holder.id in places:
            return replace(places[holder.id], raw=holder.name)
        # "the Iraqi village of X"
        before = _BEFORE.search(text, max(0, m.start - 40), m.start)
        if before and before.group("adj"):
            adj = before.group("adj")
            holder = entities.at(before.start("adj"), before.end("adj"))
            if holder is not None and holder.id in places:
                return replace(places[holder.id], raw=adj)
            known = lookup_actor(adj)
            country = gaz.country(known.canonical if known else adj)
            if country is not None:
                return to_place(Scored(country, adj, 0.0), gaz)
    return None
