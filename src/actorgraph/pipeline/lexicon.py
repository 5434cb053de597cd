"""General lexicons: well-known actors and their names, and the words that tell an org's kind.

The files live in ``pipeline/lexicons/`` so they can be read and extended without code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

# Nouns that head the name of an organisation when they follow a name ("X network").
ORG_HEADS = frozenset(
    {
        "network",
        "group",
        "militia",
        "organization",
        "organisation",
        "movement",
        "brigades",
        "brigade",
        "battalion",
        "front",
        "party",
        "army",
        "forces",
        "coalition",
        "council",
        "committee",
        "faction",
        "cartel",
        "alliance",
        "gang",
        "regiment",
    }
)
# Participles that tie a group to another one it is not: "the X-linked group", "fighters
# loyal to X".
TIED_WORDS = frozenset(
    {"linked", "tied", "affiliated", "aligned", "allied", "loyal", "connected", "inspired",
     "backed"}
)  # fmt: skip
# Bodies made of other groups: "Y, a coalition of rebel groups".
# Verbs of holding off an attack: "X repelled (fended off, survived) an attack by Y".
REPEL_VERBS = frozenset({"repel", "repulse", "thwart", "foil", "fend", "resist"})
UMBRELLAS = frozenset({"coalition", "alliance", "umbrella", "network", "federation", "grouping"})
# Bodies that an adjectival people or country ("Iraqi", "Syrian") turns into an actor.
INSTITUTION_NOUNS = frozenset(
    {
        "army",
        "military",
        "government",
        "parliament",
        "police",
        "navy",
        "forces",
        "cabinet",
        "ministry",
        "presidency",
        "judiciary",
        "legislature",
        "senate",
        "congress",
        "troops",
        "authorities",
        "regime",
        "opposition",
        "rebels",
        "intelligence",
    }
)
# Verbs of accusing: "X accused Y of looting": Y is who looted (said by X).
ACCUSING = frozenset({"accuse", "blame", "charge", "suspect", "condemn", "denounce", "fault"})
# "the village of X": X is a place.
PLACE_NOUNS = frozenset(
    {
        "village",
        "town",
        "city",
        "province",
        "district",
        "region",
        "governorate",
        "county",
        "state",
        "municipality",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "camp",
        "valley",
        "capital",
        "island",
        "port",
        "territory",
        "locality",
        "hamlet",
    }
)
# Common nouns that refer back to an organisation ("the group", "group spokesman").
ORG_ANAPHORS = {
    "group": frozenset({"armed_group", "party", "ngo", None}),
    "militia": frozenset({"armed_group", None}),
    "network": frozenset({"armed_group", "media", None}),
    "organization": frozenset({"armed_group", "party", "ngo", "company", None}),
    "organisation": frozenset({"armed_group", "party", "ngo", "company", None}),
    "movement": frozenset({"armed_group", "party", None}),
    "party": frozenset({"party", None}),
    "faction": frozenset({"armed_group", "party", None}),
    "coalition": frozenset({"armed_group", "party"}),
    "alliance": frozenset({"armed_group", "party"}),
}
NAME_PARTICLES = ("al-", "el-", "al ", "el ", "ad-", "as-", "ash-", "az-", "an-", "ar-", "at-")
PERSON_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "captain",
        "capt",
        "general",
        "gen",
        "colonel",
        "col",
        "major",
        "lieutenant",
        "lt",
        "brigadier",
        "marshal",
        "admiral",
        "corporal",
        "cpl",
        "sergeant",
        "sgt",
        "sheikh",
        "shaikh",
        "imam",
        "ayatollah",
        "grand",
        "prime",
        "minister",
        "senator",
        "sen",
        "rep",
        "governor",
        "gov",
        "king",
        "queen",
        "prince",
        "emir",
        "commander",
        "mullah",
        "pastor",
        "father",
        "judge",
    }
)


@dataclass(frozen=True)
class KnownActor:
    canonical: str
    type: str
    kind: str | None
    names: tuple[str, ...]


def _lines(name: str) -> list[list[str]]:
    text = resources.files("actorgraph.pipeline").joinpath("lexicons", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@functools.cache
def known_actors() -> dict[str, KnownActor]:
    """Map every known name (case-sensitive) to its actor."""
    out: dict[str, KnownActor] = {}
    for row in _lines("actors.tsv"):
        canonical, typ, kind = row[0], row[1], row[2] or None
        names = (canonical, *(a for a in (row[3] if len(row) > 3 else "").split("|") if a))
        actor = KnownActor(canonical, typ, kind, names)
        for n in names:
            out.setdefault(n, actor)
    return out


def lookup_actor(name: str) -> KnownActor | None:
    """Return the known actor this name denotes (exact, then case-insensitive for long names)."""
    table = known_actors()
    hit = table.get(name)
    if hit is None and len(name) > 4:
        hit = _casefolded().get(name.casefold())
    if hit is None and " of " in name:  # "Democratic Republic of Congo": "of the" either way
        other = (
            name.replace(" of the ", " of ")
            if " of the " in name
            else name.replace(" of ", " of the ", 1)
        )
        hit = table.get(other) or _casefolded().get(other.casefold())
    return hit


@functools.cache
def known_names_pattern() -> re.Pattern[str]:
    """One regex over the unambiguous known names (case-sensitive, whole words)."""
    alternation = "|".join(re.escape(n) for n in _unambiguous_names())
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _unambiguous_names() -> list[str]:
    names = [n for n in known_actors() if len(n) >= 4 or (n.isupper() and len(n) >= 3)]
    names.sort(key=len, reverse=True)
    return names


@functools.cache
def _names_by_prefix() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name in _unambiguous_names():  # each is 3 characters or more and starts with \w
        table.setdefault(name[:3], []).append(name)
    return {k: tuple(v) for k, v in table.items()}


_WORD = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def known_name_spans(text: str) -> list[tuple[int, int]]:
    """The spans ``known_names_pattern().finditer(text)`` finds, found faster: only at the
    start of a word, only the names that begin with its first three characters."""
    table = _names_by_prefix()
    out: list[tuple[int, int]] = []
    end = 0
    for w in _WORD.finditer(text):
        s = w.start()
        if s < end or (s and text[s - 1] == "-"):
            continue
        for name in table.get(text[s : s + 3], ()):
            e = s + len(name)
            if text.startswith(name, s) and not _WORD_OR_HYPHEN.match(text, e):
                out.append((s, e))
                end = e
                break
    return out


@functools.cache
def _casefolded() -> dict[str, KnownActor]:
    return {k.casefold(): v for k, v in known_actors().items() if len(k) > 4}


@functools.cache
def org_kind_words() -> dict[str, str]:
    """Map a lower-case word or phrase to the org kind it signals."""
    out: dict[str, str] = {}
    for row in _lines("org_kinds.tsv"):
        for w in row[1].split("|"):
            out.setdefault(w.strip(), row[0])
    return out


def kind_of_words(words: list[str]) -> str | None:
    """Return the org kind signalled by a word sequence (last matching word or bigram wins)."""
    table = org_kind_words()
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 1, -1, -1):
        if i > 0 and f"{lowered[i - 1]} {lowered[i]}" in table:
            return table[f"{lowered[i - 1]} {lowered[i]}"]
        if lowered[i] in table:
            return table[lowered[i]]
    return None


@functools.cache
def capitals() -> dict[str, str]:
    """Map a national capital's name to its country (the lexicon's name where it has one),
    from the countries data of the installed ``countrystatecity-countries`` package."""
    import importlib.util
    import json
    from pathlib import Path

    # The data file only: importing the package would load pydantic for its models.
    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        return {}
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "countries.json"
    out: dict[str, str] = {}
    for row in json.loads(data.read_text("utf-8")):
        capital, country = row.get("capital"), row.get("name")
        if capital and country:
            known = lookup_actor(country)
            out.setdefault(capital, known.canonical if known else country)
    return out
