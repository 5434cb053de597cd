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
_OF = (
    r"(?:outskirts|town|towns|city|cities|village|villages|district|districts|province"
    r"|region|areas?|parts|neighbou?rhoods?|suburbs?|north|south|east|west|northeast|northwest|southeast"
    r"|southwest|centre|center|heart|streets|governorate|county|state)\s+of"
)
# Moving someone or something "to X" puts X on the map ("fled to X", "were rerouted to X");
# a bare "to" does not ("spoke to X", "a letter to X").
_MOVED_TO = (
    r"\b(?i:fled|flee|fleeing|moved|diverted|rerouted|redirected|retreated|withdrew|returned"
    r"|evacuated|relocated|advanced|headed|travell?ed|deployed|transferred|flown|driven"
    r"|airlifted|displaced|escaped|pushed|marched)(?:\s+(?i:back|on|north|south|east|west"
    r"|away|out|further))?\s+(?i:to)"
)
# Words before a name that put it on the map ("in X", "near X", "outskirts of X", "the
# towns of X", "southern X", "rebel-held X"); "from X" only for what is no person's name.
_STRONG = (
    r"(?:\b(?i:in|near|outside|around|into|towards?|across|through|inside|within"
    r"|besieged|captured|seized|recaptured|stormed|shelled|entered|reached|controls"
    r"|controlled|controlling|occupies|occupied|occupying|overran|overrun|retook|retaken)"
    rf"|\b(?i:{_OF})|\b{_COMPASS_ADJ}|\w-(?:held|controlled|besieged|run)|{_MOVED_TO})"
)
_WEAK = r"(?:\b(?i:from))"
_TAIL = rf"(?:\s+{_COMPASS_ADJ})?\s+"
_BEFORE = re.compile(rf"(?:{_STRONG}|{_WEAK}){_TAIL}$")
_BEFORE_PERSON = re.compile(rf"{_STRONG}{_TAIL}$")
_BEFORE_ARTICLE = re.compile(rf"(?:{_STRONG}|{_WEAK})\s+(?i:the){_TAIL}$")
# A list opened by such words: "in X, Y and Z", "the towns of X and Y".
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_LISTED = re.compile(
    rf"{_STRONG}\s+(?:{_NAME}\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){{1,6}}$"
)
_KIND_AFTER = frozenset(
    REGION_WORDS
    | CITY_WORDS
    | {"area", "areas", "enclave", "countryside", "outskirts", "suburb", "neighbourhood"}
    | {"neighborhood", "camp", "border", "frontline", "front", "valley", "airport"}
)
# ", a (major) (port) city ..." after a name, the noun ending its phrase
_APPOSITION = re.compile(
    r"^,\s+(?:an?|the)\s+(?:[a-z-]+\s+){0,3}(?:city|town|village|region|province|district"
    r"|hub|capital|port|area|suburb|stronghold|settlement)"
    r"(?=\s*[,.;:(]|\s+(?:\d+|in|of|on|near|north|south|east|west|about|some|that|where|which"
    r"|located|and|with|close|along|bordering)\b)"
)
# A name that goes on with more name ("St. John's University", "Ballon d'Or").
_CALENDAR = (
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July"
    r"|August|September|October|November|December"
)
_LONGER_NAME = re.compile(
    rf"['’]s\s+[A-Z]|\s+(?:d['’]|de\s|du\s|del\s|la\s)[A-Z]|\s+(?!(?:{_CALENDAR})\b)[A-Z][a-z]"
)
# Words after a name that make it an actor: "X said", "X fighters", "X's leader".
_ACTOR_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:said|says|told|added|claimed|denied|announced|warned|accused|"
    r"fighters?|militants?|militia|militiamen|forces|troops|members?|spokes(?:man|woman|person)"
    r"|leaders?|commanders?|officials?|rebels?|insurgents?|group|movement|party)\b"
)
_ACTOR_BEFORE = re.compile(
    r"(?:\b(?:by|with|against|told|said|says|according\s+to|led\s+by|Mr|Ms|Mrs|Dr|Gen|Col)"
    r"\.?|\b(?:students?|teachers?|pupils?|staff|employees?|workers?|professors?|doctors?"
    r"|nurses?|works?|worked)\s+at|\b(?:graduated|studied|enrolled)\s+(?:at|from))\s+$"
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


def kind_after(text: str, end: int) -> str | None:
    """Return the place word right after a name ("province", "area", "enclave"), if any."""
    m = re.match(r"\s+([a-z]+)\b", text[end : end + 20])
    if m and m.group(1) in _KIND_AFTER:
        return m.group(1)
    return None


def locative(text: str, start: int, end: int, *, person: bool = False) -> bool:
    """Tell whether a name is written as a place: a preposition, a place word, "X, a town".

    A person's name needs the stronger cues ("near X", not "samples from X"); "in the X"
    needs a place word after ("in the X region", not "in the White House").
    """
    if _LONGER_NAME.match(text, end, min(len(text), end + 6)):
        return False
    kind = kind_after(text, end)
    before = _BEFORE_PERSON if person else _BEFORE
    window = max(0, start - 40)
    return (
        kind is not None
        or before.search(text, window, start) is not None
        or _LISTED.search(text, max(0, start - 120), start) is not None
        or _APPOSITION.match(text[end : end + 60]) is not None
    ) and (kind is not None or _BEFORE_ARTICLE.search(text, window, start) is None)


def actor_like(text: str, start: int, end: int) -> bool:
    """Tell whether a name is written as an actor ("X said", "X fighters", "by X")."""
    return (
        _ACTOR_AFTER.match(text[end : end + 30]) is not None
        or _ACTOR_BEFORE.search(text, max(0, start - 24), start) is not None
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
