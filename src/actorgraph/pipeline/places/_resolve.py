"""Resolve place entities to coordinates, country and region from an offline gazetteer.

Each GPE/LOC/FAC entity (and a people or country entity the alias stage named after a
country) is looked up by its name, then its aliases. Same-named places are told apart by
the document: a candidate in a country the document names (or where its unambiguous
places lie), or near those places, beats a bigger namesake elsewhere; then population
decides. Countries beat cities for country names; a region beats a city when the text
calls it a province, governorate or region.

A place the gazetteer does not know (a village) takes the place of its container when
the text gives one ("X, Iraq", "the Iraqi village of X", "X in Diyala Province",
"near X in Syria"): the container's coordinates and precision, with ``raw`` naming the
container, so an analyst can still map the event at the precision the text supports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from actorgraph.model import Entity, Place
from actorgraph.pipeline.entities import EntityResult
from actorgraph.pipeline.lexicon import lookup_actor
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.nlp import ParsedDoc
from actorgraph.pipeline.places._gazetteer import Candidate, Gazetteer, distance_km, gazetteer
from actorgraph.pipeline.places._names import (
    CITY_WORDS,
    REGION_WORDS,
    norm,
    split_kind,
    strip_article,
)

STAGE = "places.v1"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_NEAR_KM = 250.0
# "the Iraqi village of X", "a town in Y": settlement words before or after a name.
_SETTLEMENT = r"(?:village|town|city|hamlet|district|suburb|neighbou?rhood|area|region|camp)"
_BEFORE = re.compile(
    rf"(?:\b(?P<adj>[A-Z][\w'’-]+)\s+)?{_SETTLEMENT}\s+(?:of\s+)?$",
)
_AFTER = re.compile(
    rf"^(?:,\s*(?:an?\s+|the\s+)?(?:\w+\s+)?{_SETTLEMENT}\s+(?:in|near|of|outside)\s+|"
    rf",\s*|\s+(?:in|of)\s+(?:the\s+)?(?:\w+\s+)?(?:{_SETTLEMENT}\s+of\s+)?)$"
)


@dataclass(frozen=True)
class _Scored:
    cand: Candidate
    raw: str
    score: float


def resolve_places(parsed: ParsedDoc, entities: EntityResult) -> EntityResult:
    """Set ``place`` on the entities that name a place the gazetteer (or the text) locates."""
    gaz = gazetteer()
    text = parsed.text
    targets = [e for e in entities.entities if _is_place_like(e, gaz)]
    options = {e.id: opts for e in targets if (opts := _options(e, text, gaz))}

    # Pass 1: what the document is about without context (countries, unambiguous places).
    chosen = {eid: _best(opts, Counter(), [], None) for eid, opts in options.items()}
    countries: Counter[str] = Counter()
    for e in targets:
        best = chosen.get(e.id)
        if best is None or best.cand.country is None:
            continue
        if best.cand.precision == "country":
            countries[best.cand.country] += 2 * len(e.mentions)
        elif len({s.cand.country for s in options[e.id]}) == 1:
            countries[best.cand.country] += len(e.mentions)
    for e in entities.entities:  # a people named after a country ("Lebanese") points there
        known = lookup_actor(e.name) if e.type == "NORP" and e not in targets else None
        if known is not None and known.type == "GPE":
            c = gaz.country(known.canonical)
            if c is not None and c.country:
                countries[c.country] += len(e.mentions)

    # Passes 2 and 3: choose again with the document's countries, its other places and
    # the container a name is written with ("London, Ontario") as context.
    for _ in range(2):
        anchors = {eid: s.cand for eid, s in chosen.items() if s.cand.precision != "country"}
        chosen = {
            e.id: _best(
                options[e.id],
                countries,
                [c for eid, c in anchors.items() if eid != e.id],
                _written_container(e, text, entities, chosen),
            )
            for e in targets
            if e.id in options
        }
    places: dict[str, Place] = {eid: _place(s, gaz) for eid, s in chosen.items()}

    # Last: unknown places inside a container the text names.
    for e in targets:
        if e.id in places or e.type not in PLACE_TYPES:
            continue
        contained = _container(e, text, entities, places, gaz)
        if contained is not None:
            places[e.id] = contained
    return EntityResult(
        tuple(replace(e, place=places[e.id]) if e.id in places else e for e in entities.entities)
    )


def _written_container(
    e: Entity, text: str, entities: EntityResult, chosen: dict[str, _Scored]
) -> Candidate | None:
    """Return the region or country written right after a mention ("Tripoli, Lebanon")."""
    for m in e.mentions:
        if not text.startswith(", ", m.end):
            continue
        nxt = entities.at(m.end + 2, m.end + 3)
        if nxt is not None and nxt.id != e.id and nxt.id in chosen:
            cand = chosen[nxt.id].cand
            if cand.precision in {"country", "region"}:
                return cand
    return None


def _is_place_like(e: Entity, gaz: Gazetteer) -> bool:
    if e.type in PLACE_TYPES:
        return True
    # A people or country entity the alias stage named after a country ("United States"
    # with the aliases "U.S." and "Americans").
    return e.type == "NORP" and gaz.country(e.name) is not None


def _kind_in_text(e: Entity, text: str) -> str | None:
    """Return the generic word the text puts with the name ("province", "city"), if any."""
    for m in e.mentions:
        after = text[m.end : m.end + 16].lower().split()
        before = text[max(0, m.start - 12) : m.start].lower().split()
        if after and after[0].strip(".,;:") in REGION_WORDS | CITY_WORDS:
            return after[0].strip(".,;:")
        if len(before) >= 2 and before[-1] == "of" and before[-2] in {"province", "city"}:
            return before[-2]
    return None


def _options(e: Entity, text: str, gaz: Gazetteer) -> list[_Scored]:
    """Return every candidate the entity's names can refer to, with a context-free score."""
    names = [e.name, *[a for a in e.aliases if a != e.name]]
    kind_word = _kind_in_text(e, text)
    for rank, name in enumerate(names):
        if not any(ch.isupper() for ch in name):
            continue  # "north-east", "the region": not a name
        penalty = 0.5 * min(rank, 1)
        full = norm(name)
        core, kind = split_kind(full)
        country = gaz.country(name)
        if country is not None:
            return [_Scored(country, name, 100.0 - penalty)]
        tries = [(full, kind_word), (core, kind or kind_word)]
        if len(name) <= 6 and "." in name:
            tries.append((full.replace(" ", ""), None))  # "B.C." is written for "BC"
        for key, key_kind in dict.fromkeys(tries):
            out = _lookup(gaz, key, key_kind, name, penalty, e.type)
            if out:
                return out
        if kind == "county":
            return [_Scored(s, name, 4.0) for s in gaz.counties(full)]
    return []


