"""Spelling-tolerant lookups: the transliterations and slips news writes place names with.

Arabic, Amharic or Somali names reach English text in many spellings ("Tal Rifaat",
"Tall Rif'at", "Tel Refaat"; "Shabelle" and "Shebelle") and sometimes with a slip
("Mocimbao"). Transliterations differ in their vowels and doubled letters, while a
different consonant is most often a different town ("Koutougou" is not "Koudougou"). A
name the gazetteer does not know exactly is compared, within the document's own
countries only, with the names that have the same consonants in the same order; then at
most one edit of the vowels (two from twelve letters) is allowed, after doubled letters
are collapsed, for names of seven letters or more. Only the closest names count, and a
place found this way is marked ``fuzzy``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import replace

from rapidfuzz.distance import DamerauLevenshtein

from actorgraph.pipeline.places._candidate import Candidate
from actorgraph.pipeline.places._gazetteer import Gazetteer

_DOUBLE = re.compile(r"(\w)\1+")
_VOWELS = re.compile(r"[aeiouy]+")
_MIN_LETTERS = 7
_TWO_EDITS = 12


def skeleton(key: str) -> str:
    """Collapse doubled letters ("tall rifaat" -> "tal rifat"), the commonest variation."""
    return _DOUBLE.sub(r"\1", key)


def consonants(key: str) -> str:
    """Keep a name's consonants in order ("tal rifaat" -> "tl rft"): what spellings share."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", key))


def fuzzy_lookup(gaz: Gazetteer, key: str, countries: Iterable[str]) -> list[Candidate]:
    """Return the regions and places of ``countries`` whose name is nearest to ``key``."""
    letters = sum(ch.isalpha() for ch in key)
    if letters < _MIN_LETTERS:
        return []
    limit = 1 if letters < _TWO_EDITS else 2
    wanted = skeleton(key)
    shape = consonants(key)
    best: list[tuple[int, Candidate]] = []
    for cc in countries:
        for choices, lookup in (
            (_shapes(gaz, cc, "cities", key[:1]), gaz.cities),
            (_shapes(gaz, cc, "regions", key[:1]), gaz.regions),
        ):
            for k in choices.get(shape, ()):
                dist = DamerauLevenshtein.distance(wanted, skeleton(k), score_cutoff=limit)
                if dist > limit or k[:1] != key[:1]:
                    continue
                best.extend((dist, replace(c, fuzzy=True)) for c in lookup(k) if c.country == cc)
    if not best:
        return []
    nearest = min(d for d, _ in best)
    seen: set[str | None] = set()
    out = []
    for d, c in best:
        if d == nearest and c.gazetteer_id not in seen:
            seen.add(c.gazetteer_id)
            out.append(c)
    return out


@functools.lru_cache(maxsize=256)
def _shapes(gaz: Gazetteer, cc: str, what: str, initial: str) -> dict[str, list[str]]:
    """Map the consonants of a country's names with this first letter to those names
    (only a name's own first letter can match, so a big country is read a letter at a
    time)."""
    keys = gaz.places.country_keys(cc) if what == "cities" else gaz.region_keys(cc)
    out: dict[str, list[str]] = {}
    for k in keys:
        if k[:1] == initial:
            out.setdefault(consonants(k), []).append(k)
    return out
