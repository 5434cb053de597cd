"""What the words around a name say about it: a place ("in X", "the town of X", "X
province"), an actor ("X said", "X fighters"), or the dateline a story was filed from.

These are patterns of how news writes places, never names: the places stage asks them
before it retypes an entity the NER model called a person or an organisation, and to
find the dateline city ("GOMA, DR Congo (AFP) -", "TRIPOLI:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actorgraph.pipeline.places._names import CITY_WORDS, REGION_WORDS

_COMPASS_ADJ = (
    r"(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern|-central)?"
)
# Words before a name that put it on the map: "in X", "near X", "outskirts of X",
# "the towns of X", "southern X", "rebel-held X".
_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|at|from|into|towards?|across|through|inside|within"
    r"|besieged|captured|seized|recaptured|stormed|shelled|entered|reached)"
    r"|\b(?:outskirts|town|towns|city|cities|village|villages|district|districts|province"
    r"|region|area|suburbs?|capital|north|south|east|west|northeast|northwest|southeast"
    r"|southwest|centre|center|heart|streets|governorate|county|state)\s+of"
    rf"|\b{_COMPASS_ADJ}"
    r"|\w-(?:held|controlled|besieged|run))"
    r"(?:\s+(?:the|a|an))?"
    rf"(?:\s+{_COMPASS_ADJ})?\s+$",
    re.IGNORECASE,
)
_KIND_AFTER = frozenset(
    REGION_WORDS
    | CITY_WORDS
    | {"area", "areas", "enclave", "countryside", "outskirts", "suburb", "neighbourhood"}
    | {"neighborhood", "camp", "border", "frontline", "front", "valley", "airport"}
)
# ", a (major) (port) city ..." after a name
_APPOSITION = re.compile(
    r"^,\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}(?:city|town|village|region|province|district"
    r"|hub|capital|port|area|suburb|stronghold|settlement)\b"
)
_LIST = re.compile(r"^(?:,\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+)$")
# Words after a name that make it an actor: "X said", "X fighters", "X's leader".
_ACTOR_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:said|says|told|added|claimed|denied|announced|warned|accused|"
    r"fighters?|militants?|militia|militiamen|forces|troops|members?|spokes(?:man|woman|person)"
    r"|leaders?|commanders?|officials?|rebels?|insurgents?|group|movement|party)\b"
)
_ACTOR_BEFORE = re.compile(
    r"(?:\b(?:by|with|against|told|said|says|according\s+to|led\s+by|Mr|Ms|Mrs|Dr|Gen|Col)"
    r"\.?)\s+$"
)
# A dateline: the city in capitals at the start of a line, then a comma and the country
# or date, the agency in brackets and a dash ("GOMA, DR Congo, Nov 12, 2019 (AFP) -"), or
# a colon ("TRIPOLI:").
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
    r"(?:(?P<rest>,[^\n:]{1,80}?)?\s*(?:\([^()\n]{1,40}\))\s*[-\u2013\u2014:]"
    r"|(?P<rest2>,[^\n():]{1,60}?)\s+[-\u2013\u2014]"
    r"|\s*[-\u2013\u2014:](?=\s))",
    re.MULTILINE,
)
_MIN_DATELINE = 3
_DATELINE_HEAD = 1500  # characters: a dateline opens the body, after the title block


@dataclass(frozen=True)
class Dateline:
    """The city a story was filed from, and what the dateline writes after it."""

    start: int
    end: int
    rest: str  # ", DR Congo, Nov 12, 2019": the country (or region) comes first


def locative_before(text: str, start: int) -> bool:
    """Tell whether the words before a name put it on the map ("in", "the town of")."""
    return _BEFORE.search(text, max(0, start - 40), start) is not None


def kind_after(text: str, end: int) -> str | None:
    """Return the place word right after a name ("province", "area", "enclave"), if any."""
    m = re.match(r"\s+([a-z]+)\b", text[end : end + 20])
    if m and m.group(1) in _KIND_AFTER:
        return m.group(1)
    return None


def locative(text: str, start: int, end: int) -> bool:
    """Tell whether a name is written as a place: a preposition, a place word, "X, a town"."""
    return (
        locative_before(text, start)
        or kind_after(text, end) is not None
        or _APPOSITION.match(text[end : end + 60]) is not None
    )


def listed_after(text: str, gap_start: int, start: int) -> bool:
    """Tell whether the text between a place and a name only lists them ("X, Y and Z")."""
    return start - gap_start <= 6 and _LIST.match(text[gap_start:start]) is not None


def actor_like(text: str, start: int, end: int) -> bool:
    """Tell whether a name is written as an actor ("X said", "X fighters", "by X")."""
    return (
        _ACTOR_AFTER.match(text[end : end + 30]) is not None
        or _ACTOR_BEFORE.search(text, max(0, start - 20), start) is not None
    )


def datelines(text: str) -> list[Dateline]:
    """Return the dateline of the story, looked for in its head (title, byline, bullets)."""
    for m in _DATELINE.finditer(text, 0, min(len(text), _DATELINE_HEAD)):
        city = m.group("city").rstrip(".-'’")
        if sum(ch.isalpha() for ch in city) < _MIN_DATELINE:
            continue
        rest = m.group("rest") or m.group("rest2") or ""
        return [Dateline(m.start("city"), m.start("city") + len(city), rest)]
    return []
