"""Fix the place entities the NER model got wrong, before and while they are resolved.

- A dateline city is a place: retyped to GPE, or added when the model missed it.
- "Jammu and Kashmir", "Bosnia and Herzegovina": one region or country the gazetteer
  knows under the joined name, not two places.
- "Kabul airport", "X air base": a facility of its own (FAC), located at its town.
- "Aleppo province" next to "Aleppo": when the gazetteer has both a region and a city
  of that name in one country, the "X province" mentions are the region's own entity.
- A person or organisation written as a place ("in X", "the towns of X and Y", "X
  region") whose name the gazetteer knows in the document's countries: retyped to GPE.
- A name the model missed, written with a place word ("in X area", "the village of X")
  and known in the document's countries: added as a GPE.

Each function takes and returns the list of entities; new entities get fresh ids after
the last one, and mentions the stage adds or extends carry the label ``places``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from actorgraph.model import Entity, Mention
from actorgraph.pipeline.lexicon import lookup_actor
from actorgraph.pipeline.places._context import actor_like, datelines, kind_after, locative
from actorgraph.pipeline.places._gazetteer import Gazetteer
from actorgraph.pipeline.places._names import norm, split_kind, strip_article
from actorgraph.pipeline.places._score import Scored

LABEL = "places"
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
RETYPABLE = frozenset({"PERSON", "ORG", "NORP"})
_DATELINE_POPULATION = 10_000  # a story is filed from a town, not a hamlet
_FACILITY = re.compile(
    r"\s+(?:(?:[Ii]nternational|[Mm]ilitary)\s+)?"
    r"(?:[Aa]irport|[Aa]ir\s+[Bb]ase|[Aa]irbase|[Aa]irfield|[Aa]irstrip)\b"
)
_CITY = 100_000  # a city this big is what its bare name means, next to "X province"
_REGION_KINDS = frozenset({"province", "governorate", "region", "state", "district"})
_PAIR = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+and\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)
# "in X area", "the village of X", "X district of Y": a missed name with a place word.
_WORD = r"[A-Z][a-z]+(?:['’][a-z]{2,})?(?:-[A-Z]?[a-z]+)*"  # "Ma'arrat", not "State's"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
_MISSED = re.compile(
    rf"(?:\b(?:town|village|city|district|hamlet|settlement)s?\s+of\s+(?P<a>{_NAME})(?![\w'’-])"
    rf"|(?<![\w'’-])(?P<b>{_NAME})\s+(?:area|district|village|town)\b)"
)
# The last word of an organisation's name that makes it no place ("the White House").
_INSTITUTIONS = frozenset(
    {"house", "palace", "university", "college", "school", "academy", "hospital", "clinic"}
    | {"church", "cathedral", "mosque", "temple", "center", "centre", "stadium", "hotel"}
    | {"court", "prison", "ministry", "bank", "council", "party", "company", "corporation"}
    | {"foundation", "institute", "agency", "office", "department", "committee", "union"}
    | {"club", "airlines", "airways", "group", "forces", "army", "police", "brigade"}
    | {"front", "movement", "network", "times", "post", "news", "radio", "tv"}
)
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "that", "their", "its", "his", "her", "our", "border", "rural"}
    | {"urban", "residential", "whole", "entire", "same", "nearby", "local", "remote"}
)


def _next_id(entities: Iterable[Entity]) -> Callable[[], str]:
    numbers = [int(e.id[1:]) for e in entities if re.fullmatch(r"E\d+", e.id)]
    counter = iter(range(max(numbers, default=0) + 1, 10**9))
    return lambda: f"E{next(counter)}"


def _new(eid: str, name: str, typ: str, mentions: list[Mention]) -> Entity:
    mentions = sorted(mentions, key=lambda m: m.start)
    aliases = tuple(dict.fromkeys([name, *(m.text for m in mentions)]))
    return Entity(eid, name, typ, tuple(mentions), aliases, confidence=0.8, stage=LABEL)


def _without(entities: list[Entity], spans: list[tuple[int, int]]) -> list[Entity]:
    """Drop the mentions overlapping ``spans`` (and entities left with none)."""
    out = []
    for e in entities:
        kept = tuple(m for m in e.mentions if not any(m.start < b and a < m.end for a, b in spans))
        if len(kept) == len(e.mentions):
            out.append(e)
        elif kept:
            aliases = tuple(a for a in e.aliases if any(m.text == a for m in kept) or a == e.name)
            out.append(replace(e, mentions=kept, aliases=aliases or (e.name,)))
    return out


def _covered(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    for e in entities:
        if any(m.start < end and start < m.end for m in e.mentions):
            return e
    return None


def add_datelines(
    text: str, entities: list[Entity], gaz: Gazetteer
) -> tuple[list[Entity], dict[str, str | None]]:
    """Make the dateline city a GPE; return the entities and {id: the country written}."""
    found: dict[str, str | None] = {}
    fresh = _next_id(entities)
    for d in datelines(text):
        city = text[d.start : d.end]
        parts = [p.strip() for p in d.rest.split(",") if p.strip()]
        written = gaz.country(parts[0]) if parts else None
        cc = written.country if written is not None else None
        towns = [
            c
            for c in gaz.cities(norm(city))
            if c.population >= _DATELINE_POPULATION and (cc is None or c.country == cc)
        ]
        if not towns:
            continue
        holder = _covered(entities, d.start, d.end)
        if holder is None:
            eid = fresh()
            entities = [*entities, _new(eid, city, "GPE", [Mention(d.start, d.end, city, LABEL)])]
            found[eid] = cc
        elif any((m.start, m.end) == (d.start, d.end) for m in holder.mentions):
            if holder.type not in PLACE_TYPES:
                retyped = replace(holder, type="GPE", kind=None)
                entities = [retyped if e is holder else e for e in entities]
            found[holder.id] = cc
    return entities, found


def join_pairs(text: str, entities: list[Entity], gaz: Gazetteer) -> list[Entity]:
    """Make "Jammu and Kashmir" one entity when the gazetteer knows the joined name."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for m in _PAIR.finditer(text):
        if _covered(entities, m.start(), m.end()) is None:
            continue
        starts = [m.start(1) + w.start() for w in re.finditer(r"\S+", m.group(1))]
        ends = [m.start(2) + w.end() for w in re.finditer(r"\S+", m.group(2))]
        joined = next(
            (
                (start, end)
                for start in reversed(starts)  # "Indian Jammu and Kashmir": "Jammu" first
                for end in ends
                if _joined_name(gaz, text[start:end])
            ),
            None,
        )
        if joined is not None:
            spans.setdefault(" ".join(text[joined[0] : joined[1]].split()), []).append(joined)
    if not spans:
        return entities
    fresh = _next_id(entities)
    entities = _without(entities, [s for found in spans.values() for s in found])
    for name, found in spans.items():
        mentions = [Mention(s, e, text[s:e], LABEL) for s, e in found]
        entities.append(_new(fresh(), name, "GPE", mentions))
    return entities


