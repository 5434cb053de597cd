"""Score the gazetteer candidates of a place name, alone and in the document's context.

Same-named places are told apart by the document: a candidate in a country the document
names (or where its unambiguous places lie), or near those places, beats a bigger
namesake elsewhere; then population decides. Countries beat cities for country names; a
region beats a city when the text calls it a province, governorate or region.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from actorgraph.model import Entity, Place
from actorgraph.pipeline.limits import check_time
from actorgraph.pipeline.places._candidate import Candidate, distance_km
from actorgraph.pipeline.places._fuzzy import fuzzy_lookup
from actorgraph.pipeline.places._gazetteer import Gazetteer, gazetteer
from actorgraph.pipeline.places._names import (
    CITY_WORDS,
    REGION_WORDS,
    norm,
    split_kind,
    strip_article,
)

_NEAR_KM = 250.0
_FUZZY_PENALTY = 1.5  # a spelling variant counts less than the name as written
# "Kabul airport", "Bagram air base": a facility, located at the town it is named after.
_FACILITY_WORDS = re.compile(
    r"\s+(?:(?:international|military)\s+)?(?:airport|air\s+base|airbase|airfield|airstrip)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Scored:
    """A candidate with its context-free score and the name it was found under."""

    cand: Candidate
    raw: str
    score: float


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


# Short names that two countries go by; the first is the one the news means when the
# document says nothing more ("Congo" for the Democratic Republic, "Korea" for the South);
# country candidates are not rescored by context yet, so the first one wins.
SHARED_COUNTRY_NAMES = {"congo": ("CD", "CG"), "korea": ("KR", "KP")}


def options(e: Entity, text: str, gaz: Gazetteer) -> list[Scored]:
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
            shared = SHARED_COUNTRY_NAMES.get(strip_article(full), ())
            alike = [gaz.countries[c] for c in shared if c in gaz.countries]
            if alike:  # "Congo": the document's other places say which
                return [Scored(c, name, 100.0 - penalty - i) for i, c in enumerate(alike)]
            return [Scored(country, name, 100.0 - penalty)]
        tries = [(full, kind_word), (core, kind or kind_word)]
        if len(name) <= 6 and "." in name:
            tries.append((full.replace(" ", ""), None))  # "B.C." is written for "BC"
        for key, key_kind in dict.fromkeys(tries):
            out = _lookup(gaz, key, key_kind, name, penalty, e.type)
            if out:
                return out
        if kind == "county":
            return [Scored(s, name, 4.0) for s in gaz.counties(full)]
    if e.type == "FAC":
        return _facility_town(e.name, gaz)
    return []


def _facility_town(name: str, gaz: Gazetteer) -> list[Scored]:
    """Return the towns a facility is named after ("Kabul airport" is at Kabul)."""
    town = _FACILITY_WORDS.sub("", name)
    if town == name:
        return []
    country = gaz.country(town)
    if country is not None:
        return [Scored(country, town, 100.0)]
    # a region's airport ("a New Jersey airport") lies somewhere in the region
    return [Scored(c, town, s) for c, s in _scored(gaz, strip_article(norm(town)), None, "GPE")]


def fuzzy_options(e: Entity, text: str, gaz: Gazetteer, countries: list[str]) -> list[Scored]:
    """Return the candidates of a spelling variant of the entity's name in ``countries``."""
    kind_word = _kind_in_text(e, text)
    for name in [e.name, *[a for a in e.aliases if a != e.name]]:
        if not any(ch.isupper() for ch in name):
            continue
        core, kind = split_kind(norm(name))
        found = fuzzy_lookup(gaz, strip_article(core), countries)
        if found:
            kind = kind or kind_word
            out = []
            for c in found:
                score = _region_score(c, kind) if c.precision == "region" else _city_score(c)
                if c.precision == "city" and kind in REGION_WORDS:
                    score -= 10.0
                out.append(Scored(c, name, score - _FUZZY_PENALTY))
            return out
    return []


def _lookup(
    gaz: Gazetteer, key: str, kind: str | None, name: str, penalty: float, etype: str
) -> list[Scored]:
    return [Scored(c, name, score - penalty) for c, score in _scored(gaz, key, kind, etype)]


def _scored(
    gaz: Gazetteer, key: str, kind: str | None, etype: str
) -> list[tuple[Candidate, float]]:
    keys = dict.fromkeys([key, strip_article(key)])
    regions = [r for k in keys for r in gaz.regions(k, kind_written=kind in REGION_WORDS)]
    found = [c for k in keys for c in gaz.cities(k)] if etype != "NORP" else []
    if kind in REGION_WORDS and not regions and kind != "district":
        return []  # "X County" is not a town named X
    if kind in REGION_WORDS and regions and all(r.country is None for r in regions):
        return []  # "West Africa Province" is no province of a country: a group's name
    out = [(r, _region_score(r, kind)) for r in regions]
    for c in found:
        score = _city_score(c)
        if kind in REGION_WORDS and regions:
            score -= 10.0
        if etype != "GPE":  # a sea, a range or a building named like some town
            score -= 2.0
        out.append((c, score))
    return out


def _region_score(r: Candidate, kind: str | None) -> float:
    score = 7.0 if r.kind == "country" else 5.5 if r.large else 4.0
    if kind in REGION_WORDS:
        score += 10.0
    elif kind in CITY_WORDS:
        score -= 10.0
    return score


def _city_score(c: Candidate) -> float:
    return math.log10(c.population + 10) - (1.0 if c.alternate else 0.0)


def best(
    options: list[Scored],
    countries: Counter[str],
    anchors: list[Candidate],
    container: Candidate | None,
) -> Scored:
    """Return the option that fits the document best (its countries, places, container)."""
    check_time("places")
    total = sum(countries.values())

    def score(s: Scored) -> float:
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


def to_place(s: Scored, gaz: Gazetteer, raw: str | None = None) -> Place:
    """Turn the chosen candidate into the entity's place."""
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
