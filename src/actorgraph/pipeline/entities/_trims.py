"""Words the model takes into a name that are not part of it: a role or rank before a
person's name ("Resident X", "Brigadier X"), a title after an organisation's ("... of Prime
Minister X"), member nouns ("M23 rebels") and where a group is ("M23 in North Kivu")."""

from __future__ import annotations

import re

from actorgraph.pipeline.entities._labels import ROLES_BEFORE_NAMES
from actorgraph.pipeline.lexicon import PERSON_TITLES, lookup_actor

SHORT_RANKS = frozenset(
    {"brig", "gen", "maj", "col", "lt", "capt", "sgt", "cpl", "pvt", "adm", "cmdr", "lieut",
     "brigadier", "commander", "spokesman", "spokeswoman"}
)  # fmt: skip
_ROLE_WORD = re.compile(r"([A-Z][a-z]+)\.?\s+(?=[A-Z])")


# Military ranks the model sometimes takes into a name: "Brigadier General X".
_RANKS = frozenset(
    {"general", "brigadier", "colonel", "major", "lieutenant", "captain", "sergeant", "marshal"}
    | {"admiral", "corporal"}
)


def without_role(text: str, start: int, end: int) -> tuple[int, int]:
    """ "Resident Aminu Bello", "Witness Jane Okoro", "Brigadier X": the role or rank is no
    part of the name."""
    m = _ROLE_WORD.match(text, start, end)
    if m is not None and m.group(1).lower() in ROLES_BEFORE_NAMES:
        return m.end(), end
    while m is not None and m.group(1).lower() in _RANKS | SHORT_RANKS:
        start = m.end()
        m = _ROLE_WORD.match(text, start, end)
    return start, end


_OF_TITLE = re.compile(r"\s+of\s+([A-Z][a-z]+)$")


def without_title(text: str, start: int, end: int) -> tuple[int, int]:
    """ "the Government of National Unity of Prime Minister X": the title is the person's;
    "M23 rebels": the group is "M23", its fighters a common noun after it."""
    m = _OF_TITLE.search(text, start, end)
    if m is not None and m.group(1).lower() in PERSON_TITLES:
        return start, m.start()
    m = _MEMBERS_AFTER.search(text, start, end)
    if (
        m is not None
        and m.start() > start
        and m.end() == end
        and _group_name(text[start : m.start()])
    ):
        return start, m.start()
    return start, end


# A one-word group's name, then "in" and a capitalised place: "M23 in North Kivu".
_IN_PLACE = re.compile(r"\s+in\s+(?!the\b)[A-Z]")
# Movements with regional branches named "X in Y" ("Islamic State in Somalia"): never cut.
_BRANCHED = frozenset({"Islamic State", "al-Qaeda"})


def _branched(name: str) -> bool:
    known = lookup_actor(name)
    return known is not None and known.canonical in _BRANCHED


def _group_name(name: str) -> bool:
    """ "M23", "ISWAP", a known group: a name, not "Communist" or "Tuareg" (a people's word)."""
    if any(c.isdigit() for c in name) or (name.isupper() and len(name) > 1):
        return True
    known = lookup_actor(name)
    return known is not None and known.type == "ORG"


# Lowercase member nouns after a group's name the model took into it ("M23 rebels").
MEMBER_NOUNS = frozenset(
    {"rebels", "fighters", "militants", "insurgents", "militiamen", "guerrillas", "jihadists",
     "gunmen"}
)  # fmt: skip
_MEMBERS_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(MEMBER_NOUNS)) + r")$")


def in_place_split(
    text: str, raw: list[tuple[int, int, str, int]]
) -> list[tuple[int, int, str, int]]:
    """ "fighting M23 in North Kivu" read as one organisation: the group, then the place."""
    out = []
    for start, end, label, weight in raw:
        m = _IN_PLACE.search(text, start, end) if label == "ORG" else None
        head = text[start : m.start()] if m is not None else ""
        if m is None or " " in head or not _group_name(head) or _branched(head):
            out.append((start, end, label, weight))
            continue
        out.append((start, m.start(), label, weight))
        out.append((m.end() - 1, end, "GPE", weight))
    return out