def _joined_name(gaz: Gazetteer, name: str) -> bool:
    if gaz.country(name) is not None:
        return True
    return any(" and " in r.name for r in gaz.regions(strip_article(norm(name))))


def extend_facilities(text: str, entities: list[Entity], gaz: Gazetteer) -> list[Entity]:
    """Give "X airport" (a place name, then a facility word) an entity of its own."""
    fresh = _next_id(entities)
    out: list[Entity] = []
    added: dict[str, list[Mention]] = {}
    for e in entities:
        if e.type in ("PERSON", "NORP", "EVENT", "LAW") or (
            e.type == "ORG" and lookup_actor(e.name)
        ):
            out.append(e)
            continue
        moved, kept = [], []
        demonym = gaz.country(e.name) is not None
        for m in e.mentions:
            f = _FACILITY.match(text, m.end)
            if f is None or (demonym and m.text != e.name and gaz.country(m.text) is None):
                # "Australian airport workers": any airport of the country, no facility
                kept.append(m)
                continue
            end = f.end()
            moved.append(Mention(m.start, end, text[m.start : end], LABEL))
        if not moved:
            out.append(e)
            continue
        for m in moved:
            added.setdefault(" ".join(m.text.split()), []).append(m)
        if kept:
            out.append(replace(e, mentions=tuple(kept)))
    for name, mentions in added.items():
        out.append(_new(fresh(), name, "FAC", mentions))
    return out