def _lookup(
    gaz: Gazetteer, key: str, kind: str | None, name: str, penalty: float, etype: str
) -> list[_Scored]:
    keys = dict.fromkeys([key, strip_article(key)])
    regions = [r for k in keys for r in gaz.regions(k)]
    found = [c for k in keys for c in gaz.cities(k)] if etype != "NORP" else []
    if kind in REGION_WORDS and not regions and kind != "district":
        return []  # "X County" is not a town named X
    out: list[_Scored] = []
    for r in regions:
        score = 7.0 if r.kind == "country" else 5.5 if r.large else 4.0
        if kind in REGION_WORDS:
            score += 10.0
        elif kind in CITY_WORDS:
            score -= 10.0
        out.append(_Scored(r, name, score - penalty))
    for c in found:
        score = math.log10(c.population + 10) - (1.0 if c.alternate else 0.0)
        if kind in REGION_WORDS and regions:
            score -= 10.0
        if etype != "GPE":  # a sea, a range or a building named like some town
            score -= 2.0
        out.append(_Scored(c, name, score - penalty))
    return out


def _best(
    options: list[_Scored],
    countries: Counter[str],
    anchors: list[Candidate],
    container: Candidate | None,
) -> _Scored:
    check_time("places")
    total = sum(countries.values())

    def score(s: _Scored) -> float:
        value, cand = s.score, s.cand
        if cand.precision == "country":
            return value
        if total and cand.country and countries[cand.country]:
            value += 2.0 + 4.0 * countries[cand.country] / total
        if any(distance_km(a.lat, a.lon, cand.lat, cand.lon) < _NEAR_KM for a in anchors):
            value += 1.5
        if container is not None and container.country == cand.country:
            value += 8.0
            if container.precision == "region" and gazetteer().admin1_name(cand) in {
                container.admin1,
                None,
            }:
                value += 2.0
        return value

    return max(options, key=score)


def _place(s: _Scored, gaz: Gazetteer, raw: str | None = None) -> Place:
    c = s.cand
    return Place(
        lat=round(c.lat, 5),
        lon=round(c.lon, 5),
        country=c.country,
        admin1=gaz.admin1_name(c),
        precision=c.precision,
        gazetteer_id=c.gazetteer_id,
        raw=raw or s.raw,
    )


def _container(
    e: Entity, text: str, entities: EntityResult, places: dict[str, Place], gaz: Gazetteer
) -> Place | None:
    """Return the place of the container the text puts an unknown place in, if any."""
    for m in e.mentions:
        # "X, Iraq" / "X, a town in Diyala Province" / "X in Syria"
        window = entities.mentions_in(m.end, min(len(text), m.end + 60))
        for cm, ce in window:
            gap = text[m.end : cm.start]
            if ce.id != e.id and ce.id in places and _AFTER.match(gap):
                return replace(places[ce.id], raw=cm.text)
            break
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
                return _place(_Scored(country, adj, 0.0), gaz)
    return None
