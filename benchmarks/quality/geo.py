"""Toponym resolution on TR-News (GeoNames ids) and GeoVirus (Wikipedia coordinates).

Each article runs through the entity, alias and places stages. A gold toponym is *found*
when a mention of one of our GPE/LOC/FAC entities (or of an entity we gave a place)
overlaps it. It is resolved *within 161 km* (100 miles, the usual geoparsing threshold)
when our place has the gold GeoNames id or lies within 161 km of the gold coordinates,
and *exactly* when it has the gold GeoNames id or lies within 1 km.

Figures per corpus and overall, over the toponyms we found (headline ``within161_found``)
and over all gold toponyms. ``--data`` may point at the geoparsing folder (both corpora)
or at one corpus folder.
"""

from __future__ import annotations

import collections
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from actorgraph.model import Document, Place
from actorgraph.pipeline import entities, places
from actorgraph.pipeline.nlp import ParsedDoc, load
from actorgraph.pipeline.places._resolve import PLACE_TYPES

DEFAULT_DATA = Path("../shared/datasets/geoparsing")
CORPORA = {"trnews": "TR-News.xml", "geovirus": "GeoVirus.xml"}


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: str | None


@dataclass(frozen=True)
class Article:
    text: str
    toponyms: tuple[Toponym, ...]


def _num(el: ET.Element | None) -> float | None:
    if el is None or el.text is None or not el.text.strip():
        return None
    return float(el.text)


def read_trnews(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            if tag is None:
                continue
            lat, lon = _num(tag.find("lat")), _num(tag.find("lon"))
            if lat is None or lon is None:
                continue
            tops.append(Toponym(start, end, text[start:end], lat, lon, tag.get("geonameid")))
        out.append(Article(text, tuple(tops)))
    return out


def read_geovirus(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for loc in art.iter("location"):
            lat, lon = _num(loc.find("lat")), _num(loc.find("lon"))
            if lat is None or lon is None:
                continue
            start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            tops.append(Toponym(start, end, text[start:end], lat, lon, None))
        out.append(Article(text, tuple(tops)))
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _judge(gold: Toponym, place: Place) -> tuple[bool, bool]:
    """Return (within 161 km, exact) for our place against a gold toponym."""
    ours = (place.gazetteer_id or "").removeprefix("geonames:")
    same_id = gold.geonameid is not None and ours == gold.geonameid
    km = _km(gold.lat, gold.lon, place.lat, place.lon)
    return same_id or km < 161.0, same_id or km < 1.0


def score_corpus(
    name: str, articles: list[Article], nlp: object, errors: list[str]
) -> collections.Counter[str]:
    c: collections.Counter[str] = collections.Counter()
    docs = nlp.pipe(a.text for a in articles)  # type: ignore[attr-defined]
    for art, doc in zip(articles, docs, strict=True):
        parsed = ParsedDoc(Document.from_text(art.text), doc, None)
        found = places.resolve_places(
            parsed, entities.resolve_aliases(parsed, entities.extract_entities(parsed))
        )
        spans = [
            (m.start, m.end, e)
            for e in found.entities
            if e.type in PLACE_TYPES or e.place is not None
            for m in e.mentions
        ]
        c["documents"] += 1
        for g in art.toponyms:
            c["gold"] += 1
            hit = next((e for s, t, e in spans if s < g.end and g.start < t), None)
            if hit is None:
                errors.append(f"{name} MISS  {g.text!r}")
                continue
            c["found"] += 1
            if hit.place is None:
                errors.append(f"{name} NONE  {g.text!r} entity={hit.name!r}/{hit.type}")
                continue
            c["resolved"] += 1
            within, exact = _judge(g, hit.place)
            c["within161"] += within
            c["exact"] += exact
            if not within:
                km = _km(g.lat, g.lon, hit.place.lat, hit.place.lon)
                errors.append(
                    f"{name} WRONG {g.text!r} entity={hit.name!r} -> {hit.place.country} "
                    f"{hit.place.precision} {hit.place.gazetteer_id} ({km:.0f} km off)"
                )
    return c


def _report(label: str, c: collections.Counter[str]) -> float:
    found, gold = max(c["found"], 1), max(c["gold"], 1)
    print(
        f"   {label}: documents {c['documents']}, gold toponyms {c['gold']}, found {c['found']} "
        f"({c['found'] / gold:.3f}), resolved {c['resolved']}"
    )
    print(
        f"      of found: within161 {c['within161'] / found:.3f}, exact {c['exact'] / found:.3f}"
        f" | of gold: within161 {c['within161'] / gold:.3f}, exact {c['exact'] / gold:.3f}"
    )
    return c["within161"] / found


def run(data: Path, *, limit: int | None, limit_errors: int = 0) -> tuple[str, float]:
    corpora = {n: data / n / f for n, f in CORPORA.items() if (data / n / f).exists()}
    if not corpora:  # one corpus folder
        corpora = {n: data / f for n, f in CORPORA.items() if (data / f).exists()}
    nlp = load("auto")
    total: collections.Counter[str] = collections.Counter()
    errors: list[str] = []
    for name, path in corpora.items():
        reader = read_trnews if name == "trnews" else read_geovirus
        c = score_corpus(name, reader(path)[:limit], nlp, errors)
        _report(name, c)
        total.update(c)
    headline = _report("overall", total)
    for line in errors[:limit_errors]:
        print("   " + line)
    return "within161_found", headline