def split_regions(text: str, entities: list[Entity], gaz: Gazetteer) -> list[Entity]:
    """Give "X province" its own entity when X also names a big city of the same country."""
    fresh = _next_id(entities)
    out: list[Entity] = []
    for e in entities:
        kinds = [kind_after(text, m.end) for m in e.mentions]
        regional = [m for m, k in zip(e.mentions, kinds, strict=True) if k in _REGION_KINDS]
        if not regional or len(regional) == len(e.mentions) or e.type == "PERSON":
            out.append(e)
            continue
        key, _ = split_kind(strip_article(norm(e.name)))  # "Aleppo city" is Aleppo's
        regions = {r.country for r in gaz.regions(key) if r.large}
        cities = {c.country for c in gaz.cities(key) if not c.alternate and c.population >= _CITY}
        if not regions & cities:
            out.append(e)
            continue
        kept = tuple(m for m in e.mentions if m not in regional)
        out.append(replace(e, mentions=kept))
        extended = []
        for m in regional:
            end = m.end + len(re.match(r"\s+[a-z]+", text[m.end :]).group(0))  # type: ignore[union-attr]
            extended.append(Mention(m.start, end, text[m.start : end], LABEL))
        out.append(_new(fresh(), " ".join(extended[0].text.split()), "GPE", extended))
    return out


def retype_locatives(
    text: str,
    entities: list[Entity],
    knows: Callable[[Entity], list[Scored]],
) -> dict[str, list[Scored]]:
    """Return the persons and organisations written as places, with their candidates.

    ``knows`` returns the candidates of a name in the document's countries. An entity
    qualifies when no mention reads as an actor, at least one reads as a place ("near
    X", "the towns of X and Y", "X region"), and it names no actor the lexicon knows,
    no institution ("the White House") and no one by given name and surname.
    """
    chosen: dict[str, list[Scored]] = {}
    for e in entities:
        if e.type not in RETYPABLE or not e.mentions or not _could_be_place(e):
            continue
        known = lookup_actor(e.name)
        if known is not None and known.type not in ("GPE", "LOC"):
            continue
        if any(actor_like(text, m.start, m.end) for m in e.mentions):
            continue
        person = e.type == "PERSON"
        if not any(locative(text, m.start, m.end, person=person) for m in e.mentions):
            continue
        cands = knows(replace(e, aliases=(e.name,)))
        if cands:
            chosen[e.id] = cands
    return chosen


def _could_be_place(e: Entity) -> bool:
    words = e.name.split()
    if not words or not e.name[0].isupper() or words[-1].lower() in _INSTITUTIONS:
        return False
    if e.type == "PERSON":
        if any(re.fullmatch(r"[A-Z]\.", w) for w in words):
            return False  # "Charles W. Murphy"
        if any(a != e.name and a in words for a in e.aliases):
            return False  # the alias stage took it for a person's name ("Whitley")
    return True


def add_missed(
    text: str, entities: list[Entity], knows: Callable[[str], list[Scored]]
) -> list[Entity]:
    """Add the names written with a place word that the model missed ("in X area")."""
    found: dict[str, list[Mention]] = {}
    for m in _MISSED.finditer(text):
        group = "a" if m.group("a") else "b"
        start, end = m.span(group)
        name = m.group(group)
        if name.split()[0].lower() in _NOT_NAMES or _sentence_start(text, start):
            continue
        if _covered(entities, start, end) is not None or not knows(name):
            continue
        found.setdefault(name, []).append(Mention(start, end, name, LABEL))
    if not found:
        return entities
    fresh = _next_id(entities)
    # every other occurrence of the name is a mention too
    out = list(entities)
    for name, mentions in found.items():
        for other in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text):
            if all(other.start() != x.start for x in mentions) and (
                _covered(out, other.start(), other.end()) is None
            ):
                mentions.append(Mention(other.start(), other.end(), name, LABEL))
        out.append(_new(fresh(), name, "GPE", mentions))
    return out


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return start == 0 or not before.strip() or before.rstrip()[-1:] in '.!?"“:'
