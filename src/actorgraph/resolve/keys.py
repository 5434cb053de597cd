"""The name keys an entity is looked up and indexed by, across documents.

Keys are strings with a kind prefix, so one indexed column serves every kind:

- ``n:`` the folded name (:func:`~actorgraph.resolve.identity.fold_key`): transliteration
  variants and doubled letters meet ("Qais al-Khazaali", "Qays al-Khazali");
- ``a:`` an acronym as written ("AAH"), never folded (doubled letters matter there);
- ``p:`` a person's first and last name, middle names and titles dropped
  ("Hillary Rodham Clinton" and "Hillary Clinton");
- ``s:`` the consonant skeleton of a multi-word name: only a blocking key, to find
  candidates that a fuzzy comparison then accepts or not.

A person's bare name ("Clinton") gives no key: it never joins another document's actor
by itself (only an alias a user added can make it).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from actorgraph.pipeline.lexicon import PERSON_TITLES
from actorgraph.resolve.identity import fold_key, normalize_name, skeleton

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&-]{1,9}$")
MISTYPED_PERSON = frozenset({"ORG", "GPE", "NORP"})
"""Entity types a person's full name is sometimes given by the tagger."""
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_GENERIC = frozenset(
    {"he", "she", "they", "it", "him", "her", "them", "we", "us", "i", "you", "group", "army"}
)


@dataclass(frozen=True)
class PersonName:
    """A person's name split for comparison: folded first, middle and last tokens."""

    first: str
    middle: tuple[str, ...]
    last: str


@dataclass(frozen=True)
class Names:
    """An entity's (or an actor's) usable names and the keys they give."""

    type: str
    names: tuple[str, ...]  # canonical name first
    exact: frozenset[str]  # n: and a: keys, indexed and looked up
    persons: tuple[PersonName, ...]  # full names of a PERSON
    blocking: frozenset[str]  # p: and s: keys, indexed and looked up
    bare: frozenset[str]  # n: keys of a person's one-word names: looked up, never indexed
    probes: frozenset[str] = frozenset()  # p: keys of person-like names of another type

    @property
    def index_keys(self) -> frozenset[str]:
        """Return the keys stored for this entity, so later documents find its actor."""
        return self.exact | self.blocking

    @property
    def lookup_keys(self) -> frozenset[str]:
        """Return the keys to find candidate actors by (bare names meet user aliases only)."""
        return self.exact | self.blocking | self.bare | self.probes


def usable(name: str) -> bool:
    """Return whether a name can identify an actor: capitalised, not a pronoun or "the group"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    norm = normalize_name(" ".join(words))
    if not norm or norm in _GENERIC or len(norm) < 2:
        return False
    return any(w[:1].isupper() or w[:1].isdigit() for w in words)


def is_acronym(name: str) -> bool:
    """Return whether ``name`` is written as an acronym ("AAH", "U.S.")."""
    return bool(_ACRONYM.match(name.strip())) and sum(c.isalpha() for c in name) >= 2


def name_key(name: str) -> str:
    """Return the exact key of one name: ``a:`` for an acronym, else ``n:`` folded."""
    if is_acronym(name):
        return "a:" + normalize_name(name).replace(" ", "")
    return "n:" + fold_key(name)


def strip_titles(name: str) -> str:
    """Return a person's name without leading titles ("President Trump" -> "Trump")."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in PERSON_TITLES:
        words = words[1:]
    return " ".join(words)


def person_name(name: str) -> PersonName | None:
    """Return the parts of a full personal name, or None for one word ("Clinton", "Mr Trump")."""
    tokens = fold_key(strip_titles(name)).split()
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return PersonName(tokens[0], tuple(tokens[1:-1]), tokens[-1])


def names_of(name: str, aliases: tuple[str, ...] | list[str], type_: str) -> Names:
    """Return the usable names of an entity (``name`` first) and their keys."""
    return _names_of(name, tuple(aliases), type_)


@functools.lru_cache(maxsize=1 << 14)  # the writer asks again for every stored actor met
def _names_of(name: str, aliases: tuple[str, ...], type_: str) -> Names:
    names = tuple(n for n in dict.fromkeys((name, *aliases)) if usable(n))
    exact: set[str] = set()
    blocking: set[str] = set()
    bare: set[str] = set()
    probes: set[str] = set()
    persons: list[PersonName] = []
    for n in names:
        key = name_key(strip_titles(n) if type_ == "PERSON" else n)
        if type_ == "PERSON":
            parts = person_name(n)
            if parts is None:
                bare.add(key)
                continue
            persons.append(parts)
            blocking.add(f"p:{parts.first}|{parts.last}")
            blocking.add("s:" + skeleton(f"{parts.first} {parts.last}"))
        elif len(n.split()) > 1:
            blocking.add("s:" + skeleton(n))
            if type_ in MISTYPED_PERSON and _person_like(n):
                parts = person_name(n)
                if parts is not None:  # spaCy calls some people ORG: look for the person too
                    persons.append(parts)
                    probes.add(f"p:{parts.first}|{parts.last}")
        exact.add(key)
    return Names(
        type=type_,
        names=names,
        exact=frozenset(exact),
        persons=tuple(dict.fromkeys(persons)),
        blocking=frozenset(blocking),
        bare=frozenset(bare),
        probes=frozenset(probes),
    )


def _person_like(name: str) -> bool:
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not is_acronym(name)
